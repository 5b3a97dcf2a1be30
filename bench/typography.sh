#!/usr/bin/env bash
# Typography benchmark: handout's PDFs and Typst's of the same decks (an
# English deck, a Chinese deck, the sample), measured alike by
# bench/typography.py from what MuPDF reads back: widest word gap ÷ normal
# space on justified lines, rivers, hyphenated line ends, Chinese
# inter-character stretch, adjacent punctuation compressed, kinsoku.
# Also checks that pdftotext gives every word back, qpdf finds nothing and a
# second run gives the same bytes.
# usage: bench/typography.sh [BUILD_DIR] [HANDOUT]   (TYPST_NODE_MODULES=dir for Typst)
# Needs mupdf-tools (mutool), poppler-utils and qpdf (scripts/setup.sh --test).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
handout=${2:-$build/handout}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
decks=(tests/data/typography-en.txt tests/data/typography-zh.txt input/ai-2019-review.txt)

pdfs=()
for deck in "${decks[@]}"; do
  name=$(basename "$deck" .txt)
  cp "$deck" "$work/$name.txt"
  meta="${deck%.txt}.meta.yaml"
  [ -f "$meta" ] && cp "$meta" "$work/$name.meta.yaml"
  SOURCE_DATE_EPOCH=0 "$handout" convert "$work/$name.txt" -o "$work/handout" --formats pdf -q
  pdfs+=("$work/handout/$name.pdf")
  SOURCE_DATE_EPOCH=0 "$handout" convert "$work/$name.txt" -o "$work/again" --formats pdf -q
  cmp -s "$work/handout/$name.pdf" "$work/again/$name.pdf" || { echo "not reproducible: $name" >&2; exit 1; }
  qpdf --check "$work/handout/$name.pdf" >/dev/null || { echo "qpdf --check failed: $name" >&2; exit 1; }
  # Every word of the deck comes back from pdftotext (spaces and line ends
  # aside).
  python3 - "$work/$name.txt" "$work/handout/$name.pdf" <<'PY'
import re, subprocess, sys
deck = open(sys.argv[1], encoding="utf-8").read()
text = subprocess.run(["pdftotext", sys.argv[2], "-"], check=True, capture_output=True, text=True).stdout
# poppler joins a word hyphenated at a line end (U+002D) itself; a hyphen
# of the text there is drawn as U+2010 and read back as one.
flat = re.sub(r"\s+", "", text.replace("\u2010", "-"))
missing = [w for w in re.findall(r"[^\s•◦]+", deck) if not w.startswith("http") and w not in flat]
if missing:
    sys.exit(f"pdftotext lacks {len(missing)} words of {sys.argv[1]}, e.g. {missing[:5]}")
PY
done

if [ -n "${TYPST_NODE_MODULES:-}" ] && [ -d "$TYPST_NODE_MODULES/@myriaddreamin/typst-ts-node-compiler" ]; then
  for deck in "${decks[@]}"; do
    name=$(basename "$deck" .txt)
    lang=$(sed -n 's/^lang: *\([a-z]*\).*/\1/p' "${deck%.txt}.meta.yaml" 2>/dev/null || true)
    python3 - "$deck" "$work/typst-$name.typ" "${lang:-zh}" <<'PY'
import sys
sys.path.insert(0, "bench")
import gen_decks
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
typ = gen_decks.to_typst(lines).replace('lang: "zh"', f'lang: "{sys.argv[3]}"')
typ = typ.replace("\n", "\n#set par(justify: true)\n", 1)
open(sys.argv[2], "w", encoding="utf-8").write(typ)
PY
  done
  NODE_PATH=$TYPST_NODE_MODULES node bench/typst_pdf.cjs "$work"/typst-*.typ
  for deck in "${decks[@]}"; do pdfs+=("$work/typst-$(basename "$deck" .txt).pdf"); done
else
  echo "typst: skipped (set TYPST_NODE_MODULES to a node_modules with @myriaddreamin/typst-ts-node-compiler)"
fi
python3 bench/typography.py "${pdfs[@]}" | sed "s|$work/||g"
