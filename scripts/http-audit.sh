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

me=http-audit
# shellcheck source=scripts/lib-serve.sh
. "$root/scripts/lib-serve.sh"

npm_install() {
  (cd tests/httpaudit && npm ci --no-audit --no-fund --loglevel=error >&2)
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
