//! The experiment report: `report.json`, `results.csv`, `report.md` (tables shaped like
//! the paper's Tables III/IV) and hand-written SVG plots.

use crate::error::{Result, WorkerError};
use crate::experiment::Options;
use crate::forget::OtherHolder;
use crate::metrics::ModelMetrics;
use crate::mia::{Audit, Interval, Verdict};
use crate::unlearn::SkippedModel;
use crate::weights::LayerDistance;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// Methods in table order.
pub const METHODS: [&str; 5] = ["original", "retrain", "ga", "ga_repair_starts", "ga_repair"];

fn method_title(m: &str) -> &'static str {
	match m {
		"original" => "Original",
		"retrain" => "Re-training",
		"ga" => "Gradient ascent",
		"ga_repair_starts" => "GA + repair at the starts",
		_ => "GA + repair everywhere",
	}
}

/// Seconds over repeated runs (the report's unlearning times and the benchmarks').
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Timing {
	/// Median.
	pub median: f64,
	/// Fastest run.
	pub min: f64,
	/// Slowest run.
	pub max: f64,
	/// Number of runs.
	pub runs: usize,
}

impl Timing {
	/// Median, min and max of `xs` (all zero for none).
	pub fn of(xs: &[f64]) -> Timing {
		if xs.is_empty() {
			return Timing::default();
		}
		let mut v = xs.to_vec();
		v.sort_by(f64::total_cmp);
		let n = v.len();
		let median = if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 };
		Timing { median, min: v[0], max: v[n - 1], runs: n }
	}
}

/// One row of `results`: one affected model under one method.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ResultRow {
	/// Model id.
	pub model_id: String,
	/// `original`, `retrain`, `ga`, `ga_repair_starts` or `ga_repair`.
	pub method: String,
	/// Accuracy on the withdrawn training samples (D_f).
	pub ad_f_train: f64,
	/// Accuracy on the owner's retained training samples.
	pub ad_r_train: f64,
	/// Accuracy on the forgotten classes, test split.
	pub ad_f_test: f64,
	/// Accuracy on the owner's own retained classes, test split.
	pub ad_r_test: f64,
	/// Accuracy on every retained class, test split.
	pub ad_r_test_all: f64,
	/// Calibrated membership-inference AUC on D_f vs unseen samples of the forgotten
	/// classes, with its 95 % bootstrap interval (absent without an audit).
	pub mia: Option<Interval>,
	/// Cumulative unlearning time of this model (median over the runs; 0 for `original`).
	pub seconds: f64,
	/// The same over every run: median, min, max.
	pub time: Timing,
}

impl ResultRow {
	/// A row from a model's metrics, audit AUC and per-run times.
	pub fn new(
		model_id: &str,
		method: &str,
		m: &ModelMetrics,
		mia: Option<Interval>,
		times: &[f64],
	) -> ResultRow {
		let time = Timing::of(times);
		ResultRow {
			model_id: model_id.into(),
			method: method.into(),
			ad_f_train: m.ad_f_train,
			ad_r_train: m.ad_r_train,
			ad_f_test: m.ad_f_test,
			ad_r_test: m.ad_r_test,
			ad_r_test_all: m.ad_r_test_all,
			mia,
			seconds: time.median,
			time,
		}
	}
}

/// Per-model extras: where it sits, its versions and weight distances.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ModelDetail {
	/// Model id.
	pub model_id: String,
	/// Owning user.
	pub owner: String,
	/// Longest path from a root.
	pub depth: usize,
	/// A start model of the request.
	pub is_start: bool,
	/// Σ_s c(s, y) (1 for start models).
	pub coefficient: f64,
	/// CID per method.
	pub cids: BTreeMap<String, String>,
	/// ‖w_method − w_original‖₂ per method.
	pub l2_to_original: BTreeMap<String, f64>,
	/// ‖w_method − w_retrain‖₂ per method.
	pub l2_to_retrain: BTreeMap<String, f64>,
}

/// Wall-clock seconds of each phase; the unlearning tasks over every run.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct WallTimes {
	/// Training the whole DAG.
	pub train_dag: f64,
	/// Sequential paradigm (re-training): time until the last model's new version.
	pub sequential: Timing,
	/// Parallel paradigm (gradient ascent).
	pub parallel: Timing,
	/// Parallel paradigm, NegGrad+ at the start models (gradient ascent, then the start
	/// owners' repair), propagated.
	pub parallel_repair_starts: Timing,
	/// The same with every inherited owner's repair after the propagation (owners repair
	/// in parallel, each its own models in turn: the latest model's propagation time plus
	/// its owner's queue of repairs).
	pub parallel_repair: Timing,
	/// The central reference model and the audit's reference models.
	pub references: f64,
	/// Evaluation.
	pub evaluation: f64,
	/// Everything.
	pub total: f64,
}

/// Who withdraws what (see `forget.rs`).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ForgetSetReport {
	/// Users whose samples of the forgotten classes are withdrawn (owners of the start
	/// models).
	pub requesters: Vec<String>,
	/// Number of withdrawn training samples.
	pub withdrawn_samples: usize,
	/// Users outside the request holding samples of the forgotten classes (they keep them;
	/// test-split AD_f then also measures their data).
	pub other_holders: Vec<OtherHolder>,
}

/// The centrally trained model of the same architecture (all users' samples, same
/// settings), measured in the same run.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CentralReference {
	/// Training samples (the union of the users' shares).
	pub train_samples: usize,
	/// Accuracy on the whole test split.
	pub test_accuracy: f64,
	/// Per user: accuracy on its own retained classes (test), the set AD_r test uses.
	pub own_test: BTreeMap<String, f64>,
	/// Seconds to train it.
	pub seconds: f64,
}

/// The membership audit's set-up.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
pub struct AuditInfo {
	/// Reference models.
	pub references: usize,
	/// Members (withdrawn samples) attacked.
	pub members: usize,
}

/// One method over every affected model.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct MethodSummary {
	/// Method key.
	pub method: String,
	/// Mean AD_r, test.
	pub ad_r_test_mean: f64,
	/// Worst (lowest) AD_r, test.
	pub ad_r_test_worst: f64,
	/// Mean AD_f, test.
	pub ad_f_test_mean: f64,
	/// Worst (highest) AD_f, test.
	pub ad_f_test_worst: f64,
	/// Mean AD_r train.
	pub ad_r_train_mean: f64,
	/// Worst AD_r train.
	pub ad_r_train_worst: f64,
	/// Mean AD_f train.
	pub ad_f_train_mean: f64,
	/// Worst AD_f train.
	pub ad_f_train_worst: f64,
	/// Largest shortfall of AD_r test against re-training over the models (points × 0.01).
	pub ad_r_gap_to_retrain_worst: f64,
	/// Mean calibrated MIA AUC.
	pub mia_mean: Option<f64>,
	/// Task completion time over the runs.
	pub time: Timing,
	/// Median sequential completion time / this method's.
	pub speedup_vs_sequential: Option<f64>,
}

/// Everything `experiment` writes to `report.json`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Report {
	/// Data set name.
	pub dataset: String,
	/// Architecture name.
	pub model: String,
	/// Forgotten classes.
	pub forget_classes: Vec<u8>,
	/// What the request withdraws.
	pub forget_set: ForgetSetReport,
	/// Per (model, method) results.
	pub results: Vec<ResultRow>,
	/// Per method, over every affected model.
	pub summary: Vec<MethodSummary>,
	/// Topology name.
	pub topology: String,
	/// Device used.
	pub device: String,
	/// Start models.
	pub start_models: Vec<String>,
	/// Models of the paper-shaped table.
	pub report_models: Vec<String>,
	/// α.
	pub alpha: f64,
	/// ε.
	pub epsilon: f64,
	/// Full data set or per-user subset.
	pub full_data: bool,
	/// Repeats, audit and reference settings.
	pub options: Options,
	/// Training samples per user (mean).
	pub train_samples_per_user: f64,
	/// Per-model details.
	pub models: Vec<ModelDetail>,
	/// Models the parallel paradigm left untouched (update norm ≤ ε).
	pub skipped: Vec<SkippedModel>,
	/// The centrally trained reference (absent with `--quick`).
	pub central: Option<CentralReference>,
	/// The membership audit (absent when it could not run).
	pub audit: Option<AuditInfo>,
	/// Phase wall times.
	pub wall_seconds: WallTimes,
	/// Layer-wise distances for one model.
	pub layer_distances: LayerDistances,
}

/// Layer-wise distances of one model (paper Fig. 5).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LayerDistances {
	/// Model id.
	pub model_id: String,
	/// Per method: distances to the original, per layer.
	pub to_original: BTreeMap<String, Vec<LayerDistance>>,
}

impl Report {
	fn row(&self, model: &str, method: &str) -> Option<&ResultRow> {
		self.results.iter().find(|r| r.model_id == model && r.method == method)
	}

	/// Writes every file of the report into `dir`.
	pub fn write(&self, dir: &Path) -> Result<()> {
		std::fs::create_dir_all(dir).map_err(|e| WorkerError::io(dir, e))?;
		let put = |name: &str, text: String| {
			let p = dir.join(name);
			std::fs::write(&p, text).map_err(|e| WorkerError::io(&p, e))
		};
		put("report.json", serde_json::to_string_pretty(self)?)?;
		put("results.csv", self.csv())?;
		put("report.md", self.markdown())?;
		put("accuracy.svg", self.accuracy_svg())?;
		put("time_vs_depth.svg", self.time_svg())?;
		put("weight_distance.svg", self.distance_svg())?;
		Ok(())
	}

	/// Per method over every affected model: means, worst cases, gap to re-training,
	/// completion time and speed-up.
	pub fn summarise(&self) -> Vec<MethodSummary> {
		let seq = self.wall_seconds.sequential.median;
		METHODS
			.iter()
			.map(|&m| {
				let rows: Vec<&ResultRow> = self.results.iter().filter(|r| r.method == m).collect();
				let mean = |f: fn(&ResultRow) -> f64| {
					rows.iter().map(|r| f(r)).sum::<f64>() / rows.len().max(1) as f64
				};
				let min = |f: fn(&ResultRow) -> f64| rows.iter().map(|r| f(r)).fold(1.0, f64::min);
				let max = |f: fn(&ResultRow) -> f64| rows.iter().map(|r| f(r)).fold(0.0, f64::max);
				let gap = rows
					.iter()
					.filter_map(|r| self.row(&r.model_id, "retrain").map(|t| t.ad_r_test - r.ad_r_test))
					.fold(f64::NEG_INFINITY, f64::max);
				let mias: Vec<f64> = rows.iter().filter_map(|r| r.mia.map(|i| i.value)).collect();
				let time = match m {
					"retrain" => self.wall_seconds.sequential,
					"ga" => self.wall_seconds.parallel,
					"ga_repair_starts" => self.wall_seconds.parallel_repair_starts,
					"ga_repair" => self.wall_seconds.parallel_repair,
					_ => Timing::default(),
				};
				MethodSummary {
					method: m.into(),
					ad_r_test_mean: mean(|r| r.ad_r_test),
					ad_r_test_worst: min(|r| r.ad_r_test),
					ad_f_test_mean: mean(|r| r.ad_f_test),
					ad_f_test_worst: max(|r| r.ad_f_test),
					ad_r_train_mean: mean(|r| r.ad_r_train),
					ad_r_train_worst: min(|r| r.ad_r_train),
					ad_f_train_mean: mean(|r| r.ad_f_train),
					ad_f_train_worst: max(|r| r.ad_f_train),
					ad_r_gap_to_retrain_worst: if gap.is_finite() { gap } else { 0.0 },
					mia_mean: (!mias.is_empty()).then(|| mias.iter().sum::<f64>() / mias.len() as f64),
					time,
					speedup_vs_sequential: (time.median > 0.0 && m != "original")
						.then(|| seq / time.median),
				}
			})
			.collect()
	}

	/// The audit's verdict: power when the original models' intervals lie above 0.5.
	pub fn audit_verdict(&self) -> Option<Verdict> {
		let originals: Vec<Interval> = self
			.results
			.iter()
			.filter(|r| r.method == "original")
			.filter_map(|r| r.mia)
			.collect();
		if originals.is_empty() {
			return None;
		}
		// The start models saw the withdrawn samples directly: the audit has power when it
		// separates them on at least one start model's original version.
		let starts: Vec<&str> =
			self.models.iter().filter(|d| d.is_start).map(|d| d.model_id.as_str()).collect();
		let best = self
			.results
			.iter()
			.filter(|r| r.method == "original" && starts.contains(&r.model_id.as_str()))
			.filter_map(|r| r.mia)
			.max_by(|a, b| a.low.total_cmp(&b.low))
			.unwrap_or(originals[0]);
		Some(Audit::verdict(best))
	}

	/// `results.csv`.
	pub fn csv(&self) -> String {
		let mut s = String::from("model_id,method,depth,is_start,ad_f_train,ad_r_train,ad_f_test,ad_r_test,ad_r_test_all,mia_auc,mia_low,mia_high,seconds_median,seconds_min,seconds_max,runs,l2_to_original\n");
		for r in &self.results {
			let d = self.models.iter().find(|m| m.model_id == r.model_id);
			let mia = r.mia.unwrap_or(Interval { value: f64::NAN, low: f64::NAN, high: f64::NAN });
			let _ = writeln!(
				s,
				"{},{},{},{},{:.4},{:.4},{:.4},{:.4},{:.4},{:.4},{:.4},{:.4},{:.4},{:.4},{:.4},{},{:.4}",
				r.model_id,
				r.method,
				d.map(|d| d.depth).unwrap_or(0),
				d.map(|d| d.is_start).unwrap_or(false),
				r.ad_f_train,
				r.ad_r_train,
				r.ad_f_test,
				r.ad_r_test,
				r.ad_r_test_all,
				mia.value,
				mia.low,
				mia.high,
				r.time.median,
				r.time.min,
				r.time.max,
				r.time.runs,
				d.and_then(|d| d.l2_to_original.get(&r.method)).copied().unwrap_or(0.0),
			);
		}
		s
	}

	/// The report as Markdown: summary over every affected model (test split first),
	/// targets, every model, references, the paper-shaped training-split table, wall time.
	pub fn markdown(&self) -> String {
		let mut s = String::new();
		self.md_header(&mut s);
		self.md_summary(&mut s);
		self.md_models(&mut s);
		self.md_central(&mut s);
		self.md_paper_table(&mut s);
		self.md_wall(&mut s);
		s
	}

	fn md_header(&self, s: &mut String) {
		let f = &self.forget_set;
		let _ = writeln!(
			s,
			"# Unlearning report: {} / {} / topology {}\n\nForgotten classes {:?}; start models {}; α = {}, ε = {}; device {}; {}; every time is the median of {} run(s) (min–max).\n",
			self.dataset,
			self.model,
			self.topology,
			self.forget_classes,
			self.start_models.join(", "),
			self.alpha,
			self.epsilon,
			self.device,
			if self.full_data {
				"full data set".to_string()
			} else {
				format!("{:.0} training samples per user", self.train_samples_per_user)
			},
			self.options.repeats
		);
		let _ = writeln!(
			s,
			"**Forget set** (one definition for every method): the training samples of classes {:?} held by the requesters {} — {} samples. Re-training drops them from the requesters' data (other owners re-train on all of theirs); gradient ascent and repair ascend on exactly these samples; AD_f (train) is measured on them.",
			self.forget_classes,
			f.requesters.join(", "),
			f.withdrawn_samples
		);
		if f.other_holders.is_empty() {
			let _ = writeln!(s, "No other user holds these classes, so AD_f (test) measures the withdrawn knowledge alone.\n");
		} else {
			let list: Vec<String> =
				f.other_holders.iter().map(|h| format!("{} ({})", h.user, h.samples)).collect();
			let _ = writeln!(s, "**Caution:** other users also hold these classes and keep them: {}. AD_f (test) then also measures their legitimate data.\n", list.join(", "));
		}
	}

	fn md_summary(&self, s: &mut String) {
		let pct = |v: f64| format!("{:.1}", v * 100.0);
		let n = self.models.len();
		let _ = writeln!(s, "## Every affected model ({n}): mean and worst, test split first\n\n| Method | AD_r test mean | AD_r test worst | AD_f test mean | AD_f test worst | worst AD_r gap to re-training (points) | AD_r train mean | AD_f train worst | MIA AUC mean | task time (s), median (min–max) | speed-up vs sequential |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		for m in &self.summary {
			let _ = writeln!(
				s,
				"| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
				method_title(&m.method),
				pct(m.ad_r_test_mean),
				pct(m.ad_r_test_worst),
				pct(m.ad_f_test_mean),
				pct(m.ad_f_test_worst),
				if m.method == "retrain" { "–".into() } else { format!("{:+.1}", m.ad_r_gap_to_retrain_worst * 100.0) },
				pct(m.ad_r_train_mean),
				pct(m.ad_f_train_worst),
				m.mia_mean.map(|v| format!("{v:.3}")).unwrap_or_else(|| "–".into()),
				if m.time.runs == 0 { "–".into() } else { format!("{:.2} ({:.2}–{:.2})", m.time.median, m.time.min, m.time.max) },
				m.speedup_vs_sequential.map(|v| format!("{v:.1}×")).unwrap_or_else(|| "–".into()),
			);
		}
		let _ = writeln!(s, "\nTargets for a parallel method (on every affected model): AD_r (test) within 3 points of re-training, AD_f (test) ≤ 5 %, ≥ 10× faster than the sequential paradigm.\n\n| Method | AD_r within 3 points | AD_f ≤ 5 % | ≥ 10× faster |\n|---|---|---|---|");
		let yes = |b: bool| if b { "met" } else { "**not met**" };
		for m in self.summary.iter().filter(|m| m.method.starts_with("ga")) {
			let _ = writeln!(
				s,
				"| {} | {} (worst gap {:+.1}) | {} (worst {:.1} %) | {} ({}) |",
				method_title(&m.method),
				yes(m.ad_r_gap_to_retrain_worst <= 0.03),
				m.ad_r_gap_to_retrain_worst * 100.0,
				yes(m.ad_f_test_worst <= 0.05),
				m.ad_f_test_worst * 100.0,
				yes(m.speedup_vs_sequential.unwrap_or(0.0) >= 10.0),
				m.speedup_vs_sequential.map(|v| format!("{v:.1}×")).unwrap_or_else(|| "–".into()),
			);
		}
		match (self.audit, self.audit_verdict()) {
			(Some(a), Some(Verdict::HasPower)) => {
				let _ = writeln!(s, "\n**Membership audit**: loss calibrated per sample by {} reference models (trained without the {} members or the non-members). It has power on the original version of at least one start model (95 % interval above 0.5), so the unlearned models' AUCs below mean something: near 0.5 or below = the withdrawn samples look unseen.\n", a.references, a.members);
			}
			(Some(a), _) => {
				let _ = writeln!(s, "\n**Membership audit: inconclusive.** The calibrated attack ({} reference models, {} members) does not separate members from unseen samples on the original version of any start model (every 95 % interval reaches 0.5), so its AUCs say nothing about forgetting on this setup.\n", a.references, a.members);
			}
			_ => {
				let _ = writeln!(s, "\n**Membership audit**: not run.\n");
			}
		}
	}

	fn md_models(&self, s: &mut String) {
		let pct = |v: f64| format!("{:.1}%", v * 100.0);
		let _ = writeln!(
			s,
			"## All affected models\n\nAD_r test: the owner's own classes without the forgotten ones; AD_r test (all): every retained class.\n\n| Model | Depth | Start | Method | AD_f test | AD_r test | AD_r test (all) | AD_f train | AD_r train | MIA AUC [95 % CI] | ‖Δw‖ to original | ‖Δw‖ to re-trained | cumulative time (s), median (min–max) |\n|---|---:|:---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
		);
		for d in &self.models {
			for m in METHODS {
				let Some(r) = self.row(&d.model_id, m) else { continue };
				let _ = writeln!(
					s,
					"| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {:.3} | {:.3} | {} |",
					d.model_id,
					d.depth,
					if d.is_start { "✓" } else { "" },
					m,
					pct(r.ad_f_test),
					pct(r.ad_r_test),
					pct(r.ad_r_test_all),
					pct(r.ad_f_train),
					pct(r.ad_r_train),
					r.mia.map(|i| format!("{:.3} [{:.3}, {:.3}]", i.value, i.low, i.high)).unwrap_or_else(|| "–".into()),
					d.l2_to_original.get(m).copied().unwrap_or(0.0),
					d.l2_to_retrain.get(m).copied().unwrap_or(0.0),
					if r.time.runs == 0 { "–".into() } else { format!("{:.2} ({:.2}–{:.2})", r.time.median, r.time.min, r.time.max) },
				);
			}
		}
		if !self.skipped.is_empty() {
			let _ = writeln!(s, "\n### Left untouched by the parallel paradigm (‖update‖ ≤ ε)\n\n| Model | Σ c(s,y) | ‖update‖ |\n|---|---:|---:|");
			for k in &self.skipped {
				let _ = writeln!(s, "| {} | {:.4} | {:.2e} |", k.model_id, k.coefficient, k.update_norm);
			}
		}
	}

	fn md_central(&self, s: &mut String) {
		let Some(c) = &self.central else {
			let _ = writeln!(s, "\n## Central reference\n\nNot trained in this run (`--quick`).");
			return;
		};
		let _ = writeln!(s, "\n## Central reference\n\nThe same architecture trained centrally on all {} training samples of the users with the same settings ({:.1} s): **{:.1} %** on the whole test split. Below, each original model against it on the model's own retained classes (test).\n\n| Model | Owner | original | central | gap (points) |\n|---|---|---:|---:|---:|", c.train_samples, c.seconds, c.test_accuracy * 100.0);
		let mut gaps = Vec::new();
		for d in &self.models {
			let (Some(r), Some(&c)) = (self.row(&d.model_id, "original"), c.own_test.get(&d.owner)) else { continue };
			gaps.push(c - r.ad_r_test);
			let _ = writeln!(s, "| {} | {} | {:.1} % | {:.1} % | {:+.1} |", d.model_id, d.owner, r.ad_r_test * 100.0, c * 100.0, (r.ad_r_test - c) * 100.0);
		}
		if !gaps.is_empty() {
			let mean = gaps.iter().sum::<f64>() / gaps.len() as f64;
			let worst = gaps.iter().copied().fold(f64::NEG_INFINITY, f64::max);
			let side = |g: f64| if g > 0.0 { "below" } else { "above" };
			let _ = writeln!(s, "\nOn their own classes the DAG's models are on average {:.1} points {} the central model; the least favourable is {:.1} points {} it. A model trained mostly on its owner's classes favours them, so this comparison flatters it; the central model's accuracy on the whole test split is the figure to hold the DAG's aggregation to.", (mean * 100.0).abs(), side(mean), (worst * 100.0).abs(), side(worst));
		}
	}

	fn md_paper_table(&self, s: &mut String) {
		let pct = |v: f64| format!("{:.2}%", v * 100.0);
		let ms = &self.report_models;
		let _ = writeln!(
			s,
			"\n## Shape of the paper's Tables III/IV (training split, report models only)\n"
		);
		let mut header = String::from("| Model | #C_f | Metric |");
		let mut sep = String::from("|---|---|---|");
		for m in METHODS {
			for r in ms {
				let _ = write!(header, " {} {r} |", method_title(m));
				sep.push_str("---:|");
			}
		}
		for m in &METHODS[1..] {
			for r in ms {
				let _ = write!(header, " Time {} {r} (s) |", method_title(m));
				sep.push_str("---:|");
			}
		}
		let _ = writeln!(s, "{header}\n{sep}");
		for (metric, pick) in [("AD_r ↑", 0usize), ("AD_f ↓", 1usize)] {
			let mut line = if pick == 0 {
				format!("| {} | {} | {metric} |", self.model, self.forget_classes.len())
			} else {
				format!("| | | {metric} |")
			};
			for m in METHODS {
				for r in ms {
					let v =
						self.row(r, m).map(|x| if pick == 0 { x.ad_r_train } else { x.ad_f_train });
					let _ = write!(line, " {} |", v.map(pct).unwrap_or_else(|| "–".into()));
				}
			}
			for m in &METHODS[1..] {
				for r in ms {
					let cell = if pick == 0 {
						self.row(r, m)
							.map(|x| format!("{:.2}", x.seconds))
							.unwrap_or_else(|| "–".into())
					} else {
						String::new()
					};
					let _ = write!(line, " {cell} |");
				}
			}
			let _ = writeln!(s, "{line}");
		}
	}

	fn md_wall(&self, s: &mut String) {
		let w = &self.wall_seconds;
		let t = |x: &Timing| format!("{:.2} ({:.2}–{:.2}, {} runs)", x.median, x.min, x.max, x.runs);
		let _ = writeln!(
			s,
			"\n## Wall time\n\n| Phase | Seconds |\n|---|---:|\n| Train DAG | {:.2} |\n| Sequential (re-training), task | {} |\n| Parallel (gradient ascent), task | {} |\n| Parallel, repair at the starts, task | {} |\n| Parallel, repair everywhere, task | {} |\n| References (central model, audit) | {:.2} |\n| Evaluation | {:.2} |\n| Total | {:.2} |",
			w.train_dag,
			t(&w.sequential),
			t(&w.parallel),
			t(&w.parallel_repair_starts),
			t(&w.parallel_repair),
			w.references,
			w.evaluation,
			w.total
		);
	}

	fn affected(&self) -> Vec<&ModelDetail> {
		self.models.iter().collect()
	}

	/// Grouped bars of AD_r / AD_f (test split) per model and method.
	pub fn accuracy_svg(&self) -> String {
		let models = self.affected();
		let cats: Vec<String> = models.iter().map(|m| m.model_id.clone()).collect();
		let series = |f: fn(&ResultRow) -> f64| -> Vec<(String, Vec<f64>)> {
			METHODS
				.iter()
				.map(|m| {
					(
						method_title(m).to_string(),
						models
							.iter()
							.map(|d| self.row(&d.model_id, m).map(f).unwrap_or(0.0))
							.collect(),
					)
				})
				.collect()
		};
		let top =
			bar_chart("AD_r (retained classes, test) ↑", &cats, &series(|r| r.ad_r_test), 1.0, 0.0);
		let bottom = bar_chart(
			"AD_f (forgotten classes, test) ↓",
			&cats,
			&series(|r| r.ad_f_test),
			1.0,
			0.0,
		);
		svg_stack(&[top, bottom])
	}

	/// Cumulative unlearning time against depth, per method.
	pub fn time_svg(&self) -> String {
		let series: Vec<(String, Vec<(f64, f64)>)> = METHODS[1..]
			.iter()
			.map(|m| {
				let mut pts: Vec<(f64, f64)> = self
					.models
					.iter()
					.filter_map(|d| self.row(&d.model_id, m).map(|r| (d.depth as f64, r.seconds)))
					.collect();
				pts.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
				(method_title(m).to_string(), pts)
			})
			.collect();
		line_chart("Cumulative unlearning time vs depth", "depth in the DAG", "seconds", &series)
	}

	/// Layer-wise L2 distance to the original (top 10 layers by re-training distance).
	pub fn distance_svg(&self) -> String {
		let ld = &self.layer_distances;
		let retrain = ld.to_original.get("retrain").cloned().unwrap_or_default();
		let mut order: Vec<usize> = (0..retrain.len()).collect();
		order.sort_by(|&a, &b| retrain[b].l2.total_cmp(&retrain[a].l2));
		order.truncate(10);
		let cats: Vec<String> = order.iter().map(|&i| retrain[i].layer.clone()).collect();
		let series: Vec<(String, Vec<f64>)> = METHODS[1..]
			.iter()
			.map(|m| {
				let v = ld.to_original.get(*m).cloned().unwrap_or_default();
				(
					method_title(m).to_string(),
					order.iter().map(|&i| v.get(i).map(|d| d.l2).unwrap_or(0.0)).collect(),
				)
			})
			.collect();
		let max = series.iter().flat_map(|s| s.1.iter().copied()).fold(0.0, f64::max).max(1e-9);
		svg_stack(&[bar_chart(
			&format!("Layer-wise L2 distance to the original, {} (top-10 layers)", ld.model_id),
			&cats,
			&series,
			max * 1.1,
			35.0,
		)])
	}
}

const COLORS: [&str; 5] = ["#4c72b0", "#dd8452", "#55a467", "#8172b3", "#c44e52"];
const W: f64 = 860.0;
const H: f64 = 340.0;

fn esc(s: &str) -> String {
	s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A bar chart as an SVG `<g>` of size W×H; `rotate` tilts the category labels.
fn bar_chart(
	title: &str,
	cats: &[String],
	series: &[(String, Vec<f64>)],
	ymax: f64,
	rotate: f64,
) -> String {
	let (left, right, top, bottom) = (60.0, 20.0, 40.0, if rotate > 0.0 { 110.0 } else { 50.0 });
	let pw = W - left - right;
	let ph = H - top - bottom;
	let mut g = String::new();
	let _ = write!(
		g,
		r#"<text x="{}" y="22" font-size="15" text-anchor="middle">{}</text>"#,
		W / 2.0,
		esc(title)
	);
	for i in 0..=4 {
		let v = ymax * i as f64 / 4.0;
		let y = top + ph - ph * i as f64 / 4.0;
		let _ = write!(
			g,
			r##"<line x1="{left}" x2="{}" y1="{y:.1}" y2="{y:.1}" stroke="#ddd"/><text x="{}" y="{:.1}" font-size="11" text-anchor="end">{}</text>"##,
			left + pw,
			left - 6.0,
			y + 4.0,
			if ymax <= 1.0 { format!("{:.0}%", v * 100.0) } else { format!("{v:.2}") }
		);
	}
	let n = cats.len().max(1) as f64;
	let group = pw / n;
	let bw = group * 0.8 / series.len().max(1) as f64;
	for (ci, cat) in cats.iter().enumerate() {
		let gx = left + group * ci as f64 + group * 0.1;
		for (si, (_, vals)) in series.iter().enumerate() {
			let v = vals.get(ci).copied().unwrap_or(0.0).clamp(0.0, ymax);
			let h = ph * v / ymax;
			let _ = write!(
				g,
				r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}"/>"#,
				gx + bw * si as f64,
				top + ph - h,
				bw,
				h,
				COLORS[si % COLORS.len()]
			);
		}
		let cx = left + group * (ci as f64 + 0.5);
		let ly = top + ph + 16.0;
		let _ = write!(
			g,
			r#"<text x="{cx:.1}" y="{ly:.1}" font-size="11" text-anchor="{}" transform="rotate({rotate} {cx:.1} {ly:.1})">{}</text>"#,
			if rotate > 0.0 { "start" } else { "middle" },
			esc(cat)
		);
	}
	let _ = write!(
		g,
		r##"<line x1="{left}" x2="{left}" y1="{top}" y2="{}" stroke="#333"/>"##,
		top + ph
	);
	legend(&mut g, series.iter().map(|s| s.0.as_str()));
	g
}

fn legend<'a>(g: &mut String, names: impl Iterator<Item = &'a str>) {
	for (i, name) in names.enumerate() {
		let x = W - 170.0;
		let y = 40.0 + 16.0 * i as f64;
		let _ = write!(
			g,
			r#"<rect x="{x}" y="{}" width="10" height="10" fill="{}"/><text x="{}" y="{}" font-size="11">{}</text>"#,
			y - 9.0,
			COLORS[i % COLORS.len()],
			x + 14.0,
			y,
			esc(name)
		);
	}
}

fn line_chart(
	title: &str,
	xlabel: &str,
	ylabel: &str,
	series: &[(String, Vec<(f64, f64)>)],
) -> String {
	let (left, right, top, bottom) = (60.0, 20.0, 40.0, 50.0);
	let pw = W - left - right;
	let ph = H - top - bottom;
	let pts = series.iter().flat_map(|s| s.1.iter());
	let xmax = pts.clone().map(|p| p.0).fold(1.0, f64::max);
	let ymax = pts.map(|p| p.1).fold(1e-9, f64::max) * 1.1;
	let sx = |x: f64| left + pw * x / xmax;
	let sy = |y: f64| top + ph - ph * y / ymax;
	let mut g = String::new();
	let _ = write!(
		g,
		r#"<text x="{}" y="22" font-size="15" text-anchor="middle">{}</text>"#,
		W / 2.0,
		esc(title)
	);
	for i in 0..=4 {
		let v = ymax * i as f64 / 4.0;
		let _ = write!(
			g,
			r##"<line x1="{left}" x2="{}" y1="{y:.1}" y2="{y:.1}" stroke="#ddd"/><text x="{}" y="{:.1}" font-size="11" text-anchor="end">{v:.1}</text>"##,
			left + pw,
			left - 6.0,
			sy(v) + 4.0,
			y = sy(v)
		);
	}
	for d in 0..=(xmax as usize) {
		let _ = write!(
			g,
			r#"<text x="{:.1}" y="{}" font-size="11" text-anchor="middle">{d}</text>"#,
			sx(d as f64),
			top + ph + 16.0
		);
	}
	let _ = write!(
		g,
		r#"<text x="{}" y="{}" font-size="12" text-anchor="middle">{}</text><text x="14" y="{}" font-size="12" transform="rotate(-90 14 {})" text-anchor="middle">{}</text>"#,
		left + pw / 2.0,
		H - 10.0,
		esc(xlabel),
		top + ph / 2.0,
		top + ph / 2.0,
		esc(ylabel)
	);
	for (si, (_, pts)) in series.iter().enumerate() {
		let c = COLORS[si % COLORS.len()];
		let path: Vec<String> =
			pts.iter().map(|&(x, y)| format!("{:.1},{:.1}", sx(x), sy(y))).collect();
		let _ = write!(
			g,
			r#"<polyline fill="none" stroke="{c}" stroke-width="2" points="{}"/>"#,
			path.join(" ")
		);
		for &(x, y) in pts {
			let _ =
				write!(g, r#"<circle cx="{:.1}" cy="{:.1}" r="3.5" fill="{c}"/>"#, sx(x), sy(y));
		}
	}
	legend(&mut g, series.iter().map(|s| s.0.as_str()));
	svg_stack(&[g])
}

fn svg_stack(parts: &[String]) -> String {
	let mut s = format!(
		r#"<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{}" viewBox="0 0 {W} {}" font-family="sans-serif">"#,
		H * parts.len() as f64,
		H * parts.len() as f64
	);
	s.push_str(r#"<rect width="100%" height="100%" fill="white"/>"#);
	for (i, p) in parts.iter().enumerate() {
		let _ = write!(s, r#"<g transform="translate(0 {})">{p}</g>"#, H * i as f64);
	}
	s.push_str("</svg>\n");
	s
}
