#!/usr/bin/env bash
# Start the benchmark peer (the Neo4j GraphQL Library) in the background.
#
# usage: bench/peer/run.sh [PORT]          (PORT default 4000; 0 picks a free one)
#
# Environment: NEO4J_URI (bolt://127.0.0.1:7687), NEO4J_USER (neo4j),
# NEO4J_PASSWORD (confgraph-test), NEO4J_DATABASE (neo4j),
# PEER_START_TIMEOUT seconds to wait for READY (60).
#
# Installs with `npm ci` when node_modules is missing or older than
# package-lock.json, starts `node server.mjs`, waits until it prints READY, and
# prints two lines on stdout:
#   PID <pid>
#   http://127.0.0.1:<port>/graphql
# Stop it with `kill <pid>` (SIGTERM: it closes the server and the driver).
# The server's output goes to $TMPDIR/confgraph-peer-<pid>.log.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
port="${1:-4000}"
timeout="${PEER_START_TIMEOUT:-60}"

say() { printf '[peer] %s\n' "$*" >&2; }

command -v node >/dev/null || { say "node (20 or newer) is not on PATH"; exit 1; }
if (( $(node -p 'process.versions.node.split(".")[0]') < 20 )); then
  say "node $(node --version) is too old: @neo4j/graphql 6 needs 20 or newer"; exit 1
fi
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

log="$(mktemp "${TMPDIR:-/tmp}/confgraph-peer-XXXXXX.log")"
NODE_ENV=production \
NEO4J_URI="${NEO4J_URI:-bolt://127.0.0.1:7687}" \
NEO4J_USER="${NEO4J_USER:-neo4j}" \
NEO4J_PASSWORD="${NEO4J_PASSWORD:-confgraph-test}" \
NEO4J_DATABASE="${NEO4J_DATABASE:-neo4j}" \
PORT="$port" \
  nohup node server.mjs >"$log" 2>&1 </dev/null &
pid=$!
final_log="${log%/*}/confgraph-peer-$pid.log"
mv "$log" "$final_log"
log="$final_log"

deadline=$((SECONDS + timeout))
while :; do
  if ready="$(grep -m1 '^READY ' "$log")"; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then
    say "the peer exited before it was ready; its output ($log):"
    tail -n 40 "$log" >&2
    exit 1
  fi
  if (( SECONDS >= deadline )); then
    say "not ready after ${timeout}s; stopping pid $pid; its output ($log):"
    tail -n 40 "$log" >&2
    kill "$pid" 2>/dev/null || true
    exit 1
  fi
  sleep 0.2
done
say "ready (log: $log)"
printf 'PID %s\n%s\n' "$pid" "${ready#READY }"
