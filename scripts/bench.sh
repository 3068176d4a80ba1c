#!/usr/bin/env bash
# Runs the benchmarks and writes their figures, with the command that
# produced them and the machine they ran on, to BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
cmd=(go test -run '^$' -bench . -benchmem -count 5 ./loaders ./internal/server)
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"${cmd[@]}" | tee "$out"
{
  echo "# Benchmarks"
  echo
  echo "Written by \`make bench\` on $(date -u +%Y-%m-%d). Command:"
  echo
  echo '```'
  echo "${cmd[*]}"
  echo '```'
  echo
  echo "Machine: $(nproc) cores, $(go version | cut -d' ' -f3-4), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)."
  echo
  echo '```'
  grep -E '^(Benchmark|goos|goarch|pkg|cpu)' "$out"
  echo '```'
} > BENCHMARKS.md
echo "wrote BENCHMARKS.md"
