#!/usr/bin/env bash
# Runs the MultiNode sample end to end: a Docker engine and the local images are made sure of, then
# `dotnet test` runs its [ComposeExperience] tests with each experience's live output shown.
# Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."

bash build/ensure-docker.sh
bash build/build-test-images.sh
# --no-progress: the test platform's progress line would overwrite the experiences' live state changes.
exec dotnet test --project samples/MultiNode/MultiNode.Tests.csproj --output detailed --no-progress "$@"
