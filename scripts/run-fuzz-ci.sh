#!/usr/bin/env bash
# The fuzzers as a CI step: builds the libFuzzer targets with clang (fuzz/) and runs each for a short time
# (20 s by default, about a minute in all), replaying every earlier finding (tests/data/fuzz-regressions/) first.
# Usage: scripts/run-fuzz-ci.sh BUILD_DIR [SECONDS_PER_TARGET]     Needs clang and libclang-rt-14-dev.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: run-fuzz-ci.sh BUILD_DIR [SECONDS_PER_TARGET]}
seconds=${2:-20}
for tool in clang clang++; do
  command -v "$tool" >/dev/null || { echo "run-fuzz-ci: $tool is missing (apt-get install clang libclang-rt-14-dev)" >&2; exit 1; }
done
start=$(date +%s)
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSOCIALCTX_FUZZ=ON \
  -DSOCIALCTX_BUILD_APP=OFF -DSOCIALCTX_BUILD_TESTS=OFF -DSOCIALCTX_BUILD_BENCHMARKS=OFF
cmake --build "$build" -j "$(nproc)" --target fuzzers
echo "run-fuzz-ci: built in $(( $(date +%s) - start )) s"
fuzz/run_fuzzers.sh "$build" "$seconds"
