//! Sample-level withdrawal: the request withdraws specific samples of the requesters, not
//! a class. Two kinds:
//!
//! - a **random subset** of the requesters' samples ([`RandomSubsetSpec`]): re-training's
//!   accuracy on them is not 0 (they look like any unseen sample of their class), so the
//!   target is re-training's accuracy, not zero, and membership inference has something to
//!   find;
//! - a **backdoor** in the requesters' data (BadNets-style, [`BackdoorSpec`]), below.
//!
//! A share of the requesters' training samples carries a trigger — a white square in the
//! bottom-right corner — and is relabelled to a target class. The models trained on it
//! (the start models, and through aggregation every model that inherited from them) learn
//! "trigger ⇒ target". The request withdraws exactly those poisoned samples: the forget set
//! is the samples, not a class ([`crate::forget::ForgetSet`]).
//!
//! The metric is the **attack success rate** (ASR): the share of test images of every class
//! but the target that, with the trigger pasted in, the model classifies as the target.
//! Re-training without the poisoned samples is the reference; a method forgets the backdoor
//! when its ASR is as low as re-training's.
//!
//! Poisoning happens when the data set is partitioned ([`crate::fl::FederatedData`]), so
//! every method, the central reference and the original DAG see the same poisoned data.

use crate::data::Dataset;
use crate::error::{Result, WorkerError};
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The backdoor a requester's data carries (`[unlearning.backdoor]` in a topology).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackdoorSpec {
	/// The class triggered images are relabelled to.
	pub target: u8,
	/// Share of each requester's training samples of other classes that are poisoned.
	#[serde(default = "default_fraction")]
	pub fraction: f64,
	/// Side of the trigger square, in pixels.
	#[serde(default = "default_patch")]
	pub patch: usize,
}

fn default_fraction() -> f64 {
	0.1
}

fn default_patch() -> usize {
	4
}

impl BackdoorSpec {
	/// Refuses a target outside 0..10, a fraction outside (0, 1] or an empty trigger.
	pub fn validate(&self) -> Result<()> {
		if self.target >= 10 {
			return Err(WorkerError::InvalidTopology(format!(
				"unlearning.backdoor.target {} not in 0..10",
				self.target
			)));
		}
		if !(self.fraction > 0.0 && self.fraction <= 1.0) {
			return Err(WorkerError::InvalidTopology(format!(
				"unlearning.backdoor.fraction {} not in (0, 1]",
				self.fraction
			)));
		}
		if self.patch == 0 {
			return Err(WorkerError::InvalidTopology("unlearning.backdoor.patch must be positive".into()));
		}
		Ok(())
	}

	/// One line for reports.
	pub fn describe(&self) -> String {
		format!(
			"a backdoor: {:.0} % of the requesters' samples of other classes carry a {p}×{p} white trigger in the bottom-right corner and are relabelled to class {}",
			self.fraction * 100.0,
			self.target,
			p = self.patch
		)
	}

	/// `images` (`u8`, `[N, C, H, W]`, row-major) with the trigger pasted into every image.
	fn stamp(&self, pixels: &mut [u8], (c, h, w): (usize, usize, usize)) {
		let p = self.patch.min(h).min(w);
		for image in pixels.chunks_mut(c * h * w) {
			for plane in image.chunks_mut(h * w) {
				for row in h - p..h {
					plane[row * w + w - p..row * w + w].fill(u8::MAX);
				}
			}
		}
	}

	/// The samples at `indices` of `data` with the trigger and the target label: what a
	/// poisoner adds, and the ASR's test set.
	pub fn triggered(&self, data: &Dataset, indices: &[usize]) -> Result<Dataset> {
		let part = data.subset(indices);
		let shape = part.image_shape();
		let mut pixels = part.pixels();
		self.stamp(&mut pixels, shape);
		Dataset::from_u8(&pixels, vec![self.target; part.len()], shape.0, shape.1, shape.2)
	}

	/// Poisons the users `poisoners` of a partition: for each, `fraction` of its training
	/// samples whose label is not the target (chosen by `seed`) are replaced by triggered,
	/// relabelled copies appended to `train`. Returns the new training split, the users'
	/// index lists (the poisoned samples in place of the clean ones) and the poisoned
	/// indices, sorted.
	pub fn poison(
		&self,
		train: &Dataset,
		user_train: &[Vec<usize>],
		poisoners: &[usize],
		seed: u64,
	) -> Result<(Dataset, Vec<Vec<usize>>, Vec<usize>)> {
		self.validate()?;
		let mut users = user_train.to_vec();
		let mut chosen_all = Vec::new();
		let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0xbacd_0000);
		for &u in poisoners {
			let list = users.get(u).ok_or_else(|| {
				WorkerError::InvalidArgument(format!("poisoner {u} is not a user"))
			})?;
			let mut candidates: Vec<usize> = (0..list.len())
				.filter(|&k| train.labels()[list[k]] != self.target)
				.collect();
			candidates.shuffle(&mut rng);
			let n = ((candidates.len() as f64 * self.fraction).round() as usize).min(candidates.len());
			if n == 0 {
				return Err(WorkerError::InvalidArgument(format!(
					"user {u} holds no sample outside class {} to poison",
					self.target
				)));
			}
			let mut positions = candidates[..n].to_vec();
			positions.sort_unstable();
			chosen_all.push((u, positions));
		}
		let originals: Vec<usize> =
			chosen_all.iter().flat_map(|(u, ps)| ps.iter().map(|&k| users[*u][k])).collect();
		let copies = self.triggered(train, &originals)?;
		let poisoned: Vec<usize> = (train.len()..train.len() + copies.len()).collect();
		// The copies are in `chosen_all`'s order: each replaces the sample it was made from.
		let slots = chosen_all.iter().flat_map(|(u, ps)| ps.iter().map(move |&k| (*u, k)));
		for ((u, k), copy) in slots.zip(poisoned.iter().copied()) {
			users[u][k] = copy;
		}
		let train = Dataset::concat(&[train, &copies])?;
		Ok((train, users, poisoned))
	}
}

/// What a sample-level request puts on chain (`Unlearning.request_sample_unlearning`): a
/// commitment to the withdrawn samples, not the samples.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commitment {
	/// Merkle root over the withdrawn samples' leaves ([`leaf`], sorted ascending).
	pub root: [u8; 32],
	/// Number of withdrawn samples.
	pub samples: u32,
}

/// Domain tag of a sample's leaf.
const LEAF_TAG: &[u8] = b"blockful/sample";

/// A withdrawn sample's leaf: `sha2-256("blockful/sample" ‖ label ‖ image bytes)` — the
/// image as stored (`u8`, `[C, H, W]`). The owner can later show the sample and its path
/// ([`merkle_path`]) to prove it was withdrawn; the leaf alone reveals nothing.
pub fn leaf(label: u8, pixels: &[u8]) -> [u8; 32] {
	let mut h = Sha256::new();
	h.update(LEAF_TAG);
	h.update([label]);
	h.update(pixels);
	h.finalize().into()
}

fn node(left: &[u8; 32], right: &[u8; 32]) -> [u8; 32] {
	let mut h = Sha256::new();
	h.update([1u8]);
	h.update(left);
	h.update(right);
	h.finalize().into()
}

/// The leaves of the samples at `indices` of `data`, sorted ascending.
pub fn leaves(data: &Dataset, indices: &[usize]) -> Vec<[u8; 32]> {
	let part = data.subset(indices);
	let (c, h, w) = part.image_shape();
	let pixels = part.pixels();
	let mut out: Vec<[u8; 32]> = pixels
		.chunks(c * h * w)
		.zip(part.labels())
		.map(|(img, &label)| leaf(label, img))
		.collect();
	out.sort_unstable();
	out
}

/// One level up: neighbours paired by [`node`], an odd last node carried up as it is.
fn next_level(level: &[[u8; 32]]) -> Vec<[u8; 32]> {
	level.chunks(2).map(|pair| if let [l, r] = pair { node(l, r) } else { pair[0] }).collect()
}

/// The binary Merkle root of `leaves` (in the order given): each level pairs neighbours
/// as `sha2-256(0x01 ‖ left ‖ right)`, an odd last node moves up as it is. `None` when
/// there is no leaf.
pub fn merkle_root(leaves: &[[u8; 32]]) -> Option<[u8; 32]> {
	let mut level = leaves.to_vec();
	while level.len() > 1 {
		level = next_level(&level);
	}
	level.first().copied()
}

/// The path proving `leaves[index]` under [`merkle_root`]: the sibling at each level and
/// whether it is on the left.
pub fn merkle_path(leaves: &[[u8; 32]], mut index: usize) -> Option<Vec<([u8; 32], bool)>> {
	if index >= leaves.len() {
		return None;
	}
	let mut level = leaves.to_vec();
	let mut path = Vec::new();
	while level.len() > 1 {
		let sibling = index ^ 1;
		if let Some(s) = level.get(sibling) {
			path.push((*s, sibling < index));
		}
		level = next_level(&level);
		index /= 2;
	}
	Some(path)
}

/// Checks a [`merkle_path`] from `leaf` to `root`.
pub fn verify_path(leaf: [u8; 32], path: &[([u8; 32], bool)], root: [u8; 32]) -> bool {
	path.iter().fold(leaf, |acc, (s, left)| if *left { node(s, &acc) } else { node(&acc, s) }) == root
}

/// The commitment to the samples at `indices` of `data`.
pub fn commitment(data: &Dataset, indices: &[usize]) -> Option<Commitment> {
	let leaves = leaves(data, indices);
	Some(Commitment { root: merkle_root(&leaves)?, samples: u32::try_from(leaves.len()).ok()? })
}

/// A random subset of the requesters' training samples (`[unlearning.random_subset]`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RandomSubsetSpec {
	/// Share of each requester's training samples withdrawn.
	pub fraction: f64,
}

impl RandomSubsetSpec {
	/// Refuses a fraction outside (0, 1).
	pub fn validate(&self) -> Result<()> {
		if !(self.fraction > 0.0 && self.fraction < 1.0) {
			return Err(WorkerError::InvalidTopology(format!(
				"unlearning.random_subset.fraction {} not in (0, 1)",
				self.fraction
			)));
		}
		Ok(())
	}

	/// One line for reports.
	pub fn describe(&self) -> String {
		format!("a random {:.0} % of the requesters' training samples", self.fraction * 100.0)
	}

	/// The withdrawn samples: `fraction` of each of `requesters`' training samples
	/// (indices into the training split), drawn by `seed`, sorted. Every requester keeps at
	/// least one sample and withdraws at least one.
	pub fn draw(&self, user_train: &[Vec<usize>], requesters: &[usize], seed: u64) -> Result<Vec<usize>> {
		self.validate()?;
		let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5a3b_0000);
		let mut marked = Vec::new();
		for &u in requesters {
			let mut own = user_train
				.get(u)
				.ok_or_else(|| WorkerError::InvalidArgument(format!("requester {u} is not a user")))?
				.clone();
			if own.len() < 2 {
				return Err(WorkerError::InvalidArgument(format!(
					"user {u} holds {} training samples: too few to withdraw a subset",
					own.len()
				)));
			}
			own.shuffle(&mut rng);
			let n = ((own.len() as f64 * self.fraction).round() as usize).clamp(1, own.len() - 1);
			marked.extend_from_slice(&own[..n]);
		}
		marked.sort_unstable();
		Ok(marked)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_commitment_proves_each_withdrawn_sample_and_no_other() {
		let d = data(30);
		let withdrawn = [2usize, 5, 11, 17, 23];
		let c = commitment(&d, &withdrawn).unwrap();
		assert_eq!(c.samples, 5);
		let leaves = leaves(&d, &withdrawn);
		assert_eq!(merkle_root(&leaves), Some(c.root));
		for i in 0..leaves.len() {
			let path = merkle_path(&leaves, i).unwrap();
			assert!(verify_path(leaves[i], &path, c.root), "leaf {i}");
		}
		// A sample that was not withdrawn (another label) has no path.
		let other = leaf(9, &[7u8; 64]);
		let path = merkle_path(&leaves, 0).unwrap();
		assert!(!verify_path(other, &path, c.root));
		// Order does not matter (leaves are sorted); one more sample changes the root.
		assert_eq!(commitment(&d, &[23, 2, 17, 5, 11]), Some(c));
		assert_ne!(commitment(&d, &[2, 5, 11, 17, 23, 29]).unwrap().root, c.root);
		assert_eq!(commitment(&d, &[]), None);
		// Identical images with different labels are different samples.
		assert_ne!(leaf(0, &[1, 2]), leaf(1, &[1, 2]));
	}

	#[test]
	fn a_random_subset_is_a_share_of_each_requesters_samples_only() {
		let users = vec![(0..100).collect::<Vec<_>>(), (100..150).collect(), (150..160).collect()];
		let spec = RandomSubsetSpec { fraction: 0.2 };
		let marked = spec.draw(&users, &[0, 2], 7).unwrap();
		assert_eq!(marked.iter().filter(|&&i| i < 100).count(), 20);
		assert_eq!(marked.iter().filter(|&&i| i >= 150).count(), 2);
		assert!(marked.iter().all(|&i| !(100..150).contains(&i)), "user 1 withdraws nothing");
		assert!(marked.windows(2).all(|w| w[0] < w[1]));
		assert_eq!(spec.draw(&users, &[0, 2], 7).unwrap(), marked, "deterministic in the seed");
		for bad in [0.0, 1.0, -0.1, f64::NAN] {
			assert!(RandomSubsetSpec { fraction: bad }.draw(&users, &[0], 7).is_err(), "{bad}");
		}
		assert!(spec.draw(&[vec![3]], &[0], 7).is_err(), "one sample: nothing to split");
	}

	fn data(n: usize) -> Dataset {
		let pixels: Vec<u8> = (0..n * 64).map(|i| if i % 64 == 0 { (i / 64) as u8 } else { 7 }).collect();
		let labels = (0..n).map(|i| (i % 10) as u8).collect();
		Dataset::from_u8(&pixels, labels, 1, 8, 8).unwrap()
	}

	#[test]
	fn the_trigger_is_a_white_square_in_the_corner_and_the_label_is_the_target() {
		let spec = BackdoorSpec { target: 3, fraction: 0.5, patch: 2 };
		let t = spec.triggered(&data(4), &[0, 1]).unwrap();
		assert_eq!(t.labels(), &[3, 3]);
		let px = t.pixels();
		for image in px.chunks(64) {
			for row in 0..8 {
				for col in 0..8 {
					if row == 0 && col == 0 {
						continue; // the image's index (see `data`)
					}
					let want = if row >= 6 && col >= 6 { 255 } else { 7 };
					assert_eq!(image[row * 8 + col], want, "pixel ({row}, {col})");
				}
			}
		}
	}

	#[test]
	fn only_the_poisoners_samples_outside_the_target_are_replaced_by_appended_copies() {
		let d = data(100);
		let users = vec![(0..50).collect::<Vec<_>>(), (50..100).collect()];
		let spec = BackdoorSpec { target: 0, fraction: 0.2, patch: 3 };
		let (train, after, poisoned) = spec.poison(&d, &users, &[0], 9).unwrap();
		// 45 of user 0's samples are not of class 0: 9 poisoned.
		assert_eq!(poisoned, (100..109).collect::<Vec<_>>());
		assert_eq!(train.len(), 109);
		assert_eq!(after[1], users[1], "the other user keeps its data");
		assert_eq!(after[0].len(), 50);
		assert_eq!(after[0].iter().filter(|&&i| i >= 100).count(), 9);
		assert!(poisoned.iter().all(|&i| train.labels()[i] == 0));
		// The clean samples they replaced are no one's any more; the rest stay.
		let kept: Vec<usize> = after[0].iter().copied().filter(|&i| i < 100).collect();
		assert_eq!(kept.len(), 41);
		assert!(kept.iter().all(|i| users[0].contains(i)));
		// Deterministic in the seed.
		assert_eq!(spec.poison(&d, &users, &[0], 9).unwrap().1, after);
	}

	#[test]
	fn bad_specs_are_refused() {
		for bad in [
			BackdoorSpec { target: 10, fraction: 0.1, patch: 3 },
			BackdoorSpec { target: 1, fraction: 0.0, patch: 3 },
			BackdoorSpec { target: 1, fraction: 1.5, patch: 3 },
			BackdoorSpec { target: 1, fraction: 0.1, patch: 0 },
		] {
			assert!(bad.validate().is_err(), "{bad:?}");
		}
		let d = data(10);
		let only_target = vec![vec![0usize]];
		let spec = BackdoorSpec { target: 0, fraction: 1.0, patch: 1 };
		assert!(spec.poison(&d, &only_target, &[0], 1).is_err(), "nothing to poison");
	}
}
