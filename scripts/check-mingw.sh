#!/usr/bin/env bash
# Cross-check for Windows on a Linux machine: every source of the core and of the CLI that needs neither LibTorch
# nor Qt, compiled with Debian's MinGW-w64 toolchain (x86_64-w64-mingw32-g++, posix threads) as C++17 with
# -fsyntax-only, with the Windows branch of the platform layer (src/core/platform/*_windows.cpp) and without the
# POSIX one. It proves that this code names no POSIX-only header, function or type outside the platform layer and
# that the Windows implementations compile against the Windows API; it does not link, run, or check LibTorch/Qt
# code or the third-party libraries' own Windows builds (their Linux headers stand in for theirs).
#   scripts/check-mingw.sh            (installs g++-mingw-w64-x86-64-posix when missing, as root or with sudo)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cxx=x86_64-w64-mingw32-g++-posix
if ! command -v $cxx >/dev/null; then
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends g++-mingw-w64-x86-64-posix
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The third-party headers the core includes, and nothing else of Linux's /usr/include (its libc headers must not
# shadow MinGW's).
inc=$work/include
mkdir -p "$inc"
for h in sndfile.h soxr.h fftw3.h pugixml.hpp pugiconfig.hpp nlohmann kissfft nettle; do ln -s "/usr/include/$h" "$inc/$h"; done
for d in libavformat libavcodec libavutil libswresample; do ln -s "/usr/include/x86_64-linux-gnu/$d" "$inc/$d"; done
sed -e 's/@[A-Z_0-9]*@/x/g' "$root/src/core/build_info.h.in" > "$inc/build_info.h"

# Sources: the core without its LibTorch files and without POSIX platform files; the CLI.
mapfile -t sources < <(cd "$root" && find src/core src/cli -name '*.cpp' | sort |
  grep -v -e '_posix\.cpp$' | while read -r f; do grep -q -E '#include <(torch|ATen|c10)/|"model/torch_modules.h"' "$f" || echo "$f"; done)
flags=(-std=c++17 -fsyntax-only -Wall -Wextra -Werror -Wno-unused-parameter -D_USE_MATH_DEFINES
       -I"$root/src/core" -I"$root/src/cli" -isystem "$inc")
failed=0
for f in "${sources[@]}"; do
  if ! out=$($cxx "${flags[@]}" "$root/$f" 2>&1); then
    echo "FAIL $f"; echo "$out" | head -30; failed=$((failed + 1))
  fi
done
echo "mingw cross-check: ${#sources[@]} sources, $failed failed (compiler: $($cxx --version | head -1))"
[ "$failed" = 0 ]
