#!/usr/bin/env bash
# GraphQL over HTTP conformance: starts confgraph on a free loopback port and
# runs graphql-http's auditServer against its /graphql
# (tests/httpaudit/audit.mjs, versions pinned in its package-lock.json).
# Prints every audit; exits non-zero when any is an error or a warning.
#   scripts/http-audit.sh
# Environment: CORPUS (default ../shared/corpus).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
corpus=${CORPUS:-$root/../shared/corpus}

timings=()
t0=$(date +%s.%N)
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1fs", b - a }'; }
step() { # step NAME COMMAND...: runs the command (set -e holds), records how long it took
  local name=$1 start
  shift
  start=$(date +%s.%N)
  echo "http-audit: $name" >&2
  "$@"
  timings+=("$name: $(since "$start")")
}

npm_install() {
  (cd tests/httpaudit && npm ci --no-audit --no-fund --loglevel=error >&2)
}

work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

start_server() {
  go build -o "$work/confgraph" ./cmd/confgraph
  port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  base=http://127.0.0.1:$port
  "$work/confgraph" serve --store memory --corpus "$corpus" --addr "127.0.0.1:$port" >"$work/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do
    if curl -fsS -o /dev/null "$base/readyz" 2>/dev/null; then
      return
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "http-audit: confgraph exited before it was ready:" >&2
      cat "$work/server.log" >&2
      exit 1
    fi
    sleep 0.1
  done
  echo "http-audit: $base/readyz not ready after 30s:" >&2
  cat "$work/server.log" >&2
  exit 1
}

step "npm ci (tests/httpaudit)" npm_install
step "go build + start confgraph" start_server
status=0
start=$(date +%s.%N)
GRAPHQL_URL="$base/graphql" node tests/httpaudit/audit.mjs || status=$?
timings+=("audit: $(since "$start")")
if ! kill -0 "$pid" 2>/dev/null; then
  echo "http-audit: confgraph died during the audit:" >&2
  cat "$work/server.log" >&2
  status=1
fi
timings+=("total: $(since "$t0")")
printf 'http-audit: %s\n' "${timings[@]}" >&2
exit "$status"
