#!/usr/bin/env bash
# Regenerates chain-client/metadata/blockful.scale (runtime metadata V16, SCALE) from the
# runtime's code, the file from which the chain client's typed API is generated. Run it
# after changing any pallet's calls, storage, events or types; `scripts/test.sh` fails
# (runtime/tests/metadata.rs) while the file is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
BLOCKFUL_WRITE_METADATA=1 cargo test --locked --workspace --test metadata -- --nocapture
