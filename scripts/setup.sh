#!/usr/bin/env bash
# Installs the Debian packages that building and running handout need, and
# with --test also everything the test suite, the sanitizer build and the
# fuzz targets use. Idempotent, and silent when everything is present. Works
# as root or through sudo.
#   scripts/setup.sh           build and run: compiler, CMake, libraries, font
#   scripts/setup.sh --test    the same, and the test tools
set -euo pipefail

run_packages=(
  cmake g++ ninja-build pkg-config
  libhpdf-dev libpugixml-dev libutf8proc-dev libyaml-cpp-dev
  libharfbuzz-dev libicu-dev libfontconfig-dev libqrencode-dev zlib1g-dev libzip-dev libcurl4-openssl-dev
  # internationalized link hosts (IDNA)
  libidn2-dev
  # batch conversion: content hashes, JSON (manifest, summary, links --merge)
  libssl-dev nlohmann-json3-dev
  # the default style's font
  fonts-wqy-microhei
  # PDF hyphenation: the library, and patterns found at run time in /usr/share/hyphen
  libhyphen-dev hyphen-en-us hyphen-en-gb hyphen-de hyphen-fr
)
test_packages=(
  libgtest-dev libgmock-dev libxml2-utils python3
  # the man page test formats it
  groff-base
  # link audit tests: JSON Schema validation, Markdown read back, a terminal for colour
  python3-jsonschema pandoc bsdutils
  # PDF tests: real readers, and a Latin face for the font fallback test
  poppler-utils qpdf ghostscript fonts-dejavu-core
  # bench/typography.sh reads PDFs back with MuPDF (mutool draw -F stext)
  mupdf-tools
  # DOCX tests: read back by real consumers
  libreoffice-writer-nogui zip unzip
  # slide fixtures (tests/tools/make_slide_fixtures.sh): Impress makes the
  # Flat ODF decks of tests/data/slides/ into PDFs for pdftotext; the tests
  # themselves read only the committed extractions
  libreoffice-impress-nogui
  # the .deb test (cpack: dpkg-shlibdeps reads the binary with file)
  dpkg-dev file
  # sanitizer build and fuzzing (preset asan): clang with libFuzzer, and
  # llvm-symbolizer so that a sanitizer report names functions and lines
  clang libclang-rt-14-dev llvm
)

packages=("${run_packages[@]}")
case "${1:-}" in
  "") ;;
  --test) packages+=("${test_packages[@]}") ;;
  *) echo "usage: scripts/setup.sh [--test]" >&2; exit 2 ;;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi
# action.yml and docs/ci/github-actions.yml are checked against GitHub's
# schemas by npm's @action-validator/cli; Debian's npm only when the machine
# has no npm of its own (a Node.js installed otherwise is kept).
if [ "${1:-}" = --test ] && ! command -v action-validator >/dev/null; then
  if ! command -v npm >/dev/null; then
    echo "setup: installing npm" >&2
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
      npm >/dev/null
  fi
  echo "setup: installing @action-validator/cli (npm)" >&2
  # A registry that cannot be reached (offline, or a proxy whose certificate
  # this machine lacks) costs only that check: its test then says it skipped.
  "${sudo[@]}" npm install -g --no-audit --no-fund --fetch-retries=1 \
    @action-validator/cli@0.6.0 >/dev/null 2>&1 ||
    echo "setup: warning: npm could not install @action-validator/cli; CiExamples.TheActionAndTheWorkflowFollowGithubsSchemas will skip" >&2
fi
