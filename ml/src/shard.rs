//! One owner's data, and nothing else: the shard a participant process reads.
//!
//! `blockful-worker partition --topology T --out DIR` splits a data set over the
//! topology's users exactly as the single-process experiment does
//! ([`FederatedData::partition`]) and writes one directory per user, `DIR/<user>/`, holding
//! `shard.safetensors` (its training and local test samples, `u8` images `[N, C, H, W]` and
//! labels, in the experiment's order) and `shard.json` (which user, topology, data set and
//! how it was split). A participant loads only its own directory.

use crate::data::{Dataset, DatasetKind};
use crate::error::{Result, WorkerError};
use crate::fl::FederatedData;
use crate::topology::Topology;
use safetensors::tensor::TensorView;
use safetensors::{Dtype, SafeTensors};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// What a shard directory says about itself (`shard.json`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardInfo {
	/// The user this shard belongs to.
	pub user: String,
	/// The topology's name.
	pub topology: String,
	/// The data set it was cut from.
	pub dataset: DatasetKind,
	/// Whether every training sample was partitioned (else `train_per_user`).
	pub full_data: bool,
	/// Training samples.
	pub train: usize,
	/// Local test samples.
	pub test: usize,
	/// A sample-level request's withdrawn samples of this user (a backdoor's poisoned
	/// samples or a random subset), as positions in its training samples, ascending; empty
	/// for a request by class. Its owner commits to them on chain
	/// (`Unlearning.request_sample_unlearning`) and withdraws exactly them.
	#[serde(default, skip_serializing_if = "Vec::is_empty")]
	pub withdrawn: Vec<usize>,
}

/// One user's training and local test data.
#[derive(Clone, Debug)]
pub struct Shard {
	/// What it is.
	pub info: ShardInfo,
	/// Its training samples.
	pub train: Dataset,
	/// Its local test samples (eq. 1's evaluation data).
	pub test: Dataset,
}

const FILE: &str = "shard.safetensors";
const INFO: &str = "shard.json";

impl Shard {
	/// Every user's shard of `data`, partitioned for `topology`.
	pub fn split(data: &FederatedData, topology: &Topology, full_data: bool) -> Vec<Shard> {
		topology
			.users
			.iter()
			.enumerate()
			.map(|(u, user)| {
				let (train, test) = (data.train_of(u), data.test_of(u));
				let withdrawn = data.user_train[u]
					.iter()
					.enumerate()
					.filter(|(_, i)| data.marked.binary_search(i).is_ok())
					.map(|(k, _)| k)
					.collect();
				Shard {
					info: ShardInfo {
						user: user.id.clone(),
						topology: topology.name.clone(),
						dataset: data.kind,
						full_data,
						train: train.len(),
						test: test.len(),
						withdrawn,
					},
					train,
					test,
				}
			})
			.collect()
	}

	/// Writes the shard into `dir` (created).
	pub fn save(&self, dir: &Path) -> Result<()> {
		std::fs::create_dir_all(dir).map_err(|e| WorkerError::io(dir, e))?;
		let parts = [("train", &self.train), ("test", &self.test)];
		let owned: Vec<(String, Vec<usize>, Vec<u8>)> = parts
			.iter()
			.flat_map(|(name, d)| {
				let (c, h, w) = d.image_shape();
				[
					(format!("{name}_images"), vec![d.len(), c, h, w], d.pixels()),
					(format!("{name}_labels"), vec![d.len()], d.labels().to_vec()),
				]
			})
			.collect();
		let views = owned
			.iter()
			.map(|(n, shape, bytes)| Ok((n.clone(), TensorView::new(Dtype::U8, shape.clone(), bytes)?)))
			.collect::<Result<Vec<_>>>()?;
		let path = dir.join(FILE);
		std::fs::write(&path, safetensors::tensor::serialize(views, None)?)
			.map_err(|e| WorkerError::io(&path, e))?;
		let info = dir.join(INFO);
		std::fs::write(&info, serde_json::to_string_pretty(&self.info)?).map_err(|e| WorkerError::io(&info, e))
	}

	/// Reads the shard in `dir`; a missing or malformed file is an error naming it.
	pub fn load(dir: &Path) -> Result<Shard> {
		let info_path = dir.join(INFO);
		let text = std::fs::read_to_string(&info_path).map_err(|e| WorkerError::io(&info_path, e))?;
		let info: ShardInfo = serde_json::from_str(&text)?;
		let path = dir.join(FILE);
		let bytes = std::fs::read(&path).map_err(|e| WorkerError::io(&path, e))?;
		let st = SafeTensors::deserialize(&bytes)?;
		let part = |name: &str| -> Result<Dataset> {
			let images = st.tensor(&format!("{name}_images"))?;
			let labels = st.tensor(&format!("{name}_labels"))?;
			let bad = |why: &str| WorkerError::InvalidArgument(format!("{}: {name} {why}", path.display()));
			let [n, c, h, w] = images.shape() else { return Err(bad("images are not [N, C, H, W]")) };
			if images.dtype() != Dtype::U8 || labels.dtype() != Dtype::U8 || labels.shape() != [*n] {
				return Err(bad("has the wrong dtype or label count"));
			}
			Dataset::from_u8(images.data(), labels.data().to_vec(), *c, *h, *w)
		};
		let (train, test) = (part("train")?, part("test")?);
		if train.len() != info.train || test.len() != info.test {
			return Err(WorkerError::InvalidArgument(format!(
				"{}: {} / {} samples, {INFO} says {} / {}",
				path.display(),
				train.len(),
				test.len(),
				info.train,
				info.test
			)));
		}
		let ascending = info.withdrawn.windows(2).all(|w| w[0] < w[1]);
		if !ascending || info.withdrawn.last().is_some_and(|&k| k >= info.train) {
			return Err(WorkerError::InvalidArgument(format!(
				"{}: its withdrawn samples must be ascending positions below {} (its training samples)",
				path.display(),
				info.train
			)));
		}
		Ok(Shard { info, train, test })
	}

	/// `DIR/<user>`: where [`Shard::save`] puts a user's shard under `dir`.
	pub fn dir_of(dir: &Path, user: &str) -> PathBuf {
		dir.join(user)
	}

	/// The shard as the [`FederatedData`] of a federation in which only `user` (index
	/// `me`) has data: what the library's training functions take.
	pub fn as_federated(&self, topology: &Topology, me: usize) -> FederatedData {
		let users = topology.users.len();
		let mut user_train = vec![Vec::new(); users];
		let mut user_test = vec![Vec::new(); users];
		user_train[me] = (0..self.train.len()).collect();
		user_test[me] = (0..self.test.len()).collect();
		FederatedData {
			kind: self.info.dataset,
			train: self.train.clone(),
			test: self.test.clone(),
			user_train,
			user_test,
			marked: self.info.withdrawn.clone(),
		}
	}
}
