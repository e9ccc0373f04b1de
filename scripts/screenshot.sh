#!/bin/sh
# Takes docs/screenshot.png: the real app under Xvfb, classifying resources/examples with the first row
# selected, captured with ImageMagick's `import`.
#   scripts/screenshot.sh [BUILD_DIR] [OUTPUT.png]
# The app speaks the language of LANG: LANG=de_DE.UTF-8 scripts/screenshot.sh build docs/screenshot-de.png
# Uses models/socialctx.pt when it exists, else the model in SOCIALCTX_MODEL, else an untrained one made
# with `socialctx init-model` (its predictions then mean nothing, but the window looks the same).
set -eu
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
out="${2:-$root/docs/screenshot.png}"
app="$build/src/app/socialctx-gui"
cli="$build/src/cli/socialctx"
[ -x "$app" ] || { echo "no $app: build with -DSOCIALCTX_BUILD_APP=ON" >&2; exit 2; }
command -v xvfb-run >/dev/null && command -v import >/dev/null || { echo "needs xvfb-run and imagemagick" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
model="${SOCIALCTX_MODEL:-}"
if [ -z "$model" ] && [ -f "$root/models/socialctx.pt" ]; then model="$root/models/socialctx.pt"; fi
if [ -z "$model" ]; then
    model="$work/untrained.pt"
    "$cli" init-model -o "$model" --name untrained
fi

# A clean profile (no remembered window size or model), a light Fusion look, a fixed-size screen.
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache"
export QT_QPA_PLATFORMTHEME= QT_STYLE_OVERRIDE=Fusion
xvfb-run -a -s "-screen 0 1440x900x24" sh -c '
    "$0" --model "$1" --select-first "$2" -style Fusion -geometry 1440x900+0+0 &
    pid=$!
    # Wait for the window (it fills the screen: no window manager here), then let the spectrogram draw.
    for i in $(seq 1 100); do
        win=$(xwininfo -root -tree 2>/dev/null | grep "Social Context Classifier" | head -1 | awk "{print \$1}") || true
        [ -n "$win" ] && break
        sleep 0.2
    done
    sleep 6
    import -window root "$3"
    kill $pid
' "$app" "$model" "$root/resources/examples" "$out"
echo "wrote $out"
