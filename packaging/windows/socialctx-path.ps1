# Adds the installer's bin folder to the current user's PATH, or removes it again (run by the NSIS installer and
# uninstaller). PowerShell rather than NSIS's own string functions: those are limited to 1,024 characters and would
# truncate a long PATH (the reason CPACK_NSIS_MODIFY_PATH is not used).
#   powershell -NoProfile -ExecutionPolicy Bypass -File socialctx-path.ps1 -Add|-Remove DIR
param([switch]$Add, [switch]$Remove, [Parameter(Mandatory = $true)][string]$Dir)
$current = [Environment]::GetEnvironmentVariable('Path', 'User')
if ($null -eq $current) { $current = '' }
$entries = @($current -split ';' | Where-Object { $_ -ne '' -and $_.TrimEnd('\') -ne $Dir.TrimEnd('\') })
if ($Add) { $entries += $Dir }
[Environment]::SetEnvironmentVariable('Path', ($entries -join ';'), 'User')
