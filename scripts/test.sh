#!/usr/bin/env bash
# Sets everything up, builds, and runs every test twice: in a release build
# and in a build with AddressSanitizer and UndefinedBehaviorSanitizer; then
# runs every fuzz target for FUZZ_SECONDS (45) under ASan+UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
jobs=$(nproc)

echo "== release build" >&2
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DNEWSMILL_BUILD_TESTS=ON >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

echo "== ASan+UBSan build" >&2
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSMILL_SANITIZE=ON \
  -DNEWSMILL_BUILD_TESTS=ON >/dev/null
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs"

echo "== fuzz (ASan+UBSan, ${FUZZ_SECONDS:-45} s per target)" >&2
FUZZ_BUILD_JOBS="$jobs" fuzz/run.sh "${FUZZ_SECONDS:-45}"
