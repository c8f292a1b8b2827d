#!/usr/bin/env bash
# Makes sure Debian's chromium is installed, for the tests that open experience reports in a real
# browser (headless, offline). Installs it with apt as root when it is missing; nothing downloads a
# browser of its own. Idempotent.
set -euo pipefail

log() { printf '[ensure-chromium] %s\n' "$*" >&2; }

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  log "/usr/bin/chromium is missing and this script can only install it as root on Debian/Ubuntu: install the chromium package and run this again."
  exit 1
fi

log "installing Debian's chromium"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq chromium >/dev/null
log "installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
