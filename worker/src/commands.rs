//! The ML commands: `train`, `unlearn`, `eval`, `experiment`, `bench`, and the helpers
//! they share with `demo` (topology overrides, data loading, progress bars).

use anyhow::{bail, Context, Result};
use blockful_ml::samples::{BackdoorSpec, RandomSubsetSpec};
use blockful_ml::bench;
use blockful_ml::data::DatasetKind;
use blockful_ml::device::{device_name, parse_device};
use blockful_ml::experiment::{self, ExperimentEvent};
use blockful_ml::fl::{DagManifest, Progress, Worker};
use blockful_ml::forget::ForgetSet;
use blockful_ml::metrics::EvalSets;
use blockful_ml::models::{Arch, Net};
use blockful_ml::store::{Cid, Stores};
use blockful_ml::topology::Topology;
use blockful_ml::unlearn::{ParallelConfig, UnlearnEvent, UnlearnRequest};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::cli::*;

pub(crate) fn bar(len: usize, what: &str) -> ProgressBar {
	let pb = ProgressBar::new(len as u64);
	pb.set_style(
		ProgressStyle::with_template("{prefix:>28} [{elapsed_precise}] {bar:30} {pos}/{len} {msg}")
			.unwrap_or_else(|_| ProgressStyle::default_bar()),
	);
	pb.set_prefix(what.to_string());
	pb
}

/// One progress bar per experiment phase, advanced by its steps.
#[derive(Default)]
pub(crate) struct PhaseBars(Option<ProgressBar>);

impl PhaseBars {
	/// Starts a new bar on a phase (finishing the previous one), advances it on a step.
	pub(crate) fn on(&mut self, ev: ExperimentEvent<'_>) {
		match ev {
			ExperimentEvent::Phase(name, n) => {
				self.finish();
				self.0 = Some(bar(n, name));
			}
			ExperimentEvent::Step(msg) => {
				if let Some(p) = &self.0 {
					p.inc(1);
					p.set_message(msg.to_string());
				}
			}
		}
	}

	/// Finishes the current bar.
	pub(crate) fn finish(&mut self) {
		if let Some(p) = self.0.take() {
			p.finish();
		}
	}
}

pub(crate) fn load_topology(setup: &TrainSetup) -> Result<Topology> {
	let mut t = Topology::load(&setup.topology)?;
	if let Some(d) = setup.dataset {
		t.dataset = d;
	}
	if let Some(m) = setup.model {
		t.model = m;
	}
	if let Some(e) = setup.epochs {
		t.training.epochs = e;
	}
	if let Some(n) = setup.train_per_user {
		t.data.train_per_user = n;
	}
	if let Some(s) = setup.seed {
		t.seed = s;
	}
	t.validate()?;
	Ok(t)
}

pub(crate) fn apply_request(t: &mut Topology, r: &RequestArgs) -> Result<()> {
	if let Some(s) = &r.start {
		t.unlearning.start_models = s.clone();
		t.unlearning.report_models.clear();
	}
	if let Some(f) = &r.forget {
		t.unlearning.forget_classes = f.clone();
		t.unlearning.backdoor = None;
		t.unlearning.random_subset = None;
	}
	if let Some(fraction) = r.withdraw_random {
		t.unlearning.random_subset = Some(RandomSubsetSpec { fraction });
		t.unlearning.forget_classes.clear();
		t.unlearning.backdoor = None;
	}
	if let Some(target) = r.backdoor {
		let mut spec = t.unlearning.backdoor.unwrap_or(BackdoorSpec { target, fraction: 0.1, patch: 4 });
		spec.target = target;
		if let Some(f) = r.backdoor_fraction {
			spec.fraction = f;
		}
		t.unlearning.backdoor = Some(spec);
		t.unlearning.forget_classes.clear();
		t.unlearning.random_subset = None;
	}
	if let Some(a) = r.alpha {
		t.unlearning.alpha = a;
	}
	if let Some(e) = r.epsilon {
		t.unlearning.epsilon = e;
	}
	if let Some(m) = r.start_method {
		t.unlearning.start_method = m;
	}
	t.validate()?;
	Ok(())
}

fn data_dir(common: &Common, kind: DatasetKind) -> Result<PathBuf> {
	match &common.data_dir {
		Some(d) => Ok(d.clone()),
		None => Ok(kind.default_dir()?),
	}
}

pub(crate) fn make_worker(topology: Topology, common: &Common, arch: Arch, full: bool) -> Result<Worker> {
	let device = parse_device(&common.device)?;
	let dir = data_dir(common, topology.dataset)?;
	tracing::info!(dataset = topology.dataset.name(), dir = %dir.display(), device = %device_name(device), "loading data");
	Worker::new(topology, &dir, device, arch, full)
		.with_context(|| format!("loading data from {}", dir.display()))
}

pub(crate) fn cmd_train(a: TrainArgs) -> Result<()> {
	let topo = load_topology(&a.setup)?;
	let arch = topo.model;
	let full = a.setup.use_full_data(&topo, false);
	let mut worker = make_worker(topo, &a.common, arch, full)?;
	let stores = Stores::open(a.out.join("store"))?;
	let total = worker.topology.organic.map(|o| o.models).unwrap_or(worker.topology.models.len());
	let pb = bar(total, "train DAG");
	let manifest = worker.train_dag(&stores, full, |p| match p {
		Progress::Model(i, _, id) => {
			pb.set_position(i as u64);
			pb.set_message(id.to_string());
		}
		Progress::Epoch(e, loss) => pb.set_message(format!("epoch {} loss {loss:.3}", e + 1)),
	})?;
	pb.finish_and_clear();
	manifest.save(&a.out.join("manifest.json"))?;
	println!("| model | owner | refs | local test acc | CID |\n|---|---|---|---:|---|");
	for m in &manifest.models {
		println!(
			"| {} | {} | {} | {:.2}% | {} |",
			m.id,
			m.owner,
			m.refs.join(" "),
			m.local_test_accuracy * 100.0,
			m.cid
		);
	}
	println!("\nmanifest: {}", a.out.join("manifest.json").display());
	Ok(())
}

fn load_run(run: &Path) -> Result<DagManifest> {
	let path = run.join("manifest.json");
	DagManifest::load(&path)
		.with_context(|| format!("reading {} (run `blockful-worker train` first)", path.display()))
}

pub(crate) fn cmd_unlearn(a: UnlearnArgs) -> Result<()> {
	let mut manifest = load_run(&a.run)?;
	let mut topo = manifest.topology.clone();
	apply_request(&mut topo, &a.request)?;
	if topo.unlearning.backdoor != manifest.topology.unlearning.backdoor {
		bail!(
			"the run was trained with backdoor {:?}; a backdoor is planted when the DAG is trained, so `unlearn` keeps the run's (use `experiment --backdoor`)",
			manifest.topology.unlearning.backdoor
		);
	}
	let worker = make_worker(topo, &a.common, manifest.spec.arch, manifest.full_data)?;
	let stores = Stores::open(a.run.join("store"))?;
	let un = &worker.topology.unlearning;
	let req = UnlearnRequest {
		start_models: un.start_models.clone(),
		forget_classes: un.forget_classes.clone(),
	};
	let cfg = ParallelConfig { alpha: un.alpha, epsilon: un.epsilon };
	let pb = bar(manifest.models.len(), "unlearn");
	let on = |UnlearnEvent::Updated(u): UnlearnEvent<'_>| {
		pb.inc(1);
		pb.set_message(u.model_id.clone());
	};
	let outcome = match a.paradigm {
		Paradigm::Parallel => {
			worker.unlearn_parallel(&manifest, &stores, &req, cfg, crate::cli::repair_of(a.repair), on)?
		}
		Paradigm::Sequential => {
			if a.repair.is_some() {
				bail!("--repair applies to the parallel paradigm only");
			}
			worker.unlearn_sequential(&manifest, &stores, &req, on)?
		}
	};
	pb.finish_and_clear();
	if !a.dry_run {
		for u in &outcome.updates {
			stores.redact(&u.old_cid, &u.new_cid)?;
			let i = manifest.position(&u.model_id)?;
			manifest.models[i].cid = u.new_cid;
		}
		manifest.save(&a.run.join("manifest.json"))?;
	}
	let log = a.run.join(format!(
		"unlearning-{}.json",
		std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_secs()
	));
	std::fs::write(&log, serde_json::to_string_pretty(&outcome)?)?;
	println!("| model | start | old CID | new CID | ‖Δw‖ | latency s | work s |\n|---|:---:|---|---|---:|---:|---:|");
	for u in &outcome.updates {
		println!(
			"| {} | {} | {} | {} | {:.3} | {:.2} | {:.2} |",
			u.model_id,
			if u.is_start { "✓" } else { "" },
			u.old_cid,
			u.new_cid,
			u.update_norm,
			u.seconds,
			u.work
		);
	}
	for s in &outcome.skipped {
		println!("skipped {} (‖update‖ = {:.2e} ≤ ε)", s.model_id, s.update_norm);
	}
	println!(
		"\nlatency {:.2} s (critical path, owners and committee in parallel), work {:.2} s (every piece summed), wall {:.2} s; {}; log {}",
		outcome.latency_seconds,
		outcome.work_seconds,
		outcome.total_seconds,
		if a.dry_run {
			"dry run, nothing redacted"
		} else {
			"redacted in the live store, old versions archived"
		},
		log.display()
	);
	Ok(())
}

pub(crate) fn cmd_eval(a: EvalArgs) -> Result<()> {
	let manifest = load_run(&a.run)?;
	let mut topo = manifest.topology.clone();
	if let Some(f) = &a.forget {
		topo.unlearning.forget_classes = f.clone();
		topo.validate()?;
	}
	let worker = make_worker(topo, &a.common, manifest.spec.arch, manifest.full_data)?;
	let stores = Stores::open(a.run.join("store"))?;
	let un = &worker.topology.unlearning;
	let starts =
		un.start_models.iter().map(|s| manifest.position(s)).collect::<Result<Vec<_>, _>>()?;
	let forget = ForgetSet::for_request(&manifest, &worker.topology, &starts, &un.forget_classes)?;
	let sets = EvalSets::new(&worker.data, &forget, &worker.topology)?;
	let owner_of = |i: usize| worker.topology.user_index(&manifest.models[i].owner);
	let targets: Vec<(String, Cid, Option<usize>)> = match (&a.cid, &a.models) {
		(Some(c), _) => vec![(c.clone(), c.parse()?, None)],
		(None, Some(ids)) => ids
			.iter()
			.map(|id| {
				let i = manifest.position(id)?;
				Ok((id.clone(), manifest.models[i].cid, Some(owner_of(i)?)))
			})
			.collect::<Result<_>>()?,
		(None, None) => (0..manifest.models.len())
			.map(|i| {
				Ok((manifest.models[i].id.clone(), manifest.models[i].cid, Some(owner_of(i)?)))
			})
			.collect::<Result<_>>()?,
	};
	println!("forgotten classes {:?}\n\n| model | AD_f train | AD_r train | AD_f test | AD_r test (own classes) | AD_r test (all) | loss-threshold MIA AUC (uncalibrated) | CID |\n|---|---:|---:|---:|---:|---:|---:|---|", un.forget_classes);
	for (id, cid, owner) in targets {
		let w = stores.get_weights(&cid)?;
		let net = Net::with_weights(worker.spec, worker.device, &w)?;
		// A bare CID has no owner: the owner-dependent columns are then "–".
		let m = sets.evaluate(&net, owner.unwrap_or(usize::MAX))?;
		let owned = |v: f64| match owner {
			Some(_) => format!("{:.2}%", v * 100.0),
			None => "–".into(),
		};
		println!(
			"| {id} | {:.2}% | {} | {:.2}% | {} | {:.2}% | {:.3} | {cid} |",
			m.ad_f_train * 100.0,
			owned(m.ad_r_train),
			m.ad_f_test * 100.0,
			owned(m.ad_r_test),
			m.ad_r_test_all * 100.0,
			m.mia_auc
		);
	}
	Ok(())
}

pub(crate) fn cmd_experiment(a: ExperimentArgs) -> Result<()> {
	let started = Instant::now();
	let mut topo = load_topology(&a.setup)?;
	apply_request(&mut topo, &a.request)?;
	let arch = topo.model;
	let full = a.setup.use_full_data(&topo, a.protocol.quick);
	std::fs::create_dir_all(&a.out).with_context(|| format!("creating {}", a.out.display()))?;
	if a.seeds > 1 {
		return experiment_over_seeds(a, topo, full, started);
	}
	let mut worker = make_worker(topo, &a.common, arch, full)?;
	let mut bars = PhaseBars::default();
	let report = experiment::run(&mut worker, &a.out, a.protocol.options(full), |ev| {
		bars.on(ev)
	})?;
	bars.finish();
	println!("{}", report.markdown());
	println!(
		"report: {} (report.md, report.json, results.csv, *.svg); wall time {:.1} s",
		a.out.display(),
		started.elapsed().as_secs_f64()
	);
	Ok(())
}

/// `experiment --seeds N`: the whole experiment once per seed, then the verdicts on the
/// intervals over the seeds.
fn experiment_over_seeds(a: ExperimentArgs, topo: Topology, full: bool, started: Instant) -> Result<()> {
	let seeds: Vec<u64> = (0..a.seeds).map(|i| topo.seed.wrapping_add(i)).collect();
	let mut reports = Vec::with_capacity(seeds.len());
	for (i, &seed) in seeds.iter().enumerate() {
		eprintln!("[experiment] seed {seed} ({} of {})", i + 1, seeds.len());
		let mut t = topo.clone();
		t.seed = seed;
		let arch = t.model;
		let mut worker = make_worker(t, &a.common, arch, full)?;
		let out = a.out.join(format!("seed-{seed}"));
		std::fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;
		let mut bars = PhaseBars::default();
		reports.push(experiment::run(&mut worker, &out, a.protocol.options(full), |ev| bars.on(ev))?);
		bars.finish();
	}
	let study = blockful_ml::seeds::SeedStudy::of(&seeds, &reports)?;
	study.write(&a.out)?;
	println!("{}", study.markdown());
	println!(
		"report: {} (seeds.md, seeds.json; seed-<s>/ per seed); wall time {:.1} s",
		a.out.display(),
		started.elapsed().as_secs_f64()
	);
	Ok(())
}


/// `bench`: the ML micro-benchmarks, as a table (and JSON with `--json`).
pub(crate) fn cmd_bench(a: BenchArgs) -> Result<()> {
	let dir = std::env::temp_dir().join(format!("blockful-bench-kubo-{}", std::process::id()));
	let kubo = match a.ipfs {
		true => Some(blockful_ml::store::daemon::KuboDaemon::start(&dir).context("starting kubo for --ipfs")?),
		false => None,
	};
	let r = bench::run(a.models, a.params, a.store_params, a.repeats, a.nodes, kubo.as_ref().map(|k| k.api()))?;
	println!("{}", r.markdown());
	if let Some(p) = a.json {
		std::fs::write(&p, serde_json::to_string_pretty(&r)?)?;
	}
	Ok(())
}
