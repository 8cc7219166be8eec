#!/usr/bin/env bash
# The whole test suite, as the README's second command (`pnpm test`) and CI run it:
# services, engine check, lint, build, typecheck, drizzle-kit check, unit and API tests on PGlite
# and on PostgreSQL, docker-compose.yml validation, and the browser tests in Chromium against the
# built app. Every step runs even when an earlier one failed (the browser tests need the build, so
# they are skipped, and counted as failed, when it fails); the summary with its closing
# "N passed, N failed" line always prints, and the script exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
# Reports of an earlier run must not be mistaken for this one's.
rm -rf packages/rubric/test-results apps/api/test-results apps/web/test-results
export TURBO_TELEMETRY_DISABLED=1

started=$SECONDS
failed_steps=()
step() { printf '\n\033[1m▶ %s\033[0m\n' "$1"; }
# run <id> "<title>" command…: runs one step; if it fails, records its id for the summary.
run() {
  local id=$1 title=$2
  shift 2
  step "$title"
  if ! "$@"; then
    failed_steps+=("$id")
    printf '\033[31m✗ %s failed\033[0m\n' "$title"
    return 1
  fi
}
summary() {
  step "Summary"
  local args=()
  for s in "${failed_steps[@]+"${failed_steps[@]}"}"; do args+=(--failed "$s"); done
  node scripts/test-summary.mjs "${args[@]+"${args[@]}"}"
  local rc=$?
  if [ "$rc" -eq 0 ] && [ ${#failed_steps[@]} -eq 0 ]; then
    echo "All checks passed in $((SECONDS - started)) s."
  else
    echo "Some checks failed (after $((SECONDS - started)) s)."
    rc=1
  fi
  exit "$rc"
}
# Even an interrupted or crashing run ends with the summary.
trap summary EXIT
trap 'exit 130' INT TERM

run services "Services: Chromium, PostgreSQL, Redis, docker-compose" bash scripts/ensure-services.sh
run engines "Every locked package supports our Node.js (engines)" node scripts/check-engines.mjs
run lint "Lint and format (Biome)" pnpm exec biome ci .
run build "Build (turbo)" pnpm exec turbo run build --output-logs=errors-only
build_ok=$?
run typecheck "Typecheck (turbo)" pnpm exec turbo run typecheck --output-logs=errors-only --continue=always
# --continue: one package's failing tests do not hide another's results.
run unit "Unit and API tests on PGlite and PostgreSQL (turbo)" \
  pnpm exec turbo run test --output-logs=errors-only --continue=always
run drizzle "Migrations match the schema (drizzle-kit check)" \
  pnpm --filter @waymark/api exec drizzle-kit check
run compose "docker-compose.yml is valid (docker-compose config)" \
  docker-compose -f docker-compose.yml config -q
if [ "$build_ok" -eq 0 ]; then
  run e2e "Browser tests (Chromium)" pnpm --filter @waymark/web run test:e2e
else
  step "Browser tests (Chromium)"
  echo "not run: the build failed"
  failed_steps+=(e2e)
fi
