//! The full experiment of the paper's §VI on one topology: train the DAG, run the
//! sequential paradigm (re-training), the parallel paradigm (gradient ascent) and the
//! parallel paradigm with repair — each [`Options::repeats`] times, for median / min /
//! max times — train the references (a centrally trained model of the same architecture,
//! the membership audit's reference models), evaluate every affected model under every
//! method on the training and test splits, and write the report.

use crate::dag::Dag;
use crate::data::Dataset;
use crate::device::device_name;
use crate::error::{Result, WorkerError};
use crate::fl::{DagManifest, Progress, Worker};
use crate::forget::ForgetSet;
use crate::metrics::{EvalSets, ModelMetrics};
use crate::mia::Audit;
use crate::models::Net;
use crate::report::{
	AuditInfo, CentralReference, ForgetSetReport, LayerDistances, ModelDetail, Report,
	ResultRow, Timing, WallTimes, METHODS,
};
use crate::store::{Cid, Stores};
use crate::train::{accuracy, train};
use crate::unlearn::{plan, ParallelConfig, Plan, Repair, UnlearnEvent, UnlearnOutcome, UnlearnRequest};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

/// Events for a progress UI.
#[derive(Clone, Debug)]
pub enum ExperimentEvent<'a> {
	/// A phase starts, with the number of steps it has.
	Phase(&'a str, usize),
	/// One step of the current phase is done.
	Step(&'a str),
}

/// How much to measure: data, repeats of every timed task, reference models.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Options {
	/// Use every training sample (each class split among its holders).
	pub full_data: bool,
	/// Runs of every unlearning method; times are reported as median, min and max.
	pub repeats: usize,
	/// Reference models of the calibrated membership-inference audit (0 = no audit).
	pub audit_references: usize,
	/// Train the centrally trained reference model (same architecture, all users' data).
	pub central_reference: bool,
}

impl Options {
	/// The full protocol: 5 runs of every method, 4 audit references, the central model.
	pub fn full(full_data: bool) -> Options {
		Options { full_data, repeats: 5, audit_references: 4, central_reference: true }
	}

	/// One run of every method, 2 audit references, no central model (a smoke run; the
	/// report says so).
	pub fn quick(full_data: bool) -> Options {
		Options { full_data, repeats: 1, audit_references: 2, central_reference: false }
	}
}

/// Everything an experiment produced: the report and what a chain client needs to replay
/// the unlearning on chain.
#[derive(Debug)]
pub struct ExperimentRun {
	/// The report (already written to the report directory).
	pub report: Report,
	/// The trained DAG.
	pub manifest: DagManifest,
	/// The model store holding every version below.
	pub stores: Stores,
	/// Sequential paradigm (re-training).
	pub sequential: UnlearnOutcome,
	/// Parallel paradigm (gradient ascent).
	pub parallel: UnlearnOutcome,
	/// Parallel paradigm, repair at the start models only.
	pub repaired_starts: UnlearnOutcome,
	/// Parallel paradigm, repair everywhere.
	pub repaired: UnlearnOutcome,
}

/// Runs everything and writes the report into `out`; returns it.
pub fn run(
	worker: &mut Worker,
	out: &Path,
	opts: Options,
	on: impl FnMut(ExperimentEvent<'_>),
) -> Result<Report> {
	run_full(worker, out, opts, on).map(|r| r.report)
}

/// One method's outcome over its repeated runs: the first run's versions (runs are
/// deterministic in the seeds) and every run's times.
struct Repeated {
	first: UnlearnOutcome,
	per_model: BTreeMap<String, Vec<f64>>,
	completion: Vec<f64>,
}

impl Repeated {
	fn collect(runs: Vec<UnlearnOutcome>) -> Result<Repeated> {
		let mut per_model: BTreeMap<String, Vec<f64>> = BTreeMap::new();
		let mut completion = Vec::new();
		for o in &runs {
			for u in &o.updates {
				per_model.entry(u.model_id.clone()).or_default().push(u.seconds);
			}
			completion.push(o.updates.iter().map(|u| u.seconds).fold(0.0, f64::max));
		}
		let first = runs
			.into_iter()
			.next()
			.ok_or_else(|| WorkerError::InvalidArgument("repeats must be at least 1".into()))?;
		Ok(Repeated { first, per_model, completion })
	}
}

/// The request of the topology, resolved against the trained DAG (the same [`plan`] the
/// unlearning methods make).
struct Request {
	req: UnlearnRequest,
	cfg: ParallelConfig,
	plan: Plan,
	/// W ∪ N(W) in topological order.
	affected: Vec<usize>,
}

fn resolve(worker: &Worker, manifest: &DagManifest) -> Result<Request> {
	let un = &worker.topology.unlearning;
	let req = UnlearnRequest {
		start_models: un.start_models.clone(),
		forget_classes: un.forget_classes.clone(),
	};
	let plan = plan(manifest, &worker.topology, &req)?;
	let affected = plan.affected();
	let cfg = ParallelConfig { alpha: un.alpha, epsilon: un.epsilon };
	Ok(Request { req, cfg, plan, affected })
}

/// Runs the four unlearning methods `repeats` times each.
fn unlearn_all(
	worker: &Worker,
	manifest: &DagManifest,
	stores: &Stores,
	r: &Request,
	repeats: usize,
	on: &mut dyn FnMut(ExperimentEvent<'_>),
) -> Result<[Repeated; 4]> {
	let n = r.affected.len() * repeats;
	let mut runs: [Vec<UnlearnOutcome>; 4] = Default::default();
	// (phase title, the parallel paradigm's repair; `None` = the sequential paradigm), in
	// the order of `METHODS[1..]`.
	let methods = [
		("sequential (re-training)", None),
		("parallel (gradient ascent)", Some(Repair::None)),
		("parallel, repair at the starts", Some(Repair::Starts)),
		("parallel, repair everywhere", Some(Repair::All)),
	];
	for (k, (title, repair)) in methods.into_iter().enumerate() {
		on(ExperimentEvent::Phase(title, n));
		for _ in 0..repeats {
			let label = METHODS[k + 1];
			let mut step = |ev: UnlearnEvent<'_>| {
				let UnlearnEvent::Updated(u) = ev;
				on(ExperimentEvent::Step(&format!("{label} {}", u.model_id)));
			};
			let o = match repair {
				None => worker.unlearn_sequential(manifest, stores, &r.req, &mut step)?,
				Some(rp) => worker.unlearn_parallel(manifest, stores, &r.req, r.cfg, rp, &mut step)?,
			};
			runs[k].push(o);
		}
	}
	let [a, b, c, d] = runs;
	Ok([Repeated::collect(a)?, Repeated::collect(b)?, Repeated::collect(c)?, Repeated::collect(d)?])
}

/// The centrally trained reference: the same architecture from the genesis model on the
/// union of every user's training samples, same settings; its accuracy on each user's own
/// (retained) test classes.
fn central_reference(worker: &Worker, sets: &EvalSets) -> Result<CentralReference> {
	let t0 = Instant::now();
	let all: Vec<usize> = worker.data.user_train.iter().flatten().copied().collect();
	let data = worker.data.train.subset(&all);
	let mut net = Net::with_weights(worker.spec, worker.device, &worker.genesis()?)?;
	train(&mut net, &data, &worker.topology.training, worker.topology.seed ^ 0xce17, |_, _| {})?;
	let own_test = sets
		.own_test
		.iter()
		.zip(&worker.topology.users)
		.map(|(d, u)| (u.id.clone(), accuracy(&net, d).unwrap_or(0.0)))
		.collect();
	Ok(CentralReference {
		train_samples: data.len(),
		test_accuracy: accuracy(&net, &worker.data.test).unwrap_or(0.0),
		own_test,
		seconds: t0.elapsed().as_secs_f64(),
	})
}

/// The calibrated membership-inference audit: reference models trained on the
/// requesters' retained samples plus half of the forgotten classes' test samples; the
/// other half are the non-members.
fn audit(worker: &Worker, forget: &ForgetSet, sets: &EvalSets, refs: usize) -> Result<Option<Audit>> {
	if refs == 0 || sets.forget_train.is_empty() || sets.forget_test.len() < 2 {
		return Ok(None);
	}
	let (non_members, shadow_pool): (Vec<usize>, Vec<usize>) =
		(0..sets.forget_test.len()).partition(|i| i % 2 == 0);
	let retained: Vec<Dataset> =
		forget.requesters.iter().map(|&u| forget.retained(&worker.data, u)).collect();
	let pool = sets.forget_test.subset(&shadow_pool);
	let mut parts: Vec<&Dataset> = retained.iter().collect();
	parts.push(&pool);
	let shadow = Dataset::concat(&parts)?;
	Audit::train(
		sets.forget_train.clone(),
		sets.forget_test.subset(&non_members),
		&shadow,
		worker.spec,
		worker.device,
		&worker.topology.training,
		refs,
		worker.topology.seed ^ 0x3141,
	)
	.map(Some)
}

/// Like [`run`], and keeps the manifest, the store and the four outcomes (first runs).
pub fn run_full(
	worker: &mut Worker,
	out: &Path,
	opts: Options,
	mut on: impl FnMut(ExperimentEvent<'_>),
) -> Result<ExperimentRun> {
	let t_total = Instant::now();
	let opts = Options { repeats: opts.repeats.max(1), ..opts };
	let stores = Stores::open(out.join("store"))?;
	let t0 = Instant::now();
	let total_models =
		worker.topology.organic.map(|o| o.models).unwrap_or(worker.topology.models.len());
	on(ExperimentEvent::Phase("train DAG", total_models));
	let manifest = worker.train_dag(&stores, opts.full_data, |p| {
		if let Progress::Model(_, _, id) = p {
			on(ExperimentEvent::Step(id));
		}
	})?;
	manifest.save(&out.join("manifest.json"))?;
	let train_dag = t0.elapsed().as_secs_f64();

	let r = resolve(worker, &manifest)?;
	let (dag, forget) = (&r.plan.dag, &r.plan.forget);
	let sets = EvalSets::new(&worker.data, forget, &worker.topology);
	let [seq, par, rep_starts, rep] = unlearn_all(worker, &manifest, &stores, &r, opts.repeats, &mut on)?;

	let t_ref = Instant::now();
	on(ExperimentEvent::Phase("references (central model, audit)", 1));
	let central = if opts.central_reference { Some(central_reference(worker, &sets)?) } else { None };
	let audit = audit(worker, forget, &sets, opts.audit_references)?;
	on(ExperimentEvent::Step("references"));
	let references = t_ref.elapsed().as_secs_f64();

	let t_eval = Instant::now();
	on(ExperimentEvent::Phase("evaluate", r.affected.len() * METHODS.len()));
	let outcomes: [(&str, Option<&Repeated>); 5] = [
		("original", None),
		("retrain", Some(&seq)),
		("ga", Some(&par)),
		("ga_repair_starts", Some(&rep_starts)),
		("ga_repair", Some(&rep)),
	];
	let ev = Evaluation { worker, manifest: &manifest, stores: &stores, sets: &sets, audit: audit.as_ref(), r: &r };
	let (results, details, layer_distances) = ev.all(&outcomes, &mut on)?;
	let evaluation = t_eval.elapsed().as_secs_f64();

	let un = &worker.topology.unlearning;
	let report_models = if un.report_models.is_empty() {
		default_report_models(&r.affected, &r.plan.starts, &dag.depths(), &manifest)
	} else {
		un.report_models.clone()
	};
	let samples: usize = worker.data.user_train.iter().map(Vec::len).sum();
	let mut report = Report {
		dataset: worker.data.kind.name().into(),
		model: worker.spec.arch.name().into(),
		forget_classes: r.req.forget_classes.clone(),
		forget_set: ForgetSetReport {
			requesters: forget.requesters.iter().map(|&u| worker.topology.users[u].id.clone()).collect(),
			withdrawn_samples: forget.all_withdrawn_indices(&worker.data).len(),
			other_holders: forget.other_holders(&worker.data, &worker.topology),
		},
		results,
		topology: worker.topology.name.clone(),
		device: device_name(worker.device),
		start_models: r.req.start_models.clone(),
		report_models,
		alpha: r.cfg.alpha,
		epsilon: r.cfg.epsilon,
		full_data: opts.full_data,
		options: opts,
		train_samples_per_user: samples as f64 / worker.data.user_train.len().max(1) as f64,
		models: details,
		skipped: par.first.skipped.clone(),
		summary: Vec::new(),
		central,
		audit: audit.as_ref().map(|a| AuditInfo { references: a.references, members: sets.forget_train.len() }),
		wall_seconds: WallTimes {
			train_dag,
			sequential: Timing::of(&seq.completion),
			parallel: Timing::of(&par.completion),
			parallel_repair_starts: Timing::of(&rep_starts.completion),
			parallel_repair: Timing::of(&rep.completion),
			references,
			evaluation,
			total: 0.0,
		},
		layer_distances,
	};
	report.summary = report.summarise();
	report.wall_seconds.total = t_total.elapsed().as_secs_f64();
	report.write(out)?;
	Ok(ExperimentRun {
		report,
		manifest,
		stores,
		sequential: seq.first,
		parallel: par.first,
		repaired_starts: rep_starts.first,
		repaired: rep.first,
	})
}

/// What evaluating the versions needs.
struct Evaluation<'a> {
	worker: &'a Worker,
	manifest: &'a DagManifest,
	stores: &'a Stores,
	sets: &'a EvalSets,
	audit: Option<&'a Audit>,
	r: &'a Request,
}

impl Evaluation<'_> {
	/// Every affected model under every method: result rows, per-model details and the
	/// deepest model's layer distances.
	fn all(
		&self,
		outcomes: &[(&str, Option<&Repeated>)],
		on: &mut dyn FnMut(ExperimentEvent<'_>),
	) -> Result<(Vec<ResultRow>, Vec<ModelDetail>, LayerDistances)> {
		let (dag, starts) = (&self.r.plan.dag, &self.r.plan.starts);
		let depths = dag.depths();
		let coeff_total = total_coefficients(dag, starts)?;
		let deepest = self.r.affected.iter().copied().max_by_key(|&y| (depths[y], y));
		let mut results = Vec::new();
		let mut details = Vec::new();
		let mut layers = LayerDistances { model_id: String::new(), to_original: BTreeMap::new() };
		for &y in &self.r.affected {
			let m = &self.manifest.models[y];
			let owner = self.worker.topology.user_index(&m.owner)?;
			let original = self.stores.get_weights(&m.cid)?;
			let retrained = self.stores.get_weights(&version_of(self.manifest, y, outcomes[1].1))?;
			let mut detail = ModelDetail {
				model_id: m.id.clone(),
				owner: m.owner.clone(),
				depth: depths[y],
				is_start: starts.contains(&y),
				coefficient: coeff_total[y],
				cids: BTreeMap::new(),
				l2_to_original: BTreeMap::new(),
				l2_to_retrain: BTreeMap::new(),
			};
			for &(method, outcome) in outcomes {
				let cid = version_of(self.manifest, y, outcome);
				let w = self.stores.get_weights(&cid)?;
				let net = Net::with_weights(self.worker.spec, self.worker.device, &w)?;
				let mm: ModelMetrics = self.sets.evaluate(&net, owner)?;
				let mia = match self.audit {
					Some(a) => Some(a.auc(&net, self.worker.topology.seed ^ y as u64)?),
					None => None,
				};
				let times = outcome.and_then(|o| o.per_model.get(&m.id)).cloned().unwrap_or_default();
				results.push(ResultRow::new(&m.id, method, &mm, mia, &times));
				detail.cids.insert(method.into(), cid.to_string());
				detail.l2_to_original.insert(method.into(), w.distance(&original)?);
				detail.l2_to_retrain.insert(method.into(), w.distance(&retrained)?);
				if Some(y) == deepest && method != "original" {
					layers.model_id = m.id.clone();
					layers.to_original.insert(method.into(), w.layer_distances(&original)?);
				}
				on(ExperimentEvent::Step(&format!("eval {} {method}", m.id)));
			}
			details.push(detail);
		}
		Ok((results, details, layers))
	}
}

fn version_of(manifest: &DagManifest, y: usize, outcome: Option<&Repeated>) -> Cid {
	let m = &manifest.models[y];
	outcome.and_then(|o| o.first.new_cid(&m.id)).unwrap_or(m.cid)
}

fn total_coefficients(dag: &Dag, starts: &[usize]) -> Result<Vec<f64>> {
	let mut total = vec![0.0; dag.len()];
	for &s in starts {
		for (t, c) in total.iter_mut().zip(dag.coefficients_avoiding(s, starts)?) {
			*t += c;
		}
	}
	for &s in starts {
		total[s] = 1.0;
	}
	Ok(total)
}

/// Up to three inherited models at increasing depth (the paper's r5, r6, r8).
fn default_report_models(
	affected: &[usize],
	starts: &[usize],
	depths: &[usize],
	manifest: &DagManifest,
) -> Vec<String> {
	let mut by_depth: BTreeMap<usize, usize> = BTreeMap::new();
	for &y in affected.iter().filter(|y| !starts.contains(y)) {
		by_depth.entry(depths[y]).or_insert(y);
	}
	let mut picked: Vec<usize> = by_depth.values().copied().collect();
	if picked.is_empty() {
		picked = starts.to_vec();
	}
	let n = picked.len();
	let chosen: Vec<usize> =
		if n <= 3 { picked } else { vec![picked[0], picked[n / 2], picked[n - 1]] };
	chosen.into_iter().map(|y| manifest.models[y].id.clone()).collect()
}
