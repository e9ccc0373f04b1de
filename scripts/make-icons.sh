#!/usr/bin/env bash
# Regenerates the platform icons from resources/socialctx.svg (the one drawing):
#   packaging/socialctx.ico   Windows (installer, .exe, file associations); committed, made here on Linux
# macOS's socialctx.icns is made at configure time on the Mac (cmake/SocialctxPackaging.cmake: rsvg-convert +
# iconutil), so nothing Mac-specific is committed.
# Needs: rsvg-convert (librsvg2-bin) and ImageMagick's convert.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pngs=()
for s in 16 32 48 64 128 256; do
  rsvg-convert -w "$s" -h "$s" resources/socialctx.svg -o "$tmp/$s.png"
  pngs+=("$tmp/$s.png")
done
convert "${pngs[@]}" packaging/socialctx.ico
identify packaging/socialctx.ico
