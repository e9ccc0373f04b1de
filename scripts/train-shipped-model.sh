#!/usr/bin/env bash
# Regenerates the data, trains and evaluates the two shipped models (models/socialctx.pt, the fast default, and
# models/socialctx-accurate.pt, the mean of the default and a talker counter) from a clean checkout, with the exact settings of
# models/MODEL_CARD.md. On a 2-core machine the full run takes a few hours (see the model card for each step's
# time); run it in the background: nohup scripts/train-shipped-model.sh /work/data/shipped > train.log 2>&1 &
#
#   scripts/train-shipped-model.sh WORK_DIR [--toy]
#
# Steps (each skipped when its output already exists, so an interrupted run continues):
#   1. build the CLI                                  WORK_DIR/build
#   2. real talkers from Debian packages              WORK_DIR/talkers         (scripts/extract-real-talkers.sh)
#   3. the training set: synthesized + real talkers   WORK_DIR/synth           (socialctx dataset synth)
#   4. training: the talker counter (socialctx-counter, first: the longer run)   WORK_DIR/socialctx-counter.pt
#      the default (socialctx-counter-lite)                                     WORK_DIR/socialctx.pt
#      the accurate model: both as one ensemble (socialctx ensemble)             WORK_DIR/socialctx-accurate.pt
#   5. the real-voice validation set (val speakers)   WORK_DIR/real-val        (eval/make_real_eval.sh --talkers)
#   6. the frozen real-speech evaluation set          WORK_DIR/real-eval       (eval/make_real_eval.sh + verify)
#   7. validation scores (the choice among runs), then evaluation once   WORK_DIR/*.real-val.json, *.real-eval.json
# --toy: a few hundred clips and two epochs, to prove the pipeline end to end (what CI runs).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:?usage: train-shipped-model.sh WORK_DIR [--toy]}
toy=0
[ "${2:-}" = "--toy" ] && toy=1
mkdir -p "$work"
work=$(cd "$work" && pwd)
threads=${THREADS:-2}
stamp() { echo "== $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg): $*"; }

# The recipe (the model card quotes these lines).
clips=25000
epochs_default=30
epochs_accurate=40
if [ $toy = 1 ]; then clips=250; epochs_default=2; epochs_accurate=2; fi

stamp "1. build"
if [ ! -x "$work/build/src/cli/socialctx" ]; then
  cmake -S "$root" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSOCIALCTX_BUILD_APP=OFF \
    -DSOCIALCTX_BUILD_TESTS=OFF -DSOCIALCTX_BUILD_BENCHMARKS=OFF >/dev/null
  cmake --build "$work/build" -j "$threads" --target socialctx
fi
cli=$work/build/src/cli/socialctx

stamp "2. real talkers"
if [ ! -f "$work/talkers/utterances.csv" ]; then
  if [ $toy = 1 ]; then LIMIT=${LIMIT:-4} bash "$root/scripts/extract-real-talkers.sh" "$work/talkers"
  else bash "$root/scripts/extract-real-talkers.sh" "$work/talkers"; fi
fi

stamp "3. training set ($clips clips)"
if [ ! -f "$work/synth/manifest.csv" ]; then
  "$cli" dataset synth --out "$work/synth" --count $clips --seed 11 --threads "$threads" \
    --real-talkers "$work/talkers" --real-share 0.65 --frame-targets --utterances-per-voice 12 \
    --cache "$work/utterances"
fi

train() {  # OUT ARGS...: one model, written only when training finished
  local out=$1; shift
  [ -f "$work/$out.pt" ] && return 0
  "$cli" train --manifest "$work/synth/manifest.csv" --out "$work/$out.pt.partial" --lr 0.001 --cosine \
    --batch-size 32 --threads "$threads" --seed 1 --select f1 --label-smoothing 0.05 \
    --freq-masks 2 --time-masks 2 --mix-prob 0.2 --cache "$work/feature-cache" "$@"
  mv "$work/$out.pt.partial" "$work/$out.pt"
  mv "$work/$out.pt.partial.report.json" "$work/$out.report.json" 2>/dev/null || true
}
# COUNTER_FROM=FILE: take that talker counter (a socialctx-counter trained by this same recipe) instead of
# training it again. The 2.1.0 models were made so, with the 2.0.0 accurate model of commit 16af871:
#   git show 16af871:models/socialctx-accurate.pt > counter-2.0.0.pt; COUNTER_FROM=counter-2.0.0.pt ...
if [ -n "${COUNTER_FROM:-}" ] && [ ! -f "$work/socialctx-counter.pt" ]; then
  cp "$COUNTER_FROM" "$work/socialctx-counter.pt"
fi
stamp "4a. training the talker counter (socialctx-counter, at most $epochs_accurate epochs)"
train socialctx-counter --arch socialctx-counter --name socialctx-counter --version 2.0.0 \
  --epochs $epochs_accurate --patience 8
stamp "4b. training the default model (socialctx-counter-lite, at most $epochs_default epochs)"
train socialctx --arch socialctx-counter-lite --name socialctx-counter-lite --version 2.1.0 \
  --epochs $epochs_default --patience 8
stamp "4c. the accurate model: the default and the counter as one ensemble"
if [ ! -f "$work/socialctx-accurate.pt" ]; then
  "$cli" ensemble "$work/socialctx.pt" "$work/socialctx-counter.pt" --name socialctx-ensemble --version 2.1.0 \
    --description "Accurate model 2.1.0: the mean of socialctx-counter-lite 2.1.0 and socialctx-counter 2.0.0 (models/MODEL_CARD.md)" \
    -o "$work/socialctx-accurate.pt"
fi

stamp "5. the real-voice validation set (the talker corpus's val speakers)"
if [ ! -f "$work/real-val/labels.csv" ]; then
  bash "$root/eval/make_real_eval.sh" "$work/real-val" 60 --talkers "$work/talkers" --talker-split val
fi

stamp "6. the real-speech evaluation set (frozen)"
if [ ! -f "$work/real-eval/labels.csv" ]; then
  bash "$root/eval/make_real_eval.sh" "$work/real-eval"
fi
bash "$root/eval/verify_frozen.sh" "$work/real-eval"

stamp "7. validation (choose here), then evaluation once"
for m in socialctx socialctx-counter socialctx-accurate; do
  "$cli" evaluate --model "$work/$m.pt" "$work/real-val/labels.csv" --json "$work/$m.real-val.json"
  "$cli" evaluate --model "$work/$m.pt" "$work/real-eval/labels.csv" --json "$work/$m.real-eval.json"
done
stamp "done: $work/socialctx.pt $work/socialctx-accurate.pt"
