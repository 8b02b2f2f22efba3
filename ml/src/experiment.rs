//! The full experiment of the paper's §VI on one topology: train the DAG, run the
//! sequential paradigm (re-training), the parallel paradigm (gradient ascent) and the
//! parallel paradigm with repair, evaluate every affected model and write the report.

use crate::dag::Dag;
use crate::device::device_name;
use crate::error::Result;
use crate::fl::{DagManifest, Progress, Worker};
use crate::metrics::{EvalSets, ModelMetrics};
use crate::models::Net;
use crate::report::{LayerDistances, ModelDetail, Report, ResultRow, WallTimes, METHODS};
use crate::store::{Cid, Stores};
use crate::unlearn::{ParallelConfig, UnlearnEvent, UnlearnOutcome, UnlearnRequest};
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
	/// Parallel paradigm with repair.
	pub repaired: UnlearnOutcome,
}

/// Runs everything and writes the report into `out`; returns it.
pub fn run(
	worker: &mut Worker,
	out: &Path,
	full_data: bool,
	on: impl FnMut(ExperimentEvent<'_>),
) -> Result<Report> {
	run_full(worker, out, full_data, on).map(|r| r.report)
}

/// Like [`run`], and keeps the manifest, the store and the three outcomes.
pub fn run_full(
	worker: &mut Worker,
	out: &Path,
	full_data: bool,
	mut on: impl FnMut(ExperimentEvent<'_>),
) -> Result<ExperimentRun> {
	let t_total = Instant::now();
	let stores = Stores::open(out.join("store"))?;
	let t0 = Instant::now();
	let total_models =
		worker.topology.organic.map(|o| o.models).unwrap_or(worker.topology.models.len());
	on(ExperimentEvent::Phase("train DAG", total_models));
	let manifest = worker.train_dag(&stores, full_data, |p| {
		if let Progress::Model(_, _, id) = p {
			on(ExperimentEvent::Step(id));
		}
	})?;
	manifest.save(&out.join("manifest.json"))?;
	let train_dag = t0.elapsed().as_secs_f64();

	let un = worker.topology.unlearning.clone();
	let req = UnlearnRequest {
		start_models: un.start_models.clone(),
		forget_classes: un.forget_classes.clone(),
	};
	let dag = manifest.dag()?;
	let starts =
		req.start_models.iter().map(|s| manifest.position(s)).collect::<Result<Vec<_>>>()?;
	let inherited = dag.inherited(&starts)?;
	let n_affected = starts.len() + inherited.len();
	let cfg = ParallelConfig { alpha: un.alpha, epsilon: un.epsilon };

	let step = |label: &str, ev: UnlearnEvent<'_>, on: &mut dyn FnMut(ExperimentEvent<'_>)| {
		let UnlearnEvent::Updated(u) = ev;
		on(ExperimentEvent::Step(&format!("{label} {}", u.model_id)));
	};
	on(ExperimentEvent::Phase("sequential (re-training)", n_affected));
	let seq =
		worker.unlearn_sequential(&manifest, &stores, &req, |e| step("retrain", e, &mut on))?;
	on(ExperimentEvent::Phase("parallel (gradient ascent)", n_affected));
	let par = worker
		.unlearn_parallel(&manifest, &stores, &req, cfg, false, |e| step("ga", e, &mut on))?;
	on(ExperimentEvent::Phase("parallel + repair", n_affected));
	let rep = worker
		.unlearn_parallel(&manifest, &stores, &req, cfg, true, |e| step("ga_repair", e, &mut on))?;

	let t_eval = Instant::now();
	on(ExperimentEvent::Phase("evaluate", n_affected * METHODS.len()));
	let owners = starts
		.iter()
		.map(|&s| worker.topology.user_index(&manifest.models[s].owner))
		.collect::<Result<Vec<_>>>()?;
	let sets = EvalSets::new(&worker.data, &owners, &req.forget_classes);
	let affected: Vec<usize> = {
		let mut v: Vec<usize> = starts.iter().chain(&inherited).copied().collect();
		let pos: BTreeMap<usize, usize> =
			dag.topo_order().iter().enumerate().map(|(i, &n)| (n, i)).collect();
		v.sort_by_key(|n| pos[n]);
		v
	};
	let depths = dag.depths();
	let coeff_total = total_coefficients(&dag, &starts)?;
	let outcomes: [(&str, Option<&UnlearnOutcome>); 4] = [
		("original", None),
		("retrain", Some(&seq)),
		("ga", Some(&par)),
		("ga_repair", Some(&rep)),
	];
	let mut results = Vec::new();
	let mut details = Vec::new();
	let mut layer_distances =
		LayerDistances { model_id: String::new(), to_original: BTreeMap::new() };
	let deepest = affected.iter().copied().max_by_key(|&y| (depths[y], y));
	for &y in &affected {
		let m = &manifest.models[y];
		let owner = worker.topology.user_index(&m.owner)?;
		let original = stores.get_weights(&m.cid)?;
		let retrained_cid = seq.new_cid(&m.id).unwrap_or(m.cid);
		let retrained = stores.get_weights(&retrained_cid)?;
		let mut detail = ModelDetail {
			model_id: m.id.clone(),
			owner: m.owner.clone(),
			depth: depths[y],
			is_start: starts.contains(&y),
			coefficient: coeff_total[y],
			cids: BTreeMap::new(),
			mia_auc: BTreeMap::new(),
			l2_to_original: BTreeMap::new(),
			l2_to_retrain: BTreeMap::new(),
		};
		for (method, outcome) in outcomes {
			let (cid, seconds) = version_of(&manifest, y, outcome);
			let w = stores.get_weights(&cid)?;
			let net = Net::with_weights(worker.spec, worker.device, &w)?;
			let mm: ModelMetrics = sets.evaluate(&net, owner)?;
			results.push(ResultRow {
				model_id: m.id.clone(),
				method: method.to_string(),
				ad_f_train: mm.ad_f_train,
				ad_r_train: mm.ad_r_train,
				ad_f_test: mm.ad_f_test,
				ad_r_test: mm.ad_r_test,
				seconds,
			});
			detail.cids.insert(method.into(), cid.to_string());
			detail.mia_auc.insert(method.into(), mm.mia_auc);
			detail.l2_to_original.insert(method.into(), w.distance(&original)?);
			detail.l2_to_retrain.insert(method.into(), w.distance(&retrained)?);
			if Some(y) == deepest && method != "original" {
				layer_distances.model_id = m.id.clone();
				layer_distances.to_original.insert(method.into(), w.layer_distances(&original)?);
			}
			on(ExperimentEvent::Step(&format!("eval {} {method}", m.id)));
		}
		details.push(detail);
	}
	let report_models = if un.report_models.is_empty() {
		default_report_models(&affected, &starts, &depths, &manifest)
	} else {
		un.report_models.clone()
	};
	let evaluation = t_eval.elapsed().as_secs_f64();
	let samples: usize = worker.data.user_train.iter().map(Vec::len).sum();
	let mut report = Report {
		dataset: worker.data.kind.name().into(),
		model: worker.spec.arch.name().into(),
		forget_classes: req.forget_classes.clone(),
		results,
		topology: worker.topology.name.clone(),
		device: device_name(worker.device),
		start_models: req.start_models.clone(),
		report_models,
		alpha: cfg.alpha,
		epsilon: cfg.epsilon,
		full_data,
		train_samples_per_user: samples as f64 / worker.data.user_train.len().max(1) as f64,
		models: details,
		skipped: par.skipped.clone(),
		wall_seconds: WallTimes {
			train_dag,
			sequential: seq.total_seconds,
			parallel: par.total_seconds,
			parallel_repair: rep.total_seconds,
			evaluation,
			total: 0.0,
		},
		layer_distances,
	};
	report.wall_seconds.total = t_total.elapsed().as_secs_f64();
	report.write(out)?;
	Ok(ExperimentRun { report, manifest, stores, sequential: seq, parallel: par, repaired: rep })
}

fn version_of(manifest: &DagManifest, y: usize, outcome: Option<&UnlearnOutcome>) -> (Cid, f64) {
	let m = &manifest.models[y];
	match outcome.and_then(|o| o.updates.iter().find(|u| u.model_id == m.id)) {
		Some(u) => (u.new_cid, u.seconds),
		None => (m.cid, 0.0),
	}
}

fn total_coefficients(dag: &Dag, starts: &[usize]) -> Result<Vec<f64>> {
	let mut total = vec![0.0; dag.len()];
	for &s in starts {
		for (t, c) in total.iter_mut().zip(dag.coefficients(s)?) {
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
