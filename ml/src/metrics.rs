//! Per-model unlearning metrics: AD_f / AD_r on train and test splits, and a
//! loss-threshold membership-inference score on the forgotten data.
//!
//! As in the paper (§VI-A), the train-split metrics use training data: AD_f on the
//! withdrawn samples (the [`ForgetSet`]: the requesters' training samples of the forgotten
//! classes), AD_r on the model owner's training data that stays. The test-split metrics use
//! the test samples that no owner holds as local test data: AD_f on the forgotten classes,
//! AD_r on the owner's own classes without the forgotten ones (the model's task;
//! `ad_r_test_all` over every retained class is reported beside it).

use crate::data::{split_forget_retain, Dataset};
use crate::error::Result;
use crate::fl::FederatedData;
use crate::forget::ForgetSet;
use crate::topology::Topology;
use crate::models::Net;
use crate::train::accuracy_and_losses;
use serde::{Deserialize, Serialize};

/// Caps keep evaluation cheap on CPU for the sets no verdict is made on (AD_r train,
/// AD_f train and the audit's members, AD_r test over every retained class); subsets are
/// spread evenly over the candidates. The test-split sets the targets are judged on —
/// each owner's own classes (AD_r test) and the forgotten classes (AD_f test) — are
/// not capped; the forgotten classes' test samples are also the membership audit's
/// non-members and half of its reference models' training pool.
const MAX_EVAL: usize = 1000;

/// The evaluation splits of one unlearning request.
#[derive(Debug, Clone)]
pub struct EvalSets {
	/// D_f (train): the withdrawn samples.
	pub forget_train: Dataset,
	/// The requester (user index) each sample of `forget_train` was withdrawn by.
	pub forget_train_owner: Vec<usize>,
	/// Per user: its training samples that stay (D_r of its models; all of them for a user
	/// outside the request).
	pub retain_train: Vec<Dataset>,
	/// Test-split samples of the forgotten classes (also the MIA non-members); for a
	/// backdoor, every test image outside the target class with the trigger, labelled with
	/// the target (accuracy on it = attack success rate); for a random subset, the test
	/// samples of the requesters' classes (unseen samples of the same distribution).
	pub forget_test: Dataset,
	/// Test-split samples of the other classes.
	pub retain_test: Dataset,
	/// Per user: test-split samples of its own classes, without the forgotten ones.
	pub own_test: Vec<Dataset>,
}

/// Accuracies in [0, 1] and the membership-inference AUC.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ModelMetrics {
	/// Accuracy on D_f (train).
	pub ad_f_train: f64,
	/// Accuracy on the owner's retained training data.
	pub ad_r_train: f64,
	/// Accuracy on forgotten classes (test); for a backdoor, the attack success rate.
	pub ad_f_test: f64,
	/// Accuracy on the owner's own retained classes (test).
	pub ad_r_test: f64,
	/// Accuracy on every retained class (test).
	pub ad_r_test_all: f64,
	/// AUC of the plain loss-threshold attack separating D_f (train, members) from the
	/// forgotten classes in the test split (non-members); 0.5 = no membership signal.
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
	/// Builds the splits of one request's forget set; `topology` gives each user's classes.
	pub fn new(data: &FederatedData, forget: &ForgetSet, topology: &Topology) -> Result<Self> {
		let f_train_taken = spread_take(forget.all_withdrawn_indices(data), MAX_EVAL);
		let retain_train = (0..data.user_train.len())
			.map(|u| data.train.subset(&spread_take(forget.retained_indices(data, u), MAX_EVAL)))
			.collect();
		// Owners hold their local test samples (eq. 1 chooses references on them, the repair
		// its version): the test-split metrics use only samples no owner holds.
		let local: std::collections::HashSet<usize> = data.user_test.iter().flatten().copied().collect();
		let all_test: Vec<usize> = (0..data.test.len()).filter(|i| !local.contains(i)).collect();
		let (f_test, r_test) = match (&forget.backdoor, &forget.random_subset) {
			// The backdoor's test set: every test image outside the target class, triggered
			// and labelled with the target — its accuracy is the attack success rate.
			(Some(b), _) => (
				all_test.iter().copied().filter(|&i| data.test.labels()[i] != b.target).collect(),
				all_test.clone(),
			),
			// A random subset's non-members: test samples of the requesters' own classes, the
			// distribution the withdrawn samples come from.
			(None, Some(_)) => {
				let classes: Vec<u8> = forget
					.requesters
					.iter()
					.flat_map(|&u| topology.users[u].classes.iter().copied())
					.collect();
				let same = all_test.iter().copied().filter(|&i| classes.contains(&data.test.labels()[i])).collect();
				(same, all_test.clone())
			}
			(None, None) => split_forget_retain(&all_test, data.test.labels(), &forget.classes),
		};
		let own_test = topology
			.users
			.iter()
			.map(|u| {
				let own: Vec<usize> = r_test
					.iter()
					.copied()
					.filter(|&i| u.classes.contains(&data.test.labels()[i]))
					.collect();
				data.test.subset(&own)
			})
			.collect();
		Ok(EvalSets {
			forget_train_owner: {
				let owner: std::collections::HashMap<usize, usize> = forget
					.requesters
					.iter()
					.flat_map(|&u| forget.withdrawn_indices(data, u).into_iter().map(move |i| (i, u)))
					.collect();
				f_train_taken.iter().map(|i| owner[i]).collect()
			},
			forget_train: data.train.subset(&f_train_taken),
			retain_train,
			forget_test: match &forget.backdoor {
				Some(b) => b.triggered(&data.test, &f_test)?,
				None => data.test.subset(&f_test),
			},
			retain_test: data.test.subset(&spread_take(r_test, MAX_EVAL)),
			own_test,
		})
	}

	/// Evaluates one model owned by user `owner`.
	pub fn evaluate(&self, net: &Net, owner: usize) -> Result<ModelMetrics> {
		let (ad_f_train, member) = accuracy_and_losses(net, &self.forget_train)?;
		let (ad_f_test, non_member) = accuracy_and_losses(net, &self.forget_test)?;
		let (ad_r_test_all, _) = accuracy_and_losses(net, &self.retain_test)?;
		let ad_r_test = match self.own_test.get(owner) {
			Some(d) => crate::train::accuracy(net, d),
			None => None,
		};
		let (ad_r_train, _) = match self.retain_train.get(owner) {
			Some(d) => accuracy_and_losses(net, d)?,
			None => (None, Vec::new()),
		};
		Ok(ModelMetrics {
			ad_f_train: ad_f_train.unwrap_or(0.0),
			ad_r_train: ad_r_train.unwrap_or(0.0),
			ad_f_test: ad_f_test.unwrap_or(0.0),
			ad_r_test: ad_r_test.unwrap_or(0.0),
			ad_r_test_all: ad_r_test_all.unwrap_or(0.0),
			mia_auc: mia_auc(&member, &non_member),
		})
	}
}

/// AUC of "lower loss ⇒ member" (the plain loss-threshold attack; see [`crate::mia`] for
/// the calibrated one): P(loss_member < loss_non_member) + ½ P(tie). 0.5 when either side
/// is empty.
pub fn mia_auc(member_losses: &[f32], non_member_losses: &[f32]) -> f64 {
	crate::mia::auc(member_losses, non_member_losses)
}
