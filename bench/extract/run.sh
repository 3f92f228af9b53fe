#!/usr/bin/env bash
# newsmill's article-extraction benchmark: newsmill against Mozilla Readability
# (jsdom and linkedom) and readability-lxml on ../shared/data/aeb, one core each.
# See README.md beside this file for what is measured and how.
#
# Usage: bench/extract/run.sh              (from anywhere; root on Debian 12)
# Environment:
#   NEWSMILL_BIN        use this newsmill binary instead of building one
#   NEWSMILL_BUILD_DIR  build directory (default: <repo>/build)
#   AEB_DIR             the data (default: <repo>/../shared/data/aeb)
#   BENCH_CPU           the core every system is pinned to (default: 0)
#   BENCH_REPEAT        runs of each system (default: 1); the fastest run's time
#                       and the highest peak memory are reported
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DATA=${AEB_DIR:-$ROOT/../shared/data/aeb}
CPU=${BENCH_CPU:-0}
REPEAT=${BENCH_REPEAT:-1}
OUT=$HERE/out
PY=/usr/bin/python3 # Debian's python3: the one that sees python3-readability

say() { echo "run.sh: $*" >&2; }
die() { say "error: $*"; exit 1; }

# --- 0. the data ---------------------------------------------------------------
if [[ ! -f $DATA/ground-truth.json || ! -d $DATA/html ]]; then
  say "no benchmark data at $DATA (ground-truth.json and html/ expected);"
  say "nothing to run. Put the aeb set there or set AEB_DIR."
  exit 0
fi
DATA=$(cd "$DATA" && pwd)
[[ $REPEAT =~ ^[1-9][0-9]*$ ]] || die "BENCH_REPEAT must be a positive integer"

# --- 1. the peers and the tools ------------------------------------------------
SUDO=""
[[ $(id -u) -eq 0 ]] || SUDO=sudo
missing=()
need_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" || missing+=("$1"); }
need_pkg python3-readability # readability-lxml, with python3 and python3-lxml
need_pkg time                # /usr/bin/time for peak RSS
command -v taskset >/dev/null || need_pkg util-linux
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "node/npm not found: installing Debian's nodejs and npm (jsdom 26 needs node >= 18)"
  need_pkg nodejs
  need_pkg npm
fi
if ((${#missing[@]})); then
  say "installing ${missing[*]} (apt-get)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
fi
[[ -x $PY ]] || die "$PY not found"
$PY -c "import readability, lxml.html" 2>/dev/null || die "$PY cannot import readability (python3-readability)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
((node_major >= 18)) || die "node $(node --version) is too old: jsdom 26 needs node >= 18"

say "installing the npm peers (npm ci in bench/extract)"
(cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci failed in $HERE"

# --- 2. newsmill ---------------------------------------------------------------
if [[ -n ${NEWSMILL_BIN:-} ]]; then
  [[ -x $NEWSMILL_BIN ]] || die "NEWSMILL_BIN=$NEWSMILL_BIN is not an executable"
  NEWSMILL=$(cd "$(dirname "$NEWSMILL_BIN")" && pwd)/$(basename "$NEWSMILL_BIN")
  say "using NEWSMILL_BIN=$NEWSMILL"
else
  BUILD=${NEWSMILL_BUILD_DIR:-$ROOT/build}
  if [[ -f $BUILD/CMakeCache.txt ]]; then
    build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD/CMakeCache.txt")
    if [[ $build_type != Release ]]; then
      say "$BUILD is configured as '${build_type:-no build type}'; benchmarking a Release build in $ROOT/build-bench instead"
      BUILD=$ROOT/build-bench
    fi
  fi
  if [[ -x $ROOT/scripts/setup.sh ]] || [[ -f $ROOT/scripts/setup.sh ]]; then
    bash "$ROOT/scripts/setup.sh" || die "scripts/setup.sh failed (newsmill's build dependencies)"
  fi
  if [[ ! -f $BUILD/CMakeCache.txt ]]; then
    say "configuring newsmill (Release) in $BUILD"
    cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DNEWSMILL_BUILD_TESTS=OFF >/dev/null \
      || die "cmake configure failed"
  fi
  say "building newsmill in $BUILD (only what changed)"
  cmake --build "$BUILD" -j"$(nproc)" --target newsmill >"$HERE/.build.log" 2>&1 || {
    tail -n 30 "$HERE/.build.log" >&2
    die "newsmill did not build (full log: $HERE/.build.log); set NEWSMILL_BIN to use a built binary"
  }
  rm -f "$HERE/.build.log"
  NEWSMILL=$BUILD/newsmill
fi

# --- 3. the runs ---------------------------------------------------------------
rm -rf "$OUT"
mkdir -p "$OUT"
PAGES=$(ls "$DATA/html" | grep -c '\.html\.gz$' || true)
((PAGES > 0)) || die "no .html.gz pages in $DATA/html"
cat "$DATA"/html/*.html.gz >/dev/null # warm the page cache so that no system pays the disk

now_ns() { date +%s%N; }

# run_one NAME I CMD...: runs CMD on core $CPU under /usr/bin/time, peak RSS to NAME.mem.I;
# the wall time of the whole process goes to NAME.wall.I (seconds).
run_one() {
  local name=$1 i=$2
  shift 2
  local t0 t1 rc=0
  t0=$(now_ns)
  /usr/bin/time -f %M -o "$OUT/$name.mem.$i" taskset -c "$CPU" "$@" || rc=$?
  t1=$(now_ns)
  echo "$(((t1 - t0) / 1000))e-6" >"$OUT/$name.wall.$i"
  ((rc == 0)) || say "warning: $name exited with status $rc (run $i)"
}

# combine NAME: the fastest run's timing (from NAME.timing.I.json, or the process wall time
# when the system has no timing of its own) and the highest peak RSS of the runs.
combine() {
  $PY - "$OUT" "$1" "$REPEAT" <<'EOF'
import json, os, sys
out, name, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
best, peak = None, 0
for i in range(1, repeat + 1):
    path = os.path.join(out, f"{name}.timing.{i}.json")
    if not os.path.exists(path):
        sys.exit(f"run.sh: error: {name} wrote no timing (run {i}); it failed, see above")
    timing = json.load(open(path))
    if best is None or timing["seconds"] < best["seconds"]:
        best = timing
    with open(os.path.join(out, f"{name}.mem.{i}")) as f:
        peak = max(peak, int([l for l in f.read().split("\n") if l.strip()][-1]))
json.dump(best, open(os.path.join(out, f"{name}.timing.json"), "w"))
open(os.path.join(out, f"{name}.mem"), "w").write(f"{peak}\n")
EOF
}

# newsmill: the whole `newsmill extract` process is timed (start-up, reading the
# .html.gz files, extraction, writing JSON Lines); then its JSON Lines become
# {id: {"articleBody": text}}, outside the timing.
# Two runs: `newsmill-text` does the peers' job (article text and metadata);
# `newsmill` writes the whole record (plus entities, statements and
# fingerprints).
run_newsmill() {
  local name=$1
  shift
  say "running $name ($NEWSMILL $*) on core $CPU, $PAGES pages"
  for ((i = 1; i <= REPEAT; i++)); do
    rm -f "$OUT/$name.jsonl"
    run_one "$name" "$i" "$NEWSMILL" extract --threads 1 --quiet "$@" -o "$OUT/$name.jsonl" "$DATA/html"
    [[ -s $OUT/$name.jsonl ]] || die "$name wrote no output"
    $PY - "$DATA/ground-truth.json" "$OUT/$name.jsonl" "$OUT/$name.json" \
      "$(cat "$OUT/$name.wall.$i")" "$PAGES" >"$OUT/$name.timing.$i.json" <<'EOF'
import json, os, sys
truth_path, jsonl, out_path, seconds, pages = sys.argv[1:]
truth = json.load(open(truth_path, encoding="utf-8"))
pred, bad = {}, 0
for line in open(jsonl, encoding="utf-8"):
    if not line.strip():
        continue
    try:
        rec = json.loads(line)
    except ValueError:
        bad += 1
        continue
    page = os.path.basename(str(rec.get("id") or ""))
    for ext in (".gz", ".html", ".htm"):
        if page.endswith(ext):
            page = page[: -len(ext)]
    pred[page] = {"articleBody": rec.get("text") or ""}
missing = [k for k in truth if k not in pred]
for k in missing:
    print(f"newsmill: {k}: no record", file=sys.stderr)
    pred[k] = {"articleBody": ""}
if bad:
    print(f"newsmill: {bad} output lines are not JSON", file=sys.stderr)
json.dump(pred, open(out_path, "w", encoding="utf-8"), ensure_ascii=False)
print(json.dumps({"pages": int(pages), "seconds": float(seconds), "failures": len(missing)}))
EOF
  done
  combine "$name"
}
run_newsmill newsmill-text --no-entities --no-statements --no-fingerprints
run_newsmill newsmill

# peers: each runner times its own per-page loop (reading + unzipping each page,
# parsing, extraction, writing the JSON), leaving out the interpreter's start-up
# and module loading; peak RSS is the whole process's.
run_peer() {
  local name=$1
  shift
  say "running $name on core $CPU, $PAGES pages"
  for ((i = 1; i <= REPEAT; i++)); do
    run_one "$name" "$i" "$@" "$DATA" "$OUT/$name.json" "$OUT/$name.timing.$i.json"
  done
  combine "$name"
  local failed
  failed=$($PY -c 'import json,sys; print(json.load(open(sys.argv[1]))["failures"])' "$OUT/$name.timing.json")
  ((failed == 0)) || say "$name failed on $failed page(s) (listed above); they count as empty bodies"
}
run_peer readability-jsdom node "$HERE/peers/readability_jsdom.js"
run_peer readability-linkedom node "$HERE/peers/readability_linkedom.js"
run_peer readability-lxml "$PY" "$HERE/peers/readability_lxml.py"

# --- 4. the table --------------------------------------------------------------
npm_version() { node -p "require('$HERE/node_modules/$1/package.json').version"; }
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
{
  echo "newsmill article-extraction benchmark (aeb, $PAGES pages) — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, each system pinned to core $CPU, best of $REPEAT run(s)"
  echo "newsmill: $("$NEWSMILL" --version 2>/dev/null | head -n1) at commit $commit ($NEWSMILL)"
  echo "peers: @mozilla/readability $(npm_version @mozilla/readability) + jsdom $(npm_version jsdom) / linkedom $(npm_version linkedom) on node $(node --version); readability-lxml (python3-readability $(dpkg-query -W -f='${Version}' python3-readability)) on python $($PY -c 'import platform; print(platform.python_version())')"
  echo "pages/s = $PAGES / wall seconds, reading input and writing output included: newsmill's whole process; peers' per-page loop (interpreter start-up excluded). peak MiB = max RSS of the process."
} >"$OUT/header.txt"

$PY "$HERE/report.py" "$DATA/ground-truth.json" "$OUT" \
  newsmill-text newsmill readability-jsdom readability-linkedom readability-lxml | tee "$HERE/last_run.txt"
say "table saved to $HERE/last_run.txt; outputs in $OUT"
