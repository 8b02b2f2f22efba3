//! The whole BlockFUL flow against a real `blockful-node --dev`: a tiny DAG (4 models, small
//! CNN, synthetic data) is trained and unlearned by the worker, published on chain, and
//! both paradigms are applied through redactions that the node's committee members sign in
//! their off-chain workers (the worker holds no trapdoor and no committee key); afterwards
//! the live chain must verify, the archive must hold every version and the request must
//! record its consensus rounds.
//! Then the bad inputs: each must be refused with a clear message and change nothing.
//!
//! All scenarios share one node (starting one costs tens of seconds here); it is killed
//! when the guard drops, also when an assertion fails.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use blockful_chameleon::{dev_public_key, ChPublicKey};
use blockful_chain_client::{connect_with_retry, throughput::label_uri, Chain, ChainError, Paradigm};
use blockful_ml::experiment::{self, ExperimentRun};
use blockful_ml::fl::Worker;
use blockful_ml::models::Arch;
use blockful_ml::synthetic::{synthetic, TINY};
use blockful_ml::topology::Topology;
use blockful_ml::Device;
use blockful_ml::store::daemon::KuboDaemon;
use blockful_ml::store::{Cid, ModelStore, StoreLocation};
use blockful_worker::flow::{self as chainflow, ChainStores, FlowError, Signers};
use subxt_signer::sr25519::dev;

struct NodeGuard(Child);

impl Drop for NodeGuard {
	fn drop(&mut self) {
		let _ = self.0.kill();
		let _ = self.0.wait();
	}
}

/// `blockful-node` from the same target directory as this test (cargo builds it for the
/// node's own tests in the same `cargo test --workspace`), or `BLOCKFUL_NODE`.
fn node_binary() -> PathBuf {
	if let Ok(p) = std::env::var("BLOCKFUL_NODE") {
		return PathBuf::from(p);
	}
	let exe = std::env::current_exe().expect("test exe path");
	let dir = exe.parent().and_then(|d| d.parent()).expect("target/<profile>");
	let bin = dir.join("blockful-node");
	assert!(
		bin.is_file(),
		"{} does not exist: build the node first (`cargo build -p blockful-node`) or set BLOCKFUL_NODE",
		bin.display()
	);
	bin
}

fn start_node() -> (NodeGuard, String) {
	let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
	let p2p = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
	let child = Command::new(node_binary())
		.args(["--dev", "--tmp", "--no-telemetry", "--no-prometheus", "--no-mdns", "--rpc-port"])
		.arg(port.to_string())
		.arg("--port")
		.arg(p2p.to_string())
		.stdout(Stdio::null())
		.stderr(Stdio::null())
		.spawn()
		.expect("start blockful-node");
	(NodeGuard(child), format!("ws://127.0.0.1:{port}"))
}

fn tiny_run(dir: &std::path::Path) -> ExperimentRun {
	tiny_run_of(dir, TINY)
}

fn tiny_run_of(dir: &std::path::Path, topology: &str) -> ExperimentRun {
	blockful_ml::device::set_threads(1);
	let topo = Topology::from_toml(topology).unwrap();
	let mut worker = Worker::from_datasets(
		topo,
		synthetic(2000, 12, 1).unwrap(),
		synthetic(600, 12, 2).unwrap(),
		Device::Cpu,
		Arch::SmallCnn,
		false,
	)
	.unwrap();
	experiment::run_full(&mut worker, dir, experiment::Options::quick(false), |_| {}).unwrap()
}

fn signers(prefix: &str) -> Signers {
	Signers { funder: dev::alice(), account_prefix: prefix.into() }
}

#[test]
fn both_paradigms_through_the_chain_and_bad_inputs_change_nothing() {
	let rt = tokio::runtime::Runtime::new().unwrap();
	let dir = tempfile::tempdir().unwrap();

	// Refused when no node answers.
	let err = rt.block_on(Chain::connect("ws://127.0.0.1:1")).err().expect("no node on port 1");
	assert!(matches!(err, ChainError::Unreachable { .. }), "{err}");
	assert!(err.to_string().contains("cannot reach the node"), "{err}");

	let (_node, url) = start_node();
	let run = tiny_run(&dir.path().join("exp"));
	let chain = rt
		.block_on(connect_with_retry(&url, Duration::from_secs(180)))
		.expect("the dev node answers");
	let next_tx = |chain: &Chain| rt.block_on(chain.next_tx_id()).unwrap();
	let before = next_tx(&chain);

	// Bad input: a request without start models.
	let mut empty = run.manifest.clone();
	empty.topology.unlearning.start_models.clear();
	let err = rt
		.block_on(chainflow::run(
			&chain, &empty, &run.stores, &run.parallel, &run.sequential,
			&signers("//Alice//t3"), &Default::default(), &dir.path().join("c3"), |_| {},
		))
		.expect_err("an empty request is refused");
	assert!(err.to_string().contains("no start models"), "{err}");
	assert_eq!(next_tx(&chain), before);

	// Bad input: a corrupted model file in the store.
	let victim = run.parallel.updates.last().expect("an update").new_cid;
	let path = run.stores.live.local_path(&victim).unwrap();
	let good = std::fs::read(&path).unwrap();
	let mut bad = good.clone();
	let mid = bad.len() / 2;
	bad[mid] ^= 0xff;
	std::fs::write(&path, &bad).unwrap();
	let err = rt
		.block_on(chainflow::run(
			&chain, &run.manifest, &run.stores, &run.parallel, &run.sequential,
			&signers("//Alice//t4"), &Default::default(), &dir.path().join("c4"), |_| {},
		))
		.expect_err("a corrupted model is refused");
	assert!(matches!(err, FlowError::Ml(_)), "{err}");
	assert_eq!(next_tx(&chain), before, "nothing was published");
	std::fs::write(&path, &good).unwrap();

	// The real flow.
	let report = rt
		.block_on(chainflow::run(
			&chain, &run.manifest, &run.stores, &run.parallel, &run.sequential,
			&signers("//Alice//ok"), &Default::default(), &dir.path().join("chain"),
			|m| eprintln!("[chain] {m}"),
		))
		.expect("the flow succeeds");
	assert!(report.verify_ok, "the live chain verifies after both tasks");
	assert_eq!(report.published, 8, "two copies of the 4-model DAG");
	let p = &report.parallel;
	assert_eq!(p.status, "Completed");
	assert_eq!(p.rounds, 1, "parallel takes one consensus round");
	assert_eq!(p.affected.len(), 3, "a2 and its descendants a3, a4");
	assert!(p.models_updated >= 1 && p.models_updated + p.models_skipped == 3);
	assert!(p.lineage_ok && p.live_store_ok && p.verify_ok, "{p:?}");
	let s = &report.sequential;
	assert_eq!(s.status, "Completed");
	assert_eq!(s.rounds as usize, s.models_updated, "sequential takes one round per model");
	assert_eq!(s.models_updated, 3);
	assert!(s.lineage_ok && s.live_store_ok && s.verify_ok, "{s:?}");
	assert!(p.round1_seconds > 0.0 && p.c_con_seconds >= p.round1_seconds && p.c_tran_bytes > 0);
	assert!(p.apply_weight_ref_time > 0, "the applying message was charged");
	assert_eq!(p.attempts, 1, "nothing restarted with all members online");
	assert_eq!(p.collisions, p.models_updated + p.blocks_touched);

	// The chain's key is the committee's DKG key: the public dev trapdoor opens nothing.
	let key = ChPublicKey(rt.block_on(chain.ch_public_key()).unwrap());
	assert_ne!(key, dev_public_key());

	// The attack of the participants issue, on a real node: the requester tries to choose
	// the new version of a model it does not own. Refused (it is not the owner, and the
	// owners' window has not passed), nothing changes.
	let requester = blockful_chain_client::keypair("//Alice//ok//requester").unwrap();
	let request = rt
		.block_on(chain.file_request(&requester, &[p.affected[0]], &[1], Paradigm::Parallel))
		.expect("a new request on the unlearned start model");
	let victim = *request.request.affected.last().unwrap();
	let live = rt.block_on(chain.tx(victim)).unwrap().unwrap();
	assert_ne!(live.owner.0, requester.public_key().0, "the last affected model is another owner's");
	let err = rt
		.block_on(chain.submit_update(&requester, request.id, victim, Some(label_uri("not the owner's").into_bytes())))
		.expect_err("only the owner may submit its model's update");
	assert!(matches!(&err, ChainError::Rejected { .. }) && err.to_string().contains("FallbackTooEarly"), "{err}");
	// Nor can anyone have a redaction proposed before the owners answered.
	let err = rt
		.block_on(chain.propose_redaction(&dev::bob(), request.id))
		.expect_err("nothing to propose before the owners' updates");
	assert!(err.to_string().contains("UpdateMissing"), "{err}");
	let after = rt.block_on(chain.tx(victim)).unwrap().unwrap();
	assert_eq!((after.uri.clone(), after.version), (live.uri.clone(), live.version));
	let verify = rt.block_on(chain.verify_live_chain()).unwrap();
	assert_eq!(verify["ok"], serde_json::json!(true), "{verify}");

	// Sample-level withdrawal through the same chain path: a random 30 % of u2's samples,
	// filed as `request_sample_unlearning` with the commitment the unlearning computed
	// (the samples stay off chain); both paradigms complete as for a class.
	let samples = TINY.replace("forget_classes = [1]", "[unlearning.random_subset]\nfraction = 0.3");
	let sample_run = tiny_run_of(&dir.path().join("exp-samples"), &samples);
	let c = sample_run.parallel.withdrawn.expect("a sample-level outcome carries its commitment");
	assert_eq!(sample_run.sequential.withdrawn, Some(c), "one withdrawal, one commitment");
	let sample_report = rt
		.block_on(chainflow::run(
			&chain, &sample_run.manifest, &sample_run.stores, &sample_run.parallel, &sample_run.sequential,
			&signers("//Alice//samples"), &Default::default(), &dir.path().join("chain-samples"),
			|m| eprintln!("[chain/samples] {m}"),
		))
		.expect("a sample-level request completes");
	for task in [&sample_report.parallel, &sample_report.sequential] {
		assert_eq!(task.status, "Completed", "{task:?}");
		assert!(task.verify_ok && task.lineage_ok, "{task:?}");
		assert_eq!(
			rt.block_on(chain.sample_withdrawal(task.request)).unwrap(),
			Some((c.root, c.samples)),
			"the chain keeps the commitment"
		);
	}
	assert_eq!(sample_report.parallel.rounds, 1, "still one consensus");
	// A class request has no commitment.
	assert_eq!(rt.block_on(chain.sample_withdrawal(p.request)).unwrap(), None);
	// Bad input: an empty commitment is refused, nothing is filed.
	let err = rt
		.block_on(chain.request_sample_unlearning(&requester, &[p.affected[0]], [0; 32], 3, Paradigm::Parallel))
		.expect_err("a zero root commits to nothing");
	assert!(err.to_string().contains("EmptyWithdrawal"), "{err}");
	// The class-level flow refuses outcomes that carry a commitment (and the reverse).
	let err = rt
		.block_on(chainflow::run(
			&chain, &run.manifest, &run.stores, &sample_run.parallel, &sample_run.sequential,
			&signers("//Alice//mixed"), &Default::default(), &dir.path().join("chain-mixed"), |_| {},
		))
		.expect_err("a class request with a sample commitment is refused");
	assert!(err.to_string().contains("do not fit a by-class request"), "{err}");

	// The same flow with the live and the archive store on two kubo nodes (what
	// `demo --store ipfs=… --archive-store ipfs=…` does).
	let mut live_node = KuboDaemon::start(dir.path().join("ipfs-live")).expect("kubo (scripts/bootstrap.sh builds it)");
	let archive_node = KuboDaemon::start(dir.path().join("ipfs-archive")).unwrap();
	let ipfs = ChainStores {
		live: Some(StoreLocation::Ipfs(live_node.api().into())),
		archive: Some(StoreLocation::Ipfs(archive_node.api().into())),
	};
	let report = rt
		.block_on(chainflow::run(
			&chain, &run.manifest, &run.stores, &run.parallel, &run.sequential,
			&signers("//Alice//ipfs"), &ipfs, &dir.path().join("chain-ipfs"),
			|m| eprintln!("[chain/ipfs] {m}"),
		))
		.expect("the flow succeeds on kubo");
	assert!(report.verify_ok);
	let live_store = ModelStore::at(ipfs.live.as_ref().unwrap(), "live").unwrap();
	let archive_store = ModelStore::at(ipfs.archive.as_ref().unwrap(), "archive").unwrap();
	let affected: Vec<u64> = [&report.parallel, &report.sequential].iter().flat_map(|t| t.affected.clone()).collect();
	let mut live_cids = std::collections::BTreeSet::new();
	for &tx in &affected {
		// Every URI on chain is a CID the live node serves byte-identically (`get` verifies
		// the bytes against the CID) and keeps pinned.
		let live = rt.block_on(chain.tx(tx)).unwrap().unwrap();
		let cid: Cid = live.uri_str().parse().unwrap();
		assert_eq!(Cid::of(&live_store.get(&cid).unwrap()), cid);
		assert!(live_store.contains(&cid).unwrap(), "tx {tx}: live {cid} is pinned on the live node");
		live_cids.insert(cid);
	}
	for &tx in &affected {
		let lineage = rt.block_on(chain.lineage_uris(tx)).unwrap();
		for (k, uri) in lineage.iter().enumerate() {
			let version: Cid = uri.parse().unwrap();
			// The flow archives a version when it is published and when it leaves live: every
			// version but a current redacted one.
			if k == 0 || k + 1 < lineage.len() {
				assert!(archive_store.contains(&version).unwrap(), "the archive pins version {version} of tx {tx}");
			}
			// A pin is a CID's: a redacted version leaves live unless another live tx names it.
			if !live_cids.contains(&version) {
				assert!(!live_store.contains(&version).unwrap(), "redacted {version} of tx {tx} is unpinned from live");
			}
		}
	}
	for task in [&report.parallel, &report.sequential] {
		assert!(task.lineage_ok && task.live_store_ok && task.verify_ok && task.models_updated > 0, "{task:?}");
	}

	// Bad input: the live store's daemon is down; the flow fails naming it and changes
	// nothing on chain.
	let before = next_tx(&chain);
	live_node.kill();
	let err = rt
		.block_on(chainflow::run(
			&chain, &run.manifest, &run.stores, &run.parallel, &run.sequential,
			&signers("//Alice//ipfs-down"), &ipfs, &dir.path().join("chain-ipfs-down"), |_| {},
		))
		.expect_err("no live store");
	assert!(matches!(err, FlowError::Ml(blockful_ml::WorkerError::StoreUnavailable { .. })), "{err}");
	assert!(err.to_string().contains(live_node.api()), "{err}");
	assert_eq!(next_tx(&chain), before, "nothing was published");
}

