#!/usr/bin/env bash
# Runs confgraph's benchmarks (issue 7) and writes their figures, with the
# commands that produced them and the machine they ran on, to BENCHMARKS.md.
#
# usage: scripts/bench.sh            (make bench; about 25 minutes)
#        BENCH_QUICK=1 scripts/bench.sh   (a subset in about 3 minutes; writes bench/results/quick.md)
#
# It starts its OWN Neo4j 5.26 (the launcher scripts/neo4j.sh builds, in
# tools/neo4j) on 127.0.0.1:$BENCH_NEO4J_PORT (default 7697) with its own data
# directory, because scripts/neo4j.sh keeps one run directory (pid file, data)
# for everybody and the tests use port 7687. It stops only that instance, by
# pid, and only the servers the driver started (their pids are in $WORK/pids).
#
# Environment:
#   BENCH_QUICK=1         the quick subset
#   BENCH_NEO4J_PORT      Bolt port of the benchmark's Neo4j (7697)
#   BENCH_NEO4J_JAVA_OPTS heap options ("-Xms256m -Xmx1g", as scripts/neo4j.sh)
#   BENCH_WORK            scratch directory (default: a new one under /tmp, removed at the end)
#   BENCH_SECTIONS        driver sections (ingest,big,real,typename,scaling)
#   BENCH_SERVER_CPU / BENCH_CLIENT_CPU   cores (0 / 1)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { printf '[bench.sh] %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

QUICK="${BENCH_QUICK:-}"
PORT="${BENCH_NEO4J_PORT:-7697}"
PASSWORD="confgraph-bench"
HEAP="${BENCH_NEO4J_JAVA_OPTS:--Xms256m -Xmx1g}"
SCPU="${BENCH_SERVER_CPU:-0}"
CCPU="${BENCH_CLIENT_CPU:-1}"
CORPUS="${CONFGRAPH_CORPUS:-../shared/corpus}"
SECTIONS="${BENCH_SECTIONS:-ingest,big,real,typename,scaling}"

for tool in go java node taskset; do
  command -v "$tool" >/dev/null || die "$tool is not on PATH (the benchmarks need Go, Java 17+, Node 20+ and util-linux taskset)"
done
(( $(nproc) >= 2 )) || die "needs two cores (server and load generator are pinned apart)"
[[ -d "$CORPUS" ]] || die "no corpus at $CORPUS"

KEEP=""
if [[ -n "${BENCH_WORK:-}" ]]; then
  WORK="$BENCH_WORK"; KEEP=1; mkdir -p "$WORK"
else
  WORK="$(mktemp -d /tmp/confgraph-bench.XXXXXX)"
fi
: >"$WORK/pids"
NEO_PID=""

# stop_pid PID PATTERN: SIGTERM a process we started (checked by its command
# line), wait, then SIGKILL.
stop_pid() {
  local pid="$1" pat="$2"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$pat" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.3; done
  kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  while read -r pid; do
    [[ -n "$pid" ]] && stop_pid "$pid" "confgraph\|server.mjs\|driver"
  done <"$WORK/pids"
  if [[ -n "$NEO_PID" ]]; then
    say "stopping the benchmark's Neo4j (pid $NEO_PID)"
    stop_pid "$NEO_PID" "confgraph.neo4j.Launcher"
  fi
  if [[ -z "$KEEP" ]]; then rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT INT TERM

# The launcher: built by scripts/neo4j.sh on first use; build it the same way if missing.
TOOL="$ROOT/tools/neo4j"
if [[ ! -f "$TOOL/target/classes/confgraph/neo4j/Launcher.class" || ! -d "$TOOL/target/lib" ]]; then
  command -v mvn >/dev/null || die "tools/neo4j is not built and mvn is missing; run 'make neo4j' once"
  say "building tools/neo4j (mvn package)"
  (cd "$TOOL" && mvn -q -B package -DskipTests) >&2
fi
if timeout 3 bash -c ": >/dev/tcp/127.0.0.1/$PORT" 2>/dev/null; then
  die "port 127.0.0.1:$PORT is in use; set BENCH_NEO4J_PORT"
fi

say "building confgraph and the driver into $WORK"
go build -o "$WORK/confgraph" ./cmd/confgraph
go build -o "$WORK/driver" ./bench/driver

# The same JVM flags as scripts/neo4j.sh (Neo4j 5 on Java 17).
mkdir -p "$WORK/neo4j"
NEO_CMD=(taskset -c "$SCPU" java $HEAP
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true
  -Djdk.nio.maxCachedBufferSize=1024 -Dlog4j2.disable.jmx=true -XX:+ExitOnOutOfMemoryError
  -XX:+UseG1GC -XX:ActiveProcessorCount=2
  -cp "$TOOL/target/classes:$TOOL/target/lib/*" confgraph.neo4j.Launcher --port "$PORT" --dir "$WORK/neo4j")
say "starting the benchmark's Neo4j on 127.0.0.1:$PORT, pinned to core $SCPU"
NEO4J_PASSWORD="$PASSWORD" "${NEO_CMD[@]}" >"$WORK/neo4j.log" 2>&1 </dev/null &
NEO_PID=$!
for _ in $(seq 1 360); do
  grep -q '^READY bolt://' "$WORK/neo4j.log" 2>/dev/null && break
  kill -0 "$NEO_PID" 2>/dev/null || { tail -n 40 "$WORK/neo4j.log" >&2; die "Neo4j exited during startup"; }
  sleep 0.5
done
grep -q '^READY bolt://' "$WORK/neo4j.log" || die "Neo4j did not start; see $WORK/neo4j.log"
URI="bolt://127.0.0.1:$PORT"

mkdir -p bench/results
if [[ -n "$QUICK" ]]; then
  OUT_JSON=bench/results/quick.json; OUT_MD=bench/results/quick.md; QFLAG=(--quick)
else
  OUT_JSON=bench/results/results.json; OUT_MD=BENCHMARKS.md; QFLAG=()
fi
neo_shown="NEO4J_PASSWORD=… taskset -c $SCPU java $HEAP <the JVM flags of scripts/neo4j.sh> -cp 'tools/neo4j/target/classes:tools/neo4j/target/lib/*' confgraph.neo4j.Launcher --port $PORT --dir \$WORK/neo4j"
DRIVER_CMD=(taskset -c "$CCPU" "$WORK/driver" run --bin "$WORK/confgraph" --root "$ROOT" --work "$WORK"
  --corpus "$CORPUS" --neo4j-uri "$URI" --neo4j-password "$PASSWORD" --neo4j-pid "$NEO_PID"
  --server-cpu "$SCPU" --client-cpu "$CCPU" --sections "$SECTIONS" --out "$OUT_JSON" "${QFLAG[@]}")
shown="taskset -c $CCPU \$WORK/driver run --bin \$WORK/confgraph --root . --work \$WORK --corpus $CORPUS --neo4j-uri $URI --neo4j-password … --neo4j-pid <neo4j pid> --server-cpu $SCPU --client-cpu $CCPU --sections $SECTIONS --out $OUT_JSON ${QFLAG[*]}"
"${DRIVER_CMD[@]}" \
  --command "${QUICK:+BENCH_QUICK=1 }make bench   # runs scripts/bench.sh, which runs:" \
  --command "go build -o \$WORK/confgraph ./cmd/confgraph && go build -o \$WORK/driver ./bench/driver" \
  --command "$neo_shown" \
  --command "$shown"

GOBENCH=""
if [[ -z "$QUICK" ]]; then
  # In-process figures (testing.B), each test binary pinned to the server core.
  # A failing benchmark is reported, not fatal: the figures above stand.
  GOBENCH=bench/results/gobench.txt
  {
    echo "go test -c ./loaders ./internal/server ./internal/memstore; each binary: taskset -c $SCPU <pkg>.test -test.run '^\$' -test.bench . -test.benchmem -test.count 3 -test.benchtime 1s"
    for pkg in loaders internal/server internal/memstore; do
      bin="$WORK/$(basename "$pkg").test"
      if ! go test -c -o "$bin" "./$pkg" 2>&1; then echo "exit: go test -c ./$pkg failed"; continue; fi
      set +e
      (cd "$pkg" && taskset -c "$SCPU" "$bin" -test.run '^$' -test.bench . -test.benchmem -test.count 3 -test.benchtime 1s 2>&1)
      echo "exit: ./$pkg: $?"
      set -e
    done
    # Adding one recap to the generated 1x and 100x graphs, both stores
    # (issue 13, item 9). The benchmark's Neo4j serves as the test server:
    # the driver is done with it, and the benchmark empties it first.
    echo "go test -c ./internal/ingest; NEO4J_TEST_URI=$URI taskset -c $SCPU ingest.test -test.run '^\$' -test.bench BenchmarkAddRecap -test.count 1 -test.benchtime 20x"
    bin="$WORK/ingest.test"
    if go test -c -o "$bin" ./internal/ingest 2>&1; then
      set +e
      (cd internal/ingest && NEO4J_TEST_URI="$URI" NEO4J_PASSWORD="$PASSWORD" taskset -c "$SCPU" "$bin" -test.run '^$' -test.bench BenchmarkAddRecap -test.count 1 -test.benchtime 20x 2>&1)
      echo "exit: ./internal/ingest: $?"
      set -e
    else
      echo "exit: go test -c ./internal/ingest failed"
    fi
  } >"$GOBENCH"
fi

"$WORK/driver" report --in "$OUT_JSON" --out "$OUT_MD" ${GOBENCH:+--gobench "$GOBENCH"}
say "wrote $OUT_MD (raw figures: $OUT_JSON)"
