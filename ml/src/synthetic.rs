//! Synthetic data for smoke tests and examples: 10 classes, each a bright patch at its
//! own position plus noise, learnable by the small CNN in a few hundred steps; a writer of
//! the same images as Fashion-MNIST IDX files; and [`TINY`], a four-model topology.
//!
//! The library's, the worker's and the chain client's tests use it to run the real code
//! paths in seconds, without the data sets.

use crate::data::Dataset;
use crate::error::{Result, WorkerError};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::io::Write;
use std::path::Path;

/// Pixels `[n, side, side]` and labels (class i % 10).
pub fn synthetic_pixels(n: usize, side: usize, seed: u64) -> (Vec<u8>, Vec<u8>) {
	let mut rng = ChaCha8Rng::seed_from_u64(seed);
	let cell = side / 4;
	let mut pixels = Vec::with_capacity(n * side * side);
	let mut labels = Vec::with_capacity(n);
	for i in 0..n {
		let c = i % 10;
		let (r0, c0) = ((c / 4) * cell, (c % 4) * cell);
		for r in 0..side {
			for col in 0..side {
				let inside = (r0..r0 + cell).contains(&r) && (c0..c0 + cell).contains(&col);
				let base: u8 = if inside { 200 } else { 20 };
				pixels.push(base.saturating_add(rng.random_range(0..50)));
			}
		}
		labels.push(c as u8);
	}
	(pixels, labels)
}

/// A grey data set of `n` images of `side`×`side`.
pub fn synthetic(n: usize, side: usize, seed: u64) -> Result<Dataset> {
	let (p, l) = synthetic_pixels(n, side, seed);
	Dataset::from_u8(&p, l, 1, side, side)
}

/// Writes `train` + `test` synthetic 28×28 images as Fashion-MNIST IDX .gz files into
/// `dir` (the file names `--data-dir` expects).
pub fn write_fashion_mnist(dir: &Path, train: usize, test: usize) -> Result<()> {
	for (stem, n, seed) in [("train", train, 1), ("t10k", test, 2)] {
		let (pixels, labels) = synthetic_pixels(n, 28, seed);
		let mut img = Vec::new();
		img.extend(0x0803u32.to_be_bytes());
		img.extend((n as u32).to_be_bytes());
		img.extend(28u32.to_be_bytes());
		img.extend(28u32.to_be_bytes());
		img.extend(pixels);
		let mut lab = Vec::new();
		lab.extend(0x0801u32.to_be_bytes());
		lab.extend((n as u32).to_be_bytes());
		lab.extend(labels);
		for (name, bytes) in [
			(format!("{stem}-images-idx3-ubyte.gz"), img),
			(format!("{stem}-labels-idx1-ubyte.gz"), lab),
		] {
			let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
			let path = dir.join(name);
			let gz = e.write_all(&bytes).and_then(|()| e.finish());
			gz.and_then(|gz| std::fs::write(&path, gz)).map_err(|e| WorkerError::io(&path, e))?;
		}
	}
	Ok(())
}

/// A four-model topology over three users; only `a2`'s owner u2 holds class 1 (private:
/// the background shares come from the other classes).
pub const TINY: &str = r#"
name = "tiny"
seed = 3

[data]
train_per_user = 150
test_per_user = 40
background = 0.1
private = [1]

[training]
epochs = 4
batch_size = 16
lr = 0.05

[unlearning]
start_models = ["a2"]
forget_classes = [1]

[[users]]
id = "u1"
classes = [0, 2, 3]
[[users]]
id = "u2"
classes = [1, 4, 5]
[[users]]
id = "u3"
classes = [6, 7, 8, 9]

[[models]]
id = "a1"
owner = "u1"
[[models]]
id = "a2"
owner = "u2"
refs = ["a1"]
[[models]]
id = "a3"
owner = "u3"
refs = ["a2"]
[[models]]
id = "a4"
owner = "u1"
refs = ["a2", "a3"]
"#;

/// Four users, five models, for the participants' tests: u2's a2 is the start model;
/// u3's a3, u4's a4 and u1's a5 inherit from it (three other owners), u1's a1 does not.
pub const PARTIES: &str = r#"
name = "parties"
seed = 5

[data]
train_per_user = 150
test_per_user = 40
background = 0.1
private = [1]

[training]
epochs = 3
batch_size = 16
lr = 0.05

[unlearning]
start_models = ["a2"]
forget_classes = [1]

[[users]]
id = "u1"
classes = [0, 2, 3]
[[users]]
id = "u2"
classes = [1, 4, 5]
[[users]]
id = "u3"
classes = [6, 7, 8]
[[users]]
id = "u4"
classes = [9, 0, 4]

[[models]]
id = "a1"
owner = "u1"
[[models]]
id = "a2"
owner = "u2"
refs = ["a1"]
[[models]]
id = "a3"
owner = "u3"
refs = ["a2"]
[[models]]
id = "a4"
owner = "u4"
refs = ["a2", "a3"]
[[models]]
id = "a5"
owner = "u1"
refs = ["a4"]
"#;
