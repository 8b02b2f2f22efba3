#!/usr/bin/env bash
# Regenerates pallets/*/src/weights.rs with `blockful-node benchmark pallet` on the
# **benchmarking build**: a release node with `--features runtime-benchmarks` (built here,
# used only by this script; CI only type-checks it) and the WASM runtime that build
# produced. That runtime imports the benchmarking host functions and offers the Benchmark
# API, so it never goes into a chain spec: the default build's runtime does.
# Sampling: STEPS (default 20) and REPEAT (default 10); PALLETS limits the pallets
# (e.g. PALLETS="live threshold"; `balances` is the SDK's balances pallet, into
# runtime/src/weights/).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
# Its own target dir, so that it and the production release node (scripts/chain-bench.sh)
# stay incremental instead of rebuilding each other's feature set.
target="$CARGO_TARGET_DIR/benchmarking"
cargo build --locked --release -p blockful-node --features runtime-benchmarks --target-dir "$target"
node="$target/release/blockful-node"
wasm="$target/release/wbuild/blockful-runtime/blockful_runtime.compact.compressed.wasm"
[ -f "$wasm" ] || wasm="$target/release/wbuild/blockful-runtime/blockful_runtime.wasm"
for spec in archive:pallet_model_archive live:pallet_live_chain unlearning:pallet_unlearning threshold:pallet_threshold; do
	dir=${spec%%:*} pallet=${spec##*:}
	case " ${PALLETS:-archive live unlearning threshold balances} " in *" $dir "*) ;; *) continue ;; esac
	echo "[bench] $pallet"
	"$node" benchmark pallet --runtime "$wasm" --genesis-builder-preset development \
		--pallet "$pallet" --extrinsic '*' --steps "${STEPS:-20}" --repeat "${REPEAT:-10}" \
		--template scripts/templates/frame-weight-template.hbs \
		--output "pallets/$dir/src/weights.rs"
done
# The SDK's balances pallet, on the same machine (transfers share the blocks with ours).
case " ${PALLETS:-archive live unlearning threshold balances} " in *" balances "*)
	echo "[bench] pallet_balances"
	"$node" benchmark pallet --runtime "$wasm" --genesis-builder-preset development \
		--pallet pallet_balances --extrinsic '*' --steps "${STEPS:-20}" --repeat "${REPEAT:-10}" \
		--output runtime/src/weights/pallet_balances.rs ;;
esac
