#!/usr/bin/env bash
# The same on one big machine (or over ssh hosts with --sshlogin) with GNU parallel: N shards side by side.
#   scripts/cluster/parallel.sh INPUT_DIR OUTPUT_DIR [N]
# The one-liner it runs:
#   parallel -j N 'socialctx classify --shard {}/N --threads 2 --quiet --format jsonl --output OUT/shard-{}.jsonl --resume IN' ::: $(seq 1 N)
set -euo pipefail
input=${1:?usage: parallel.sh INPUT_DIR OUTPUT_DIR [N]}
output=${2:?usage: parallel.sh INPUT_DIR OUTPUT_DIR [N]}
n=${3:-$(( $(nproc) / 2 > 0 ? $(nproc) / 2 : 1 ))}
mkdir -p "$output"
parallel -j "$n" "socialctx classify --shard {}/$n --threads 2 --quiet --format jsonl --output '$output'/shard-{}.jsonl --resume '$input' || [ \$? -eq 1 ]" ::: $(seq 1 "$n")
socialctx merge "$output"/shard-*.jsonl -o "$output/all.jsonl"
