#!/usr/bin/env bash
# The whole test suite: bootstrap (idempotent), then every crate's unit, integration and
# doc tests, including the runtime integration tests and the node smoke tests that start
# real nodes. Builds go to the persistent cache ($BLOCKFUL_CACHE/target), so a second run
# is incremental.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
. scripts/env.sh
echo "[test] cargo target dir: $CARGO_TARGET_DIR"
# Tests that start nodes and train models are CPU-heavy: two at a time on two cores.
cargo test --workspace --locked -- --test-threads=2
echo "[test] pallets with --features try-runtime (their try_state hooks as the runtime runs them)"
cargo test --locked -p pallet-model-archive -p pallet-live-chain -p pallet-unlearning \
	--features try-runtime -- --test-threads=2
echo "[test] polkadot.js against blockful-node --dev (and --chain local)"
(cd e2e/js && BLOCKFUL_NODE="$CARGO_TARGET_DIR/debug/blockful-node" node --test polkadotjs.test.js)
echo "[test] JS API definitions and the explorer in headless Chromium"
bash scripts/explorer-test.sh
echo "[test] zombienet network tests (4 validators + 1 RPC node each)"
bash scripts/network-test.sh
