#!/usr/bin/env bash
# The main job: install what building and running need, build the CLI
# (build/handout; no tests or benchmarks), and convert every deck in input/
# into out/.   scripts/run.sh [-j N]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jobs.sh
scripts/setup.sh
scripts/build.sh -DHANDOUT_BUILD_TESTS=OFF -DHANDOUT_BUILD_BENCH=OFF
build/handout convert input -o out
ls -l out
