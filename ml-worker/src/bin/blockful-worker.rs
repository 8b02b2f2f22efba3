//! `blockful-worker`: train a model DAG, unlearn, evaluate, run the paper's experiment,
//! benchmark. All logic lives in the `blockful_ml_worker` library.

use anyhow::{bail, Context, Result};
use blockful_ml_worker::bench;
use blockful_ml_worker::data::DatasetKind;
use blockful_ml_worker::device::{device_name, parse_device};
use blockful_ml_worker::experiment::{self, ExperimentEvent};
use blockful_ml_worker::fl::{DagManifest, Progress, Worker};
use blockful_ml_worker::metrics::EvalSets;
use blockful_ml_worker::models::{Arch, Net};
use blockful_ml_worker::store::{Cid, Stores};
use blockful_ml_worker::topology::{StartMethod, Topology};
use blockful_ml_worker::unlearn::{ParallelConfig, UnlearnEvent, UnlearnRequest};
use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// BlockFUL ML worker: model-DAG federated learning and unlearning on libtorch.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Cli {
	/// libtorch intra-op threads. Default 1: the small models are dominated by per-op
	/// overhead, and OpenMP's spinning threads slow them down on a busy machine; raise it
	/// for ResNet18/MobileNetV2 on an idle multi-core CPU.
	#[arg(long, global = true, default_value_t = 1)]
	threads: i32,
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
	/// Train the models of a topology into a run directory (store + manifest.json).
	Train(TrainArgs),
	/// Unlearn classes from start models and every model that inherits from them.
	Unlearn(UnlearnArgs),
	/// Evaluate models of a run directory (accuracy on forgotten / retained classes).
	Eval(EvalArgs),
	/// Train, run sequential / parallel / parallel+repair unlearning, write a report.
	Experiment(ExperimentArgs),
	/// Micro-benchmarks: GA propagation vs memcpy, DP vs path enumeration, 1M-edge DP.
	Bench(BenchArgs),
	/// The main job: the experiment, then both paradigms through a BlockFUL chain
	/// (publish, request, redactions signed by the committee's off-chain workers, integrity
	/// check), with the cost table.
	Demo(DemoArgs),
}

#[derive(Args, Debug)]
struct DemoArgs {
	#[command(flatten)]
	setup: TrainSetup,
	#[command(flatten)]
	request: RequestArgs,
	#[command(flatten)]
	common: Common,
	/// WebSocket URL of a running node. Default: start `blockful-node --dev --tmp` and
	/// stop it at the end.
	#[arg(long)]
	url: Option<String>,
	/// The node binary to start when no --url is given (default: `blockful-node` beside
	/// this binary, then on PATH).
	#[arg(long)]
	node_bin: Option<PathBuf>,
	/// Report directory.
	#[arg(long, default_value = "blockful-demo")]
	out: PathBuf,
	/// Apply the repaired gradient-ascent models in the parallel task (default: the
	/// paper's plain gradient ascent).
	#[arg(long)]
	repair: bool,
	/// Account that funds the users' accounts. The worker holds no committee key and no
	/// trapdoor: the committee's nodes compute every collision.
	#[arg(long, default_value = "//Alice")]
	suri: String,
}

/// Where data comes from and where tensors live.
#[derive(Args, Debug, Clone)]
struct Common {
	/// Directory with the data set files (default for Fashion-MNIST:
	/// /usr/share/datasets/fashion-mnist).
	#[arg(long)]
	data_dir: Option<PathBuf>,
	/// auto, cpu, cuda or cuda:N.
	#[arg(long, default_value = "auto")]
	device: String,
}

/// What to train.
#[derive(Args, Debug, Clone)]
struct TrainSetup {
	/// A built-in topology name (fig4) or a TOML file.
	#[arg(long, default_value = "fig4")]
	topology: String,
	/// Override the topology's data set.
	#[arg(long, value_enum)]
	dataset: Option<DatasetKind>,
	/// Override the topology's architecture.
	#[arg(long, value_enum)]
	model: Option<Arch>,
	/// Use the whole data set (each class split among its holders) instead of the
	/// topology's per-user subset.
	#[arg(long)]
	full_data: bool,
	/// Override local training epochs.
	#[arg(long)]
	epochs: Option<usize>,
	/// Override the per-user training subset size.
	#[arg(long)]
	train_per_user: Option<usize>,
	/// Override the seed.
	#[arg(long)]
	seed: Option<u64>,
}

#[derive(Args, Debug)]
struct TrainArgs {
	#[command(flatten)]
	setup: TrainSetup,
	#[command(flatten)]
	common: Common,
	/// Run directory to create (store/live, store/archive, manifest.json).
	#[arg(long)]
	out: PathBuf,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Paradigm {
	/// Gradient ascent propagated along the DAG (eqs. 7-8); one consensus.
	Parallel,
	/// Re-training in topological order (eqs. 17-18); one consensus per model.
	Sequential,
}

/// Request overrides shared by `unlearn` and `experiment`.
#[derive(Args, Debug, Clone)]
struct RequestArgs {
	/// Start models (comma separated); default: the topology's.
	#[arg(long, value_delimiter = ',')]
	start: Option<Vec<String>>,
	/// Classes to forget (comma separated); default: the topology's.
	#[arg(long, value_delimiter = ',')]
	forget: Option<Vec<u8>>,
	/// Discount α.
	#[arg(long)]
	alpha: Option<f64>,
	/// Threshold ε.
	#[arg(long)]
	epsilon: Option<f64>,
	/// How start models are unlearned in the parallel paradigm.
	#[arg(long, value_enum)]
	start_method: Option<StartMethod>,
}

#[derive(Args, Debug)]
struct UnlearnArgs {
	/// Run directory written by `train`.
	#[arg(long)]
	run: PathBuf,
	/// Which paradigm.
	#[arg(long, value_enum, default_value = "parallel")]
	paradigm: Paradigm,
	/// Parallel only: repair retained accuracy after the propagation.
	#[arg(long)]
	repair: bool,
	/// Only stage the new versions in the live store; do not redact the old ones.
	#[arg(long)]
	dry_run: bool,
	#[command(flatten)]
	request: RequestArgs,
	#[command(flatten)]
	common: Common,
}

#[derive(Args, Debug)]
struct EvalArgs {
	/// Run directory written by `train`.
	#[arg(long)]
	run: PathBuf,
	/// Models to evaluate (comma separated ids); default: all.
	#[arg(long, value_delimiter = ',')]
	models: Option<Vec<String>>,
	/// Evaluate this CID instead (from the live or archive store).
	#[arg(long)]
	cid: Option<String>,
	/// Forgotten classes for the AD_f / AD_r split; default: the topology's.
	#[arg(long, value_delimiter = ',')]
	forget: Option<Vec<u8>>,
	#[command(flatten)]
	common: Common,
}

#[derive(Args, Debug)]
struct ExperimentArgs {
	#[command(flatten)]
	setup: TrainSetup,
	#[command(flatten)]
	request: RequestArgs,
	#[command(flatten)]
	common: Common,
	/// Report directory.
	#[arg(long, default_value = "blockful-report")]
	out: PathBuf,
}

#[derive(Args, Debug)]
struct BenchArgs {
	/// Models in the GA-propagation benchmark.
	#[arg(long, default_value_t = 64)]
	models: usize,
	/// Parameters per model in the GA-propagation benchmark (default: ResNet18 size).
	#[arg(long, default_value_t = 11_173_962)]
	params: usize,
	/// Nodes of the large DP benchmark DAG (~4 edges per node).
	#[arg(long, default_value_t = 250_000)]
	nodes: usize,
	/// Write the results as JSON here too.
	#[arg(long)]
	json: Option<PathBuf>,
}

fn bar(len: usize, what: &str) -> ProgressBar {
	let pb = ProgressBar::new(len as u64);
	pb.set_style(
		ProgressStyle::with_template("{prefix:>28} [{elapsed_precise}] {bar:30} {pos}/{len} {msg}")
			.unwrap_or_else(|_| ProgressStyle::default_bar()),
	);
	pb.set_prefix(what.to_string());
	pb
}

fn load_topology(setup: &TrainSetup) -> Result<Topology> {
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

fn apply_request(t: &mut Topology, r: &RequestArgs) -> Result<()> {
	if let Some(s) = &r.start {
		t.unlearning.start_models = s.clone();
		t.unlearning.report_models.clear();
	}
	if let Some(f) = &r.forget {
		t.unlearning.forget_classes = f.clone();
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

fn make_worker(topology: Topology, common: &Common, arch: Arch, full: bool) -> Result<Worker> {
	let device = parse_device(&common.device)?;
	let dir = data_dir(common, topology.dataset)?;
	tracing::info!(dataset = topology.dataset.name(), dir = %dir.display(), device = %device_name(device), "loading data");
	Worker::new(topology, &dir, device, arch, full)
		.with_context(|| format!("loading data from {}", dir.display()))
}

fn cmd_train(a: TrainArgs) -> Result<()> {
	let topo = load_topology(&a.setup)?;
	let arch = topo.model;
	let mut worker = make_worker(topo, &a.common, arch, a.setup.full_data)?;
	let stores = Stores::open(a.out.join("store"))?;
	let total = worker.topology.organic.map(|o| o.models).unwrap_or(worker.topology.models.len());
	let pb = bar(total, "train DAG");
	let manifest = worker.train_dag(&stores, a.setup.full_data, |p| match p {
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

fn cmd_unlearn(a: UnlearnArgs) -> Result<()> {
	let mut manifest = load_run(&a.run)?;
	let mut topo = manifest.topology.clone();
	apply_request(&mut topo, &a.request)?;
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
			worker.unlearn_parallel(&manifest, &stores, &req, cfg, a.repair, on)?
		}
		Paradigm::Sequential => {
			if a.repair {
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
	println!("| model | start | old CID | new CID | ‖Δw‖ | cumulative s |\n|---|:---:|---|---|---:|---:|");
	for u in &outcome.updates {
		println!(
			"| {} | {} | {} | {} | {:.3} | {:.2} |",
			u.model_id,
			if u.is_start { "✓" } else { "" },
			u.old_cid,
			u.new_cid,
			u.update_norm,
			u.seconds
		);
	}
	for s in &outcome.skipped {
		println!("skipped {} (‖update‖ = {:.2e} ≤ ε)", s.model_id, s.update_norm);
	}
	println!(
		"\ntotal {:.2} s; {}; log {}",
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

fn cmd_eval(a: EvalArgs) -> Result<()> {
	let manifest = load_run(&a.run)?;
	let mut topo = manifest.topology.clone();
	if let Some(f) = &a.forget {
		topo.unlearning.forget_classes = f.clone();
		topo.validate()?;
	}
	let worker = make_worker(topo, &a.common, manifest.spec.arch, manifest.full_data)?;
	let stores = Stores::open(a.run.join("store"))?;
	let un = &worker.topology.unlearning;
	let owners = un
		.start_models
		.iter()
		.map(|s| {
			let i = manifest.position(s)?;
			Ok(worker.topology.user_index(&manifest.models[i].owner)?)
		})
		.collect::<Result<Vec<_>>>()?;
	let sets = EvalSets::new(&worker.data, &owners, &un.forget_classes);
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
	println!("forgotten classes {:?}\n\n| model | AD_f train | AD_r train | AD_f test | AD_r test | MIA AUC | CID |\n|---|---:|---:|---:|---:|---:|---|", un.forget_classes);
	for (id, cid, owner) in targets {
		let w = stores.get_weights(&cid)?;
		let net = Net::with_weights(worker.spec, worker.device, &w)?;
		// A bare CID has no owner: AD_r (train) is then reported as 0.
		let m = sets.evaluate(&net, owner.unwrap_or(usize::MAX))?;
		println!(
			"| {id} | {:.2}% | {:.2}% | {:.2}% | {:.2}% | {:.3} | {cid} |",
			m.ad_f_train * 100.0,
			m.ad_r_train * 100.0,
			m.ad_f_test * 100.0,
			m.ad_r_test * 100.0,
			m.mia_auc
		);
	}
	Ok(())
}

fn cmd_experiment(a: ExperimentArgs) -> Result<()> {
	let started = Instant::now();
	let mut topo = load_topology(&a.setup)?;
	apply_request(&mut topo, &a.request)?;
	let arch = topo.model;
	let mut worker = make_worker(topo, &a.common, arch, a.setup.full_data)?;
	std::fs::create_dir_all(&a.out).with_context(|| format!("creating {}", a.out.display()))?;
	let mut pb: Option<ProgressBar> = None;
	let report = experiment::run(&mut worker, &a.out, a.setup.full_data, |ev| match ev {
		ExperimentEvent::Phase(name, n) => {
			if let Some(p) = pb.take() {
				p.finish();
			}
			pb = Some(bar(n, name));
		}
		ExperimentEvent::Step(msg) => {
			if let Some(p) = &pb {
				p.inc(1);
				p.set_message(msg.to_string());
			}
		}
	})?;
	if let Some(p) = pb.take() {
		p.finish();
	}
	println!("{}", report.markdown());
	println!(
		"report: {} (report.md, report.json, results.csv, *.svg); wall time {:.1} s",
		a.out.display(),
		started.elapsed().as_secs_f64()
	);
	Ok(())
}

/// A node this process started; killed when dropped.
struct NodeProcess {
	child: std::process::Child,
	log: PathBuf,
}

impl Drop for NodeProcess {
	fn drop(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
	}
}

fn free_port() -> Result<u16> {
	Ok(std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

fn node_binary(explicit: Option<PathBuf>) -> Result<PathBuf> {
	if let Some(p) = explicit {
		return Ok(p);
	}
	if let Some(dir) = std::env::current_exe().ok().and_then(|e| e.parent().map(Path::to_path_buf)) {
		for candidate in [dir.join("blockful-node"), dir.join("../blockful-node")] {
			if candidate.is_file() {
				return Ok(candidate);
			}
		}
	}
	Ok(PathBuf::from("blockful-node"))
}

fn start_node(bin: &Path, out: &Path) -> Result<(NodeProcess, String)> {
	let rpc = free_port()?;
	let p2p = free_port()?;
	let log = out.join("node.log");
	let file = std::fs::File::create(&log).with_context(|| format!("creating {}", log.display()))?;
	let child = std::process::Command::new(bin)
		.args(["--dev", "--tmp", "--no-telemetry", "--no-prometheus", "--no-mdns", "--rpc-port"])
		.arg(rpc.to_string())
		.arg("--port")
		.arg(p2p.to_string())
		.stdout(std::process::Stdio::null())
		.stderr(file)
		.spawn()
		.with_context(|| {
			format!("starting {} (build it with `cargo build -p blockful-node`, or pass --url)", bin.display())
		})?;
	Ok((NodeProcess { child, log }, format!("ws://127.0.0.1:{rpc}")))
}

fn cmd_demo(a: DemoArgs) -> Result<()> {
	use blockful_ml_worker::{chain::Chain, chainflow};
	let started = Instant::now();
	std::fs::create_dir_all(&a.out).with_context(|| format!("creating {}", a.out.display()))?;
	let rt = tokio::runtime::Runtime::new()?;
	let parse_key = |uri: &str| -> Result<subxt_signer::sr25519::Keypair> {
		let u: subxt_signer::SecretUri = uri.parse().map_err(|e| anyhow::anyhow!("{uri}: {e}"))?;
		subxt_signer::sr25519::Keypair::from_uri(&u).map_err(|e| anyhow::anyhow!("{uri}: {e}"))
	};
	let funder = parse_key(&a.suri)?;

	// The node first, so that a missing node fails before minutes of training.
	let (node, url) = match &a.url {
		Some(u) => (None, u.clone()),
		None => {
			let bin = node_binary(a.node_bin.clone())?;
			println!("[demo] starting {} --dev", bin.display());
			let (n, u) = start_node(&bin, &a.out)?;
			(Some(n), u)
		}
	};
	let chain: Chain = rt
		.block_on(chainflow::connect_with_retry(&url, std::time::Duration::from_secs(180)))
		.with_context(|| match &node {
			Some(n) => format!("the node did not come up; its log is {}", n.log.display()),
			None => format!("no node at {url}"),
		})?;
	println!("[demo] connected to {url}");

	let mut topo = load_topology(&a.setup)?;
	apply_request(&mut topo, &a.request)?;
	let arch = topo.model;
	let mut worker = make_worker(topo, &a.common, arch, a.setup.full_data)?;
	let mut pb: Option<ProgressBar> = None;
	let run = experiment::run_full(&mut worker, &a.out, a.setup.full_data, |ev| match ev {
		ExperimentEvent::Phase(name, n) => {
			if let Some(p) = pb.take() {
				p.finish();
			}
			pb = Some(bar(n, name));
		}
		ExperimentEvent::Step(msg) => {
			if let Some(p) = &pb {
				p.inc(1);
				p.set_message(msg.to_string());
			}
		}
	})?;
	if let Some(p) = pb.take() {
		p.finish();
	}
	let signers = chainflow::Signers { funder, account_prefix: "//Alice//blockful".into() };
	let parallel = if a.repair { &run.repaired } else { &run.parallel };
	let chain_report = rt.block_on(chainflow::run(
		&chain,
		&run.manifest,
		&run.stores,
		parallel,
		&run.sequential,
		&signers,
		&a.out.join("chain"),
		|msg| println!("[chain] {msg}"),
	))?;

	// report.json gains the chain section; chain.md holds the cost tables.
	let json_path = a.out.join("report.json");
	let mut json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json_path)?)?;
	json["chain"] = serde_json::to_value(&chain_report)?;
	json["chain"]["parallel_method"] = serde_json::json!(if a.repair { "ga_repair" } else { "ga" });
	std::fs::write(&json_path, serde_json::to_string_pretty(&json)?)?;
	let costs = chainflow::cost_table(&chain_report);
	let chain_md = format!(
		"# Chain costs\n\nNode: {url}\n\nEvery collision was computed by the committee's \
		 off-chain workers (t-of-n threshold signing); this worker holds no trapdoor and no \
		 committee key.\n\n{costs}\n\
		 Chain intact after both tasks (`blockful_verifyLiveChain`): {}\n",
		chain_report.verify_ok
	);
	std::fs::write(a.out.join("chain.md"), &chain_md)?;
	println!("{}", run.report.markdown());
	println!("{chain_md}");
	drop(node);
	if !chain_report.verify_ok {
		bail!("the live chain did not verify after unlearning; see {}", json_path.display());
	}
	println!(
		"report: {} (report.md, chain.md, report.json, results.csv, *.svg); wall time {:.1} s",
		a.out.display(),
		started.elapsed().as_secs_f64()
	);
	Ok(())
}

fn main() -> Result<()> {
	tracing_subscriber::fmt()
		.with_env_filter(
			tracing_subscriber::EnvFilter::try_from_default_env()
				.unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
		)
		.with_writer(std::io::stderr)
		.init();
	let cli = Cli::parse();
	if cli.threads < 1 {
		bail!("--threads must be at least 1");
	}
	tch::set_num_threads(cli.threads);
	match cli.command {
		Command::Train(a) => cmd_train(a),
		Command::Unlearn(a) => cmd_unlearn(a),
		Command::Eval(a) => cmd_eval(a),
		Command::Experiment(a) => cmd_experiment(a),
		Command::Demo(a) => cmd_demo(a),
		Command::Bench(a) => {
			let r = bench::run(a.models, a.params, a.nodes)?;
			println!("{}", r.markdown());
			if let Some(p) = a.json {
				std::fs::write(&p, serde_json::to_string_pretty(&r)?)?;
			}
			Ok(())
		}
	}
}
