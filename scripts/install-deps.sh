#!/usr/bin/env bash
# Installs what Social Context Classifier needs from Debian 12's own packages (nothing is downloaded elsewhere).
#   scripts/install-deps.sh          build + run (the app, the CLI, the shipped model)
#   scripts/install-deps.sh --test   also what the tests use (GoogleTest, ffmpeg/sox to make test files,
#                                    speech synthesizers, Xvfb, python3-torch for the importer's check)
set -euo pipefail
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

build=(
  build-essential cmake ninja-build pkg-config git ca-certificates file
  qt6-base-dev qt6-base-dev-tools qt6-multimedia-dev libqt6svg6-dev qt6-qpa-plugins
  qt6-tools-dev qt6-l10n-tools  # Qt Linguist (lupdate, lrelease): the app's German and Spanish translations
  libtorch-dev libsndfile1-dev libfftw3-dev libkissfft-dev
  libavformat-dev libavcodec-dev libswresample-dev libavutil-dev libsoxr-dev
  nlohmann-json3-dev libpugixml-dev nettle-dev
  libopenblas0-openmp  # takes over libtorch's libblas.so.3: OpenBLAS instead of the reference BLAS (OpenMP build)
)
test=(
  googletest libgtest-dev libbenchmark-dev
  ffmpeg sox espeak-ng flite festival
  festvox-kallpc16k festvox-kdlpc16k festvox-us-slt-hts festvox-italp16k festvox-itapc16k festvox-suopuhe-lj
  festvox-suopuhe-mv festvox-ca-ona-hts festvox-czech-dita festvox-czech-krb festvox-czech-machac festvox-czech-ph
  festvox-hi-nsk festvox-mr-nsk festvox-te-nsk festival-hi festival-mr festival-te
  xvfb xauth imagemagick util-linux procps strace time bc binutils
  python3-torch python3-numpy
  fakeroot dpkg-dev debootstrap clang libclang-rt-14-dev clang-format
  desktop-file-utils appstream lintian  # scripts/test-deb.sh validates the desktop file, the metainfo and the .deb
  g++-mingw-w64-x86-64-posix  # scripts/check-mingw.sh: the core and the CLI cross-checked for Windows
)
packages=("${build[@]}")
[ "$want_test" = 1 ] && packages+=("${test[@]}")

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${packages[@]}"
