#include <io.h>

#include "platform/file_info.h"
#include "platform/windows_text.h"

namespace sctx::platform {

FileInfo file_info(const std::string& path) {
    FileInfo info;
    // FILE_FLAG_BACKUP_SEMANTICS opens folders too; CreateFile follows symbolic links and junctions, as stat does.
    HANDLE h = CreateFileW(win::widen(path).c_str(), FILE_READ_ATTRIBUTES,
                           FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr, OPEN_EXISTING,
                           FILE_FLAG_BACKUP_SEMANTICS, nullptr);
    if (h == INVALID_HANDLE_VALUE) {
        info.error = win::errno_of(GetLastError());
        return info;
    }
    BY_HANDLE_FILE_INFORMATION bh{};
    const bool ok = GetFileInformationByHandle(h, &bh) != 0;
    const DWORD type = GetFileType(h);
    CloseHandle(h);
    if (!ok) {
        info.error = win::errno_of(GetLastError());
        return info;
    }
    info.type = (bh.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) ? FileType::directory
                : type == FILE_TYPE_DISK                         ? FileType::regular
                                                                 : FileType::other;
    info.size = int64_t((uint64_t(bh.nFileSizeHigh) << 32) | bh.nFileSizeLow);
    // FILETIME: 100 ns ticks since 1601-01-01; 11644473600 s separate that from 1970-01-01.
    const uint64_t ticks = (uint64_t(bh.ftLastWriteTime.dwHighDateTime) << 32) | bh.ftLastWriteTime.dwLowDateTime;
    const int64_t since_1970 = int64_t(ticks) - int64_t(116444736000000000LL);
    info.mtime_sec = since_1970 / 10000000;
    info.mtime_nsec = (since_1970 % 10000000) * 100;
    info.device = bh.dwVolumeSerialNumber;
    info.inode = (uint64_t(bh.nFileIndexHigh) << 32) | bh.nFileIndexLow;
    return info;
}

bool is_readable(const std::string& path, int* error) {
    if (_waccess(win::widen(path).c_str(), 4) == 0) return true;
    if (error) *error = errno;
    return false;
}

bool list_directory(const std::string& dir, std::vector<std::string>& names, int& error) {
    std::wstring pattern = win::widen(dir);
    if (!pattern.empty() && pattern.back() != L'\\' && pattern.back() != L'/') pattern += L'\\';
    pattern += L'*';
    WIN32_FIND_DATAW fd{};
    HANDLE h = FindFirstFileW(pattern.c_str(), &fd);
    if (h == INVALID_HANDLE_VALUE) {
        const DWORD e = GetLastError();
        if (e == ERROR_FILE_NOT_FOUND) return true;  // an empty drive root has not even "."
        error = win::errno_of(e);
        return false;
    }
    do {
        const std::wstring name = fd.cFileName;
        if (name == L"." || name == L"..") continue;
        names.push_back(win::narrow(fd.cFileName));
    } while (FindNextFileW(h, &fd));
    FindClose(h);
    return true;
}

bool replace_file(const std::string& from, const std::string& to) {
    if (MoveFileExW(win::widen(from).c_str(), win::widen(to).c_str(),
                    MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
        return true;
    errno = win::errno_of(GetLastError());
    return false;
}

}  // namespace sctx::platform
