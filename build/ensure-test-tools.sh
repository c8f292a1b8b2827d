#!/usr/bin/env bash
# Installs the tools the endpoint and registry tests start (as root on Debian/Ubuntu, when missing):
# docker-registry (a local registry), htpasswd (apache2-utils, its basic auth), socat and openssl (a
# TLS endpoint in front of the engine). Idempotent.
set -euo pipefail

log() { printf '[test-tools] %s\n' "$*" >&2; }

missing=()
command -v docker-registry >/dev/null 2>&1 || missing+=(docker-registry)
command -v htpasswd >/dev/null 2>&1 || missing+=(apache2-utils)
command -v socat >/dev/null 2>&1 || missing+=(socat)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  log "missing ${missing[*]}; install them (Debian/Ubuntu package names) to run the endpoint and registry tests"
  exit 1
fi

log "installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || { apt-get update -qq >/dev/null; apt-get install -y -qq "${missing[@]}" >/dev/null; }
