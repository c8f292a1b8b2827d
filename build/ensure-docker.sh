#!/usr/bin/env bash
# Makes sure a Docker engine answers. Uses DOCKER_HOST or the default socket when one already
# answers; otherwise, as root on Debian/Ubuntu, installs Debian's docker.io and starts dockerd in
# the background. Idempotent: returns at once when an engine is already up.
set -euo pipefail

log() { printf '[ensure-docker] %s\n' "$*" >&2; }

engine_answers() { timeout 5 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

if command -v docker >/dev/null 2>&1 && engine_answers; then
  log "engine answers at ${DOCKER_HOST:-unix:///var/run/docker.sock} (server $(docker version --format '{{.Server.Version}}'))"
  exit 0
fi

if [ -n "${DOCKER_HOST:-}" ]; then
  log "DOCKER_HOST=$DOCKER_HOST is set but no engine answers there. Start that engine, or unset DOCKER_HOST to use a local one."
  exit 1
fi

if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  log "No Docker engine answers at unix:///var/run/docker.sock and this script can only install one as root on Debian/Ubuntu."
  log "Install Docker Engine (https://docs.docker.com/engine/install/) or Docker Desktop, start it, and run this again."
  exit 1
fi

if ! command -v dockerd >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  # Debian's docker.io conflicts with Docker's own packages: where Docker's CLI package is installed, add
  # Docker's engine package from the same source rather than replacing the CLI.
  if dpkg -s docker-ce-cli >/dev/null 2>&1; then
    log "installing Docker's docker-ce engine (docker-ce-cli is installed)"
    apt-get install -y -qq docker-ce containerd.io >/dev/null || {
      log "could not install docker-ce next to docker-ce-cli; install Docker Engine (https://docs.docker.com/engine/install/) and run this again."
      exit 1
    }
  else
    log "installing Debian's docker.io (dockerd, containerd, runc)"
    apt-get install -y -qq docker.io >/dev/null
  fi
fi

# A dockerd that is still coming up has written its pid file: don't start a second one.
dockerd_running() { [ -f /var/run/docker.pid ] && kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; }

if ! dockerd_running; then
  log "starting dockerd in the background (log: /var/log/resim-dockerd.log)"
  nohup dockerd >/var/log/resim-dockerd.log 2>&1 &
fi

for _ in $(seq 1 120); do
  if engine_answers; then
    log "engine ready (server $(docker version --format '{{.Server.Version}}'))"
    exit 0
  fi
  sleep 0.25
done
log "dockerd did not answer within 30 s; see /var/log/resim-dockerd.log"
exit 1
