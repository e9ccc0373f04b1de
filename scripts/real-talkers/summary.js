#!/usr/bin/env node
'use strict';
// Markdown summary of a corpus written by extract.js:  node summary.js OUTDIR
const fs = require('fs');
const path = require('path');

function readCsv(f) {
  const lines = fs.readFileSync(f, 'utf8').trim().split('\n');
  const parse = (l) => {
    const out = [];
    let cur = '', q = false;
    for (let i = 0; i < l.length; i++) {
      const c = l[i];
      if (q) { if (c === '"' && l[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') q = false; else cur += c; } else if (c === '"') q = true; else if (c === ',') { out.push(cur); cur = ''; } else cur += c;
    }
    out.push(cur);
    return out;
  };
  const head = parse(lines[0]);
  return lines.slice(1).map((l) => Object.fromEntries(parse(l).map((v, i) => [head[i], v])));
}
function readTsv(f) {
  const lines = fs.readFileSync(f, 'utf8').trim().split('\n');
  const head = lines[0].split('\t');
  return lines.slice(1).map((l) => Object.fromEntries(l.split('\t').map((v, i) => [head[i], v])));
}

const dir = process.argv[2];
const talkers = readCsv(path.join(dir, 'talkers.csv'));
const utts = readCsv(path.join(dir, 'utterances.csv'));
const src = readTsv(path.join(dir, 'sources.tsv'));
const info = new Map(readTsv(path.join(dir, 'talkers_info.tsv')).map((r) => [r.speaker, r]));
const pkgOfFile = new Map(src.map((r) => [r.file, r.package]));

const per = new Map();
const get = (p) => { if (!per.has(p)) per.set(p, { spk: new Set(), val: new Set(), n: 0, sec: 0, sp: 0, sex: {} }); return per.get(p); };
const tk = new Map(talkers.map((t) => [t.speaker, t]));
for (const u of utts) {
  const p = pkgOfFile.get(u.file);
  const e = get(p);
  const t = tk.get(u.speaker);
  if (!e.spk.has(u.speaker)) { e.sex[t.sex] = (e.sex[t.sex] || 0) + 1; }
  e.spk.add(u.speaker);
  if (t.split === 'val') e.val.add(u.speaker);
  e.n++; e.sec += +u.seconds; e.sp += +u.speech_seconds;
}
const h = (s) => (s / 3600).toFixed(2);
console.log('| package | version | talkers (F/M/unknown) | val talkers | utterances | hours | speech hours |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
let T = { n: 0, sec: 0, sp: 0 };
for (const [p, e] of [...per.entries()].sort()) {
  const ver = talkers.find((t) => t.package.split(';').includes(p)).package_version.split(';')[talkers.find((t) => t.package.split(';').includes(p)).package.split(';').indexOf(p)];
  console.log(`| ${p} | ${ver} | ${e.spk.size} (${e.sex.F || 0}/${e.sex.M || 0}/${e.sex.unknown || 0}) | ${e.val.size} | ${e.n} | ${h(e.sec)} | ${h(e.sp)} |`);
  T.n += e.n; T.sec += e.sec; T.sp += e.sp;
}
const sx = {}; const id = {}; const sp = { train: 0, val: 0 }; const spH = { train: 0, val: 0 };
for (const t of talkers) { sx[t.sex] = (sx[t.sex] || 0) + 1; id[t.identity] = (id[t.identity] || 0) + 1; sp[t.split]++; spH[t.split] += +t.speech_seconds; }
console.log(`| **total** | | ${talkers.length} (${sx.F || 0}/${sx.M || 0}/${sx.unknown || 0}) | ${sp.val} | ${T.n} | ${h(T.sec)} | ${h(T.sp)} |`);
console.log();
console.log(`identity: ${Object.entries(id).map(([k, v]) => `${k} ${v}`).join(', ')}; split: train ${sp.train} talkers (${h(spH.train)} h speech), val ${sp.val} talkers (${h(spH.val)} h speech)`);
console.log();
console.log('| speaker | split | sex | sex from | median F0 | identity | utterances | speech min | credit |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const t of talkers) {
  const i = info.get(t.speaker) || {};
  console.log(`| ${t.speaker} | ${t.split} | ${t.sex} | ${i.sex_source || ''} | ${i.median_f0_hz || ''} | ${t.identity} | ${t.utterances} | ${(t.speech_seconds / 60).toFixed(1)} | ${i.credit || ''} |`);
}
