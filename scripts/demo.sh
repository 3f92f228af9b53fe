#!/usr/bin/env bash
# Sets everything up, builds a release build and runs `newsmill extract` on
# the example pages in examples/, printing their records (JSON Lines).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DNEWSMILL_BUILD_TESTS=OFF >/dev/null
cmake --build build -j "$(nproc)" --target newsmill >/dev/null
./build/newsmill extract --quiet examples/
