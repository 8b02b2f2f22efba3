//! The unlearning methods an experiment compares, in table order: the paper's two
//! paradigms, the repaired parallel variants, a retain-aware state-of-the-art method at
//! the starts (SCRUB, propagated like the ascent), two baselines at the repair's step
//! budget and an α sweep of the best parallel variant. Every method is timed by the same rule
//! ([`crate::schedule`]) and evaluated on the same forget set.

use crate::topology::StartMethod;
use crate::unlearn::Repair;

/// How a method computes the affected models' new versions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Method {
	/// No unlearning: the versions before the request.
	Original,
	/// The sequential paradigm (eqs. 17-18): full re-training in topological order.
	Retrain,
	/// The parallel paradigm (eqs. 7-8): the start owners' ascent (and repair),
	/// propagated with `alpha` (`None`: the topology's α).
	Parallel {
		/// Who repairs after the ascent.
		repair: Repair,
		/// The discount α of eq. 8.
		alpha: Option<f64>,
		/// How the start models are unlearned (`None`: the topology's start method).
		start: Option<StartMethod>,
	},
	/// Baseline: every affected owner fine-tunes its original on its retained data for the
	/// repair's steps; no ascent, no propagation.
	FineTune,
	/// Baseline: the sequential order and re-aggregation, then the repair's steps of
	/// retain descent instead of full re-training.
	TruncatedRetrain,
}

/// A method with its report key and title.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MethodSpec {
	/// Key in `report.json` and `results.csv`.
	pub key: &'static str,
	/// Title in tables and plots.
	pub title: &'static str,
	/// What it runs.
	pub method: Method,
}

/// Every method, in table order.
pub const ALL: [MethodSpec; 10] = [
	MethodSpec { key: "original", title: "Original", method: Method::Original },
	MethodSpec { key: "retrain", title: "Re-training (sequential)", method: Method::Retrain },
	MethodSpec {
		key: "ga",
		title: "Gradient ascent, fixed-norm steps, stop on held-out (parallel, paper)",
		method: Method::Parallel { repair: Repair::None, alpha: None, start: None },
	},
	MethodSpec {
		key: "ga_repair_starts",
		title: "GA + repair at the starts (NegGrad+)",
		method: Method::Parallel { repair: Repair::Starts, alpha: None, start: None },
	},
	MethodSpec {
		key: "ga_repair",
		title: "GA + repair everywhere",
		method: Method::Parallel { repair: Repair::All, alpha: None, start: None },
	},
	MethodSpec {
		key: "ga_repair_alpha_half",
		title: "GA + repair everywhere, α = 0.5",
		method: Method::Parallel { repair: Repair::All, alpha: Some(0.5), start: None },
	},
	MethodSpec {
		key: "ga_repair_alpha0",
		title: "GA + repair everywhere, α = 0 (no propagation + owners' fine-tuning)",
		method: Method::Parallel { repair: Repair::All, alpha: Some(0.0), start: None },
	},
	MethodSpec {
		key: "scrub",
		title: "SCRUB at the starts, propagated (retain-aware baseline)",
		method: Method::Parallel { repair: Repair::None, alpha: None, start: Some(StartMethod::Scrub) },
	},
	MethodSpec {
		key: "finetune",
		title: "Fine-tune only (retained data, repair's steps)",
		method: Method::FineTune,
	},
	MethodSpec {
		key: "truncated_retrain",
		title: "Truncated re-training (re-aggregate + repair's steps)",
		method: Method::TruncatedRetrain,
	},
];

/// The method with report key `key`.
pub fn by_key(key: &str) -> Option<&'static MethodSpec> {
	ALL.iter().find(|m| m.key == key)
}

/// The title of report key `key` (the key itself when unknown).
pub fn title(key: &str) -> &str {
	by_key(key).map(|m| m.title).unwrap_or(key)
}

/// True for the parallel paradigm's variants (the ones the targets are stated for).
pub fn is_parallel(key: &str) -> bool {
	matches!(by_key(key).map(|m| m.method), Some(Method::Parallel { .. }))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn keys_are_unique_and_original_and_retrain_come_first() {
		let keys: Vec<&str> = ALL.iter().map(|m| m.key).collect();
		let mut sorted = keys.clone();
		sorted.sort_unstable();
		sorted.dedup();
		assert_eq!(sorted.len(), keys.len());
		assert_eq!(&keys[..2], ["original", "retrain"]);
		assert!(is_parallel("ga") && is_parallel("ga_repair_alpha0") && !is_parallel("finetune"));
		assert_eq!(title("nope"), "nope");
	}
}
