//! Per-model unlearning metrics: AD_f / AD_r on train and test splits, and a
//! loss-threshold membership-inference score on the forgotten data.
//!
//! As in the paper (§VI-A), the train-split metrics use training data: AD_f on the
//! withdrawn samples (the start owners' training samples of the forgotten classes), AD_r
//! on the model owner's own training data without the forgotten classes. The test-split
//! metrics use the global test set split by class.

use crate::data::{split_forget_retain, Dataset};
use crate::error::Result;
use crate::fl::FederatedData;
use crate::models::Net;
use crate::train::accuracy_and_losses;
use serde::{Deserialize, Serialize};

/// Caps keep evaluation cheap on CPU; subsets are spread evenly over the candidates.
const MAX_EVAL: usize = 1000;

/// The evaluation splits of one unlearning request.
#[derive(Debug, Clone)]
pub struct EvalSets {
	/// D_f (train): the withdrawn samples.
	pub forget_train: Dataset,
	/// Per user: its training samples of the other classes (D_r of its models).
	pub retain_train: Vec<Dataset>,
	/// Test-split samples of the forgotten classes (also the MIA non-members).
	pub forget_test: Dataset,
	/// Test-split samples of the other classes.
	pub retain_test: Dataset,
}

/// Accuracies in [0, 1] and the membership-inference AUC.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ModelMetrics {
	/// Accuracy on D_f (train).
	pub ad_f_train: f64,
	/// Accuracy on the owner's retained training data.
	pub ad_r_train: f64,
	/// Accuracy on forgotten classes (test).
	pub ad_f_test: f64,
	/// Accuracy on retained classes (test).
	pub ad_r_test: f64,
	/// AUC of the loss-threshold attack separating D_f (train, members) from forgotten
	/// classes in the test split (non-members); 0.5 = no membership signal.
	pub mia_auc: f64,
}

fn spread_take(indices: Vec<usize>, n: usize) -> Vec<usize> {
	if indices.len() <= n {
		return indices;
	}
	let step = indices.len() as f64 / n as f64;
	(0..n).map(|i| indices[(i as f64 * step) as usize]).collect()
}

impl EvalSets {
	/// Builds the splits for `forget` classes withdrawn by the owners `start_owners`.
	pub fn new(data: &FederatedData, start_owners: &[usize], forget: &[u8]) -> Self {
		let mut f_train = Vec::new();
		for &u in start_owners {
			let (f, _) = split_forget_retain(&data.user_train[u], data.train.labels(), forget);
			f_train.extend(f);
		}
		f_train.sort_unstable();
		f_train.dedup();
		let retain_train = data
			.user_train
			.iter()
			.map(|idx| {
				data.train.subset(&spread_take(
					split_forget_retain(idx, data.train.labels(), forget).1,
					MAX_EVAL,
				))
			})
			.collect();
		let all_test: Vec<usize> = (0..data.test.len()).collect();
		let (f_test, r_test) = split_forget_retain(&all_test, data.test.labels(), forget);
		EvalSets {
			forget_train: data.train.subset(&spread_take(f_train, MAX_EVAL)),
			retain_train,
			forget_test: data.test.subset(&spread_take(f_test, MAX_EVAL)),
			retain_test: data.test.subset(&spread_take(r_test, MAX_EVAL)),
		}
	}

	/// Evaluates one model owned by user `owner`.
	pub fn evaluate(&self, net: &Net, owner: usize) -> Result<ModelMetrics> {
		let (ad_f_train, member) = accuracy_and_losses(net, &self.forget_train)?;
		let (ad_f_test, non_member) = accuracy_and_losses(net, &self.forget_test)?;
		let (ad_r_test, _) = accuracy_and_losses(net, &self.retain_test)?;
		let (ad_r_train, _) = match self.retain_train.get(owner) {
			Some(d) => accuracy_and_losses(net, d)?,
			None => (None, Vec::new()),
		};
		Ok(ModelMetrics {
			ad_f_train: ad_f_train.unwrap_or(0.0),
			ad_r_train: ad_r_train.unwrap_or(0.0),
			ad_f_test: ad_f_test.unwrap_or(0.0),
			ad_r_test: ad_r_test.unwrap_or(0.0),
			mia_auc: mia_auc(&member, &non_member),
		})
	}
}

/// AUC of "lower loss ⇒ member": P(loss_member < loss_non_member) + ½ P(tie), by ranks
/// in O(n log n). 0.5 when either side is empty.
pub fn mia_auc(member_losses: &[f32], non_member_losses: &[f32]) -> f64 {
	let (m, n) = (member_losses.len(), non_member_losses.len());
	if m == 0 || n == 0 {
		return 0.5;
	}
	let mut all: Vec<(f32, bool)> = member_losses
		.iter()
		.map(|&l| (l, true))
		.chain(non_member_losses.iter().map(|&l| (l, false)))
		.collect();
	// Descending loss: rank 1 = highest loss. Members should get high ranks (low loss).
	all.sort_by(|a, b| b.0.total_cmp(&a.0));
	let mut rank_sum = 0.0;
	let mut i = 0;
	while i < all.len() {
		let mut j = i;
		while j + 1 < all.len() && all[j + 1].0 == all[i].0 {
			j += 1;
		}
		let avg_rank = (i + j) as f64 / 2.0 + 1.0;
		rank_sum += avg_rank * all[i..=j].iter().filter(|x| x.1).count() as f64;
		i = j + 1;
	}
	(rank_sum - (m * (m + 1)) as f64 / 2.0) / (m as f64 * n as f64)
}
