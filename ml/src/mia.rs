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
		Ok(Audit { members, non_members, member_reference, non_member_reference, references })
	}

	/// The calibrated attack's AUC on `net` with its interval.
	pub fn auc(&self, net: &Net, seed: u64) -> Result<Interval> {
		let calibrate = |losses: Vec<f32>, reference: &[f32]| -> Vec<f32> {
			losses.iter().zip(reference).map(|(l, r)| l - r).collect()
		};
		let m = calibrate(per_sample_losses(net, &self.members)?, &self.member_reference);
		let n = calibrate(per_sample_losses(net, &self.non_members)?, &self.non_member_reference);
		Ok(auc_interval(&m, &n, RESAMPLES, seed))
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
