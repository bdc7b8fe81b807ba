#!/usr/bin/env bash
# Makes sure Debian's dnsmasq binary is there for the DNS tests (test/support/dnsmasq.ts starts one per test file
# on a loopback port, as the user running the tests; nothing system-wide is configured or started).
#   dnsmasq.sh install   installs dnsmasq-base with apt-get when dnsmasq is missing and we run as root
# dnsmasq-base is the dnsmasq program alone: the `dnsmasq` package would also enable a system service on port 53.
set -euo pipefail

log() { echo "dnsmasq.sh: $*" >&2; }

install() {
  command -v dnsmasq >/dev/null && return 0
  if [ "$(id -u)" != 0 ]; then
    log "dnsmasq is not installed. Install it: apt-get install dnsmasq-base"
    exit 1
  fi
  log "installing dnsmasq-base with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  local apt_log=${TMPDIR:-/tmp}/exchange-hosting-dnsmasq-apt.log
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends dnsmasq-base; } >"$apt_log" 2>&1 \
    || { log "apt-get failed:"; tail -20 "$apt_log" >&2; exit 1; }
}

case "${1:-}" in
  install) install ;;
  *) echo "usage: dnsmasq.sh install" >&2; exit 2 ;;
esac
