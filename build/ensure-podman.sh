#!/usr/bin/env bash
# Makes sure Podman's Docker-compatible API answers at unix:///run/podman/podman.sock (rootful) for the
# second, Podman run of the real-engine tests, and that it has the local test images. As root on
# Debian/Ubuntu it installs podman (and catatonit, the init process `--init` needs) when missing and
# starts `podman system service` in the background. Idempotent. Prints the endpoint on stdout.
# Nothing else is pointed at this service: only the commands given DOCKER_HOST=<that endpoint> use it.
# `build/ensure-podman.sh --stop` stops the service again if this script started it.
set -euo pipefail

log() { printf '[ensure-podman] %s\n' "$*" >&2; }

SOCKET="${RESIM_PODMAN_SOCKET:-/run/podman/podman.sock}"
ENDPOINT="unix://$SOCKET"
STATE=/run/resim-podman
IMAGES=("${RESIM_TEST_IMAGE:-resim-testing/busybox:1.35}")

if [ "${1:-}" = --stop ]; then
  if [ -f "$STATE/service.pid" ]; then
    kill "$(cat "$STATE/service.pid")" 2>/dev/null || true
    rm -f "$STATE/service.pid"
    log "stopped the Podman API service it had started"
  fi
  exit 0
fi

if [ "$(id -u)" != "0" ]; then
  log "the Podman run of the tests needs root (rootful Podman); see docs/engines.md"
  exit 1
fi

if ! command -v podman >/dev/null 2>&1 || [ ! -x /usr/libexec/podman/catatonit ]; then
  command -v apt-get >/dev/null 2>&1 || { log "podman is missing and this script can only install it with apt-get"; exit 1; }
  log "installing Debian's podman and catatonit"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq podman catatonit >/dev/null 2>&1 || { apt-get update -qq >/dev/null; apt-get install -y -qq podman catatonit >/dev/null; }
fi

# Rootful Podman raises each container's open-files and process limits to 1048576 / 4194304. Where root lacks
# CAP_SYS_RESOURCE (as inside some CI sandboxes) runc cannot, and every container fails with "error setting
# rlimit". Then the service gets a containers.conf whose default limits are the highest that runc can set here.
mkdir -p "$STATE" "$(dirname "$SOCKET")"
probe() { podman run --rm "$@" "${IMAGES[0]}" true >/dev/null 2>&1; }
limits_conf() {
  local nofile nproc
  nofile="$(ulimit -Hn)"
  nproc="$(ulimit -Hu)"
  [ "$nproc" = unlimited ] && nproc=4194304
  while [ "$nproc" -gt 1024 ] && ! probe --ulimit "nofile=$nofile:$nofile" --ulimit "nproc=$nproc:$nproc"; do
    nproc=$((nproc / 2))
  done
  printf '[containers]\ndefault_ulimits = ["nofile=%s:%s", "nproc=%s:%s"]\n' "$nofile" "$nofile" "$nproc" "$nproc"
}

service_answers() { timeout 5 docker -H "$ENDPOINT" version --format '{{.Server.Version}}' >/dev/null 2>&1; }

for image in "${IMAGES[@]}"; do
  if ! podman image exists "$image"; then
    log "loading $image from the Docker engine into Podman"
    env -u DOCKER_HOST docker save "$image" | podman load >/dev/null
  fi
done

if ! service_answers; then
  if probe; then
    rm -f "$STATE/containers.conf"
  else
    limits_conf > "$STATE/containers.conf"
    log "containers cannot get Podman's default limits here; using $(tr '\n' ' ' < "$STATE/containers.conf")"
  fi
  log "starting podman system service at $ENDPOINT (log: /var/log/resim-podman.log)"
  if [ -f "$STATE/containers.conf" ]; then
    CONTAINERS_CONF="$STATE/containers.conf" nohup podman system service --time=0 "$ENDPOINT" >/var/log/resim-podman.log 2>&1 &
  else
    nohup podman system service --time=0 "$ENDPOINT" >/var/log/resim-podman.log 2>&1 &
  fi
  echo $! > "$STATE/service.pid"
  for _ in $(seq 1 120); do
    service_answers && break
    sleep 0.25
  done
  service_answers || { log "Podman's API did not answer within 30 s; see /var/log/resim-podman.log"; exit 1; }
fi

log "Podman $(podman version --format '{{.Server.Version}}' 2>/dev/null || podman --version) answers at $ENDPOINT"
echo "$ENDPOINT"
