#!/usr/bin/env bash
# Runs the whole test suite: makes sure a Docker engine and the local test images are there, then
# runs every test project of ReSim.Testing.sln. Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."

bash build/ensure-docker.sh
bash build/build-test-images.sh
exec dotnet test ReSim.Testing.sln "$@"
