#!/usr/bin/env bash
# Runs the booking-engine benchmark without npm: bash bench/run-booking-engine.sh
# Uses DATABASE_URL's server when set (a fresh database is created and dropped), otherwise a
# throwaway embedded PostgreSQL. See bench/README.md for the settings.
set -euo pipefail
cd "$(dirname "$0")/.."
exec node node_modules/ts-node/dist/bin.js --transpile-only -r tsconfig-paths/register bench/booking-engine.ts "$@"
