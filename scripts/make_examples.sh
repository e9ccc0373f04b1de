#!/bin/sh
# Makes the example recordings in resources/examples (File > Open example): synthetic voices (espeak-ng) with a
# room-like noise floor (sox), 16 kHz mono, stored as IMA ADPCM WAV so each ~10 s clip stays under 100 KB.
# Needs espeak-ng and sox. Deterministic apart from sox's noise generator, which is seeded (-R).
set -eu
out="$(cd "$(dirname "$0")/.." && pwd)/resources/examples"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

say() {  # say VOICE SPEED PITCH TEXT FILE: one utterance at 16 kHz mono
    espeak-ng -v "$1" -s "$2" -p "$3" -w "$tmp/raw.wav" "$4"
    sox -R "$tmp/raw.wav" -r 16000 -c 1 -b 16 "$5" highpass 80 norm -3
}
floor() {  # floor SECONDS LEVEL FILE: brown noise + a faint 50 Hz hum, like an empty room
    sox -R -n -r 16000 -c 1 -b 16 "$tmp/n.wav" synth "$1" brownnoise vol "$2"
    sox -R -n -r 16000 -c 1 -b 16 "$tmp/h.wav" synth "$1" sine 50 vol 0.004
    sox -R -m "$tmp/n.wav" "$tmp/h.wav" "$3"
}
pause() { sox -R -n -r 16000 -c 1 -b 16 "$2" trim 0 "$1"; }
finish() {  # finish SPEECH SECONDS FLOORLEVEL NAME: speech over a floor, cut to length, ADPCM
    floor "$2" "$3" "$tmp/floor.wav"
    sox -R "$1" "$tmp/padded.wav" pad 0.4 "$2"
    sox -R -m "$tmp/padded.wav" "$tmp/floor.wav" "$tmp/mix.wav" trim 0 "$2" norm -3
    sox -R "$tmp/mix.wav" -e ima-adpcm "$out/$4"
}

# One speaker, talking without a break.
say en-us 150 45 "Good morning everyone. Today I want to talk about how we record sound in everyday places, \
and why a quiet room sounds so different from a busy street. Let us start with the microphone." "$tmp/mono.wav"
finish "$tmp/mono.wav" 11 0.02 monologue.wav

# Two speakers taking turns.
say en-gb 160 40 "Did you manage to finish the report yesterday?" "$tmp/a1.wav"
say en-us+f3 165 70 "Almost. I still need the numbers from the second survey." "$tmp/b1.wav"
say en-gb 160 40 "I can send them after lunch, if that helps." "$tmp/a2.wav"
say en-us+f3 165 70 "That would be great, thanks. Then we can review it together tomorrow." "$tmp/b2.wav"
pause 0.35 "$tmp/gap.wav"
sox "$tmp/a1.wav" "$tmp/gap.wav" "$tmp/b1.wav" "$tmp/gap.wav" "$tmp/a2.wav" "$tmp/gap.wav" "$tmp/b2.wav" "$tmp/talk.wav"
finish "$tmp/talk.wav" 12 0.02 conversation-two-voices.wav

# Three people in a discussion, taking quick turns.
say en-us 155 42 "So what do we do about the budget for next year?" "$tmp/g1.wav"
say en-us+f2 170 68 "I would keep the travel money and cut the printing." "$tmp/g2.wav"
say en-gb-x-rp+m3 150 30 "Printing is already small. Travel is the big one." "$tmp/g3.wav"
say en-us+f2 170 68 "Fair point. What about the new laptops?" "$tmp/g4.wav"
say en-us 155 42 "Those we need, no question." "$tmp/g5.wav"
say en-gb-x-rp+m3 150 30 "Agreed. Let us put them first." "$tmp/g6.wav"
pause 0.2 "$tmp/g.wav"
sox "$tmp/g1.wav" "$tmp/g.wav" "$tmp/g2.wav" "$tmp/g.wav" "$tmp/g3.wav" "$tmp/g.wav" "$tmp/g4.wav" "$tmp/g.wav" \
  "$tmp/g5.wav" "$tmp/g.wav" "$tmp/g6.wav" "$tmp/group.wav"
finish "$tmp/group.wav" 12 0.02 group-discussion.wav

# Nobody there: the room itself.
floor 8 0.03 "$tmp/room.wav"
sox -R "$tmp/room.wav" -e ima-adpcm "$out/quiet-room.wav"

# One voice against loud broadband noise.
say en-gb-scotland 150 50 "Can you hear me? I said the train leaves at half past six, from platform four." "$tmp/n1.wav"
sox -R -n -r 16000 -c 1 -b 16 "$tmp/noise.wav" synth 10 pinknoise vol 0.35 tremolo 0.7 40
sox -R "$tmp/n1.wav" "$tmp/n1p.wav" pad 0.5 10
sox -R -m "$tmp/n1p.wav" "$tmp/noise.wav" "$tmp/noisy.wav" trim 0 10 norm -3
sox -R "$tmp/noisy.wav" -e ima-adpcm "$out/noisy-street.wav"

ls -l "$out"
