#!/usr/bin/env bash
# Build the frozen real-human-speech evaluation set (see eval/README.md).
#
#   eval/make_real_eval.sh OUTDIR [N_PER_CLASS] [--seed S]   (default N_PER_CLASS=60)
#   eval/make_real_eval.sh OUTDIR [N_PER_CLASS] --talkers DIR [--talker-split val] [--seed S]
#
# Uses ONLY the three packages reserved for evaluation (pocketsphinx-testdata,
# alsa-utils, codec2-examples); every non-speech sound is generated. Installs
# them if missing (needs root or sudo the first time), then writes
# OUTDIR/*.wav (3.0 s, 16 kHz, mono, 16-bit), OUTDIR/labels.csv (file paths
# relative to OUTDIR), OUTDIR/sources.txt, OUTDIR/speakers.txt and
# OUTDIR/packages.txt. Deterministic: same packages + same seed => same clips.
# With the defaults, eval/verify_frozen.sh OUTDIR checks the result against
# eval/frozen/SHA256SUMS.
#
# With --talkers DIR it builds a VALIDATION set instead (same mixing, for
# choosing among training runs): the voices are the speakers of one split
# (default val) of the real-talker corpus DIR, the reserved packages are
# neither installed nor read, and the default seed differs.
set -euo pipefail

if [[ $# -lt 1 || "$1" == -h || "$1" == --help ]]; then
    awk 'NR>1 && /^#/{sub(/^# ?/,""); print; next} NR>1{exit}' "$0"
    exit 2
fi
OUTDIR=$1
N=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

PKGS=(python3-numpy python3-scipy python3-soundfile)
talkers=0
for a in "$@"; do [[ "$a" == --talkers || "$a" == --talkers=* ]] && talkers=1; done
if (( ! talkers )); then
    PKGS+=(
        pocketsphinx-testdata   # RESERVED: LibriVox reader, dhd's test utterances, 'cards'
        alsa-utils              # RESERVED: speaker-test voice ("Front Center" ...)
        codec2-examples         # RESERVED: codec2's speech samples
    )
fi

missing=()
for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
if (( ${#missing[@]} )); then
    SUDO=
    [[ $(id -u) -ne 0 ]] && SUDO=sudo
    echo "installing: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    if ! $SUDO apt-get install -y --no-install-recommends "${missing[@]}"; then
        $SUDO apt-get update
        $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
    fi
fi

# Debian's interpreter (numpy/scipy/soundfile), not whatever python3 is first on PATH.
exec /usr/bin/python3 "$HERE/make_real_eval.py" "$OUTDIR" "$N" "$@"
