#!/usr/bin/env bash
# Starts a development chain and prints blocks as they are produced and finalized. Stops
# after BLOCKFUL_DEMO_BLOCKS finalized blocks (default 10); --forever keeps it running.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
. scripts/env.sh
cargo build --locked -p blockful-node
node_bin="$CARGO_TARGET_DIR/debug/blockful-node"
want="${BLOCKFUL_DEMO_BLOCKS:-10}"
forever=0; [ "${1:-}" = "--forever" ] && forever=1
rpc_port="${BLOCKFUL_RPC_PORT:-9944}"
log="$(mktemp -t blockful-node.XXXXXX.log)"
"$node_bin" --dev --tmp --rpc-port "$rpc_port" --no-telemetry >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT INT TERM
echo "[devchain] dev node pid $pid, RPC ws://127.0.0.1:$rpc_port, log $log"
rpc() { curl -s -H 'Content-Type: application/json' \
	-d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":$2}" "http://127.0.0.1:$rpc_port"; }
num() { python3 -c 'import json,sys; print(int(json.load(sys.stdin)["result"]["number"],16))'; }
for _ in $(seq 1 120); do rpc system_health '[]' >/dev/null 2>&1 && break; sleep 1; done
rpc system_health '[]' >/dev/null || { echo "[devchain] node RPC did not come up; log:"; tail -30 "$log"; exit 1; }
last=-1
while :; do
	best=$(rpc chain_getHeader '[]' | num)
	fin_hash=$(rpc chain_getFinalizedHead '[]' | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"])')
	fin=$(rpc chain_getHeader "[\"$fin_hash\"]" | num)
	if [ "$best" != "$last" ]; then printf '[devchain] best #%-5s finalized #%s\n' "$best" "$fin"; last=$best; fi
	if [ "$forever" = 0 ] && [ "$fin" -ge "$want" ]; then
		echo "[devchain] $fin blocks finalized (--forever keeps the chain running)"; break
	fi
	kill -0 $pid 2>/dev/null || { echo "[devchain] node died; log:"; tail -30 "$log"; exit 1; }
	sleep 1
done
