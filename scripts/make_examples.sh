#!/usr/bin/env bash
# Makes the example recordings in resources/examples (File > Open example) from REAL voices: speakers of the
# real-talker corpus's validation split (scripts/extract-real-talkers.sh), whom the shipped models never trained
# on and who are not in the evaluation set. Their lines are joined into scenes with sox (turns, pauses, a room's
# noise floor; loud noise for the noisy one), 16 kHz mono, stored as IMA ADPCM WAV so each clip stays near 100 KB.
#   scripts/make_examples.sh TALKERS_DIR      (e.g. /work/data/shipped/talkers)
# Voices (licences in resources/examples/SOURCES.md): Allison Smith (asterisk-core-sounds-en, CC-BY-SA-3.0),
# Carlo Flora (asterisk-core-sounds-it, CC-BY-3.0), the French Tux Paint stamp descriptions (GPL-2) and John
# Hacker of the Italian Drascula (free redistribution). Deterministic for the same corpus (sox's noise is seeded).
set -euo pipefail
talkers=${1:?usage: make_examples.sh TALKERS_DIR}
[ -f "$talkers/utterances.csv" ] || { echo "no $talkers/utterances.csv (run scripts/extract-real-talkers.sh)" >&2; exit 2; }
out=${EXAMPLES_OUT:-"$(cd "$(dirname "$0")/.." && pwd)/resources/examples"}
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

# lines SPEAKER MIN_S MAX_S SKIP COUNT: that speaker's utterance files of MIN_S..MAX_S seconds, in corpus order,
# after skipping SKIP of them (so two scenes never share a line).
lines() {
  awk -F, -v s="$1" -v lo="$2" -v hi="$3" -v skip="$4" -v n="$5" -v dir="$talkers" \
    '$1 == s && $3 >= lo && $3 <= hi { if (skip-- > 0) next; print dir "/" $2; if (--n == 0) exit }' \
    "$talkers/utterances.csv"
}
pause() { sox -n -r 16000 -c 1 -b 16 "$2" trim 0 "$1"; }
floor() {  # floor SECONDS LEVEL FILE: brown noise + a faint 50 Hz hum, like an empty room
  sox -R -n -r 16000 -c 1 -b 16 "$tmp/n.wav" synth "$1" brownnoise vol "$2"
  sox -R -n -r 16000 -c 1 -b 16 "$tmp/h.wav" synth "$1" sine 50 vol 0.004
  sox -R -m "$tmp/n.wav" "$tmp/h.wav" "$3"
}
finish() {  # finish SPEECH SECONDS FLOORLEVEL NAME: speech over a floor, cut to length, ADPCM
  floor "$2" "$3" "$tmp/floor.wav"
  sox -R "$1" "$tmp/padded.wav" pad 0.4 "$2"
  sox -R -m "$tmp/padded.wav" "$tmp/floor.wav" "$tmp/mix.wav" trim 0 "$2" norm -3
  sox -R "$tmp/mix.wav" -e ima-adpcm "$out/$4"
}
declare -A used=()  # lines taken so far per speaker, over all scenes
# turns OUT SECONDS GAP SPEAKER...: one line of each speaker in turn, GAP s apart, until SECONDS of speech; every
# line as 16 kHz mono 16-bit at a common peak level.
turns() {
  local out_file=$1 seconds=$2 gap=$3; shift 3
  local speakers=("$@") parts=() total=0 i=0 f who part
  pause "$gap" "$tmp/gap.wav"
  while awk -v t="$total" -v s="$seconds" 'BEGIN { exit !(t < s) }'; do
    who=${speakers[$((i % ${#speakers[@]}))]}
    f=$(lines "$who" 1.2 3.5 "${used[$who]:-0}" 1)
    [ -n "$f" ] || { echo "make_examples: $who has no more lines of 1.2-3.5 s" >&2; exit 1; }
    used[$who]=$(( ${used[$who]:-0} + 1 ))
    part="$tmp/line$i.wav"
    sox "$f" -r 16000 -c 1 -b 16 "$part" highpass 80 norm -6
    parts+=("$part" "$tmp/gap.wav")
    total=$(awk -v t="$total" -v d="$(soxi -D "$part")" -v g="$gap" 'BEGIN { print t + d + g }')
    i=$((i + 1))
  done
  sox "${parts[@]}" "$out_file"
  rm -f "$tmp"/line*.wav
}

# One speaker, talking on (her lines 1.2-3.5 s long, short pauses).
turns "$tmp/mono.wav" 11 0.3 allison_smith
finish "$tmp/mono.wav" 11 0.02 monologue.wav

# Two speakers taking turns.
turns "$tmp/talk.wav" 12 0.35 allison_smith carlo_flora
finish "$tmp/talk.wav" 12 0.02 conversation-two-voices.wav

# Four people in a lively discussion: short lines, each starting OVERLAP s before the previous one ends (as
# people cut in), so any 3 s of it holds three or four voices.
overlapping() {  # overlapping OUT SECONDS OVERLAP SPEAKER...
  local out_file=$1 seconds=$2 overlap=$3; shift 3
  local speakers=("$@") parts=() start=0 i=0 f who part
  while awk -v t="$start" -v s="$seconds" 'BEGIN { exit !(t < s) }'; do
    who=${speakers[$((i % ${#speakers[@]}))]}
    f=$(lines "$who" 0.6 1.6 "${used[$who]:-0}" 1)
    [ -n "$f" ] || { echo "make_examples: $who has no more lines of 0.6-1.6 s" >&2; exit 1; }
    used[$who]=$(( ${used[$who]:-0} + 1 ))
    part="$tmp/line$i.wav"
    sox "$f" -r 16000 -c 1 -b 16 "$part" highpass 80 norm -6 pad "$start" 0
    parts+=("$part")
    start=$(awk -v t="$start" -v d="$(soxi -D "$f")" -v o="$overlap" 'BEGIN { print t + d - o }')
    i=$((i + 1))
  done
  sox -m "${parts[@]}" "$out_file" norm -3
  rm -f "$tmp"/line*.wav
}
overlapping "$tmp/group.wav" 12 0.25 carlo_flora tuxpaint_fr allison_smith drascula_it_john_hacker
finish "$tmp/group.wav" 12 0.02 group-discussion.wav

# Nobody there: the room itself.
floor 8 0.03 "$tmp/room.wav"
sox -R "$tmp/room.wav" -e ima-adpcm "$out/quiet-room.wav"

# One voice against loud broadband noise.
turns "$tmp/voice.wav" 9 0.3 carlo_flora
voice=$tmp/voice.wav
sox -R -n -r 16000 -c 1 -b 16 "$tmp/noise.wav" synth 10 pinknoise vol 0.35 tremolo 0.7 40
sox -R "$voice" "$tmp/n1p.wav" pad 0.5 10
sox -R -m "$tmp/n1p.wav" "$tmp/noise.wav" "$tmp/noisy.wav" trim 0 10 norm -3
sox -R "$tmp/noisy.wav" -e ima-adpcm "$out/noisy-street.wav"

ls -l "$out"
