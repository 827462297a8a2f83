#!/usr/bin/env bash
# The whole test suite: static checks, unit tests, integration tests against a real PostgreSQL
# with the real migrations (DATABASE_URL's server when set, otherwise embedded), then the
# end-to-end meeting in two headless Chromium pages through the real mediasoup worker.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/worker-bin.sh

echo "==> Static checks (format, lint, types)"
npm run check --silent

echo "==> Unit tests"
npx jest --selectProjects unit

echo "==> Integration tests"
npx jest --selectProjects integration --runInBand

echo "==> Browser end-to-end tests (Debian Chromium, fake camera and microphone)"
source scripts/ensure-chromium.sh
npm run build:web --silent
npx jest --selectProjects e2e --runInBand
