//! A membership-inference audit with power: per-example calibrated loss (Watson et al.,
//! "On the importance of difficulty calibration in membership inference attacks", 2022;
//! the offline form of LiRA).
//!
//! The plain loss-threshold attack cannot tell a withdrawn Trouser from an unseen one when
//! the model generalises on that class (AUC 0.50 on the original models). Calibration
//! subtracts each sample's own difficulty: a few **reference models** of the same
//! architecture are trained on data that contains neither the members (the withdrawn
//! samples) nor the non-members (held-out test samples of the forgotten classes), and the
//! score of a sample is the target's loss minus the references' mean loss on it. A member
//! the target has seen scores lower than its difficulty predicts.
//!
//! Every AUC comes with a 95 % bootstrap interval; [`Audit::verdict`] calls the attack
//! inconclusive on a setup where it has no power on the original model (interval
//! touching 0.5), instead of printing a bare 0.50.

use crate::data::Dataset;
use crate::error::{Result, WorkerError};
use crate::models::{ModelSpec, Net};
use crate::train::{per_sample_losses, train, TrainConfig};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use tch::Device;

/// Bootstrap resamples behind every interval.
pub const RESAMPLES: usize = 200;

/// A value with its 95 % interval.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Interval {
	/// Point estimate.
	pub value: f64,
	/// 2.5th percentile of the bootstrap distribution.
	pub low: f64,
	/// 97.5th percentile.
	pub high: f64,
}

/// AUC of "lower score ⇒ member": P(s_member < s_non_member) + ½ P(tie), by ranks in
/// O(n log n). 0.5 when either side is empty.
pub fn auc(member: &[f32], non_member: &[f32]) -> f64 {
	let (m, n) = (member.len(), non_member.len());
	if m == 0 || n == 0 {
		return 0.5;
	}
	let mut all: Vec<(f32, bool)> = member
		.iter()
		.map(|&l| (l, true))
		.chain(non_member.iter().map(|&l| (l, false)))
		.collect();
	// Descending score: rank 1 = highest. Members should get high ranks (low scores).
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

/// The attack's true-positive rate at false-positive rate `fpr` ("lower score ⇒
/// member"): the threshold admits at most `fpr` of the non-members (the `fpr` quantile of
/// their scores, strictly below), and the rate is the members' share under it. The
/// low-FPR corner is where a membership attack has to work to matter; the AUC averages it
/// away. 0 when either side is empty.
pub fn tpr_at_fpr(member: &[f32], non_member: &[f32], fpr: f64) -> f64 {
	if member.is_empty() || non_member.is_empty() {
		return 0.0;
	}
	let mut sorted = non_member.to_vec();
	sorted.sort_by(f32::total_cmp);
	// At most ⌊fpr · n⌋ non-members may fall under the threshold.
	let allowed = (fpr * sorted.len() as f64).floor() as usize;
	let threshold = sorted[allowed.min(sorted.len() - 1)];
	let admitted = |xs: &[f32]| xs.iter().filter(|&&s| s < threshold).count();
	debug_assert!(admitted(non_member) <= allowed);
	admitted(member) as f64 / member.len() as f64
}

/// [`auc`] with a 95 % percentile-bootstrap interval (members and non-members resampled
/// separately, `resamples` times, deterministic in `seed`).
pub fn auc_interval(member: &[f32], non_member: &[f32], resamples: usize, seed: u64) -> Interval {
	let value = auc(member, non_member);
	if member.is_empty() || non_member.is_empty() || resamples == 0 {
		return Interval { value, low: value, high: value };
	}
	let mut rng = ChaCha8Rng::seed_from_u64(seed);
	let mut draw = |xs: &[f32]| -> Vec<f32> {
		(0..xs.len()).map(|_| xs[rng.random_range(0..xs.len())]).collect()
	};
	let mut boot: Vec<f64> =
		(0..resamples).map(|_| auc(&draw(member), &draw(non_member))).collect();
	boot.sort_by(f64::total_cmp);
	let at = |q: f64| boot[((boot.len() - 1) as f64 * q).round() as usize];
	Interval { value, low: at(0.025), high: at(0.975) }
}

/// The calibrated attack's fixed parts: its members, non-members and the references'
/// mean loss on each.
#[derive(Debug)]
pub struct Audit {
	members: Dataset,
	non_members: Dataset,
	member_reference: Vec<f32>,
	non_member_reference: Vec<f32>,
	/// Who withdrew each member (empty: unknown, every member counts for every model).
	member_owner: Vec<usize>,
	/// Number of reference models.
	pub references: usize,
}

/// What an audit of one setup says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
	/// The attack separates members on the original model (interval above 0.5): the
	/// unlearned models' AUCs mean something.
	HasPower,
	/// The attack has no power on the original model: nothing can be concluded from the
	/// unlearned models' AUCs.
	Inconclusive,
}

impl Audit {
	/// Trains `references` models of `spec` from fresh initialisations on `shadow_data`,
	/// which must share no sample with `members` or `non_members`, with the training
	/// settings `cfg` of the audited models.
	pub fn train(
		members: Dataset,
		non_members: Dataset,
		shadow_data: &Dataset,
		spec: ModelSpec,
		device: Device,
		cfg: &TrainConfig,
		references: usize,
		seed: u64,
	) -> Result<Audit> {
		if references == 0 || members.is_empty() || non_members.is_empty() {
			return Err(WorkerError::InvalidArgument(
				"an audit needs members, non-members and at least one reference model".into(),
			));
		}
		let mut member_reference = vec![0.0f32; members.len()];
		let mut non_member_reference = vec![0.0f32; non_members.len()];
		for r in 0..references {
			let s = seed.wrapping_add(r as u64 * 0x9E37);
			let mut net = Net::new(spec, device, s as i64)?;
			train(&mut net, shadow_data, cfg, s, |_, _| {})?;
			for (acc, l) in member_reference.iter_mut().zip(per_sample_losses(&net, &members)?) {
				*acc += l / references as f32;
			}
			for (acc, l) in
				non_member_reference.iter_mut().zip(per_sample_losses(&net, &non_members)?)
			{
				*acc += l / references as f32;
			}
		}
		Ok(Audit {
			members,
			non_members,
			member_reference,
			non_member_reference,
			member_owner: Vec::new(),
			references,
		})
	}

	/// Names the owner of each member, so that a model is attacked on its own owner's
	/// members ([`Audit::evaluate_for`]).
	pub fn with_member_owners(mut self, owners: Vec<usize>) -> Result<Audit> {
		if owners.len() != self.members.len() {
			return Err(WorkerError::InvalidArgument(format!(
				"{} owners for {} members",
				owners.len(),
				self.members.len()
			)));
		}
		self.member_owner = owners;
		Ok(self)
	}

	/// Members withdrawn by `owner` (every member when it withdrew none or owners are
	/// unknown).
	fn members_of(&self, owner: Option<usize>) -> Option<Vec<usize>> {
		let o = owner?;
		let own: Vec<usize> =
			(0..self.member_owner.len()).filter(|&i| self.member_owner[i] == o).collect();
		(!own.is_empty()).then_some(own)
	}

	/// The calibrated scores of the members and the non-members on `net`.
	fn scores(&self, net: &Net) -> Result<(Vec<f32>, Vec<f32>)> {
		let calibrate = |losses: Vec<f32>, reference: &[f32]| -> Vec<f32> {
			losses.iter().zip(reference).map(|(l, r)| l - r).collect()
		};
		let m = calibrate(per_sample_losses(net, &self.members)?, &self.member_reference);
		let n = calibrate(per_sample_losses(net, &self.non_members)?, &self.non_member_reference);
		Ok((m, n))
	}

	/// The calibrated attack's AUC on `net` with its interval.
	pub fn auc(&self, net: &Net, seed: u64) -> Result<Interval> {
		let (m, n) = self.scores(net)?;
		Ok(auc_interval(&m, &n, RESAMPLES, seed))
	}

	/// The AUC with its interval and the TPR at 1 % FPR, from one pass over the samples.
	pub fn evaluate(&self, net: &Net, seed: u64) -> Result<(Interval, f64)> {
		self.evaluate_for(net, seed, None)
	}

	/// [`Audit::evaluate`] on the members `owner` withdrew — a start model is attacked on
	/// the samples its own owner trained it on, not on another requester's — or on every
	/// member (`None`, an inherited model, or an owner without members).
	pub fn evaluate_for(&self, net: &Net, seed: u64, owner: Option<usize>) -> Result<(Interval, f64)> {
		let (mut m, n) = self.scores(net)?;
		if let Some(own) = self.members_of(owner) {
			m = own.iter().map(|&i| m[i]).collect();
		}
		Ok((auc_interval(&m, &n, RESAMPLES, seed), tpr_at_fpr(&m, &n, 0.01)))
	}

	/// Whether the attack has power on the original model's interval.
	pub fn verdict(original: Interval) -> Verdict {
		if original.low > 0.5 {
			Verdict::HasPower
		} else {
			Verdict::Inconclusive
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn tpr_at_low_fpr_counts_members_under_the_non_members_quantile() {
		// 100 non-members scored 0..100; at 1 % FPR the threshold is the 2nd lowest (1.0):
		// only the non-member at 0.0 is under it.
		let non: Vec<f32> = (0..100).map(|i| i as f32).collect();
		let members = [-5.0, -1.0, 0.5, 0.99, 1.0, 50.0, 99.0, 120.0];
		assert_eq!(tpr_at_fpr(&members, &non, 0.01), 4.0 / 8.0);
		// A perfect separation: every member under the lowest non-member.
		assert_eq!(tpr_at_fpr(&[-3.0, -2.0], &non, 0.01), 1.0);
		// No separation: members drawn like the non-members are found at about the FPR.
		assert!(tpr_at_fpr(&non, &non, 0.01) <= 0.01);
		assert_eq!(tpr_at_fpr(&[], &non, 0.01), 0.0);
		assert_eq!(tpr_at_fpr(&members, &[], 0.01), 0.0);
	}
}
