#!/usr/bin/env bash
# Regenerates pallets/*/src/weights.rs with `blockful-node benchmark pallet` on a
# **release** build of the node (built here, used only by this script and
# scripts/chain-bench.sh; CI never builds it) and the WASM runtime that build produced.
# Sampling: STEPS (default 20) and REPEAT (default 10); PALLETS limits the pallets
# (e.g. PALLETS="live threshold").
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
cargo build --locked --release -p blockful-node
node="$CARGO_TARGET_DIR/release/blockful-node"
wasm="$CARGO_TARGET_DIR/release/wbuild/blockful-runtime/blockful_runtime.compact.compressed.wasm"
[ -f "$wasm" ] || wasm="$CARGO_TARGET_DIR/release/wbuild/blockful-runtime/blockful_runtime.wasm"
for spec in archive:pallet_model_archive live:pallet_live_chain unlearning:pallet_unlearning threshold:pallet_threshold; do
	dir=${spec%%:*} pallet=${spec##*:}
	case " ${PALLETS:-archive live unlearning threshold} " in *" $dir "*) ;; *) continue ;; esac
	echo "[bench] $pallet"
	"$node" benchmark pallet --runtime "$wasm" --genesis-builder-preset development \
		--pallet "$pallet" --extrinsic '*' --steps "${STEPS:-20}" --repeat "${REPEAT:-10}" \
		--template scripts/templates/frame-weight-template.hbs \
		--output "pallets/$dir/src/weights.rs"
done
