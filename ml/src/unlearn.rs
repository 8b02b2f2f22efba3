//! The two unlearning paradigms over a trained DAG.
//!
//! * **Parallel** (eqs. 7-8): the requesters unlearn their start models, Δθ_s = w′_s − w_s;
//!   every inherited model gets w′_y = w_y + α Σ_s c(s, y) Δθ_s. Coefficients come from
//!   [`Dag::coefficients_avoiding`] (O(V+E); no path through another start); the update norm ‖α Σ_s c(s,y) Δθ_s‖ is computed from
//!   the Gram matrix of the deltas before touching w_y, so models at or under ε are
//!   skipped without being read. Models are streamed one at a time: memory is the start
//!   deltas plus one model. [`propagate`] needs no training data, so the committee can run
//!   it.
//! * **Parallel with repair** (beyond the paper, [`Repair`]): NegGrad+ at the start models
//!   (the start owners' retain-aware repair after the ascent, propagated as Δθ), and
//!   optionally every inherited owner's own repair after the propagation (independent per
//!   model, so still one consensus).
//! * **Sequential** (eqs. 17-18): in topological order over W ∪ N(W), each owner
//!   re-aggregates from the current versions of its references and re-trains on its data
//!   without its withdrawn samples (the [`ForgetSet`]; an owner outside the request keeps
//!   all of its data).

use crate::propagation::StreamingUpdate;
use crate::schedule::{Party, Schedule};
use crate::dag::Dag;
use crate::error::{Result, WorkerError};
use crate::fl::{DagManifest, Worker};
use crate::forget::ForgetSet;
use crate::topology::Topology;
use crate::models::Net;
use crate::store::{Cid, Stores};
use crate::topology::StartMethod;
use crate::data::Dataset;
use crate::train::{accuracy, gradient_ascent_held_out, repair, scrub, train};
use crate::weights::Weights;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::time::Instant;

/// Which models forget which classes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnlearnRequest {
	/// Start models W (ids).
	pub start_models: Vec<String>,
	/// Classes to forget.
	pub forget_classes: Vec<u8>,
}

/// One model's new version.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ModelUpdate {
	/// Model id.
	pub model_id: String,
	/// Version before unlearning.
	pub old_cid: Cid,
	/// Version after unlearning.
	pub new_cid: Cid,
	/// True for start models.
	pub is_start: bool,
	/// ‖w′ − w‖₂.
	pub update_norm: f64,
	/// Latency of this model: seconds from the start of the task until its new version
	/// existed, on the task's critical path with the parties working in parallel
	/// ([`crate::schedule`]: a piece starts once its inputs exist and its party is free).
	pub seconds: f64,
	/// Work: the seconds of compute spent on this model's new version (its owner's ascent,
	/// repair or re-training; the committee's propagation of it).
	#[serde(default)]
	pub work: f64,
	/// What each optimisation piece of this update did (steps, budget, why it stopped).
	#[serde(default)]
	pub log: Vec<StepLog>,
}

/// Kinds of optimisation piece an update is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PieceKind {
	/// Gradient ascent on the withdrawn samples (the start model).
	Ascent,
	/// The owner's validated repair (retain descent + bounded ascent).
	Repair,
	/// Retain descent alone from the original (the fine-tune baseline).
	FineTune,
	/// Re-aggregation and full re-training (eqs. 17-18).
	Retrain,
	/// Re-aggregation and the repair's step budget of retain descent.
	TruncatedRetrain,
	/// SCRUB at a start model (teacher: its original).
	Scrub,
}

/// Why an optimisation piece stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StopReason {
	/// The held-out withdrawn samples reached the ascent's target accuracy.
	TargetReached,
	/// The step budget ran out (every epoch, for re-training).
	Budget,
	/// The owner's validation kept an earlier version (`steps` names it).
	Validated,
}

/// One optimisation piece of an update: report.json's record of it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct StepLog {
	/// What ran.
	pub kind: PieceKind,
	/// Steps taken (for a validated piece: the steps of the version kept).
	pub steps: usize,
	/// The step budget.
	pub budget: usize,
	/// Why it stopped.
	pub stop: StopReason,
}

/// A model left untouched because its update norm was at most ε.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SkippedModel {
	/// Model id.
	pub model_id: String,
	/// ‖α Σ_s c(s,y) Δθ_s‖₂.
	pub update_norm: f64,
	/// Σ_s c(s, y).
	pub coefficient: f64,
}

/// Result of one unlearning task.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct UnlearnOutcome {
	/// New versions, start models first, then in topological order.
	pub updates: Vec<ModelUpdate>,
	/// Models under ε (parallel only).
	pub skipped: Vec<SkippedModel>,
	/// Wall time of the whole task on this machine (every participant's work one after
	/// the other, with the bookkeeping between).
	pub total_seconds: f64,
	/// Work: the sum of every measured piece ([`crate::schedule`]).
	#[serde(default)]
	pub work_seconds: f64,
	/// Latency: the task's critical path with the parties in parallel.
	#[serde(default)]
	pub latency_seconds: f64,
	/// A sample-level request's commitment to the withdrawn samples (what the chain
	/// request carries instead of classes); `None` for a request by class.
	#[serde(default)]
	pub withdrawn: Option<crate::samples::Commitment>,
}

impl UnlearnOutcome {
	/// New CID of a model, if it was updated.
	pub fn new_cid(&self, id: &str) -> Option<Cid> {
		self.updates.iter().find(|u| u.model_id == id).map(|u| u.new_cid)
	}
}

/// Who repairs after the ascent in the parallel paradigm (every variant is propagated by
/// eqs. 7-8 and needs one consensus).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Repair {
	/// The paper's plain gradient ascent at the start models.
	None,
	/// NegGrad+ at the start models: after the ascent, each start owner runs the
	/// retain-aware repair (retain descent + bounded forget ascent on its own samples), and
	/// the resulting Δθ is what eqs. 7-8 propagate. Inherited owners do nothing.
	Starts,
	/// As `Starts`, and every inherited model's owner then repairs its propagated version
	/// (its original where the propagation left it under ε) on its own data, independently
	/// of the others. With α = 0 this is "no propagation + the owners' fine-tuning".
	All,
}

/// Parallel-paradigm settings.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParallelConfig {
	/// Discount α.
	pub alpha: f64,
	/// Skip threshold ε.
	pub epsilon: f64,
}

/// Output of [`propagate`] for one inherited model.
#[derive(Clone, Debug)]
pub struct Propagated {
	/// Node index.
	pub node: usize,
	/// New CID.
	pub new_cid: Cid,
	/// Update norm.
	pub update_norm: f64,
}

/// A model [`propagate`] left untouched.
#[derive(Clone, Copy, Debug)]
pub struct SkippedNode {
	/// Node index.
	pub node: usize,
	/// ‖α Σ_s c(s,y) Δθ_s‖₂ (≤ ε).
	pub update_norm: f64,
	/// Σ_s c(s, y).
	pub coefficient: f64,
}

/// Eqs. 7-8, streaming: for every y in N(starts) in topological order, adds
/// α Σ_s c(s,y) Δθ_s to w_y straight from the stored file to a new file in
/// `stores.live` ([`StreamingUpdate`]: one verified read, no intermediate parse, no
/// per-file sync) and calls `on_model`; one durable sync at the end. Models with update
/// norm ≤ ε are reported in the second list and never read.
pub fn propagate(
	dag: &Dag,
	cids: &[Cid],
	deltas: &[(usize, Weights)],
	cfg: ParallelConfig,
	stores: &Stores,
	on_model: impl FnMut(&Propagated),
) -> Result<(Vec<Propagated>, Vec<SkippedNode>)> {
	let out = propagate_unsynced(dag, cids, deltas, cfg, stores, on_model)?;
	stores.live.sync()?;
	Ok(out)
}

/// [`propagate`] without the final durable sync: the new files are written but may still
/// be in the page cache; the caller must call `stores.live.sync()` (benchmarks time the two
/// parts separately).
pub fn propagate_unsynced(
	dag: &Dag,
	cids: &[Cid],
	deltas: &[(usize, Weights)],
	cfg: ParallelConfig,
	stores: &Stores,
	mut on_model: impl FnMut(&Propagated),
) -> Result<(Vec<Propagated>, Vec<SkippedNode>)> {
	check_propagation_inputs(dag, cids, cfg)?;
	let update = StreamingUpdate::new(&deltas.iter().map(|d| &d.1).collect::<Vec<_>>())?;
	let starts: Vec<usize> = deltas.iter().map(|d| d.0).collect();
	let coeffs =
		starts.iter().map(|&s| dag.coefficients_avoiding(s, &starts)).collect::<Result<Vec<_>>>()?;
	let gram = gram_matrix(deltas)?;
	let mut updated = Vec::new();
	let mut skipped = Vec::new();
	for y in dag.inherited(&starts)? {
		let c: Vec<f64> = coeffs.iter().map(|cs| cs[y]).collect();
		let norm = cfg.alpha * quadratic_form(&gram, &c).max(0.0).sqrt();
		if norm <= cfg.epsilon {
			skipped.push(SkippedNode { node: y, update_norm: norm, coefficient: c.iter().sum() });
			continue;
		}
		let scales: Vec<(usize, f32)> = c
			.iter()
			.enumerate()
			.filter(|(_, &ca)| ca != 0.0)
			.map(|(a, &ca)| (a, (cfg.alpha * ca) as f32))
			.collect();
		let new_cid = update.apply_into(stores, &cids[y], &scales, &stores.live)?;
		let p = Propagated { node: y, new_cid, update_norm: norm };
		on_model(&p);
		updated.push(p);
	}
	Ok((updated, skipped))
}

/// One CID per DAG node, α ≥ 0 and ε ≥ 0 (finite).
fn check_propagation_inputs(dag: &Dag, cids: &[Cid], cfg: ParallelConfig) -> Result<()> {
	if cids.len() != dag.len() {
		return Err(WorkerError::InvalidArgument(format!(
			"{} CIDs for a DAG of {} models",
			cids.len(),
			dag.len()
		)));
	}
	if !(cfg.alpha.is_finite() && cfg.alpha >= 0.0 && cfg.epsilon.is_finite() && cfg.epsilon >= 0.0)
	{
		return Err(WorkerError::InvalidArgument(format!("alpha must be ≥ 0, epsilon ≥ 0: {cfg:?}")));
	}
	Ok(())
}

/// G[a][b] = ⟨Δθ_a, Δθ_b⟩, so that ‖Σ c_a Δθ_a‖² = cᵀ G c without touching any model.
fn gram_matrix(deltas: &[(usize, Weights)]) -> Result<Vec<Vec<f64>>> {
	let k = deltas.len();
	let mut gram = vec![vec![0.0; k]; k];
	for a in 0..k {
		for b in a..k {
			let g = deltas[a].1.dot(&deltas[b].1)?;
			gram[a][b] = g;
			gram[b][a] = g;
		}
	}
	Ok(gram)
}

/// cᵀ G c.
fn quadratic_form(gram: &[Vec<f64>], c: &[f64]) -> f64 {
	(0..c.len()).flat_map(|a| (0..c.len()).map(move |b| (a, b))).map(|(a, b)| c[a] * c[b] * gram[a][b]).sum()
}

/// Progress callback events.
#[derive(Clone, Debug)]
pub enum UnlearnEvent<'a> {
	/// A model has its new version.
	Updated(&'a ModelUpdate),
}

/// The most withdrawn samples the gradient-ascent stop rule reads. The rule is checked
/// every 5 ascent steps, and a check reads every held-out sample, so the held-out set
/// sets the ascent's cost: with 6,000 withdrawn samples a fifth (1,200) made the checks
/// about two thirds of it (measured on dag40). 256 samples all misclassified bound the
/// forgotten class's accuracy below 1.2 % (one-sided 95 %); the samples above the cap are
/// ascended on.
pub const STOP_SAMPLES_MAX: usize = 256;

/// The fraction of the withdrawn samples held out for the gradient ascent's stop rule (at
/// most [`STOP_SAMPLES_MAX`]).
pub const STOP_FRACTION: f64 = 0.2;

/// Splits `data` into (ascend, stop): a `fraction` of the samples, at least one and at
/// most `max_held`, chosen with `seed`, held out for a stop rule; the rest to train on. A
/// single sample serves both.
pub(crate) fn held_out_split(data: &Dataset, fraction: f64, max_held: usize, seed: u64) -> (Dataset, Dataset) {
	use rand::seq::SliceRandom;
	use rand::SeedableRng;
	let mut order: Vec<usize> = (0..data.len()).collect();
	order.shuffle(&mut rand_chacha::ChaCha8Rng::seed_from_u64(seed));
	let held = ((data.len() as f64 * fraction).round() as usize).min(max_held).clamp(1, data.len());
	if data.len() < 2 {
		return (data.subset(&order), data.subset(&order));
	}
	let (stop, ascend) = order.split_at(held);
	(data.subset(ascend), data.subset(stop))
}

/// Resolved request: start indices, N(W) in topological order, the forget set.
pub(crate) struct Plan {
	pub(crate) dag: Dag,
	/// W, sorted and without repeats.
	pub(crate) starts: Vec<usize>,
	pub(crate) inherited: Vec<usize>,
	pub(crate) cids: Vec<Cid>,
	pub(crate) forget: ForgetSet,
}

impl Plan {
	/// W ∪ N(W) in topological order.
	pub(crate) fn affected(&self) -> Vec<usize> {
		let mut order: Vec<usize> = self.starts.iter().chain(&self.inherited).copied().collect();
		let topo_pos: HashMap<usize, usize> =
			self.dag.topo_order().iter().enumerate().map(|(i, &n)| (n, i)).collect();
		order.sort_by_key(|n| topo_pos[n]);
		order
	}
}

/// Checks a request against the manifest and resolves it.
pub(crate) fn plan(manifest: &DagManifest, topology: &Topology, req: &UnlearnRequest) -> Result<Plan> {
	if req.start_models.is_empty() {
		return Err(WorkerError::InvalidArgument("no start models".into()));
	}
	let by_class = !topology.unlearning.is_sample_level();
	if !by_class && !req.forget_classes.is_empty() {
		return Err(WorkerError::InvalidArgument(
			"a request withdraws either classes or samples (a backdoor's, a random subset), not both".into(),
		));
	}
	if (by_class && req.forget_classes.is_empty()) || req.forget_classes.iter().any(|&c| c >= 10) {
		return Err(WorkerError::InvalidArgument(format!(
			"forget classes {:?} must be non-empty, in 0..10",
			req.forget_classes
		)));
	}
	let dag = manifest.dag()?;
	let mut starts =
		req.start_models.iter().map(|s| manifest.position(s)).collect::<Result<Vec<_>>>()?;
	starts.sort_unstable();
	starts.dedup();
	let inherited = dag.inherited(&starts)?;
	let cids = manifest.models.iter().map(|m| m.cid).collect();
	let forget = ForgetSet::for_request(manifest, topology, &starts, &req.forget_classes)?;
	Ok(Plan { dag, starts, inherited, cids, forget })
}

impl Worker {
	fn owner_of(&self, manifest: &DagManifest, model: usize) -> Result<usize> {
		self.topology.user_index(&manifest.models[model].owner)
	}

	/// Unlearns one start model: re-training from its (current) references on the
	/// retained data, or gradient ascent from w_s on its forgotten data.
	pub fn unlearn_start(
		&self,
		manifest: &DagManifest,
		stores: &Stores,
		model: usize,
		forget: &ForgetSet,
		method: StartMethod,
		current: &HashMap<usize, Cid>,
	) -> Result<(Weights, StepLog)> {
		match method {
			StartMethod::Retrain => self.retrain_model(manifest, stores, model, forget, current),
			StartMethod::Scrub => {
				let retain = self.retained_of(manifest, model, forget)?;
				let forget_data = self.withdrawn_of(manifest, model, forget, "scrub")?;
				let w = stores.get_weights(&manifest.models[model].cid)?;
				let teacher = Net::with_weights(self.spec, self.device, &w)?;
				let mut net = Net::with_weights(self.spec, self.device, &w)?;
				let cfg = &self.topology.unlearning.scrub;
				let seed = self.topology.seed ^ 0x5c2b ^ model as u64;
				let steps = scrub(&mut net, &teacher, &retain, &forget_data, cfg, seed)?;
				let log = StepLog { kind: PieceKind::Scrub, steps, budget: cfg.steps, stop: StopReason::Budget };
				Ok((net.weights()?, log))
			}
			StartMethod::GradientAscent => {
				let owner = self.owner_of(manifest, model)?;
				let forget_data = self.withdrawn_of(manifest, model, forget, "ascend on")?;
				let w = stores.get_weights(&manifest.models[model].cid)?;
				let mut net = Net::with_weights(self.spec, self.device, &w)?;
				// The stop rule reads a held-out fifth of the withdrawn samples (at most
				// STOP_SAMPLES_MAX) and the ascent the rest, so "AD_f reached the target"
				// is not true by construction of the samples ascended on.
				let seed = self.topology.seed ^ model as u64;
				let (ascend, stop) = held_out_split(&forget_data, STOP_FRACTION, STOP_SAMPLES_MAX, seed);
				let mut cfg = self.topology.unlearning.ascent;
				if forget.random_subset.is_some() {
					// Randomly withdrawn samples should end up looking like unseen ones, not
					// misclassified: the ascent stops once the held-out withdrawn samples are
					// no better recognised than the owner's local test data (what re-training
					// reaches), never below.
					let unseen = accuracy(&net, &self.data.test_of(owner)).unwrap_or(0.0);
					cfg.target_accuracy = cfg.target_accuracy.max(unseen);
				}
				let cfg = &cfg;
				let steps = gradient_ascent_held_out(&mut net, &ascend, &stop, cfg, seed)?;
				// The loop ends early only when the held-out samples reached the target.
				let stop = if steps < cfg.max_steps { StopReason::TargetReached } else { StopReason::Budget };
				let log = StepLog { kind: PieceKind::Ascent, steps, budget: cfg.max_steps, stop };
				Ok((net.weights()?, log))
			}
		}
	}

	/// The average of a model's references, each at its current version (the updated one
	/// where `current` has it); the genesis model for a root.
	fn reaggregate(
		&self,
		manifest: &DagManifest,
		stores: &Stores,
		model: usize,
		current: &HashMap<usize, Cid>,
	) -> Result<Weights> {
		let index = manifest.index();
		let refs = manifest.models[model]
			.refs
			.iter()
			.map(|r| {
				let k = *index.get(r.as_str()).ok_or_else(|| {
					WorkerError::InvalidTopology(format!("unknown reference {r}"))
				})?;
				stores.get_weights(current.get(&k).unwrap_or(&manifest.models[k].cid))
			})
			.collect::<Result<Vec<_>>>()?;
		if refs.is_empty() {
			return stores.get_weights(&manifest.genesis);
		}
		Weights::mean(&refs.iter().collect::<Vec<_>>())
	}

	/// The start model's owner's withdrawn samples, refused when empty (nothing to `verb`).
	fn withdrawn_of(&self, manifest: &DagManifest, model: usize, forget: &ForgetSet, verb: &str) -> Result<Dataset> {
		let data = forget.withdrawn(&self.data, self.owner_of(manifest, model)?);
		if data.is_empty() {
			return Err(WorkerError::InvalidArgument(format!(
				"start model {} holds none of {}: nothing to {verb}",
				manifest.models[model].id,
				forget.describe()
			)));
		}
		Ok(data)
	}

	/// The owner's retained training data, refused when empty.
	fn retained_of(&self, manifest: &DagManifest, model: usize, forget: &ForgetSet) -> Result<Dataset> {
		let data = forget.retained(&self.data, self.owner_of(manifest, model)?);
		if data.is_empty() {
			return Err(WorkerError::InvalidArgument(format!(
				"model {}: its owner has no retained data to re-train on",
				manifest.models[model].id
			)));
		}
		Ok(data)
	}

	/// Eqs. 17-18 for one model: average the current versions of its references (the
	/// updated one where `current` has it) and re-train on the owner's retained data.
	pub fn retrain_model(
		&self,
		manifest: &DagManifest,
		stores: &Stores,
		model: usize,
		forget: &ForgetSet,
		current: &HashMap<usize, Cid>,
	) -> Result<(Weights, StepLog)> {
		let start = self.reaggregate(manifest, stores, model, current)?;
		let data = self.retained_of(manifest, model, forget)?;
		let mut net = Net::with_weights(self.spec, self.device, &start)?;
		let cfg = &self.topology.training;
		train(&mut net, &data, cfg, self.topology.seed ^ (model as u64) << 4, |_, _| {})?;
		let steps = cfg.epochs * data.len().div_ceil(cfg.batch_size);
		let log = StepLog { kind: PieceKind::Retrain, steps, budget: steps, stop: StopReason::Budget };
		Ok((net.weights()?, log))
	}

	/// Truncated re-training of one model (a baseline at the repair's budget): the same
	/// re-aggregation as [`Worker::retrain_model`], then the repair's steps of validated
	/// retain descent on the owner's retained data instead of full training.
	pub fn retrain_model_truncated(
		&self,
		manifest: &DagManifest,
		stores: &Stores,
		model: usize,
		forget: &ForgetSet,
		current: &HashMap<usize, Cid>,
	) -> Result<(Weights, StepLog)> {
		let start = self.reaggregate(manifest, stores, model, current)?;
		self.retain_descent(manifest, model, &start, forget, PieceKind::TruncatedRetrain)
	}

	/// Retain descent alone (the repair without its forget term, same steps, learning rate,
	/// batches and validation) from `weights`, by the model's owner.
	pub fn retain_descent(
		&self,
		manifest: &DagManifest,
		model: usize,
		weights: &Weights,
		forget: &ForgetSet,
		kind: PieceKind,
	) -> Result<(Weights, StepLog)> {
		let retain = self.retained_of(manifest, model, forget)?;
		let none = retain.subset(&[]);
		self.validated_repair(manifest, model, weights, forget, &retain, &none, kind)
	}

	/// Repair of one model by its owner (retain descent + bounded forget ascent), the
	/// version kept chosen on the owner's local test data without the forgotten classes.
	pub fn repair_model(
		&self,
		manifest: &DagManifest,
		model: usize,
		weights: &Weights,
		forget: &ForgetSet,
	) -> Result<(Weights, StepLog)> {
		let owner = self.owner_of(manifest, model)?;
		let retain = forget.retained(&self.data, owner);
		let forget_data = forget.withdrawn(&self.data, owner);
		self.validated_repair(manifest, model, weights, forget, &retain, &forget_data, PieceKind::Repair)
	}

	#[allow(clippy::too_many_arguments)]
	fn validated_repair(
		&self,
		manifest: &DagManifest,
		model: usize,
		weights: &Weights,
		forget: &ForgetSet,
		retain: &Dataset,
		forget_data: &Dataset,
		kind: PieceKind,
	) -> Result<(Weights, StepLog)> {
		let owner = self.owner_of(manifest, model)?;
		let validation = self.data.test_of(owner).filter_classes(&forget.classes, false);
		let mut net = Net::with_weights(self.spec, self.device, weights)?;
		let cfg = &self.topology.unlearning.repair;
		let seed = self.topology.seed ^ 0x4e9 ^ model as u64;
		let steps = repair(&mut net, retain, forget_data, cfg, seed, &validation)?;
		let stop = if steps < cfg.steps { StopReason::Validated } else { StopReason::Budget };
		Ok((net.weights()?, StepLog { kind, steps, budget: cfg.steps, stop }))
	}

	/// The parallel paradigm with the given [`Repair`]. New versions are staged in
	/// `stores.live`; nothing is redacted (the caller applies them after consensus).
	///
	/// Timing ([`crate::schedule`]): each start owner unlearns its start models in turn;
	/// the committee propagates once the last start is done and syncs once; with
	/// [`Repair::All`] each inherited owner repairs its models in turn once they exist.
	pub fn unlearn_parallel(
		&self,
		manifest: &DagManifest,
		stores: &Stores,
		req: &UnlearnRequest,
		cfg: ParallelConfig,
		repair: Repair,
		on_event: impl FnMut(UnlearnEvent<'_>),
	) -> Result<UnlearnOutcome> {
		let method = self.topology.unlearning.start_method;
		self.unlearn_parallel_with(manifest, stores, req, cfg, repair, method, on_event)
	}

	/// [`Worker::unlearn_parallel`] with the start models unlearned by `method` instead of
	/// the topology's start method (the experiment's SCRUB row).
	#[allow(clippy::too_many_arguments)]
	pub fn unlearn_parallel_with(
		&self,
		manifest: &DagManifest,
		stores: &Stores,
		req: &UnlearnRequest,
		cfg: ParallelConfig,
		repair: Repair,
		method: StartMethod,
		mut on_event: impl FnMut(UnlearnEvent<'_>),
	) -> Result<UnlearnOutcome> {
		let p = plan(manifest, &self.topology, req)?;
		check_propagation_inputs(&p.dag, &p.cids, cfg)?;
		let t0 = Instant::now();
		let forget = &p.forget;
		let mut out = UnlearnOutcome { withdrawn: p.forget.commitment(&self.data), ..Default::default() };
		let mut deltas = Vec::with_capacity(p.starts.len());
		let mut clock = Schedule::new();
		for &s in &p.starts {
			let owner = self.owner_of(manifest, s)?;
			let ts = Instant::now();
			let old = stores.get_weights(&p.cids[s])?;
			let (mut new, ascent) =
				self.unlearn_start(manifest, stores, s, forget, method, &HashMap::new())?;
			let mut log = vec![ascent];
			if repair != Repair::None {
				let (repaired, l) = self.repair_model(manifest, s, &new, forget)?;
				(new, log) = (repaired, vec![ascent, l]);
			}
			// Δθ over the learnable parameters only: BatchNorm statistics stay each
			// model's own (the ascent runs in eval mode and leaves them unchanged; a
			// train-mode repair may move them, but they are not propagated).
			let learnable = Net::with_weights(self.spec, self.device, &old)?.learnable_names();
			let delta = new.sub(&old)?.learnable_only(&learnable);
			let new_cid = stores.stage(&new)?;
			let work = ts.elapsed().as_secs_f64();
			let u = ModelUpdate {
				model_id: manifest.models[s].id.clone(),
				old_cid: p.cids[s],
				new_cid,
				is_start: true,
				update_norm: delta.norm(),
				seconds: clock.run(Party::Owner(owner), 0.0, work),
				work,
				log,
			};
			on_event(UnlearnEvent::Updated(&u));
			out.updates.push(u);
			deltas.push((s, delta));
		}
		// The committee's propagation starts once the last start is done; every written
		// version exists after the task's one durable sync.
		let starts_ready = clock.latency();
		let mut propagated = Vec::new();
		let mut last = Instant::now();
		let (_, skipped) = propagate_unsynced(&p.dag, &p.cids, &deltas, cfg, stores, |m| {
			let work = last.elapsed().as_secs_f64();
			last = Instant::now();
			clock.run(Party::Committee, starts_ready, work);
			propagated.push((m.node, (m.new_cid, work)));
		})?;
		// The committee's work after the last written model (the skip decisions that
		// followed it; with every model skipped, the whole set-up).
		let decided = clock.run(Party::Committee, starts_ready, last.elapsed().as_secs_f64());
		let ts = Instant::now();
		stores.live.sync()?;
		let written = clock.run(Party::Committee, starts_ready, ts.elapsed().as_secs_f64());
		drop(deltas);
		let propagated: HashMap<usize, (Cid, f64)> = propagated.into_iter().collect();
		// N(W) in topological order. With `Repair::All` every inherited owner repairs: its
		// propagated version, or its original where the propagation left it under ε (with
		// α = 0: no propagation at all); otherwise a skipped model has no new version.
		for &y in &p.inherited {
			let (new_cid, propagation) = match propagated.get(&y) {
				Some(&(cid, work)) => (Some(cid), work),
				None if repair == Repair::All => (None, 0.0),
				None => continue,
			};
			let (new_cid, seconds, work, log) = if repair == Repair::All {
				let owner = self.owner_of(manifest, y)?;
				// A propagated version exists after the sync; a skipped model's original
				// exists from the start, and its owner learns it was skipped once the
				// committee decided (with α = 0 nothing is propagated: at once).
				let ready = match new_cid {
					Some(_) => written,
					None if cfg.alpha == 0.0 => 0.0,
					None => decided,
				};
				let r0 = Instant::now();
				let w = stores.get_weights(new_cid.as_ref().unwrap_or(&p.cids[y]))?;
				let (repaired, log) = self.repair_model(manifest, y, &w, forget)?;
				let cid = stores.stage(&repaired)?;
				let repair_time = r0.elapsed().as_secs_f64();
				let done = clock.run(Party::Owner(owner), ready, repair_time);
				(cid, done, propagation + repair_time, vec![log])
			} else {
				(new_cid.unwrap_or(p.cids[y]), written, propagation, Vec::new())
			};
			let old = stores.get_weights(&p.cids[y])?;
			let new = stores.get_weights(&new_cid)?;
			let u = ModelUpdate {
				model_id: manifest.models[y].id.clone(),
				old_cid: p.cids[y],
				new_cid,
				is_start: false,
				update_norm: new.distance(&old)?,
				seconds,
				work,
				log,
			};
			on_event(UnlearnEvent::Updated(&u));
			out.updates.push(u);
		}
		let repaired_all = repair == Repair::All;
		out.skipped = skipped
			.into_iter()
			.filter(|_| !repaired_all)
			.map(|k| SkippedModel {
				model_id: manifest.models[k.node].id.clone(),
				update_norm: k.update_norm,
				coefficient: k.coefficient,
			})
			.collect();
		out.finish(&clock, t0);
		Ok(out)
	}

	/// The sequential paradigm: W ∪ N(W) re-trained in topological order, each model from
	/// its parents' new versions (each would get its own consensus round on chain).
	pub fn unlearn_sequential(
		&self,
		manifest: &DagManifest,
		stores: &Stores,
		req: &UnlearnRequest,
		on_event: impl FnMut(UnlearnEvent<'_>),
	) -> Result<UnlearnOutcome> {
		self.in_order(manifest, stores, req, Worker::retrain_model, Inputs::Parents, on_event)
	}

	/// Truncated re-training (a baseline at the repair's budget): the sequential paradigm's
	/// order and re-aggregation, then the repair's steps of validated retain descent
	/// instead of full training.
	pub fn unlearn_truncated(
		&self,
		manifest: &DagManifest,
		stores: &Stores,
		req: &UnlearnRequest,
		on_event: impl FnMut(UnlearnEvent<'_>),
	) -> Result<UnlearnOutcome> {
		self.in_order(manifest, stores, req, Worker::retrain_model_truncated, Inputs::Parents, on_event)
	}

	/// Fine-tuning alone (a baseline at the repair's budget): every affected model's owner
	/// runs the repair's steps of validated retain descent from its original version. No
	/// ascent, no propagation, no dependency between models.
	pub fn unlearn_finetune(
		&self,
		manifest: &DagManifest,
		stores: &Stores,
		req: &UnlearnRequest,
		on_event: impl FnMut(UnlearnEvent<'_>),
	) -> Result<UnlearnOutcome> {
		self.in_order(manifest, stores, req, Worker::finetune_model, Inputs::Original, on_event)
	}

	/// One model's fine-tuning (see [`Worker::unlearn_finetune`]).
	fn finetune_model(
		&self,
		manifest: &DagManifest,
		stores: &Stores,
		model: usize,
		forget: &ForgetSet,
		_current: &HashMap<usize, Cid>,
	) -> Result<(Weights, StepLog)> {
		let original = stores.get_weights(&manifest.models[model].cid)?;
		self.retain_descent(manifest, model, &original, forget, PieceKind::FineTune)
	}

	/// W ∪ N(W) in topological order, each model made by `step` (from its references'
	/// current versions, or from its original); a model's piece starts once its inputs
	/// exist — its affected parents' new versions, or at once for `Inputs::Original` — and
	/// its owner is free (an owner takes its models in topological order, greedily: it does
	/// not start a later model in an idle gap before an earlier one).
	fn in_order(
		&self,
		manifest: &DagManifest,
		stores: &Stores,
		req: &UnlearnRequest,
		step: ModelStep,
		inputs: Inputs,
		mut on_event: impl FnMut(UnlearnEvent<'_>),
	) -> Result<UnlearnOutcome> {
		let p = plan(manifest, &self.topology, req)?;
		let t0 = Instant::now();
		let mut current: HashMap<usize, Cid> = HashMap::new();
		let mut done: HashMap<usize, f64> = HashMap::new();
		let mut clock = Schedule::new();
		let mut out = UnlearnOutcome { withdrawn: p.forget.commitment(&self.data), ..Default::default() };
		for y in p.affected() {
			let tm = Instant::now();
			let (w, log) = step(self, manifest, stores, y, &p.forget, &current)?;
			let new_cid = stores.stage(&w)?;
			let work = tm.elapsed().as_secs_f64();
			let ready = match inputs {
				Inputs::Parents => p.dag.parents(y).iter().filter_map(|q| done.get(q)).copied().fold(0.0, f64::max),
				Inputs::Original => 0.0,
			};
			let at = clock.run(Party::Owner(self.owner_of(manifest, y)?), ready, work);
			done.insert(y, at);
			let old = stores.get_weights(&p.cids[y])?;
			current.insert(y, new_cid);
			let u = ModelUpdate {
				model_id: manifest.models[y].id.clone(),
				old_cid: p.cids[y],
				new_cid,
				is_start: p.starts.contains(&y),
				update_norm: w.distance(&old)?,
				seconds: at,
				work,
				log: vec![log],
			};
			on_event(UnlearnEvent::Updated(&u));
			out.updates.push(u);
		}
		out.finish(&clock, t0);
		Ok(out)
	}
}

/// One model's step of [`Worker::in_order`].
type ModelStep = fn(&Worker, &DagManifest, &Stores, usize, &ForgetSet, &HashMap<usize, Cid>) -> Result<(Weights, StepLog)>;

/// What a model's step of [`Worker::in_order`] starts from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Inputs {
	/// Its references' current versions: it waits for its affected parents.
	Parents,
	/// Its own original: it waits for nothing.
	Original,
}

impl UnlearnOutcome {
	fn finish(&mut self, clock: &Schedule, started: Instant) {
		self.total_seconds = started.elapsed().as_secs_f64();
		self.work_seconds = clock.work();
		self.latency_seconds = clock.latency();
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	/// Images whose one pixel is the sample's index, so a split can be read back.
	fn indexed(n: usize) -> Dataset {
		let pixels: Vec<u8> = (0..n).flat_map(|i| [(i % 251) as u8, (i / 251) as u8]).collect();
		let labels = vec![1u8; n];
		Dataset::from_u8(&pixels, labels, 1, 1, 2).unwrap()
	}

	/// The indices the samples of `d` were made with.
	fn ids(d: &Dataset) -> Vec<i64> {
		let all: Vec<usize> = (0..d.len()).collect();
		let (x, _) = d.batch(&all, tch::Device::Cpu);
		let pixels = ((x + 1.0) * 127.5).round().to_kind(tch::Kind::Int64).view([-1]);
		let v = Vec::<i64>::try_from(pixels).unwrap();
		v.chunks(2).map(|p| p[0] + 251 * p[1]).collect()
	}

	#[test]
	fn held_out_split_takes_a_fifth_up_to_the_cap_and_keeps_the_halves_apart() {
		for (n, held) in [(6000, STOP_SAMPLES_MAX), (1000, 200), (50, 10), (3, 1)] {
			let (ascend, stop) = held_out_split(&indexed(n), 0.2, STOP_SAMPLES_MAX, 7);
			assert_eq!((ascend.len(), stop.len()), (n - held, held), "n = {n}");
			let (a, s) = (ids(&ascend), ids(&stop));
			assert!(s.iter().all(|i| !a.contains(i)), "n = {n}: a sample on both sides");
			let mut all: Vec<i64> = a.into_iter().chain(s).collect();
			all.sort_unstable();
			assert_eq!(all, (0..n as i64).collect::<Vec<_>>(), "n = {n}: every sample once");
		}
		// A single sample serves both the ascent and the stop rule.
		let (ascend, stop) = held_out_split(&indexed(1), 0.2, STOP_SAMPLES_MAX, 7);
		assert_eq!((ascend.len(), stop.len()), (1, 1));
	}
}
