#!/usr/bin/env bash
# The whole test suite: static checks, unit tests, then integration tests against a real
# PostgreSQL with the real migrations (DATABASE_URL's server when set, otherwise embedded).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> Static checks (format, lint, types)"
npm run check --silent

echo "==> Unit tests"
npx jest --selectProjects unit

echo "==> Integration tests"
npx jest --selectProjects integration --runInBand
