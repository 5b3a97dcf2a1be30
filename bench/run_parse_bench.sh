#!/usr/bin/env bash
# Parser benchmark: a generated 10 MB deck, parsed and written as the
# intermediate, in-process (parse_bench) and through the CLI (peak memory).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for shape in sample dense; do
  "$build/parse_bench" gen "$tmp/deck.txt" 10 "$shape"
  echo "== $shape-shaped deck: $(stat -c %s "$tmp/deck.txt") bytes"
  "$build/parse_bench" run "$tmp/deck.txt" 5
  /usr/bin/time -f "CLI: handout parse -o: %e s wall, %U s user, %S s system, peak RSS %M KiB" \
    "$build/handout" parse "$tmp/deck.txt" -o "$tmp/deck.xml"
done
