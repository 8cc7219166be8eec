#!/usr/bin/env bash
# The whole test suite, as the README's second command (`pnpm test`) and CI run it:
# lint, build, typecheck, drizzle-kit check, unit and API tests on PGlite and on PostgreSQL,
# docker-compose.yml validation, and the browser tests in Chromium against the built app.
set -euo pipefail
cd "$(dirname "$0")/.."
# Reports of an earlier run must not be mistaken for this one's.
rm -rf packages/rubric/test-results apps/api/test-results apps/web/test-results
export TURBO_TELEMETRY_DISABLED=1

step() { printf '\n\033[1m▶ %s\033[0m\n' "$*"; }
started=$SECONDS

step "Services: Chromium, PostgreSQL, docker-compose"
bash scripts/ensure-services.sh

step "Lint and format (Biome)"
pnpm exec biome ci .

step "Build, typecheck, unit and API tests (turbo)"
pnpm exec turbo run build typecheck test --output-logs=errors-only --continue=never

step "Migrations match the schema (drizzle-kit check)"
pnpm --filter @waymark/api exec drizzle-kit check

step "docker-compose.yml is valid (docker-compose config)"
docker-compose -f docker-compose.yml config -q

step "Browser tests (Chromium)"
pnpm --filter @waymark/web run test:e2e

step "Summary"
node scripts/test-summary.mjs
echo "All checks passed in $((SECONDS - started)) s."
