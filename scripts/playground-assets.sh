#!/usr/bin/env bash
# Fetches the playground's scripts and styles (GraphiQL, React, the
# explorer plugin) from the npm registry into a directory, so that
# `confgraph serve --playground-assets DIR` serves a playground that works
# without the CDN. The versions are those gqlgen's playground page pins; the
# page checks every file against its sha256 (SRI).
#   scripts/playground-assets.sh [DIR]   (default: tools/playground/assets)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$root/tools/playground/assets}
if ! command -v npm >/dev/null; then
  echo "playground-assets: npm not found" >&2
  exit 3
fi
if [ -f "$dir/graphiql/graphiql.min.js" ] && [ -f "$dir/@graphiql/plugin-explorer/dist/index.umd.js" ]; then
  echo "$dir"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent --ignore-scripts \
  graphiql@4.1.2 react@18.2.0 react-dom@18.2.0 @graphiql/plugin-explorer@4.0.6 >&2)
mkdir -p "$dir"
cp -r "$work/node_modules/graphiql" "$work/node_modules/react" "$work/node_modules/react-dom" "$dir/"
mkdir -p "$dir/@graphiql"
cp -r "$work/node_modules/@graphiql/plugin-explorer" "$dir/@graphiql/"
echo "$dir"
