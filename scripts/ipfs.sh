#!/usr/bin/env bash
# Starts the two IPFS (kubo) nodes of BlockFUL's model stores, for a person: one for the
# live store, one for the archive store (the paper keeps them in different IPFS instances).
#
#   ./scripts/ipfs.sh [DIR]      # repositories in DIR/live and DIR/archive
#                                # (default $BLOCKFUL_CACHE/ipfs, kept between runs)
#
# Loopback only: API, gateway and swarm on 127.0.0.1 with ports the kernel picks, no
# bootstrap peers, no routing (no DHT), no MDNS, no providing, TCP only, no relays — the
# settings of blockful_ml::store::daemon::LOOPBACK_CONFIG. Prints both API URLs (for
# `blockful-worker demo --store ipfs=… --archive-store ipfs=…`) and gateways, and stops
# both nodes on Ctrl-C. Builds kubo through scripts/bootstrap.sh when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
KUBO="${BLOCKFUL_KUBO:-$BLOCKFUL_CACHE/kubo/v0.43.1/ipfs}"
[ -x "$KUBO" ] || { bash scripts/bootstrap.sh; . scripts/env.sh; KUBO="$BLOCKFUL_KUBO"; }
DIR="${1:-$BLOCKFUL_CACHE/ipfs}"
mkdir -p "$DIR"

pids=()
stop() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
	echo "[ipfs] stopped"
}
trap stop EXIT
trap 'exit 130' INT TERM

start() { # start NAME: sets API and GATEWAY
	local repo="$DIR/$1"
	[ -f "$repo/config" ] || IPFS_PATH="$repo" "$KUBO" init --profile test --empty-repo >/dev/null
	# Applied at every start (idempotent), so an interrupted first run cannot leave a node
	# with kubo's default routing.
	for kv in 'Routing.Type "none"' 'Provide.Enabled false' \
			'Swarm.Transports.Network.QUIC false' 'Swarm.Transports.Network.WebTransport false' \
			'Swarm.Transports.Network.Websocket false' 'Swarm.Transports.Network.WebRTCDirect false' \
		'Swarm.RelayClient.Enabled false' 'Swarm.RelayService.Enabled false'; do
		# shellcheck disable=SC2086
		IPFS_PATH="$repo" "$KUBO" config --json ${kv%% *} "${kv#* }"
	done
	rm -f "$repo/api" "$repo/gateway"
	IPFS_PATH="$repo" "$KUBO" daemon --enable-gc=false >"$repo/daemon.log" 2>&1 &
	pids+=($!)
	for _ in $(seq 1 600); do
		if [ -s "$repo/api" ] && [ -s "$repo/gateway" ]; then
			API=$(sed 's#^/ip4/127.0.0.1/tcp/#http://127.0.0.1:#' "$repo/api")
			GATEWAY=$(cat "$repo/gateway")
			return 0
		fi
		kill -0 "${pids[-1]}" 2>/dev/null || { cat "$repo/daemon.log" >&2; return 1; }
		sleep 0.1
	done
	echo "[ipfs] $1 did not start; see $repo/daemon.log" >&2
	return 1
}

start live
live_api=$API live_gw=$GATEWAY
start archive
archive_api=$API archive_gw=$GATEWAY
cat <<MSG
[ipfs] live    store: API $live_api    gateway $live_gw    (repo $DIR/live)
[ipfs] archive store: API $archive_api    gateway $archive_gw    (repo $DIR/archive)
[ipfs] e.g.: ./scripts/demo.sh --store ipfs=$live_api --archive-store ipfs=$archive_api
[ipfs] a model: $live_gw/ipfs/<cid>      Ctrl-C stops both nodes
MSG
wait
