#!/usr/bin/env bash
# Makes a fresh Debian (bookworm) machine able to build and test BlockFUL, offline except
# for the package registries. Idempotent: every step checks before it acts.
#
# What it provides:
#   - system packages: protobuf-compiler clang libclang-dev (node build), the Fashion-MNIST
#     data set (dataset-fashion-mnist, the worker's embedded default), Node.js/npm;
#   - a WASM-capable Rust toolchain for the runtime: a rustup wasm target with rust-src when
#     one is available, otherwise Debian's rustc-web 1.96 + lld-22 with a self-built
#     wasm32v1-none core/alloc/compiler_builtins installed into Debian's sysroot;
#   - libtorch (PyTorch 2.11.0 from PyPI in a venv) for the ML worker;
#   - kubo v0.43.1 (the IPFS node of the model stores), built with Go from the module proxy.
# Everything cached lives under $BLOCKFUL_CACHE (default ~/.cache/blockful).
set -euo pipefail

CACHE="${BLOCKFUL_CACHE:-$HOME/.cache/blockful}"
mkdir -p "$CACHE"
say() { printf '[bootstrap] %s\n' "$*" >&2; }
die() { printf '[bootstrap] ERROR: %s\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" != 0 ]; then
	command -v sudo >/dev/null || die "not root and no sudo: cannot install system packages"
	SUDO="sudo"
fi

# ---------------------------------------------------------------- system packages
need_pkgs=()
for p in protobuf-compiler clang libclang-dev dataset-fashion-mnist python3-venv nodejs npm; do
	dpkg -s "$p" >/dev/null 2>&1 || need_pkgs+=("$p")
done
# Node.js/npm may come from elsewhere on the image; only ask apt when absent.
if command -v node >/dev/null && command -v npm >/dev/null; then
	need_pkgs=("${need_pkgs[@]/nodejs}"); need_pkgs=("${need_pkgs[@]/npm}")
fi
# python3 -m venv may work without Debian's python3-venv (pyenv python).
if python3 -m venv --help >/dev/null 2>&1; then need_pkgs=("${need_pkgs[@]/python3-venv}"); fi
clean=(); for p in "${need_pkgs[@]}"; do [ -n "$p" ] && clean+=("$p"); done
if [ ${#clean[@]} -gt 0 ]; then
	say "installing Debian packages: ${clean[*]}"
	$SUDO apt-get update -qq || die "apt-get update failed"
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${clean[@]}" >/dev/null \
		|| die "apt-get install ${clean[*]} failed"
else
	say "system packages present"
fi

# ---------------------------------------------------------------- wasm toolchain
# The environment file the other scripts source to build with the chosen toolchain.
ENVF="$CACHE/toolchain.env"
if rustup target list --installed 2>/dev/null | grep -qE '^wasm32(v1-none|-unknown-unknown)$' \
	&& rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
	say "using rustup's wasm target"
	echo "# rustup toolchain with a wasm target" >"$ENVF"
else
	# Try to get it from rustup first; this machine kind cannot, so fall back to Debian.
	if rustup target add wasm32v1-none >/dev/null 2>&1 && rustup component add rust-src >/dev/null 2>&1; then
		say "installed rustup's wasm32v1-none + rust-src"
		echo "# rustup toolchain with a wasm target" >"$ENVF"
	else
		say "rustup has no wasm target here: using Debian's rustc-web + lld-22"
		deb=()
		for p in rustc-web cargo-web rust-web-src lld-22; do dpkg -s "$p" >/dev/null 2>&1 || deb+=("$p"); done
		if [ ${#deb[@]} -gt 0 ]; then
			say "installing ${deb[*]}"
			$SUDO apt-get update -qq
			DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${deb[@]}" >/dev/null \
				|| die "cannot install ${deb[*]} (need Debian bookworm-security/main)"
		fi
		[ -x /usr/bin/rust-lld ] || $SUDO ln -sf /usr/bin/lld-22 /usr/bin/rust-lld
		sysroot_lib=/usr/lib/rustlib/wasm32v1-none/lib
		rustc_ver=$(/usr/bin/rustc --version)
		if [ ! -f "$sysroot_lib/.blockful-stamp" ] || [ "$(cat "$sysroot_lib/.blockful-stamp")" != "$rustc_ver" ]; then
			say "building core/alloc/compiler_builtins for wasm32v1-none ($rustc_ver)"
			work="$CACHE/wasm-std-build"
			rm -rf "$work"; mkdir -p "$work/src"
			cat >"$work/Cargo.toml" <<'TOML'
[package]
name = "wasm-std-seed"
version = "0.0.0"
edition = "2021"
[lib]
crate-type = ["cdylib"]
[profile.release]
panic = "abort"
TOML
			cat >"$work/src/lib.rs" <<'RS'
#![no_std]
extern crate alloc;
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! { loop {} }
RS
			(cd "$work" && RUSTC_BOOTSTRAP=1 RUSTFLAGS="-C embed-bitcode=yes" \
				/usr/bin/cargo build -q --release -Zbuild-std=core,alloc --target wasm32v1-none) \
				|| die "building the wasm32v1-none standard library failed"
			$SUDO mkdir -p "$sysroot_lib"
			for c in core alloc compiler_builtins; do
				f=$(ls "$work"/target/wasm32v1-none/release/deps/lib${c}-*.rlib | head -n1)
				[ -n "$f" ] || die "lib$c rlib not produced"
				$SUDO cp "$f" "$sysroot_lib/"
			done
			echo "$rustc_ver" | $SUDO tee "$sysroot_lib/.blockful-stamp" >/dev/null
			# Stale runtime wasm builds would link against the old rlibs.
			rm -rf "$CACHE"/target/*/wbuild
		else
			say "wasm32v1-none sysroot present ($rustc_ver)"
		fi
		cat >"$ENVF" <<ENV
# Debian rustc-web toolchain for host and wasm builds (see scripts/bootstrap.sh)
export CARGO=/usr/bin/cargo
export RUSTC=/usr/bin/rustc
export RUSTDOC=/usr/bin/rustdoc
export WASM_BUILD_RUSTFLAGS="-C link-arg=--allow-undefined"
ENV
	fi
fi

# ---------------------------------------------------------------- libtorch (PyTorch 2.11.0)
VENV="$CACHE/venv"
if ! "$VENV/bin/python" -c 'import torch, sys; sys.exit(0 if torch.__version__.startswith("2.11.0") else 1)' 2>/dev/null; then
	say "installing torch==2.11.0 into $VENV (about 4.6 GB, a few minutes)"
	python3 -m venv "$VENV" || die "cannot create a Python venv"
	"$VENV/bin/pip" install -q torch==2.11.0 || die "pip install torch==2.11.0 failed"
else
	say "libtorch present ($VENV)"
fi
cat >>"$ENVF" <<ENV
export LIBTORCH="$VENV/lib/python3.11/site-packages/torch"
export LIBTORCH_BYPASS_VERSION_CHECK=1
ENV
sed -i "s#python3.11#$("$VENV/bin/python" -c 'import sys; print(f"python{sys.version_info[0]}.{sys.version_info[1]}")')#" "$ENVF"

# ---------------------------------------------------------------- kubo (IPFS) v0.43.1
# `go install github.com/ipfs/kubo/cmd/ipfs@v0.43.1` refuses a module whose go.mod has a
# replace directive, and kubo v0.43.1 replaces go-libp2p by a fork commit
# (github.com/lidel/go-libp2p) that the module proxy does not serve. So the pinned module is
# downloaded, copied, and built with upstream go-libp2p v0.49.0 (the version kubo requires)
# and the quic-go v0.60.0 / webtransport-go v0.11.1 that v0.49.0 requires (the fork only
# moved those forward; BlockFUL's nodes use TCP alone, QUIC and WebTransport are off).
KUBO_VERSION=0.43.1
KUBO_BIN="$CACHE/kubo/v$KUBO_VERSION/ipfs"
if "$KUBO_BIN" version 2>/dev/null | grep -q "ipfs version $KUBO_VERSION"; then
	say "kubo $KUBO_VERSION present ($KUBO_BIN)"
else
	command -v go >/dev/null || die "go is missing: kubo (IPFS) is built with Go (>= 1.26)"
	say "building kubo $KUBO_VERSION (Go module proxy; about 2 minutes)"
	export GOMODCACHE="$CACHE/go/mod" GOCACHE="$CACHE/go/build" GOFLAGS="-buildvcs=false -mod=mod" GOTOOLCHAIN=local
	(cd "$CACHE" && go mod download "github.com/ipfs/kubo@v$KUBO_VERSION") || die "go mod download kubo@v$KUBO_VERSION failed"
	src="$CACHE/kubo/src-v$KUBO_VERSION"
	mkdir -p "$(dirname "$KUBO_BIN")"
	rm -rf "$src"
	cp -r "$GOMODCACHE/github.com/ipfs/kubo@v$KUBO_VERSION" "$src" || die "copying the kubo module failed"
	chmod -R u+w "$src"
	sed -i -e '/^replace github.com\/libp2p\/go-libp2p =>/d' \
		-e 's#github.com/quic-go/quic-go v0.62.0 // indirect#github.com/quic-go/quic-go v0.60.0 // indirect#' \
		-e 's#github.com/quic-go/webtransport-go v0.13.0 // indirect#github.com/quic-go/webtransport-go v0.11.1 // indirect#' \
		"$src/go.mod"
	# Each edit must have matched: kubo's go.mod is pinned, a silent no-op would build something else.
	! grep -q '^replace github.com/libp2p/go-libp2p' "$src/go.mod" \
		&& grep -q 'github.com/quic-go/quic-go v0.60.0' "$src/go.mod" \
		&& grep -q 'github.com/quic-go/webtransport-go v0.11.1' "$src/go.mod" \
		|| die "kubo v$KUBO_VERSION's go.mod is not the one this script patches"
	(cd "$src" && go build -trimpath -o "$KUBO_BIN.tmp" ./cmd/ipfs) || die "building kubo failed"
	mv "$KUBO_BIN.tmp" "$KUBO_BIN"
	"$KUBO_BIN" version | grep -q "ipfs version $KUBO_VERSION" || die "the built kubo does not report version $KUBO_VERSION"
	say "kubo $KUBO_VERSION built: $KUBO_BIN"
fi
echo "export BLOCKFUL_KUBO=\"$KUBO_BIN\"" >>"$ENVF"

# ---------------------------------------------------------------- polkadot.js test client
JS_DIR="$(cd "$(dirname "$0")/.." && pwd)/e2e/js"
if [ -f "$JS_DIR/package-lock.json" ]; then
	stamp="$JS_DIR/node_modules/.blockful-lock"
	if [ ! -f "$stamp" ] || ! cmp -s "$JS_DIR/package-lock.json" "$stamp"; then
		command -v npm >/dev/null || die "npm is missing (Debian package npm)"
		say "installing the polkadot.js test's node modules (npm ci)"
		(cd "$JS_DIR" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci failed in $JS_DIR"
		cp "$JS_DIR/package-lock.json" "$stamp"
	else
		say "node modules present"
	fi
fi

say "done; toolchain environment in $ENVF"
