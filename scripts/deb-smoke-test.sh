#!/usr/bin/env bash
# The part of scripts/test-deb.sh that runs inside the clean root (a fresh Debian 12 chroot, or with --host this
# machine): install the package as a user would, use both installed programs, purge it, look for leftovers.
# Usage: deb-smoke-test.sh PACKAGE.deb CLIP.wav VERSION     (as root)
# Prints one "== step" line per step and exits non-zero at the first failure, saying why.
set -u
deb=$1 clip=$2 version=$3
work=$(dirname "$deb")
export DEBIAN_FRONTEND=noninteractive
classes='Alone / Quiet|Speech / Monologue|One-on-One Conversation|Group Discussion|Noisy Environment'

fail() { echo "deb-smoke-test: FAIL: $*"; exit 1; }
step() { echo "== $* ($((SECONDS - t0)) s)"; }
t0=$SECONDS

step "apt-get install $(basename "$deb") (Depends only: --no-install-recommends proves they are enough)"
before=$(dpkg-query -W -f='${db:Status-Abbrev}\n' | grep -c '^ii')
apt-get install -y -q --no-install-recommends "$deb" >"$work/apt-install.log" 2>&1 ||
  { tail -n 30 "$work/apt-install.log"; fail "apt-get install of the package failed"; }
after=$(dpkg-query -W -f='${db:Status-Abbrev}\n' | grep -c '^ii')
echo "installed socialctx and $((after - before - 1)) dependencies"

# What the package owns, captured while it is installed: the files (not the shared folders like /usr/bin).
dpkg -L socialctx >"$work/owned.txt" || fail "dpkg -L socialctx failed"
while IFS= read -r p; do
  if [ -f "$p" ] || [ -L "$p" ]; then echo "$p"; fi
done <"$work/owned.txt" >"$work/owned-files.txt"
echo "the package owns $(wc -l <"$work/owned-files.txt") files"

step "installed layout"
for p in /usr/bin/socialctx /usr/bin/socialctx-gui /usr/share/socialctx/models/socialctx.pt \
         /usr/share/applications/socialctx-gui.desktop /usr/share/icons/hicolor/scalable/apps/socialctx.svg \
         /usr/share/metainfo/io.github.socialctx.SocialContextClassifier.metainfo.xml \
         /usr/share/doc/socialctx/LICENSE /usr/share/doc/socialctx/copyright; do
  grep -qxF "$p" "$work/owned-files.txt" || fail "the package does not install $p"
done
icon=$(sed -n 's/^Icon=//p' /usr/share/applications/socialctx-gui.desktop)
[ -f "/usr/share/icons/hicolor/scalable/apps/$icon.svg" ] || fail "the .desktop file's Icon=$icon has no installed icon"
exec_bin=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' /usr/share/applications/socialctx-gui.desktop)
command -v "$exec_bin" >/dev/null || fail "the .desktop file's Exec=$exec_bin is not on PATH"

step "socialctx --version"
out=$(socialctx --version 2>&1) || fail "socialctx --version exited non-zero: $out"
echo "$out"
case "$out" in "socialctx $version "*) ;; *) fail "expected version $version, got: $out" ;; esac

step "socialctx info: the installed model, found without --model"
out=$(cd / && socialctx info 2>&1) || fail "socialctx info failed: $out"
echo "$out" | grep -F '"file"'
echo "$out" | grep -qF '"file": "/usr/share/socialctx/models/socialctx.pt"' ||
  fail "socialctx did not use the installed model /usr/share/socialctx/models/socialctx.pt"
if [ -f /usr/share/socialctx/models/socialctx-accurate.pt ]; then
  step "socialctx info --model accurate: the second installed model, by name, hash verified"
  out=$(cd / && socialctx info --model accurate 2>&1) || fail "socialctx info --model accurate failed: $out"
  echo "$out" | grep -qF '"file": "/usr/share/socialctx/models/socialctx-accurate.pt"' ||
    fail "--model accurate did not use /usr/share/socialctx/models/socialctx-accurate.pt: $out"
  echo "$out" | grep -qF '"sha256_verified": true' || fail "the accurate model's hash was not verified: $out"
fi

step "socialctx classify $(basename "$clip")"
out=$(cd / && socialctx classify --quiet --format jsonl "$clip" 2>&1) || fail "socialctx classify failed: $out"
echo "$out" | cut -c1-200
echo "$out" | grep -q '"status":"ok"' || fail "the clip was not classified: $out"
echo "$out" | grep -qE "\"label\":\"($classes)\"" || fail "no known class label in: $out"

step "socialctx-gui --version (QT_QPA_PLATFORM=offscreen)"
out=$(QT_QPA_PLATFORM=offscreen socialctx-gui --version 2>&1) || fail "socialctx-gui --version failed: $out"
echo "$out"
echo "$out" | grep -qF "$version" || fail "socialctx-gui --version does not print $version"

step "socialctx-gui starts and keeps running with the clip (offscreen, 10 s)"
QT_QPA_PLATFORM=offscreen timeout 10 socialctx-gui "$clip" >"$work/gui.log" 2>&1
rc=$?
[ "$rc" = 124 ] || { cat "$work/gui.log"; fail "socialctx-gui ended by itself (exit $rc) instead of running"; }

step "apt-get purge socialctx"
apt-get purge -y -q socialctx >"$work/apt-purge.log" 2>&1 || { tail -n 20 "$work/apt-purge.log"; fail "purge failed"; }
if dpkg-query -W -f='${db:Status-Abbrev}' socialctx 2>/dev/null | grep -q '^[a-z]'; then
  fail "dpkg still knows socialctx after purge: $(dpkg-query -W -f='${db:Status-Abbrev}' socialctx)"
fi
left=0
while IFS= read -r p; do
  if [ -e "$p" ] || [ -L "$p" ]; then echo "left behind: $p"; left=$((left + 1)); fi
done <"$work/owned-files.txt"
for d in /usr/share/socialctx /usr/share/doc/socialctx; do
  [ -e "$d" ] && { echo "left behind: $d"; left=$((left + 1)); }
done
[ "$left" = 0 ] || fail "$left paths left behind after purge"
echo "nothing left behind ($(wc -l <"$work/owned-files.txt") files removed)"
step "done"
