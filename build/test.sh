#!/usr/bin/env bash
# Runs the whole test suite: makes sure a Docker engine, the local test images and Debian's chromium
# (for the report's browser test) are there, then
# runs every test project of ReSim.Testing.sln on Docker. Then, as root on Linux, runs the real-engine
# tests a second time against Podman's Docker-compatible API (build/ensure-podman.sh); set
# RESIM_TEST_PODMAN=0 to skip that run. Extra arguments go to the first `dotnet test`.
#
# `bash build/test.sh --fast` runs only the tests that need no container engine and start no front end of their own
# (no Docker, Podman or chromium needed): every test without the traits Category=Docker (real engine),
# Category=EndToEnd (a real `dotnet test`/`dotnet build` in a process of its own) or Category=ComposeExperience (the
# samples' experiences). It takes seconds, not minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[test] %s\n' "$*" >&2; }

if [ "${1:-}" = "--fast" ]; then
  shift
  log "fast suite: no engine, no end-to-end runs"
  exec dotnet test ReSim.Testing.sln "$@" -- --filter-not-trait 'Category=Docker' --filter-not-trait 'Category=EndToEnd' \
    --filter-not-trait 'Category=ComposeExperience'
fi

bash build/ensure-docker.sh
bash build/build-test-images.sh
bash build/ensure-chromium.sh
bash build/ensure-test-tools.sh

status=0
log "engine run 1 of 2: Docker at ${DOCKER_HOST:-unix:///var/run/docker.sock}"
dotnet test ReSim.Testing.sln "$@" || status=$?

if [ "${RESIM_TEST_PODMAN:-1}" = "0" ]; then
  log "RESIM_TEST_PODMAN=0: the Podman run is skipped"
  exit "$status"
fi

# The Podman run: every real-engine test of the engine (its Docker, Rules, Logs and Processes namespaces) and the
# xUnit front end's end-to-end tests, which run `dotnet test` on the samples as a user would (see
# docs/engines.md for why this subset). Only these commands see DOCKER_HOST pointed at Podman; the
# shared Docker engine stays the default. Each prints its own summary; .ci/run adds them up.
podman_host="$(bash build/ensure-podman.sh)"
trap 'bash build/ensure-podman.sh --stop' EXIT
log "engine run 2 of 2: Podman at $podman_host"
DOCKER_HOST="$podman_host" dotnet test --project tests/ReSim.Testing.Engine.Tests --no-build -- \
  --filter-namespace 'ReSim.Testing.Engine.Tests.Docker' --filter-namespace 'ReSim.Testing.Engine.Tests.Rules' \
  --filter-namespace 'ReSim.Testing.Engine.Tests.Logs' --filter-namespace 'ReSim.Testing.Engine.Tests.Processes' || status=$?
DOCKER_HOST="$podman_host" dotnet test --project tests/ReSim.Testing.Xunit.Tests --no-build -- \
  --filter-class 'ReSim.Testing.Xunit.Tests.EndToEnd.SampleEndToEndTests' || status=$?
exit "$status"
