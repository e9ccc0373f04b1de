#!/usr/bin/env bash
# Build the real-human-speech evaluation set (see eval/README.md).
#
#   eval/make_real_eval.sh OUTDIR [N_PER_CLASS]      (default N_PER_CLASS=40)
#
# Installs the Debian packages that ship the recordings (needs root or sudo
# the first time), then writes OUTDIR/*.wav (3.0 s, 16 kHz, mono, 16-bit),
# OUTDIR/labels.csv (file paths relative to OUTDIR), OUTDIR/sources.txt and
# OUTDIR/speakers.txt.  Deterministic: same packages + same seed => same clips.
# Extra options after N_PER_CLASS are passed on (e.g. --seed 7).
set -euo pipefail

if [[ $# -lt 1 || "$1" == -h || "$1" == --help ]]; then
    awk 'NR>1 && /^#/{sub(/^# ?/,""); print; next} NR>1{exit}' "$0"
    exit 2
fi
OUTDIR=$1
N=${2:-40}
shift $(( $# >= 2 ? 2 : 1 ))
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# Recordings (real people) + real non-speech sounds + tools.
PKGS=(
    asterisk-core-sounds-en-g722     # Allison Smith (en-US, F)
    asterisk-core-sounds-fr-g722     # June Wallack (fr-CA, F)
    asterisk-core-sounds-it-g722     # Carlo Flora (it, M)
    asterisk-core-sounds-ru-g722     # ivrvoice.ru (ru, F)
    asterisk-prompt-it-menardi-wav   # Paola Dal Zot (it, F)
    asterisk-prompt-es-co            # July E. Jimenez (es-CO, F)
    asterisk-prompt-fr-armelle       # Armelle Desjardins (fr, F)
    fillets-ng-data-cs               # Czech voice actors (2 fish: F, M)
    fillets-ng-data-nl               # Dutch voice actors (2 fish: F, M)
    fillets-ng-data                  # game foley: typing, clock, impacts, motor, washer
    codec2-examples                  # short speech samples of several people
    pocketsphinx-testdata            # LibriVox reader + test utterances
    alsa-utils                       # "Front Center" etc. (babble only)
    asterisk-moh-opsound-g722        # music on hold (background music)
    sox ffmpeg python3-numpy python3-scipy python3-soundfile
)

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
