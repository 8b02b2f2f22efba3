//! The chain client's checked-in metadata (`chain-client/metadata/blockful.scale`), from
//! which its typed API is generated, is this runtime's: this test fails when the runtime changed and the file was
//! not regenerated with `scripts/gen-metadata.sh`.
//!
//! The comparison uses subxt's own metadata hashes (every pallet's calls, storage, events,
//! constants and their types, and every runtime API), i.e. exactly what subxt checks when
//! the generated code talks to a node. Runtime APIs that exist only with a build feature
//! (`Benchmark` with `runtime-benchmarks`, `TryRuntime` with `try-runtime`) are left out, so
//! the check holds whichever features the runtime was compiled with.

use subxt_metadata::Metadata;

/// Metadata version the file holds.
const VERSION: u32 = 16;

/// Runtime APIs present only with a build feature.
const FEATURE_APIS: &[&str] = &["Benchmark", "TryRuntime"];

fn file() -> std::path::PathBuf {
	// Read at run time (cargo sets it for tests): a test binary reused from a build of the
	// same sources at another path must still read this checkout's file.
	let dir = std::env::var_os("CARGO_MANIFEST_DIR").expect("run by cargo test");
	std::path::Path::new(&dir).join("../chain-client/metadata/blockful.scale")
}

fn runtime_metadata() -> Vec<u8> {
	let opaque = blockful_runtime::Runtime::metadata_at_version(VERSION)
		.unwrap_or_else(|| panic!("the runtime offers no metadata V{VERSION}"));
	opaque.to_vec()
}

/// The runtime APIs that do not depend on features, and subxt's hash of the pallets and
/// those APIs.
fn digest(bytes: &[u8]) -> (Vec<String>, Vec<String>, [u8; 32]) {
	let m = Metadata::decode_from(bytes).expect("metadata decodes");
	let mut apis: Vec<String> = m
		.runtime_api_traits()
		.map(|t| t.name().to_string())
		.filter(|n| !FEATURE_APIS.contains(&n.as_str()))
		.collect();
	apis.sort();
	let mut pallets: Vec<String> = m.pallets().map(|p| p.name().to_string()).collect();
	pallets.sort();
	let hash = m.hasher().only_these_runtime_apis(&apis).hash();
	(pallets, apis, hash)
}

#[test]
fn checked_in_metadata_is_the_runtimes() {
	let current = runtime_metadata();
	if std::env::var_os("BLOCKFUL_WRITE_METADATA").is_some() {
		std::fs::write(file(), &current).expect("write metadata/blockful.scale");
		eprintln!("wrote {} ({} bytes)", file().display(), current.len());
	}
	let checked_in = std::fs::read(file()).expect("chain-client/metadata/blockful.scale is checked in");
	let (want_pallets, want_apis, want) = digest(&current);
	let (have_pallets, have_apis, have) = digest(&checked_in);
	assert_eq!(have_pallets, want_pallets, "pallets differ: run scripts/gen-metadata.sh");
	assert_eq!(have_apis, want_apis, "runtime APIs differ: run scripts/gen-metadata.sh");
	assert_eq!(
		have, want,
		"chain-client/metadata/blockful.scale is stale (the runtime's calls, storage, events or \
		 types changed): run scripts/gen-metadata.sh and rebuild the client"
	);
}

#[test]
fn a_changed_runtime_is_detected() {
	// The check can fail: metadata with one pallet removed hashes differently.
	let current = runtime_metadata();
	let m = Metadata::decode_from(&current[..]).unwrap();
	let all: Vec<String> = m.pallets().map(|p| p.name().to_string()).collect();
	let fewer: Vec<&String> = all.iter().filter(|p| p.as_str() != "Threshold").collect();
	assert!(fewer.len() < all.len(), "the runtime has a Threshold pallet");
	let (_, apis, full) = digest(&current);
	let partial = m.hasher().only_these_pallets(&fewer).only_these_runtime_apis(&apis).hash();
	assert_ne!(full, partial);
}
