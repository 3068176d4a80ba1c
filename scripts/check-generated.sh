#!/usr/bin/env bash
# Regenerates the gqlgen code in a scratch copy of the repository and fails
# when the result differs from what is committed: generated code is never
# edited by hand and never stale. tools/resolvergen is gqlgen with the
# resolvers that follow from the schema table generated (resolvers_gen.go).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
git ls-files -z --cached --others --exclude-standard | xargs -0 -I{} cp --parents {} "$tmp"/ 2>/dev/null || true
(cd "$tmp" && go run ./tools/resolvergen)
status=0
for f in graph/generated.go graph/models_gen.go graph/resolvers_gen.go; do
  if ! cmp -s "$root/$f" "$tmp/$f"; then
    echo "check-generated: $f is out of date; run 'make generate' and commit the result" >&2
    diff -u "$root/$f" "$tmp/$f" | head -40 >&2 || true
    status=1
  fi
done
[ $status -eq 0 ] && echo "check-generated: generated GraphQL code is up to date"
exit $status
