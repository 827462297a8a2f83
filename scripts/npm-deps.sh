#!/usr/bin/env bash
# Installs node_modules from package-lock.json when they are missing, were installed from another
# lockfile, or were installed by a Node with another native-addon ABI (install scripts such as
# argon2's build for the Node that runs npm ci). Source it after scripts/node-runtime.sh:
#
#   source scripts/node-runtime.sh && source scripts/npm-deps.sh
_distans_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_distans_stamp="node-abi=$(node -p process.versions.modules) lock=$(sha256sum "${_distans_root}/package-lock.json" | cut -c1-16)"
if [ "$(cat "${_distans_root}/node_modules/.distans-install" 2>/dev/null)" != "${_distans_stamp}" ]; then
  echo "==> Installing dependencies from package-lock.json with Node $(node --version) (about 2 minutes)"
  (cd "${_distans_root}" && npm ci --no-audit --no-fund) || {
    echo "ERROR: npm ci failed; see the output above" >&2
    unset _distans_root _distans_stamp
    return 1 2>/dev/null || exit 1
  }
  echo "${_distans_stamp}" >"${_distans_root}/node_modules/.distans-install"
fi
unset _distans_root _distans_stamp
