//! `demo`, the main job: the experiment, then both paradigms through a BlockFUL node
//! (started here as `blockful-node --dev` unless `--url` names one), with the cost table.

use anyhow::{bail, Context, Result};
use blockful_chain_client::{connect_with_retry, keypair, Chain};
use blockful_ml::experiment;
use blockful_worker::flow;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::cli::{DemoArgs, RepairArg};
use crate::commands::{apply_request, load_topology, make_worker, PhaseBars};

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

pub(crate) fn cmd_demo(a: DemoArgs) -> Result<()> {
	let started = Instant::now();
	std::fs::create_dir_all(&a.out).with_context(|| format!("creating {}", a.out.display()))?;
	let rt = tokio::runtime::Runtime::new()?;
	let funder = keypair(&a.suri)?;
	// The node and the stores first, so that a missing one fails before minutes of training.
	let (node, url, chain) = start_or_connect(&a, &rt)?;
	let stores = flow::ChainStores { live: a.store.clone(), archive: a.archive_store.clone() };
	check_stores(&stores)?;
	let run = run_experiment(&a)?;
	let signers = flow::Signers { funder, account_prefix: "//Alice//blockful".into() };
	let parallel = match a.repair {
		None => &run.parallel,
		Some(RepairArg::Starts) => &run.repaired_starts,
		Some(RepairArg::All) => &run.repaired,
	};
	let chain_report = rt.block_on(flow::run(
		&chain,
		&run.manifest,
		&run.stores,
		parallel,
		&run.sequential,
		&signers,
		&stores,
		&a.out.join("chain"),
		|msg| println!("[chain] {msg}"),
	))?;
	let chain_md = write_chain_report(&a, &url, &chain_report)?;
	println!("{}", run.report.markdown());
	println!("{chain_md}");
	if !a.skip_consortium {
		let funder = keypair(&a.suri)?;
		let consortium = crate::consortium::run_consortium(&a, &rt, &chain, &url, &funder)?;
		let md = crate::consortium::consortium_markdown(&consortium);
		std::fs::write(a.out.join("consortium.md"), &md)?;
		let json_path = a.out.join("report.json");
		let mut json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json_path)?)?;
		json["consortium"] = serde_json::to_value(&consortium)?;
		std::fs::write(&json_path, serde_json::to_string_pretty(&json)?)?;
		println!("{md}");
		if !consortium.verify_ok || consortium.requests.iter().any(|r| r.status != "Completed") {
			bail!("the consortium run did not complete every request; see {}", a.out.join("consortium").display());
		}
	}
	drop(node);
	if !chain_report.verify_ok {
		bail!("the live chain did not verify after unlearning; see {}", a.out.join("report.json").display());
	}
	println!(
		"report: {} (report.md, chain.md, report.json, results.csv, *.svg); wall time {:.1} s",
		a.out.display(),
		started.elapsed().as_secs_f64()
	);
	Ok(())
}

/// Opens the configured stores once (an IPFS daemon that is down, or live and archive on
/// one node, is refused here).
fn check_stores(stores: &flow::ChainStores) -> Result<()> {
	for (location, label) in [(&stores.live, "live"), (&stores.archive, "archive")] {
		if let Some(l) = location {
			blockful_ml::store::ModelStore::at(l, label).with_context(|| format!("the {label} store {l}"))?;
			println!("[demo] {label} store: {l}");
		}
	}
	if let (Some(l), Some(a)) = (&stores.live, &stores.archive) {
		blockful_ml::store::Stores::at(l, a)?;
	}
	Ok(())
}

/// Starts `blockful-node --dev` (unless `--url` names a node) and connects to it.
fn start_or_connect(
	a: &DemoArgs,
	rt: &tokio::runtime::Runtime,
) -> Result<(Option<NodeProcess>, String, Chain)> {
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
		.block_on(connect_with_retry(&url, std::time::Duration::from_secs(180)))
		.with_context(|| match &node {
			Some(n) => format!("the node did not come up; its log is {}", n.log.display()),
			None => format!("no node at {url}"),
		})?;
	println!("[demo] connected to {url}");
	Ok((node, url, chain))
}

/// The ML side: train the DAG, unlearn with every method, evaluate (progress bars).
fn run_experiment(a: &DemoArgs) -> Result<experiment::ExperimentRun> {
	let mut topo = load_topology(&a.setup)?;
	apply_request(&mut topo, &a.request)?;
	let arch = topo.model;
	let full = a.setup.use_full_data(&topo, a.protocol.quick);
	let mut worker = make_worker(topo, &a.common, arch, full)?;
	let mut bars = PhaseBars::default();
	let opts = a.protocol.options(full);
	let run = experiment::run_full(&mut worker, &a.out, opts, |ev| bars.on(ev))?;
	bars.finish();
	Ok(run)
}

/// Adds the chain section to `report.json` and writes `chain.md` (returned).
fn write_chain_report(a: &DemoArgs, url: &str, chain_report: &flow::ChainReport) -> Result<String> {
	let json_path = a.out.join("report.json");
	let mut json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json_path)?)?;
	json["chain"] = serde_json::to_value(chain_report)?;
	json["chain"]["parallel_method"] = serde_json::json!(match a.repair {
		None => "ga",
		Some(RepairArg::Starts) => "ga_repair_starts",
		Some(RepairArg::All) => "ga_repair",
	});
	std::fs::write(&json_path, serde_json::to_string_pretty(&json)?)?;
	let costs = flow::cost_table(chain_report);
	let chain_md = format!(
		"# Chain costs\n\nNode: {url}\n\nEvery collision was computed by the committee's \
		 off-chain workers (t-of-n threshold signing); this worker holds no trapdoor and no \
		 committee key.\n\n{costs}\n\
		 Chain intact after both tasks (`blockful_verifyLiveChain`): {}\n",
		chain_report.verify_ok
	);
	std::fs::write(a.out.join("chain.md"), &chain_md)?;
	Ok(chain_md)
}
