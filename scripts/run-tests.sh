#!/usr/bin/env bash
# Builds and runs every test: the main build (FFTW, app, CLI, all tests), then the KissFFT build of the core
# with its parity tests. Usage: scripts/run-tests.sh [BUILD_ROOT]   (default: ./build-tests)
set -euo pipefail
cd "$(dirname "$0")/.."
root=${1:-build-tests}
jobs=$(nproc)

echo "== FFTW build (default): everything"
cmake -S . -B "$root/fftw" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSOCIALCTX_WARNINGS_AS_ERRORS=ON
cmake --build "$root/fftw" -j "$jobs"
ctest --test-dir "$root/fftw" --output-on-failure -j 1

echo "== KissFFT build: the core and its tests (parity with librosa on the other FFT)"
cmake -S . -B "$root/kissfft" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSOCIALCTX_FFT=kissfft \
  -DSOCIALCTX_BUILD_APP=OFF -DSOCIALCTX_BUILD_BENCHMARKS=OFF -DSOCIALCTX_WARNINGS_AS_ERRORS=ON
cmake --build "$root/kissfft" -j "$jobs" --target core_tests
ctest --test-dir "$root/kissfft" --output-on-failure -R '^(RealFft|LibrosaParity|Cases/LibrosaParity|LogMel|LibrosaParityDetails)'
