#!/usr/bin/env node
'use strict';
// Build a corpus of single real talkers from Debian packages (see README.md).
//
//   node extract.js --out OUTDIR [--reserved FILE] [--only PKG,PKG] [--limit N] [--jobs 2]
//
// Writes OUTDIR/talkers.csv, utterances.csv, sources.tsv, talkers_info.tsv, skipped.tsv
// and OUTDIR/wav/<speaker>/<NNNN>.wav (16 kHz mono PCM16).
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const { execFileSync } = require('child_process');
const A = require('./lib/audio');
const { loadVad, speechProbs, FRAME } = require('./lib/vad');
const { ADAPTERS } = require('./lib/sources');

// ------------------------------------------------------------------ settings
const VAD = {
  onset: 0.5, // speech starts when the frame probability reaches this
  offset: 0.35, // ... and ends when it stays below this
  minSilence: 0.1, // s below `offset` before a segment ends
  minSegment: 0.1, // s: shorter bursts are dropped
  pad: 0.03, // s added on both sides of every segment (clamped to its neighbours)
};
const CUT = { maxLen: 8.0, margin: 0.1, minSpeech: 0.3, minSplitSearch: 3.0 };
const QUALITY = { minRmsDbfs: -55, clipLevel: 0.98, clipRuns: 5 };
const DEFAULT_RESERVED = ['/usr/share/pocketsphinx/', '/usr/share/sounds/alsa/', '/usr/share/codec2/'];

function parseArgs(argv) {
  const a = { jobs: 2, limit: 0, only: null, reserved: null, out: null, lanes: 32 };
  for (let i = 2; i < argv.length; i++) {
    const k = argv[i], v = argv[i + 1];
    if (k === '--out') { a.out = v; i++; } else if (k === '--reserved') { a.reserved = v; i++; } else if (k === '--only') { a.only = new Set(v.split(',')); i++; } else if (k === '--limit') { a.limit = +v; i++; } else if (k === '--jobs') { a.jobs = Math.max(1, Math.min(2, +v)); i++; } else if (k === '--lanes') { a.lanes = +v; i++; } else throw new Error(`unknown option ${k}`);
  }
  if (!a.out) throw new Error('usage: extract.js --out OUTDIR [--reserved FILE] [--only PKG,...] [--limit N]');
  return a;
}

function reservedPrefixes(file) {
  if (file && fs.existsSync(file)) {
    const p = fs.readFileSync(file, 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean);
    if (p.length) return { prefixes: p.map((x) => (x.endsWith('/') ? x : `${x}/`)), from: file };
  }
  return { prefixes: DEFAULT_RESERVED, from: 'built-in list' };
}

function isReserved(p, prefixes) {
  let real = p;
  try { real = fs.realpathSync(p); } catch (e) { /* keep as given */ }
  return prefixes.some((pre) => `${p}/`.startsWith(pre) || `${real}/`.startsWith(pre) || p.startsWith(pre) || real.startsWith(pre));
}

function pkgVersion(pkg) {
  try { return execFileSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' }).trim(); } catch (e) { return ''; }
}

function csvField(v) {
  const s = String(v ?? '');
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// ------------------------------------------------------------------ segmentation
// Hysteresis on the frame probabilities -> speech segments in samples [s, e).
function segmentsFromProbs(p, nSamples) {
  const minSil = Math.round((VAD.minSilence * A.SR) / FRAME);
  const segs = [];
  let on = false, start = 0, below = -1;
  for (let k = 0; k < p.length; k++) {
    if (!on) {
      if (p[k] >= VAD.onset) { on = true; start = k; below = -1; }
    } else if (p[k] < VAD.offset) {
      if (below < 0) below = k;
      if (k - below + 1 >= minSil) { segs.push([start, below]); on = false; below = -1; }
    } else below = -1;
  }
  if (on) segs.push([start, below >= 0 ? below : p.length]);
  const pad = Math.round(VAD.pad * A.SR);
  const out = segs.map(([a, b]) => [a * FRAME, Math.min(nSamples, b * FRAME)])
    .filter(([a, b]) => b - a >= VAD.minSegment * A.SR);
  for (let i = 0; i < out.length; i++) {
    const lo = i ? out[i - 1][1] : 0, hi = i + 1 < out.length ? out[i + 1][0] : nSamples;
    out[i] = [Math.max(lo, out[i][0] - pad), Math.min(hi, out[i][1] + pad)];
  }
  return out;
}

// Split one file's segments into utterances of at most CUT.maxLen seconds, cut in pauses,
// each with at most CUT.margin s of non-speech before its first and after its last segment.
function cutUtterances(segs, p, n) {
  const maxL = CUT.maxLen * A.SR, margin = Math.round(CUT.margin * A.SR);
  // a segment longer than maxLen (no pause) is split at its least speech-like frame
  const split = [];
  for (let [a, b] of segs) {
    while (b - a > maxL - 2 * margin) {
      const lo = Math.ceil((a + CUT.minSplitSearch * A.SR) / FRAME), hi = Math.floor((a + maxL - 2 * margin) / FRAME) - 1;
      let best = hi;
      for (let k = lo; k <= hi; k++) if (p[k] < p[best]) best = k;
      const c = best * FRAME + FRAME / 2;
      split.push([a, c]); a = c;
    }
    split.push([a, b]);
  }
  const groups = [];
  let cur = [];
  for (const s of split) {
    if (cur.length && s[1] - cur[0][0] + 2 * margin > maxL) { groups.push(cur); cur = []; }
    cur.push(s);
  }
  if (cur.length) groups.push(cur);
  const utts = [];
  for (let g = 0; g < groups.length; g++) {
    const first = groups[g][0][0], last = groups[g][groups[g].length - 1][1];
    const prevEnd = g ? groups[g - 1][groups[g - 1].length - 1][1] : 0;
    const nextStart = g + 1 < groups.length ? groups[g + 1][0][0] : n;
    const s = Math.max(0, first - margin, g ? Math.floor((prevEnd + first) / 2) : 0);
    const e = Math.min(n, last + margin, g + 1 < groups.length ? Math.floor((last + nextStart) / 2) : n);
    utts.push({ s, e, segs: groups[g].map(([a, b]) => [Math.max(a, s), Math.min(b, e)]) });
  }
  return utts;
}

function clipRuns(x) {
  let runs = 0, len = 0;
  for (let i = 0; i < x.length; i++) {
    if (Math.abs(x[i]) >= QUALITY.clipLevel) { len++; if (len === 3) runs++; } else len = 0;
  }
  return runs;
}

// ------------------------------------------------------------------ main
async function main() {
  const args = parseArgs(process.argv);
  const t0 = Date.now();
  const { prefixes, from } = reservedPrefixes(args.reserved);
  const out = path.resolve(args.out);
  fs.rmSync(path.join(out, 'wav'), { recursive: true, force: true });
  fs.mkdirSync(path.join(out, 'wav'), { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'real-talkers-'));

  // 1. enumerate the sources
  const talkers = new Map(), items = [], skipped = [];
  const ctx = {
    want: (pkg) => !args.only || args.only.has(pkg),
    talker: (key, info) => {
      const t = talkers.get(key);
      if (!t) talkers.set(key, { ...info, pkgs: [info.pkg], langs: [info.lang] });
      else { if (!t.pkgs.includes(info.pkg)) t.pkgs.push(info.pkg); if (!t.langs.includes(info.lang)) t.langs.push(info.lang); }
    },
    item: (it) => items.push(it),
    skip: (pkg, p, why) => skipped.push([pkg, p, why]),
  };
  for (const ad of ADAPTERS) ad(ctx);
  for (const it of items) {
    const p = it.member ? it.member.file : it.srcPath;
    if (isReserved(p, prefixes)) throw new Error(`refusing reserved input ${p} (reserved for evaluation: ${prefixes.join(' ')})`);
  }
  items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.srcPath < b.srcPath ? -1 : a.srcPath > b.srcPath ? 1 : 0));
  let work = items;
  if (args.limit) { // per speaker, for quick tests
    const c = new Map();
    work = items.filter((it) => { const k = (c.get(it.key) || 0) + 1; c.set(it.key, k); return k <= args.limit; });
  }
  console.error(`reserved prefixes (${from}): ${prefixes.join(' ')}`);
  console.error(`${work.length} source files, ${talkers.size} talker ids`);

  // members of container files (queen.1c) -> temporary files
  for (const it of work) {
    if (!it.member) continue;
    const m = it.member;
    const f = path.join(tmp, `m${crypto.createHash('sha1').update(it.srcPath).digest('hex').slice(0, 16)}.${m.ext}`);
    const fd = fs.openSync(m.file, 'r');
    const b = Buffer.alloc(m.size);
    fs.readSync(fd, b, 0, m.size, m.offset);
    fs.closeSync(fd);
    fs.writeFileSync(f, b);
    it.ffIn = ['-f', m.ext, '-i', f];
  }

  // 2. decode (ffmpeg, `jobs` processes of up to 40 inputs) and run the VAD, chunk by chunk
  const session = await loadVad();
  const CH = 240, PER = 40;
  const decodeChunk = async (chunk, ci) => {
    const batches = [];
    for (let i = 0; i < chunk.length; i += PER) batches.push(chunk.slice(i, i + PER));
    const res = new Array(batches.length);
    let nextB = 0;
    const worker = async () => { while (nextB < batches.length) { const b = nextB++; res[b] = await A.decodeBatch(batches[b], tmp, `c${ci}b${b}`); } };
    await Promise.all(Array.from({ length: args.jobs }, worker));
    return res.flat();
  };
  const counters = new Map(), utterances = [], sources = [], pitch = new Map();
  const bump = (k) => { const v = (counters.get(k) || 0) + 1; counters.set(k, v); return v; };
  let pending = work.length ? decodeChunk(work.slice(0, CH), 0) : null;
  for (let c = 0; c * CH < work.length; c++) {
    const chunk = work.slice(c * CH, (c + 1) * CH);
    const sig = await pending;
    pending = (c + 1) * CH < work.length ? decodeChunk(work.slice((c + 1) * CH, (c + 2) * CH), c + 1) : null;
    const okIdx = [];
    sig.forEach((x, i) => {
      const it = chunk[i];
      if (!x) skipped.push([it.pkg, it.srcPath, 'ffmpeg could not decode it']);
      else if (x.length < CUT.minSpeech * A.SR) skipped.push([it.pkg, it.srcPath, 'shorter than 0.3 s']);
      else if (clipRuns(x) >= QUALITY.clipRuns) skipped.push([it.pkg, it.srcPath, 'clipped']);
      else okIdx.push(i);
    });
    const probs = await speechProbs(session, okIdx.map((i) => sig[i]), args.lanes);
    okIdx.forEach((i, j) => {
      const it = chunk[i], x = sig[i], p = probs[j];
      const segs = segmentsFromProbs(p, x.length);
      const speech = segs.reduce((s, [a, b]) => s + b - a, 0) / A.SR;
      if (speech < CUT.minSpeech) { skipped.push([it.pkg, it.srcPath, `no speech (VAD: ${speech.toFixed(2)} s)`]); return; }
      let acc = 0, cnt = 0;
      for (const [a, b] of segs) for (let k = a; k < b; k++) { acc += x[k] * x[k]; cnt++; }
      if (10 * Math.log10(acc / cnt + 1e-20) < QUALITY.minRmsDbfs) { skipped.push([it.pkg, it.srcPath, 'near-silent']); return; }
      for (const u of cutUtterances(segs, p, x.length)) {
        const sp = u.segs.reduce((s, [a, b]) => s + b - a, 0) / A.SR;
        if (sp < CUT.minSpeech) { skipped.push([it.pkg, `${it.srcPath}@${(u.s / A.SR).toFixed(3)}`, 'piece with < 0.3 s speech']); continue; }
        const pcm = A.toPcm16(x.subarray(u.s, u.e));
        const rel = u.segs.map(([a, b]) => [a - u.s, b - u.s]);
        const n = bump(it.key);
        const rf = `wav/${it.key}/${String(n).padStart(4, '0')}.wav`;
        fs.mkdirSync(path.join(out, 'wav', it.key), { recursive: true });
        A.writeWav(path.join(out, rf), pcm);
        const f0 = A.pitchFrames(x.subarray(u.s, u.e), rel, 20);
        if (!pitch.has(it.key)) pitch.set(it.key, []);
        pitch.get(it.key).push(...f0);
        utterances.push({ speaker: it.key, file: rf, seconds: pcm.length / A.SR, speech: sp,
          rms: A.activeRmsDbfs(pcm, rel), segments: rel.map(([a, b]) => `${(a / A.SR).toFixed(3)}-${(b / A.SR).toFixed(3)}`).join(';') });
        sources.push([rf, it.pkg, it.srcPath, (u.s / A.SR).toFixed(3), (u.e / A.SR).toFixed(3)]);
      }
    });
    const done = Math.min(work.length, (c + 1) * CH);
    console.error(`[${((Date.now() - t0) / 1000).toFixed(0)} s] ${done}/${work.length} files, ${utterances.length} utterances`);
  }

  // 3. talkers: sex from the credits, else from the median F0; split by whole casts
  const stats = new Map();
  for (const u of utterances) {
    const s = stats.get(u.speaker) || { n: 0, sp: 0 };
    s.n++; s.sp += u.speech; stats.set(u.speaker, s);
  }
  const rows = [];
  for (const [key, t] of [...talkers.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const s = stats.get(key);
    if (!s) continue;
    const f0 = A.median(pitch.get(key) || []);
    let sex = t.sex, sexSource = 'credits';
    if (!sex) {
      sexSource = 'median F0';
      sex = !(f0 > 0) ? 'unknown' : f0 < 150 ? 'M' : f0 > 185 ? 'F' : 'unknown';
    }
    rows.push({ key, t, s, f0, sex, sexSource, family: familyOf(t.pkgs[0]) });
  }
  assignSplits(rows);

  const w = (f, lines) => fs.writeFileSync(path.join(out, f), `${lines.join('\n')}\n`);
  w('talkers.csv', ['speaker,package,package_version,language,sex,identity,licence,split,utterances,speech_seconds',
    ...rows.map((r) => [r.key, r.t.pkgs.join(';'), r.t.pkgs.map(pkgVersion).join(';'), r.t.langs.join(';'), r.sex, r.t.identity,
      r.t.licence, r.split, r.s.n, r.s.sp.toFixed(3)].map(csvField).join(','))]);
  w('utterances.csv', ['speaker,file,seconds,speech_seconds,active_rms_dbfs,segments',
    ...utterances.map((u) => [u.speaker, u.file, u.seconds.toFixed(3), u.speech.toFixed(3), u.rms.toFixed(2), u.segments].map(csvField).join(','))]);
  w('sources.tsv', ['file\tpackage\tsource_path\tstart_s\tend_s', ...sources.map((r) => r.join('\t'))]);
  w('talkers_info.tsv', ['speaker\tcast\tsplit\tsex\tsex_source\tmedian_f0_hz\tidentity\tcredit',
    ...rows.map((r) => [r.key, r.t.cast, r.split, r.sex, r.sexSource, r.f0 > 0 ? r.f0.toFixed(0) : '', r.t.identity, r.t.name].join('\t'))]);
  w('skipped.tsv', ['package\tsource_path\treason', ...skipped.sort((a, b) => (a[1] < b[1] ? -1 : 1)).map((r) => r.join('\t'))]);
  fs.rmSync(tmp, { recursive: true, force: true });
  await session.release?.();
  const hours = utterances.reduce((s, u) => s + u.seconds, 0) / 3600;
  console.error(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s: ${rows.length} talkers, ${utterances.length} utterances, ${hours.toFixed(2)} h`);
}

function familyOf(pkg) {
  if (pkg.startsWith('asterisk-')) return 'asterisk';
  if (pkg.startsWith('fillets-')) return 'fillets';
  if (pkg.startsWith('drascula')) return 'drascula';
  return pkg;
}

// Whole casts (all characters of one dub, or one person) go to one split.  About 15 % of
// the talkers go to val, taken round-robin over the package families (the one with the
// smallest val share first), in a fixed hash order within a family; a family always keeps
// at least half of its talkers and one cast in train.
function assignSplits(rows) {
  const casts = new Map();
  for (const r of rows) {
    const c = casts.get(r.t.cast) || { id: r.t.cast, family: r.family, rows: [], sexes: new Set() };
    c.rows.push(r); c.sexes.add(r.sex); casts.set(r.t.cast, c);
  }
  const fam = new Map();
  for (const c of casts.values()) {
    const f = fam.get(c.family) || { n: 0, val: 0, casts: [] };
    f.n += c.rows.length; f.casts.push(c); fam.set(c.family, f);
  }
  const h = (s) => crypto.createHash('sha1').update(`real-talkers-split-v1:${s}`).digest('hex');
  for (const f of fam.values()) f.casts.sort((a, b) => (h(a.id) < h(b.id) ? -1 : 1));
  const target = Math.round(0.15 * rows.length);
  let val = 0;
  const valSex = new Map();
  const taken = new Set();
  for (;;) {
    let best = null;
    for (const [name, f] of [...fam.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const left = f.casts.filter((c) => !taken.has(c.id));
      // candidates: keep >= 1 cast and >= half of the family's talkers in train
      const cands = left.filter((c) => left.length > 1 && f.val + c.rows.length <= f.n / 2 && val + c.rows.length <= target + c.rows.length / 2);
      if (!cands.length) continue;
      // prefer the sex that val has least of
      const sexScore = (c) => [...c.sexes].reduce((m, s) => Math.min(m, valSex.get(s) || 0), Infinity);
      cands.sort((a, b) => sexScore(a) - sexScore(b));
      const share = f.val / f.n;
      if (!best || share < best.share || (share === best.share && name < best.name)) best = { name, f, c: cands[0], share };
    }
    if (!best) break;
    taken.add(best.c.id);
    best.f.val += best.c.rows.length;
    val += best.c.rows.length;
    for (const r of best.c.rows) valSex.set(r.sex, (valSex.get(r.sex) || 0) + 1);
  }
  for (const r of rows) r.split = taken.has(r.t.cast) ? 'val' : 'train';
}

if (require.main === module) main().catch((e) => { console.error(e.stack || String(e)); process.exit(1); });
module.exports = { reservedPrefixes, isReserved, segmentsFromProbs, cutUtterances, assignSplits, VAD, CUT };
