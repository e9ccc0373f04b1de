#!/usr/bin/env bash
# Runs each fuzz target for a fixed time and prints what it did.
#   fuzz/run_fuzzers.sh BUILD_DIR SECONDS_PER_TARGET [TARGET...]
# BUILD_DIR is a -DSOCIALCTX_FUZZ=ON build (clang) whose targets are built. Seeds are made on first use
# (BUILD_DIR/fuzz-seeds), the corpus grows in BUILD_DIR/fuzz-corpus/<target>, the inputs of earlier findings
# (tests/data/fuzz-regressions/<target>) and the minimised corpus of the last long campaign
# (tests/data/fuzz-corpus/<target>, see its README) are replayed as part of the corpus, and a crash's input lands in
# BUILD_DIR/fuzz-artifacts/<target>/. Exits non-zero if any target crashed, leaked, hung or ran out of memory.
set -uo pipefail
build=${1:?usage: run_fuzzers.sh BUILD_DIR SECONDS_PER_TARGET [TARGET...]}
seconds=${2:?usage: run_fuzzers.sh BUILD_DIR SECONDS_PER_TARGET [TARGET...]}
shift 2
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(decode features pth resume ami_xml)
here=$(cd "$(dirname "$0")" && pwd)
regressions=$here/../tests/data/fuzz-regressions
committed=$here/../tests/data/fuzz-corpus
build=$(cd "$build" && pwd)

[ -d "$build/fuzz-seeds/decode" ] || "$here/make_seeds.sh" "$build/fuzz-seeds" || exit 1

# Leaks are findings too; LibTorch's and FFmpeg's known one-off allocations are listed in lsan.supp.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

max_len_for() {  # big enough for the seeds; small inputs keep each run fast
    case $1 in decode) echo 65536 ;; features) echo 32768 ;; pth) echo 16384 ;; resume) echo 8192 ;; ami_xml) echo 8192 ;; esac
}

failed=0
total_runs=0
printf '%-10s %12s %8s %s\n' target runs seconds result
for t in "${targets[@]}"; do
    exe=$build/fuzz/fuzz_$t
    if [ ! -x "$exe" ]; then
        echo "run_fuzzers: $exe is missing (build it: ninja -C $build fuzzers)" >&2
        failed=1
        continue
    fi
    corpus=$build/fuzz-corpus/$t
    artifacts=$build/fuzz-artifacts/$t
    log=$build/fuzz-logs/$t.log
    mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
    dirs=("$corpus")
    [ -d "$build/fuzz-seeds/$t" ] && dirs+=("$build/fuzz-seeds/$t")
    [ -d "$here/seeds/$t" ] && dirs+=("$here/seeds/$t")  # committed seeds (text formats)
    [ -d "$regressions/$t" ] && dirs+=("$regressions/$t")
    [ -d "$committed/$t" ] && dirs+=("$committed/$t")  # the minimised corpus of a long campaign (read only)
    start=$(date +%s)
    "$exe" -seed="${FUZZ_SEED:-1}" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -max_len="$(max_len_for "$t")" \
        -print_final_stats=1 -artifact_prefix="$artifacts/" "${dirs[@]}" >"$log" 2>&1
    rc=$?
    elapsed=$(( $(date +%s) - start ))
    runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
    secs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\2/p' "$log" | tail -1)
    [ -n "$runs" ] || runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    if [ $rc -eq 0 ]; then
        result=ok
    else
        result="FAILED (exit $rc; input in $artifacts, log $log)"
        failed=1
        grep -E "^(==[0-9]+==ERROR|SUMMARY|.*runtime error)" "$log" | head -5 >&2
    fi
    total_runs=$((total_runs + ${runs:-0}))
    printf '%-10s %12s %8s %s\n' "$t" "${runs:-?}" "${secs:-$elapsed}" "$result"
done
echo "run_fuzzers: $total_runs executions in all"
exit $failed
