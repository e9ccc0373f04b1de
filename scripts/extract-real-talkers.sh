#!/usr/bin/env bash
# Build the corpus of single real talkers for training (see scripts/real-talkers/README.md).
#
#   scripts/extract-real-talkers.sh OUTDIR [extra options for extract.js, e.g. --limit 3]
#
# Installs the Debian packages that ship the recordings (root or sudo the first time),
# installs the Node.js dependencies (Silero VAD + onnxruntime-node) with `npm ci` into a
# cache folder (REAL_TALKERS_CACHE, default ~/.cache/socialctx/real-talkers), then decodes
# every source with ffmpeg, runs the VAD and writes OUTDIR/{talkers.csv,utterances.csv,
# sources.tsv,talkers_info.tsv,skipped.tsv,wav/}.  Deterministic for the same package
# versions.  The evaluation-only paths (eval/reserved-paths.txt if present, else
# pocketsphinx-testdata, alsa-utils' sounds and codec2-examples) are refused.
# Training-time tool only; the app never depends on it.
set -euo pipefail

if [[ $# -lt 1 || "$1" == -h || "$1" == --help ]]; then
    awk 'NR>1 && /^#/{sub(/^# ?/,""); print; next} NR>1{exit}' "$0"
    exit 2
fi
OUTDIR=$1
shift
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOOL=$HERE/real-talkers
REPO=$(cd "$HERE/.." && pwd)

PKGS=(
    asterisk-core-sounds-en-g722 asterisk-core-sounds-es-g722 asterisk-core-sounds-fr-g722
    asterisk-core-sounds-it-g722 asterisk-core-sounds-ru-g722
    asterisk-prompt-it-menardi-wav asterisk-prompt-es-co asterisk-prompt-fr-armelle
    festvox-ru
    fillets-ng-data fillets-ng-data-cs fillets-ng-data-nl
    flight-of-the-amazon-queen
    drascula drascula-spanish drascula-italian
    tuxpaint-stamps-default
    ktuberling-data klettres-data
    ffmpeg
)

missing=()
for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
# Node.js and npm: any install will do (Debian's nodejs and npm packages if there is none).
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
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

# Node dependencies, pinned by the committed package-lock.json.  --ignore-scripts: the
# onnxruntime-node package already ships its CPU library; its install script would only
# try to download optional GPU libraries.
CACHE=${REAL_TALKERS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/socialctx/real-talkers}
mkdir -p "$CACHE"
if ! cmp -s "$TOOL/package-lock.json" "$CACHE/package-lock.json" || [[ ! -d $CACHE/node_modules/onnxruntime-node ]]; then
    cp "$TOOL/package.json" "$TOOL/package-lock.json" "$CACHE/"
    (cd "$CACHE" && npm ci --ignore-scripts --no-audit --no-fund)
fi

mkdir -p "$OUTDIR"
START=$(date +%s)
NODE_PATH=$CACHE/node_modules nice -n 10 node "$TOOL/extract.js" --out "$OUTDIR" \
    --reserved "$REPO/eval/reserved-paths.txt" --jobs 2 "$@"
echo "run time: $(( $(date +%s) - START )) s" >&2
