//! The full experiment of the paper's §VI on one topology: train the DAG, run every
//! method of [`methods::ALL`] — the sequential paradigm (re-training), the parallel
//! paradigm (gradient ascent) and its repaired variants, the baselines at the repair's
//! budget and the α sweep — each [`Options::repeats`] times for median / min / max of
//! latency and work (one rule, [`crate::schedule`]), train the references (a centrally
//! trained model of the same architecture, the membership audit's reference models),
//! evaluate every affected model under every method on the training and test splits, and
//! write the report with the run's provenance.

use crate::dag::Dag;
use crate::data::Dataset;
use crate::device::device_name;
use crate::error::{Result, WorkerError};
use crate::fl::{DagManifest, Progress, Worker};
use crate::forget::ForgetSet;
use crate::metrics::{EvalSets, ModelMetrics};
use crate::mia::{Audit, Interval};
use crate::models::Net;
use crate::methods::{self, Method, MethodSpec};
pub use crate::protocol::Options;
use crate::provenance::Provenance;
use crate::report::{
	AuditInfo, CentralReference, EvalSizes, ForgetSetReport, LayerDistances, ModelDetail,
	Report, ResultRow, StepRecord, TaskTimes, Timing, WallTimes,
};
use crate::store::{Cid, Stores};
use crate::train::{accuracy, train};
use crate::unlearn::{plan, ParallelConfig, Plan, UnlearnEvent, UnlearnOutcome, UnlearnRequest};
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
	/// Each model's latency, per run.
	per_model: BTreeMap<String, Vec<f64>>,
	/// The task's latency and work, per run.
	times: TaskTimes,
}

impl Repeated {
	fn collect(runs: Vec<UnlearnOutcome>) -> Result<Repeated> {
		let mut per_model: BTreeMap<String, Vec<f64>> = BTreeMap::new();
		for o in &runs {
			for u in &o.updates {
				per_model.entry(u.model_id.clone()).or_default().push(u.seconds);
			}
		}
		let latency: Vec<f64> = runs.iter().map(|o| o.latency_seconds).collect();
		let work: Vec<f64> = runs.iter().map(|o| o.work_seconds).collect();
		let times = TaskTimes { latency: Timing::of(&latency), work: Timing::of(&work) };
		let first = runs
			.into_iter()
			.next()
			.ok_or_else(|| WorkerError::InvalidArgument("repeats must be at least 1".into()))?;
		Ok(Repeated { first, per_model, times })
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

/// Runs every method of [`methods::ALL`] but the original `repeats` times each, in table
/// order.
fn unlearn_all(
	worker: &Worker,
	manifest: &DagManifest,
	stores: &Stores,
	r: &Request,
	repeats: usize,
	on: &mut dyn FnMut(ExperimentEvent<'_>),
) -> Result<Vec<(&'static str, Repeated)>> {
	let n = r.affected.len() * repeats;
	let mut out = Vec::new();
	for spec in methods::ALL.iter().filter(|m| m.method != Method::Original) {
		on(ExperimentEvent::Phase(spec.title, n));
		let mut runs = Vec::with_capacity(repeats);
		for _ in 0..repeats {
			let mut step = |ev: UnlearnEvent<'_>| {
				let UnlearnEvent::Updated(u) = ev;
				on(ExperimentEvent::Step(&format!("{} {}", spec.key, u.model_id)));
			};
			runs.push(run_method(worker, manifest, stores, r, spec, &mut step)?);
		}
		out.push((spec.key, Repeated::collect(runs)?));
	}
	Ok(out)
}

/// One run of one method.
fn run_method(
	worker: &Worker,
	manifest: &DagManifest,
	stores: &Stores,
	r: &Request,
	spec: &MethodSpec,
	step: &mut dyn FnMut(UnlearnEvent<'_>),
) -> Result<UnlearnOutcome> {
	match spec.method {
		Method::Original => Err(WorkerError::InvalidArgument("the original is not a method to run".into())),
		Method::Retrain => worker.unlearn_sequential(manifest, stores, &r.req, step),
		Method::Parallel { repair, alpha, start } => {
			let cfg = ParallelConfig { alpha: alpha.unwrap_or(r.cfg.alpha), ..r.cfg };
			let start = start.unwrap_or(worker.topology.unlearning.start_method);
			worker.unlearn_parallel_with(manifest, stores, &r.req, cfg, repair, start, step)
		}
		Method::FineTune => worker.unlearn_finetune(manifest, stores, &r.req, step),
		Method::TruncatedRetrain => worker.unlearn_truncated(manifest, stores, &r.req, step),
	}
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
	)?
	.with_member_owners(sets.forget_train_owner.clone())
	.map(Some)
}

/// The audit's positive control: the same architecture trained from the genesis model on
/// the members plus as many of the requesters' retained samples, for five times the
/// epochs — a model that has certainly seen the members and over-fits a small set. Its
/// AUC and TPR at 1 % FPR show what the attack finds where there is something to find.
fn positive_control(worker: &Worker, forget: &ForgetSet, sets: &EvalSets, audit: &Audit) -> Result<(Interval, f64)> {
	let retained: Vec<&Dataset> = forget.requesters.iter().map(|&u| &sets.retain_train[u]).collect();
	let retained = Dataset::concat(&retained)?;
	let take: Vec<usize> = (0..retained.len().min(sets.forget_train.len())).collect();
	let data = Dataset::concat(&[&sets.forget_train, &retained.subset(&take)])?;
	let mut cfg = worker.topology.training;
	cfg.epochs *= 5;
	let mut net = Net::with_weights(worker.spec, worker.device, &worker.genesis()?)?;
	train(&mut net, &data, &cfg, worker.topology.seed ^ 0xc0a7, |_, _| {})?;
	audit.evaluate(&net, worker.topology.seed ^ 0xc0a7)
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
	let sets = EvalSets::new(&worker.data, forget, &worker.topology)?;
	let mut runs = unlearn_all(worker, &manifest, &stores, &r, opts.repeats, &mut on)?;

	let t_ref = Instant::now();
	on(ExperimentEvent::Phase("references (central model, audit)", 1));
	let central = if opts.central_reference { Some(central_reference(worker, &sets)?) } else { None };
	let audit = audit(worker, forget, &sets, opts.audit_references)?;
	let control = match &audit {
		Some(a) => Some(positive_control(worker, forget, &sets, a)?),
		None => None,
	};
	on(ExperimentEvent::Step("references"));
	let references = t_ref.elapsed().as_secs_f64();

	let t_eval = Instant::now();
	on(ExperimentEvent::Phase("evaluate", r.affected.len() * methods::ALL.len()));
	let outcomes: Vec<(&str, Option<&Repeated>)> = std::iter::once(("original", None))
		.chain(runs.iter().map(|(k, o)| (*k, Some(o))))
		.collect();
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
			backdoor: forget.backdoor,
			random_subset: forget.random_subset,
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
		skipped: pick(&runs, "ga")?.first.skipped.clone(),
		summary: Vec::new(),
		central,
		audit: audit.as_ref().map(|a| AuditInfo {
			references: a.references,
			members: sets.forget_train.len(),
			positive_control: control.map(|c| c.0),
			positive_control_tpr_at_1pct_fpr: control.map(|c| c.1),
		}),
		wall_seconds: WallTimes {
			train_dag,
			tasks: runs.iter().map(|(k, o)| (k.to_string(), o.times)).collect(),
			references,
			evaluation,
			total: 0.0,
		},
		layer_distances,
		steps: runs
			.iter()
			.flat_map(|(k, o)| {
				o.first.updates.iter().map(move |u| StepRecord {
					method: k.to_string(),
					model_id: u.model_id.clone(),
					log: u.log.clone(),
				})
			})
			.collect(),
		eval_sizes: EvalSizes::of(&sets, &worker.topology),
		provenance: Provenance::collect(&worker.topology, worker.device),
	};
	report.summary = report.summarise();
	report.wall_seconds.total = t_total.elapsed().as_secs_f64();
	report.write(out)?;
	let mut take = |key: &str| -> Result<UnlearnOutcome> {
		let i = runs.iter().position(|(k, _)| *k == key).ok_or_else(|| missing(key))?;
		Ok(runs.swap_remove(i).1.first)
	};
	Ok(ExperimentRun {
		sequential: take("retrain")?,
		parallel: take("ga")?,
		repaired_starts: take("ga_repair_starts")?,
		repaired: take("ga_repair")?,
		report,
		manifest,
		stores,
	})
}

fn missing(key: &str) -> WorkerError {
	WorkerError::InvalidArgument(format!("method {key} did not run"))
}

fn pick<'a>(runs: &'a [(&'static str, Repeated)], key: &str) -> Result<&'a Repeated> {
	runs.iter().find(|(k, _)| *k == key).map(|(_, o)| o).ok_or_else(|| missing(key))
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
				let audit = match self.audit {
					// A start model on its own owner's withdrawn samples; an inherited one on
					// every requester's.
					Some(a) => Some(a.evaluate_for(
						&net,
						self.worker.topology.seed ^ y as u64,
						starts.contains(&y).then_some(owner),
					)?),
					None => None,
				};
				let times = outcome.and_then(|o| o.per_model.get(&m.id)).cloned().unwrap_or_default();
				let mut row = ResultRow::new(&m.id, method, &mm, audit.map(|a| a.0), &times);
				row.mia_tpr_at_1pct_fpr = audit.map(|a| a.1);
				results.push(row);
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
