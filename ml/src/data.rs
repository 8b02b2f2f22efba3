//! Data sets (Fashion-MNIST IDX, CIFAR-10 binary), non-IID partitioning over users and
//! forget/retain splits by class.
//!
//! Images are kept as `u8` tensors `[N, C, H, W]` on the CPU and converted to normalised
//! `f32` one batch at a time, so the full CIFAR-10 set costs 180 MB instead of 740 MB.

use crate::error::{Result, WorkerError};
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use std::io::Read;
use std::path::{Path, PathBuf};
use tch::{Device, Kind, Tensor};

/// Where Debian's `dataset-fashion-mnist` package installs the four IDX files.
pub const DEFAULT_FASHION_MNIST_DIR: &str = "/usr/share/datasets/fashion-mnist";

/// Largest decompressed IDX file we accept (the real 60k-image file is 47 MB).
const MAX_IDX_BYTES: u64 = 512 * 1024 * 1024;
const IDX_IMAGES_MAGIC: u32 = 0x0000_0803;
const IDX_LABELS_MAGIC: u32 = 0x0000_0801;
const CIFAR_RECORD: usize = 1 + 3 * 32 * 32;

/// The supported data sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[serde(rename_all = "kebab-case")]
pub enum DatasetKind {
	/// Fashion-MNIST, 28×28 grey, IDX files (gzip or plain).
	FashionMnist,
	/// CIFAR-10, 32×32 RGB, binary batches.
	Cifar10,
}

impl DatasetKind {
	/// Name used in reports.
	pub fn name(self) -> &'static str {
		match self {
			DatasetKind::FashionMnist => "fashion-mnist",
			DatasetKind::Cifar10 => "cifar10",
		}
	}

	/// Class names, index = label.
	pub fn class_names(self) -> [&'static str; 10] {
		match self {
			DatasetKind::FashionMnist => [
				"T-shirt/top",
				"Trouser",
				"Pullover",
				"Dress",
				"Coat",
				"Sandal",
				"Shirt",
				"Sneaker",
				"Bag",
				"Ankle boot",
			],
			DatasetKind::Cifar10 => [
				"airplane",
				"automobile",
				"bird",
				"cat",
				"deer",
				"dog",
				"frog",
				"horse",
				"ship",
				"truck",
			],
		}
	}

	/// The directory used when the user gives none: only Fashion-MNIST has one.
	pub fn default_dir(self) -> Result<PathBuf> {
		match self {
			DatasetKind::FashionMnist => Ok(PathBuf::from(DEFAULT_FASHION_MNIST_DIR)),
			DatasetKind::Cifar10 => Err(WorkerError::InvalidArgument(
				"CIFAR-10 has no default location: pass --data-dir with data_batch_*.bin and \
                 test_batch.bin"
					.into(),
			)),
		}
	}

	/// Loads the train and test splits from `dir`.
	pub fn load(self, dir: &Path) -> Result<(Dataset, Dataset)> {
		match self {
			DatasetKind::FashionMnist => load_fashion_mnist(dir),
			DatasetKind::Cifar10 => load_cifar10(dir),
		}
	}
}

/// A labelled image set.
#[derive(Debug)]
pub struct Dataset {
	/// `[N, C, H, W]`, `u8`, CPU.
	images: Tensor,
	/// Labels, one per image.
	labels: Vec<u8>,
}

impl Clone for Dataset {
	fn clone(&self) -> Self {
		Dataset { images: self.images.shallow_clone(), labels: self.labels.clone() }
	}
}

impl Dataset {
	/// Builds a data set from `u8` pixels laid out `[N, C, H, W]`.
	pub fn from_u8(
		pixels: &[u8],
		labels: Vec<u8>,
		channels: usize,
		height: usize,
		width: usize,
	) -> Result<Self> {
		let expected = labels.len() * channels * height * width;
		if pixels.len() != expected {
			return Err(WorkerError::InvalidArgument(format!(
				"{} pixels for {} images of {channels}x{height}x{width} (expected {expected})",
				pixels.len(),
				labels.len()
			)));
		}
		if let Some(bad) = labels.iter().find(|&&l| l >= 10) {
			return Err(WorkerError::InvalidArgument(format!("label {bad} out of range 0..10")));
		}
		let images = Tensor::from_slice(pixels).view([
			labels.len() as i64,
			channels as i64,
			height as i64,
			width as i64,
		]);
		Ok(Dataset { images, labels })
	}

	/// Number of samples.
	pub fn len(&self) -> usize {
		self.labels.len()
	}

	/// True when there are no samples.
	pub fn is_empty(&self) -> bool {
		self.labels.is_empty()
	}

	/// Labels.
	pub fn labels(&self) -> &[u8] {
		&self.labels
	}

	/// The pixels, `u8` laid out `[N, C, H, W]` (what [`Dataset::from_u8`] takes).
	pub fn pixels(&self) -> Vec<u8> {
		let flat = self.images.contiguous().view([-1]);
		let n = flat.size()[0] as usize;
		let mut out = vec![0u8; n];
		flat.copy_data(&mut out, n);
		out
	}

	/// `(channels, height, width)`.
	pub fn image_shape(&self) -> (usize, usize, usize) {
		let s = self.images.size();
		(s[1] as usize, s[2] as usize, s[3] as usize)
	}

	/// The samples at `indices` (in that order).
	pub fn subset(&self, indices: &[usize]) -> Dataset {
		let (c, h, w) = self.image_shape();
		if indices.is_empty() {
			return Dataset {
				images: Tensor::zeros(
					[0, c as i64, h as i64, w as i64],
					(Kind::Uint8, Device::Cpu),
				),
				labels: Vec::new(),
			};
		}
		let idx: Vec<i64> = indices.iter().map(|&i| i as i64).collect();
		let images = self.images.index_select(0, &Tensor::from_slice(&idx));
		let labels = indices.iter().map(|&i| self.labels[i]).collect();
		Dataset { images, labels }
	}

	/// Concatenation of several data sets with the same image shape.
	pub fn concat(parts: &[&Dataset]) -> Result<Dataset> {
		let first = parts
			.first()
			.ok_or_else(|| WorkerError::InvalidArgument("concat of zero data sets".into()))?;
		if parts.iter().any(|p| p.image_shape() != first.image_shape()) {
			return Err(WorkerError::InvalidArgument(
				"concat of data sets with different image shapes".into(),
			));
		}
		let images =
			Tensor::cat(&parts.iter().map(|p| p.images.shallow_clone()).collect::<Vec<_>>(), 0);
		let labels = parts.iter().flat_map(|p| p.labels.iter().copied()).collect();
		Ok(Dataset { images, labels })
	}

	/// Samples whose label is (`keep = true`) or is not (`keep = false`) in `classes`.
	pub fn filter_classes(&self, classes: &[u8], keep: bool) -> Dataset {
		let idx: Vec<usize> =
			(0..self.len()).filter(|&i| classes.contains(&self.labels[i]) == keep).collect();
		self.subset(&idx)
	}

	/// The first `n` samples (all when fewer).
	pub fn take(&self, n: usize) -> Dataset {
		let idx: Vec<usize> = (0..n.min(self.len())).collect();
		self.subset(&idx)
	}

	/// A normalised `f32` batch `[B, C, H, W]` in [-1, 1] and `i64` labels, on `device`.
	pub fn batch(&self, indices: &[usize], device: Device) -> (Tensor, Tensor) {
		let idx: Vec<i64> = indices.iter().map(|&i| i as i64).collect();
		let idx = Tensor::from_slice(&idx);
		let x =
			self.images.index_select(0, &idx).to_device(device).to_kind(Kind::Float) / 127.5 - 1.0;
		let y: Vec<i64> = indices.iter().map(|&i| i64::from(self.labels[i])).collect();
		(x, Tensor::from_slice(&y).to_device(device))
	}
}

fn read_file(path: &Path) -> Result<Vec<u8>> {
	let file = std::fs::File::open(path).map_err(|e| WorkerError::io(path, e))?;
	let mut raw = Vec::new();
	file.take(MAX_IDX_BYTES + 1).read_to_end(&mut raw).map_err(|e| WorkerError::io(path, e))?;
	if raw.len() as u64 > MAX_IDX_BYTES {
		return Err(WorkerError::dataset(path, format!("larger than {MAX_IDX_BYTES} bytes")));
	}
	Ok(raw)
}

/// Reads a file, transparently gunzipping it when it starts with the gzip magic.
fn read_maybe_gzip(path: &Path) -> Result<Vec<u8>> {
	let raw = read_file(path)?;
	if raw.starts_with(&[0x1f, 0x8b]) {
		let mut out = Vec::new();
		flate2::read::GzDecoder::new(raw.as_slice())
			.take(MAX_IDX_BYTES + 1)
			.read_to_end(&mut out)
			.map_err(|e| WorkerError::dataset(path, format!("corrupt gzip stream: {e}")))?;
		if out.len() as u64 > MAX_IDX_BYTES {
			return Err(WorkerError::dataset(path, "decompressed size too large"));
		}
		Ok(out)
	} else {
		Ok(raw)
	}
}

fn be_u32(bytes: &[u8], at: usize) -> u32 {
	u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// Parses an IDX3 image file (`0x00000803`, n, rows, cols, then n·rows·cols bytes).
pub fn parse_idx_images(bytes: &[u8], path: &Path) -> Result<(Vec<u8>, usize, usize, usize)> {
	if bytes.len() < 16 {
		return Err(WorkerError::dataset(
			path,
			format!("truncated IDX image header ({} bytes)", bytes.len()),
		));
	}
	let magic = be_u32(bytes, 0);
	if magic != IDX_IMAGES_MAGIC {
		return Err(WorkerError::dataset(
			path,
			format!("wrong IDX image magic {magic:#010x}, expected {IDX_IMAGES_MAGIC:#010x}"),
		));
	}
	let (n, rows, cols) =
		(be_u32(bytes, 4) as usize, be_u32(bytes, 8) as usize, be_u32(bytes, 12) as usize);
	if rows == 0 || cols == 0 || rows > 1024 || cols > 1024 {
		return Err(WorkerError::dataset(path, format!("implausible image size {rows}x{cols}")));
	}
	let expected =
		n.checked_mul(rows * cols).ok_or_else(|| WorkerError::dataset(path, "size overflow"))?;
	let body = &bytes[16..];
	if body.len() != expected {
		return Err(WorkerError::dataset(
			path,
			format!(
				"header promises {n} images of {rows}x{cols} ({expected} bytes), file has {} bytes",
				body.len()
			),
		));
	}
	Ok((body.to_vec(), n, rows, cols))
}

/// Parses an IDX1 label file (`0x00000801`, n, then n bytes, each < 10).
pub fn parse_idx_labels(bytes: &[u8], path: &Path) -> Result<Vec<u8>> {
	if bytes.len() < 8 {
		return Err(WorkerError::dataset(
			path,
			format!("truncated IDX label header ({} bytes)", bytes.len()),
		));
	}
	let magic = be_u32(bytes, 0);
	if magic != IDX_LABELS_MAGIC {
		return Err(WorkerError::dataset(
			path,
			format!("wrong IDX label magic {magic:#010x}, expected {IDX_LABELS_MAGIC:#010x}"),
		));
	}
	let n = be_u32(bytes, 4) as usize;
	let body = &bytes[8..];
	if body.len() != n {
		return Err(WorkerError::dataset(
			path,
			format!("header promises {n} labels, file has {}", body.len()),
		));
	}
	if let Some(pos) = body.iter().position(|&l| l >= 10) {
		return Err(WorkerError::dataset(
			path,
			format!("label {} at index {pos} is not in 0..10", body[pos]),
		));
	}
	Ok(body.to_vec())
}

/// Finds `<stem>.gz` or `<stem>` in `dir`.
fn find_idx(dir: &Path, stem: &str) -> Result<PathBuf> {
	for name in [format!("{stem}.gz"), stem.to_string()] {
		let p = dir.join(&name);
		if p.is_file() {
			return Ok(p);
		}
	}
	Err(WorkerError::dataset(dir, format!("neither {stem}.gz nor {stem} found")))
}

/// Loads one IDX image/label pair.
pub fn load_idx_pair(images: &Path, labels: &Path) -> Result<Dataset> {
	let (pixels, n, rows, cols) = parse_idx_images(&read_maybe_gzip(images)?, images)?;
	let labels_v = parse_idx_labels(&read_maybe_gzip(labels)?, labels)?;
	if labels_v.len() != n {
		return Err(WorkerError::dataset(
			labels,
			format!("{} labels for {n} images in {}", labels_v.len(), images.display()),
		));
	}
	Dataset::from_u8(&pixels, labels_v, 1, rows, cols)
}

/// Loads Fashion-MNIST (`train-images-idx3-ubyte[.gz]`, … `t10k-labels-idx1-ubyte[.gz]`).
pub fn load_fashion_mnist(dir: &Path) -> Result<(Dataset, Dataset)> {
	if !dir.is_dir() {
		return Err(WorkerError::dataset(
			dir,
			"not a directory (install Debian's dataset-fashion-mnist or pass --data-dir)",
		));
	}
	let train = load_idx_pair(
		&find_idx(dir, "train-images-idx3-ubyte")?,
		&find_idx(dir, "train-labels-idx1-ubyte")?,
	)?;
	let test = load_idx_pair(
		&find_idx(dir, "t10k-images-idx3-ubyte")?,
		&find_idx(dir, "t10k-labels-idx1-ubyte")?,
	)?;
	Ok((train, test))
}

/// Parses one CIFAR-10 binary batch: records of 1 label byte + 3072 pixel bytes (R, G, B planes).
pub fn parse_cifar_batch(bytes: &[u8], path: &Path) -> Result<(Vec<u8>, Vec<u8>)> {
	if bytes.is_empty() || !bytes.len().is_multiple_of(CIFAR_RECORD) {
		return Err(WorkerError::dataset(
			path,
			format!(
				"size {} is not a positive multiple of the {CIFAR_RECORD}-byte CIFAR-10 record",
				bytes.len()
			),
		));
	}
	let n = bytes.len() / CIFAR_RECORD;
	let mut labels = Vec::with_capacity(n);
	let mut pixels = Vec::with_capacity(n * (CIFAR_RECORD - 1));
	for (i, rec) in bytes.chunks_exact(CIFAR_RECORD).enumerate() {
		if rec[0] >= 10 {
			return Err(WorkerError::dataset(
				path,
				format!("record {i} has label {} (not in 0..10)", rec[0]),
			));
		}
		labels.push(rec[0]);
		pixels.extend_from_slice(&rec[1..]);
	}
	Ok((labels, pixels))
}

/// Loads CIFAR-10 from all five `data_batch_1.bin` … `data_batch_5.bin` and
/// `test_batch.bin`. A directory missing any of them is an error that names the missing
/// files: training on part of the set would silently change every figure.
pub fn load_cifar10(dir: &Path) -> Result<(Dataset, Dataset)> {
	if !dir.is_dir() {
		return Err(WorkerError::dataset(dir, "not a directory"));
	}
	let names: Vec<String> = (1..=5)
		.map(|i| format!("data_batch_{i}.bin"))
		.chain(["test_batch.bin".to_string()])
		.collect();
	let missing: Vec<&str> =
		names.iter().filter(|n| !dir.join(n).is_file()).map(String::as_str).collect();
	if !missing.is_empty() {
		return Err(WorkerError::dataset(
			dir,
			format!(
				"the CIFAR-10 binary version needs data_batch_1.bin … data_batch_5.bin and \
				 test_batch.bin; missing: {}",
				missing.join(", ")
			),
		));
	}
	let mut labels = Vec::new();
	let mut pixels = Vec::new();
	for name in &names[..5] {
		let p = dir.join(name);
		let (l, px) = parse_cifar_batch(&read_file(&p)?, &p)?;
		labels.extend(l);
		pixels.extend(px);
	}
	let test_path = dir.join("test_batch.bin");
	let (test_labels, test_pixels) = parse_cifar_batch(&read_file(&test_path)?, &test_path)?;
	Ok((
		Dataset::from_u8(&pixels, labels, 3, 32, 32)?,
		Dataset::from_u8(&test_pixels, test_labels, 3, 32, 32)?,
	))
}

/// How many samples each user gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareSize {
	/// Exactly this many samples per user.
	PerUser(usize),
	/// Every sample is used: each class is divided among the users that want it, in
	/// proportion to their demand.
	Full,
}

/// Non-IID partition by class. User `u` draws a `1 − background` share of its samples
/// evenly from its own classes `user_classes[u]` and a `background` share evenly from
/// every class not in `private` (0 = strictly by class). A private class is held only by
/// the users that list it. No sample goes to two users. Deterministic in `seed`.
pub fn partition_by_class(
	labels: &[u8],
	user_classes: &[Vec<u8>],
	size: ShareSize,
	background: f64,
	private: &[u8],
	seed: u64,
) -> Result<Vec<Vec<usize>>> {
	if !(0.0..=1.0).contains(&background) {
		return Err(WorkerError::InvalidArgument(format!(
			"background share {background} not in [0, 1]"
		)));
	}
	let shared: Vec<usize> = (0..10).filter(|c| !private.contains(&(*c as u8))).collect();
	if background > 0.0 && shared.is_empty() {
		return Err(WorkerError::InvalidArgument(
			"a background share needs at least one class that is not private".into(),
		));
	}
	let mut rng = ChaCha8Rng::seed_from_u64(seed);
	let mut pools: Vec<Vec<usize>> = vec![Vec::new(); 10];
	for (i, &l) in labels.iter().enumerate() {
		pools[l as usize].push(i);
	}
	for pool in &mut pools {
		pool.shuffle(&mut rng);
	}
	// demand[u][c]: samples (PerUser) or relative weight (Full) of class c for user u.
	let per_user = match size {
		ShareSize::PerUser(n) => n as f64,
		ShareSize::Full => 1.0,
	};
	let mut demand = vec![[0.0f64; 10]; user_classes.len()];
	for (u, classes) in user_classes.iter().enumerate() {
		if classes.is_empty() {
			return Err(WorkerError::InvalidArgument(format!("user #{u} holds no class")));
		}
		for &c in classes {
			if c >= 10 {
				return Err(WorkerError::InvalidArgument(format!(
					"user #{u}: class {c} not in 0..10"
				)));
			}
			demand[u][c as usize] += per_user * (1.0 - background) / classes.len() as f64;
		}
		for &c in &shared {
			demand[u][c] += per_user * background / shared.len() as f64;
		}
	}
	let mut cursor = [0usize; 10];
	let mut out = Vec::with_capacity(user_classes.len());
	for (u, want) in demand.iter().enumerate() {
		let mut mine = Vec::new();
		for c in 0..10 {
			let pool = &pools[c];
			let take = match size {
				ShareSize::PerUser(_) => {
					// Round so that the user's total is exactly n: floor, plus one for the
					// first classes while a remainder is left.
					want[c].floor() as usize
				}
				ShareSize::Full => {
					// Cumulative rounding hands out every sample of the class exactly once.
					let total: f64 = demand.iter().map(|d| d[c]).sum();
					if total == 0.0 {
						0
					} else {
						let before: f64 = demand[..u].iter().map(|d| d[c]).sum();
						let upto = before + want[c];
						let share = |x: f64| {
							((pool.len() as f64 * x / total).round() as usize).min(pool.len())
						};
						share(upto) - share(before)
					}
				}
			};
			if cursor[c] + take > pool.len() {
				return Err(WorkerError::InvalidArgument(format!(
					"user #{u} needs {take} samples of class {c}, only {} left",
					pool.len() - cursor[c]
				)));
			}
			mine.extend_from_slice(&pool[cursor[c]..cursor[c] + take]);
			cursor[c] += take;
		}
		if let ShareSize::PerUser(n) = size {
			// Top up the rounding remainder from the user's own classes.
			let mut k = 0;
			while mine.len() < n {
				let c = user_classes[u][k % user_classes[u].len()] as usize;
				if cursor[c] >= pools[c].len() {
					return Err(WorkerError::InvalidArgument(format!(
						"user #{u} needs more samples of class {c}, none left"
					)));
				}
				mine.push(pools[c][cursor[c]]);
				cursor[c] += 1;
				k += 1;
			}
		}
		mine.shuffle(&mut rng);
		out.push(mine);
	}
	Ok(out)
}

/// Splits `indices` into (samples of `forget_classes`, the rest).
pub fn split_forget_retain(
	indices: &[usize],
	labels: &[u8],
	forget_classes: &[u8],
) -> (Vec<usize>, Vec<usize>) {
	indices.iter().partition(|&&i| forget_classes.contains(&labels[i]))
}
