#!/usr/bin/env bash
# Installs every Debian package that the build, the tests and the default
# fonts need. Idempotent, and fast when everything is present. Works as root
# or through sudo.
set -euo pipefail

packages=(
  # build
  cmake g++ ninja-build pkg-config
  libhpdf-dev libpugixml-dev libutf8proc-dev libyaml-cpp-dev
  libharfbuzz-dev libicu-dev libfontconfig-dev libqrencode-dev zlib1g-dev libzip-dev libcurl4-openssl-dev
  # batch conversion: content hashes, JSON (manifest, summary, links --merge); the .deb
  libssl-dev nlohmann-json3-dev dpkg-dev file
  # tests
  libgtest-dev libgmock-dev libxml2-utils python3
  # link audit tests: JSON Schema validation, Markdown read back, a terminal for colour
  python3-jsonschema pandoc bsdutils
  # PDF tests: real readers, and a Latin face for the font fallback test
  poppler-utils qpdf ghostscript fonts-dejavu-core
  # DOCX tests: read back by real consumers
  libreoffice-writer-nogui zip unzip
  # sanitizer build and fuzzing (preset asan): clang with libFuzzer
  clang libclang-rt-14-dev
  # default fonts
  fonts-wqy-microhei
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
echo "setup: installing ${missing[*]}" >&2
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
