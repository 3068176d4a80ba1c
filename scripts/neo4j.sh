#!/usr/bin/env bash
# Local Neo4j 5.26 (Community, in-process via neo4j-harness) for confgraph tests and
# local runs. No Docker: tools/neo4j is a small Maven project whose dependencies come
# from Maven Central; this script builds it on demand and runs it in the background.
#
# usage: scripts/neo4j.sh start|stop|restart|status|uri
#
#   start    build if needed, start in the background, wait until Bolt answers, print
#            the Bolt URI as the last line on stdout (and nothing else on stdout).
#            If it is already running, just print the URI.
#   stop     SIGTERM, wait up to NEO4J_STOP_TIMEOUT s, then SIGKILL. OK if not running.
#   restart  stop, then start.
#   status   print "running ..." (exit 0) or "not running" (exit 1).
#   uri      print the Bolt URI.
#
# Environment:
#   NEO4J_PORT           Bolt port on 127.0.0.1 (default 7687)
#   NEO4J_PASSWORD       password of user "neo4j" (default confgraph-test); auth is ENABLED
#   NEO4J_START_TIMEOUT  seconds to wait for Bolt (default 180)
#   NEO4J_STOP_TIMEOUT   seconds to wait after SIGTERM before SIGKILL (default 30)
#   NEO4J_JAVA_OPTS      heap options (default "-Xms256m -Xmx1g")
#
# Database name: neo4j (Community edition: one user database, no multi-db, no RBAC).
# Data is per run: every start begins with an empty database, and stop deletes it.
#
# Exit codes: 0 ok, 1 failure, 2 usage, 3 java (17+) or mvn missing: the caller may skip
# Neo4j-backed tests, loudly.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOL="$ROOT/tools/neo4j"
RUN="$TOOL/run"
LOG="$RUN/neo4j.log"
PIDFILE="$RUN/neo4j.pid"
PORTFILE="$RUN/neo4j.port"
AUTHFILE="$RUN/neo4j.auth"
DATA="$RUN/data"
STAMP="$TOOL/target/.confgraph-built"
MAIN_CLASS="confgraph.neo4j.Launcher"

PORT="${NEO4J_PORT:-7687}"
PASSWORD="${NEO4J_PASSWORD:-confgraph-test}"
START_TIMEOUT="${NEO4J_START_TIMEOUT:-180}"
STOP_TIMEOUT="${NEO4J_STOP_TIMEOUT:-30}"
JAVA_HEAP_OPTS="${NEO4J_JAVA_OPTS:--Xms256m -Xmx1g}"

# JVM flags Neo4j 5 wants on Java 17 (the same ones its own launcher passes): direct
# buffer and native file-channel access for the page cache and transaction logs, and
# Netty reflection for Bolt. Without them it runs, but in "fallback mode" with warnings.
JVM_FLAGS=(
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  -Dio.netty.tryReflectionSetAccessible=true
  -Djdk.nio.maxCachedBufferSize=1024
  -Dlog4j2.disable.jmx=true
  -XX:+ExitOnOutOfMemoryError
  -XX:+UseG1GC
  -XX:ActiveProcessorCount=2
)

say() { printf '[neo4j.sh] %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

valid_port() { [[ "$1" =~ ^[0-9]+$ ]] && (( $1 >= 1 && $1 <= 65535 )); }

# port_answers PORT: true if something accepts TCP connections on 127.0.0.1:PORT.
port_answers() {
  if command -v timeout >/dev/null 2>&1; then
    timeout 3 bash -c ": >/dev/tcp/127.0.0.1/$1" 2>/dev/null
  else
    (: >"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

# our_pid: prints the pid from the pid file if that process is alive and is our launcher.
our_pid() {
  [[ -f "$PIDFILE" ]] || return 1
  local pid
  pid="$(tr -dc '0-9' <"$PIDFILE" || true)"
  [[ -n "$pid" ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r "/proc/$pid/cmdline" ]]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "$MAIN_CLASS" || return 1
  fi
  printf '%s\n' "$pid"
}

running_port() {
  if [[ -f "$PORTFILE" ]]; then tr -dc '0-9' <"$PORTFILE"; else printf '%s' "$PORT"; fi
}

uri_for() { printf 'bolt://127.0.0.1:%s\n' "$1"; }

pw_digest() { printf '%s' "$1" | cksum | cut -d' ' -f1; }

require_tools() {
  local missing=()
  command -v java >/dev/null 2>&1 || missing+=(java)
  command -v mvn >/dev/null 2>&1 || missing+=(mvn)
  if ((${#missing[@]})); then
    say "SKIP: ${missing[*]} not found on PATH; a local Neo4j needs Java 17+ and Maven 3 (Neo4j is downloaded from Maven Central)."
    exit 3
  fi
  local ver major
  ver="$(java -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')"
  major="${ver%%.*}"
  [[ "$major" == "1" ]] && major="$(printf '%s' "$ver" | cut -d. -f2)"
  if ! [[ "$major" =~ ^[0-9]+$ ]] || ((major < 17)); then
    say "SKIP: java ${ver:-?} found, but Neo4j 5.26 needs Java 17 or newer."
    exit 3
  fi
}

needs_build() {
  [[ -f "$STAMP" ]] || return 0
  [[ -f "$TOOL/target/classes/confgraph/neo4j/Launcher.class" ]] || return 0
  [[ -d "$TOOL/target/lib" ]] || return 0
  [[ -n "$(find "$TOOL/pom.xml" "$TOOL/src" -newer "$STAMP" -print -quit 2>/dev/null)" ]]
}

build() {
  if ! needs_build; then return 0; fi
  say "building tools/neo4j (mvn package; the first build downloads Neo4j from Maven Central)..."
  local t0=$SECONDS
  rm -rf "$TOOL/target/lib"
  if ! (cd "$TOOL" && mvn -q -B package -DskipTests) >"$RUN/build.log" 2>&1; then
    tail -n 60 "$RUN/build.log" >&2 || true
    die "Maven build of tools/neo4j failed (full log: $RUN/build.log)"
  fi
  touch "$STAMP"
  say "built in $((SECONDS - t0))s"
}

cmd_start() {
  valid_port "$PORT" || { say "NEO4J_PORT must be a port number, got '$PORT'"; exit 2; }
  mkdir -p "$RUN"

  # Serialise concurrent starts/stops (e.g. several test packages starting at once).
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$RUN/lock"
    flock -w "$((START_TIMEOUT + 600))" 9 || die "timed out waiting for another neo4j.sh"
  fi

  local pid rport
  if pid="$(our_pid)"; then
    rport="$(running_port)"
    if [[ "$rport" != "$PORT" ]]; then
      die "already running (pid $pid) on port $rport, but NEO4J_PORT=$PORT; run '$0 stop' first"
    fi
    if port_answers "$rport"; then
      if [[ -f "$AUTHFILE" && "$(cat "$AUTHFILE")" != "$(pw_digest "$PASSWORD")" ]]; then
        say "WARNING: running server was started with a different NEO4J_PASSWORD; restart it to change the password"
      fi
      say "already running (pid $pid)"
      uri_for "$rport"
      return 0
    fi
    # Alive but not answering: perhaps still starting (another caller) -> wait below.
    say "process $pid exists but Bolt is not answering yet; waiting"
  else
    rm -f "$PIDFILE" "$PORTFILE" "$AUTHFILE"
    require_tools
    if port_answers "$PORT"; then
      die "port 127.0.0.1:$PORT is already in use by another process (not ours); set NEO4J_PORT"
    fi
    build
    rm -rf "$DATA"   # leftovers of a killed run; the launcher deletes its own data on clean stop
    mkdir -p "$DATA"
    local cp="$TOOL/target/classes:$TOOL/target/lib/*"
    say "starting Neo4j 5.26 on 127.0.0.1:$PORT (log: $LOG)"
    # shellcheck disable=SC2086  # JAVA_HEAP_OPTS is a list of words
    NEO4J_PASSWORD="$PASSWORD" nohup java $JAVA_HEAP_OPTS "${JVM_FLAGS[@]}" -cp "$cp" \
      "$MAIN_CLASS" --port "$PORT" --dir "$DATA" >"$LOG" 2>&1 </dev/null 9>&- &
    pid=$!
    printf '%s\n' "$pid" >"$PIDFILE"
    printf '%s\n' "$PORT" >"$PORTFILE"
    pw_digest "$PASSWORD" >"$AUTHFILE"
  fi

  local deadline=$((SECONDS + START_TIMEOUT))
  while :; do
    if ! kill -0 "$pid" 2>/dev/null; then
      say "Neo4j process $pid exited during startup; last lines of $LOG:"
      tail -n 60 "$LOG" >&2 || true
      rm -f "$PIDFILE" "$PORTFILE" "$AUTHFILE"
      exit 1
    fi
    if grep -q '^READY bolt://' "$LOG" 2>/dev/null && port_answers "$PORT"; then
      break
    fi
    if ((SECONDS >= deadline)); then
      say "Neo4j did not answer on 127.0.0.1:$PORT within ${START_TIMEOUT}s; last lines of $LOG:"
      tail -n 60 "$LOG" >&2 || true
      say "leaving process $pid running for inspection; '$0 stop' stops it"
      exit 1
    fi
    sleep 0.5
  done
  local pwsrc="NEO4J_PASSWORD"
  [[ -n "${NEO4J_PASSWORD:-}" ]] || pwsrc="default 'confgraph-test' (NEO4J_PASSWORD unset)"
  say "ready (pid $pid): database 'neo4j', auth enabled, user 'neo4j', password: $pwsrc"
  uri_for "$PORT"
}

cmd_stop() {
  mkdir -p "$RUN"
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$RUN/lock"
    flock -w "$((STOP_TIMEOUT + 600))" 9 || die "timed out waiting for another neo4j.sh"
  fi
  local pid
  if ! pid="$(our_pid)"; then
    say "not running"
    rm -f "$PIDFILE" "$PORTFILE" "$AUTHFILE"
    return 0
  fi
  say "stopping Neo4j (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + STOP_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.3; done
  if kill -0 "$pid" 2>/dev/null; then
    say "still alive after ${STOP_TIMEOUT}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    rm -rf "$DATA"
  fi
  rm -f "$PIDFILE" "$PORTFILE" "$AUTHFILE"
  say "stopped"
}

cmd_status() {
  local pid rport
  if pid="$(our_pid)"; then
    rport="$(running_port)"
    if port_answers "$rport"; then
      echo "running (pid $pid, $(uri_for "$rport"))"
    else
      echo "starting or unhealthy (pid $pid, port $rport not answering)"
    fi
    return 0
  fi
  echo "not running"
  return 1
}

cmd_uri() {
  if our_pid >/dev/null; then uri_for "$(running_port)"; else uri_for "$PORT"; fi
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  restart) cmd_stop; cmd_start ;;
  status) cmd_status ;;
  uri) cmd_uri ;;
  *)
    echo "usage: $0 start|stop|restart|status|uri" >&2
    exit 2
    ;;
esac
