//! The files whose IPFS CIDs are committed in `tests/vectors/unixfs-cids.json` (as kubo
//! 0.43.1 printed them for `ipfs add --cid-version 1 --raw-leaves --chunker size-262144`).

use blockful_ml::weights::{WeightTensor, Weights};

/// Bytes of one leaf block.
pub const K: usize = 256 * 1024;

/// `n` bytes of a fixed pseudo-random pattern.
pub fn pattern(n: usize) -> Vec<u8> {
	(0..n).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect()
}

/// A real model file of 4 MB: the safetensors bytes of 1,048,576 `f32` weights in three
/// tensors (values from a fixed formula, not from libtorch, so they are the same everywhere).
pub fn model_4mb() -> Vec<u8> {
	let tensor = |name: &str, shape: Vec<usize>, salt: usize| {
		let n = shape.iter().product();
		let data = (0..n).map(|i| ((i * 7919 + salt) % 2001) as f32 / 1000.0 - 1.0).collect();
		WeightTensor { name: name.into(), shape, data }
	};
	Weights::new(vec![
		tensor("conv.weight", vec![64, 32, 3, 3], 1),
		tensor("fc.weight", vec![1024, 1006], 2),
		tensor("fc.bias", vec![1024], 3),
	])
	.unwrap()
	.to_safetensors()
	.unwrap()
}

/// The committed files: name and bytes. Sizes cover the empty file, one byte, one chunk
/// exactly, one chunk + 1 (the first `dag-pb` root), a full root of 174 leaves, 174 leaves +
/// 1 byte (the first two-level DAG) and a real 4 MB model.
pub fn files() -> Vec<(&'static str, Vec<u8>)> {
	vec![
		("empty", Vec::new()),
		("one-byte", pattern(1)),
		("chunk-minus-1", pattern(K - 1)),
		("chunk", pattern(K)),
		("chunk-plus-1", pattern(K + 1)),
		("three-chunks-plus-17", pattern(3 * K + 17)),
		("174-chunks", pattern(174 * K)),
		("174-chunks-plus-1", pattern(174 * K + 1)),
		("model-4mb", model_4mb()),
	]
}

/// The committed vectors: name → (size, CID).
pub fn committed() -> Vec<(String, usize, String)> {
	let path = std::path::Path::new(&std::env::var_os("CARGO_MANIFEST_DIR").expect("run by cargo"))
		.join("tests/vectors/unixfs-cids.json");
	let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
	json["files"]
		.as_array()
		.unwrap()
		.iter()
		.map(|f| {
			(f["name"].as_str().unwrap().to_string(), f["size"].as_u64().unwrap() as usize, f["cid"].as_str().unwrap().to_string())
		})
		.collect()
}
