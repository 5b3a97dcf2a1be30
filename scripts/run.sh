#!/usr/bin/env bash
# The main job: set up, build, and convert every deck in input/ into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
build/handout convert input -o out
ls -l out
