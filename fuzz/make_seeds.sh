#!/usr/bin/env bash
# Seed corpora for the fuzz targets: small valid inputs the fuzzer mutates from.
#   fuzz/make_seeds.sh OUT_DIR    -> OUT_DIR/{decode,features,pth}/
# decode: a quarter second of tone in every container the core reads (ffmpeg; sox for a few more);
# features: float buffers (tone, silence, NaN/Inf, denormals, huge values), first byte = mode (see fuzz_features.cpp);
# pth: tiny torch.save()d state_dicts (needs /usr/bin/python3 with torch; skipped without it).
set -euo pipefail
out=${1:?usage: make_seeds.sh OUT_DIR}
mkdir -p "$out/decode" "$out/features" "$out/pth"
d=$out/decode

tone() {  # tone NAME RATE CHANNELS FFMPEG_ARGS...: 0.25 s of 440 Hz (+ 660 Hz in the second channel)
    local name=$1 rate=$2 ch=$3; shift 3
    local src="sine=frequency=440:duration=0.25:sample_rate=$rate"
    if [ "$ch" = 2 ]; then
        ffmpeg -nostdin -v error -y -f lavfi -i "$src" -f lavfi -i "sine=frequency=660:duration=0.25:sample_rate=$rate" \
            -filter_complex amerge=inputs=2 "$@" "$d/$name" || echo "make_seeds: skipped $name" >&2
    else
        ffmpeg -nostdin -v error -y -f lavfi -i "$src" "$@" "$d/$name" || echo "make_seeds: skipped $name" >&2
    fi
}
if command -v ffmpeg >/dev/null; then
    tone pcm16.wav 8000 1 -c:a pcm_s16le
    tone pcm16-stereo.wav 8000 2 -c:a pcm_s16le
    tone pcm24.wav 8000 1 -c:a pcm_s24le
    tone pcm32.wav 8000 1 -c:a pcm_s32le
    tone u8.wav 8000 1 -c:a pcm_u8
    tone float.wav 8000 1 -c:a pcm_f32le
    tone double.wav 8000 1 -c:a pcm_f64le
    tone alaw.wav 8000 1 -c:a pcm_alaw
    tone ulaw.wav 8000 1 -c:a pcm_mulaw
    tone adpcm-ms.wav 8000 1 -c:a adpcm_ms
    tone adpcm-ima.wav 8000 1 -c:a adpcm_ima_wav
    tone gsm.wav 8000 1 -c:a libgsm_ms
    tone pcm16.w64 8000 1 -c:a pcm_s16le
    tone pcm16.aiff 8000 1 -c:a pcm_s16be
    tone pcm16.au 8000 1 -c:a pcm_s16be
    tone pcm16.caf 8000 1 -c:a pcm_s16le
    tone tone.flac 8000 1 -c:a flac
    tone tone.ogg 8000 1 -c:a libvorbis -q:a 0
    tone tone.opus 16000 1 -c:a libopus -b:a 16k
    tone tone.mp3 16000 1 -c:a libmp3lame -b:a 16k
    tone tone-stereo.mp3 22050 2 -c:a libmp3lame -b:a 24k
    tone tone.m4a 16000 1 -c:a aac -b:a 16k
    tone tone-stereo.m4a 16000 2 -c:a aac -b:a 24k
    tone alac.m4a 8000 1 -c:a alac
    tone tone.wma 16000 1 -c:a wmav2 -b:a 24k
    tone tone.mka 8000 1 -c:a pcm_s16le -f matroska
    tone tone.webm 16000 1 -c:a libopus -b:a 16k
    tone tone.ac3 16000 1 -c:a ac3 -b:a 32k
    tone tone.aac 16000 1 -c:a aac -b:a 16k -f adts
    tone tone.wv 8000 1 -c:a wavpack
    tone tone.mp2 16000 1 -c:a mp2 -b:a 32k -f mp2
    tone tone.voc 8000 1 -c:a pcm_u8
else
    echo "make_seeds: no ffmpeg, decode seeds limited to what sox makes" >&2
fi
if command -v sox >/dev/null; then  # formats ffmpeg does not write, read by libsndfile
    for spec in "tone.8svx" "tone.sph" "tone.sf" "tone.avr" "tone.prc" "tone.xi" "tone.htk"; do
        sox -n -r 8000 -c 1 -b 16 "$d/$spec" synth 0.25 sine 440 2>/dev/null || rm -f "$d/$spec"
    done
fi

# Float buffers: mode byte (odd: shipped parameters; even: 32 bytes of parameters follow) + little-endian floats.
python3 - "$out/features" <<'PY'
import math, struct, sys
out = sys.argv[1]
def floats(xs): return struct.pack("<%df" % len(xs), *xs)
tone = [0.5 * math.sin(2 * math.pi * 440 * i / 16000) for i in range(2048)]
seeds = {
    "tone": b"\x01" + floats(tone),
    "silence": b"\x01" + floats([0.0] * 1024),
    "empty": b"\x01",
    "nan-inf": b"\x01" + floats([float("nan"), float("inf"), -float("inf"), 1.0] * 64),
    "denormal": b"\x01" + floats([1e-40, -1e-45, 1e-38, 0.0] * 128),
    "huge": b"\x01" + floats([3.4e38, -3.4e38, 1e20, -1e20] * 128),
    # even mode: sample_rate, n_fft, hop (u16), n_mels (u8), fmin, fmax, amin, top_db (f32), ref (u8), pad
    "params-small": b"\x00" + struct.pack("<HHHBffffB", 7000, 240, 63, 39, 0.0, -1.0, 1e-10, 80.0, 1).ljust(32, b"\0")
        + floats(tone[:512]),
    "params-odd": b"\x00" + struct.pack("<HHHBffffB", 1, 0, 0, 0, 5000.0, 100.0, 0.0, -1.0, 0).ljust(32, b"\0")
        + floats([1.0, float("nan")] * 64),
}
for name, data in seeds.items():
    open(f"{out}/{name}", "wb").write(data)
PY

# State dicts: plain, checkpoint-wrapped, DataParallel keys, several dtypes, a transposed (strided) view.
if /usr/bin/python3 -c "import torch" 2>/dev/null; then
    /usr/bin/python3 - "$out/pth" <<'PY'
import collections, sys, torch
out = sys.argv[1]
torch.manual_seed(0)
sd = collections.OrderedDict()
sd["conv1.weight"] = torch.randn(2, 1, 3, 3)
sd["bn1.running_mean"] = torch.zeros(2)
sd["bn1.num_batches_tracked"] = torch.tensor(3)
sd["fc1.weight"] = torch.randn(3, 4).t()  # non-contiguous: shape/stride over a shared storage
torch.save(sd, f"{out}/state_dict.pth")
torch.save({"epoch": 3, "model_state_dict": sd}, f"{out}/checkpoint.pth")
torch.save({"module." + k: v for k, v in sd.items()}, f"{out}/dataparallel.pth")
torch.save({"h": torch.ones(3, dtype=torch.float16), "b": torch.tensor([True, False]),
            "d": torch.arange(4, dtype=torch.float64), "i8": torch.arange(3, dtype=torch.int8),
            "bf": torch.ones(2, dtype=torch.bfloat16), "view": torch.arange(10.0)[2:8:2]}, f"{out}/dtypes.pth")
PY
else
    echo "make_seeds: no torch in /usr/bin/python3, pth seeds skipped" >&2
fi
echo "make_seeds: $(ls "$out/decode" | wc -l) decode, $(ls "$out/features" | wc -l) features, $(ls "$out/pth" | wc -l) pth seeds in $out"
