#!/usr/bin/env bash
# The system packages B12 Assist needs, installed when missing. Used by `make run`, `make test`,
# `make cluster` and `.ci/run` alike.
#   scripts/system-deps.sh run        Node.js + npm (the widget bundle)
#   scripts/system-deps.sh test       + Chromium (browser tests) + PostgreSQL server (database tests)
#   scripts/system-deps.sh cluster    + Redis + nginx (the scale-out topology)
# As root it installs with apt-get; otherwise it stops at once with the exact command to run.
set -euo pipefail
what="${1:-run}"

need=()   # Debian package names still missing
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm  >/dev/null 2>&1 || need+=(npm)
if [ "$what" = test ] || [ "$what" = cluster ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
fi
if [ "$what" = cluster ]; then
  command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
fi

[ ${#need[@]} -eq 0 ] && exit 0

cmd="apt-get update && apt-get install -y ${need[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "B12 Assist needs these system packages: ${need[*]}" >&2
  echo "Install them, then run the same make command again:" >&2
  echo "    sudo sh -c '$cmd'" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "B12 Assist needs: ${need[*]} (no apt-get here: install them with your package manager)" >&2
  exit 1
fi
echo "installing system packages: ${need[*]} (apt-get; log: /tmp/b12-apt.log)"
export DEBIAN_FRONTEND=noninteractive
SECONDS=0
{ apt-get update -qq && apt-get install -y -qq "${need[@]}"; } >/tmp/b12-apt.log 2>&1 \
  || { tail -20 /tmp/b12-apt.log; echo "apt-get failed: $cmd" >&2; exit 1; }
echo "system packages installed in ${SECONDS}s"
