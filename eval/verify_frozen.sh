#!/usr/bin/env bash
# Check a built real-speech evaluation set against the frozen checksums.
#
#   eval/verify_frozen.sh OUTDIR
#
# OUTDIR is a folder written by `eval/make_real_eval.sh OUTDIR` with the default
# N_PER_CLASS (60) and seed. Every clip and labels.csv must have exactly the
# SHA-256 listed in eval/frozen/SHA256SUMS, and OUTDIR must hold no other
# clip. Prints each file that differs, is missing or is extra, and exits 1 if
# there is any; exits 0 when the set is identical to the frozen one. If the
# installed package versions differ from eval/frozen/packages.txt, it says so
# (a likely cause of a difference), without failing for that alone.
set -euo pipefail

if [[ $# -ne 1 || "$1" == -h || "$1" == --help ]]; then
    awk 'NR>1 && /^#/{sub(/^# ?/,""); print; next} NR>1{exit}' "$0"
    exit 2
fi
OUTDIR=$1
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SUMS=$HERE/frozen/SHA256SUMS
PKGS=$HERE/frozen/packages.txt
[[ -d "$OUTDIR" ]] || { echo "no such folder: $OUTDIR" >&2; exit 2; }
[[ -f "$SUMS" ]] || { echo "missing $SUMS" >&2; exit 2; }

bad=0
declare -A listed=()
while read -r sum name; do
    [[ -z "$sum" ]] && continue
    name=${name#\*}
    listed[$name]=1
    if [[ ! -f "$OUTDIR/$name" ]]; then
        echo "MISSING  $name"
        bad=$((bad + 1))
    elif [[ "$(sha256sum < "$OUTDIR/$name" | cut -d' ' -f1)" != "$sum" ]]; then
        echo "DIFFERS  $name"
        bad=$((bad + 1))
    fi
done < "$SUMS"

shopt -s nullglob
for f in "$OUTDIR"/*.wav "$OUTDIR"/labels.csv; do
    name=$(basename "$f")
    if [[ -z "${listed[$name]:-}" ]]; then
        echo "EXTRA    $name"
        bad=$((bad + 1))
    fi
done

if [[ -f "$PKGS" ]]; then
    while read -r pkg ver; do
        [[ -z "$pkg" ]] && continue
        have=$(dpkg-query -W -f='${Version}' "$pkg" 2>/dev/null || true)
        if [[ "$have" != "$ver" ]]; then
            echo "note: $pkg is ${have:-not installed} here, the frozen set was built with $ver" >&2
        fi
    done < "$PKGS"
fi

if (( bad )); then
    echo "FAILED: $bad file(s) differ from eval/frozen/SHA256SUMS (${#listed[@]} listed)"
    exit 1
fi
echo "OK: ${#listed[@]} files identical to eval/frozen/SHA256SUMS"
