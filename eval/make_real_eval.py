#!/usr/bin/python3
"""Build the frozen held-out evaluation set of 3 s clips from REAL human
recordings in the three Debian packages RESERVED for evaluation:

    pocketsphinx-testdata  /usr/share/pocketsphinx/test/data/
    alsa-utils             /usr/share/sounds/alsa/
    codec2-examples        /usr/share/codec2/

Nothing of these packages may be used for training, validation or model
selection (eval/reserved-paths.txt lists the folders that training tools
must refuse to read). All non-speech sounds are generated here with numpy.

Called by eval/make_real_eval.sh, which installs the packages first.
Run with Debian's /usr/bin/python3 (needs numpy, scipy, soundfile).

    /usr/bin/python3 eval/make_real_eval.py OUTDIR [N_PER_CLASS] [--seed S]

Writes OUTDIR/*.wav (16 kHz mono 16-bit, exactly 48000 samples),
OUTDIR/labels.csv (file paths relative to OUTDIR), OUTDIR/sources.txt
(provenance of every clip), OUTDIR/speakers.txt (speaker inventory and
clips per speaker and class) and OUTDIR/packages.txt (versions used).

Every clip i of class c is built from its own RNG seeded with
(seed, c, i), so the output is deterministic and the first N clips of a
class do not depend on N_PER_CLASS.
"""
import argparse
import os
import subprocess
import sys
import time

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
DEFAULT_N = 60
DEFAULT_SEED = 20240601
MIN_VOICES_PER_CLASS = 5

# --------------------------------------------------------------------------
# The reserved packages and the speaker inventory.
#
# A UNIT is material that is certainly one person (one recording, or files
# that are the same person).  A GROUP is one identity: every unit of a group
# may be the same person as every other unit of that group.  In a clip:
#   * each talker is one unit, and all of that talker's speech comes from it
#     (so a monologue never mixes two possibly different people);
#   * two talkers are always from two different groups, and never from two
#     groups listed as CONFLICTS (identities that may coincide).
# Distinct persons are counted conservatively: one per group, minus one for
# a group whose conflicting groups are also present.
# --------------------------------------------------------------------------
PS = "/usr/share/pocketsphinx/test/data/"
AL = "/usr/share/sounds/alsa/"
C2 = "/usr/share/codec2/"
PKG_PS, PKG_AL, PKG_C2 = "pocketsphinx-testdata", "alsa-utils", "codec2-examples"
RESERVED_PACKAGES = [PKG_PS, PKG_AL, PKG_C2]
TOOL_PACKAGES = ["python3-numpy", "python3-scipy", "python3-soundfile", "libsndfile1", "python3.11"]

LV = PS + "librivox/sense_and_sensibility_01_austen_64kb-0"
LIBRIVOX = [f"{LV}{k}.wav" for k in ("870", "880", "890", "920", "930")]
ALSA_WORDS = [AL + f"{w}.wav" for w in ("Front_Center", "Front_Left", "Front_Right", "Rear_Center",
                                         "Rear_Left", "Rear_Right", "Side_Left", "Side_Right")]
SO16 = C2 + "raw/speech_orig_16k.wav"
HTS = C2 + "raw/hts.raw"

# (group, unit, sex, package, [(path, start_s, end_s)], foreground?, note)
UNITS = [
    ("librivox_reader", "librivox_reader", "M", PKG_PS, [(p, None, None) for p in LIBRIVOX], True,
     "LibriVox reader of Sense and Sensibility ch. 1, 5 utterances (name not given in the package)"),
    ("ps_test_male", "ps_dhd", "M", PKG_PS,
     [(PS + f, None, None) for f in ("goforward.raw", "numbers.raw", "something.raw", "tidigits/dhd.2934z.raw")],
     True, "pocketsphinx test utterances added by David Huggins-Daines (dhd) 2007-08; 16 kHz raw"),
    ("ps_test_male", "ps_cards", "M", PKG_PS, [(PS + f"cards/00{k}.wav", None, None) for k in range(1, 6)], True,
     "pocketsphinx 'cards' test utterances added 2010 (talker not named; may be dhd)"),
    ("alsa_female", "alsa_female", "F", PKG_AL, [(p, None, None) for p in ALSA_WORDS], True,
     "ALSA speaker-test voice: 'Front Center', 'Rear Left', ... (8 words, one woman)"),
    ("c2_ve9qrp", "c2_ve9qrp", "M", PKG_C2, [(C2 + "raw/ve9qrp.raw", None, None)], True,
     "codec2 sample ve9qrp (amateur station VE9QRP, HF radio speech, 112 s)"),
    ("c2_vk5qi", "c2_vk5qi", "M", PKG_C2, [(C2 + "raw/vk5qi.raw", None, None)], True,
     "codec2 sample vk5qi (amateur station VK5QI)"),
    ("c2_g3plx", "c2_g3plx", "M", PKG_C2, [(C2 + "raw/g3plx.raw", None, None)], True,
     "codec2 sample g3plx (amateur station G3PLX)"),
    ("c2_kristoff", "c2_kristoff", "M", PKG_C2, [(C2 + "raw/kristoff.raw", None, None)], True,
     "codec2 sample kristoff"),
    ("c2_vk5dgr", "c2_vk5dgr", "M", PKG_C2, [(C2 + "wav/all.wav", 47.11, None)], True,
     "codec2 all.wav 47.1-57.1 s, named vk5dgr (David Rowe) by codec2's script/separate_all.sh"),
    # codec2 samples whose talker is not named: one identity group per sex,
    # and the male group may coincide with any named codec2 man (CONFLICTS).
    ("c2_anon_m", "c2_hts1", "M", PKG_C2, [(C2 + "raw/hts1.raw", None, None)], True,
     "codec2 hts1 (= hts.raw 0-6 s; hts1a is its first 3 s)"),
    ("c2_anon_m", "c2_hts_s5", "M", PKG_C2, [(HTS, 12.0, 15.0)], True, "codec2 hts.raw 12-15 s"),
    ("c2_anon_m", "c2_hts_s6", "M", PKG_C2, [(HTS, 15.0, 18.0)], True, "codec2 hts.raw 15-18 s"),
    ("c2_anon_m", "c2_cq_ref", "M", PKG_C2, [(C2 + "raw/cq_ref.raw", None, None)], True, "codec2 cq_ref"),
    ("c2_anon_m", "c2_morig", "M", PKG_C2, [(C2 + "raw/morig.raw", None, None)], True,
     "codec2 morig (m2400 is its codec output, not used)"),
    ("c2_anon_m", "c2_big_dog", "M", PKG_C2, [(C2 + "raw/big_dog.raw", None, None)], True, "codec2 big_dog"),
    ("c2_anon_m", "c2_cross", "M", PKG_C2, [(C2 + "raw/cross.raw", None, None)], True, "codec2 cross"),
    ("c2_anon_m", "c2_mmt1", "M", PKG_C2, [(C2 + "raw/mmt1.raw", None, None)], True,
     "codec2 mmt1 (200-3700 Hz band, tonal interference)"),
    ("c2_anon_m", "c2_so16k_m1", "M", PKG_C2, [(SO16, 0.0, 2.5)], True, "codec2 speech_orig_16k.wav 0-2.5 s"),
    ("c2_anon_m", "c2_so16k_m2", "M", PKG_C2, [(SO16, 5.6, 7.85)], True, "codec2 speech_orig_16k.wav 5.6-7.85 s"),
    ("c2_anon_f", "c2_hts2", "F", PKG_C2, [(C2 + "raw/hts2.raw", None, None)], True,
     "codec2 hts2 (= hts.raw 6-12 s; hts2a is its first 3 s)"),
    ("c2_anon_f", "c2_hts_s7", "F", PKG_C2, [(HTS, 18.0, 21.0)], True, "codec2 hts.raw 18-21 s"),
    ("c2_anon_f", "c2_hts_s8", "F", PKG_C2, [(HTS, 21.0, 24.0)], True, "codec2 hts.raw 21-24 s"),
    ("c2_anon_f", "c2_forig", "F", PKG_C2, [(C2 + "raw/forig.raw", None, None)], True,
     "codec2 forig (f2400 is its codec output, not used)"),
    ("c2_anon_f", "c2_so16k_f1", "F", PKG_C2, [(SO16, 2.5, 5.6)], True, "codec2 speech_orig_16k.wav 2.5-5.6 s"),
    ("c2_anon_f", "c2_so16k_f2", "F", PKG_C2, [(SO16, 7.85, 9.95)], True,
     "codec2 speech_orig_16k.wav 7.85-9.95 s"),
    ("c2_anon_f", "c2_wia", "F", PKG_C2, [(C2 + "wav/wia_16kHz.wav", None, None)], False,
     "codec2 wia_16kHz.wav (1 s): babble only"),
]
CONFLICTS = {"c2_anon_m": {"c2_ve9qrp", "c2_vk5qi", "c2_g3plx", "c2_kristoff", "c2_vk5dgr"}}


def conflicts_of(gid, conflicts=None):
    """Groups that may be the same person as gid (CONFLICTS, or the talker corpus's casts)."""
    conflicts = CONFLICTS if conflicts is None else conflicts
    out = set(conflicts.get(gid, set()))
    out |= {g for g, s in conflicts.items() if gid in s}
    return out


def conservative_persons(groups, conflicts=None):
    """Distinct persons among a set of group ids, counting possibly-identical groups once:
    the fewest persons such that every group is one person and only groups that may
    coincide (conflicts) share a person, i.e. a minimum clique cover of the conflict
    graph. For the reserved inventory (one group that may be any of five others) this
    is the number of groups minus one when c2_anon_m and one of the five are present;
    for the talker corpus (every cast a clique) it is the number of casts."""
    groups = sorted(set(groups))
    adj = {g: conflicts_of(g, conflicts) & set(groups) for g in groups}
    seen, n = set(), 0
    for g in groups:
        if g in seen:
            continue
        comp, stack = [], [g]
        seen.add(g)
        while stack:
            h = stack.pop()
            comp.append(h)
            for k in sorted(adj[h] - seen):
                seen.add(k)
                stack.append(k)
        n += next(k for k in range(1, len(comp) + 1) if _clique_cover(sorted(comp), adj, [], k))
    return n


def _clique_cover(nodes, adj, cliques, k):
    """Can nodes be added to cliques so that there are at most k cliques in all? (exhaustive; components are small)"""
    if not nodes:
        return True
    v, rest = nodes[0], nodes[1:]
    for c in cliques:
        if all(u in adj[v] for u in c):
            c.append(v)
            if _clique_cover(rest, adj, cliques, k):
                return True
            c.pop()
    if len(cliques) < k:
        cliques.append([v])
        if _clique_cover(rest, adj, cliques, k):
            return True
        cliques.pop()
    return False


# --------------------------------------------------------------------------
# I/O helpers
# --------------------------------------------------------------------------
def pkg_version(pkg):
    out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True, text=True)
    return out.stdout.strip() or "?"


def pkg_owns(pkg, path):
    out = subprocess.run(["dpkg", "-L", pkg], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"package {pkg} is not installed (run eval/make_real_eval.sh)")
    return path in set(out.stdout.split("\n"))


HP30 = butter(2, 30, "highpass", fs=SR, output="sos")


def decode(path):
    """Returns (audio, original sample rate). WAV (any rate, PCM or mu-law) or raw s16le -> float32 mono 16 kHz, DC removed.
    Raw files: 16 kHz for pocketsphinx, 8 kHz for codec2 (checked: energy above
    4 kHz and male F0 of 107-129 Hz at 16 kHz for pocketsphinx; no energy above
    4 kHz and plausible F0 at 8 kHz for codec2)."""
    if path.endswith(".wav"):
        x, sr = sf.read(path, dtype="float32", always_2d=True)
        x = x.mean(axis=1)
    elif path.endswith(".raw"):
        x = np.fromfile(path, "<i2").astype(np.float32) / 32768.0
        sr = 16000 if path.startswith(PS) else 8000
    else:
        raise ValueError(path)
    if sr != SR:
        g = np.gcd(sr, SR)
        x = resample_poly(x, SR // g, sr // g)
    x = sosfilt(HP30, x - np.mean(x))
    return x.astype(np.float32), sr


def db(x):
    return 10 * np.log10(np.maximum(x, 1e-20))


def frame_db(x):
    n = len(x) // HOP
    if n == 0:
        return np.array([-200.0])
    e = (x[: n * HOP].reshape(n, HOP).astype(np.float64) ** 2).mean(axis=1)
    return db(e)


class Utt:
    """A trimmed stretch of speech: audio normalised to -23 dBFS active RMS and a 10 ms activity mask."""
    __slots__ = ("spk", "path", "pkg", "a", "act", "fdb", "off")

    def __init__(self, spk, path, pkg, x, base_off=0.0, thr=None):
        self.spk, self.path, self.pkg = spk, path, pkg
        fd = frame_db(x)
        if thr is None:
            thr = vad_threshold(fd)
        act = fd > thr
        idx = np.flatnonzero(act)
        self.a = None
        if len(idx) == 0:
            return
        s = max(0, idx[0] - 3) * HOP
        e = min(len(x), (idx[-1] + 4) * HOP)
        x = x[s:e].astype(np.float32)
        self.off = base_off + s / SR
        self.fdb = frame_db(x)
        self.act = self.fdb > thr
        if self.act.sum() == 0:
            return
        n = len(self.act) * HOP
        x = x[:n]
        m = np.repeat(self.act, HOP)
        r = np.sqrt(np.mean(x[m] ** 2))
        self.a = x * (10 ** (-23 / 20) / max(r, 1e-6))

    @property
    def dur(self):
        return len(self.a) / SR

    @property
    def active(self):
        return self.act.sum() * HOP / SR


def vad_threshold(fd):
    """A 10 ms frame is speech if it is within 35 dB of the loudest frame and at
    least 9 dB above the recording's noise floor (10th percentile of frame energy)."""
    return max(fd.max() - 35.0, np.percentile(fd, 10) + 9.0, -62.0)


def split_phrases(spk, path, pkg, x, base_off, min_pause=0.15, min_len=0.3):
    """Cut a recording at pauses of at least min_pause s (threshold from the whole recording)."""
    fd = frame_db(x)
    thr = vad_threshold(fd)
    idx = np.flatnonzero(fd > thr)
    if len(idx) == 0:
        return []
    runs, s0, last = [], idx[0], idx[0]
    for j in idx[1:]:
        if j - last - 1 >= int(min_pause * 100):
            runs.append((s0, last))
            s0 = j
        last = j
    runs.append((s0, last))
    out = []
    for a, b in runs:
        s, e = max(0, a - 5) * HOP, min(len(x), (b + 6) * HOP)
        u = Utt(spk, path, pkg, x[s:e], base_off + s / SR, thr=thr)
        if u.a is not None and u.dur >= min_len:
            out.append(u)
    return out


def median_f0(utts, k=40):
    """Autocorrelation pitch estimate over active frames (for the inventory only)."""
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
# Signal generators (all non-speech sound is generated: no recordings)
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


def unit_rms(x):
    return (x / rms(x)).astype(np.float32)


def room_tone(rng, n):
    """Stationary room noise: a random mix of brown/pink/white noise with a random tilt."""
    w = rng.dirichlet([2, 2, 0.7])
    x = (w[0] * colored_noise(rng, n, 2.0) + w[1] * colored_noise(rng, n, 1.0)
         + w[2] * rng.standard_normal(n).astype(np.float32))
    x = bandpass(x, rng.uniform(20, 60), rng.uniform(3000, 7900))
    return unit_rms(x)


def hum(rng, n):
    f0 = rng.choice([50.0, 60.0])
    t = np.arange(n) / SR
    x = np.zeros(n, np.float32)
    for h in range(1, 7):
        x += rng.uniform(0.05, 1.0) / h * np.sin(2 * np.pi * f0 * h * t + rng.uniform(0, 2 * np.pi))
    return unit_rms(x)


def hvac(rng, n):
    x = bandpass(colored_noise(rng, n, 1.0), 40, rng.uniform(400, 1500))
    t = np.arange(n) / SR
    x *= 1 + 0.3 * np.sin(2 * np.pi * rng.uniform(0.1, 0.8) * t + rng.uniform(0, 6.3))
    return unit_rms(x)


def traffic(rng, n):
    """Brown rumble plus passing-vehicle swells."""
    x = bandpass(colored_noise(rng, n, 2.0), 25, rng.uniform(400, 1200))
    env = np.full(n, 0.4, np.float32)
    t = np.arange(n) / SR
    for _ in range(rng.integers(1, 4)):
        c, w = rng.uniform(0, n / SR), rng.uniform(0.6, 2.0)
        env += rng.uniform(0.5, 1.5) * np.exp(-0.5 * ((t - c) / w) ** 2)
    swish = bandpass(rng.standard_normal(n).astype(np.float32), 300, 3000) * 0.3
    x = x / rms(x) * env + swish * env
    return unit_rms(x)


def wander(rng, n, depth, rate_hz):
    """Slow random fluctuation around 1 (relative depth), for pitch/level drift."""
    k = max(4, int(n / SR * rate_hz) + 3)
    pts = rng.standard_normal(k)
    return (1 + depth * np.interp(np.arange(n), np.linspace(0, n, k), pts)).astype(np.float32)


def motor(rng, n, f_rot=None):
    """Electric motor / engine: rotation harmonics with drift, load-modulated noise and a whine."""
    f_rot = f_rot or rng.uniform(18, 60)
    t = np.arange(n) / SR
    ph = 2 * np.pi * np.cumsum(f_rot * wander(rng, n, 0.01, 2)) / SR
    x = np.zeros(n, np.float32)
    for h in range(1, int(min(40, 3000 / f_rot))):
        a = rng.uniform(0.1, 1.0) / h ** rng.uniform(0.4, 1.0)
        x += a * np.sin(h * ph + rng.uniform(0, 2 * np.pi))
    noise = bandpass(rng.standard_normal(n).astype(np.float32), 150, rng.uniform(1500, 5000))
    x = unit_rms(x) + rng.uniform(0.3, 1.0) * noise * (1 + 0.5 * np.abs(np.sin(ph / 2)))
    whine = np.sin(2 * np.pi * rng.uniform(500, 3000) * t * wander(rng, n, 0.002, 1))
    x = x + rng.uniform(0.0, 0.15) * whine
    return unit_rms(x)


def washer(rng, n):
    """Washing machine / dishwasher: sloshing low noise on the drum rotation, motor, knocks."""
    period = rng.uniform(0.9, 2.0)
    t = np.arange(n) / SR
    ph0 = rng.uniform(0, 2 * np.pi)
    slosh = bandpass(colored_noise(rng, n, 1.5), 40, rng.uniform(300, 900))
    slosh *= 0.3 + np.maximum(0, np.sin(2 * np.pi * t / period + ph0)) ** 2
    x = unit_rms(slosh) + rng.uniform(0.2, 0.6) * motor(rng, n, rng.uniform(20, 45))
    for k in range(int(n / SR / period) + 2):  # a knock once per turn (sometimes)
        if rng.random() < 0.5:
            i = int((k * period + rng.uniform(0, period)) * SR)
            ev = ev_impact(rng, low=True)
            if 0 <= i < n:
                x[i:i + len(ev)] += 0.5 * ev[: n - i]
    return unit_rms(x)


def modes(rng, L, f_lo, f_hi, k, d_lo, d_hi):
    """Sum of k damped sinusoids (a struck object)."""
    t = np.arange(L) / SR
    x = np.zeros(L, np.float32)
    for _ in range(k):
        f = np.exp(rng.uniform(np.log(f_lo), np.log(f_hi)))
        x += rng.uniform(0.2, 1.0) * np.exp(-t / rng.uniform(d_lo, d_hi)) * np.sin(2 * np.pi * f * t + rng.uniform(0, 6.3))
    return x


def burst(rng, L, decay, lo, hi):
    t = np.arange(L) / SR
    return bandpass(rng.standard_normal(L).astype(np.float32) * np.exp(-t / decay), lo, hi)


def peak1(x):
    return (x / max(np.max(np.abs(x)), 1e-9)).astype(np.float32)


def ev_key(rng):
    """One keystroke: press click + plastic 'thock' + softer release click."""
    L = int(SR * 0.16)
    x = burst(rng, L, rng.uniform(0.0015, 0.004), 1200, 7000)
    x += 0.5 * modes(rng, L, 250, 3500, 3, 0.004, 0.015)
    r = int(SR * rng.uniform(0.05, 0.11))
    x[r:] += rng.uniform(0.2, 0.5) * burst(rng, L - r, 0.002, 1500, 7000)
    return peak1(x)


def ev_impact(rng, low=False):
    """An object set down / a door / a cup: modes plus a short noise burst."""
    L = int(SR * 0.5)
    hi = 1200 if low else 4000
    x = modes(rng, L, 80 if low else 150, hi, int(rng.integers(3, 7)), 0.02, 0.25)
    x += rng.uniform(0.3, 1.0) * burst(rng, L, rng.uniform(0.003, 0.02), 80, hi * 1.5)
    return peak1(x)


def ev_click(rng):
    L = int(SR * 0.04)
    x = burst(rng, L, rng.uniform(0.0008, 0.003), 1500, 7500) + 0.3 * modes(rng, L, 2000, 6000, 2, 0.002, 0.006)
    return peak1(x)


def ev_bubble(rng):
    """A bubble: a short rising sinusoidal chirp."""
    L = int(SR * rng.uniform(0.01, 0.05))
    t = np.arange(L) / SR
    f0 = rng.uniform(300, 1400)
    f = f0 * (1 + rng.uniform(0.3, 1.5) * t / t[-1])
    x = np.sin(2 * np.pi * np.cumsum(f) / SR) * np.exp(-t / (t[-1] / 3)) * np.minimum(1, t / 0.002)
    return peak1(x.astype(np.float32))


def ev_tick(rng, f):
    L = int(SR * 0.03)
    t = np.arange(L) / SR
    x = np.exp(-t / 0.004) * np.sin(2 * np.pi * f * t) + 0.4 * burst(rng, L, 0.001, 2000, 7000)
    return peak1(x.astype(np.float32))


def events(rng, n, kind, rate):
    """A track of transient sounds (unit peak scale per event, random levels)."""
    x = np.zeros(n + SR, np.float32)
    if kind == "clock":  # tick-tock, stationary
        per = rng.choice([0.5, 1.0])
        f1, f2 = rng.uniform(2500, 4500), rng.uniform(2000, 4000)
        t, k = rng.uniform(0, per), 0
        while t < n / SR:
            ev = ev_tick(rng, f1 if k % 2 else f2)
            i = int(t * SR)
            x[i:i + len(ev)] += ev * (0.8 if k % 2 else 1.0)
            t += per
            k += 1
        return x[:n]
    gen = {"typing": ev_key, "impact": ev_impact, "click": ev_click, "bubbles": ev_bubble}[kind]
    t = rng.uniform(0, 0.4)
    while t < n / SR:
        ev = gen(rng)
        i = int(t * SR)
        x[i:i + len(ev)] += ev * 10 ** (rng.uniform(-8, 0) / 20)
        if kind == "typing":  # inter-key intervals of a typist, with thinking pauses
            t += rng.lognormal(np.log(0.16), 0.35) + (rng.uniform(0.4, 1.2) if rng.random() < 0.08 else 0)
        elif kind == "bubbles" and rng.random() < 0.6:
            t += rng.uniform(0.02, 0.12)  # bubbles come in clusters
        else:
            t += rng.exponential(1.0 / rate) + 0.05
    return x[:n]


A4 = 440.0
PROGRESSIONS = [[0, 7, 9, 5], [0, 5, 7, 0], [9, 5, 0, 7], [0, 9, 5, 7], [2, 7, 0, 0], [0, 3, 8, 10]]


def midi_hz(m):
    return A4 * 2 ** ((m - 69) / 12)


def tone(rng, f, L, n_h, decay=None, attack=0.01, release=0.05):
    t = np.arange(L) / SR
    x = np.zeros(L, np.float32)
    for h in range(1, n_h + 1):
        if f * h > 7000:
            break
        x += (1 / h ** 1.3) * np.sin(2 * np.pi * f * h * (1 + rng.uniform(-0.002, 0.002)) * t + rng.uniform(0, 6.3))
    env = np.minimum(1, t / attack) * np.minimum(1, (t[-1] - t) / release + 1e-3)
    if decay:
        env *= np.exp(-t / decay)
    return (x * env).astype(np.float32)


def music(rng, n):
    """A generated music bed: chord pad, bass, a simple melody and a drum beat."""
    pre = SR  # start 1 s earlier so that notes are already sounding at the clip start
    N = n + pre
    x = np.zeros(N + SR, np.float32)
    bpm = rng.uniform(78, 140)
    beat = 60 / bpm
    root = int(rng.integers(48, 60))
    minor = rng.random() < 0.4
    scale = [0, 2, 3, 5, 7, 8, 10] if minor else [0, 2, 4, 5, 7, 9, 11]
    prog = PROGRESSIONS[rng.integers(len(PROGRESSIONS))]
    beats_per_chord = int(rng.choice([2, 4]))
    n_beats = int(N / SR / beat) + 2
    levels = dict(pad=rng.uniform(0.3, 1.0), bass=rng.uniform(0.3, 1.0), mel=rng.uniform(0.0, 0.8),
                  kick=rng.uniform(0.3, 1.0), snare=rng.uniform(0.2, 0.8), hat=rng.uniform(0.1, 0.5))
    pad, bass, mel, drums = (np.zeros_like(x) for _ in range(4))
    for b in range(0, n_beats, beats_per_chord):
        deg = prog[(b // beats_per_chord) % len(prog)]
        third = 3 if (minor or deg in (2, 4, 9)) else 4
        i, L = int(b * beat * SR), int(beats_per_chord * beat * SR)
        for iv in (0, third, 7):
            seg = tone(rng, midi_hz(root + deg + iv), L, 6, attack=0.05, release=0.1)
            pad[i:i + L] += seg[: len(pad) - i]
        for k in (0, 2):  # bass on beats 1 and 3
            j = int((b + k) * beat * SR)
            if k < beats_per_chord and j < len(bass):
                seg = tone(rng, midi_hz(root + deg - 12), int(beat * 1.5 * SR), 8, decay=0.35)
                bass[j:j + len(seg)] += seg[: len(bass) - j]
    for e in range(0, n_beats * 2):  # eighth-note melody with rests
        if rng.random() < 0.4:
            continue
        j = int(e * beat / 2 * SR)
        m = root + 12 + scale[rng.integers(len(scale))]
        seg = tone(rng, midi_hz(m), int(beat / 2 * SR), 4, decay=0.25)
        if j < len(mel):
            mel[j:j + len(seg)] += seg[: len(mel) - j]
    tk = np.arange(int(0.2 * SR)) / SR
    kick = np.sin(2 * np.pi * np.cumsum(45 + 110 * np.exp(-tk / 0.03)) / SR) * np.exp(-tk / 0.08)
    for b in range(n_beats):
        j = int(b * beat * SR)
        if j >= len(drums):
            break
        if b % 2 == 0:
            drums[j:j + len(kick)] += levels["kick"] * kick[: len(drums) - j]
        else:
            sn = burst(rng, int(0.15 * SR), 0.04, 900, 6000) + 0.5 * tone(rng, 185, int(0.15 * SR), 1, decay=0.04)
            drums[j:j + len(sn)] += levels["snare"] * 2 * sn[: len(drums) - j]
        for h in (0, 0.5):
            jh = int((b + h) * beat * SR)
            hat = burst(rng, int(0.05 * SR), 0.01, 6000, 7900)
            if jh < len(drums):
                drums[jh:jh + len(hat)] += levels["hat"] * 3 * hat[: len(drums) - jh]
    for name, tr in (("pad", pad), ("bass", bass), ("mel", mel)):
        if rms(tr) > 1e-6:
            x += levels[name] * tr / rms(tr)
    x += drums / max(rms(drums), 1e-6)
    return unit_rms(x[pre:pre + n])


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

    def __init__(self, unit):
        self.unit = unit
        self.spk = unit.id
        self.x = np.zeros(CANVAS, np.float32)
        self.m = np.zeros(CANVAS, bool)
        self.segs = []
        self.src = []  # (path, start s, end s) of the parts inside the window

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
            self.src.append((u.path, src0, src1))

    def repeated_s(self):
        """Seconds of source audio heard twice in the window (same file, overlapping ranges)."""
        tot = 0.0
        for i, (p, a, b) in enumerate(self.src):
            for q, c, d in self.src[i + 1:]:
                if p == q:
                    tot += max(0.0, min(b, d) - max(a, c))
        return tot

    def active_s(self):
        return self.m[PRE:PRE + CLIP].sum() / SR


def pause_within(rng):
    """Pause between two phrases of one talker (12 % are long, breathing/thinking pauses)."""
    return rng.uniform(0.6, 1.0) if rng.random() < 0.12 else rng.uniform(0.12, 0.55)


def continuous(unit, rng):
    """One talker's continuous speech.  From a long recording (>= 3.4 s): a window of
    that recording, with its own natural pauses (75 % of the time).  Otherwise: the
    talker's phrases in random order, none repeated, with natural pauses."""
    tr = Track(unit)
    long = [u for u in unit.recs if u.dur >= 3.4]
    if long and rng.random() < 0.75:
        u = long[rng.integers(len(long))]
        off = rng.uniform(-0.3, u.dur - 3.2)
        tr.place(u, 0, len(u.a), PRE - int(off * SR))
        return tr
    t = int(rng.uniform(-2.5, 0.6) * SR) + PRE
    t = min(t, PRE + int(0.6 * SR))
    order = rng.permutation(len(unit.phr))
    for j in order:
        if t >= PRE + CLIP:
            break
        u = unit.phr[j]
        if t + len(u.a) <= PRE:  # skip phrases that would end before the window
            t += len(u.a) + int(rng.uniform(0.15, 0.6) * SR)
            continue
        tr.place(u, 0, len(u.a), t)
        t += len(u.a) + int(pause_within(rng) * SR)
    return tr


def take_piece(u, target_s, rng, avoid=()):
    """A turn of about target_s seconds from u, starting at a speech onset and
    ending in a pause when possible, and not overlapping the pieces of u that
    this clip already used (avoid: list of (start, end) samples) when possible."""
    n = len(u.a)
    L = int(target_s * SR)
    if n <= int(L * 1.3) and not avoid:
        return 0, n
    onsets = [0] + [i * HOP for i in range(1, len(u.act)) if u.act[i] and not u.act[i - 1]]
    onsets = [o for o in onsets if o + int(0.3 * SR) < n] or [0]
    free = [o for o in onsets if not any(a - int(0.3 * SR) < o < b for a, b in avoid)]
    s = int((free or onsets)[rng.integers(len(free or onsets))])
    limit = min([a for a, b in avoid if a > s] + [n])  # do not run into a used piece
    e_t = min(limit, s + L)
    lo, hi = max(s // HOP + 20, (e_t - 4000) // HOP), min(limit // HOP, (e_t + 4000) // HOP)
    if hi > lo:
        cand = np.arange(lo, hi)
        quiet = cand[~u.act[cand]]
        if len(quiet):
            e = int(quiet[np.argmin(np.abs(quiet * HOP - e_t))]) * HOP
        else:
            e = int(cand[np.argmin(u.fdb[cand])]) * HOP
    else:
        e = e_t
    return s, min(n, max(e, s + HOP * 20))


def fresh_utt(unit, used, rng):
    """A random phrase of unit not used yet in this clip; when all are used, the
    phrase with the most unused speech left. Returns (phrase, pieces already used)."""
    left = [j for j in range(len(unit.phr)) if (unit.id, j) not in used]
    if left:
        j = left[rng.integers(len(left))]
    else:
        def unused(j):
            u = unit.phr[j]
            return len(u.a) - sum(b - a for a, b in used[(unit.id, j)])
        j = max(range(len(unit.phr)), key=unused)
    return unit.phr[j], used.setdefault((unit.id, j), [])


# Turn-taking timing (see eval/README.md, "Conversation timing").
DYAD = dict(turn=(0.6, 1.7), p_overlap=0.30, overlap=(-0.35, -0.05), gap_gamma=(2.0, 0.10))
# Probability of a narrow-band device for a clip without an 8 kHz talker, per class
# (quiet, mono, conv, group, noisy): about 90-98 % of every class ends up narrow-band.
DEVICE_NB_P = [0.93, 0.75, 0.75, 0.75, 0.75]
# With --talkers: none of the training corpus's val voices was recorded at 8 kHz (all have
# energy above 4 kHz), so no clip is forced narrow-band; every class then gets the device
# at the evaluation set's overall narrow-band share (282 of its 300 clips).
DEVICE_NB_P_TALKERS = [0.94] * 5
GROUP = dict(turn=(0.35, 1.1), p_overlap=0.40, overlap=(-0.40, -0.05), gap_gamma=(2.0, 0.075))


def transition(rng, p):
    """Floor-transfer offset between the end of one turn and the start of the next:
    an overlap (negative) with probability p_overlap, else a right-skewed gap
    (gamma: shape 2, mode = scale), clipped to 30-900 ms."""
    if rng.random() < p["p_overlap"]:
        return rng.uniform(*p["overlap"])
    k, th = p["gap_gamma"]
    return float(np.clip(rng.gamma(k, th), 0.03, 0.9))


def conversation(units, rng, k):
    """k talkers taking turns, with short gaps and occasional overlaps."""
    tracks = {u.id: Track(u) for u in units}
    by_id = {u.id: u for u in units}
    ids = [u.id for u in units]
    p = DYAD if k == 2 else GROUP
    order_first = list(rng.permutation(ids))
    t = PRE + int(rng.uniform(-0.5, 0.25) * SR)
    last, n_turn = None, 0
    used = {}
    while t < PRE + CLIP - int(0.15 * SR):
        if n_turn < len(order_first):
            sid = order_first[n_turn]
        elif k == 2:
            sid = ids[0] if last == ids[1] else ids[1]
        else:  # prefer talkers heard least so far
            cand = [i for i in ids if i != last]
            w = np.array([1.0 / (0.2 + tracks[i].active_s()) for i in cand])
            sid = cand[rng.choice(len(cand), p=w / w.sum())]
        u, avoid = fresh_utt(by_id[sid], used, rng)
        s, e = take_piece(u, rng.uniform(*p["turn"]), rng, avoid)
        avoid.append((s, e))
        tracks[sid].place(u, s, e, t)
        t += (e - s) + int(transition(rng, p) * SR)
        last, n_turn = sid, n_turn + 1
    if k >= 3 and rng.random() < 0.5:  # a short overlapping back-channel
        sid = ids[rng.integers(len(ids))]
        u, avoid = fresh_utt(by_id[sid], used, rng)
        s, e = take_piece(u, rng.uniform(0.25, 0.5), rng, avoid)
        avoid.append((s, e))
        tracks[sid].place(u, s, e, PRE + int(rng.uniform(0.2, 2.5) * SR))
    return [tracks[i] for i in ids]


class Unit:
    def __init__(self, uid, group, sex, pkg, note, fg, recs, phr, nb):
        self.id, self.group, self.sex, self.pkg, self.note, self.fg = uid, group, sex, pkg, note, fg
        self.nb = nb  # recorded at 8 kHz: no energy above 4 kHz
        self.recs, self.phr = recs, phr
        self.total_s = sum(u.dur for u in recs)
        self.speech_s = sum(u.active for u in recs)


class Group:
    def __init__(self, gid, units):
        self.id = gid
        self.units = units
        self.sex = units[0].sex
        self.speech_s = sum(u.speech_s for u in units)
        # sources with little material are drawn less often (they would repeat a lot);
        # the two female identities get the full weight, or women would be rare
        self.weight = float(np.clip(0.35 + self.speech_s / 40.0, 0.35, 1.0))
        if self.sex == "F":
            self.weight = 1.0
        self.uw = np.array([u.speech_s for u in units])
        self.uw = self.uw / self.uw.sum()

    def pick_unit(self, rng):
        return self.units[rng.choice(len(self.units), p=self.uw)]


class Gen:
    def __init__(self, units, seed, conflicts=None, device_nb_p=None):
        self.units = units
        self.conflicts = CONFLICTS if conflicts is None else conflicts
        self.device_nb_p = DEVICE_NB_P if device_nb_p is None else device_nb_p
        fg = {}
        for u in units:
            if u.fg:
                fg.setdefault(u.group, []).append(u)
        self.groups = [Group(g, us) for g, us in fg.items()]
        self.w = np.array([g.weight for g in self.groups])
        self.w = self.w / self.w.sum()
        self.seed = seed

    def pick_talkers(self, rng, k):
        for _ in range(1000):
            idx = rng.choice(len(self.groups), size=k, replace=False, p=self.w)
            gs = [self.groups[i] for i in idx]
            ids = {g.id for g in gs}
            if any(conflicts_of(g.id, self.conflicts) & ids for g in gs):
                continue
            return [g.pick_unit(rng) for g in gs]
        raise RuntimeError("no compatible talkers")

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
        for _ in range(300):
            units = self.pick_talkers(rng, k)
            tracks = [continuous(units[0], rng)] if k == 1 else conversation(units, rng, k)
            if self.speech_ok(tracks, k):
                break
        else:
            raise RuntimeError("could not build a clip with enough speech")
        info.append("talkers=" + ",".join(f"{u.id}({u.sex},{u.group})" for u in units))
        info.append("active_s=" + ",".join(f"{tr.active_s():.2f}" for tr in tracks))
        rep = sum(tr.repeated_s() for tr in tracks)
        if rep > 0:
            info.append(f"repeated_source_s={rep:.2f}")
        return units, tracks

    # -- background ---------------------------------------------------------
    def babble_noise(self, rng, n, target, info):
        """6-10 voices of the inventory (the reserved packages, or the talker corpus's split),
        each one talker (unit) reading on,
        never the target's identity group or a group it may coincide with."""
        bad = {target.group} | conflicts_of(target.group, self.conflicts)
        pool = [u for u in self.units if u.group not in bad and u.phr]
        nv = int(rng.integers(6, 11))
        w = np.array([np.sqrt(u.speech_s) for u in pool])
        pick = rng.choice(len(pool), size=min(nv, len(pool)), replace=False, p=w / w.sum())
        x = np.zeros(n, np.float32)
        for j in pick:
            unit = pool[j]
            y = np.zeros(n, np.float32)
            t = int(rng.uniform(-1.5, 0.2) * SR)
            while t < n:
                u = unit.phr[rng.integers(len(unit.phr))]
                a = u.a
                a0, b0 = max(t, 0), min(t + len(a), n)
                if b0 > a0:
                    y[a0:b0] += a[a0 - t:b0 - t]
                t += len(a) + int(rng.uniform(0.05, 0.4) * SR)
            y = reverb(y, synth_rir(rng, rng.uniform(0.4, 0.9)))
            x += y * 10 ** (rng.uniform(-6, 0) / 20)
        x = bandpass(x, 80, rng.uniform(2500, 6000))
        info.append(f"babble={len(pick)}voices[{','.join(sorted(pool[j].id for j in pick))}]")
        return unit_rms(x)

    def music_noise(self, rng, n, info):
        x = music(rng, n)
        if rng.random() < 0.5:  # a small loudspeaker
            x = bandpass(x, 150, rng.uniform(2000, 5000))
        x = reverb(x, synth_rir(rng, rng.uniform(0.3, 0.8)))
        info.append("music=generated(chords+bass+melody+drums)")
        return unit_rms(x)

    def noise_of(self, rng, kind, n, target, info):
        if kind == "babble":
            return self.babble_noise(rng, n, target, info)
        if kind == "music":
            return self.music_noise(rng, n, info)
        if kind == "traffic":
            x = traffic(rng, n)
            info.append("traffic=generated(brown+swells)")
            if rng.random() < 0.5:
                x = x + 0.5 * motor(rng, n, rng.uniform(12, 35))
                info.append("engine=generated")
            return unit_rms(x)
        if kind == "appliance":
            if rng.random() < 0.5:
                x = washer(rng, n)
                info.append("washer=generated")
            else:
                x = motor(rng, n)
                info.append("motor=generated")
            x = x + 0.3 * hum(rng, n)
            info.append("hum=generated")
            return unit_rms(x)
        if kind == "clatter":
            x = unit_rms(reverb(events(rng, n, "impact", rng.uniform(2, 6)), synth_rir(rng, rng.uniform(0.3, 0.8))))
            x = x + 0.6 * unit_rms(events(rng, n, "typing", 0))
            x = x + 0.25 * room_tone(rng, n)
            info.append("clatter=generated(impacts+typing)")
            return unit_rms(x)
        if kind == "fan_hum":
            x = hvac(rng, n) + rng.uniform(0.2, 0.8) * hum(rng, n) + 0.5 * colored_noise(rng, n, 1.0)
            info.append("fan+hum=generated")
            return unit_rms(x)
        raise ValueError(kind)

    # -- classes --------------------------------------------------------------
    def clip(self, c, i):
        rng = np.random.default_rng([self.seed, c, i])
        info, talkers = [], []
        if c == 0:
            y = self.quiet(rng, info)
        elif c in (1, 2, 3):
            k = {1: 1, 2: 2, 3: int(rng.choice([3, 3, 4]))}[c]
            talkers, tracks = self.speech_clip(rng, k, info)
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
            y, talkers = self.noisy(rng, info)
        # One recording device per clip: if a talker was recorded at 8 kHz, the whole
        # clip (other talkers, noise, room tone) goes through the same narrow-band
        # channel, so that bandwidth does not change between talkers. Other clips get
        # it at random, at rates that make the narrow-band share about equal per class.
        forced = any(u.nb for u in talkers)
        if forced or rng.random() < self.device_nb_p[c]:
            fc = rng.uniform(3400, 3900)
            y = sosfilt(butter(8, fc, "lowpass", fs=SR, output="sos"), y).astype(np.float32)
            info.append(f"device_lowpass={fc:.0f}Hz" + ("(8 kHz talker)" if forced else ""))
        if rng.random() < 0.5:  # microphone / device high-pass
            fc = rng.uniform(50, 120)
            y = bandpass(y, fc, None)
            info.append(f"highpass={fc:.0f}Hz")
        pk = np.max(np.abs(y))
        if pk > 0.89:
            y *= 0.89 / pk
            info.append("peak_limited")
        return y.astype(np.float32), info, talkers

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
        if rng.random() < 0.5:  # faint generated non-speech sounds
            kind = str(rng.choice(["typing", "clock", "impact", "click", "bubbles", "washer", "motor"]))
            if kind == "washer":
                ev = washer(rng, n)
            elif kind == "motor":
                ev = motor(rng, n)
            else:
                ev = events(rng, n, kind, {"typing": 0}.get(kind, rng.uniform(0.3, 1.2)))
            if kind in ("washer", "motor", "clock"):
                ev = reverb(ev, synth_rir(rng, rng.uniform(0.3, 0.7)))
                l3 = rng.uniform(-60, -44)
                ev = ev * 10 ** (l3 / 20) / rms(ev)
                info.append(f"{kind}=generated level={l3:.1f}dBFS")
            else:
                if rng.random() < 0.5:
                    ev = reverb(ev, synth_rir(rng, rng.uniform(0.2, 0.6)))
                pk3 = rng.uniform(-44, -30)
                ev = ev * 10 ** (pk3 / 20) / max(np.max(np.abs(ev)), 1e-6)
                info.append(f"{kind}=generated peak={pk3:.1f}dBFS")
            y += ev
        return y

    def noisy(self, rng, info):
        for _ in range(300):
            unit = self.pick_talkers(rng, 1)[0]
            tr = continuous(unit, rng)
            if self.speech_ok([tr], 1):
                break
        else:
            raise RuntimeError("could not build a noisy clip with enough speech")
        info.append(f"talkers={unit.id}({unit.sex},{unit.group})")
        info.append(f"active_s={tr.active_s():.2f}")
        sp = self.render_talkers(rng, [tr], info)[PRE:PRE + CLIP]
        act = tr.m[PRE:PRE + CLIP]
        lvl = rng.uniform(-30, -18)
        sp *= 10 ** (lvl / 20) / rms(sp[act])
        kinds = ["babble", "traffic", "music", "appliance", "clatter", "fan_hum"]
        k1 = kinds[rng.integers(len(kinds))]
        noise = self.noise_of(rng, k1, CLIP, unit, info)
        if rng.random() < 0.4:
            k2 = kinds[rng.integers(len(kinds))]
            if k2 != k1:
                noise = noise + 10 ** (rng.uniform(-8, -3) / 20) * self.noise_of(rng, k2, CLIP, unit, info)
        snr = rng.uniform(0, 10)
        noise *= 10 ** ((lvl - snr) / 20) / rms(noise)
        info.append(f"speech_level={lvl:.1f}dBFS snr={snr:.1f}dB (active-speech power / noise power)")
        info.extend(f"{tr.spk}:{s}" for s in tr.segs)
        return sp + noise + room_tone(rng, CLIP) * 10 ** ((lvl - 45) / 20), [unit]


def load_units(log):
    cache = {}
    units = []
    for gid, uid, sex, pkg, sources, fg, note in UNITS:
        recs, phr, nb = [], [], False
        for path, t0, t1 in sources:
            if not pkg_owns(pkg, path):
                sys.exit(f"{path} is not a file of package {pkg}")
            if path not in cache:
                cache[path] = decode(path)
            x, sr0 = cache[path]
            nb = nb or sr0 <= 8000
            s = int(round((t0 or 0.0) * SR))
            e = len(x) if t1 is None else int(round(t1 * SR))
            seg = x[s:e]
            u = Utt(uid, path, pkg, seg, base_off=s / SR)
            if u.a is None:
                sys.exit(f"{path}: no speech found")
            recs.append(u)
            phr += split_phrases(uid, path, pkg, seg, s / SR)
        if not phr:
            sys.exit(f"unit {uid}: no phrases")
        units.append(Unit(uid, gid, sex, pkg, note, fg, recs, phr, nb))
    log(f"decoded {len(cache)} files: {len(units)} units, {sum(len(u.phr) for u in units)} phrases")
    return units


# --------------------------------------------------------------------------
# --talkers: voices from the training corpus of real single talkers
# (scripts/real-talkers/README.md), only its speakers of one split (val).
# --------------------------------------------------------------------------
DEFAULT_VAL_SEED = 20240602
RESERVED_ROOTS = ["/usr/share/pocketsphinx/", "/usr/share/sounds/alsa/", "/usr/share/codec2/"]
NB_MAX_HIGHBAND_DB = -45.0  # a talker is "8 kHz" (narrow-band) if its power above 4.2 kHz is below this


def reserved_prefixes():
    """The prefixes of eval/reserved-paths.txt, plus the reserved packages' data roots."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reserved-paths.txt")
    try:
        with open(path) as f:
            lines = [ln.strip() for ln in f if ln.strip()]
    except OSError as e:
        sys.exit(f"{path}: cannot read the reserved paths ({e.strerror})")
    return sorted(set(lines) | set(RESERVED_ROOTS))


def is_reserved(path, prefixes):
    real = os.path.realpath(path)
    if os.path.isdir(real):
        real += "/"
    return any(real.startswith(p) for p in prefixes)


def read_table(path, delimiter=","):
    import csv
    try:
        with open(path, newline="") as f:
            return list(csv.DictReader(f, delimiter=delimiter))
    except OSError as e:
        sys.exit(f"{path}: cannot read ({e.strerror})")


def sha256_of(path):
    import hashlib
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def highband_db(utts, f_lo=4200.0):
    """Power above f_lo relative to the total, over a unit's recordings (Hann frames of 512)."""
    win = np.hanning(512)
    p = np.zeros(257)
    for u in utts:
        n = len(u.a) // 512 * 512
        if n:
            p += (np.abs(np.fft.rfft(u.a[:n].reshape(-1, 512) * win, axis=1)) ** 2).sum(axis=0)
    f = np.fft.rfftfreq(512, 1 / SR)
    return float(db(p[f >= f_lo].sum() / max(p.sum(), 1e-30)))


def load_talker_units(root, split, log):
    """Units from the talker corpus at root: one unit and one identity group per speaker of
    the given split. Speakers of one package and language (the characters of one game dub,
    whose actors are not credited) may be one actor: they conflict, i.e. never talk in the
    same clip and count as one person. Every file is decoded and cut exactly as the reserved
    packages' files are (decode, Utt, split_phrases). Refuses any file under a reserved path.
    Returns (units, conflicts, [(package, version)], description lines)."""
    prefixes = reserved_prefixes()
    root_abs = os.path.abspath(root)
    root_real = os.path.realpath(root)
    if is_reserved(root_real, prefixes):
        sys.exit(f"{root}: lies under a path reserved for evaluation (eval/reserved-paths.txt)")
    talkers_csv = os.path.join(root_abs, "talkers.csv")
    talkers = [r for r in read_table(talkers_csv) if r["split"] == split]
    if not talkers:
        sys.exit(f"{talkers_csv}: no speaker has split '{split}'")
    info = {}
    if os.path.exists(os.path.join(root_abs, "talkers_info.tsv")):
        info = {r["speaker"]: r for r in read_table(os.path.join(root_abs, "talkers_info.tsv"), "\t")}
    sources = {}
    if os.path.exists(os.path.join(root_abs, "sources.tsv")):
        sources = {r["file"]: r for r in read_table(os.path.join(root_abs, "sources.tsv"), "\t")}
    by_spk = {}
    for r in read_table(os.path.join(root_abs, "utterances.csv")):
        by_spk.setdefault(r["speaker"], []).append(r)

    units, casts, versions, n_files, n_empty = [], {}, {}, 0, 0
    for t in sorted(talkers, key=lambda r: r["speaker"]):
        spk = t["speaker"]
        rows = sorted(by_spk.get(spk, []), key=lambda r: r["file"])
        if not rows:
            sys.exit(f"{talkers_csv}: speaker {spk} has no utterances in utterances.csv")
        recs, phr = [], []
        for r in rows:
            path = os.path.join(root_abs, r["file"])
            if not os.path.realpath(path).startswith(root_real + os.sep):
                sys.exit(f"{path}: not inside the talker corpus {root}")
            if is_reserved(path, prefixes):
                sys.exit(f"{path}: lies under a path reserved for evaluation (eval/reserved-paths.txt)")
            src = sources.get(r["file"], {})
            if any(src.get("source_path", "").startswith(p) for p in prefixes):
                sys.exit(f"{path}: its source {src['source_path']} is reserved for evaluation")
            pkg = src.get("package") or t["package"]
            try:
                x, _ = decode(path)
            except (RuntimeError, OSError) as e:
                sys.exit(f"{path}: cannot decode ({e})")
            n_files += 1
            u = Utt(spk, path, pkg, x)
            if u.a is None:  # the energy VAD finds no speech in this utterance
                n_empty += 1
                continue
            recs.append(u)
            phr += split_phrases(spk, path, pkg, x, 0.0)
        if not phr:
            sys.exit(f"speaker {spk}: no phrases")
        hb = highband_db(recs)
        i = info.get(spk, {})
        note = "; ".join(v for v in (
            i.get("credit", ""), t["identity"], f"cast {i.get('cast', spk)}", f"language {t['language']}",
            t["licence"], f"Silero VAD speech {float(t['speech_seconds']):.1f} s",
            f"power above 4.2 kHz {hb:.1f} dB") if v).replace("\t", " ")
        units.append(Unit(spk, spk, t["sex"], t["package"], note, True, recs, phr, hb < NB_MAX_HIGHBAND_DB))
        casts.setdefault((t["package"], t["language"]), []).append(spk)
        for p, v in zip(t["package"].split(";"), t["package_version"].split(";")):
            versions[p] = v
    conflicts = {}
    for members in casts.values():
        for g in members:
            if len(members) > 1:
                conflicts[g] = set(members) - {g}
    log(f"decoded {n_files} files of {len(units)} '{split}' speakers ({len(casts)} casts) from {root}: "
        f"{sum(len(u.phr) for u in units)} phrases, {n_empty} files without speech by the energy VAD left out, "
        f"{sum(u.nb for u in units)} narrow-band speakers")
    desc = [f"talker corpus {root_abs}, split '{split}': {len(units)} speakers, {len(casts)} casts, "
            f"{n_files} utterance files",
            f"talkers.csv sha256 {sha256_of(talkers_csv)}",
            f"utterances.csv sha256 {sha256_of(os.path.join(root_abs, 'utterances.csv'))}"]
    return units, conflicts, sorted(versions.items()), desc


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("n_per_class", nargs="?", type=int, default=DEFAULT_N)
    ap.add_argument("--seed", type=int, default=None,
                    help=f"default {DEFAULT_SEED}; with --talkers {DEFAULT_VAL_SEED}")
    ap.add_argument("--talkers", metavar="DIR",
                    help="build a VALIDATION set: voices from the real-talker corpus DIR (talkers.csv, "
                         "utterances.csv) instead of the reserved packages, which are then never read")
    ap.add_argument("--talker-split", default="val", metavar="SPLIT",
                    help="with --talkers: use only the speakers of this split (default: val)")
    args = ap.parse_args()
    if args.seed is None:
        args.seed = DEFAULT_VAL_SEED if args.talkers else DEFAULT_SEED
    t0 = time.time()

    def log(msg):
        print(f"[{time.time() - t0:6.1f}s] {msg}", flush=True)

    if args.talkers:
        if is_reserved(args.outdir, reserved_prefixes()):
            sys.exit(f"{args.outdir}: lies under a path reserved for evaluation; a validation set goes elsewhere")
        os.makedirs(args.outdir, exist_ok=True)
        units, conflicts, voice_versions, corpus_desc = load_talker_units(args.talkers, args.talker_split, log)
        gen = Gen(units, args.seed, conflicts, DEVICE_NB_P_TALKERS)
    else:
        os.makedirs(args.outdir, exist_ok=True)
        units = load_units(log)
        conflicts = CONFLICTS
        gen = Gen(units, args.seed)

    rows, src_lines = [], []
    uses = {}  # (unit id, class) -> clips
    per_class_groups = {c: set() for c in range(5)}
    nb_clips = [0] * 5
    for c, (label, slug) in enumerate(zip(LABELS, SLUGS)):
        for i in range(args.n_per_class):
            y, info, talkers = gen.clip(c, i)
            assert len(y) == CLIP
            name = f"{slug}_{i:03d}.wav"
            sf.write(os.path.join(args.outdir, name), y, SR, subtype="PCM_16")
            rows.append((name, label))
            nb_clips[c] += any(x.startswith("device_lowpass") for x in info)
            src_lines.append(f"{name}\t{label}\t" + " | ".join(info))
            for u in talkers:
                uses[(u.id, c)] = uses.get((u.id, c), 0) + 1
                per_class_groups[c].add(u.group)
        log(f"class '{label}': {args.n_per_class} clips, {nb_clips[c]} through a narrow-band device")

    with open(os.path.join(args.outdir, "labels.csv"), "w") as f:
        f.write("file,label\n")
        for name, label in rows:
            f.write(f"{name},{label}\n")
    if args.talkers:  # the voices' packages as the corpus recorded them, and the tools installed here
        versions = voice_versions + [(p, pkg_version(p)) for p in TOOL_PACKAGES]
    else:
        versions = [(p, pkg_version(p)) for p in RESERVED_PACKAGES + TOOL_PACKAGES]
    with open(os.path.join(args.outdir, "packages.txt"), "w") as f:
        for p, v in versions:
            f.write(f"{p} {v}\n")
    with open(os.path.join(args.outdir, "sources.txt"), "w") as f:
        if args.talkers:
            f.write("# Real-speech VALIDATION set (for choosing among training runs; it is not the evaluation set), "
                    f"built by eval/make_real_eval.py --talkers {args.talkers} --talker-split {args.talker_split} "
                    f"(seed {args.seed}, {args.n_per_class} clips per class)\n")
            f.write("".join(f"# {d}\n" for d in corpus_desc))
            f.write("# Debian packages of the voices (version from talkers.csv) and tools (version installed):\n")
        else:
            f.write("# Real-speech evaluation set, built by eval/make_real_eval.py "
                    f"(seed {args.seed}, {args.n_per_class} clips per class)\n")
            f.write("# Debian packages used (version):\n")
        for p, v in versions:
            f.write(f"#   {p} {v}\n")
        if args.talkers:
            f.write(f"# Only the corpus's '{args.talker_split}' speakers are used, never the reserved packages; "
                    "every non-speech sound is generated.\n")
        else:
            f.write("# Only the reserved packages' recordings are used; every non-speech sound is generated.\n")
        f.write("# Columns: file<TAB>label<TAB>details. Talkers are unit(sex,identity group); speech segments\n"
                "#   are written as unit:package:/path[start-end s in the source file]@time in the clip\n")
        f.write("\n".join(src_lines) + "\n")
    speech_classes = [1, 2, 3, 4]
    with open(os.path.join(args.outdir, "speakers.txt"), "w") as f:
        f.write("# One line per unit (certainly one person). Units of one group may be the same person.\n")
        if args.talkers:
            f.write("# Talker corpus: one unit and one group per speaker. Speakers of one package and language "
                    "(a game dub's characters) may be one actor: never in one clip, counted as one person.\n")
        f.write("group\tunit\tsex\tband\tmedian_f0_hz\tfiles\tphrases\tseconds\tspeech_seconds\tforeground\t"
                + "\t".join(f"clips_{SLUGS[c]}" for c in speech_classes) + "\tpackage\tnote\n")
        for u in units:
            f.write(f"{u.group}\t{u.id}\t{u.sex}\t{'8k' if u.nb else 'wide'}\t{median_f0(u.phr):.0f}\t{len(u.recs)}\t{len(u.phr)}\t"
                    f"{u.total_s:.1f}\t{u.speech_s:.1f}\t{'yes' if u.fg else 'babble only'}\t"
                    + "\t".join(str(uses.get((u.id, c), 0)) for c in speech_classes)
                    + f"\t{u.pkg}\t{u.note}\n")
        f.write("\n# Per identity group: clips as talker per class\n")
        f.write("group\tsex\tspeech_seconds\t" + "\t".join(f"clips_{SLUGS[c]}" for c in speech_classes) + "\n")
        for g in gen.groups:
            cnt = [sum(uses.get((u.id, c), 0) for u in g.units) for c in speech_classes]
            f.write(f"{g.id}\t{g.sex}\t{g.speech_s:.1f}\t" + "\t".join(map(str, cnt)) + "\n")
        f.write("\n# Per class: identity groups used, and distinct persons counted conservatively\n")
        f.write("class\tclips\tgroups\tdistinct_persons_at_least\tgroups_used\n")
        for c in speech_classes:
            gs = sorted(per_class_groups[c])
            f.write(f"{SLUGS[c]}\t{args.n_per_class}\t{len(gs)}\t{conservative_persons(gs, conflicts)}\t"
                    f"{','.join(gs)}\n")
    log(f"wrote {len(rows)} clips + labels.csv, sources.txt, speakers.txt, packages.txt to {args.outdir}")
    for c in speech_classes:
        print(f"  {LABELS[c]:26s} identity groups {len(per_class_groups[c]):2d}, "
              f"distinct persons >= {conservative_persons(per_class_groups[c], conflicts)}")
    check(args.outdir, rows, per_class_groups, speech_classes, args.n_per_class, conflicts)


def check(outdir, rows, per_class_groups, speech_classes, n_per_class, conflicts=None):
    """Every clip: 48000 samples at 16 kHz mono, not clipped, not silent, no digital silence;
    every speech class drawn from enough distinct persons."""
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
    if n_per_class >= 30:  # the voice-count rule only makes sense for a full-size set
        for c in speech_classes:
            if conservative_persons(per_class_groups[c], conflicts) < MIN_VOICES_PER_CLASS:
                bad.append(f"class {SLUGS[c]}: fewer than {MIN_VOICES_PER_CLASS} distinct persons")
    if bad:
        sys.exit("clip check FAILED:\n  " + "\n  ".join(bad))
    print(f"clip check OK: {len(rows)} clips, 3.0 s 16 kHz mono, no clipping, no digital silence")


if __name__ == "__main__":
    main()
