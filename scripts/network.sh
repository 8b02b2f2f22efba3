#!/usr/bin/env bash
# Spawns the BlockFUL 4+1 network with zombienet's native provider (zombienet/local-4.toml):
# validators alice, bob, charlie, dave (also the four committee members) and the full node
# `rpc`, all on 127.0.0.1 with free ports. Prints each node's RPC URL and ports; Ctrl-C
# stops the network (zombienet tears its nodes down; anything left is stopped by id).
#
#   ./scripts/network.sh
#   blockful-worker demo --url ws://127.0.0.1:<rpc port>      # in another shell
#
# BLOCKFUL_NODE  node binary (default $CARGO_TARGET_DIR/debug/blockful-node)
# ZN_DIR         network directory (default: a new temp dir; logs are kept there)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
. scripts/env.sh
export BLOCKFUL_NODE="${BLOCKFUL_NODE:-$CARGO_TARGET_DIR/debug/blockful-node}"
[ -x "$BLOCKFUL_NODE" ] || { echo "no node binary at $BLOCKFUL_NODE: build it first (cargo build -p blockful-node)" >&2; exit 1; }
zn="$root/zombienet"
npm_ci_if_stale "$zn"
dir="${ZN_DIR:-$(mktemp -d -t blockful-net-XXXXXX)}"
log="$dir.zombienet.log"

node "$zn/node_modules/@zombienet/cli/dist/cli.js" -p native -l text -d "$dir" -f spawn "$zn/local-4.toml" >"$log" 2>&1 &
zpid=$!
stop() {
	trap - EXIT INT TERM
	echo; echo "stopping the network…"
	kill -TERM "$zpid" 2>/dev/null && wait "$zpid" 2>/dev/null || true
	local pids; pids=$(pgrep -f -- "$dir/" || true)
	if [ -n "$pids" ]; then kill -KILL $pids 2>/dev/null || true; fi
	echo "stopped; node logs in $dir, zombienet's log $log"
}
trap stop EXIT INT TERM

echo "spawning the 4+1 network in $dir (zombienet log: $log)…"
for _ in $(seq 1 300); do
	[ -f "$dir/zombie.json" ] && break
	kill -0 "$zpid" 2>/dev/null || { tail -40 "$log"; echo "zombienet exited before the network was up" >&2; exit 1; }
	sleep 1
done
[ -f "$dir/zombie.json" ] || { tail -40 "$log"; echo "the network did not come up in 300 s" >&2; exit 1; }
node -e '
	const net = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
	const port = (u) => (u ? new URL(u).port : "?");
	console.log("\nnode      role                  RPC (ws)                   p2p    prometheus  log");
	for (const [name, n] of Object.entries(net.nodesByName)) {
		const p2p = (/\/tcp\/(\d+)/.exec(n.multiAddress || "") || [])[1] || "?";
		const role = name === "rpc" ? "full node" : "validator + committee";
		console.log(`${name.padEnd(9)} ${role.padEnd(21)} ${n.wsUri.padEnd(26)} ${p2p.padEnd(6)} ${port(n.prometheusUri).padEnd(11)} ${net.tmpDir}/${name}.log`);
	}
	const rpc = net.nodesByName.rpc ? net.nodesByName.rpc.wsUri : Object.values(net.nodesByName)[0].wsUri;
	console.log(`\npolkadot.js apps: https://polkadot.js.org/apps/?rpc=${encodeURIComponent(rpc)}#/explorer`);
	console.log(`worker demo:      blockful-worker demo --url ${rpc}`);
	console.log("committee: alice, bob, charlie, dave (threshold 3 of 4); CH key: made by their DKG at genesis, each node holds only its own member keys");
' "$dir/zombie.json"
echo; echo "network up; Ctrl-C stops it"
wait "$zpid"
