#!/usr/bin/env bash
# Fails when a tracked C++ file differs from what clang-format makes of it with the project's .clang-format.
#   scripts/check-format.sh         check (what CI runs); prints the files and the first differences
#   scripts/check-format.sh --fix   rewrite them in place
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "clang-format is not installed (apt-get install clang-format)" >&2; exit 2; }
mapfile -t files < <(git ls-files '*.cpp' '*.h')
if [ "${1:-}" = "--fix" ]; then
  clang-format -i "${files[@]}"
  exit 0
fi
bad=0
for f in "${files[@]}"; do
  if ! clang-format --dry-run -Werror "$f" 2>/dev/null; then
    echo "not formatted: $f" >&2
    diff -u "$f" <(clang-format "$f") | head -20 >&2 || true
    bad=$((bad + 1))
  fi
done
echo "clang-format $(clang-format --version | grep -o '[0-9][0-9.]*' | head -1): ${#files[@]} files, $bad not formatted"
[ "$bad" = 0 ]
