#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for the tests, from Debian's packages.
#   eval "$(scripts/throwaway-postgres.sh start)"   # exports B12_TEST_DATABASE_URL and B12_PG_DIR
#   scripts/throwaway-postgres.sh stop "$B12_PG_DIR"
# As root the server runs as the `postgres` user (initdb refuses root); otherwise as the caller.
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$PGBIN" ] || { echo "PostgreSQL server not installed (scripts/system-deps.sh test installs it)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
start)
  dir=$(mktemp -d /tmp/b12-pg.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  as_pg "$PGBIN/initdb" -D "$dir/data" -A trust -U postgres >"$dir/initdb.log" 2>&1
  as_pg "$PGBIN/pg_ctl" -D "$dir/data" -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" \
    -l "$dir/server.log" -w start >/dev/null
  as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE b12test" >/dev/null
  echo "export B12_TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:$port/b12test B12_PG_DIR=$dir"
  ;;
stop)
  dir="${2:?usage: stop DIR}"
  as_pg "$PGBIN/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
