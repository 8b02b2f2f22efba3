#!/usr/bin/env bash
# Tests of the JS client package and the explorer, the latter in headless Chromium against a
# real `blockful-node --dev` (explorer/test/explorer.test.js). Installs Debian's `chromium`
# if it is missing (never downloads a browser otherwise) and the node modules (npm ci).
#
#   ./scripts/explorer-test.sh          # node binary: $BLOCKFUL_NODE or $CARGO_TARGET_DIR/debug/blockful-node
#
# Screenshots: explorer/test/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "[explorer-test] $*"; }
. scripts/env.sh
export BLOCKFUL_NODE=${BLOCKFUL_NODE:-$CARGO_TARGET_DIR/debug/blockful-node}
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

if [ ! -x "$CHROMIUM" ]; then
	SUDO=""
	if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
	dpkg -s chromium >/dev/null 2>&1 || {
		say "installing Debian's chromium"
		$SUDO apt-get update -qq
		DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
	}
fi
[ -x "$CHROMIUM" ] || { echo "[explorer-test] $CHROMIUM missing" >&2; exit 1; }

say "e2e/js: the shared JavaScript chameleon hash's modules"
npm_ci_if_stale e2e/js
say "clients/js: definitions and helpers"
npm_ci_if_stale clients/js
(cd clients/js && node --test test/*.test.js && npx tsc -p tsconfig.json)
say "explorer: build"
npm_ci_if_stale explorer
(cd explorer && npx vite build --logLevel warn)
say "explorer: chameleon vectors and the browser test (node: $BLOCKFUL_NODE)"
(cd explorer && node --test --test-concurrency=1 test/*.test.js)
