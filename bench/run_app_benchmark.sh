#!/usr/bin/env bash
# The app under a big drop, beside the CLI on the same files as the baseline (same run, same machine):
#   bench/run_app_benchmark.sh [BUILD_DIR] [FILES]        (defaults: build, 10000)
# Prints the load average, the app's figures (socialctx_app_bench: time, longest event-loop gap, memory per
# 1,000 rows) and `socialctx classify` on the same folder (time, peak memory), and the ratio of the two times.
set -euo pipefail
build=${1:-build}
n=${2:-10000}
app_bench=$build/bench/socialctx_app_bench
cli=$build/src/cli/socialctx
[ -x "$app_bench" ] && [ -x "$cli" ] || { echo "build socialctx_app_bench and socialctx first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "== $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
echo "== the app (offscreen window, shipped default model)"
/usr/bin/time -f "app: %e s wall, %M KiB peak RSS" "$app_bench" --files "$n" --dir "$work/clips" 2>&1 |
  grep -v -e propagateSizeHints -e XDG_RUNTIME_DIR | tee "$work/app.txt"
echo "== the CLI on the same files (baseline)"
/usr/bin/time -f "cli: %e s wall, %M KiB peak RSS" "$cli" classify --quiet --format jsonl -o "$work/out.jsonl" \
  "$work/clips" 2>&1 | tee "$work/cli.txt"
app_s=$(sed -n 's/^classified: .* in \([0-9.]*\) s .*/\1/p' "$work/app.txt")
cli_s=$(sed -n 's/^cli: \([0-9.]*\) s wall.*/\1/p' "$work/cli.txt")
echo "== app batch time / CLI time: $(printf "%.2f" "$(echo "scale=4; $app_s / $cli_s" | bc)") (app $app_s s classifying, CLI $cli_s s in all)"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
