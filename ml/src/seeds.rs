//! The experiment over several seeds: each seed changes the partition, the genesis model,
//! every training shuffle and every ascent and repair draw. Every verdict is made on a
//! 95 % interval over the seeds, of the **paired** per-model gap to re-training (the same
//! seed's re-training), never on one run.

use crate::error::{Result, WorkerError};
use crate::methods::{is_parallel, title as method_title};
use crate::report::Report;
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;
use std::path::Path;

/// Mean and 95 % interval (Student's t) of a quantity over the seeds.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeedInterval {
	/// Mean over the seeds.
	pub mean: f64,
	/// Lower end (the mean itself with one seed).
	pub low: f64,
	/// Upper end.
	pub high: f64,
	/// Seeds it was measured on.
	pub n: usize,
}

/// Two-sided 97.5 % quantiles of Student's t for 1 … 30 degrees of freedom.
const T975: [f64; 30] = [
	12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
	2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
	2.052, 2.048, 2.045, 2.042,
];

impl SeedInterval {
	/// The t-interval of `xs` (a point for a single value).
	pub fn of(xs: &[f64]) -> SeedInterval {
		let n = xs.len();
		let mean = xs.iter().sum::<f64>() / n.max(1) as f64;
		if n < 2 {
			return SeedInterval { mean, low: mean, high: mean, n };
		}
		let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
		let t = T975.get(n - 2).copied().unwrap_or(1.96);
		let h = t * (var / n as f64).sqrt();
		SeedInterval { mean, low: mean - h, high: mean + h, n }
	}
}

/// A target judged on an interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Judgement {
	/// The whole interval meets the target.
	Met,
	/// The whole interval misses it.
	NotMet,
	/// The interval straddles the bound (or one seed only): more seeds would decide.
	Undecided,
}

impl Judgement {
	/// `at_most`: the interval against an upper bound.
	fn at_most(i: &SeedInterval, bound: f64) -> Judgement {
		if i.n < 2 {
			Judgement::Undecided
		} else if i.high <= bound {
			Judgement::Met
		} else if i.low > bound {
			Judgement::NotMet
		} else {
			Judgement::Undecided
		}
	}

	/// `within`: the interval against `[-bound, bound]`.
	fn within(i: &SeedInterval, bound: f64) -> Judgement {
		if i.n < 2 {
			Judgement::Undecided
		} else if i.low >= -bound && i.high <= bound {
			Judgement::Met
		} else if i.low > bound || i.high < -bound {
			Judgement::NotMet
		} else {
			Judgement::Undecided
		}
	}

	/// The worst of several (one model missing decides).
	fn all(js: impl IntoIterator<Item = Judgement>) -> Judgement {
		js.into_iter().fold(Judgement::Met, |a, b| match (a, b) {
			(Judgement::NotMet, _) | (_, Judgement::NotMet) => Judgement::NotMet,
			(Judgement::Undecided, _) | (_, Judgement::Undecided) => Judgement::Undecided,
			_ => Judgement::Met,
		})
	}

	fn word(self) -> &'static str {
		match self {
			Judgement::Met => "met",
			Judgement::NotMet => "**not met**",
			Judgement::Undecided => "undecided",
		}
	}
}

/// One affected model under one method, over the seeds.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ModelOverSeeds {
	/// Model id.
	pub model_id: String,
	/// AD_r (test) of re-training minus this method's, paired by seed (points × 0.01).
	pub ad_r_gap: SeedInterval,
	/// AD_f (test); for a backdoor, this method's attack success rate minus re-training's,
	/// paired by seed; for a random subset, AD_f (train) minus re-training's, paired.
	pub ad_f_test: SeedInterval,
}

/// One method over the seeds.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct MethodOverSeeds {
	/// Method key.
	pub method: String,
	/// Every affected model.
	pub models: Vec<ModelOverSeeds>,
	/// Re-training's latency / this method's, per seed (medians of each seed's runs).
	pub latency_speedup: SeedInterval,
	/// Re-training's work / this method's, per seed.
	pub work_speedup: SeedInterval,
	/// Worst AD_r gap within 3 points on every model (the interval's upper end).
	pub ad_r_target: Judgement,
	/// AD_f (test) ≤ 5 % on every model; for a backdoor, ASR within 2 points of
	/// re-training's.
	pub ad_f_target: Judgement,
	/// ≥ 10× lower latency than re-training (the interval's lower end).
	pub latency_target: Judgement,
}

/// The experiment over several seeds (`seeds.json`, `seeds.md`).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct SeedStudy {
	/// Topology name.
	pub topology: String,
	/// The seeds, one experiment each (`seed-<s>/`).
	pub seeds: Vec<u64>,
	/// Every method but the original and re-training.
	pub methods: Vec<MethodOverSeeds>,
	/// The request withdrew a backdoor's samples (AD_f test is then the ASR excess).
	#[serde(default)]
	pub backdoor: bool,
	/// The request withdrew a random subset (AD_f is then the train-split gap).
	#[serde(default)]
	pub random_subset: bool,
}

impl SeedStudy {
	/// Pairs the seeds' reports model by model against the same seed's re-training.
	pub fn of(seeds: &[u64], reports: &[Report]) -> Result<SeedStudy> {
		let first = reports.first().ok_or_else(|| WorkerError::InvalidArgument("no seed ran".into()))?;
		let backdoor = first.forget_set.backdoor.is_some();
		let random_subset = first.forget_set.random_subset.is_some();
		let ad = |r: &Report, model: &str, method: &str| {
			r.results
				.iter()
				.find(|x| x.model_id == model && x.method == method)
				.map(|x| (x.ad_r_test, if random_subset { x.ad_f_train } else { x.ad_f_test }))
		};
		let speed = |r: &Report, method: &str| {
			let s = r.summary.iter().find(|m| m.method == method)?;
			Some((s.latency_speedup?, s.work_speedup?))
		};
		let mut methods = Vec::new();
		for key in first.summary.iter().map(|m| m.method.as_str()).filter(|m| !["original", "retrain"].contains(m)) {
			let mut models = Vec::new();
			for d in &first.models {
				let (mut gaps, mut forget) = (Vec::new(), Vec::new());
				for r in reports {
					let missing = || WorkerError::InvalidArgument(format!("seed report lacks {} under {key}", d.model_id));
					let (rt, rt_f) = ad(r, &d.model_id, "retrain").ok_or_else(missing)?;
					let (m, f) = ad(r, &d.model_id, key).ok_or_else(missing)?;
					gaps.push(rt - m);
					forget.push(if backdoor || random_subset { f - rt_f } else { f });
				}
				models.push(ModelOverSeeds {
					model_id: d.model_id.clone(),
					ad_r_gap: SeedInterval::of(&gaps),
					ad_f_test: SeedInterval::of(&forget),
				});
			}
			let (lat, work): (Vec<f64>, Vec<f64>) = reports.iter().filter_map(|r| speed(r, key)).unzip();
			let latency_speedup = SeedInterval::of(&lat);
			let latency_target = if latency_speedup.n < 2 {
				Judgement::Undecided
			} else if latency_speedup.low >= 10.0 {
				Judgement::Met
			} else if latency_speedup.high < 10.0 {
				Judgement::NotMet
			} else {
				Judgement::Undecided
			};
			methods.push(MethodOverSeeds {
				method: key.to_string(),
				ad_r_target: Judgement::all(models.iter().map(|m| Judgement::at_most(&m.ad_r_gap, 0.03))),
				ad_f_target: Judgement::all(models.iter().map(|m| {
					if random_subset {
						Judgement::within(&m.ad_f_test, 0.03)
					} else {
						Judgement::at_most(&m.ad_f_test, if backdoor { 0.02 } else { 0.05 })
					}
				})),
				models,
				latency_speedup,
				work_speedup: SeedInterval::of(&work),
				latency_target,
			});
		}
		Ok(SeedStudy { topology: first.topology.clone(), seeds: seeds.to_vec(), methods, backdoor, random_subset })
	}

	/// `seeds.json` and `seeds.md` in `dir`.
	pub fn write(&self, dir: &Path) -> Result<()> {
		let put = |name: &str, text: String| {
			let p = dir.join(name);
			std::fs::write(&p, text).map_err(|e| WorkerError::io(&p, e))
		};
		put("seeds.json", serde_json::to_string_pretty(self)?)?;
		put("seeds.md", self.markdown())
	}

	/// The verdicts and every model's interval as Markdown.
	pub fn markdown(&self) -> String {
		let mut s = String::new();
		let iv = |i: &SeedInterval, k: f64| format!("{:+.1} [{:+.1}, {:+.1}]", i.mean * k, i.low * k, i.high * k);
		let _ = writeln!(s, "# Over {} seeds: topology {}\n\nSeeds {:?}; each its own partition, initialisation, shuffles and draws (`seed-<s>/report.md`). Intervals: mean and 95 % t-interval over the seeds; AD_r gaps are paired with the same seed's re-training (points; positive = below re-training). A target is **met** when its whole interval meets it, **not met** when the whole interval misses it, **undecided** otherwise.\n", self.seeds.len(), self.topology, self.seeds);
		let (f_col, f_target) = if self.backdoor {
			("worst ASR excess over re-training (points)", "ASR within 2 points")
		} else if self.random_subset {
			("worst AD_f train gap to re-training (points)", "AD_f train within ±3 points")
		} else {
			("worst AD_f test (%)", "AD_f ≤ 5 %")
		};
		let _ = writeln!(s, "| Method | worst model's AD_r gap (points) | AD_r within 3 points | {f_col} | {f_target} | latency speed-up | ≥ 10× lower latency | work speed-up |\n|---|---:|---|---:|---|---:|---|---:|");
		for m in &self.methods {
			let worst_gap = m.models.iter().max_by(|a, b| a.ad_r_gap.high.total_cmp(&b.ad_r_gap.high));
			let worst_f = m.models.iter().max_by(|a, b| a.ad_f_test.high.total_cmp(&b.ad_f_test.high));
			let _ = writeln!(
				s,
				"| {}{} | {} | {} | {} | {} | {:.1}× [{:.1}, {:.1}] | {} | {:.1}× [{:.1}, {:.1}] |",
				method_title(&m.method),
				if is_parallel(&m.method) { "" } else { " (baseline)" },
				worst_gap.map(|w| format!("{} ({})", iv(&w.ad_r_gap, 100.0), w.model_id)).unwrap_or_default(),
				m.ad_r_target.word(),
				worst_f.map(|w| format!("{:.1} [{:.1}, {:.1}] ({})", w.ad_f_test.mean * 100.0, w.ad_f_test.low * 100.0, w.ad_f_test.high * 100.0, w.model_id)).unwrap_or_default(),
				m.ad_f_target.word(),
				m.latency_speedup.mean,
				m.latency_speedup.low,
				m.latency_speedup.high,
				m.latency_target.word(),
				m.work_speedup.mean,
				m.work_speedup.low,
				m.work_speedup.high,
			);
		}
		let _ = writeln!(s, "\n## Every model: AD_r gap to re-training (points), mean [95 % interval]\n");
		let models: Vec<&str> = self.methods.first().map(|m| m.models.iter().map(|x| x.model_id.as_str()).collect()).unwrap_or_default();
		let _ = writeln!(s, "| Method | {} |\n|---|{}", models.join(" | "), "---:|".repeat(models.len()));
		for m in &self.methods {
			let cells: Vec<String> = m.models.iter().map(|x| iv(&x.ad_r_gap, 100.0)).collect();
			let _ = writeln!(s, "| {} | {} |", m.method, cells.join(" | "));
		}
		s
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn t_interval_matches_a_hand_computation() {
		// Mean 2, sample sd 1, n = 5: half-width 2.776 · 1 / √5.
		let i = SeedInterval::of(&[1.0, 2.0, 3.0, 2.0 + 0.5f64.sqrt(), 2.0 - 0.5f64.sqrt()]);
		assert!((i.mean - 2.0).abs() < 1e-12);
		let h = 2.776 * (((1.0 + 0.0 + 1.0 + 0.5 + 0.5) / 4.0f64).sqrt()) / 5f64.sqrt();
		assert!((i.high - 2.0 - h).abs() < 1e-9 && (2.0 - i.low - h).abs() < 1e-9);
		assert_eq!(SeedInterval::of(&[0.7]), SeedInterval { mean: 0.7, low: 0.7, high: 0.7, n: 1 });
	}

	#[test]
	fn targets_are_judged_on_the_whole_interval() {
		let i = |mean: f64, h: f64| SeedInterval { mean, low: mean - h, high: mean + h, n: 5 };
		assert_eq!(Judgement::at_most(&i(0.01, 0.01), 0.03), Judgement::Met);
		assert_eq!(Judgement::at_most(&i(0.03, 0.01), 0.03), Judgement::Undecided);
		assert_eq!(Judgement::at_most(&i(0.05, 0.01), 0.03), Judgement::NotMet);
		assert_eq!(Judgement::at_most(&SeedInterval::of(&[0.0]), 0.03), Judgement::Undecided, "one seed decides nothing");
		assert_eq!(Judgement::all([Judgement::Met, Judgement::Undecided]), Judgement::Undecided);
		assert_eq!(Judgement::all([Judgement::Undecided, Judgement::NotMet, Judgement::Met]), Judgement::NotMet);
	}
}
