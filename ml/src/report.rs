//! The experiment report: `report.json`, `results.csv`, `report.md` (tables shaped like
//! the paper's Tables III/IV) and hand-written SVG plots.

use crate::error::{Result, WorkerError};
use crate::forget::OtherHolder;
use crate::methods::{self, is_parallel, title as method_title};
use crate::metrics::{EvalSets, ModelMetrics};
use crate::mia::{Audit, Interval, Verdict};
use crate::protocol::Options;
use crate::provenance::Provenance;
use crate::topology::Topology;
use crate::unlearn::{SkippedModel, StepLog};
use crate::weights::LayerDistance;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// Method keys in table order ([`methods::ALL`]).
pub const METHODS: [&str; methods::ALL.len()] = {
	let mut keys = [""; methods::ALL.len()];
	let mut i = 0;
	while i < keys.len() {
		keys[i] = methods::ALL[i].key;
		i += 1;
	}
	keys
};

/// The methods of the paper's Tables III/IV (the original, both paradigms and the two
/// repaired parallel variants).
const PAPER_METHODS: usize = 5;

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
	/// A key of [`METHODS`].
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
	/// The calibrated attack's true-positive rate at 1 % false positives (absent without
	/// an audit).
	#[serde(default)]
	pub mia_tpr_at_1pct_fpr: Option<f64>,
	/// Latency of this model: when its new version existed on the task's critical path
	/// (median over the runs; 0 for `original`).
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
			mia_tpr_at_1pct_fpr: None,
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

/// One unlearning task's times over its runs, by the one rule of [`crate::schedule`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskTimes {
	/// The critical path with the owners and the committee working in parallel.
	pub latency: Timing,
	/// The sum of every owner's and the committee's compute.
	pub work: Timing,
}

/// Wall-clock seconds of each phase; the unlearning tasks over every run.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct WallTimes {
	/// Training the whole DAG.
	pub train_dag: f64,
	/// Per method key: the task's latency and work over the runs.
	pub tasks: BTreeMap<String, TaskTimes>,
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
	/// Sample-level withdrawal: the backdoor whose poisoned samples are withdrawn; AD_f
	/// (test) is then its attack success rate.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub backdoor: Option<crate::samples::BackdoorSpec>,
	/// Sample-level withdrawal: a random subset of the requesters' samples; AD_f (train)
	/// is then judged against re-training's (not 0), AD_f (test) is the accuracy on unseen
	/// samples of the requesters' classes.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub random_subset: Option<crate::samples::RandomSubsetSpec>,
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
	/// AUC on the positive control (a model trained 5× the epochs on the members and as
	/// many retained samples).
	#[serde(default)]
	pub positive_control: Option<Interval>,
	/// TPR at 1 % FPR on the positive control.
	#[serde(default)]
	pub positive_control_tpr_at_1pct_fpr: Option<f64>,
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
	/// Largest excess of AD_f test over re-training's over the models (for a backdoor: of
	/// the attack success rate).
	#[serde(default)]
	pub ad_f_gap_to_retrain_worst: f64,
	/// Largest |AD_f train − re-training's| over the models (a random subset's target:
	/// the withdrawn samples recognised as well as re-training recognises them).
	#[serde(default)]
	pub ad_f_train_gap_to_retrain_worst: f64,
	/// Mean calibrated MIA AUC.
	pub mia_mean: Option<f64>,
	/// The task's latency over the runs (critical path, parties in parallel).
	pub latency: Timing,
	/// The task's work over the runs (every party's compute summed).
	pub work: Timing,
	/// Re-training's median latency / this method's (the headline speed-up).
	pub latency_speedup: Option<f64>,
	/// Re-training's median work / this method's.
	pub work_speedup: Option<f64>,
}

/// The optimisation pieces of one model's update under one method (first run).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct StepRecord {
	/// Method key.
	pub method: String,
	/// Model id.
	pub model_id: String,
	/// Its pieces: steps, budget, why each stopped.
	pub log: Vec<StepLog>,
}

/// How many samples each evaluation set holds (the test-split sets are not capped).
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct EvalSizes {
	/// Per user: its own retained classes, test split (AD_r test).
	pub own_test: BTreeMap<String, usize>,
	/// The forgotten classes, test split (AD_f test; the audit's non-members).
	pub forget_test: usize,
	/// Every retained class, test split (AD_r test (all); capped).
	pub retain_test_all: usize,
	/// The withdrawn samples evaluated (AD_f train; the audit's members; capped).
	pub forget_train: usize,
}

impl EvalSizes {
	/// The sizes of `sets`.
	pub fn of(sets: &EvalSets, topology: &Topology) -> EvalSizes {
		EvalSizes {
			own_test: topology.users.iter().zip(&sets.own_test).map(|(u, d)| (u.id.clone(), d.len())).collect(),
			forget_test: sets.forget_test.len(),
			retain_test_all: sets.retain_test.len(),
			forget_train: sets.forget_train.len(),
		}
	}

	/// The 95 % half-width (normal approximation) of an accuracy `p` measured on `n`
	/// samples.
	pub fn half_width(p: f64, n: usize) -> f64 {
		if n == 0 {
			return f64::NAN;
		}
		1.96 * (p * (1.0 - p) / n as f64).sqrt()
	}
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
	/// Per method and model (first run): the steps each ascent and repair took and why
	/// it stopped.
	pub steps: Vec<StepRecord>,
	/// The evaluation sets' sizes.
	pub eval_sizes: EvalSizes,
	/// Seeds, hyperparameters, software and machine.
	pub provenance: Provenance,
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
		put("pareto.svg", self.pareto_svg())?;
		Ok(())
	}

	/// Per method over every affected model: means, worst cases, gap to re-training,
	/// latency, work and speed-ups against re-training.
	pub fn summarise(&self) -> Vec<MethodSummary> {
		let seq = self.wall_seconds.tasks.get("retrain").copied().unwrap_or_default();
		METHODS
			.iter()
			.filter(|&&m| self.results.iter().any(|r| r.method == m))
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
				let f_gap = rows
					.iter()
					.filter_map(|r| self.row(&r.model_id, "retrain").map(|t| r.ad_f_test - t.ad_f_test))
					.fold(f64::NEG_INFINITY, f64::max);
				let train_gap = rows
					.iter()
					.filter_map(|r| self.row(&r.model_id, "retrain").map(|t| (r.ad_f_train - t.ad_f_train).abs()))
					.fold(0.0, f64::max);
				let mias: Vec<f64> = rows.iter().filter_map(|r| r.mia.map(|i| i.value)).collect();
				let task = self.wall_seconds.tasks.get(m).copied().unwrap_or_default();
				let speedup = |base: Timing, this: Timing| {
					(this.median > 0.0 && base.median > 0.0).then(|| base.median / this.median)
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
					ad_f_gap_to_retrain_worst: if f_gap.is_finite() { f_gap } else { 0.0 },
					ad_f_train_gap_to_retrain_worst: train_gap,
					mia_mean: (!mias.is_empty()).then(|| mias.iter().sum::<f64>() / mias.len() as f64),
					latency: task.latency,
					work: task.work,
					latency_speedup: speedup(seq.latency, task.latency),
					work_speedup: speedup(seq.work, task.work),
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
		let mut s = String::from("model_id,method,depth,is_start,ad_f_train,ad_r_train,ad_f_test,ad_r_test,ad_r_test_all,mia_auc,mia_low,mia_high,latency_median,latency_min,latency_max,runs,l2_to_original\n");
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
		self.md_steps(&mut s);
		self.md_reproduce(&mut s);
		s
	}

	fn md_header(&self, s: &mut String) {
		let f = &self.forget_set;
		let _ = writeln!(
			s,
			"# Unlearning report: {} / {} / topology {}\n\nWithdrawn: {}; start models {}; α = {}, ε = {}; device {}; {}; every time is the median of {} run(s) (min–max).\n",
			self.dataset,
			self.model,
			self.topology,
			match (&f.backdoor, &f.random_subset) {
				(Some(b), _) => format!("backdoor samples (target class {})", b.target),
				(None, Some(r)) => format!("a random {:.0} % of the requesters' samples", r.fraction * 100.0),
				(None, None) => format!("classes {:?}", self.forget_classes),
			},
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
		if let Some(b) = &f.backdoor {
			let _ = writeln!(
				s,
				"**Forget set — sample-level withdrawal** (one definition for every method): the requesters' {} poisoned samples; their data carries {}. Re-training drops exactly these samples (the requesters keep the rest of their data); gradient ascent and repair ascend on them; AD_f (train) is measured on them. **AD_f (test) is the attack success rate (ASR)**: the share of test images outside class {} that, with the trigger pasted in, are classified as class {}.\n",
				f.withdrawn_samples,
				b.describe(),
				b.target,
				b.target
			);
			return;
		}
		if let Some(r) = &f.random_subset {
			let _ = writeln!(
				s,
				"**Forget set — sample-level withdrawal** (one definition for every method): {}, {} samples. Re-training drops exactly these samples; gradient ascent (stopped once held-out withdrawn samples are recognised no better than the owner's unseen local test data) and repair ascend on them. Re-training's accuracy on them is not 0 — they look like any unseen sample of their class — so the target is **AD_f (train) as close to re-training's as possible**, and the membership audit has something to find. AD_f (test) here is the accuracy on unseen test samples of the requesters' classes (the audit's non-members).\n",
				r.describe(),
				f.withdrawn_samples
			);
			return;
		}
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
		let f = if self.forget_set.backdoor.is_some() { "ASR" } else { "AD_f" };
		let _ = writeln!(s, "## Every affected model ({n}): mean and worst, test split first\n\n| Method | AD_r test mean | AD_r test worst | {f} test mean | {f} test worst | worst AD_r gap to re-training (points) | AD_r train mean | AD_f train worst | MIA AUC mean | latency (s), median (min–max) | work (s), median (min–max) | latency speed-up | work speed-up |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		let t = |x: &Timing| {
			if x.runs == 0 { "–".into() } else { format!("{:.2} ({:.2}–{:.2})", x.median, x.min, x.max) }
		};
		let x = |v: Option<f64>| v.map(|v| format!("{v:.1}×")).unwrap_or_else(|| "–".into());
		for m in &self.summary {
			let _ = writeln!(
				s,
				"| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
				method_title(&m.method),
				pct(m.ad_r_test_mean),
				pct(m.ad_r_test_worst),
				pct(m.ad_f_test_mean),
				pct(m.ad_f_test_worst),
				if m.method == "retrain" { "–".into() } else { format!("{:+.1}", m.ad_r_gap_to_retrain_worst * 100.0) },
				pct(m.ad_r_train_mean),
				pct(m.ad_f_train_worst),
				m.mia_mean.map(|v| format!("{v:.3}")).unwrap_or_else(|| "–".into()),
				t(&m.latency),
				t(&m.work),
				x(m.latency_speedup),
				x(m.work_speedup),
			);
		}
		let _ = writeln!(s, "\n**Timing rule** (the same for every method): every piece — a start owner's ascent and repair, the committee's propagation, an owner's re-training, fine-tuning or repair — is measured; **work** is their sum, **latency** the critical path with the owners and the committee working in parallel (a piece starts once its inputs exist and its party is free; each party does its own pieces in turn; re-training's independent branches run at the same time). Neither includes the chain's consensus rounds. The headline speed-up is the latency's.\n\n![latency against the worst AD_r gap to re-training](pareto.svg)\n");
		let backdoor = self.forget_set.backdoor.is_some();
		let random = self.forget_set.random_subset.is_some();
		let forget_target = if backdoor {
			"ASR (test) within 2 points of re-training's"
		} else if random {
			"AD_f (train) within 3 points of re-training's"
		} else {
			"AD_f (test) ≤ 5 %"
		};
		let _ = writeln!(s, "Targets for a parallel method (on every affected model): AD_r (test) within 3 points of re-training, {forget_target}, ≥ 10× lower latency than re-training.\n\n| Method | AD_r within 3 points | {forget_target} | ≥ 10× lower latency |\n|---|---|---|---|");
		let yes = |b: bool| if b { "met" } else { "**not met**" };
		for m in self.summary.iter().filter(|m| is_parallel(&m.method)) {
			let forget = if random {
				format!(
					"{} (worst |gap| {:.1})",
					yes(m.ad_f_train_gap_to_retrain_worst <= 0.03),
					m.ad_f_train_gap_to_retrain_worst * 100.0
				)
			} else if backdoor {
				format!(
					"{} (worst excess {:+.1}, worst ASR {:.1} %)",
					yes(m.ad_f_gap_to_retrain_worst <= 0.02),
					m.ad_f_gap_to_retrain_worst * 100.0,
					m.ad_f_test_worst * 100.0
				)
			} else {
				format!("{} (worst {:.1} %)", yes(m.ad_f_test_worst <= 0.05), m.ad_f_test_worst * 100.0)
			};
			let _ = writeln!(
				s,
				"| {} | {} (worst gap {:+.1}) | {forget} | {} ({}) |",
				method_title(&m.method),
				yes(m.ad_r_gap_to_retrain_worst <= 0.03),
				m.ad_r_gap_to_retrain_worst * 100.0,
				yes(m.latency_speedup.unwrap_or(0.0) >= 10.0),
				x(m.latency_speedup),
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
		if let Some((a, c)) = self.audit.and_then(|a| a.positive_control.map(|c| (a, c))) {
			let _ = writeln!(s, "Members: a start model is attacked on its own owner's withdrawn samples, an inherited model on every requester's ({} in all). **Positive control**: a model of the same architecture trained 5× the epochs on the members and as many retained samples — it has seen them and over-fits — gives AUC {:.3} [{:.3}, {:.3}] and TPR {:.1} % at 1 % FPR: {}.\n", a.members, c.value, c.low, c.high, a.positive_control_tpr_at_1pct_fpr.unwrap_or(0.0) * 100.0, if Audit::verdict(c) == Verdict::HasPower { "the attack finds members where they were memorised" } else { "the attack does not find them even there, so it has no power on this data" });
		}
	}

	fn md_models(&self, s: &mut String) {
		let pct = |v: f64| format!("{:.1}%", v * 100.0);
		let _ = writeln!(
			s,
			"## All affected models\n\nAD_r test: the owner's own classes without the forgotten ones; AD_r test (all): every retained class.\n\n| Model | Depth | Start | Method | AD_f test | AD_r test | AD_r test (all) | AD_f train | AD_r train | MIA AUC [95 % CI] | MIA TPR at 1 % FPR | ‖Δw‖ to original | ‖Δw‖ to re-trained | latency (s), median (min–max) |\n|---|---:|:---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
		);
		for d in &self.models {
			for m in METHODS {
				let Some(r) = self.row(&d.model_id, m) else { continue };
				let _ = writeln!(
					s,
					"| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {:.3} | {:.3} | {} |",
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
					r.mia_tpr_at_1pct_fpr.map(pct).unwrap_or_else(|| "–".into()),
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
		for m in &METHODS[..PAPER_METHODS] {
			for r in ms {
				let _ = write!(header, " {} {r} |", method_title(m));
				sep.push_str("---:|");
			}
		}
		for m in &METHODS[1..PAPER_METHODS] {
			for r in ms {
				let _ = write!(header, " Latency {} {r} (s) |", method_title(m));
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
			for m in &METHODS[..PAPER_METHODS] {
				for r in ms {
					let v =
						self.row(r, m).map(|x| if pick == 0 { x.ad_r_train } else { x.ad_f_train });
					let _ = write!(line, " {} |", v.map(pct).unwrap_or_else(|| "–".into()));
				}
			}
			for m in &METHODS[1..PAPER_METHODS] {
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
		let _ = writeln!(s, "\n## Wall time\n\n| Phase | Seconds |\n|---|---:|\n| Train DAG | {:.2} |", w.train_dag);
		for m in &METHODS[1..] {
			if let Some(task) = w.tasks.get(*m) {
				let _ = writeln!(s, "| {}: latency | {} |\n| {}: work | {} |", method_title(m), t(&task.latency), method_title(m), t(&task.work));
			}
		}
		let _ = writeln!(
			s,
			"| References (central model, audit) | {:.2} |\n| Evaluation | {:.2} |\n| Total | {:.2} |",
			w.references, w.evaluation, w.total
		);
	}

	fn md_steps(&self, s: &mut String) {
		let _ = writeln!(s, "\n## Steps taken (first run)\n\nEvery ascent and repair: steps of the version kept / budget, and why it stopped (`target-reached`: the held-out withdrawn samples reached the ascent's target; `validated`: the owner's validation kept an earlier version; `budget`: every step ran).\n\n| Method | Model | Pieces |\n|---|---|---|");
		// Re-training runs every epoch by construction; a propagated model has no piece.
		for r in self.steps.iter().filter(|r| r.method != "retrain" && !r.log.is_empty()) {
			let pieces: Vec<String> = r
				.log
				.iter()
				.map(|l| format!("{} {}/{} ({})", kebab(&l.kind), l.steps, l.budget, kebab(&l.stop)))
				.collect();
			let _ = writeln!(s, "| {} | {} | {} |", r.method, r.model_id, pieces.join(", "));
		}
	}

	fn md_reproduce(&self, s: &mut String) {
		let p = &self.provenance;
		let e = &self.eval_sizes;
		let own: Vec<usize> = e.own_test.values().copied().collect();
		let (lo, hi) = (own.iter().copied().min().unwrap_or(0), own.iter().copied().max().unwrap_or(0));
		let _ = writeln!(
			s,
			"\n## Reproducing this run\n\nSeed {} (partition, genesis model, every training, ascent and repair seed derive from it); training {:?}; ascent {:?} (stop rule on a held-out {} of the withdrawn samples, at most {}); repair {:?}; start method {:?}. libtorch {}, device {}, {} thread(s), commit `{}`, blockful-ml {}. Every method's runs are deterministic in the seed, so only the times vary between repeats.\n\nEvaluation sets: AD_r test on {lo}–{hi} test samples of each owner's own classes (95 % half-width at 90 %: ±{:.1}–{:.1} points), AD_f test on {} samples, AD_r test (all) on {}, AD_f train on {} withdrawn samples.",
			p.seed, p.training, p.ascent, p.stop_fraction, p.stop_samples_max, p.repair, p.start_method,
			p.libtorch, p.device, p.threads, p.commit, p.crate_version,
			EvalSizes::half_width(0.9, hi) * 100.0,
			EvalSizes::half_width(0.9, lo) * 100.0,
			e.forget_test, e.retain_test_all, e.forget_train,
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

	/// Each model's latency (when its new version existed) against its depth, per method.
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
		line_chart("Latency of each model's new version vs depth", "depth in the DAG", "seconds", &series)
	}

	/// The Pareto plot: one point per method, the task's median latency (log scale)
	/// against the worst AD_r (test) gap to re-training over every affected model; a
	/// method whose worst AD_f (test) misses the 5 % target is drawn hollow and says so.
	pub fn pareto_svg(&self) -> String {
		let points: Vec<(String, f64, f64)> = self
			.summary
			.iter()
			.filter(|m| m.method != "original" && m.latency.median > 0.0)
			.map(|m| {
				let label = if m.ad_f_test_worst > 0.05 {
					format!("{} (AD_f {:.0} %: does not forget)", m.method, m.ad_f_test_worst * 100.0)
				} else {
					m.method.clone()
				};
				(label, m.latency.median, m.ad_r_gap_to_retrain_worst * 100.0)
			})
			.collect();
		svg_stack(&[scatter_chart(
			"Latency vs worst AD_r gap to re-training (lower left is better; hollow: AD_f above 5 %)",
			"task latency, median (s, log scale)",
			"worst AD_r gap (points)",
			&points,
		)])
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

const COLORS: [&str; 9] =
	["#4c72b0", "#dd8452", "#55a467", "#8172b3", "#c44e52", "#937860", "#da8bc3", "#8c8c8c", "#ccb974"];

/// A unit enum's serde name (`kebab-case`).
fn kebab<T: Serialize>(v: &T) -> String {
	serde_json::to_value(v).ok().and_then(|j| j.as_str().map(String::from)).unwrap_or_default()
}
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

/// Labelled points, x on a log scale; a dashed line at y = 0.
fn scatter_chart(title: &str, xlabel: &str, ylabel: &str, points: &[(String, f64, f64)]) -> String {
	let (left, right, top, bottom) = (60.0, 20.0, 40.0, 50.0);
	let pw = W - left - right;
	let ph = H - top - bottom;
	let lx: Vec<f64> = points.iter().map(|p| p.1.max(1e-6).log10()).collect();
	let (x0, x1) = (
		lx.iter().copied().fold(f64::INFINITY, f64::min).floor().min(0.0),
		lx.iter().copied().fold(f64::NEG_INFINITY, f64::max).ceil().max(1.0),
	);
	let ys = points.iter().map(|p| p.2);
	let y0 = ys.clone().fold(0.0, f64::min).floor() - 1.0;
	let y1 = ys.fold(0.0, f64::max).ceil() + 1.0;
	let sx = |v: f64| left + pw * (v - x0) / (x1 - x0);
	let sy = |v: f64| top + ph - ph * (v - y0) / (y1 - y0);
	let mut g = String::new();
	let _ = write!(g, r#"<text x="{}" y="22" font-size="15" text-anchor="middle">{}</text>"#, W / 2.0, esc(title));
	for d in (x0 as i32)..=(x1 as i32) {
		let x = sx(d as f64);
		let _ = write!(
			g,
			r##"<line x1="{x:.1}" x2="{x:.1}" y1="{top}" y2="{}" stroke="#eee"/><text x="{x:.1}" y="{}" font-size="11" text-anchor="middle">{}</text>"##,
			top + ph,
			top + ph + 16.0,
			10f64.powi(d)
		);
	}
	for i in 0..=4 {
		let v = y0 + (y1 - y0) * i as f64 / 4.0;
		let _ = write!(
			g,
			r##"<line x1="{left}" x2="{}" y1="{y:.1}" y2="{y:.1}" stroke="#ddd"/><text x="{}" y="{:.1}" font-size="11" text-anchor="end">{v:.1}</text>"##,
			left + pw,
			left - 6.0,
			sy(v) + 4.0,
			y = sy(v)
		);
	}
	let _ = write!(
		g,
		r##"<line x1="{left}" x2="{}" y1="{y:.1}" y2="{y:.1}" stroke="#333" stroke-dasharray="4 3"/>"##,
		left + pw,
		y = sy(0.0)
	);
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
	for (i, ((name, _, y), x)) in points.iter().zip(&lx).enumerate() {
		let (cx, cy) = (sx(*x), sy(*y));
		let color = COLORS[i % COLORS.len()];
		let paint = if name.contains("does not forget") {
			format!(r#"fill="white" stroke="{color}" stroke-width="2""#)
		} else {
			format!(r#"fill="{color}""#)
		};
		let _ = write!(
			g,
			r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="5" {}/><text x="{:.1}" y="{:.1}" font-size="11">{}</text>"#,
			paint,
			cx + 7.0,
			cy - 6.0,
			esc(name)
		);
	}
	g
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
