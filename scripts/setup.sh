#!/usr/bin/env bash
# Installs what newsmill needs to build and test, from Debian's packages.
# Idempotent: installs only what is missing. Run as root (or with sudo).
set -euo pipefail

PACKAGES=(
  cmake g++ make pkg-config python3
  libgumbo-dev      # HTML5 parser (reference parser)
  libicu-dev        # Unicode, charset conversion
  libuchardet-dev   # charset detection
  libsimdjson-dev   # JSON Lines input
  libcld2-dev       # language detection
  libcli11-dev      # command line
  zlib1g-dev        # gzip, WARC.gz
  libdeflate-dev    # whole-file gzip (.html.gz)
  libxxhash-dev     # fingerprint hashing (dedup)
  iso-codes         # country, subdivision and language names (entities)
  wamerican         # English words, to tell common words from surnames (entities)
  libgtest-dev libgmock-dev  # tests
  clang-14 libclang-rt-14-dev  # fuzz targets: clang, libFuzzer, sanitizers
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
