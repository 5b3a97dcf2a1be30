#!/usr/bin/env bash
# Configures and builds into build/ (the CLI is build/handout). Extra
# arguments go to the CMake configure step; CMAKE_BUILD_PARALLEL_LEVEL sets
# the number of compile jobs.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja "$@" >/dev/null
cmake --build build
