#!/usr/bin/env bash
# `pnpm bench`: build what the benchmark runs, make sure PostgreSQL is up, then measure.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
bash scripts/ensure-services.sh
pnpm exec turbo run build --filter=@waymark/api... --filter=@waymark/web --output-logs=errors-only
node bench/run.mjs
