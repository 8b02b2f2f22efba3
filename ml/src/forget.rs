//! What a request withdraws — one definition for every method.
//!
//! A request names its start models W and the classes C to forget. Its **forget set** is
//! the training samples of classes C held by the **requesters**, the owners of W. Every
//! method reads it from here and nowhere else:
//! - re-training (sequential) re-trains each affected model on its owner's data minus the
//!   owner's withdrawn samples ([`ForgetSet::retained`]) — an owner outside the request
//!   withdraws nothing;
//! - gradient ascent and every retain-aware variant (parallel) ascend on the start owner's
//!   withdrawn samples ([`ForgetSet::withdrawn`]) and descend on its retained ones;
//! - repair by an inherited model's owner uses that owner's retained and withdrawn samples
//!   (the latter empty outside the request);
//! - the metrics read AD_f (train) on the union of the withdrawn samples.
//!
//! A request withdraws either classes or, sample-level, the samples carrying a backdoor
//! ([`crate::samples`]): then the forget set is the requesters' poisoned samples, the
//! rest of their data stays, and everything above reads them the same way.
//!
//! Two checks make the request well-formed: every model a requester owns trained on the
//! withdrawn samples, so it must be in W ([`ForgetSet::for_request`] refuses otherwise);
//! and when another user also holds samples of C, the test-split AD_f of class C measures
//! that user's legitimate data too — [`ForgetSet::other_holders`] lists them and the report
//! says so.

use crate::samples::{BackdoorSpec, RandomSubsetSpec};
use crate::data::{split_forget_retain, Dataset};
use crate::error::{Result, WorkerError};
use crate::fl::{DagManifest, FederatedData};
use crate::topology::Topology;
use serde::{Deserialize, Serialize};

/// The samples one request withdraws: classes `classes` of the users `requesters`, or
/// their samples carrying `backdoor`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ForgetSet {
	/// User indices of the owners of the start models, sorted.
	pub requesters: Vec<usize>,
	/// Forgotten classes (empty for a backdoor).
	pub classes: Vec<u8>,
	/// Sample-level: the backdoor whose poisoned samples are withdrawn.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub backdoor: Option<BackdoorSpec>,
	/// Sample-level: a random subset of the requesters' samples is withdrawn.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub random_subset: Option<RandomSubsetSpec>,
}

/// A user outside the request who holds samples of a forgotten class.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherHolder {
	/// User id.
	pub user: String,
	/// Its training samples of the forgotten classes (it keeps them).
	pub samples: usize,
}

impl ForgetSet {
	/// The forget set of a request with start models `starts` (manifest positions):
	/// refuses a request that leaves out a model of a requester.
	pub fn for_request(
		manifest: &DagManifest,
		topology: &Topology,
		starts: &[usize],
		classes: &[u8],
	) -> Result<ForgetSet> {
		let mut requesters = starts
			.iter()
			.map(|&s| topology.user_index(&manifest.models[s].owner))
			.collect::<Result<Vec<_>>>()?;
		requesters.sort_unstable();
		requesters.dedup();
		for (y, m) in manifest.models.iter().enumerate() {
			let owner = topology.user_index(&m.owner)?;
			if requesters.contains(&owner) && !starts.contains(&y) {
				return Err(WorkerError::InvalidArgument(format!(
					"model {} of requester {} trained on the withdrawn samples: it must be a \
					 start model too",
					m.id, m.owner
				)));
			}
		}
		Ok(ForgetSet {
			requesters,
			classes: classes.to_vec(),
			backdoor: topology.unlearning.backdoor,
			random_subset: topology.unlearning.random_subset,
		})
	}

	/// True when `user` withdraws samples in this request.
	pub fn is_requester(&self, user: usize) -> bool {
		self.requesters.contains(&user)
	}

	/// `user`'s training samples split into (withdrawn, retained).
	fn split(&self, data: &FederatedData, user: usize) -> (Vec<usize>, Vec<usize>) {
		let own = &data.user_train[user];
		if !self.is_requester(user) {
			return (Vec::new(), own.clone());
		}
		if self.is_sample_level() {
			own.iter().partition(|i| data.marked.binary_search(i).is_ok())
		} else {
			split_forget_retain(own, data.train.labels(), &self.classes)
		}
	}

	/// Indices (into the training split) of `user`'s withdrawn samples; empty outside the
	/// request.
	pub fn withdrawn_indices(&self, data: &FederatedData, user: usize) -> Vec<usize> {
		self.split(data, user).0
	}

	/// Indices of `user`'s training samples that stay.
	pub fn retained_indices(&self, data: &FederatedData, user: usize) -> Vec<usize> {
		self.split(data, user).1
	}

	/// The request withdraws specific samples (a backdoor's or a random subset), not classes.
	pub fn is_sample_level(&self) -> bool {
		self.backdoor.is_some() || self.random_subset.is_some()
	}

	/// A sample-level request's on-chain commitment to every withdrawn sample (all
	/// requesters'); `None` for a request by class (the chain lists its classes).
	pub fn commitment(&self, data: &FederatedData) -> Option<crate::samples::Commitment> {
		if !self.is_sample_level() {
			return None;
		}
		crate::samples::commitment(&data.train, &self.all_withdrawn_indices(data))
	}

	/// What is withdrawn, in words.
	pub fn describe(&self) -> String {
		match (&self.backdoor, &self.random_subset) {
			(Some(b), _) => b.describe(),
			(None, Some(r)) => r.describe(),
			(None, None) => format!("the samples of classes {:?}", self.classes),
		}
	}

	/// `user`'s withdrawn samples.
	pub fn withdrawn(&self, data: &FederatedData, user: usize) -> Dataset {
		data.train.subset(&self.withdrawn_indices(data, user))
	}

	/// `user`'s training samples that stay.
	pub fn retained(&self, data: &FederatedData, user: usize) -> Dataset {
		data.train.subset(&self.retained_indices(data, user))
	}

	/// Every withdrawn sample (D_f), sorted.
	pub fn all_withdrawn_indices(&self, data: &FederatedData) -> Vec<usize> {
		let mut all: Vec<usize> =
			self.requesters.iter().flat_map(|&u| self.withdrawn_indices(data, u)).collect();
		all.sort_unstable();
		all
	}

	/// Users outside the request holding training samples of the forgotten classes.
	/// (None for a sample-level request: its samples are the requesters' alone.)
	pub fn other_holders(&self, data: &FederatedData, topology: &Topology) -> Vec<OtherHolder> {
		if self.is_sample_level() {
			return Vec::new();
		}
		(0..data.user_train.len())
			.filter(|u| !self.is_requester(*u))
			.filter_map(|u| {
				let n = split_forget_retain(&data.user_train[u], data.train.labels(), &self.classes)
					.0
					.len();
				(n > 0).then(|| OtherHolder { user: topology.users[u].id.clone(), samples: n })
			})
			.collect()
	}
}
