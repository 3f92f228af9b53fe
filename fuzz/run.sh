#!/usr/bin/env bash
# Builds the libFuzzer programs (clang, ASan+UBSan) in build-fuzz and runs
# each for SECONDS (default 60) from its seed corpus plus the regression
# inputs. A crash leaves its input in build-fuzz/crashes/<target>/: copy it
# to fuzz/regressions/<target>/ and fix the bug (the GoogleTest
# FuzzRegressionsTest replays that folder in every build).
#
# Usage: fuzz/run.sh [SECONDS] [TARGET...]   (FUZZ_JOBS: parallel targets)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(html text warc gzip wholefile jsonl decode statements)
build=build-fuzz

CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DNEWSMILL_SANITIZE=ON -DNEWSMILL_BUILD_TESTS=OFF -DNEWSMILL_BUILD_FUZZERS=ON \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link" >/dev/null
cmake --build "$build" -j "${FUZZ_BUILD_JOBS:-$(nproc)}" \
  --target "${targets[@]/#/fuzz_}" >/dev/null

python3 fuzz/make_seeds.py . "$build/corpus"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

run_one() {
  local t=$1 work="$build/work/$1" crashes="$build/crashes/$1"
  mkdir -p "$work" "$crashes"
  local inputs=("$work" "$build/corpus/$t")
  [ -d "fuzz/regressions/$t" ] && inputs+=("fuzz/regressions/$t")
  # -rss_limit_mb/-timeout: a hang or a memory blow-up counts as a crash.
  if "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2560 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$crashes/" \
      "${inputs[@]}" >"$build/fuzz_$t.log" 2>&1; then
    local execs rate
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$build/fuzz_$t.log" | grep -o '[0-9]*$')
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$build/fuzz_$t.log" | grep -o '[0-9]*$')
    echo "fuzz $t: ok, $execs executions, $rate/s in ${seconds}s"
  else
    echo "fuzz $t: FAILED (see $build/fuzz_$t.log, input in $crashes/)" >&2
    tail -40 "$build/fuzz_$t.log" >&2
    return 1
  fi
}

status=0
for t in "${targets[@]}"; do run_one "$t" || status=1; done
exit $status
