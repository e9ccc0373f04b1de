#!/usr/bin/python3
"""Reference (original) Python pipeline, for benchmarking against the C++ core.

    PYTHONPATH=/tmp/librosa-0.11.0:/work/main/tests/parity/soxr_shim \
        /usr/bin/python3 bench/reference_pipeline.py DIR [--weights model.pth]
        [--threads 2] [--long FILE] [--repeat N] [--json OUT]

Per clip (the original path): librosa.load(sr=16000) -> first 3 s, zero-padded
at the end if shorter -> melspectrogram(n_fft=1024, hop=256, n_mels=128) ->
power_to_db(ref=np.max, amin=1e-10, top_db=80) -> AudioClassifierCNN -> softmax.

--long FILE: the recording is cut into 3 s windows with a 1.5 s hop (plus one
final window aligned to the end), every window is classified the same way.

Without --weights the CNN is randomly initialised with --seed (timing does not
depend on the weights). --save-weights writes that state_dict for reuse.
"""

import argparse
import json
import os
import resource
import sys
import time

T_START = time.perf_counter()

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402

import librosa  # noqa: E402

T_IMPORTS = time.perf_counter() - T_START

SR = 16000
WIN = 3 * SR
HOP_WIN = SR * 3 // 2
N_FFT = 1024
HOP = 256
N_MELS = 128
N_CLASSES = 5
AUDIO_EXT = (".wav", ".flac", ".ogg", ".mp3", ".m4a", ".aiff", ".aif")


class AudioClassifierCNN(nn.Module):
    """Input (B, 1, 128, 188) -> logits (B, 5)."""

    def __init__(self, n_classes=N_CLASSES):
        super().__init__()

        def block(cin, cout):
            return nn.Sequential(
                nn.Conv2d(cin, cout, kernel_size=3, padding=1),
                nn.BatchNorm2d(cout),
                nn.ReLU(),
                nn.MaxPool2d(2),
            )

        self.conv1 = block(1, 16)    # -> 16 x 64 x 94
        self.conv2 = block(16, 32)   # -> 32 x 32 x 47
        self.conv3 = block(32, 64)   # -> 64 x 16 x 23
        self.flatten = nn.Flatten()  # -> 23552
        self.fc1 = nn.Linear(64 * 16 * 23, 128)
        self.relu = nn.ReLU()
        self.dropout = nn.Dropout(0.5)
        self.fc2 = nn.Linear(128, n_classes)

    def forward(self, x):
        x = self.conv3(self.conv2(self.conv1(x)))
        x = self.flatten(x)
        x = self.dropout(self.relu(self.fc1(x)))
        return self.fc2(x)


def cache_audioread_backends():
    """librosa.load() calls audioread.available_backends() on every call. audioread
    >= 3.0 caches that list; Debian's audioread 2.1.9 does not and spawns
    `ffmpeg -version` each time (~70 ms per clip). Emulate the cached behaviour
    so that the benchmark reflects a current pip install."""
    import audioread
    if "flush_cache" in audioread.available_backends.__code__.co_varnames:
        return "native (audioread %s)" % getattr(audioread, "__version__", "?")
    orig = audioread.available_backends
    cache = []

    def available_backends(flush_cache=False):
        if not cache or flush_cache:
            cache[:] = orig()
        return list(cache)

    audioread.available_backends = available_backends
    return "emulated (audioread %s has no cache)" % getattr(audioread, "__version__", "?")


def load_weights(model, path):
    """Load a state_dict; if key names differ from ours, match tensors by order and shape."""
    sd = torch.load(path, map_location="cpu")
    if isinstance(sd, dict) and "state_dict" in sd and isinstance(sd["state_dict"], dict):
        sd = sd["state_dict"]
    if isinstance(sd, nn.Module):
        sd = sd.state_dict()
    try:
        model.load_state_dict(sd, strict=True)
        return "strict"
    except RuntimeError:
        pass
    ours = model.state_dict()
    theirs = [(k, v) for k, v in sd.items() if torch.is_tensor(v)]
    if len(theirs) != len(ours) or any(
            tuple(v.shape) != tuple(o.shape) for (_, v), o in zip(theirs, ours.values())):
        raise SystemExit("state_dict %s does not match AudioClassifierCNN:\n  theirs: %s\n  ours: %s"
                         % (path, [(k, tuple(v.shape)) for k, v in theirs],
                            [(k, tuple(v.shape)) for k, v in ours.items()]))
    model.load_state_dict({k: v for k, (_, v) in zip(ours.keys(), theirs)}, strict=True)
    return "by position"


def logmel(y):
    """(n,) float32 -> (128, 188) float32, exactly the original feature code."""
    y = y[:WIN]
    if len(y) < WIN:
        y = np.pad(y, (0, WIN - len(y)))
    S = librosa.feature.melspectrogram(y=y, sr=SR, n_fft=N_FFT, hop_length=HOP, n_mels=N_MELS)
    return librosa.power_to_db(S, ref=np.max, amin=1e-10, top_db=80.0)


def window_starts(n, win=WIN, hop=HOP_WIN):
    if n <= win:
        return [0]
    starts = list(range(0, n - win + 1, hop))
    if starts[-1] + win < n:
        starts.append(n - win)
    return starts


@torch.no_grad()
def classify(model, feats):
    """feats: list of (128,188) arrays -> (B, 5) softmax probabilities."""
    x = torch.from_numpy(np.stack(feats)[:, None, :, :])
    return torch.softmax(model(x), dim=1).numpy()


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: KiB


def run_folder(model, folder, repeat, verbose):
    files = sorted(os.path.join(folder, f) for f in os.listdir(folder)
                   if f.lower().endswith(AUDIO_EXT))
    if not files:
        raise SystemExit("no audio files in %s" % folder)
    t_load = t_feat = t_model = 0.0
    results = {}
    t0 = time.perf_counter()
    first_clip = None
    for r in range(repeat):
        for path in files:
            a = time.perf_counter()
            y, _ = librosa.load(path, sr=SR)
            b = time.perf_counter()
            L = logmel(y)
            c = time.perf_counter()
            p = classify(model, [L])[0]
            d = time.perf_counter()
            t_load += b - a
            t_feat += c - b
            t_model += d - c
            if first_clip is None:
                first_clip = d - a
            if r == 0:
                results[os.path.basename(path)] = p.tolist()
                if verbose:
                    print("  %-30s class %d  p=%s" % (os.path.basename(path), int(p.argmax()),
                                                      np.array2string(p, precision=3)))
    total = time.perf_counter() - t0
    n = len(files) * repeat
    return {
        "clips": n, "files": len(files), "total_s": total, "clips_per_s": n / total,
        "first_clip_s": first_clip,
        "steady_clips_per_s": (n - 1) / (total - first_clip) if n > 1 else float("nan"),
        "load_s": t_load, "features_s": t_feat, "model_s": t_model,
        "results": results,
    }


def run_long(model, path, batch):
    t0 = time.perf_counter()
    y, _ = librosa.load(path, sr=SR)
    t1 = time.perf_counter()
    starts = window_starts(len(y))
    feats = [logmel(y[s:s + WIN]) for s in starts]
    t2 = time.perf_counter()
    probs = []
    for i in range(0, len(feats), batch):
        probs.append(classify(model, feats[i:i + batch]))
    probs = np.concatenate(probs)
    t3 = time.perf_counter()
    return {
        "file": path, "duration_s": len(y) / SR, "windows": len(starts),
        "total_s": t3 - t0, "load_s": t1 - t0, "features_s": t2 - t1, "model_s": t3 - t2,
        "window_starts_s": [s / SR for s in starts],
        "mean_probs": probs.mean(axis=0).tolist(),
    }


def main():
    ap = argparse.ArgumentParser(description="original librosa + PyTorch pipeline benchmark")
    ap.add_argument("dir", nargs="?", help="folder of audio files (one 3 s window each)")
    ap.add_argument("--weights", help="state_dict .pth of AudioClassifierCNN")
    ap.add_argument("--threads", type=int, default=2, help="torch.set_num_threads (default 2)")
    ap.add_argument("--long", metavar="FILE", help="classify a long recording in 3 s / 1.5 s windows")
    ap.add_argument("--batch", type=int, default=1, help="windows per forward pass for --long")
    ap.add_argument("--repeat", type=int, default=1, help="passes over DIR (timing)")
    ap.add_argument("--seed", type=int, default=0, help="init seed when no --weights")
    ap.add_argument("--save-weights", metavar="PTH", help="write the model state_dict")
    ap.add_argument("--json", metavar="OUT", help="write figures and probabilities as JSON")
    ap.add_argument("--no-audioread-cache", action="store_true",
                    help="do not cache audioread.available_backends() (Debian audioread "
                         "2.1.9 then runs `ffmpeg -version` on every librosa.load)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if not args.dir and not args.long:
        ap.error("give DIR and/or --long FILE")

    ar = "off" if args.no_audioread_cache else cache_audioread_backends()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    model = AudioClassifierCNN()
    how = "random init (seed %d)" % args.seed
    if args.weights:
        how = "%s (%s)" % (args.weights, load_weights(model, args.weights))
    model.eval()
    if args.save_weights:
        torch.save(model.state_dict(), args.save_weights)

    out = {"librosa": librosa.__version__, "numpy": np.__version__, "torch": torch.__version__,
           "threads": args.threads, "weights": how, "imports_s": T_IMPORTS,
           "audioread_backend_cache": ar}
    print("librosa %s, numpy %s, torch %s, threads %d, weights: %s"
          % (librosa.__version__, np.__version__, torch.__version__, args.threads, how))
    print("imports: %.3f s; audioread backend cache: %s" % (T_IMPORTS, ar))

    if args.dir:
        r = run_folder(model, args.dir, args.repeat, args.verbose)
        out["folder"] = r
        print("folder: %d clips (%d files x %d) in %.3f s -> %.2f clips/s"
              % (r["clips"], r["files"], args.repeat, r["total_s"], r["clips_per_s"]))
        print("  first clip %.3f s (lazy imports), after it %.2f clips/s; "
              "load %.3f s, features %.3f s, model %.3f s"
              % (r["first_clip_s"], r["steady_clips_per_s"], r["load_s"], r["features_s"],
                 r["model_s"]))
    if args.long:
        r = run_long(model, args.long, args.batch)
        out["long"] = r
        print("long: %s, %.2f s audio, %d windows in %.3f s (load %.3f, features %.3f, model %.3f)"
              % (r["file"], r["duration_s"], r["windows"], r["total_s"], r["load_s"],
                 r["features_s"], r["model_s"]))
    out["peak_rss_mb"] = peak_rss_mb()
    out["total_process_s"] = time.perf_counter() - T_START
    print("peak RSS: %.1f MB" % out["peak_rss_mb"])
    print("total process time: %.3f s" % out["total_process_s"])
    if args.json:
        with open(args.json, "w") as f:
            json.dump(out, f, indent=1)


if __name__ == "__main__":
    sys.exit(main())
