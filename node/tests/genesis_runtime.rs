//! The runtime that goes into every chain spec's genesis (`:code` of `build-spec --raw`, for
//! `--dev` and `--chain local`; consortium specs use the same code) is one that a light
//! client can execute: the production build (no `runtime-benchmarks`, no `try-runtime`),
//! zstd-compressed, importing no host function outside the standard
//! `sp_io::SubstrateHostFunctions` (no `ext_benchmarking_*`, which smoldot does not
//! provide), offering no `Benchmark` or `TryRuntime` runtime API.

use std::{collections::BTreeSet, process::Command};

use sc_executor::WasmExecutor;
use sc_executor_common::runtime_blob::RuntimeBlob;
use sp_maybe_compressed_blob::CODE_BLOB_BOMB_LIMIT;

/// The storage key of the runtime code, `:code`, as hex.
const CODE_KEY: &str = "0x3a636f6465";

/// `:code` of the raw chain spec of `chain`, as the node writes it.
fn genesis_code(chain: &str) -> Vec<u8> {
	let out = Command::new(env!("CARGO_BIN_EXE_blockful-node"))
		.args(["build-spec", "--chain", chain, "--raw"])
		.output()
		.expect("runs blockful-node build-spec");
	assert!(out.status.success(), "build-spec --chain {chain}: {}", String::from_utf8_lossy(&out.stderr));
	let spec: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON chain spec");
	let code = spec["genesis"]["raw"]["top"][CODE_KEY].as_str().expect("a raw spec with :code");
	sp_core::bytes::from_hex(code).expect("hex code")
}

/// Reads an unsigned LEB128 number at `*at`.
fn leb128(bytes: &[u8], at: &mut usize) -> u32 {
	let (mut value, mut shift) = (0u32, 0);
	loop {
		let byte = bytes[*at];
		*at += 1;
		value |= u32::from(byte & 0x7f) << shift;
		if byte & 0x80 == 0 {
			return value;
		}
		shift += 7;
	}
}

/// Reads a length-prefixed UTF-8 name at `*at`.
fn name(bytes: &[u8], at: &mut usize) -> String {
	let len = leb128(bytes, at) as usize;
	let text = String::from_utf8(bytes[*at..*at + len].to_vec()).expect("a UTF-8 import name");
	*at += len;
	text
}

/// The `(module, field)` of every import of a WASM module (section 2 of the binary format).
fn imports(wasm: &[u8]) -> Vec<(String, String)> {
	assert_eq!(&wasm[..8], b"\0asm\x01\0\0\0", "a WASM v1 module");
	let mut at = 8;
	while at < wasm.len() {
		let id = wasm[at];
		at += 1;
		let size = leb128(wasm, &mut at) as usize;
		if id != 2 {
			at += size;
			continue;
		}
		let mut out = Vec::new();
		for _ in 0..leb128(wasm, &mut at) {
			let module = name(wasm, &mut at);
			let field = name(wasm, &mut at);
			match wasm[at] {
				0x00 => {
					at += 1;
					leb128(wasm, &mut at); // type index
				},
				0x02 => {
					at += 1;
					let flags = wasm[at];
					at += 1;
					leb128(wasm, &mut at);
					if flags & 1 == 1 {
						leb128(wasm, &mut at);
					}
				},
				kind => panic!("import kind {kind:#x} of {module}:{field} is unexpected in a runtime"),
			}
			out.push((module, field));
		}
		return out;
	}
	Vec::new()
}

#[test]
fn genesis_runtime_is_compressed_and_imports_no_benchmarking_host_function() {
	for chain in ["dev", "local"] {
		let compressed = genesis_code(chain);
		let wasm = sp_maybe_compressed_blob::decompress(&compressed, CODE_BLOB_BOMB_LIMIT)
			.expect("decompresses");
		assert!(compressed.len() < wasm.len(), "{chain}: :code is compressed");
		let imports = imports(&wasm);
		let functions: BTreeSet<&str> =
			imports.iter().filter(|(m, _)| m == "env").map(|(_, f)| f.as_str()).collect();
		println!(
			"MEASURED {chain} genesis runtime: {} bytes compressed ({:.2} MiB), {} bytes of WASM, {} host functions imported",
			compressed.len(),
			compressed.len() as f64 / (1u64 << 20) as f64,
			wasm.len(),
			functions.len()
		);
		let foreign: Vec<_> = functions
			.iter()
			.filter(|f| f.starts_with("ext_benchmarking") || f.contains("try_runtime"))
			.collect();
		assert!(foreign.is_empty(), "{chain}: the genesis runtime imports {foreign:?}");
		assert!(functions.contains("ext_storage_get_version_1"), "the list is the runtime's imports");
	}
}

#[test]
fn genesis_runtime_runs_on_the_standard_host_functions_alone() {
	// `allow_missing_host_functions = false`: instantiation fails on any import that
	// `sp_io::SubstrateHostFunctions` does not provide.
	let executor = WasmExecutor::<sp_io::SubstrateHostFunctions>::builder()
		.with_allow_missing_host_functions(false)
		.build();
	let blob = RuntimeBlob::uncompress_if_needed(&genesis_code("dev")).expect("a valid runtime blob");
	let mut ext = sp_io::TestExternalities::default();
	let mut ext = ext.ext();
	let version = executor
		.uncached_call(blob, &mut ext, false, "Core_version", &[])
		.expect("Core_version runs with the standard host functions only");
	let version: sp_version::RuntimeVersion =
		codec::Decode::decode(&mut &version[..]).expect("a RuntimeVersion");
	assert_eq!(version, blockful_runtime::VERSION);
	let has = |api: &str| version.apis.iter().any(|(id, _)| *id == sp_crypto_hashing::blake2_64(api.as_bytes()));
	assert!(!has("Benchmark"), "the genesis runtime offers the Benchmark API");
	assert!(!has("TryRuntime"), "the genesis runtime offers the TryRuntime API");
	assert!(has("LiveChainApi") && has("Metadata"), "it offers the live chain's runtime API and metadata");
}
