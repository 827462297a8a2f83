#!/usr/bin/env bash
# The whole test suite: static checks, unit tests, integration tests against a real PostgreSQL
# with the real migrations (DATABASE_URL's server when set, otherwise embedded), then the
# end-to-end meeting in two headless Chromium pages through the real mediasoup worker. Runs on a
# supported Node (scripts/node-runtime.sh) and installs node_modules when they are missing.
#
#   bash scripts/test.sh                      # everything (npm test)
#   bash scripts/test.sh unit integration     # only these layers, in this order
set -euo pipefail
cd "$(dirname "$0")/.."

layers=("$@")
((${#layers[@]})) || layers=(check unit integration e2e)
for layer in "${layers[@]}"; do
  case "$layer" in check | unit | integration | e2e) ;; *)
    echo "ERROR: unknown test layer '$layer' (check, unit, integration, e2e)" >&2
    exit 2
    ;;
  esac
done

source scripts/node-runtime.sh
source scripts/npm-deps.sh
source scripts/worker-bin.sh

for layer in "${layers[@]}"; do
  case "$layer" in
    check)
      echo "==> Static checks (format, lint, types)"
      npm run check --silent
      ;;
    unit)
      echo "==> Unit tests (Node $(node --version))"
      npx jest --selectProjects unit
      ;;
    integration)
      echo "==> Integration tests (Node $(node --version))"
      npx jest --selectProjects integration --runInBand
      ;;
    e2e)
      echo "==> Browser end-to-end tests (Debian Chromium, fake camera and microphone)"
      source scripts/ensure-chromium.sh
      npm run build:web --silent
      npx jest --selectProjects e2e --runInBand
      ;;
  esac
done
