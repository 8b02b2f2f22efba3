#!/usr/bin/env bash
# Starts a four-node `--chain local` network by hand, without zombienet: Alice, Bob, Charlie
# and Dave all validate (GRANDPA survives one of them failing). RPC ports 9944..9947.
# Ctrl-C stops all. The local preset uses the public dev keys: never for anything real.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
bin="$CARGO_TARGET_DIR/debug/blockful-node"
[ -x "$bin" ] || { echo "build first: cargo build -p blockful-node (or scripts/demo.sh)"; exit 1; }
base="$(mktemp -d -t blockful-net.XXXXXX)"
alice_key=0000000000000000000000000000000000000000000000000000000000000001
key_file="$base/alice.key"; printf %s "$alice_key" >"$key_file"
alice_peer=$("$bin" key inspect-node-key --file "$key_file")
boot="/ip4/127.0.0.1/tcp/30333/p2p/$alice_peer"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; echo "stopped; logs in $base"' EXIT INT TERM
start() { # name p2p rpc extra...
	local name=$1 p2p=$2 rpc=$3; shift 3
	"$bin" --chain local --base-path "$base/$name" --port "$p2p" --rpc-port "$rpc" \
		--prometheus-port $((rpc + 1000)) --no-telemetry --no-mdns "$@" >"$base/$name.log" 2>&1 &
	pids+=($!); echo "$name: rpc ws://127.0.0.1:$rpc log $base/$name.log"
}
start alice 30333 9944 --alice --node-key "$alice_key"
start bob 30334 9945 --bob --node-key 0000000000000000000000000000000000000000000000000000000000000002 --bootnodes "$boot"
start charlie 30335 9946 --charlie --bootnodes "$boot"
start dave 30336 9947 --dave --bootnodes "$boot"
echo "following Alice's log (Ctrl-C stops the network)"; tail -f "$base/alice.log"
