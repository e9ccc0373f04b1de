'use strict';
// Source adapters: which files of which Debian package hold which talker.
// Each adapter returns items
//   { key, pkg, srcPath, ffIn | member, lang }
// and registers its talkers in `talkers[key] = {pkg, lang, sex, identity, licence, cast, name}`.
//   identity: person     = one real, named person (package credits)
//             assumed    = one recorder per folder/language assumed, not stated
//             character  = a game character; the actor is not documented
//   cast: talkers of one cast share it and always go to the same split (one actor
//         may voice several characters of a cast, or several languages of a package).
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

function dpkgFiles(pkg) {
  const out = execFileSync('dpkg-query', ['-L', pkg], { encoding: 'utf8' });
  return out.split('\n').filter((f) => f && fs.existsSync(f) && fs.statSync(f).isFile()).sort();
}

function fileInput(f) {
  if (f.endsWith('.g722')) return ['-f', 'g722', '-i', f];
  if (f.endsWith('.gsm')) return ['-f', 'gsm', '-ar', '8000', '-i', f];
  return ['-i', f];
}

const AUDIO = /\.(g722|gsm|wav|ogg|mp3)$/i;

// ---------------------------------------------------------------- Asterisk
const ASTERISK = [
  // pkg, folder regexp, key, lang, sex, licence, credit
  ['asterisk-core-sounds-en-g722', /\/en_US_f_Allison\//, 'allison_smith', 'en-US', 'F', 'CC-BY-SA-3.0', 'Allison Smith'],
  ['asterisk-core-sounds-es-g722', /\/es_MX_f_Allison\//, 'allison_smith', 'es-MX', 'F', 'CC-BY-SA-3.0', 'Allison Smith'],
  ['asterisk-core-sounds-fr-g722', /\/fr_CA_f_June\//, 'june_wallack', 'fr-CA', 'F', 'CC-BY-SA-3.0', 'June Wallack'],
  ['asterisk-core-sounds-it-g722', /\/it_IT_m_Carlo\//, 'carlo_flora', 'it-IT', 'M', 'CC-BY-3.0', 'Carlo Flora'],
  ['asterisk-core-sounds-ru-g722', /\/ru_RU_f_IvrvoiceRU\//, 'ivrvoice_ru', 'ru-RU', 'F', 'CC-BY-3.0', 'ivrvoice.ru voice (provided by Maxim Topal)'],
  ['asterisk-prompt-it-menardi-wav', /\/it_IT_f_Menardi\//, 'paola_dal_zot', 'it-IT', 'F', 'CC-BY-SA-3.0', 'Paola Dal Zot (Menardi prompts)'],
  ['asterisk-prompt-es-co', /\/sounds\//, 'july_jimenez', 'es-CO', 'F', 'GPL-2', 'July E. Jiménez'],
  ['asterisk-prompt-fr-armelle', /\/sounds\//, 'armelle_desjardins', 'fr-FR', 'F', 'BSD-style (Michel Gutierrez 2006)', 'Armelle Desjardins'],
];
// Not speech, or not the credited voice: tones, beeps, silence, the monkeys prompt.
const ASTERISK_SKIP = /\/(silence)\/|\/(beep|beeperr|tt-monkeys|tt-monkeysintro|confbridge-(join|leave)|queue-periodic-announce|ascending-2tone|descending-2tone)\.[a-z0-9]+$/i;

function asterisk(ctx) {
  for (const [pkg, re, key, lang, sex, licence, name] of ASTERISK) {
    if (!ctx.want(pkg)) continue;
    ctx.talker(key, { pkg, lang, sex, identity: 'person', licence, name, cast: key });
    for (const f of dpkgFiles(pkg)) {
      if (!AUDIO.test(f) || !re.test(f) || ASTERISK_SKIP.test(f)) continue;
      ctx.item({ key, pkg, srcPath: f, ffIn: fileInput(f), lang });
    }
  }
}

// ---------------------------------------------------------------- festvox-ru
function festvoxRu(ctx) {
  const pkg = 'festvox-ru';
  if (!ctx.want(pkg)) return;
  const key = 'festvox_ru_nsh';
  ctx.talker(key, { pkg, lang: 'ru-RU', sex: 'M', identity: 'person', licence: 'BSD-like (Nickolay V. Shmyrev 2005)',
    name: 'msu_ru_nsh recordings: the one male reader of the voice database ("nsh"; the package does not name him)', cast: key });
  for (const f of dpkgFiles(pkg)) {
    if (/\/wav\/ru_\d+\.wav$/.test(f)) ctx.item({ key, pkg, srcPath: f, ffIn: fileInput(f), lang: 'ru-RU' });
  }
}

// ---------------------------------------------------------------- Fish Fillets NG
// Level scripts map every dialogue id to a font, and the font is the speaking character:
// dialogId("bat-m-tohle", "font_small", "...") -> sound/bathyscaph/<lang>/bat-m-tohle.ogg
function filletsFonts() {
  const root = '/usr/share/games/fillets-ng/script';
  const map = new Map(); // level/id -> font
  for (const level of fs.readdirSync(root).sort()) {
    const dir = path.join(root, level);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir).sort()) {
      if (!/^(border_)?dialogs(_[a-z]+)?\.lua$/.test(f)) continue;
      const txt = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of txt.matchAll(/dialogId\(\s*"([^"]+)"\s*,\s*"(font_[a-z0-9_]+)"/g)) {
        const k = `${level}/${m[1]}`;
        if (!map.has(k)) map.set(k, m[2]);
      }
    }
  }
  return map;
}
const FILLETS_GLOBAL = new Set(['font_small', 'font_big', 'font_parrot', 'font_statue', 'font_linuxer1', 'font_linuxer2',
  'font_robodog', 'font_poster', 'font_elk', 'font_snail', 'font_pizla', 'font_crab',
  'font_viking1', 'font_viking2', 'font_viking3', 'font_viking4', 'font_viking5', 'font_viking6', 'font_viking8']);

function fillets(ctx) {
  let fonts = null;
  for (const [pkg, lang, code] of [['fillets-ng-data-cs', 'cs-CZ', 'cs'], ['fillets-ng-data-nl', 'nl-NL', 'nl']]) {
    if (!ctx.want(pkg)) continue;
    fonts = fonts || filletsFonts();
    for (const f of dpkgFiles(pkg)) {
      const m = f.match(/\/sound\/([^/]+)\/([a-z]+)\/([^/]+)\.ogg$/);
      if (!m || m[2] !== code) continue;
      const font = fonts.get(`${m[1]}/${m[3]}`);
      if (!font || font === 'font_both') { ctx.skip(pkg, f, font ? 'both fish at once' : 'no dialogue id in the level scripts'); continue; }
      const ch = font.replace(/^font_/, '');
      const who = FILLETS_GLOBAL.has(font) ? ch : `${m[1]}_${ch}`;
      const key = `fillets_${code}_${who}`;
      const nice = { small: 'small fish', big: 'big fish' }[ch];
      ctx.talker(key, { pkg, lang, sex: null, identity: 'character', licence: 'GPL-2',
        name: `Fish Fillets NG ${code} dub: ${nice || `${ch} (${FILLETS_GLOBAL.has(font) ? 'character' : `level ${m[1]}`})`}`, cast: `fillets_${code}` });
      ctx.item({ key, pkg, srcPath: f, ffIn: fileInput(f), lang });
    }
  }
}

// ---------------------------------------------------------------- Flight of the Amazon Queen
// queen.1c: "QTBL" table (12-byte name, bundle byte, BE32 offset, BE32 size) then data.
// Speech: *.SB, MP3 (11025 Hz).  Dialogue lines "%2d%4xP%d" (talkKey, node, segment) belong to
// the person of the dialogue file whose header holds that talkKey (BUD1.DOG -> BUD);
// "...J%d", "%2dSSSSJ%d", "%2dXXXXJ%d" and "JOE%04d%d" are Joe.
function queenTable(file) {
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(15);
  fs.readSync(fd, head, 0, 15, 0);
  if (head.toString('latin1', 0, 4) !== 'QTBL') throw new Error(`${file}: no QTBL table`);
  const n = head.readUInt16BE(13);
  const tab = Buffer.alloc(n * 21);
  fs.readSync(fd, tab, 0, tab.length, 15);
  const ents = new Map();
  for (let i = 0; i < n; i++) {
    const p = i * 21;
    const name = tab.toString('latin1', p, p + 12).replace(/\0.*$/s, '');
    ents.set(name, { offset: tab.readUInt32BE(p + 13), size: tab.readUInt32BE(p + 17) });
  }
  const read = (name) => { const e = ents.get(name); const b = Buffer.alloc(e.size); fs.readSync(fd, b, 0, e.size, e.offset); return b; };
  return { ents, read, close: () => fs.closeSync(fd) };
}
const FOTAQ_NAMES = {
  AND: 'anderson', APE: 'ape', BOB: 'bob', BUD: 'bud', CHEF: 'chef', CHIEF: 'chief', DEATH: 'death', DOG: 'dog',
  FAYE: 'faye', FRANK: 'frank', HENRY: 'henry', IAN: 'ian', JIM: 'jim', JOHN: 'john', KLUNK: 'klunk', LARIS: 'laris',
  LOLA: 'lola', LOU: 'lou', MAN: 'man', NAOMI: 'naomi', ORACLE: 'oracle', PRIN: 'princess', SEC: 'secretary',
  SHOWERAM: 'shower_amazon', SPARKY: 'sparky', TALLPYG: 'tall_pygmy', TAM: 'tam', WEDGE: 'wedge', WITCH: 'witch', ZOMBIE: 'zombie',
};
function fotaq(ctx) {
  const pkg = 'flight-of-the-amazon-queen';
  if (!ctx.want(pkg)) return;
  const file = '/usr/share/scummvm/flight-of-the-amazon-queen/queen.1c';
  const q = queenTable(file);
  const talkKeyPerson = new Map();
  for (const name of [...q.ents.keys()].sort()) {
    if (!name.endsWith('.DOG')) continue;
    const d = q.read(name);
    const talkKey = d.readInt16BE(20 + 4); // 20-byte header, then levelMax, uniqueKey, talkKey
    const base = name.replace(/\d*\.DOG$/, '');
    talkKeyPerson.set(talkKey, FOTAQ_NAMES[base] || base.toLowerCase());
  }
  const reg = (key, who) => ctx.talker(key, { pkg, lang: 'en-GB', sex: null, identity: 'character', licence: 'FOTAQ licence (free redistribution, BSD-like)',
    name: `Flight of the Amazon Queen: ${who}`, cast: 'fotaq' });
  for (const [name, e] of [...q.ents.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (!name.endsWith('.SB')) continue;
    const n = name.slice(0, -3);
    let who = null;
    let m;
    if (/^JOE\d{4}\d$/.test(n)) who = 'joe';
    else if ((m = n.match(/^([ 0-9]\d)([0-9A-F ]{4}|SSSS|XXXX)([JP])\d$/))) {
      if (m[3] === 'J') who = 'joe';
      else who = talkKeyPerson.get(parseInt(m[1], 10)) || null;
    }
    if (!who) { ctx.skip(pkg, `${file}:${name}`, 'cutaway or other line: speaker not resolved from the file name'); continue; }
    const key = `fotaq_${who}`;
    reg(key, who === 'joe' ? 'Joe King' : who);
    ctx.item({ key, pkg, srcPath: `${file}:${name}`, member: { file, offset: e.offset, size: e.size, ext: 'mp3' }, lang: 'en-GB' });
  }
  q.close();
}

// ---------------------------------------------------------------- Drascula
// Speech files are raw unsigned 8-bit mono at 11025 Hz; the prefix is the talker (ScummVM
// drascula talk.cpp): N = John Hacker, I = Igor, D1-57 = Drascula, D58+ = the blind man,
// BJ = B.J., T = bartender, P = pianist, B = drunk, VB = Von Braun, L = werewolf, E = musician.
// S = sound effects, F = three unassigned files: left out.
const DRASCULA_PREFIX = { '': 'john_hacker', I: 'igor', BJ: 'bj', T: 'bartender', P: 'pianist', B: 'drunk', VB: 'von_braun', L: 'werewolf', E: 'musician' };
function drascula(ctx) {
  for (const [pkg, code, lang] of [['drascula', 'en', 'en'], ['drascula-spanish', 'es', 'es-ES'], ['drascula-italian', 'it', 'it-IT']]) {
    if (!ctx.want(pkg)) continue;
    for (const f of dpkgFiles(pkg)) {
      const m = f.match(/\/drascula\/([a-z]+)\/([A-Z]*)(\d+)\.ALS$/i);
      if (!m || m[1] !== code) continue;
      const pre = m[2].toUpperCase(), num = parseInt(m[3], 10);
      let who = DRASCULA_PREFIX[pre];
      if (pre === 'D') who = num >= 58 ? 'blind_man' : 'drascula';
      if (!who) { ctx.skip(pkg, f, pre === 'S' ? 'sound effect' : 'speaker not known'); continue; }
      const key = `drascula_${code}_${who}`;
      ctx.talker(key, { pkg, lang, sex: null, identity: 'character', licence: 'Drascula licence (free redistribution, BSD-like)',
        name: `Drascula ${code}: ${who.replace(/_/g, ' ')}`, cast: `drascula_${code}` });
      ctx.item({ key, pkg, srcPath: f, ffIn: ['-f', 'u8', '-ar', '11025', '-ac', '1', '-i', f], lang });
    }
  }
}

// ---------------------------------------------------------------- Tux Paint stamps
// <stamp>_desc_<lang>.ogg are spoken descriptions; <stamp>_desc.ogg is English.  Voices per
// language from the upstream changelog (identity person where one recorder is credited).
const TUXPAINT = {
  be: ['be', 'Kseniya Buraya', 'person', 'F'], bg: ['bg', 'Krasimir Petkov', 'person', null], ca: ['ca', 'Pere Pujal i Carabantes', 'person', null],
  da: ['da', 'Joe Dalton', 'person', null], el: ['el', 'Kiriaki Serafeim', 'person', 'F'], es: ['es', 'Estefanía Ortiz', 'person', 'F'],
  ro: ['ro', 'Tabbytha', 'person', null], ru: ['ru', 'Edwin Veber', 'person', null],
  fr: ['fr', 'Jacques Chion and/or PaulK (both credited for French)', 'assumed', null],
  nl: ['nl', 'not credited', 'assumed', null], en: ['en', 'not credited', 'assumed', null], ml: ['ml', 'not credited', 'assumed', null],
};
function tuxpaint(ctx) {
  const pkg = 'tuxpaint-stamps-default';
  if (!ctx.want(pkg)) return;
  for (const f of dpkgFiles(pkg)) {
    const m = f.match(/_desc(?:_([a-zA-Z@]+))?\.ogg$/);
    if (!m) continue;
    const code = m[1] || 'en';
    const t = TUXPAINT[code];
    if (!t) { ctx.skip(pkg, f, `language ${code}: too few files / voice not known`); continue; }
    const key = `tuxpaint_${code}`;
    ctx.talker(key, { pkg, lang: t[0], sex: t[3], identity: t[2], licence: 'GPL-2', name: `Tux Paint stamp descriptions (${code}): ${t[1]}`, cast: key });
    ctx.item({ key, pkg, srcPath: f, ffIn: fileInput(f), lang: t[0] });
  }
}

// ---------------------------------------------------------------- KDE: KTuberling, KLettres
// Folders whose per-file pitch is clearly bimodal (a low and a high voice, checked on a
// sample of files before the run): more than one recorder, so they are left out.
const MIXED_VOICES = new Set(['ktuberling_ca', 'ktuberling_da', 'ktuberling_en', 'ktuberling_ru', 'klettres_de']);
function perLanguageDir(ctx, pkg, re, prefix, licence, what) {
  if (!ctx.want(pkg)) return;
  for (const f of dpkgFiles(pkg)) {
    const m = f.match(re);
    if (!m) continue;
    const code = m[1];
    if (MIXED_VOICES.has(`${prefix}_${code.toLowerCase()}`)) { ctx.skip(pkg, f, 'folder holds more than one voice (bimodal pitch)'); continue; }
    const key = `${prefix}_${code.toLowerCase()}`;
    ctx.talker(key, { pkg, lang: code.replace('_', '-'), sex: null, identity: 'assumed', licence,
      name: `${what} (${code}): one native speaker per language folder assumed; not named`, cast: key });
    ctx.item({ key, pkg, srcPath: f, ffIn: fileInput(f), lang: code.replace('_', '-') });
  }
}
function kde(ctx) {
  perLanguageDir(ctx, 'ktuberling-data', /\/ktuberling\/sounds\/([a-zA-Z_]+)\/[^/]+\.(ogg|wav)$/, 'ktuberling', 'GPL-2+', 'KTuberling spoken words');
  perLanguageDir(ctx, 'klettres-data', /\/klettres\/([a-zA-Z_]+)\/(?:alpha|syllab)\/[^/]+\.(ogg|wav)$/, 'klettres', 'GPL-2+', 'KLettres letters and syllables');
}

const ADAPTERS = [asterisk, festvoxRu, fillets, fotaq, drascula, tuxpaint, kde];
const PACKAGES = [...ASTERISK.map((a) => a[0]), 'festvox-ru', 'fillets-ng-data-cs', 'fillets-ng-data-nl', 'flight-of-the-amazon-queen',
  'drascula', 'drascula-spanish', 'drascula-italian', 'tuxpaint-stamps-default', 'ktuberling-data', 'klettres-data'];

module.exports = { ADAPTERS, PACKAGES, dpkgFiles };
