#!/usr/bin/env bash
# The online link check against the local HTTP fixture: N distinct videos
# (default 1,000) with the default concurrency, first with an empty cache,
# then served from the cache. Uses hyperfine when present.
#   bench/online.sh [BUILD_DIR] [N]
set -euo pipefail
build=${1:-build}
n=${2:-1000}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

python3 - "$n" >"$tmp/deck.txt" <<'PY'
import sys
n = int(sys.argv[1])
for s in range(0, n, 10):
    print(f" Slide {s // 10 + 1}")
    print("\u2022 ten videos")
    for i in range(s, min(n, s + 10)):
        print(f"https://www.youtube.com/watch?v=bench{i:05d}A")
PY

python3 "$here/../tests/tools/http_fixture.py" >"$tmp/port" &
server=$!
for _ in $(seq 50); do [ -s "$tmp/port" ] && break; sleep 0.1; done
port=$(head -1 "$tmp/port")
run=("$build/handout" links "$tmp/deck.txt" --format json -o "$tmp/out.json" --fail-on none
     --online --youtube-endpoint "http://127.0.0.1:$port" --cache "$tmp/cache.json")
echo "deck: $n distinct videos; fixture on port $port"

if command -v hyperfine >/dev/null; then
  hyperfine --runs 10 -N --prepare "rm -f $tmp/cache.json" --command-name "cold (no cache)" \
    "${run[*]}"
  "${run[@]}"
  hyperfine --warmup 2 --runs 20 -N --command-name "warm (from the cache)" "${run[*]}"
else
  rm -f "$tmp/cache.json"
  /usr/bin/time -f "cold: %e s wall, %U s user, %S s system" "${run[@]}"
  /usr/bin/time -f "warm: %e s wall, %U s user, %S s system" "${run[@]}"
fi
grep -c '"verdict": "ok"' "$tmp/out.json" | sed 's/^/links ok in the last report: /'
