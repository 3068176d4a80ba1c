#!/usr/bin/env bash
# Drives the GraphiQL playground in headless Chromium the way a person would:
# runs the README's headline query and checks the answer on the page, opens
# the Docs pane on Talk and checks its fields, and types a query to see
# autocomplete offer `speakers` (tests/browser/playground.test.mjs). Installs what it needs: Chromium from
# Debian's packages when `chromium` is missing (as root, or with sudo),
# playwright-core from tests/browser/package-lock.json, and the playground's
# scripts (scripts/playground-assets.sh), so the page loads nothing from
# outside this machine.
#   scripts/browser-test.sh
# Environment: CORPUS (default ../shared/corpus), ARTIFACTS_DIR (default
# artifacts; the screenshot goes there), PLAYGROUND_ASSETS (default that of
# scripts/playground-assets.sh), CHROMIUM (default /usr/bin/chromium).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
corpus=${CORPUS:-$root/../shared/corpus}
export ARTIFACTS_DIR=${ARTIFACTS_DIR:-$root/artifacts}
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

me=browser-test
# shellcheck source=scripts/lib-serve.sh
. "$root/scripts/lib-serve.sh"

install_chromium() {
  if [ -x "$CHROMIUM" ]; then
    return
  fi
  local sudo=
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "browser-test: $CHROMIUM missing and not root: install Debian's chromium package" >&2; exit 3; }
    sudo=sudo
  fi
  $sudo apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium >&2
  [ -x "$CHROMIUM" ] || { echo "browser-test: installed chromium but $CHROMIUM is not there" >&2; exit 3; }
}

npm_install() {
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error >&2)
}

check_page_is_local() {
  local page
  page=$(curl -fsS "$base/")
  if ! grep -q '/playground-assets/' <<<"$page"; then
    echo "browser-test: the playground page does not load /playground-assets/ (confgraph fell back to the CDN?):" >&2
    grep -E '<script|<link' <<<"$page" >&2 || true
    cat "$work/server.log" >&2
    exit 1
  fi
}

step "chromium ($( [ -x "$CHROMIUM" ] && echo present || echo 'apt-get install'))" install_chromium
step "npm ci (tests/browser)" npm_install
step "playground assets" eval 'assets=${PLAYGROUND_ASSETS:-$(scripts/playground-assets.sh)}'
step "go build + start confgraph" start_server --playground-assets "$assets"
check_page_is_local
echo "browser-test: $("$CHROMIUM" --version 2>/dev/null), playwright-core $(node -p 'require("./tests/browser/node_modules/playwright-core/package.json").version'), confgraph at $base/" >&2
mkdir -p "$ARTIFACTS_DIR"
status=0
start=$(date +%s.%N)
CONFGRAPH_URL="$base/" README="$root/README.md" node tests/browser/playground.test.mjs || status=$?
timings+=("playground test: $(since "$start")")
if [ "$status" != 0 ]; then
  echo "browser-test: server log:" >&2
  cat "$work/server.log" >&2
fi
timings+=("total: $(since "$t0")")
printf 'browser-test: %s\n' "${timings[@]}" >&2
exit "$status"
