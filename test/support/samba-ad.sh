#!/usr/bin/env bash
# A throwaway Samba AD DC (realm HOSTING.TEST, domain HOSTING) on loopback with LDAPS on 636.
#   samba-ad.sh start <dir>   provision a fresh domain into <dir>, start samba, wait until LDAP and LDAPS answer
#   samba-ad.sh stop <dir>    stop the samba started from <dir> (by its PID) and remove <dir>
# Installs samba with apt-get when it is missing and we run as root. Provisioning touches nothing under /etc.
# A samba left running by an earlier, interrupted run (same temp prefix) is stopped first: the ports are shared.
set -euo pipefail

ADMIN_PASSWORD=${SAMBA_ADMIN_PASSWORD:-Hosting-Test-Pass1!}
STALE_PATTERN='exchange-hosting-samba-'
# samba renames its processes ("samba: root process"), so the last started PID is also kept here.
LAST_PID_FILE=${TMPDIR:-/tmp}/exchange-hosting-samba.pid

log() { echo "samba-ad.sh: $*" >&2; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

install_samba() {
  command -v samba >/dev/null && command -v samba-tool >/dev/null && command -v ldapsearch >/dev/null && return 0
  if [ "$(id -u)" != 0 ]; then
    log "Samba AD DC is not installed. Install it: apt-get install samba samba-ad-dc winbind ldap-utils"
    exit 1
  fi
  log "installing samba, samba-ad-dc, winbind and ldap-utils with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  local apt_log=${TMPDIR:-/tmp}/exchange-hosting-samba-apt.log
  { apt-get update -qq && apt-get install -y -qq samba samba-ad-dc winbind ldap-utils; } >"$apt_log" 2>&1 \
    || { log "apt-get failed:"; tail -20 "$apt_log" >&2; exit 1; }
}

stop_pid() {
  local pid=$1
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = samba ] || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.25; done
  kill -9 "$pid" 2>/dev/null || true
}

stop_stale() {
  [ -f "$LAST_PID_FILE" ] || return 0
  log "stopping a samba left over by an earlier run (PID $(cat "$LAST_PID_FILE"))"
  stop_pid "$(cat "$LAST_PID_FILE")"
  rm -f "$LAST_PID_FILE"
}

start() {
  local dir=${1:?usage: samba-ad.sh start <dir>}
  case "$dir" in *"$STALE_PATTERN"*) ;; *) log "<dir> must contain '$STALE_PATTERN'"; exit 2 ;; esac
  install_samba
  stop_stale
  if port_open 389 || port_open 636; then
    log "something else listens on 127.0.0.1:389 or :636 (a system samba?); stop it first"
    exit 1
  fi
  rm -rf "$dir" && mkdir -p "$dir"
  samba-tool domain provision --targetdir="$dir" --realm=HOSTING.TEST --domain=HOSTING \
    --adminpass="$ADMIN_PASSWORD" --server-role=dc --dns-backend=NONE --use-rfc2307 \
    --host-ip=127.0.0.1 --option="interfaces=lo" --option="bind interfaces only=yes" \
    --option="dsdb:schema update allowed=true" --option="log file=$dir/log.%m" \
    --option="server services=ldap, cldap, kdc, rpc" >"$dir/provision.log" 2>&1 \
    || { log "provisioning failed:"; tail -20 "$dir/provision.log" >&2; exit 1; }
  TDB_NO_FSYNC=1 samba -s "$dir/etc/smb.conf" -i --debug-stdout -d1 </dev/null >"$dir/samba.out" 2>&1 &
  echo $! >"$dir/samba.pid"
  cp "$dir/samba.pid" "$LAST_PID_FILE"
  for _ in $(seq 1 240); do
    if ! kill -0 "$(cat "$dir/samba.pid")" 2>/dev/null; then log "samba exited:"; tail -20 "$dir/samba.out" >&2; exit 1; fi
    if port_open 636 && ldapsearch -x -H ldap://127.0.0.1:389 -s base -b '' defaultNamingContext >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.25
  done
  log "samba did not answer on 389/636 within 60 s; see $dir/samba.out"
  exit 1
}

stop() {
  local dir=${1:?usage: samba-ad.sh stop <dir>}
  if [ -f "$dir/samba.pid" ]; then
    stop_pid "$(cat "$dir/samba.pid")"
    [ "$(cat "$LAST_PID_FILE" 2>/dev/null)" = "$(cat "$dir/samba.pid")" ] && rm -f "$LAST_PID_FILE"
  fi
  case "$dir" in *"$STALE_PATTERN"*) rm -rf "$dir" ;; esac
}

case "${1:-}" in
  start) start "${2:-}" ;;
  stop) stop "${2:-}" ;;
  *) log "usage: $0 start|stop <dir>"; exit 2 ;;
esac
