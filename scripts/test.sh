#!/usr/bin/env bash
# Set up, build with warnings as errors, and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh -DHANDOUT_WERROR=ON
cd build
ctest --output-on-failure -j"$(nproc)"
