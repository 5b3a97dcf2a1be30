#!/usr/bin/env bash
# End-to-end timing of `handout links` on a generated deck of N links
# (default 100,000), per output format, with hyperfine.
#   bench/links.sh [BUILD_DIR] [N]
set -euo pipefail
build=${1:-build}
n=${2:-100000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$build/links_bench" "$n" --write "$tmp/deck.txt"
"$build/links_bench" "$n"
for format in text json sarif; do
  hyperfine --warmup 1 --runs 5 -i -N \
    "$build/handout links $tmp/deck.txt --format $format -o $tmp/out.$format"
done
