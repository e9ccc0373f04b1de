#!/usr/bin/env bash
# Training speed per architecture, in one run, under Debian's reference BLAS (libblas3, what libtorch links when
# nothing else is installed) and under OpenBLAS (libopenblas0-openmp, which scripts/install-deps.sh installs and
# which takes over the libblas.so.3 alternative): a training step (forward + backward + Adam, batch 32) and an
# inference forward pass (batch 32), with 1 and 2 LibTorch threads, per clip, and the OpenBLAS/reference ratios.
# Prints figures; asserts nothing.   Usage: bench/run_train_benchmarks.sh [BUILD_DIR] [--benchmark_filter=RE]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
shift || true
bin=$build/bench/socialctx_train_bench
lib=/usr/lib/$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)
reference=$lib/blas
openblas=$lib/openblas-openmp
[ -x "$bin" ] || { echo "no $bin: build the target socialctx_train_bench" >&2; exit 2; }
[ -e "$reference/libblas.so.3" ] || { echo "no reference BLAS in $reference (apt-get install libblas3)" >&2; exit 2; }
[ -e "$openblas/libblas.so.3" ] || { echo "no OpenBLAS in $openblas (apt-get install libopenblas0-openmp)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "# socialctx training benchmark  $(date -u +%FT%TZ)  $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for blas in reference openblas; do
  dir=$reference; [ $blas = openblas ] && dir=$openblas
  # Which libblas.so.3 the process really maps, so the figures cannot be mislabelled.
  mapped=$(LD_LIBRARY_PATH=$dir LD_DEBUG=libs "$bin" --benchmark_list_tests 2>&1 >/dev/null | awk '/calling init:.*libblas\.so\.3/ && !m {m=$NF} END {print m}')
  echo "# $blas BLAS: $mapped   load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  OMP_NUM_THREADS=2 LD_LIBRARY_PATH=$dir "$bin" --benchmark_format=json --benchmark_out="$work/$blas.json" \
    --benchmark_out_format=json "$@" >/dev/null
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 - "$work/reference.json" "$work/openblas.json" <<'PY'
import json, sys
def load(p):
    out = {}
    for b in json.load(open(p))["benchmarks"]:
        name = b["name"]  # BM_TrainStep/ARCH/32/2/iterations:2/manual_time
        parts = name.split("/")
        kind, arch, batch, threads = parts[0], parts[1], int(parts[2]), int(parts[3])
        ms = b["real_time"] * {"ms": 1, "us": 1e-3, "ns": 1e-6, "s": 1e3}[b["time_unit"]]
        out[(kind, arch, threads)] = ms / batch
    return out
ref, ob = load(sys.argv[1]), load(sys.argv[2])
print()
print("| architecture | threads | train step ms/clip, reference BLAS | OpenBLAS | speed-up | forward ms/clip, reference | OpenBLAS | speed-up |")
print("|---|---|---|---|---|---|---|---|")
archs = sorted({a for (_, a, _) in ref})
for arch in archs:
    for t in (1, 2):
        row = [arch, str(t)]
        for kind in ("BM_TrainStep", "BM_Forward"):
            r, o = ref.get((kind, arch, t)), ob.get((kind, arch, t))
            row += [f"{r:.2f}" if r else "-", f"{o:.2f}" if o else "-", f"{r / o:.2f}x" if r and o else "-"]
        print("| " + " | ".join(row) + " |")
PY
