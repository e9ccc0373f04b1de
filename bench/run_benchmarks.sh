#!/usr/bin/env bash
# End-to-end speed and memory of socialctx, with the original Python pipeline (librosa + PyTorch) on the same
# files as the baseline where it is available. Prints figures; asserts nothing.
#   bench/run_benchmarks.sh [BUILD_DIR] [KISSFFT_BUILD_DIR]
# Env: BENCH_DIR (scratch, default /tmp/socialctx-bench), BIG_N (files in the big batch, default 10000),
#      LIBROSA (a librosa 0.11.0 checkout for the baseline, default /tmp/librosa-0.11.0), MODEL (default: shipped).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
kiss_build=${2:-}
cli=$build/src/cli/socialctx
work=${BENCH_DIR:-/tmp/socialctx-bench}
big_n=${BIG_N:-10000}
librosa=${LIBROSA:-/tmp/librosa-0.11.0}
threads=2
mkdir -p "$work"

model=${MODEL:-}
if [ -z "$model" ]; then
  model=$("$cli" info 2>/dev/null | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["model"]["file"])' || true)
fi
if [ -z "$model" ]; then
  model=$work/untrained.pt
  "$cli" init-model -o "$model"
fi

echo "# socialctx benchmarks  $(date -u +%F)  $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "# model: $model"
echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

echo; echo "## Micro-benchmarks (Google Benchmark)"
"$build/bench/socialctx_bench" --benchmark_min_time=0.5 2>/dev/null | grep -E "^(BM_|Benchmark|-)" || true
if [ -n "$kiss_build" ] && [ -x "$kiss_build/bench/socialctx_bench" ]; then
  "$kiss_build/bench/socialctx_bench" --benchmark_filter=LogMel --benchmark_min_time=0.5 2>/dev/null | grep -E "^BM_" || true
fi

# 200 different 3 s clips (pink noise, tones and chirps at varied levels; the content does not change the cost).
clips=$work/clips200
if [ ! -d "$clips" ] || [ "$(ls "$clips" | wc -l)" != 200 ]; then
  rm -rf "$clips"; mkdir -p "$clips"
  for i in $(seq 1 200); do
    f=$((100 + (i * 37) % 900))
    sox -n -r 16000 -c 1 -b 16 "$clips/clip$i.wav" synth 3 pinknoise synth 3 sine mix $f-$((f * 3)) vol 0.$((2 + i % 7)) 2>/dev/null
  done
fi
# A 60-minute recording.
long=$work/long60.wav
[ -f "$long" ] || sox -n -r 16000 -c 1 -b 16 "$long" synth 3600 pinknoise synth 3600 sine mix 200-2000 vol 0.3 2>/dev/null

# Where the time goes: socialctx's own per-stage totals (classify --timings; stages summed over threads).
stage_split() {  # label, then the classify arguments
  local label=$1; shift
  "$cli" classify --timings --threads $threads --format jsonl --quiet -o "$work/timings.jsonl" --model "$model" "$@" \
    2>"$work/timings.txt" || true
  echo "$label  (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  sed -n 's/^timings: //p' "$work/timings.txt"
}

measure() {  # prints "seconds peakRSS_MB" for a command
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>&1 || true
  awk '{printf "%s %.0f\n", $1, $2/1024}' "$work/time.txt"
}

echo; echo "## End to end (socialctx classify --threads $threads --format jsonl)"
read -r s200 rss200 < <(measure "$cli" classify --threads $threads --format jsonl --quiet -o "$work/out200.jsonl" --model "$model" "$clips")
printf "200 clips of 3 s:     %6.2f s  %7.1f clips/s  peak RSS %4d MB\n" "$s200" "$(echo "200/$s200" | bc -l)" "$rss200"
read -r s60 rss60 < <(measure "$cli" classify --threads $threads --format jsonl --quiet -o "$work/out60.jsonl" --model "$model" "$long")
printf "60 min recording:     %6.2f s  (%d windows)        peak RSS %4d MB\n" "$s60" 2399 "$rss60"

echo; echo "## Per-stage split (socialctx classify --timings --threads $threads)"
stage_split "200 clips of 3 s:" "$clips"
stage_split "60 min recording:" "$long"

if [ -d "$librosa" ]; then
  echo; echo "## Baseline: the original Python pipeline (librosa 0.11.0 + PyTorch $( /usr/bin/python3 -c 'import torch; print(torch.__version__)'), $threads threads)"
  export PYTHONPATH=$librosa:$here/../tests/parity/soxr_shim
  read -r p200 prss200 < <(measure /usr/bin/python3 "$here/reference_pipeline.py" "$clips" --threads $threads)
  printf "200 clips of 3 s:     %6.2f s  %7.1f clips/s  peak RSS %4d MB   -> socialctx is %.1fx faster\n" \
    "$p200" "$(echo "200/$p200" | bc -l)" "$prss200" "$(echo "$p200/$s200" | bc -l)"
  read -r p60 prss60 < <(measure /usr/bin/python3 "$here/reference_pipeline.py" "$clips" --threads $threads --long "$long")
  printf "60 min recording:     %6.2f s                       peak RSS %4d MB   -> socialctx is %.1fx faster\n" \
    "$p60" "$prss60" "$(echo "$p60/$s60" | bc -l)"
  unset PYTHONPATH
else
  echo; echo "## Baseline skipped: no librosa checkout at $librosa (see tests/parity/README.md)"
fi

echo; echo "## Start-up (median of 5 runs, whole process, wall clock)"
median_ms() {  # runs a command 5 times (plus one warm-up), prints the median wall time in ms
  local times=() t0 t1
  "$@" >/dev/null 2>&1 || true
  for _ in 1 2 3 4 5; do
    t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf "%s\n" "${times[@]}" | sort -n | sed -n 3p
}
printf "socialctx --version (no model):        %5d ms\n" "$(median_ms "$cli" --version)"
printf "socialctx info (loads the model):      %5d ms\n" "$(median_ms "$cli" info --model "$model")"
gui=$build/src/app/socialctx-gui
if [ -x "$gui" ] && command -v Xvfb >/dev/null; then
  Xvfb :97 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  app_ready() { DISPLAY=:97 QT_QPA_PLATFORM=xcb SOCIALCTX_EXIT_WHEN_READY=1 "$gui" --model "$model"; }
  printf "socialctx-gui until ready (Xvfb):      %5d ms   (window shown, model loaded)\n" "$(median_ms app_ready)"
  kill $xvfb 2>/dev/null || true
fi
if [ -d "$librosa" ]; then
  printf "original pipeline: python3 import librosa, torch: %5d ms\n" \
    "$(PYTHONPATH=$librosa:$here/../tests/parity/soxr_shim median_ms /usr/bin/python3 -c 'import librosa, torch')"
fi

echo; echo "## Big batch: $big_n files of 1 s vs 200 of them (flat memory, steady throughput)"
bigdir=$work/big$big_n
if [ ! -d "$bigdir" ] || [ "$(find "$bigdir" -type f | wc -l)" != "$big_n" ]; then
  rm -rf "$bigdir"; mkdir -p "$bigdir"
  sox -n -r 16000 -c 1 -b 16 "$work/one.wav" synth 1 pinknoise vol 0.2 2>/dev/null
  for i in $(seq 1 "$big_n"); do
    d=$bigdir/d$((i % 100)); mkdir -p "$d"; cp "$work/one.wav" "$d/f$i.wav"   # copies: every file is its own inode
  done
fi
small=$work/small200
rm -rf "$small"; mkdir -p "$small"; for i in $(seq 1 200); do cp "$work/one.wav" "$small/f$i.wav"; done
read -r t200 r200 < <(measure "$cli" classify --threads $threads --format jsonl --quiet -o "$work/s.jsonl" --model "$model" "$small")
read -r tbig rbig < <(measure "$cli" classify --threads $threads --format jsonl --quiet -o "$work/b.jsonl" --model "$model" "$bigdir")
printf "200 files:     %7.2f s  %7.1f files/s  peak RSS %4d MB\n" "$t200" "$(echo "200/$t200" | bc -l)" "$r200"
printf "%d files:   %7.2f s  %7.1f files/s  peak RSS %4d MB   (records written: %d)\n" "$big_n" "$tbig" \
  "$(echo "$big_n/$tbig" | bc -l)" "$rbig" "$(wc -l < "$work/b.jsonl")"
printf "throughput ratio (big/200): %.2f   RSS ratio: %.2f\n" "$(echo "($big_n/$tbig)/(200/$t200)" | bc -l)" "$(echo "$rbig/$r200" | bc -l)"
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
