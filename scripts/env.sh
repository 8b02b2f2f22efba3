# Sourced by the project's scripts: the toolchain chosen by bootstrap.sh and the persistent
# build cache outside the clone.
BLOCKFUL_CACHE="${BLOCKFUL_CACHE:-$HOME/.cache/blockful}"
export BLOCKFUL_CACHE
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$BLOCKFUL_CACHE/target}"
# The target dir lives outside the clone, so tell the runtime's WASM builder where the
# workspace (and its Cargo.lock) is.
export WASM_BUILD_WORKSPACE_HINT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# rustc >= 1.96 no longer lets wasm imports stay undefined by default; host functions need it.
export WASM_BUILD_RUSTFLAGS="${WASM_BUILD_RUSTFLAGS:--C link-arg=--allow-undefined}"
# `npm_ci_if_stale DIR`: installs DIR's node modules pinned by its package-lock.json with
# `npm ci`, only when they are missing or older than the lock file (idempotent).
npm_ci_if_stale() {
	if [ ! -f "$1/node_modules/.package-lock.json" ] || [ "$1/package-lock.json" -nt "$1/node_modules/.package-lock.json" ]; then
		echo "[npm] installing $1's node modules (npm ci)" >&2
		(cd "$1" && npm ci --no-audit --no-fund --loglevel=error)
	fi
}
if [ -f "$BLOCKFUL_CACHE/toolchain.env" ]; then
	# shellcheck disable=SC1091
	. "$BLOCKFUL_CACHE/toolchain.env"
fi
