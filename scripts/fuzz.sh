#!/usr/bin/env bash
# Builds the libFuzzer targets (preset `asan`: clang, ASan + UBSan) and runs
# each for SECONDS (default 5) on a corpus seeded from input/, tests/ and styles/.
#   scripts/fuzz.sh [SECONDS] [TARGET...]     targets: text_reader extracted_text pptx_reader odp_reader xml_reader style links
# A crash leaves its input in build-asan/crashes/; make it a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-5}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(text_reader extracted_text pptx_reader odp_reader xml_reader style links)

cmake --preset asan >/dev/null
cmake --build build-asan >/dev/null

corpus=build-asan/corpus
mkdir -p "$corpus"/{text_reader,extracted_text,pptx_reader,odp_reader,xml_reader,style,links} build-asan/crashes
cp input/*.txt tests/data/*.txt "$corpus/text_reader/" 2>/dev/null || true
cp tests/data/slides/*.txt "$corpus/extracted_text/"
cp tests/data/slides/*.pptx "$corpus/pptx_reader/"
cp tests/data/slides/*.fodp "$corpus/odp_reader/"
cp tests/golden/*.xml "$corpus/xml_reader/"
for deck in input/*.txt tests/data/*.txt; do
  build-asan/handout parse "$deck" -o "$corpus/xml_reader/$(basename "$deck" .txt).xml" 2>/dev/null || true
done
cp styles/*.yaml "$corpus/style/"
grep -hoE '(https?|javascript|file|data|www)[^ <>"]*' input/*.txt tests/data/*.txt |
  sort -u | while read -r url; do
    printf '%s' "$url" > "$corpus/links/$(printf '%s' "$url" | sha1sum | cut -c1-16)"
  done

status=0
for t in "${targets[@]}"; do
  dict=()
  [ "$t" = text_reader ] || [ "$t" = extracted_text ] && dict=(-dict=fuzz/text.dict)
  echo "fuzz_$t: ${seconds}s"
  if ! ASAN_OPTIONS=detect_leaks=1 build-asan/fuzz_$t "$corpus/$t" "${dict[@]}" \
      -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix=build-asan/crashes/"$t"- -print_final_stats=1 2>build-asan/fuzz_$t.log; then
    echo "fuzz_$t FOUND A CRASH: see build-asan/fuzz_$t.log and build-asan/crashes/" >&2
    tail -40 build-asan/fuzz_$t.log >&2
    status=1
  fi
  grep -E "stat::number_of_executed_units|cov:" build-asan/fuzz_$t.log | tail -2 | sed 's/^/  /'
done
exit $status
