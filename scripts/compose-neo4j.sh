#!/bin/bash
# Entrypoint of docker-compose.yml's neo4j service. Neo4j takes NEO4J_AUTH
# only when its data volume is first made, so a NEO4J_PASSWORD changed
# afterwards would leave `load` and `serve` locked out. This wrapper starts
# Neo4j as its image does, and once Bolt answers makes the password the one
# compose gives now: it remembers the password it last set (in the data
# volume) and changes it from that one when they differ.
set -euo pipefail
want=${NEO4J_AUTH#neo4j/}
record=/data/.confgraph-password

/startup/docker-entrypoint.sh neo4j &
neo=$!
trap 'kill -TERM "$neo" 2>/dev/null; wait "$neo"' TERM INT

shell() { cypher-shell -a bolt://127.0.0.1:7687 -u neo4j "$@"; }
# quote makes a Cypher string literal.
quote() { printf "'%s'" "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e "s/'/\\\\'/g")"; }
ok=
for _ in $(seq 1 120); do
  if shell -p "$want" 'RETURN 1' >/dev/null 2>&1; then
    printf '%s' "$want" >"$record"
    ok=1
    break
  fi
  if [ -s "$record" ] && [ "$(cat "$record")" != "$want" ] && shell -p "$(cat "$record")" 'RETURN 1' >/dev/null 2>&1; then
    echo "compose-neo4j: NEO4J_PASSWORD changed since the volume was made; changing the neo4j user's password" >&2
    shell -p "$(cat "$record")" -d system "ALTER CURRENT USER SET PASSWORD FROM $(quote "$(cat "$record")") TO $(quote "$want")"
    continue
  fi
  sleep 2
done
if [ -z "$ok" ]; then
  echo "compose-neo4j: the neo4j user's password is not NEO4J_PASSWORD, and the one set before is unknown:" \
    "start with the old NEO4J_PASSWORD, or remove the volume (docker compose down -v) to start over" >&2
fi
wait "$neo"
