#!/usr/bin/env bash
# Benchmark: the same 3-service experience run alternately by the engine, by docker-compose and by
# plain docker CLI calls; prints medians and ratios. Not a test: nothing here passes or fails.
# Usage: bash bench/run.sh [--iterations N] [--parallel N] [--log-mb N]
#        bash bench/run.sh --loader [--iterations N]   (compose loader speed only: no Docker)
#        bash bench/run.sh --sampling [--iterations N]   (cost of CPU/memory sampling, 20 services)
#        bash bench/run.sh --parallel-only [--iterations N] [--parallel N]   (N experiences at once vs one, with where the CPU goes)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--loader" ]; then
  exec dotnet run -c Release --project bench/ReSim.Testing.Bench -- "$@"
fi

bash build/ensure-docker.sh
bash build/build-test-images.sh
if ! command -v docker-compose >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "[bench] installing Debian's docker-compose (Compose v1) for the comparison" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null; }
  else
    echo "[bench] docker-compose is needed for the comparison (Debian/Ubuntu: apt-get install docker-compose)" >&2
    exit 1
  fi
fi
exec dotnet run -c Release --project bench/ReSim.Testing.Bench -- --compose bench/experience/compose.yml "$@"
