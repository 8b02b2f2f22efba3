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
echo "[test] crate boundaries: the ML library has no chain dependency, the chain client no libtorch"
if cargo tree --locked -p blockful-ml -e normal --prefix none | grep -E '^(subxt|subxt-signer|blockful-chain-client|blockful-chameleon) v'; then
	echo "blockful-ml depends on chain crates (above)" >&2; exit 1
fi
if cargo tree --locked -p blockful-chain-client -e normal --prefix none | grep -E '^(tch|torch-sys|blockful-ml) v'; then
	echo "blockful-chain-client depends on libtorch or the ML library (above)" >&2; exit 1
fi
# Tests that start nodes and train models are CPU-heavy: two at a time on two cores.
# runtime/tests/metadata.rs fails when chain-client/metadata/blockful.scale is stale
# (regenerate with scripts/gen-metadata.sh).
cargo test --workspace --locked -- --test-threads=2
# The node and runtime above are the production build (no runtime-benchmarks, no
# try-runtime): the one in every chain spec. The pallets' benchmarks and try_state hooks
# run here in one extra feature build of the pallets alone, and the benchmarking node
# (scripts/bench-weights.sh builds it in release) is type-checked without its WASM.
echo "[test] pallets with --features try-runtime,runtime-benchmarks (try_state hooks, benchmark tests)"
cargo test --locked -p pallet-model-archive -p pallet-live-chain -p pallet-unlearning -p pallet-threshold \
	--features try-runtime,runtime-benchmarks -- --test-threads=2
echo "[test] the benchmarking node compiles (cargo check --features runtime-benchmarks)"
SKIP_WASM_BUILD=1 cargo check --locked -p blockful-node --features runtime-benchmarks
echo "[test] polkadot.js against blockful-node --dev (and --chain local)"
(cd e2e/js && BLOCKFUL_NODE="$CARGO_TARGET_DIR/debug/blockful-node" node --test polkadotjs.test.js)
echo "[test] polkadot-api through the node and through a smoldot light client"
npm_ci_if_stale clients/js
(cd e2e/js && BLOCKFUL_NODE="$CARGO_TARGET_DIR/debug/blockful-node" node --test --test-force-exit papi.test.js)
echo "[test] JS API definitions and the explorer in headless Chromium"
bash scripts/explorer-test.sh
echo "[test] zombienet network tests (4 validators + 1 RPC node each)"
bash scripts/network-test.sh
