'use strict';
// node --test scripts/real-talkers/test.js  (needs no package and no network)
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const X = require('./extract');

test('reserved evaluation paths are refused', () => {
  const { prefixes } = X.reservedPrefixes(null);
  for (const p of ['/usr/share/pocketsphinx/test/data/goforward.raw', '/usr/share/sounds/alsa/Front_Center.wav', '/usr/share/codec2/raw/hts1.raw'])
    assert.ok(X.isReserved(p, prefixes), p);
  assert.ok(!X.isReserved('/usr/share/asterisk/sounds/fr/vm-intro.gsm', prefixes));
  assert.ok(!X.isReserved('/usr/share/codec2-other/x.raw', prefixes));
  const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rt-')), 'reserved-paths.txt');
  fs.writeFileSync(f, '# comment\n/usr/share/foo\n');
  assert.deepStrictEqual(X.reservedPrefixes(f).prefixes, ['/usr/share/foo/']);
});

test('hysteresis segmentation and cutting', () => {
  const p = new Float32Array(200).fill(0.01);
  for (let k = 10; k < 40; k++) p[k] = 0.9; // 0.32-1.28 s
  p[25] = 0.4; // a dip above the offset threshold does not end the segment
  for (let k = 60; k < 62; k++) p[k] = 0.9; // 64 ms burst: too short
  const n = 200 * 512;
  const segs = X.segmentsFromProbs(p, n);
  assert.strictEqual(segs.length, 1);
  assert.deepStrictEqual(segs[0], [10 * 512 - 480, 40 * 512 + 480]);
  const u = X.cutUtterances(segs, p, n);
  assert.strictEqual(u.length, 1);
  assert.strictEqual(u[0].s, segs[0][0] - 1600); // 0.1 s margin
  assert.strictEqual(u[0].e, segs[0][1] + 1600);
});

test('long speech is cut into pieces of at most 8 s', () => {
  const frames = Math.ceil((20 * 16000) / 512);
  const p = new Float32Array(frames).fill(0.95);
  for (let k = 150; k < 160; k++) p[k] = 0.01; // a 0.32 s pause at 4.8 s
  const n = frames * 512;
  const u = X.cutUtterances(X.segmentsFromProbs(p, n), p, n);
  assert.ok(u.length >= 3);
  for (const x of u) assert.ok(x.e - x.s <= 8 * 16000 + 1, `${(x.e - x.s) / 16000}`);
});
