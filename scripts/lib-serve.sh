# Shared by the scripts that test a live confgraph (source it after setting
# `me`, the script's name for messages): timing of steps, a scratch
# directory cleaned up on exit, and start_server, which builds confgraph,
# starts it on a free loopback port with the given extra flags, waits for
# /readyz and sets $base and $pid.

timings=()
t0=$(date +%s.%N)
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1fs", b - a }'; }
step() { # step NAME COMMAND...: runs the command (set -e holds), records how long it took
  local name=$1 start
  shift
  start=$(date +%s.%N)
  echo "$me: $name" >&2
  "$@"
  timings+=("$name: $(since "$start")")
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
  "$work/confgraph" serve --store memory --corpus "$corpus" --addr "127.0.0.1:$port" "$@" >"$work/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do
    if curl -fsS -o /dev/null "$base/readyz" 2>/dev/null; then
      return
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$me: confgraph exited before it was ready:" >&2
      cat "$work/server.log" >&2
      exit 1
    fi
    sleep 0.1
  done
  echo "$me: $base/readyz not ready after 30s:" >&2
  cat "$work/server.log" >&2
  exit 1
}
