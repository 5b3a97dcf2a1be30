#!/usr/bin/env bash
# Regenerates the extracted-text fixtures of tests/data/slides/ from their
# Flat ODF sources: LibreOffice Impress (headless) makes each NAME.fodp into a
# PDF, and pdftotext extracts it three ways: NAME.pdftotext.txt (default),
# NAME.layout.txt (-layout) and NAME.raw.txt (-raw). The tests read only the
# committed .txt files, so LibreOffice is needed here, not at test time
# (scripts/setup.sh --test installs libreoffice-impress-nogui). It also
# exports each deck to NAME.pptx.
#   tests/tools/make_slide_fixtures.sh
set -euo pipefail
dir="$(cd "$(dirname "$0")/../data/slides" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work/home"  # a private LibreOffice profile
for src in "$dir"/*.fodp; do
  name="$(basename "$src" .fodp)"
  soffice --headless --convert-to pdf --outdir "$work" "$src" >/dev/null 2>&1
  pdftotext "$work/$name.pdf" "$dir/$name.pdftotext.txt"
  pdftotext -layout "$work/$name.pdf" "$dir/$name.layout.txt"
  pdftotext -raw "$work/$name.pdf" "$dir/$name.raw.txt"
done
# The same decks as PowerPoint packages, for the .pptx reader; their expected
# intermediates (NAME.pptx.xml) are reviewed by hand, not regenerated here.
for src in "$dir"/*.fodp; do
  soffice --headless --convert-to pptx --outdir "$dir" "$src" >/dev/null 2>&1
done
# …and as packaged OpenDocument (NAME.odp), for the .odp reader.
for src in "$dir"/*.fodp; do
  soffice --headless --convert-to odp --outdir "$dir" "$src" >/dev/null 2>&1
done
