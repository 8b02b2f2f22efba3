#!/usr/bin/env bash
# Regenerates pallets/*/src/weights.rs with the node's `benchmark pallet` on the release
# WASM runtime that the node build produced. STEPS/REPEAT override the sampling.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
cargo build --locked --workspace --all-targets   # the test command's feature set: one build cache
node="$CARGO_TARGET_DIR/debug/blockful-node"
wasm="$CARGO_TARGET_DIR/debug/wbuild/blockful-runtime/blockful_runtime.compact.compressed.wasm"
[ -f "$wasm" ] || wasm="$CARGO_TARGET_DIR/debug/wbuild/blockful-runtime/blockful_runtime.wasm"
for spec in archive:pallet_model_archive live:pallet_live_chain unlearning:pallet_unlearning threshold:pallet_threshold; do
	dir=${spec%%:*} pallet=${spec##*:}
	echo "[bench] $pallet"
	"$node" benchmark pallet --runtime "$wasm" --genesis-builder-preset development \
		--pallet "$pallet" --extrinsic '*' --steps "${STEPS:-10}" --repeat "${REPEAT:-5}" \
		--template scripts/templates/frame-weight-template.hbs \
		--output "pallets/$dir/src/weights.rs"
done
