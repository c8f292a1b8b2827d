#!/usr/bin/env bash
# Runs the whole test suite: makes sure a Docker engine, the local test images and Debian's chromium
# (for the report's browser test) are there, then
# runs every test project of ReSim.Testing.sln. Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."

bash build/ensure-docker.sh
bash build/build-test-images.sh
bash build/ensure-chromium.sh
exec dotnet test ReSim.Testing.sln "$@"
