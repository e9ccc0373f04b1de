#!/usr/bin/env bash
# Proves the Debian package on Debian 13 (trixie): makes a fresh trixie root (debootstrap, minbase), installs the
# build dependencies there with scripts/install-deps.sh (trixie's own LibTorch, Qt, FFmpeg...), builds this
# checkout there (Release, app and CLI, no tests), and runs scripts/test-deb.sh --host inside it: cpack with
# dpkg-shlibdeps (so the dependencies are trixie's), control fields, lintian, desktop-file-validate, appstreamcli,
# install, classify a shipped example with the installed model, launch the app offscreen, purge. The same recipe
# as Debian 12's; nothing in it names a release.
#   scripts/test-deb-trixie.sh [SUITE]     (as root; SUITE defaults to trixie; about 30-40 min on 2 cores)
# The last line is "test-deb-trixie: PASS (...)" or "test-deb-trixie: FAIL: reason"; the exit code follows it.
set -u
suite=${1:-trixie}
src=$(cd "$(dirname "$0")/.." && pwd)
t0=$SECONDS
root=""
log=$(mktemp /tmp/socialctx-trixie.XXXXXX.log)
finish() {
  local rc=$1 msg=$2
  if [ -n "$root" ] && [ -d "$root" ]; then
    for p in /proc/[0-9]*; do [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && kill -9 "${p#/proc/}" 2>/dev/null; done
    umount -l "$root/dev/pts" 2>/dev/null; umount -l "$root/proc" 2>/dev/null
    if grep -q " $root/" /proc/mounts; then echo "something is still mounted under $root: not deleting it"
    else rm -rf --one-file-system "$root"; fi
  fi
  if [ "$rc" = 0 ]; then echo "test-deb-trixie: PASS ($msg, $((SECONDS - t0)) s, $suite)"
  else echo "test-deb-trixie: FAIL: $msg ($((SECONDS - t0)) s, $suite; log $log)"; fi
  exit "$rc"
}
fail() { finish 1 "$*"; }
trap 'fail "interrupted"' INT TERM
step() { echo "== $* ($((SECONDS - t0)) s)"; }
[ "$(id -u)" = 0 ] || fail "run as root (debootstrap and chroot need it)"
command -v debootstrap >/dev/null || fail "debootstrap is missing (apt-get install debootstrap)"
mirror=$(awk '/^URIs:/ && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null)
[ -n "$mirror" ] || mirror=$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list 2>/dev/null)
[ -n "$mirror" ] || fail "no Debian mirror found in this machine's apt sources"

step "debootstrap a clean Debian $suite (minbase) from $mirror"
root=$(mktemp -d /tmp/socialctx-$suite-root.XXXXXX)
debootstrap --variant=minbase "$suite" "$root" "$mirror" >>"$log" 2>&1 || { tail -n 20 "$log"; fail "debootstrap failed"; }
echo "deb $mirror $suite main" >"$root/etc/apt/sources.list"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc" || fail "mounting /proc in the chroot failed"
mkdir -p "$root/dev/pts" && mount -t devpts -o newinstance,ptmxmode=0666 devpts "$root/dev/pts"
step "this checkout into the root (git archive HEAD)"
mkdir -p "$root/src/socialctx"
(cd "$src" && git archive HEAD) | tar -x -C "$root/src/socialctx" || fail "git archive failed"
in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
}
step "build dependencies (scripts/install-deps.sh) and the package tools"
in_root bash /src/socialctx/scripts/install-deps.sh >>"$log" 2>&1 || { tail -n 30 "$log"; fail "install-deps.sh failed on $suite"; }
in_root apt-get install -y -q --no-install-recommends fakeroot dpkg-dev lintian desktop-file-utils appstream \
  sox xauth >>"$log" 2>&1 || { tail -n 20 "$log"; fail "the package tools did not install"; }
in_root dpkg-query -W -f='${Package} ${Version}\n' libtorch-dev qt6-base-dev libavcodec-dev libsndfile1-dev 2>/dev/null
step "configure and build (Release, app + CLI, no tests)"
in_root bash -c "cd /src/socialctx && cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DSOCIALCTX_BUILD_TESTS=OFF -DSOCIALCTX_BUILD_BENCHMARKS=OFF && cmake --build build -j $(nproc)" >>"$log" 2>&1 ||
  { grep -E "error|Error" "$log" | head -n 30; fail "the build failed on $suite"; }
step "scripts/test-deb.sh --host inside the $suite root"
in_root bash /src/socialctx/scripts/test-deb.sh --host /src/socialctx/build 2>&1 | tee -a "$log" | tail -n 40
grep -q "^test-deb: PASS" "$log" || fail "test-deb.sh did not pass inside $suite"
finish 0 "built, packaged, checked, installed, used and purged in a fresh $suite root"
