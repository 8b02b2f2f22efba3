#!/usr/bin/env bash
# Throughput in real blocks (issue 15): starts a release `blockful-node --dev` (the
# production runtime, as in every chain spec) on free
# local ports, runs `blockful-worker chain-bench` against it (a flood of
# `Balances.transfer_keep_alive` and one of `LiveChain.publish_model`, counted in finalized
# blocks; then the largest redaction the runtime allows, in one threshold redaction) and
# stops the node. Extra arguments go to `chain-bench` (e.g. `--accounts 64
# --per-account 200 --json out.json`; `--dag 100000` for the DAG-scale run instead of the
# star redaction).
# NODE_PROFILE=dev runs the workspace's dev-profile node instead (the tests' build: its
# dependencies optimised at opt-level 2, the same release-built WASM runtime; no hour-long
# release build on a cold machine). Block contents are bound by the runtime's declared
# weights either way; say which node a figure came from.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
case "${NODE_PROFILE:-release}" in
release)
	cargo build --locked --release -p blockful-node
	cargo build --locked -p blockful-worker
	node="$CARGO_TARGET_DIR/release/blockful-node" ;;
dev)
	# Both in one build: the feature set of the tests' build, so nothing rebuilds.
	cargo build --locked -p blockful-node -p blockful-worker
	node="$CARGO_TARGET_DIR/debug/blockful-node" ;;
*) echo "NODE_PROFILE must be release or dev" >&2; exit 2 ;;
esac
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rpc=$(port) p2p=$(port)
log=$(mktemp -t blockful-chain-bench.XXXXXX.log)
# The single-state pool: under a burst of thousands of transactions the default fork-aware
# pool left part of them stuck (never included) in two of four runs here. A larger pool
# than the default 8,192 transactions: `--dag` hands it a wave of publishes, then every
# owner's update of a request of up to 12,000 models, at once.
"$node" --dev --tmp --no-telemetry --no-prometheus --no-mdns --pool-type single-state \
	--pool-limit 32768 --pool-kbytes 262144 \
	--rpc-port "$rpc" --port "$p2p" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
echo "[chain-bench] ${NODE_PROFILE:-release} node pid $pid, ws://127.0.0.1:$rpc, log $log"
timeout ${CHAIN_BENCH_TIMEOUT:-1800} "$CARGO_TARGET_DIR/debug/blockful-worker" chain-bench --url "ws://127.0.0.1:$rpc" --node-log "$log" "$@"
