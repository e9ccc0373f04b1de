#!/usr/bin/env bash
# Proves the Debian package: builds it with CPack in BUILD_DIR, checks its control fields and contents, installs it
# into a clean Debian 12 made for the test (debootstrap), runs the installed CLI on a shipped example clip with the
# installed model and the installed app's --version, purges it and checks nothing is left
# (scripts/deb-smoke-test.sh does that part inside the clean root).
#
# Usage (as root):  scripts/test-deb.sh [--host] BUILD_DIR
#   BUILD_DIR  a configured build of this repository with the app (-DSOCIALCTX_BUILD_APP=ON); cpack builds whatever
#              is not built yet.
#   --host     install into this machine with apt-get instead of a chroot (for containers that cannot mount /proc).
# Needs: fakeroot, dpkg-dev (dpkg-shlibdeps), debootstrap, and this machine's Debian mirror (read from its apt
# sources as /work/shared/tools/fresh-debian12.sh does). Takes ~5-10 minutes, mostly installing LibTorch and Qt
# into the chroot. The last line is "test-deb: PASS (...)" or "test-deb: FAIL: reason"; the exit code follows it.
set -u
mode=chroot
if [ "${1:-}" = "--host" ]; then mode=host; shift; fi
build=${1:-}
src=$(cd "$(dirname "$0")/.." && pwd)
t0=$SECONDS
tmp=$(mktemp -d /tmp/socialctx-test-deb.XXXXXX)
root=""
standin=0

finish() {  # the verdict line, then tidy up whatever was made
  local rc=$1 msg=$2
  if [ "$standin" = 1 ]; then cmake -U SOCIALCTX_MODELS_SOURCE_DIR "$build" >/dev/null 2>&1; fi
  if [ -n "$root" ] && [ -d "$root" ]; then
    for p in /proc/[0-9]*; do  # end what the test left running inside the chroot
      [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && kill -9 "${p#/proc/}" 2>/dev/null
    done
    umount -l "$root/dev/pts" 2>/dev/null; umount -l "$root/proc" 2>/dev/null
    if grep -q " $root/" /proc/mounts; then echo "something is still mounted under $root: not deleting it"
    else rm -rf --one-file-system "$root"; fi
  fi
  rm -rf "$tmp"
  if [ "$rc" = 0 ]; then echo "test-deb: PASS ($msg, $((SECONDS - t0)) s)"
  else echo "test-deb: FAIL: $msg ($((SECONDS - t0)) s)"; fi
  exit "$rc"
}
fail() { finish 1 "$*"; }
trap 'fail "interrupted"' INT TERM
step() { echo "== $* ($((SECONDS - t0)) s)"; }

[ -n "$build" ] || fail "usage: scripts/test-deb.sh [--host] BUILD_DIR"
[ -f "$build/CMakeCache.txt" ] || fail "$build is not a configured build directory"
build=$(cd "$build" && pwd)
[ "$(id -u)" = 0 ] || fail "run as root (apt-get and chroot need it)"
for tool in cpack cmake fakeroot dpkg-shlibdeps dpkg-deb readelf; do
  command -v "$tool" >/dev/null || fail "$tool is missing (scripts/install-deps.sh --test installs it)"
done
grep -q '^SOCIALCTX_BUILD_APP:BOOL=ON' "$build/CMakeCache.txt" || fail "$build was configured without the app"
version=$(sed -n 's/^ *VERSION \([0-9][0-9.]*\)$/\1/p' "$src/CMakeLists.txt" | head -n 1)
[ -n "$version" ] || fail "no project(VERSION ...) found in CMakeLists.txt"
arch=$(dpkg --print-architecture)
deb="$build/socialctx_${version}_${arch}.deb"
clip=$(find "$src/resources/examples" -maxdepth 1 -name "*.wav" 2>/dev/null | sort | head -n 1)
if [ -z "$clip" ]; then  # no shipped example yet: a clip the CLI can read, made here
  command -v sox >/dev/null || fail "no resources/examples/*.wav and no sox to make a clip"
  clip="$tmp/tone.wav"
  sox -n -r 16000 -c 1 "$clip" synth 4 sine 440 vol 0.3 || fail "sox could not make a test clip"
fi
echo "version $version, $arch, mode $mode, clip $(basename "$clip")"

# Without the trained model committed, package an untrained stand-in of the same name, so the install path
# (<prefix>/share/socialctx/models found from <prefix>/bin) is still proven; the cache entry is reset on exit.
if [ ! -f "$src/models/socialctx.pt" ]; then
  step "NOTE: models/socialctx.pt is not committed yet: packaging an UNTRAINED stand-in model"
  standin=1
  cmake --build "$build" --target socialctx >"$tmp/build-cli.log" 2>&1 ||
    { tail -n 20 "$tmp/build-cli.log"; fail "building socialctx failed"; }
  mkdir -p "$tmp/models"
  "$build/src/cli/socialctx" init-model -o "$tmp/models/socialctx.pt" --name "stand-in (untrained)" ||
    fail "socialctx init-model failed"
  cmake -DSOCIALCTX_MODELS_SOURCE_DIR="$tmp/models" "$build" >"$tmp/cmake.log" 2>&1 ||
    { tail -n 20 "$tmp/cmake.log"; fail "re-configuring $build failed"; }
fi

step "cpack -G DEB in $build"
rm -f "$deb"
(cd "$build" && cpack -G DEB) >"$tmp/cpack.log" 2>&1 || { tail -n 30 "$tmp/cpack.log"; fail "cpack -G DEB failed"; }
[ -f "$deb" ] || { tail -n 10 "$tmp/cpack.log"; fail "cpack did not write $(basename "$deb")"; }
ls -l "$deb"

step "control fields and contents"
field() { dpkg-deb -f "$deb" "$1"; }
dpkg-deb -f "$deb" Package Version Architecture Section Maintainer Homepage Depends | cut -c1-300
[ "$(field Package)" = socialctx ] || fail "Package is '$(field Package)', not socialctx"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', not $version (project(VERSION))"
[ "$(field Section)" = sound ] || fail "Section is '$(field Section)', not sound"
if [ -z "$(field Maintainer)" ] || [ -z "$(field Homepage)" ]; then fail "Maintainer or Homepage is empty"; fi
field Depends | grep -q 'libtorch' || fail "Depends has no libtorch: dpkg-shlibdeps did not run?"
field Depends | grep -q 'libqt6widgets6' || fail "Depends has no Qt Widgets"
dpkg-deb -x "$deb" "$tmp/contents" || fail "dpkg-deb -x failed"
for f in usr/bin/socialctx usr/bin/socialctx-gui; do
  [ -x "$tmp/contents/$f" ] || fail "/$f is not in the package"
  if readelf -d "$tmp/contents/$f" | grep -qE 'R(UN)?PATH'; then fail "/$f carries an RPATH (Debian's libraries need none)"; fi
  if readelf -S "$tmp/contents/$f" | grep -q '\.debug_info'; then fail "/$f is not stripped"; fi
done

# The desktop entry and AppStream metadata as installed, when the validators are there (desktop-file-utils, appstream).
desktop="$tmp/contents/usr/share/applications/socialctx-gui.desktop"
metainfo=$(find "$tmp/contents/usr/share/metainfo" -name '*.metainfo.xml' 2>/dev/null | head -n 1)
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$desktop" || fail "desktop-file-validate rejects $(basename "$desktop")"
else echo "(desktop-file-validate not installed: .desktop file not validated)"; fi
if command -v appstreamcli >/dev/null && [ -n "$metainfo" ]; then
  appstreamcli validate --pedantic --no-net "$metainfo" || fail "appstreamcli rejects $(basename "$metainfo")"
else echo "(appstreamcli not installed: metainfo not validated)"; fi
for f in usr/share/man/man1/socialctx.1.gz usr/share/man/man1/socialctx-gui.1.gz usr/share/doc/socialctx/changelog.gz \
         usr/share/doc/socialctx/user-guide.md; do
  [ -s "$tmp/contents/$f" ] || fail "/$f is not in the package"
done
# Debian's own package checker: no error may be left; warnings and notes are printed (the note on each issue says
# why any that remain are there).
if command -v lintian >/dev/null; then
  step "lintian"
  lintian --tag-display-limit 0 "$deb" 2>&1 | grep -v 'running with root privileges' | tee "$tmp/lintian.txt"
  grep -q '^E: ' "$tmp/lintian.txt" && fail "lintian reports errors (above)"
  echo "lintian: $(grep -c '^E: ' "$tmp/lintian.txt") errors, $(grep -c '^W: ' "$tmp/lintian.txt") warnings"
else echo "(lintian not installed: the package was not checked by lintian)"; fi

if [ "$mode" = host ]; then
  step "installing on this machine (--host)"
  if dpkg-query -W -f='${db:Status-Abbrev}' socialctx 2>/dev/null | grep -q '^i'; then
    fail "socialctx is already installed here: refusing to replace it"
  fi
  cp "$deb" "$clip" "$tmp/" || fail "copy failed"
  bash "$src/scripts/deb-smoke-test.sh" "$tmp/$(basename "$deb")" "$tmp/$(basename "$clip")" "$version" ||
    fail "the installed package did not work (see above)"
  finish 0 "installed, used and purged on this machine"
fi

step "debootstrap a clean Debian 12 (minbase)"
command -v debootstrap >/dev/null || fail "debootstrap is missing (apt-get install debootstrap), or use --host"
# The same Debian mirror this machine's apt uses (as /work/shared/tools/fresh-debian12.sh finds it).
mirror=$(awk '/^URIs:/ && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null)
[ -n "$mirror" ] || mirror=$(awk '$1 == "deb" && $3 == "bookworm" {print $2; exit}' /etc/apt/sources.list 2>/dev/null)
[ -n "$mirror" ] || fail "no Debian mirror found in this machine's apt sources"
root=$(mktemp -d /tmp/socialctx-deb-root.XXXXXX)
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$tmp/debootstrap.log" 2>&1 ||
  { tail -n 20 "$tmp/debootstrap.log"; fail "debootstrap failed"; }
# The package was linked against this machine's libraries, some from bookworm-updates/-security: the chroot gets
# the same suites (Debian's own deb822 file when there is one).
if [ -f /etc/apt/sources.list.d/debian.sources ]; then
  rm -f "$root/etc/apt/sources.list"
  cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/"
else
  grep -E '^deb .*(bookworm|debian-security)' /etc/apt/sources.list >"$root/etc/apt/sources.list"
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc" || fail "mounting /proc in the chroot failed (try --host)"
mkdir -p "$root/dev/pts" && mount -t devpts -o newinstance,ptmxmode=0666 devpts "$root/dev/pts"
mkdir -p "$root/tmp/socialctx-test"
cp "$deb" "$clip" "$src/scripts/deb-smoke-test.sh" "$root/tmp/socialctx-test/" || fail "copy into the chroot failed"
in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
}
step "apt-get update in the chroot"
in_root apt-get update -q >"$tmp/apt-update.log" 2>&1 || { tail -n 20 "$tmp/apt-update.log"; fail "apt-get update failed"; }
in_root bash /tmp/socialctx-test/deb-smoke-test.sh "/tmp/socialctx-test/$(basename "$deb")" \
  "/tmp/socialctx-test/$(basename "$clip")" "$version" || fail "the installed package did not work (see above)"
finish 0 "installed, used and purged in a fresh Debian 12 chroot"
