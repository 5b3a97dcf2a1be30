#!/usr/bin/env bash
# Set up (with the test tools), build, and run the whole test suite: the
# sanitizer build's tests (clang, ASan + UBSan), a few seconds of each fuzz
# target, then the plain build's tests with warnings as errors; the last line
# is that ctest summary.   scripts/test.sh [-j N]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jobs.sh
scripts/setup.sh --test

echo "== sanitizer build (preset asan)"
cmake --preset asan >/dev/null
cmake --build build-asan
if ! (cd build-asan && ctest --output-on-failure -j"$jobs" >ctest.log 2>&1); then
  grep -E "Failed|Failure|ERROR|runtime error" -A20 build-asan/ctest.log | tail -n 300
  echo "the sanitizer build's tests failed (build-asan/ctest.log)" >&2
  exit 1
fi
grep -E "tests passed" build-asan/ctest.log

echo "== fuzz targets, a few seconds each"
scripts/fuzz.sh 5

echo "== plain build"
scripts/build.sh -DHANDOUT_BUILD_TESTS=ON -DHANDOUT_BUILD_BENCH=ON -DHANDOUT_WERROR=ON
cd build
ctest --output-on-failure -j"$jobs"
