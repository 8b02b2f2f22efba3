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
	let (train, test) = topo.dataset.load(&dir).with_context(|| format!("loading data from {}", dir.display()))?;
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

