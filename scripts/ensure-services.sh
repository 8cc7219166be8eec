#!/usr/bin/env bash
# Makes sure what the test suite needs is on this machine: Debian's Chromium for the browser tests,
# a running local PostgreSQL server with a `waymark` role, a running Redis (the shared rate-limit
# tests), and Debian's docker-compose to check docker-compose.yml. Idempotent: on a machine that has everything it only checks.
set -euo pipefail

log() { printf 'ensure-services: %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v redis-cli >/dev/null 2>&1 || missing+=(redis-tools)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]} from Debian's packages"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

PGURL_ADMIN="${TEST_DATABASE_URL:-postgres://waymark:waymark@127.0.0.1:5432/postgres}"
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  log "starting PostgreSQL"
  cluster=$(ls /etc/postgresql | sort -V | tail -n 1)
  as_root pg_ctlcluster --skip-systemctl-redirect "$cluster" main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi

# A role of our own, made through the socket as the postgres superuser, so the tests work
# whether the server trusts local TCP connections or asks for a password.
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  if ! PGPASSWORD=waymark psql "$PGURL_ADMIN" -tAc 'select 1' >/dev/null 2>&1; then
    log "creating the waymark role"
    as_root su postgres -c "psql -q -c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'waymark') THEN CREATE ROLE waymark LOGIN SUPERUSER PASSWORD 'waymark'; ELSE ALTER ROLE waymark LOGIN SUPERUSER PASSWORD 'waymark'; END IF; END \\\$\\\$;\""
  fi
fi
PGPASSWORD=waymark psql "$PGURL_ADMIN" -tAc 'select 1' >/dev/null

# Redis on 127.0.0.1:6379, keeping nothing on disk (tests only).
redis_up() { [ "$(timeout 2 redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = PONG ]; }
if ! redis_up; then
  log "starting Redis"
  # Debian's package may start its own service on install; a second start on a taken port fails.
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no || true
  for _ in $(seq 1 30); do redis_up && break; sleep 0.5; done
  redis_up || { log "Redis did not start on 127.0.0.1:6379"; exit 1; }
fi
log "ready: chromium, docker-compose, PostgreSQL and Redis"
