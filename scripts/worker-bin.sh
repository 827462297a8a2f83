#!/usr/bin/env bash
# Builds (or finds in the cache) the mediasoup worker and exports MEDIASOUP_WORKER_BIN.
#
#   source scripts/worker-bin.sh      # in scripts/start.sh, scripts/test.sh, .ci/run
#
# A binary already named by MEDIASOUP_WORKER_BIN is kept. A first build takes 10-15 minutes on
# 2 cores, longer on a busy machine (apt packages, then compiling, with progress lines); later
# calls hit the cache outside the checkout at once.
# mediasoup reads the variable when it is first loaded, so this must run before Node starts.
_distans_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -n "${MEDIASOUP_WORKER_BIN:-}" ] && [ -x "${MEDIASOUP_WORKER_BIN}" ]; then
  echo "==> mediasoup worker: ${MEDIASOUP_WORKER_BIN} (from MEDIASOUP_WORKER_BIN)"
else
  echo "==> mediasoup worker: building or reusing the cached build (infra/mediasoup-worker/build.sh)"
  # build.sh writes its progress and apt's output to stderr (straight to the terminal, in order)
  # and only the binary's path to stdout.
  _distans_out="$(bash "${_distans_root}/infra/mediasoup-worker/build.sh" | tail -1)" || {
    echo "ERROR: the mediasoup worker build failed; see the output above" >&2
    return 1 2>/dev/null || exit 1
  }
  if [ ! -x "${_distans_out}" ]; then
    echo "ERROR: infra/mediasoup-worker/build.sh did not print an executable path (got '${_distans_out}')" >&2
    return 1 2>/dev/null || exit 1
  fi
  export MEDIASOUP_WORKER_BIN="${_distans_out}"
  echo "==> mediasoup worker: ${MEDIASOUP_WORKER_BIN}"
fi
unset _distans_root _distans_out
