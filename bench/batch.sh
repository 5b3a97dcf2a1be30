#!/usr/bin/env bash
# Batch benchmark: N generated decks of the sample's size (default 1000) to
# every default format with -j1 and -j2; a second, unchanged run; the outputs
# of -j1 and -j2 compared byte for byte; CPU per format; then the same
# content with pandoc (Markdown → docx) and, when its npm package is present,
# Typst (→ PDF). Targets: >= 50 decks/s per core, < 100 MB peak per worker,
# an unchanged run under 1 s.
# usage: bench/batch.sh [BUILD_DIR] [N]   (TYPST_NODE_MODULES=dir for Typst)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
n=${2:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
handout=$build/handout

python3 bench/gen_decks.py input/ai-2019-review.txt "$work/gen" "$n" --md --typ
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "decks: $n ($(du -sb "$work/gen/txt" | cut -f1) bytes of input)"

# Prints: wall s, CPU s (user+sys), peak RSS MB, system s. System time is
# mostly the file system creating the outputs (docs/PERFORMANCE.md).
measure() {
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || {
    cat "$work/err" >&2
    [ "${ALLOW_FAILURE:-0}" = 1 ] || exit 1
  }
  read -r wall user sys kb <"$work/time"
  echo "$wall $(echo "$user + $sys" | bc) $((kb / 1024)) $sys"
}

report() {  # label decks "wall cpu mb sys" jobs
  read -r wall cpu mb sys <<<"$3"
  echo "$1: $2 decks in $wall s wall, $cpu s CPU ($sys s system) → $(echo "scale=1; $2 / $wall" | bc) decks/s," \
    "$(echo "scale=1; $2 / $cpu" | bc) decks per CPU-second; peak RSS $mb MB ($4 worker(s))"
}

# Findings are not failures here (--fail-on none is the default).
report "convert -j1" "$n" "$(measure "$handout" convert "$work/gen/txt" -o "$work/j1" -j1 -q)" 1
report "convert -j2" "$n" "$(measure "$handout" convert "$work/gen/txt" -o "$work/j2" -j2 -q)" 2
report "unchanged run -j2" "$n" "$(measure "$handout" convert "$work/gen/txt" -o "$work/j2" -j2 -q)" 2
touch "$work/gen/txt/group0/deck0000.txt"
echo "x" >>"$work/gen/txt/group1/deck0001.txt"
report "one deck changed -j2" "$n" "$(measure "$handout" convert "$work/gen/txt" -o "$work/j2" -j2 -q)" 2
echo "x" >>"$work/gen/txt/group1/deck0001.txt"  # keep -j1 and -j2 comparable: rebuild in both
"$handout" convert "$work/gen/txt" -o "$work/j1" -j1 -q >/dev/null 2>&1 || true
"$handout" convert "$work/gen/txt" -o "$work/j2" -j2 -q >/dev/null 2>&1 || true
if diff -r -q -x summary.md -x summary.json -x .handout-manifest.json "$work/j1" "$work/j2" >/dev/null; then
  echo "outputs of -j1 and -j2: byte-identical ($(find "$work/j1" -type f | wc -l) files)"
else
  echo "outputs of -j1 and -j2: DIFFERENT" && exit 1
fi

# Where the time goes: one format at a time, one worker, the first 200 decks.
mkdir -p "$work/sub"
cp -r "$work/gen/txt/group0" "$work/gen/txt/group1" "$work/sub/"
m=$(find "$work/sub" -name '*.txt' | wc -l)
for f in xml pdf docx links; do
  report "  only $f -j1" "$m" "$(measure "$handout" convert "$work/sub" -o "$work/f-$f" -j1 -q --formats "$f")" 1
done

# pandoc: the same content as Markdown, to docx, one process per deck as
# pandoc is used (100 decks; pandoc has no batch mode).
mkdir -p "$work/pandoc"
k=$((n < 100 ? n : 100))
md=("$work/gen/md"/*.md)  # not `ls | head`: with pipefail, ls's SIGPIPE ended the script
printf '%s\n' "${md[@]:0:k}" >"$work/md-list"
report "pandoc md→docx" "$k" "$(measure bash -c 'while read -r f; do pandoc "$f" -o "$0/$(basename "$f" .md).docx"; done <"$1"' "$work/pandoc" "$work/md-list")" 1

# Typst, when the npm package is installed (one compiler for all decks).
if [ -n "${TYPST_NODE_MODULES:-}" ] && [ -d "$TYPST_NODE_MODULES/@myriaddreamin/typst-ts-node-compiler" ]; then
  NODE_PATH=$TYPST_NODE_MODULES node bench/typst_bench.cjs "$work/gen/typ" "$k"
else
  echo "typst: skipped (set TYPST_NODE_MODULES to a node_modules with @myriaddreamin/typst-ts-node-compiler)"
fi
