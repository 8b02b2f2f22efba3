#!/usr/bin/env bash
# Builds the BlockFUL explorer (explorer/, vite) and serves it on 127.0.0.1 against a node.
#
#   ./scripts/explorer.sh                          # against ws://127.0.0.1:9944
#   ./scripts/explorer.sh ws://127.0.0.1:9945      # another node (e.g. scripts/local-net.sh)
#   EXPLORER_PORT=8091 ./scripts/explorer.sh       # serve on another port (default 8090)
#   EXPLORER_NO_BUILD=1 ./scripts/explorer.sh      # serve the existing explorer/dist
#
# Then open the printed URL; the node URL can also be changed in the page (or with ?ws=).
# Everything is bundled into explorer/dist: the browser needs no network but the node's
# WebSocket. Needs Node.js >= 18 and npm (Debian: `apt-get install nodejs npm`).
set -euo pipefail
cd "$(dirname "$0")/.."
WS_URL=${1:-${BLOCKFUL_WS:-ws://127.0.0.1:9944}}
PORT=${EXPLORER_PORT:-8090}
say() { echo "[explorer] $*"; }
command -v node >/dev/null && command -v npm >/dev/null || { echo "[explorer] node and npm are needed" >&2; exit 1; }

. scripts/env.sh
npm_ci_if_stale explorer
cd explorer
if [ "${EXPLORER_NO_BUILD:-0}" != 1 ] || [ ! -f dist/index.html ]; then
	say "building (vite build)"
	npx vite build --logLevel warn
fi
say "serving explorer/dist for $WS_URL"
exec node serve.js --host 127.0.0.1 --port "$PORT" --ws "$WS_URL"
