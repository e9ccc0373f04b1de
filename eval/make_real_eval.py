#!/usr/bin/python3
"""Build a held-out evaluation set of 3 s clips from REAL human recordings
shipped in Debian packages (never used for training).

Called by eval/make_real_eval.sh, which installs the packages first.
Run with Debian's /usr/bin/python3 (needs numpy, scipy, soundfile).

    /usr/bin/python3 eval/make_real_eval.py OUTDIR [N_PER_CLASS] [--seed S]

Writes OUTDIR/*.wav (16 kHz mono 16-bit, exactly 48000 samples),
OUTDIR/labels.csv (file paths relative to OUTDIR), OUTDIR/sources.txt
(provenance of every clip) and OUTDIR/speakers.txt (speaker inventory).

Every clip i of class c is built from its own RNG seeded with
(seed, c, i), so the output is deterministic and the first N clips of a
class do not depend on N_PER_CLASS.
"""
import argparse
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import soundfile as sf
from scipy.signal import butter, fftconvolve, resample_poly, sosfilt

SR = 16000
CLIP = 3 * SR          # exactly 3.0 s
HOP = 160              # 10 ms activity frames
PRE = SR               # 1 s of canvas before the window (turns may start early)
CANVAS = PRE + CLIP + SR

LABELS = ["Alone / Quiet", "Speech / Monologue", "One-on-One Conversation",
          "Group Discussion", "Noisy Environment"]
SLUGS = ["quiet", "mono", "conv", "group", "noisy"]

MAX_FILES_PER_SPEAKER = 150

# --------------------------------------------------------------------------
# Speaker inventory.  Every entry is ONE real person (as far as the package
# metadata tells), so entries can be combined freely into multi-talker clips.
# (id, sex, package, regex on the package's file list, exclude regex, note)
# --------------------------------------------------------------------------
A = r"^/usr/share/asterisk/sounds/"
FIL_ROOT = "/usr/share/games/fillets-ng/sound/"
F = "^" + FIL_ROOT + r"[^/]+/"
ASTX = r"(beep|2tone|monkeys|/silence/)"
SPEAKERS = [
    ("allison", "F", "asterisk-core-sounds-en-g722", A + r"en_US_f_Allison/[^/]+\.g722$", ASTX,
     "Allison Smith, US English IVR prompts (CC-BY-SA-3.0)"),
    ("june", "F", "asterisk-core-sounds-fr-g722", A + r"fr_CA_f_June/[^/]+\.g722$", ASTX,
     "June Wallack, Canadian French IVR prompts (CC-BY-SA-3.0)"),
    ("carlo", "M", "asterisk-core-sounds-it-g722", A + r"it_IT_m_Carlo/[^/]+\.g722$", ASTX,
     "Carlo Flora, Italian IVR prompts (CC-BY-3.0)"),
    ("ivrvoice_ru", "F", "asterisk-core-sounds-ru-g722", A + r"ru_RU_f_IvrvoiceRU/[^/]+\.g722$", ASTX,
     "ivrvoice.ru female voice, Russian IVR prompts (CC-BY-3.0)"),
    ("paola", "F", "asterisk-prompt-it-menardi-wav", A + r"it_IT_f_Menardi/[^/]+\.wav$", ASTX,
     "Paola Dal Zot (Menardi set), Italian IVR prompts (CC-BY-SA-3.0 IT)"),
    ("july", "F", "asterisk-prompt-es-co", A + r"es/[^/]+\.gsm$", ASTX,
     "July E. Jimenez, Colombian Spanish IVR prompts (GPL-2)"),
    ("armelle", "F", "asterisk-prompt-fr-armelle", A + r"fr/[^/]+\.gsm$", ASTX,
     "Armelle Desjardins, French IVR prompts (BSD-style)"),
    ("fillets_cs_small", "F", "fillets-ng-data-cs", F + r"cs/[^/]*-m-[^/]*\.ogg$", None,
     "Fish Fillets NG Czech dub, small fish (high voice) (GPL-2)"),
    ("fillets_cs_big", "M", "fillets-ng-data-cs", F + r"cs/[^/]*-v-[^/]*\.ogg$", None,
     "Fish Fillets NG Czech dub, big fish (GPL-2)"),
    ("fillets_nl_small", "F", "fillets-ng-data-nl", F + r"nl/[^/]*-m-[^/]*\.ogg$", None,
     "Fish Fillets NG Dutch dub, small fish (high voice) (GPL-2)"),
    ("fillets_nl_big", "M", "fillets-ng-data-nl", F + r"nl/[^/]*-v-[^/]*\.ogg$", None,
     "Fish Fillets NG Dutch dub, big fish (GPL-2)"),
    ("librivox_reader", "M", "pocketsphinx-testdata", r"/librivox/[^/]+\.wav$", None,
     "LibriVox 'Sense and Sensibility' reader, 5 utterances (BSD-2 package; LibriVox is public domain)"),
    ("c2_cq_ref", "M", "codec2-examples", r"/codec2/raw/cq_ref\.raw$", None, "codec2 sample cq_ref (LGPL-2.1)"),
    ("c2_kristoff", "M", "codec2-examples", r"/codec2/raw/kristoff\.raw$", None, "codec2 sample kristoff (LGPL-2.1)"),
    ("c2_g3plx", "M", "codec2-examples", r"/codec2/raw/g3plx\.raw$", None, "codec2 sample g3plx (LGPL-2.1)"),
    ("c2_vk5qi", "M", "codec2-examples", r"/codec2/wav/vk5qi\.wav$", None, "codec2 sample vk5qi (LGPL-2.1)"),
    ("c2_hts1", "M", "codec2-examples", r"/codec2/raw/hts1\.raw$", None, "codec2 sample hts1 (LGPL-2.1)"),
    ("c2_hts2", "F", "codec2-examples", r"/codec2/raw/hts2\.raw$", None, "codec2 sample hts2 (LGPL-2.1)"),
]
# Sources that are only used as background babble (identity unknown or several
# speakers per file, or too little material): never a foreground talker.
BABBLE_EXTRA = [
    ("codec2-examples", r"/codec2/raw/(hts|speech_orig_16k)\.(raw|wav)$|/codec2/wav/(forig|morig|big_dog|cross)\.wav$"),
    ("pocketsphinx-testdata", r"/(cards/\d+\.wav|goforward\.raw|numbers\.raw|something\.raw|tidigits/dhd\.2934z\.raw)$"),
    ("alsa-utils", r"/usr/share/sounds/alsa/(Front|Rear|Side)_[A-Za-z]+\.wav$"),
]
# Real non-speech recordings (Fish Fillets NG game foley + Asterisk music on hold).
SFX_PKG = "fillets-ng-data"
SFX = {
    "typing": r"/linux/en/(key|enter|space)\d+\.ogg$",
    "clock": r"/dump/en/sm-x-tiktak\.ogg$",
    "impact": r"/share/sp-impact_(light|heavy)_\d+\.ogg$",
    "click": r"/(corridor/en/ch-x-click\d|pavement/en/k1-x-vrz|imprisoned/en/ncp-x-tik)\.ogg$",
    "bubbles": r"/share/sp-bubles_\d+\.ogg$",
    "motor": r"/engine/en/mot-x-motor\.ogg$",
    "washer": r"/bathroom/en/br-x-pracka\.ogg$",
    "phone": r"/bathyscaph/en/bat-t-phone\d\.ogg$",
}
MUSIC_PKG = "asterisk-moh-opsound-g722"
MUSIC_RE = r"/usr/share/asterisk/moh/[^/]+\.g722$"

ALL_PACKAGES = sorted({s[2] for s in SPEAKERS} | {b[0] for b in BABBLE_EXTRA} | {SFX_PKG, MUSIC_PKG})


# --------------------------------------------------------------------------
# I/O helpers
# --------------------------------------------------------------------------
def pkg_files(pkg, regex, exclude=None):
    out = subprocess.run(["dpkg", "-L", pkg], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"package {pkg} is not installed (run eval/make_real_eval.sh)")
    rx = re.compile(regex)
    ex = re.compile(exclude) if exclude else None
    files = sorted({p for p in out.stdout.split("\n")
                    if rx.search(p) and not (ex and ex.search(p)) and os.path.isfile(p)})
    return files


def pkg_version(pkg):
    out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True, text=True)
    return out.stdout.strip() or "?"


def decode(path):
    """Any of the shipped formats -> float32 mono 16 kHz in [-1, 1]."""
    if path.endswith((".wav", ".ogg")):
        x, sr = sf.read(path, dtype="float32", always_2d=True)
        x = x.mean(axis=1)
        if sr != SR:
            g = np.gcd(sr, SR)
            x = resample_poly(x, SR // g, sr // g).astype(np.float32)
        return x
    if path.endswith(".g722"):
        inp = ["-f", "g722", "-i", path]
    elif path.endswith(".gsm"):
        inp = ["-f", "gsm", "-ar", "8000", "-i", path]
    elif path.endswith(".raw"):  # codec2: 8 kHz s16le, pocketsphinx: 16 kHz s16le
        sr = 16000 if "/pocketsphinx/" in path else 8000
        inp = ["-f", "s16le", "-ar", str(sr), "-ac", "1", "-i", path]
    else:
        raise ValueError(path)
    cmd = ["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", *inp,
           "-ac", "1", "-ar", str(SR), "-f", "s16le", "-"]
    raw = subprocess.run(cmd, capture_output=True, check=True).stdout
    return np.frombuffer(raw, np.int16).astype(np.float32) / 32768.0


def db(x):
    return 10 * np.log10(np.maximum(x, 1e-20))


def frame_db(x):
    n = len(x) // HOP
    if n == 0:
        return np.array([-200.0])
    e = (x[: n * HOP].reshape(n, HOP).astype(np.float64) ** 2).mean(axis=1)
    return db(e)


class Utt:
    """A trimmed recording: audio normalised to -23 dBFS active RMS and a 10 ms activity mask."""
    __slots__ = ("spk", "path", "pkg", "a", "act", "fdb", "off")

    def __init__(self, spk, path, pkg, x):
        self.spk, self.path, self.pkg = spk, path, pkg
        fd = frame_db(x)
        thr = max(fd.max() - 35.0, -62.0)
        act = fd > thr
        idx = np.flatnonzero(act)
        if len(idx) == 0:
            self.a = None
            return
        s = max(0, idx[0] - 3) * HOP
        e = min(len(x), (idx[-1] + 4) * HOP)
        x = x[s:e].astype(np.float32)
        self.off = s / SR
        self.fdb = frame_db(x)
        self.act = self.fdb > thr
        if self.act.sum() == 0:
            self.a = None
            return
        n = len(self.act) * HOP
        x = x[:n]
        m = np.repeat(self.act, HOP)
        rms = np.sqrt(np.mean(x[m] ** 2))
        self.a = x * (10 ** (-23 / 20) / max(rms, 1e-6))

    @property
    def dur(self):
        return len(self.a) / SR


def median_f0(utts, k=12):
    """Crude autocorrelation pitch estimate over a few utterances (for the inventory only)."""
    vals = []
    fl = 640
    for u in utts[:k]:
        x = u.a
        for i in range(0, len(x) - fl, 320):
            if not u.act[min(i // HOP, len(u.act) - 1)]:
                continue
            f = x[i:i + fl] - x[i:i + fl].mean()
            sp = np.fft.rfft(f, 2 * fl)
            ac = np.fft.irfft(sp * np.conj(sp))[:fl]
            if ac[0] <= 0:
                continue
            lo, hi = SR // 400, SR // 60
            j = lo + int(np.argmax(ac[lo:hi]))
            if ac[j] / ac[0] > 0.5:
                vals.append(SR / j)
    return float(np.median(vals)) if vals else 0.0


# --------------------------------------------------------------------------
# Signal generators
# --------------------------------------------------------------------------
def colored_noise(rng, n, exponent):
    """1/f^exponent noise, unit RMS."""
    spec = rng.standard_normal(n // 2 + 1) + 1j * rng.standard_normal(n // 2 + 1)
    f = np.fft.rfftfreq(n, 1 / SR)
    f[0] = f[1]
    spec *= f ** (-exponent / 2)
    x = np.fft.irfft(spec, n)
    return (x / np.sqrt(np.mean(x ** 2))).astype(np.float32)


def bandpass(x, lo, hi, order=2):
    if lo and hi:
        sos = butter(order, [lo, hi], "bandpass", fs=SR, output="sos")
    elif lo:
        sos = butter(order, lo, "highpass", fs=SR, output="sos")
    else:
        sos = butter(order, hi, "lowpass", fs=SR, output="sos")
    return sosfilt(sos, x).astype(np.float32)


def rms(x):
    return float(np.sqrt(np.mean(np.asarray(x, np.float64) ** 2)) + 1e-12)


def set_rms(x, dbfs):
    return x * (10 ** (dbfs / 20) / rms(x))


def room_tone(rng, n):
    """Stationary room noise: a random mix of brown/pink/white noise with a random tilt."""
    w = rng.dirichlet([2, 2, 0.7])
    x = (w[0] * colored_noise(rng, n, 2.0) + w[1] * colored_noise(rng, n, 1.0)
         + w[2] * rng.standard_normal(n).astype(np.float32))
    x = bandpass(x, rng.uniform(20, 60), rng.uniform(3000, 7900))
    return x / rms(x)


def hum(rng, n):
    f0 = rng.choice([50.0, 60.0])
    t = np.arange(n) / SR
    x = np.zeros(n, np.float32)
    for h in range(1, 7):
        x += rng.uniform(0.05, 1.0) / h * np.sin(2 * np.pi * f0 * h * t + rng.uniform(0, 2 * np.pi))
    return x / rms(x)


def hvac(rng, n):
    x = bandpass(colored_noise(rng, n, 1.0), 40, rng.uniform(400, 1500))
    t = np.arange(n) / SR
    x *= 1 + 0.3 * np.sin(2 * np.pi * rng.uniform(0.1, 0.8) * t + rng.uniform(0, 6.3))
    return x / rms(x)


def traffic(rng, n):
    """Brown rumble plus passing-vehicle swells (generated)."""
    x = bandpass(colored_noise(rng, n, 2.0), 25, rng.uniform(400, 1200))
    env = np.full(n, 0.4, np.float32)
    t = np.arange(n) / SR
    for _ in range(rng.integers(1, 4)):
        c, w = rng.uniform(0, n / SR), rng.uniform(0.6, 2.0)
        env += rng.uniform(0.5, 1.5) * np.exp(-0.5 * ((t - c) / w) ** 2)
    swish = bandpass(rng.standard_normal(n).astype(np.float32), 300, 3000) * 0.3
    x = x / rms(x) * env + swish * env
    return x / rms(x)


def synth_rir(rng, rt60):
    n = int(SR * min(1.2, rt60 * 1.3))
    t = np.arange(n) / SR
    tail = rng.standard_normal(n) * np.exp(-6.9 * t / rt60)
    tail[: int(SR * rng.uniform(0.002, 0.008))] = 0
    h = tail / np.sqrt(np.sum(tail ** 2))
    drr = 10 ** (rng.uniform(2, 12) / 20)  # direct-to-reverberant ratio
    h *= 1 / drr
    h[0] += 1.0
    return h.astype(np.float32)


def reverb(x, h):
    return fftconvolve(x, h)[: len(x)].astype(np.float32)


def seamless_loop(a, n, xf=800):
    """Repeat a with 50 ms cross-fades until it is at least n samples long."""
    xf = min(xf, len(a) // 4)
    r = np.linspace(0, 1, xf, dtype=np.float32)
    out = a.copy()
    while len(out) < n:
        out[-xf:] = out[-xf:] * r[::-1] + a[:xf] * r
        out = np.concatenate([out, a[xf:]])
    return out


def fade(x, ms=12):
    n = min(len(x) // 2, int(SR * ms / 1000))
    if n > 0:
        r = np.linspace(0, 1, n, dtype=np.float32)
        x = x.copy()
        x[:n] *= r
        x[-n:] *= r[::-1]
    return x


# --------------------------------------------------------------------------
# Builders
# --------------------------------------------------------------------------
class Track:
    """One talker laid out on the canvas, with an activity mask and provenance."""

    def __init__(self, spk):
        self.spk = spk
        self.x = np.zeros(CANVAS, np.float32)
        self.m = np.zeros(CANVAS, bool)
        self.segs = []

    def place(self, u, s, e, t):
        """Put u.a[s:e] at canvas sample t (clipped to the canvas)."""
        piece = fade(u.a[s:e])
        act = np.repeat(u.act, HOP)[s:e]
        a0, b0 = max(t, 0), min(t + len(piece), CANVAS)
        if b0 <= a0:
            return
        self.x[a0:b0] += piece[a0 - t:b0 - t]
        self.m[a0:b0] |= act[a0 - t:b0 - t]
        w0, w1 = max(a0, PRE), min(b0, PRE + CLIP)
        if w1 > w0:  # provenance of the part that lands in the window
            src0 = u.off + (s + w0 - t) / SR
            src1 = u.off + (s + w1 - t) / SR
            self.segs.append(f"{u.pkg}:{u.path}[{src0:.2f}-{src1:.2f}s]@{(w0 - PRE) / SR:.2f}s")

    def active_s(self):
        return self.m[PRE:PRE + CLIP].sum() / SR


def continuous(spk, rng):
    """One talker's continuous speech: random utterances with natural pauses."""
    tr = Track(spk.id)
    t = int(rng.uniform(-2.5, 0.6) * SR) + PRE
    t = min(t, PRE + int(0.6 * SR))
    order = rng.permutation(len(spk.utts))  # no utterance is repeated within a clip
    if len(spk.utts) == 1:  # one long recording: a window inside it
        u = spk.utts[0]
        t = PRE - int(rng.uniform(-0.3, max(0.0, u.dur - 3.2)) * SR)
    for j in range(len(order)):
        if t >= PRE + CLIP:
            break
        u = spk.utts[order[j]]
        if t + len(u.a) <= PRE:  # skip utterances that would end before the window
            t += len(u.a) + int(rng.uniform(0.15, 0.6) * SR)
            continue
        tr.place(u, 0, len(u.a), t)
        gap = rng.uniform(0.6, 1.0) if rng.random() < 0.12 else rng.uniform(0.12, 0.55)
        t += len(u.a) + int(gap * SR)
    return tr


def take_piece(u, target_s, rng):
    """A turn of about target_s seconds from u, starting at a speech onset and
    ending in a pause when possible."""
    n = len(u.a)
    L = int(target_s * SR)
    if n <= int(L * 1.3):
        return 0, n
    onsets = [0] + [i * HOP for i in range(1, len(u.act)) if u.act[i] and not u.act[i - 1]]
    onsets = [o for o in onsets if o + int(0.3 * SR) < n] or [0]
    s = int(onsets[rng.integers(len(onsets))])
    e_t = min(n, s + L)
    lo, hi = max(s // HOP + 20, (e_t - 4000) // HOP), min(len(u.act), (e_t + 4000) // HOP)
    if hi > lo:
        cand = np.arange(lo, hi)
        quiet = cand[~u.act[cand]]
        if len(quiet):
            e = int(quiet[np.argmin(np.abs(quiet * HOP - e_t))]) * HOP
        else:
            e = int(cand[np.argmin(u.fdb[cand])]) * HOP
    else:
        e = e_t
    return s, max(e, s + HOP * 20)


def fresh_utt(spk, used, rng):
    """A random utterance of spk not used yet in this clip (if it has any left)."""
    left = [j for j in range(len(spk.utts)) if (spk.id, j) not in used] or list(range(len(spk.utts)))
    j = left[rng.integers(len(left))]
    used.add((spk.id, j))
    return spk.utts[j]


def conversation(spks, rng, k):
    """k talkers taking turns, with short gaps and occasional overlaps."""
    tracks = {s.id: Track(s.id) for s in spks}
    by_id = {s.id: s for s in spks}
    ids = [s.id for s in spks]
    if k == 2:
        order_first = list(rng.permutation(ids))
        turn = (0.6, 1.7)
        p_ov, ov, gp = 0.25, (-0.35, -0.05), (0.05, 0.45)
    else:
        order_first = list(rng.permutation(ids))
        turn = (0.35, 1.1)
        p_ov, ov, gp = 0.35, (-0.4, -0.05), (0.03, 0.3)
    t = PRE + int(rng.uniform(-0.5, 0.25) * SR)
    last, n_turn = None, 0
    used = set()
    while t < PRE + CLIP - int(0.15 * SR):
        if n_turn < len(order_first):
            sid = order_first[n_turn]
        elif k == 2:
            sid = ids[0] if last == ids[1] else ids[1]
        else:  # prefer talkers heard least so far
            cand = [i for i in ids if i != last]
            w = np.array([1.0 / (0.2 + tracks[i].active_s()) for i in cand])
            sid = cand[rng.choice(len(cand), p=w / w.sum())]
        u = fresh_utt(by_id[sid], used, rng)
        s, e = take_piece(u, rng.uniform(*turn), rng)
        tracks[sid].place(u, s, e, t)
        gap = rng.uniform(*ov) if rng.random() < p_ov else rng.uniform(*gp)
        t += (e - s) + int(gap * SR)
        last, n_turn = sid, n_turn + 1
    if k >= 3 and rng.random() < 0.5:  # a short overlapping back-channel
        sid = ids[rng.integers(len(ids))]
        u = fresh_utt(by_id[sid], used, rng)
        s, e = take_piece(u, rng.uniform(0.25, 0.5), rng)
        tracks[sid].place(u, s, e, PRE + int(rng.uniform(0.2, 2.5) * SR))
    return [tracks[i] for i in ids]


class Gen:
    def __init__(self, speakers, babble_utts, sfx, music, seed):
        self.speakers = speakers
        self.w = np.array([s.weight for s in speakers])
        self.babble = babble_utts
        self.sfx = sfx
        self.music = music
        self.seed = seed

    def pick_speakers(self, rng, k):
        idx = rng.choice(len(self.speakers), size=k, replace=False, p=self.w / self.w.sum())
        return [self.speakers[i] for i in idx]

    # -- foreground speech ------------------------------------------------
    def render_talkers(self, rng, tracks, info, rt60=None):
        """Apply per-talker level and room, return the mix on the canvas."""
        mix = np.zeros(CANVAS, np.float32)
        use_rev = rng.random() < 0.5 if rt60 is None else True
        if use_rev and rt60 is None:
            rt60 = rng.uniform(0.2, 0.6)
        for tr in tracks:
            g = rng.uniform(-5, 5) if len(tracks) > 1 else 0.0
            x = tr.x * 10 ** (g / 20)
            if use_rev:
                x = reverb(x, synth_rir(rng, rt60))
            mix += x
        info.append(f"room={'rt60=%.2fs' % rt60 if use_rev else 'dry'}")
        return mix

    def speech_ok(self, tracks, k):
        act = [tr.active_s() for tr in tracks]
        union = np.zeros(CLIP, bool)
        for tr in tracks:
            union |= tr.m[PRE:PRE + CLIP]
        if k == 1:
            return act[0] >= 1.35
        need = 0.5 if k == 2 else 0.3
        return min(act) >= need and union.sum() / SR >= 1.8

    def speech_clip(self, rng, k, info):
        for _ in range(200):
            spks = self.pick_speakers(rng, k)
            tracks = [continuous(spks[0], rng)] if k == 1 else conversation(spks, rng, k)
            if self.speech_ok(tracks, k):
                break
        else:
            raise RuntimeError("could not build a clip with enough speech")
        info.append("talkers=" + ",".join(f"{s.id}({s.sex})" for s in spks))
        info.append("active_s=" + ",".join(f"{tr.active_s():.2f}" for tr in tracks))
        return spks, tracks

    # -- background ---------------------------------------------------------
    def sfx_events(self, rng, kind, n, rate, info):
        x = np.zeros(n, np.float32)
        files = self.sfx[kind]
        if kind in ("clock", "motor", "washer"):  # loop a stationary source
            path, a = files[rng.integers(len(files))]
            loop = seamless_loop(a, n + len(a))
            s = rng.integers(len(a))
            x += loop[s:s + n]
            info.append(f"{kind}={SFX_PKG}:{path}")
            return x / rms(x)
        t = rng.uniform(0, 0.5)
        used = []
        while t < n / SR:
            path, a = files[rng.integers(len(files))]
            i = int(t * SR)
            seg = a[: n - i] * 10 ** (rng.uniform(-8, 0) / 20)
            x[i:i + len(seg)] += seg
            used.append(path.replace(FIL_ROOT, ""))
            t += rng.exponential(1.0 / rate) + 0.05
        info.append(f"{kind}={SFX_PKG}:{FIL_ROOT}{{{','.join(sorted(set(used)))}}}")
        return x / max(rms(x), 1e-6)

    def babble_noise(self, rng, n, exclude, info):
        pool = [u for u in self.babble if u.spk not in exclude]
        nv = int(rng.integers(6, 11))
        x = np.zeros(n, np.float32)
        spk_used = set()
        for _ in range(nv):
            y = np.zeros(n, np.float32)
            t = int(rng.uniform(-1.5, 0.2) * SR)
            while t < n:
                u = pool[rng.integers(len(pool))]
                spk_used.add(u.spk)
                a = u.a
                a0, b0 = max(t, 0), min(t + len(a), n)
                if b0 > a0:
                    y[a0:b0] += a[a0 - t:b0 - t]
                t += len(a) + int(rng.uniform(0.05, 0.4) * SR)
            y = reverb(y, synth_rir(rng, rng.uniform(0.4, 0.9)))
            x += y * 10 ** (rng.uniform(-6, 0) / 20)
        x = bandpass(x, 80, rng.uniform(2500, 6000))
        info.append(f"babble={nv}voices[{','.join(sorted(spk_used))}]")
        return x / rms(x)

    def music_noise(self, rng, n, info):
        path, a = self.music[rng.integers(len(self.music))]
        s = rng.integers(0, len(a) - n)
        x = a[s:s + n].copy()
        if rng.random() < 0.5:
            x = bandpass(x, 100, rng.uniform(2000, 5000))
        x = reverb(x, synth_rir(rng, rng.uniform(0.3, 0.8)))
        info.append(f"music={MUSIC_PKG}:{path}@{s / SR:.1f}s")
        return x / rms(x)

    def noise_of(self, rng, kind, n, exclude, info):
        if kind == "babble":
            return self.babble_noise(rng, n, exclude, info)
        if kind == "music":
            return self.music_noise(rng, n, info)
        if kind == "traffic":
            x = traffic(rng, n)
            info.append("traffic=generated(brown+swells)")
            if rng.random() < 0.5:
                x = x + 0.5 * self.sfx_events(rng, "motor", n, 0, info)
            return x / rms(x)
        if kind == "appliance":
            x = self.sfx_events(rng, rng.choice(["washer", "motor"]), n, 0, info)
            x = x + 0.3 * hum(rng, n)
            info.append("hum=generated")
            return x / rms(x)
        if kind == "clatter":
            x = self.sfx_events(rng, "impact", n, rng.uniform(2, 6), info)
            x = x + 0.6 * self.sfx_events(rng, "typing", n, rng.uniform(4, 9), info)
            x = x + 0.25 * room_tone(rng, n)
            return x / rms(x)
        if kind == "fan_hum":
            x = hvac(rng, n) + rng.uniform(0.2, 0.8) * hum(rng, n) + 0.5 * colored_noise(rng, n, 1.0)
            info.append("fan+hum=generated")
            return x / rms(x)
        raise ValueError(kind)

    # -- classes --------------------------------------------------------------
    def clip(self, c, i):
        rng = np.random.default_rng([self.seed, c, i])
        info = []
        if c == 0:
            y = self.quiet(rng, info)
        elif c in (1, 2, 3):
            k = {1: 1, 2: 2, 3: int(rng.choice([3, 3, 4]))}[c]
            spks, tracks = self.speech_clip(rng, k, info)
            mix = self.render_talkers(rng, tracks, info)[PRE:PRE + CLIP]
            union = np.zeros(CLIP, bool)
            for tr in tracks:
                union |= tr.m[PRE:PRE + CLIP]
            lvl = rng.uniform(-32, -16)
            mix *= 10 ** (lvl / 20) / rms(mix[union])
            snr = rng.uniform(25, 50)
            floor = room_tone(rng, CLIP) * 10 ** ((lvl - snr) / 20)
            info.append(f"speech_level={lvl:.1f}dBFS roomtone_snr={snr:.1f}dB")
            y = mix + floor
            for tr in tracks:
                info.extend(f"{tr.spk}:{s}" for s in tr.segs)
        else:
            y = self.noisy(rng, info)
        if rng.random() < 0.5:  # microphone / device high-pass
            fc = rng.uniform(50, 120)
            y = bandpass(y, fc, None)
            info.append(f"highpass={fc:.0f}Hz")
        pk = np.max(np.abs(y))
        if pk > 0.89:
            y *= 0.89 / pk
            info.append("peak_limited")
        return y.astype(np.float32), info

    def quiet(self, rng, info):
        n = CLIP
        lvl = rng.uniform(-66, -42)
        y = room_tone(rng, n) * 10 ** (lvl / 20)
        info.append(f"roomtone=generated {lvl:.1f}dBFS")
        if rng.random() < 0.3:
            l2 = lvl + rng.uniform(-8, 2)
            y += hum(rng, n) * 10 ** (l2 / 20)
            info.append(f"hum=generated {l2:.1f}dBFS")
        if rng.random() < 0.3:
            l2 = lvl + rng.uniform(-4, 4)
            y += hvac(rng, n) * 10 ** (l2 / 20)
            info.append(f"hvac=generated {l2:.1f}dBFS")
        if rng.random() < 0.5:  # faint real non-speech sounds
            kind = str(rng.choice(["typing", "clock", "impact", "click", "bubbles", "washer", "motor"]))
            rate = {"typing": rng.uniform(1, 5)}.get(kind, rng.uniform(0.3, 1.2))
            ev = self.sfx_events(rng, kind, n, rate, info)
            if kind in ("washer", "motor", "clock"):
                ev = reverb(ev, synth_rir(rng, rng.uniform(0.3, 0.7)))
                l3 = rng.uniform(-60, -44)
                ev = ev * 10 ** (l3 / 20) / rms(ev)
                info.append(f"{kind}_level={l3:.1f}dBFS")
            else:
                pk3 = rng.uniform(-44, -30)
                ev = ev * 10 ** (pk3 / 20) / max(np.max(np.abs(ev)), 1e-6)
                info.append(f"{kind}_peak={pk3:.1f}dBFS")
            y += ev
        return y

    def noisy(self, rng, info):
        for _ in range(200):
            spk = self.pick_speakers(rng, 1)[0]
            tr = continuous(spk, rng)
            if self.speech_ok([tr], 1):
                break
        info.append(f"talkers={spk.id}({spk.sex})")
        info.append(f"active_s={tr.active_s():.2f}")
        sp = self.render_talkers(rng, [tr], info)[PRE:PRE + CLIP]
        act = tr.m[PRE:PRE + CLIP]
        lvl = rng.uniform(-30, -18)
        sp *= 10 ** (lvl / 20) / rms(sp[act])
        kinds = ["babble", "traffic", "music", "appliance", "clatter", "fan_hum"]
        k1 = kinds[rng.integers(len(kinds))]
        noise = self.noise_of(rng, k1, CLIP, {spk.id}, info)
        if rng.random() < 0.4:
            k2 = kinds[rng.integers(len(kinds))]
            if k2 != k1:
                noise = noise + 10 ** (rng.uniform(-8, -3) / 20) * self.noise_of(rng, k2, CLIP, {spk.id}, info)
        snr = rng.uniform(0, 10)
        noise *= 10 ** ((lvl - snr) / 20) / rms(noise)
        info.append(f"speech_level={lvl:.1f}dBFS snr={snr:.1f}dB (active-speech power / noise power)")
        info.extend(f"{tr.spk}:{s}" for s in tr.segs)
        return sp + noise + room_tone(rng, CLIP) * 10 ** ((lvl - 45) / 20)


class Speaker:
    def __init__(self, sid, sex, pkg, note, utts):
        self.id, self.sex, self.pkg, self.note, self.utts = sid, sex, pkg, note, utts
        tot = sum(u.dur for u in utts)
        self.total_s = tot
        # sources with little material are drawn less often (they would repeat a lot)
        self.weight = min(1.0, 0.25 + tot / 120.0)


def load_all(seed, log):
    jobs = []  # (kind, key, pkg, path)
    spk_files = {}
    for sid, sex, pkg, rx, ex, note in SPEAKERS:
        files = pkg_files(pkg, rx, ex)
        if not files:
            sys.exit(f"no files for speaker {sid} in {pkg}")
        r = np.random.default_rng([seed, 999, len(sid), sum(map(ord, sid))])
        if len(files) > MAX_FILES_PER_SPEAKER:
            files = sorted(r.choice(files, MAX_FILES_PER_SPEAKER, replace=False).tolist())
        spk_files[sid] = files
        jobs += [("spk", sid, pkg, f) for f in files]
    for pkg, rx in BABBLE_EXTRA:
        jobs += [("bab", "extra:" + os.path.basename(f), pkg, f) for f in pkg_files(pkg, rx)]
    for kind, rx in SFX.items():
        jobs += [("sfx", kind, SFX_PKG, f) for f in pkg_files(SFX_PKG, rx)]
    jobs += [("mus", "music", MUSIC_PKG, f) for f in pkg_files(MUSIC_PKG, MUSIC_RE)]
    log(f"decoding {len(jobs)} files ...")
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as ex:
        audio = list(ex.map(lambda j: decode(j[3]), jobs))
    utts = {sid: [] for sid in spk_files}
    babble, sfx, music = [], {k: [] for k in SFX}, []
    for (kind, key, pkg, path), x in zip(jobs, audio):
        if kind in ("spk", "bab"):
            u = Utt(key, path, pkg, x)
            if u.a is None or u.dur < 0.4:
                continue
            (utts[key] if kind == "spk" else babble).append(u)
        elif kind == "sfx":
            if len(x) > HOP:
                sfx[key].append((path, x / max(np.max(np.abs(x)), 1e-6)))
        else:
            music.append((path, x))
    speakers = []
    for sid, sex, pkg, rx, ex, note in SPEAKERS:
        if not utts[sid]:
            sys.exit(f"speaker {sid}: nothing usable decoded")
        speakers.append(Speaker(sid, sex, pkg, note, utts[sid]))
        babble += utts[sid]
    for k, v in sfx.items():
        if not v:
            sys.exit(f"no sound effects of kind {k}")
    return speakers, babble, sfx, music


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("n_per_class", nargs="?", type=int, default=40)
    ap.add_argument("--seed", type=int, default=20240601)
    args = ap.parse_args()
    t0 = time.time()

    def log(msg):
        print(f"[{time.time() - t0:6.1f}s] {msg}", flush=True)

    os.makedirs(args.outdir, exist_ok=True)
    speakers, babble, sfx, music = load_all(args.seed, log)
    log(f"{len(speakers)} foreground speakers, {len(babble)} babble utterances, "
        f"{sum(len(v) for v in sfx.values())} sfx, {len(music)} music tracks")
    gen = Gen(speakers, babble, sfx, music, args.seed)

    rows, src_lines, use_count = [], [], {s.id: 0 for s in speakers}
    for c, (label, slug) in enumerate(zip(LABELS, SLUGS)):
        for i in range(args.n_per_class):
            y, info = gen.clip(c, i)
            assert len(y) == CLIP
            name = f"{slug}_{i:03d}.wav"
            sf.write(os.path.join(args.outdir, name), y, SR, subtype="PCM_16")
            rows.append((name, label))
            src_lines.append(f"{name}\t{label}\t" + " | ".join(info))
            for s in speakers:
                if any(x.startswith("talkers=") and re.search(rf"[=,]{s.id}\(", x) for x in info):
                    use_count[s.id] += 1
        log(f"class '{label}': {args.n_per_class} clips")

    with open(os.path.join(args.outdir, "labels.csv"), "w") as f:
        f.write("file,label\n")
        for name, label in rows:
            f.write(f"{name},{label}\n")
    with open(os.path.join(args.outdir, "sources.txt"), "w") as f:
        f.write("# Real-speech evaluation set, built by eval/make_real_eval.py "
                f"(seed {args.seed}, {args.n_per_class} clips per class)\n")
        f.write("# Debian packages used (version):\n")
        for p in ALL_PACKAGES:
            f.write(f"#   {p} {pkg_version(p)}\n")
        f.write("# Columns: file<TAB>label<TAB>details. Speech segments are written as\n"
                "#   talker:package:/path[start-end s in the source file]@time in the clip\n")
        f.write("\n".join(src_lines) + "\n")
    with open(os.path.join(args.outdir, "speakers.txt"), "w") as f:
        f.write("id\tsex\tmedian_f0_hz\tutterances\tseconds\tclips_as_talker\tpackage\tnote\n")
        for s in speakers:
            f.write(f"{s.id}\t{s.sex}\t{median_f0(s.utts):.0f}\t{len(s.utts)}\t{s.total_s:.0f}\t"
                    f"{use_count[s.id]}\t{s.pkg}\t{s.note}\n")
    log(f"wrote {len(rows)} clips + labels.csv, sources.txt, speakers.txt to {args.outdir}")
    check(args.outdir, rows)


def check(outdir, rows):
    """Every clip: 48000 samples at 16 kHz mono, not clipped, not silent, no digital silence."""
    bad, per = [], {}
    for name, label in rows:
        x, sr = sf.read(os.path.join(outdir, name), dtype="int16")
        z = np.concatenate([[0], (x == 0).astype(np.int8), [0]])
        d = np.diff(z)
        zrun = int((np.flatnonzero(d == -1) - np.flatnonzero(d == 1)).max(initial=0))
        r = 20 * np.log10(rms(x / 32768.0))
        pk = np.abs(x.astype(np.int32)).max() / 32768.0
        per.setdefault(label, []).append(r)
        if sr != SR or x.ndim != 1 or len(x) != CLIP or pk >= 0.99 or r < -72 or zrun > 160:
            bad.append(f"{name}: sr={sr} shape={x.shape} peak={pk:.3f} rms={r:.1f}dBFS zero_run={zrun}")
    for label, v in per.items():
        print(f"  {label:26s} n={len(v):3d} RMS dBFS min/median/max = "
              f"{min(v):6.1f} / {np.median(v):6.1f} / {max(v):6.1f}")
    if bad:
        sys.exit("clip check FAILED:\n  " + "\n  ".join(bad))
    print(f"clip check OK: {len(rows)} clips, 3.0 s 16 kHz mono, no clipping, no digital silence")


if __name__ == "__main__":
    main()
