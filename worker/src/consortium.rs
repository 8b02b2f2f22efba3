//! `partition` and `participant`: the consortium's commands, one process per owner.

use anyhow::{Context, Result};
use blockful_chain_client::{keypair, AccountId32, Paradigm};
use blockful_ml::fl::FederatedData;
use blockful_ml::owner::Owner;
use blockful_ml::shard::Shard;
use blockful_ml::store::Stores;
use blockful_ml::topology::Topology;
use blockful_worker::participant::{Participant, ParticipantError, Setup};
use std::collections::BTreeMap;
use std::time::Duration;

use crate::cli::{ParadigmArg, ParticipantArgs, PartitionArgs};
use crate::commands::load_topology;

/// Splits the topology's data set into one shard per user under `--out`.
pub(crate) fn cmd_partition(a: PartitionArgs) -> Result<()> {
	let topo = load_topology(&a.setup)?;
	let full = a.setup.use_full_data(&topo, a.quick);
	let dir = match &a.common.data_dir {
		Some(d) => d.clone(),
		None => topo.dataset.default_dir()?,
	};
	let (train, test) = match &a.synthetic {
		Some(n) => match n.as_slice() {
			[train, test] => (blockful_ml::synthetic::synthetic(*train, 28, 1)?, blockful_ml::synthetic::synthetic(*test, 28, 2)?),
			_ => anyhow::bail!("--synthetic takes TRAIN,TEST (two sample counts)"),
		},
		None => topo.dataset.load(&dir).with_context(|| format!("loading data from {}", dir.display()))?,
	};
	let data = FederatedData::partition(topo.dataset, train, test, &topo, full)?;
	println!("| user | training samples | local test samples | shard |\n|---|---:|---:|---|");
	for shard in Shard::split(&data, &topo, full) {
		let at = Shard::dir_of(&a.out, &shard.info.user);
		shard.save(&at)?;
		println!("| {} | {} | {} | {} |", shard.info.user, shard.info.train, shard.info.test, at.display());
	}
	Ok(())
}

/// Exit codes of `participant`: 0 done, 1 other error, 2 bad configuration, 3 node
/// unreachable, 4 model store, 5 a chain refusal it cannot handle.
pub(crate) fn cmd_participant(a: ParticipantArgs) -> Result<()> {
	match participant(a) {
		Ok(()) => Ok(()),
		Err(e) => {
			eprintln!("participant: {e}");
			std::process::exit(e.exit_code());
		},
	}
}

fn config(what: impl std::fmt::Display) -> ParticipantError {
	ParticipantError::Config(what.to_string())
}

fn participant(a: ParticipantArgs) -> std::result::Result<(), ParticipantError> {
	let topology = Topology::load(&a.topology).map_err(config)?;
	let shard = Shard::load(&a.data).map_err(|e| config(format!("data {}: {e}", a.data.display())))?;
	let device = blockful_ml::device::parse_device(&a.device).map_err(config)?;
	let arch = topology.model;
	let owner = Owner::new(topology, &shard, device, arch).map_err(config)?;
	let suri = match a.suri.strip_prefix('@') {
		Some(file) => std::fs::read_to_string(file).map_err(|e| config(format!("key file {file}: {e}")))?.trim().to_string(),
		None => a.suri.clone(),
	};
	let signer = keypair(&suri).map_err(|e| config(format!("key: {e}")))?;
	let text = std::fs::read_to_string(&a.directory).map_err(|e| config(format!("directory {}: {e}", a.directory.display())))?;
	let named: BTreeMap<String, String> = serde_json::from_str(&text).map_err(|e| config(format!("directory {}: {e}", a.directory.display())))?;
	let mut directory = BTreeMap::new();
	for (user, account) in named {
		let id: AccountId32 = account.parse().map_err(|e| config(format!("directory: account of {user}: {e:?}")))?;
		directory.insert(user, id);
	}
	let stores = Stores::at(&a.store, &a.archive_store)?;
	let tasks = a.tasks.iter().map(|t| match t {
		ParadigmArg::Parallel => Paradigm::Parallel,
		ParadigmArg::Sequential => Paradigm::Sequential,
	});
	let setup = Setup {
		owner,
		signer,
		directory,
		stores,
		tasks: tasks.collect(),
		fallback: a.fallback,
		repair: a.repair,
		url: a.url.clone(),
		poll: Duration::from_millis(a.poll_ms.max(50)),
		log: a.log.clone().unwrap_or_else(|| a.data.join("participant.json")),
		exit_when_done: a.exit_when_done,
		reconnect: Duration::from_secs(a.reconnect_s),
	};
	let rt = tokio::runtime::Runtime::new().map_err(config)?;
	rt.block_on(async { Participant::start(setup).await?.run().await })?;
	Ok(())
}


/// One participant's figures in the demo's consortium run.
#[derive(Clone, Debug, serde::Serialize)]
pub(crate) struct ParticipantFigures {
	/// User.
	pub(crate) user: String,
	/// Models it trained and published.
	pub(crate) models: usize,
	/// Updates it submitted.
	pub(crate) updates: usize,
	/// Seconds of ML compute (training + its updates), measured in the process.
	pub(crate) compute_seconds: f64,
	/// Peak resident memory of the process (KiB, `VmHWM`).
	pub(crate) peak_rss_kib: u64,
}

/// One request of the consortium run, timed by block timestamps.
#[derive(Clone, Debug, serde::Serialize)]
pub(crate) struct RequestFigures {
	/// Request id.
	pub(crate) id: u64,
	/// Who filed it.
	pub(crate) requester: String,
	/// `parallel` or `sequential`.
	pub(crate) paradigm: String,
	/// Final status.
	pub(crate) status: String,
	/// Affected models.
	pub(crate) affected: usize,
	/// Consensus rounds.
	pub(crate) rounds: u32,
	/// Blocks from filing to completion (waiting behind an overlapping request included).
	pub(crate) blocks: u64,
	/// Seconds from filing to completion (block timestamps).
	pub(crate) seconds: f64,
	/// Blocks from activation (it held its models) to completion.
	pub(crate) active_blocks: u64,
	/// Seconds from activation to completion (block timestamps).
	pub(crate) active_seconds: f64,
}

/// What the demo's consortium run measured.
#[derive(Clone, Debug, serde::Serialize)]
pub(crate) struct ConsortiumReport {
	/// One entry per participant process.
	pub(crate) participants: Vec<ParticipantFigures>,
	/// The requests the start owners filed.
	pub(crate) requests: Vec<RequestFigures>,
	/// Seconds from starting the processes until the last one exited.
	pub(crate) wall_seconds: f64,
	/// Whether the live chain verified afterwards.
	pub(crate) verify_ok: bool,
}

/// The demo's consortium: one `participant` process per user of the topology against the
/// demo's node, each with only its own shard and key, both paradigms (one DAG copy each),
/// until every request finished. Returns the measured figures.
pub(crate) fn run_consortium(
	a: &crate::cli::DemoArgs,
	rt: &tokio::runtime::Runtime,
	chain: &blockful_chain_client::Chain,
	url: &str,
	funder: &blockful_chain_client::Keypair,
) -> Result<ConsortiumReport> {
	use anyhow::bail;
	let out = a.out.join("consortium");
	let _ = std::fs::remove_dir_all(&out);
	std::fs::create_dir_all(&out)?;
	let topo = load_topology(&a.setup)?;
	let mut topo_req = topo.clone();
	crate::commands::apply_request(&mut topo_req, &a.request)?;
	let topology_file = out.join("topology.toml");
	std::fs::write(&topology_file, topo_req.to_toml()?)?;
	// Each user's shard, as the experiment partitioned the data.
	let full = a.setup.use_full_data(&topo_req, a.protocol.quick);
	let dir = match &a.common.data_dir {
		Some(d) => d.clone(),
		None => topo_req.dataset.default_dir()?,
	};
	let (train, test) = topo_req.dataset.load(&dir)?;
	let data = FederatedData::partition(topo_req.dataset, train, test, &topo_req, full)?;
	for shard in Shard::split(&data, &topo_req, full) {
		shard.save(&Shard::dir_of(&out.join("shards"), &shard.info.user))?;
	}
	drop(data);
	// Accounts: one per user, named in the directory every participant reads.
	let suri = |u: &str| format!("//Alice//consortium//{u}");
	let keys: Vec<(String, blockful_chain_client::Keypair)> =
		topo_req.users.iter().map(|u| Ok((u.id.clone(), keypair(&suri(&u.id))?))).collect::<Result<_>>()?;
	let directory: BTreeMap<&str, String> =
		keys.iter().map(|(u, k)| (u.as_str(), AccountId32::from(k.public_key()).to_string())).collect();
	std::fs::write(out.join("directory.json"), serde_json::to_string_pretty(&directory)?)?;
	let refs: Vec<&blockful_chain_client::Keypair> = keys.iter().map(|(_, k)| k).collect();
	rt.block_on(chain.fund(funder, &refs, 1_000_000_000_000_000))?;
	let live = a.store.clone().map_or(format!("dir={}", out.join("live").display()), |s| s.to_string());
	let archive = a.archive_store.clone().map_or(format!("dir={}", out.join("archive").display()), |s| s.to_string());
	let exe = std::env::current_exe()?;
	println!("[consortium] {} participant processes, one per user, against {url}", keys.len());
	let started = std::time::Instant::now();
	let mut children = Vec::new();
	for (user, _) in &keys {
		let log = std::fs::File::create(out.join(format!("{user}.out")))?;
		let child = std::process::Command::new(&exe)
			.args(["--threads", "1", "participant", "--topology"])
			.arg(&topology_file)
			.arg("--data")
			.arg(Shard::dir_of(&out.join("shards"), user))
			.args(["--suri", &suri(user), "--url", url, "--store", &live, "--archive-store", &archive])
			.arg("--directory")
			.arg(out.join("directory.json"))
			.arg("--log")
			.arg(out.join(format!("{user}.json")))
			.args(["--tasks", "parallel,sequential", "--exit-when-done", "--device", &a.common.device])
			.stdout(log.try_clone()?)
			.stderr(log)
			.spawn()
			.with_context(|| format!("starting the participant of {user} ({})", exe.display()))?;
		children.push((user.clone(), ChildGuard(child)));
	}
	let deadline = std::time::Duration::from_secs(3600);
	for (user, child) in children.iter_mut() {
		loop {
			if let Some(status) = child.0.try_wait()? {
				if !status.success() {
					bail!("participant {user} failed ({status}); see {}", out.join(format!("{user}.out")).display());
				}
				break;
			}
			if started.elapsed() > deadline {
				bail!("the consortium did not finish within {deadline:?}; see {}", out.display());
			}
			std::thread::sleep(std::time::Duration::from_millis(500));
		}
	}
	let wall_seconds = started.elapsed().as_secs_f64();
	let mut participants = Vec::new();
	let mut filed = Vec::new();
	for (user, _) in &keys {
		let text = std::fs::read_to_string(out.join(format!("{user}.json")))?;
		let log: blockful_worker::participant::Log = serde_json::from_str(&text)?;
		filed.extend(log.filed.iter().map(|(id, _)| (*id, user.clone())));
		participants.push(ParticipantFigures {
			user: user.clone(),
			models: log.published.len(),
			updates: log.submitted.len(),
			compute_seconds: log.compute_seconds(),
			peak_rss_kib: log.peak_rss_kib,
		});
	}
	filed.sort();
	let mut requests = Vec::new();
	for (id, requester) in filed {
		let r = rt.block_on(chain.request(id))?.ok_or_else(|| anyhow::anyhow!("request {id} vanished"))?;
		let paradigm = rt.block_on(chain.finalized())?;
		let kind = rt.block_on(paradigm.request(id))?.map_or("?".into(), |v| v.paradigm.label().to_string());
		let end = r.completed.unwrap_or(r.created);
		let activated = r.activated.unwrap_or(r.created);
		let ts = |n: u64| rt.block_on(chain.timestamp(n));
		let (t0, t1, t2) = (ts(r.created)?, ts(activated)?, ts(end)?);
		requests.push(RequestFigures {
			id,
			requester,
			paradigm: kind,
			status: r.status.clone(),
			affected: r.affected.len(),
			rounds: r.rounds,
			blocks: end.saturating_sub(r.created),
			seconds: t2.saturating_sub(t0) as f64 / 1e3,
			active_blocks: end.saturating_sub(activated),
			active_seconds: t2.saturating_sub(t1) as f64 / 1e3,
		});
	}
	let verify_ok = rt.block_on(chain.live_chain_intact())?;
	Ok(ConsortiumReport { participants, requests, wall_seconds, verify_ok })
}

/// A child process killed when dropped.
struct ChildGuard(std::process::Child);

impl Drop for ChildGuard {
	fn drop(&mut self) {
		let _ = self.0.kill();
		let _ = self.0.wait();
	}
}

/// The consortium section of the demo's report (markdown).
pub(crate) fn consortium_markdown(r: &ConsortiumReport) -> String {
	let mut s = String::from(
		"# Consortium: one process per owner\n\n\
		 Every user ran its own `blockful-worker participant` with only its data shard and key; \
		 the requesters filed their requests, every owner submitted its own models' updates, the \
		 committee applied them. Times measured on this protocol: latency by block timestamps, \
		 compute inside each process.\n\n\
		 | request | requester | paradigm | status | affected | rounds | filed → completed | active → completed |\n\
		 |---:|---|---|---|---:|---:|---:|---:|\n",
	);
	for q in &r.requests {
		s.push_str(&format!(
			"| {} | {} | {} | {} | {} | {} | {} blocks / {:.1} s | {} blocks / {:.1} s |\n",
			q.id, q.requester, q.paradigm, q.status, q.affected, q.rounds, q.blocks, q.seconds, q.active_blocks, q.active_seconds
		));
	}
	s.push_str("\n| participant | models | updates | compute (s) | peak memory (MiB) |\n|---|---:|---:|---:|---:|\n");
	for p in &r.participants {
		s.push_str(&format!(
			"| {} | {} | {} | {:.1} | {:.0} |\n",
			p.user, p.models, p.updates, p.compute_seconds, p.peak_rss_kib as f64 / 1024.0
		));
	}
	s.push_str(&format!(
		"\nWall time of the consortium run: {:.1} s. Chain intact afterwards: {}.\n",
		r.wall_seconds, r.verify_ok
	));
	s
}
