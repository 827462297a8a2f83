#!/usr/bin/env bash
# Starts the whole system with demo data from a fresh clone: picks a supported Node (fetching Node
# 24 from the npm registry when the machine's is older), installs dependencies on first run,
# builds, and starts the API. Without DATABASE_URL it runs its own embedded PostgreSQL under .data/.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/node-runtime.sh
source scripts/npm-deps.sh
source scripts/worker-bin.sh

echo "==> Building the API and the web clients"
npm run build --silent
npm run build:web --silent

export DEMO_MODE="${DEMO_MODE:-true}"
if [ -z "${DATABASE_URL:-}" ]; then
  echo "==> DATABASE_URL is not set: the API starts an embedded PostgreSQL in .data/postgres (first start initialises it)"
fi
exec node dist/apps/api/src/main.js
