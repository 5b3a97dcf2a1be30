#!/usr/bin/env bash
# Benchmarks the PDF renderer on the sample deck: wall time (hyperfine) and
# peak resident memory (GNU time). Targets: <= 60 ms and <= 40 MB.
# Usage: bench/pdf.sh [BUILD_DIR] [DECK]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
deck=${2:-input/ai-2019-review.txt}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# --force: every run converts (an unchanged deck is otherwise skipped after the first).
cmd="$build/handout convert $deck -o $out --formats pdf --force"
$cmd  # warm the page cache and fail early
echo "pdf: $(stat -c %s "$out"/*.pdf) bytes, $(pdfinfo "$out"/*.pdf 2>/dev/null | awk '/^Pages:/ {print $2}') pages"

hyperfine --warmup 3 --runs "${RUNS:-30}" --export-json "$out/hyperfine.json" "$cmd"
python3 - "$out/hyperfine.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f"wall: mean {r['mean']*1000:.1f} ms, median {r['median']*1000:.1f} ms, max {r['max']*1000:.1f} ms (target <= 60 ms)")
PY

# CPU time (task-clock), which unlike wall time does not grow when other
# jobs share the cores; and peak memory.
if command -v perf >/dev/null && perf stat -x, -e task-clock true >/dev/null 2>&1; then
  ms=$(perf stat -x, -r 20 -e task-clock $cmd 2>&1 >/dev/null | awk -F, '/task-clock/ {printf "%.1f", $1}')
  echo "cpu (task-clock): mean $ms ms over 20 runs"
fi
peak=0
for _ in 1 2 3 4 5; do
  kb=$( { /usr/bin/time -f '%M' $cmd >/dev/null; } 2>&1 | tail -1 )
  [ "$kb" -gt "$peak" ] && peak=$kb
done
echo "peak RSS: $((peak / 1024)) MB ($peak KB, worst of 5; target <= 40 MB)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
