#!/bin/sh
# Every user-visible string of the app is translated: lupdate is run over the app's sources and forms into copies of
# translations/*.ts (so a string added to the code and not yet translated shows up as unfinished), and the test
# fails on any unfinished entry, naming it.
#   check_translations.sh LUPDATE SOURCE_DIR
set -eu
lupdate=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for ts in "$src"/translations/socialctx_*.ts; do
  copy=$tmp/$(basename "$ts")
  cp "$ts" "$copy"
  "$lupdate" -silent -no-obsolete -locations none "$src/src/app" "$src/ui" -ts "$copy" >"$tmp/log" 2>&1 || {
    cat "$tmp/log"; exit 1; }
  messages=$(grep -c '<message' "$copy" || true)
  unfinished=$(grep -c 'type="unfinished"' "$copy" || true)
  echo "$(basename "$ts"): $messages strings, $unfinished unfinished"
  if [ "$messages" -lt 100 ]; then echo "lupdate found too few strings: is it reading the sources?"; status=1; fi
  if [ "$unfinished" -ne 0 ]; then
    # The source text of each unfinished entry (the line before its translation).
    grep -B1 'type="unfinished"' "$copy" | grep '<source>' | sed 's/^ */  untranslated: /'
    status=1
  fi
done
exit $status
