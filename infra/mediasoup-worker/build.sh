#!/usr/bin/env bash
# Build the mediasoup C++ worker from the npm tarball in node_modules plus
# Debian packages, without downloading anything from GitHub/PyPI.
#
# Usage:
#   MEDIASOUP_WORKER_BIN=$(bash infra/mediasoup-worker/build.sh)
#   bash infra/mediasoup-worker/build.sh --deps-only   # only install apt packages
#   MEDIASOUP_WORKER_MESON_ARGS="-Db_lto=true" bash infra/mediasoup-worker/build.sh
#                          # a variant with extra meson options (its own cache key), to compare
#
# Progress, apt's output and errors go to stderr, in the order they happen; stdout carries one
# line, the absolute path of the worker binary. The binary is cached outside the checkout, keyed
# by the mediasoup version and a hash of the files in this directory:
#   ${DISTANS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/distans}/mediasoup-worker/<version>-<sha>/mediasoup-worker
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HERE/../.." && pwd)"
MS_DIR="$REPO_ROOT/node_modules/mediasoup"
JOBS="${MEDIASOUP_BUILD_JOBS:-$(nproc 2>/dev/null || echo 2)}"

log() { echo "[mediasoup-worker] $*" >&2; }
die() { echo "[mediasoup-worker] ERROR: $*" >&2; exit 1; }

# libsrtp is built from Debian's source package with OpenSSL as its crypto (see README.md:
# Debian's own libsrtp2 binary uses NSS, which costs about 25 µs per packet instead of 4).
LIBSRTP_VERSION=2.5.0
LIBSRTP_ORIG="libsrtp2_${LIBSRTP_VERSION}.orig.tar.gz"
LIBSRTP_SHA256=8a43ef8e9ae2b665292591af62aa1a4ae41e468b6d98d8258f91478735da4e09
EXTRA_MESON_ARGS="${MEDIASOUP_WORKER_MESON_ARGS:-}"

DEPS_ONLY=0
[[ "${1:-}" == "--deps-only" ]] && DEPS_ONLY=1

# ---------------------------------------------------------------- cache key
[[ -f "$MS_DIR/package.json" ]] || die "$MS_DIR/package.json not found (run npm ci first)"
[[ -d "$MS_DIR/worker" ]] || die "$MS_DIR/worker not found"
MS_VERSION="$(sed -n 's/^[[:space:]]*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$MS_DIR/package.json" | head -1)"
[[ -n "$MS_VERSION" ]] || die "cannot read mediasoup version from $MS_DIR/package.json"

# Hash of everything that shapes the build: this script, the stub subprojects and our patches
# (paths + contents), the machine architecture and the mediasoup version.
BUILD_HASH="$(
  cd "$HERE"
  {
    echo "mediasoup=$MS_VERSION arch=$(uname -m) libsrtp=$LIBSRTP_VERSION"
    [[ -z "$EXTRA_MESON_ARGS" ]] || echo "meson-args=$EXTRA_MESON_ARGS"
    find build.sh subprojects patches -type f | LC_ALL=C sort | while read -r f; do
      echo "== $f"
      cat "$f"
    done
  } | sha256sum | cut -c1-12
)"
KEY="$MS_VERSION-$BUILD_HASH"
CACHE_ROOT="${DISTANS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/distans}/mediasoup-worker"
mkdir -p "$CACHE_ROOT"
CACHE_ROOT="$(cd "$CACHE_ROOT" && pwd)"
case "$CACHE_ROOT/" in
  "$REPO_ROOT"/*) die "cache dir $CACHE_ROOT is inside the checkout; set DISTANS_CACHE_DIR elsewhere" ;;
esac
OUT_DIR="$CACHE_ROOT/$KEY"
BIN="$OUT_DIR/mediasoup-worker"

# The binary links Debian's shared libs (libuv, libssl, abseil); a cached one whose
# libraries went missing since is rebuilt.
cache_hit() {
  [[ -x "$BIN" ]] && ! ldd "$BIN" 2>/dev/null | grep -q 'not found'
}
if [[ "$DEPS_ONLY" == 0 ]]; then
  if cache_hit; then
    log "cache hit: mediasoup $MS_VERSION (key $KEY)"
    echo "$BIN"
    exit 0
  fi
  # Worktrees and CI share the cache: one build per key at a time, the others wait for it and
  # then reuse its binary instead of wiping its scratch build (the lock is released when this
  # script exits). Without flock (not Linux) builds are not serialised.
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$CACHE_ROOT/.lock-$KEY"
    if ! flock -n 9; then
      log "another build of mediasoup $MS_VERSION (key $KEY) is running; waiting for it"
      flock 9
      if cache_hit; then
        log "cache hit after waiting: mediasoup $MS_VERSION (key $KEY)"
        echo "$BIN"
        exit 0
      fi
    fi
  fi
  [[ -x "$BIN" ]] && log "cached $BIN has missing shared libraries; rebuilding"
fi

# ---------------------------------------------------------------- apt deps
APT_PKGS=(ninja-build pkg-config g++ patch libuv1-dev libssl-dev curl ca-certificates
  libabsl-dev libflatbuffers-dev flatbuffers-compiler)

SUDO=""
if [[ "$(id -u)" != 0 ]]; then
  command -v sudo >/dev/null 2>&1 && SUDO="sudo" || true
fi
export DEBIAN_FRONTEND=noninteractive
APT_UPDATED=0
apt_update() {
  if [[ "$APT_UPDATED" == 0 ]]; then
    log "apt-get update"
    $SUDO apt-get update -qq >&2
    APT_UPDATED=1
  fi
}
is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

missing=()
for p in "${APT_PKGS[@]}"; do is_installed "$p" || missing+=("$p"); done
if ((${#missing[@]})); then
  apt_update
  log "apt-get install ${missing[*]}"
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
else
  log "apt packages already installed"
fi

# The Debian mirror this machine's apt already uses (for backports and the libsrtp source).
debian_mirror() {
  local mirror
  mirror="$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -m1 '/debian/\?$' || true)"
  [[ -n "$mirror" ]] || mirror="$(grep -hs '^deb ' /etc/apt/sources.list | awk '{print $2}' | grep -m1 '/debian/\?$' || true)"
  echo "${mirror:-http://deb.debian.org/debian}"
}

# mediasoup needs meson >= 1.1; Debian bookworm main has 1.0.1, backports has 1.x.
meson_ok() {
  command -v meson >/dev/null 2>&1 || return 1
  local v
  v="$(meson --version 2>/dev/null)" || return 1
  [[ "$(printf '%s\n%s\n' 1.1.0 "$v" | sort -V | head -1)" == 1.1.0 ]]
}
if ! meson_ok; then
  codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
  [[ -n "$codename" ]] || die "cannot determine Debian codename for backports"
  if ! grep -rqs -- "${codename}-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
    mirror="$(debian_mirror)"
    log "adding apt source ${codename}-backports ($mirror)"
    $SUDO tee "/etc/apt/sources.list.d/${codename}-backports.sources" >/dev/null <<EOF
Types: deb
URIs: $mirror
Suites: ${codename}-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    APT_UPDATED=0
  fi
  apt_update
  log "apt-get install -t ${codename}-backports meson"
  $SUDO apt-get install -y -qq --no-install-recommends -t "${codename}-backports" meson >&2
  meson_ok || die "meson >= 1.1 still not available"
fi
log "meson $(meson --version), ninja $(ninja --version), $(g++ --version | head -1)"

if [[ "$DEPS_ONLY" == 1 ]]; then
  log "dependencies installed"
  exit 0
fi

# ---------------------------------------------------------------- build
BUILD_ROOT="$CACHE_ROOT/.build-$KEY"
log "preparing scratch build dir $BUILD_ROOT"
rm -rf "$BUILD_ROOT"
mkdir -p "$BUILD_ROOT"
cp -a "$MS_DIR/worker" "$BUILD_ROOT/worker"
rm -rf "$BUILD_ROOT/worker/out"
# Our fixes to mediasoup's worker, each a patch against the version in node_modules (patches/,
# part of the cache key); a patch that no longer applies stops the build rather than being
# skipped.
for fix in "$HERE"/patches/*.patch; do
  [[ -f "$fix" ]] || continue
  log "patch $(basename "$fix")"
  patch -p1 --forward --batch --quiet -d "$BUILD_ROOT/worker" <"$fix" || die "$(basename "$fix") does not apply to mediasoup $MS_VERSION"
done
# Stub subprojects: meson uses a wrap-file subproject without downloading when
# the folder named by the wrap's `directory =` line already exists.
for stub in "$HERE"/subprojects/*/; do
  name="$(basename "$stub")"
  wrap="$BUILD_ROOT/worker/subprojects/$name.wrap"
  [[ -f "$wrap" ]] || die "no $name.wrap in mediasoup $MS_VERSION worker/subprojects"
  dir="$(sed -n 's/^directory[[:space:]]*=[[:space:]]*//p' "$wrap" | tr -d '[:space:]')"
  [[ -n "$dir" ]] || die "no directory= line in $wrap"
  log "stub subproject $name -> subprojects/$dir"
  cp -a "$stub" "$BUILD_ROOT/worker/subprojects/$dir"
done

# libsrtp with OpenSSL, static, into the scratch dir. The upstream tarball comes from Debian's
# source pool (the same one Debian builds libsrtp2-1 from), checked against its published
# SHA-256 and kept in the cache. Its pkg-config file is renamed libsrtp2-openssl so that the
# libsrtp3 stub can never pick up Debian's NSS build instead.
build_libsrtp() {
  local tarball="$CACHE_ROOT/sources/$LIBSRTP_ORIG"
  local url
  url="$(debian_mirror)"
  url="${url%/}/pool/main/libs/libsrtp2/$LIBSRTP_ORIG"
  if ! echo "$LIBSRTP_SHA256  $tarball" | sha256sum -c --status 2>/dev/null; then
    mkdir -p "$CACHE_ROOT/sources"
    log "downloading $url"
    curl -fsSL --retry 3 -o "$tarball.tmp.$$" "$url" || die "cannot download $url"
    echo "$LIBSRTP_SHA256  $tarball.tmp.$$" | sha256sum -c --status \
      || die "$LIBSRTP_ORIG does not match its SHA-256 $LIBSRTP_SHA256"
    mv -f "$tarball.tmp.$$" "$tarball"
  fi
  local src="$BUILD_ROOT/libsrtp-src" prefix="$BUILD_ROOT/libsrtp"
  mkdir -p "$src"
  tar xzf "$tarball" -C "$src" --strip-components=1
  log "building libsrtp $LIBSRTP_VERSION with OpenSSL"
  (cd "$src" && meson setup build --buildtype=release -Ddefault_library=static -Db_staticpic=true \
    -Dcrypto-library=openssl -Dcrypto-library-kdf=disabled -Dtests=disabled -Dpcap-tests=disabled \
    -Ddoc=disabled --prefix="$prefix" --libdir=lib \
    && ninja -C build install) >"$BUILD_ROOT/libsrtp.log" 2>&1 \
    || { tail -40 "$BUILD_ROOT/libsrtp.log" >&2; die "libsrtp build failed (log: $BUILD_ROOT/libsrtp.log)"; }
  mv "$prefix/lib/pkgconfig/libsrtp2.pc" "$prefix/lib/pkgconfig/libsrtp2-openssl.pc"
  export PKG_CONFIG_PATH="$prefix/lib/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
}
build_libsrtp

START=$SECONDS
elapsed() { local t=$((SECONDS - START)); printf '%dm%02ds' $((t / 60)) $((t % 60)); }

# ninja prints one "[done/total] ..." line per compile step; show one every 10 % (or after a
# minute without one) with the time so far and a rough estimate of what is left. The full output
# goes to ninja.log.
show_progress() {
  local line step total pct shown_pct=-1 shown_at=$SECONDS left
  while IFS= read -r line; do
    [[ "$line" =~ ^\[([0-9]+)/([0-9]+)\] ]] || continue
    step="${BASH_REMATCH[1]}" total="${BASH_REMATCH[2]}"
    pct=$((100 * step / total))
    if ((pct / 10 > shown_pct / 10 || SECONDS - shown_at >= 60 || step == total)); then
      left=""
      if ((step > 0 && step < total)); then
        left=$(((SECONDS - START) * (total - step) / step))
        left=", about $((left / 60 + 1)) min left"
      fi
      log "compiling [$step/$total] $pct% after $(elapsed)$left"
      shown_pct=$pct shown_at=$SECONDS
    fi
  done
}

cd "$BUILD_ROOT/worker"
log "meson setup (release, no downloads)"
log "meson options: --buildtype=release ${EXTRA_MESON_ARGS:-(no extra)}"
meson setup build --wrap-mode=nodownload --buildtype=release $EXTRA_MESON_ARGS >"$BUILD_ROOT/meson-setup.log" 2>&1 \
  || { tail -40 "$BUILD_ROOT/meson-setup.log" >&2; die "meson setup failed (log: $BUILD_ROOT/meson-setup.log)"; }
log "compiling mediasoup-worker with ninja -j$JOBS: 10-15 min on 2 cores, longer on a busy machine"
ninja -C build -j"$JOBS" mediasoup-worker 2>&1 | tee "$BUILD_ROOT/ninja.log" | show_progress \
  || {
    grep -E -m5 -A8 'FAILED:|error:' "$BUILD_ROOT/ninja.log" >&2 || tail -60 "$BUILD_ROOT/ninja.log" >&2
    die "build failed (log: $BUILD_ROOT/ninja.log)"
  }
log "build finished in $(elapsed)"

mkdir -p "$OUT_DIR"
install -m 0755 "build/mediasoup-worker" "$BIN.tmp.$$"
mv -f "$BIN.tmp.$$" "$BIN"
cd "$CACHE_ROOT"
rm -rf "$BUILD_ROOT"
log "installed $BIN"
echo "$BIN"
