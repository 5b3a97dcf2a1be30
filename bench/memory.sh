#!/usr/bin/env bash
# Peak memory of `convert` per format on a generated deck (default 10 MB,
# shaped like the sample): peak RSS and its ratio to the input, as in
# docs/PERFORMANCE.md (memory). Target: every format within 20x the input.
# usage: bench/memory.sh [BUILD_DIR] [MB]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
mb=${2:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/parse_bench" gen "$work/deck.txt" "$mb" sample
size=$(stat -c %s "$work/deck.txt")
echo "deck: $size bytes; load $(cut -d' ' -f1-3 /proc/loadavg)"
for formats in xml links docx pdf xml,pdf,docx,links; do
  /usr/bin/time -f '%U %M' -o "$work/time" \
    "$build/handout" convert "$work/deck.txt" -o "$work/out" --formats "$formats" -q --force
  read -r user kb <"$work/time"
  echo "$formats: peak RSS $((kb / 1024)) MB ($(echo "scale=1; $kb * 1024 / $size" | bc)x), $user s user"
done
