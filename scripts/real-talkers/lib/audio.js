'use strict';
// Decoding (ffmpeg, many inputs per process), WAV writing and level/pitch measures.
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

const SR = 16000;

function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], ...opts });
    let err = '';
    p.stderr.on('data', (d) => { if (err.length < 20000) err += d; });
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}: ${err.slice(0, 2000)}`))));
  });
}

// Decode a batch of items into float32 mono 16 kHz arrays with one ffmpeg process.
// item.ffIn: ffmpeg input options ending with ['-i', path].
// Returns an array of Float32Array (or null for an item ffmpeg could not read).
async function decodeBatch(items, tmpDir, tag) {
  const outs = items.map((_, i) => path.join(tmpDir, `${tag}-${i}.f32`));
  const args = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-threads', '1'];
  for (const it of items) args.push(...it.ffIn);
  items.forEach((_, i) => {
    args.push('-map', `${i}:a:0`, '-ac', '1', '-ar', String(SR), '-af', 'aresample=resampler=soxr', '-f', 'f32le', '-y', outs[i]);
  });
  let ok = true;
  try {
    await run('nice', ['-n', '10', 'ffmpeg', ...args]);
  } catch (e) {
    ok = false;
  }
  if (!ok && items.length > 1) {
    // One bad input fails the whole process: decode one by one to isolate it.
    const res = [];
    for (let i = 0; i < items.length; i++) res.push((await decodeBatch([items[i]], tmpDir, `${tag}s${i}`))[0]);
    return res;
  }
  return outs.map((o) => {
    if (!ok || !fs.existsSync(o)) return null;
    const b = fs.readFileSync(o);
    fs.unlinkSync(o);
    const a = new Float32Array(b.length >> 2);
    for (let i = 0; i < a.length; i++) a[i] = b.readFloatLE(i * 4);
    return a;
  });
}

function toPcm16(x) {
  const out = new Int16Array(x.length);
  for (let i = 0; i < x.length; i++) {
    let v = Math.round(x[i] * 32768);
    if (v > 32767) v = 32767; else if (v < -32768) v = -32768;
    out[i] = v;
  }
  return out;
}

function writeWav(file, pcm) {
  const data = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  const h = Buffer.alloc(44);
  h.write('RIFF', 0); h.writeUInt32LE(36 + data.length, 4); h.write('WAVE', 8);
  h.write('fmt ', 12); h.writeUInt32LE(16, 16); h.writeUInt16LE(1, 20); h.writeUInt16LE(1, 22);
  h.writeUInt32LE(SR, 24); h.writeUInt32LE(SR * 2, 28); h.writeUInt16LE(2, 32); h.writeUInt16LE(16, 34);
  h.write('data', 36); h.writeUInt32LE(data.length, 40);
  fs.writeFileSync(file, Buffer.concat([h, data]));
}

// RMS in dBFS of the int16 samples inside the given [s, e) sample ranges.
function activeRmsDbfs(pcm, ranges) {
  let acc = 0, n = 0;
  for (const [s, e] of ranges) for (let i = s; i < e; i++) { const v = pcm[i] / 32768; acc += v * v; n++; }
  return n ? 10 * Math.log10(Math.max(acc / n, 1e-20)) : -200;
}

// Pitch (Hz) of voiced 40 ms frames inside the ranges: normalised autocorrelation on
// the signal decimated to 8 kHz, 60-420 Hz, one frame every 100 ms, at most maxFrames.
function pitchFrames(x, ranges, maxFrames = 30) {
  const R = SR / 2, W = 320, HOP = 800, minLag = Math.floor(R / 420), maxLag = Math.ceil(R / 60);
  const out = [];
  const ncc = (y, lag) => {
    let c = 0, e0 = 0, e1 = 0;
    for (let i = 0; i < W; i++) { c += y[i] * y[i + lag]; e0 += y[i] * y[i]; e1 += y[i + lag] * y[i + lag]; }
    return c / Math.sqrt(e0 * e1 + 1e-12);
  };
  const y = new Float32Array(W + maxLag);
  for (const [s, e] of ranges) {
    for (let a = s; (a >> 1) + W + maxLag <= (e >> 1) && out.length < maxFrames; a += 2 * HOP) {
      let en = 0;
      for (let i = 0; i < y.length; i++) { const v = 0.5 * (x[a + 2 * i] + x[a + 2 * i + 1]); y[i] = v; en += v * v; }
      if (en < y.length * 1e-6) continue;
      let best = 0, bestLag = 0;
      for (let lag = minLag; lag <= maxLag; lag++) { const r = ncc(y, lag); if (r > best) { best = r; bestLag = lag; } }
      if (best < 0.75 || !bestLag) continue;
      for (let k = 4; k >= 2; k--) { // prefer a sub-multiple lag that correlates almost as well (octave errors)
        const lag = Math.round(bestLag / k);
        if (lag >= minLag && ncc(y, lag) > 0.9 * best) { bestLag = lag; break; }
      }
      out.push(R / bestLag);
    }
  }
  return out;
}

function median(a) {
  if (!a.length) return NaN;
  const b = Float64Array.from(a).sort();
  const m = b.length >> 1;
  return b.length % 2 ? b[m] : (b[m - 1] + b[m]) / 2;
}

module.exports = { SR, run, decodeBatch, toPcm16, writeWav, activeRmsDbfs, pitchFrames, median };
