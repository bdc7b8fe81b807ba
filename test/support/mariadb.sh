#!/usr/bin/env bash
# Makes sure a MariaDB server answers on 127.0.0.1 and prints "<port> <pid-if-we-started-it>".
#   1. one that already runs on 127.0.0.1:$MARIADB_SYSTEM_PORT (3306; the project's machines: root, empty password), else
#   2. a private server on 127.0.0.1:3307 with its data under $MARIADB_PRIVATE_DIR, installing
#      mariadb-server with apt-get first when it is missing and we run as root.
# Idempotent: a private server left running by an earlier run is reused.
# Usage: mariadb.sh start | mariadb.sh stop <pid>
set -euo pipefail

PRIVATE_DIR=${MARIADB_PRIVATE_DIR:-${TMPDIR:-/tmp}/exchange-hosting-mariadb}
SYSTEM_PORT=${MARIADB_SYSTEM_PORT:-3306}
PRIVATE_PORT=${MARIADB_PRIVATE_PORT:-3307}

log() { echo "mariadb.sh: $*" >&2; }
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

install_server() {
  command -v mariadbd >/dev/null && command -v mariadb-install-db >/dev/null && return 0
  if [ "$(id -u)" != 0 ]; then
    log "MariaDB is neither running on 127.0.0.1:3306 nor installed. Install it (apt-get install mariadb-server) or start one with root and an empty password."
    exit 1
  fi
  log "installing mariadb-server with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends mariadb-server >&2
}

start() {
  if answers "$SYSTEM_PORT"; then echo "$SYSTEM_PORT"; return; fi
  if answers "$PRIVATE_PORT"; then echo "$PRIVATE_PORT"; return; fi
  install_server
  mkdir -p "$PRIVATE_DIR"
  if [ ! -d "$PRIVATE_DIR/data/mysql" ]; then
    log "initialising a private MariaDB in $PRIVATE_DIR/data"
    mariadb-install-db --no-defaults --datadir="$PRIVATE_DIR/data" --user=root \
      --auth-root-authentication-method=normal --skip-test-db >"$PRIVATE_DIR/install.log" 2>&1
  fi
  mariadbd --no-defaults --datadir="$PRIVATE_DIR/data" --socket="$PRIVATE_DIR/mysqld.sock" \
    --port="$PRIVATE_PORT" --bind-address=127.0.0.1 --user=root --pid-file="$PRIVATE_DIR/mariadbd.pid" \
    --skip-log-bin --innodb-flush-log-at-trx-commit=2 </dev/null >"$PRIVATE_DIR/mariadbd.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do
    if answers "$PRIVATE_PORT"; then echo "$PRIVATE_PORT $pid"; return; fi
    if ! kill -0 "$pid" 2>/dev/null; then log "mariadbd exited; see $PRIVATE_DIR/mariadbd.log"; tail -20 "$PRIVATE_DIR/mariadbd.log" >&2; exit 1; fi
    sleep 0.25
  done
  log "mariadbd did not answer on 127.0.0.1:$PRIVATE_PORT within 30 s"
  exit 1
}

stop() {
  local pid=${1:?pid}
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.25; done
  kill -9 "$pid" 2>/dev/null || true
}

case "${1:-start}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) log "usage: $0 start | stop <pid>"; exit 2 ;;
esac
