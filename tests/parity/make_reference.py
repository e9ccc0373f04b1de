#!/usr/bin/python3
"""Generate librosa reference data for the C++ log-mel parity tests.

Run (see tests/parity/README.md for fetching librosa 0.11.0):

    PYTHONPATH=/tmp/librosa-0.11.0:tests/parity/soxr_shim \
        /usr/bin/python3 tests/parity/make_reference.py

Two stages:

1. Inputs (tests/parity/data/*.wav).  They are committed.  They are only
   (re)synthesised when missing or when --regen-inputs is given, so the
   references depend only on the committed wav files (espeak-ng/sox output
   may differ between versions; the synthetic signals use fixed seeds).
2. References (*.npy + MANIFEST.json), always recomputed with librosa from
   the wav files, exactly as the original Python pipeline did:

       y, _ = librosa.load(path, sr=16000)        # float32 mono, soxr_hq
       y = y[:48000]; y = np.pad(y, (0, 48000 - len(y)))   (if shorter)
       S = librosa.feature.melspectrogram(y=y, sr=16000, n_fft=1024,
                                          hop_length=256, n_mels=128)
       L = librosa.power_to_db(S, ref=np.max, amin=1e-10, top_db=80.0)
"""

import argparse
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile

import numpy as np
import scipy
import scipy.signal
import soundfile as sf

import librosa
import soxr  # the ctypes shim in tests/parity/soxr_shim (python-soxr is not packaged)

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")

SR = 16000
WIN = 48000          # 3.0 s
HOP_WIN = 24000      # 1.5 s window hop for long recordings
N_FFT = 1024
HOP = 256
N_MELS = 128
N_FRAMES = 1 + WIN // HOP  # 188 (center=True)

SPEECH_TEXT = "The quick brown fox jumps over the lazy dog near the river bank."
SHORT_TEXT = "Hello there."
RESAMPLE_TEXT = "Could you please pass me the salt and pepper?"
LONG_TEXT = ("Good morning everyone. Today we will talk about the weather, "
             "and then we will have lunch together in the garden.")


# --------------------------------------------------------------------------
# Input synthesis
# --------------------------------------------------------------------------

def _espeak(text, out_sr, tmp, voice="en-us", speed=150):
    """espeak-ng (22050 Hz PCM16) -> optional sox rate conversion -> float64 mono."""
    raw = os.path.join(tmp, "espeak.wav")
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", raw, text],
                   check=True)
    if out_sr != 22050:
        conv = os.path.join(tmp, "espeak_sr.wav")
        # float output: no dither, deterministic; PCM16 quantisation is done below
        subprocess.run(["sox", raw, "-e", "floating-point", "-b", "32", conv,
                        "rate", "-h", str(out_sr)], check=True)
        raw = conv
    y, sr = sf.read(raw, dtype="float64", always_2d=False)
    assert sr == out_sr, (sr, out_sr)
    return y


def _fit(y, n):
    """Trim or zero-pad at the end to exactly n samples."""
    y = y[:n]
    return np.pad(y, (0, n - len(y)))


def _zero_peak_timestamp(path):
    """libsndfile adds a PEAK chunk with a wall-clock timestamp to float WAVs;
    zero it so that regenerated files are byte-identical."""
    import struct
    with open(path, "r+b") as f:
        b = f.read()
        i = 12
        while i + 8 <= len(b):
            cid, size = struct.unpack("<4sI", b[i:i + 8])
            if cid == b"PEAK":
                f.seek(i + 12)  # after chunk header (8) and version (4)
                f.write(b"\0\0\0\0")
            i += 8 + size + (size & 1)


def _peak(y, peak):
    m = np.max(np.abs(y))
    return y * (peak / m) if m > 0 else y


def synthesize_inputs(force):
    os.makedirs(DATA, exist_ok=True)
    spec = {
        "speech.wav": None, "tone.wav": None, "noise.wav": None,
        "chirp.wav": None, "short.wav": None, "resample.wav": None,
        "long.wav": None,
    }
    todo = [k for k in spec if force or not os.path.exists(os.path.join(DATA, k))]
    if not todo:
        return []
    tmp = tempfile.mkdtemp(prefix="parity_ref_")
    t = np.arange(WIN) / SR
    try:
        if "speech.wav" in todo:
            y = _fit(_espeak(SPEECH_TEXT, SR, tmp), WIN)
            sf.write(os.path.join(DATA, "speech.wav"), _peak(y, 0.7), SR, subtype="PCM_16")
        if "tone.wav" in todo:
            y = 0.5 * np.sin(2 * np.pi * 440.0 * t) + 0.05 * np.sin(2 * np.pi * 3000.0 * t)
            sf.write(os.path.join(DATA, "tone.wav"), y, SR, subtype="PCM_16")
        if "noise.wav" in todo:
            rng = np.random.default_rng(20240601)
            y = np.clip(0.1 * rng.standard_normal(WIN), -0.99, 0.99)
            sf.write(os.path.join(DATA, "noise.wav"), y, SR, subtype="PCM_16")
        if "chirp.wav" in todo:
            y = 0.5 * scipy.signal.chirp(t, f0=50.0, t1=3.0, f1=7900.0, method="logarithmic")
            sf.write(os.path.join(DATA, "chirp.wav"), y, SR, subtype="PCM_16")
        if "short.wav" in todo:
            # 0.8 s, stored as 32-bit IEEE float WAV to exercise the float reader
            y = _fit(_espeak(SHORT_TEXT, SR, tmp, speed=190), int(0.8 * SR))
            sf.write(os.path.join(DATA, "short.wav"), _peak(y, 0.6).astype(np.float32), SR,
                     subtype="FLOAT")
            _zero_peak_timestamp(os.path.join(DATA, "short.wav"))
        if "resample.wav" in todo:
            # 22050 Hz stereo, 66200 frames (3.002 s): 66200*16000/22050 = 48036.28,
            # so soxr's output length (48036) differs from librosa's fix_length target
            # ceil(...) = 48037 and one zero is appended by librosa.
            sr_in = 22050
            s = _fit(_espeak(RESAMPLE_TEXT, sr_in, tmp), 66200)
            s = _peak(s, 0.6)
            rng = np.random.default_rng(7)
            left = s
            right = 0.8 * np.roll(s, 3) + 0.003 * rng.standard_normal(len(s))
            sf.write(os.path.join(DATA, "resample.wav"), np.stack([left, right], axis=1),
                     sr_in, subtype="PCM_16")
        if "long.wav" in todo:
            n = 7 * SR
            s = _fit(_espeak(LONG_TEXT, SR, tmp, speed=140), n)
            rng = np.random.default_rng(99)
            y = _peak(s, 0.6) + 0.01 * rng.standard_normal(n)
            sf.write(os.path.join(DATA, "long.wav"), y, SR, subtype="PCM_16")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return todo


# --------------------------------------------------------------------------
# Reference computation (the original pipeline)
# --------------------------------------------------------------------------

def fix_window(y):
    y = y[:WIN]
    if len(y) < WIN:
        y = np.pad(y, (0, WIN - len(y)))
    return y


def mel_power(y):
    return librosa.feature.melspectrogram(y=y, sr=SR, n_fft=N_FFT, hop_length=HOP,
                                          n_mels=N_MELS)


def logmel(y):
    S = mel_power(y)
    return librosa.power_to_db(S, ref=np.max, amin=1e-10, top_db=80.0)


def window_starts(n, win=WIN, hop=HOP_WIN):
    """Start samples of 3 s windows with 1.5 s hop, plus one aligned to the end."""
    if n <= win:
        return [0]
    starts = list(range(0, n - win + 1, hop))
    if starts[-1] + win < n:
        starts.append(n - win)
    return starts


def _sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        h.update(f.read())
    return h.hexdigest()


def _save(name, arr, files):
    path = os.path.join(DATA, name)
    np.save(path, arr)
    files[name] = {"shape": list(arr.shape), "dtype": str(arr.dtype)}
    return path


def _wav_info(name):
    info = sf.info(os.path.join(DATA, name))
    return {"file": name, "samplerate": info.samplerate, "channels": info.channels,
            "frames": info.frames, "subtype": info.subtype}


def _tool_version(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=10)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, subprocess.SubprocessError, IndexError):
        return None


def compute_references():
    files = {}
    cases = {}

    def load(name):
        y, sr = librosa.load(os.path.join(DATA, name), sr=SR)
        assert sr == SR and y.dtype == np.float32 and y.ndim == 1, (sr, y.dtype, y.shape)
        return y

    for case in ["speech", "tone", "noise", "chirp", "short", "resample"]:
        wav = case + ".wav"
        y_full = load(wav)
        y = fix_window(y_full)
        L = logmel(y)
        assert L.dtype == np.float32 and L.shape == (N_MELS, N_FRAMES), (L.dtype, L.shape)
        _save(case + ".logmel.npy", L, files)
        entry = {"input": _wav_info(wav), "loaded_len": int(len(y_full)),
                 "outputs": [case + ".logmel.npy"]}
        if case == "short":
            entry["note"] = "zero-padded at the end from %d to %d samples" % (len(y_full), WIN)
        if case == "resample":
            _save("resample.resampled.npy", y_full, files)
            entry["outputs"].append("resample.resampled.npy")
            n_in = entry["input"]["frames"]
            raw = soxr.resample(np.mean(sf.read(os.path.join(DATA, wav), dtype="float32")[0].T,
                                        axis=0), 22050, SR, "soxr_hq")
            entry["note"] = (
                "librosa.load(sr=16000): downmix = mean of channels (float32), "
                "soxr_hq 22050->16000 gives %d samples, librosa fix_length pads/trims to "
                "ceil(%d*16000/22050) = %d; reference uses the first %d."
                % (len(raw), n_in, len(y_full), WIN))
            assert np.array_equal(raw, y_full[:len(raw)])
        if case == "speech":
            S = mel_power(y)
            L1 = librosa.power_to_db(S, ref=1.0, amin=1e-10, top_db=80.0)
            _save("speech.logmel_ref1.npy", L1, files)
            P = np.abs(librosa.stft(y, n_fft=N_FFT, hop_length=HOP)) ** 2
            assert P.dtype == np.float32 and P.shape == (1 + N_FFT // 2, N_FRAMES)
            _save("speech.power_stft.npy", P, files)
            entry["outputs"] += ["speech.logmel_ref1.npy", "speech.power_stft.npy"]
        cases[case] = entry

    # long recording: 3 s windows, 1.5 s hop, final window aligned to the end
    y_long = load("long.wav")
    starts = window_starts(len(y_long))
    stack = np.stack([logmel(fix_window(y_long[s:s + WIN])) for s in starts])
    _save("long.logmel_windows.npy", stack, files)
    cases["long"] = {"input": _wav_info("long.wav"), "loaded_len": int(len(y_long)),
                     "window_starts_samples": starts,
                     "window_starts_seconds": [s / SR for s in starts],
                     "outputs": ["long.logmel_windows.npy"]}

    mb = librosa.filters.mel(sr=SR, n_fft=N_FFT, n_mels=N_MELS)
    assert mb.dtype == np.float32 and mb.shape == (N_MELS, 1 + N_FFT // 2)
    _save("mel_basis.npy", mb, files)

    for name in list(files) + [c["input"]["file"] for c in cases.values()]:
        files.setdefault(name, {})
        files[name]["bytes"] = os.path.getsize(os.path.join(DATA, name))
        files[name]["sha256"] = _sha256(os.path.join(DATA, name))

    manifest = {
        "generator": "tests/parity/make_reference.py",
        "params": {
            "sr": SR, "window_samples": WIN, "window_hop_samples": HOP_WIN,
            "n_fft": N_FFT, "hop_length": HOP, "n_mels": N_MELS,
            "center": True, "pad_mode": "constant", "window": "hann (periodic)",
            "power": 2.0, "mel": "slaney scale, norm='slaney', fmin=0, fmax=sr/2",
            "power_to_db": {"ref": "np.max", "amin": 1e-10, "top_db": 80.0},
            "load": {"mono": True, "dtype": "float32", "res_type": "soxr_hq"},
        },
        "cases": cases,
        "extra_outputs": {
            "mel_basis.npy": "librosa.filters.mel(sr=16000, n_fft=1024, n_mels=128)",
            "speech.power_stft.npy": "np.abs(librosa.stft(y, n_fft=1024, hop_length=256))**2",
            "speech.logmel_ref1.npy": "power_to_db(S, ref=1.0, amin=1e-10, top_db=80.0)",
            "resample.resampled.npy": "librosa.load('resample.wav', sr=16000)[0] (all samples)",
        },
        "files": files,
        "versions": {
            "python": platform.python_version(),
            "librosa": librosa.__version__,
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "soundfile": sf.__version__,
            "libsndfile": sf.__libsndfile_version__,
            "soxr": "ctypes shim tests/parity/soxr_shim/soxr.py over " + soxr.__libsoxr_version__,
            "fft": "scipy.fft (pocketfft), librosa default",
            "input_synthesis (wavs are committed; informative only)": {
                "espeak-ng": _tool_version(["espeak-ng", "--version"]),
                "sox": _tool_version(["sox", "--version"]),
            },
        },
    }
    with open(os.path.join(DATA, "MANIFEST.json"), "w") as f:
        json.dump(manifest, f, indent=1, sort_keys=False)
        f.write("\n")
    return manifest


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--regen-inputs", action="store_true",
                    help="re-synthesise the input wav files (espeak-ng, sox, seeded numpy)")
    args = ap.parse_args()
    if librosa.__version__ != "0.11.0":
        sys.exit("expected librosa 0.11.0, got %s" % librosa.__version__)
    made = synthesize_inputs(args.regen_inputs)
    if made:
        print("synthesised inputs:", ", ".join(made))
    m = compute_references()
    total = sum(v["bytes"] for v in m["files"].values())
    for name, v in sorted(m["files"].items()):
        print("%-28s %8d B  %s %s" % (name, v["bytes"], v.get("dtype", ""), v.get("shape", "")))
    print("total %.2f MB" % (total / 1e6))


if __name__ == "__main__":
    main()
