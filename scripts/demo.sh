#!/usr/bin/env bash
# The main job: bootstrap, build the node and the ML worker, then `blockful-worker demo`:
# it starts a dev chain, trains the fig4 model DAG on Fashion-MNIST (CPU), unlearns class 1
# with both paradigms, applies them through the chain (publish, request, redactions whose
# collisions the committee's off-chain workers compute, integrity check), prints the paper-shaped table and the cost table, writes the
# report directory and stops the node. Extra arguments go to `blockful-worker demo`
# (e.g. `--out DIR`, `--url ws://...`, `--repair`, `--device cuda`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
. scripts/env.sh
echo "[demo] building the workspace (incremental after the first time)"
# The whole workspace with all targets: the same feature set as the test command, so the
# two commands share one build cache instead of compiling the node twice.
cargo build --locked --workspace --all-targets
# The report goes to ./blockful-demo unless --out DIR is given.
exec "$CARGO_TARGET_DIR/debug/blockful-worker" demo --node-bin "$CARGO_TARGET_DIR/debug/blockful-node" "$@"
