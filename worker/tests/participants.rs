//! The protocol between parties on a real `blockful-node --dev`: one `blockful-worker
//! participant` **process per owner** (four owners of the `PARTIES` topology), each with
//! only its own shard and key, coordinated only through the chain and a shared store.
//!
//! 1. Both paradigms (one DAG copy each): the participants train and publish the DAG, the
//!    start model's owner files both requests, every owner submits its own updates, the
//!    committee applies them. One participant is killed mid-run and restarted: it resumes
//!    from the chain, nothing is lost or applied twice.
//! 2. A silent owner: in a parallel request, the owner of an inherited model is killed
//!    after publishing; after the owners' window the requester's participant submits the
//!    public-data update (eqs. 7-8) for it, flagged as a fallback, and the request completes.
//! 3. Bad configuration: the documented exit codes (2 bad key or data, 3 no node).
//! 4. Organic growth (eqs. 1-3): each owner picks its model's references among candidates
//!    read from the chain, scored on its own local test data.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use blockful_chain_client::{connect_with_retry, keypair, AccountId32, Chain, Keypair};
use blockful_ml::synthetic::{write_fashion_mnist, PARTIES};
use subxt_signer::sr25519::dev;

struct Guard(Vec<Child>);

impl Drop for Guard {
	fn drop(&mut self) {
		for c in &mut self.0 {
			let _ = c.kill();
			let _ = c.wait();
		}
	}
}

/// Participant processes, killed when dropped (also when an assertion fails).
struct Procs(Vec<(String, Child)>);

impl Drop for Procs {
	fn drop(&mut self) {
		for (_, c) in &mut self.0 {
			let _ = c.kill();
			let _ = c.wait();
		}
	}
}

fn node_binary() -> PathBuf {
	if let Ok(p) = std::env::var("BLOCKFUL_NODE") {
		return PathBuf::from(p);
	}
	let exe = std::env::current_exe().expect("test exe path");
	let dir = exe.parent().and_then(|d| d.parent()).expect("target/<profile>");
	dir.join("blockful-node")
}

fn free_port() -> u16 {
	std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn start_node() -> (Child, String) {
	let port = free_port();
	let child = Command::new(node_binary())
		.args(["--dev", "--tmp", "--no-telemetry", "--no-prometheus", "--no-mdns", "--rpc-port"])
		.arg(port.to_string())
		.arg("--port")
		.arg(free_port().to_string())
		.stdout(Stdio::null())
		.stderr(Stdio::null())
		.spawn()
		.expect("start blockful-node");
	(child, format!("ws://127.0.0.1:{port}"))
}

fn worker() -> Command {
	let mut c = Command::new(env!("CARGO_BIN_EXE_blockful-worker"));
	c.args(["--threads", "1"]);
	c
}

/// The consortium's files: topology, shards, store directories, accounts.
struct Consortium {
	dir: PathBuf,
	topology: PathBuf,
	url: String,
	prefix: String,
	users: Vec<&'static str>,
}

impl Consortium {
	fn new(root: &Path, url: &str, prefix: &str) -> Consortium {
		let dir = root.join(prefix.trim_start_matches('/').replace('/', "_"));
		std::fs::create_dir_all(&dir).unwrap();
		let topology = root.join("parties.toml");
		let users = vec!["u1", "u2", "u3", "u4"];
		let c = Consortium { dir, topology, url: url.into(), prefix: prefix.into(), users };
		let directory: serde_json::Map<String, serde_json::Value> = c
			.users
			.iter()
			.map(|u| (u.to_string(), AccountId32::from(c.key(u).public_key()).to_string().into()))
			.collect();
		std::fs::write(c.dir.join("directory.json"), serde_json::to_string(&directory).unwrap()).unwrap();
		c
	}

	fn suri(&self, user: &str) -> String {
		format!("{}//{user}", self.prefix)
	}

	fn key(&self, user: &str) -> Keypair {
		keypair(&self.suri(user)).unwrap()
	}

	fn log(&self, user: &str) -> PathBuf {
		self.dir.join(format!("{user}.json"))
	}

	fn participant(&self, root: &Path, user: &str, tasks: &str, extra: &[&str]) -> Command {
		self.participant_as(root, user, &self.suri(user), &root.join("shards").join(user), &self.url, tasks, extra)
	}

	#[allow(clippy::too_many_arguments)]
	fn participant_as(&self, root: &Path, user: &str, suri: &str, data: &Path, url: &str, tasks: &str, extra: &[&str]) -> Command {
		let mut c = worker();
		c.arg("participant")
			.arg("--topology")
			.arg(&self.topology)
			.arg("--data")
			.arg(data)
			.args(["--suri", suri, "--url", url, "--tasks", tasks])
			.arg("--directory")
			.arg(self.dir.join("directory.json"))
			.arg("--store")
			.arg(format!("dir={}", root.join("live").display()))
			.arg("--archive-store")
			.arg(format!("dir={}", root.join("archive").display()))
			.arg("--log")
			.arg(self.log(user))
			.args(["--exit-when-done", "--poll-ms", "500", "--device", "cpu"])
			.args(extra);
		c
	}

	fn spawn(&self, root: &Path, user: &str, tasks: &str, extra: &[&str]) -> Child {
		let out = std::fs::File::create(self.dir.join(format!("{user}.out"))).unwrap();
		let err = out.try_clone().unwrap();
		self.participant(root, user, tasks, extra).stdout(out).stderr(err).spawn().expect("start a participant")
	}

	fn read_log(&self, user: &str) -> serde_json::Value {
		std::fs::read_to_string(self.log(user)).ok().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default()
	}

	fn output(&self, user: &str) -> String {
		std::fs::read_to_string(self.dir.join(format!("{user}.out"))).unwrap_or_default()
	}
}

/// Waits for `child` to exit within `timeout`; its exit code.
fn wait(child: &mut Child, timeout: Duration, what: &str) -> i32 {
	let start = Instant::now();
	loop {
		if let Some(status) = child.try_wait().unwrap() {
			return status.code().unwrap_or(-1);
		}
		assert!(start.elapsed() < timeout, "{what} did not finish within {timeout:?}");
		std::thread::sleep(Duration::from_millis(500));
	}
}

/// Waits until `ready` holds, checking every half second.
fn until(timeout: Duration, what: &str, mut ready: impl FnMut() -> bool) {
	let start = Instant::now();
	while !ready() {
		assert!(start.elapsed() < timeout, "{what} within {timeout:?}");
		std::thread::sleep(Duration::from_millis(500));
	}
}

/// `blockful-worker partition` of `root/parties.toml` into `root/shards`.
fn partition(root: &Path) {
	let out = worker()
		.args(["partition", "--topology"])
		.arg(root.join("parties.toml"))
		.arg("--data-dir")
		.arg(root.join("data"))
		.arg("--out")
		.arg(root.join("shards"))
		.output()
		.unwrap();
	assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

fn fund(rt: &tokio::runtime::Runtime, chain: &Chain, c: &Consortium) {
	let keys: Vec<Keypair> = c.users.iter().map(|u| c.key(u)).collect();
	let refs: Vec<&Keypair> = keys.iter().collect();
	rt.block_on(chain.fund(&dev::alice(), &refs, 1_000_000_000_000_000)).unwrap();
}

#[test]
fn participants_run_the_protocol_resume_and_cover_a_silent_owner() {
	let rt = tokio::runtime::Runtime::new().unwrap();
	let root = tempfile::tempdir().unwrap();
	let root = root.path();
	std::fs::write(root.join("parties.toml"), PARTIES).unwrap();
	std::fs::create_dir_all(root.join("data")).unwrap();
	write_fashion_mnist(&root.join("data"), 1200, 400).unwrap();
	partition(root);
	for u in ["u1", "u2", "u3", "u4"] {
		assert!(root.join("shards").join(u).join("shard.safetensors").is_file());
	}

	let (node, url) = start_node();
	let guard = Guard(vec![node]);
	let chain = rt.block_on(connect_with_retry(&url, Duration::from_secs(180))).expect("the dev node answers");

	// --- 3. Bad configuration first (cheap): documented exit codes, nothing on chain.
	let c = Consortium::new(root, &url, "//Alice//bad");
	let code = |mut cmd: Command| cmd.stdout(Stdio::null()).stderr(Stdio::piped()).output().unwrap();
	let shard = root.join("shards").join("u1");
	let wrong_key = code(c.participant_as(root, "u1", "//Bob", &shard, &url, "parallel", &[]));
	assert_eq!(wrong_key.status.code(), Some(2), "{}", String::from_utf8_lossy(&wrong_key.stderr));
	assert!(String::from_utf8_lossy(&wrong_key.stderr).contains("directory lists"), "{}", String::from_utf8_lossy(&wrong_key.stderr));
	let no_data = code(c.participant_as(root, "u1", &c.suri("u1"), &root.join("nowhere"), &url, "parallel", &[]));
	assert_eq!(no_data.status.code(), Some(2), "{}", String::from_utf8_lossy(&no_data.stderr));
	assert!(String::from_utf8_lossy(&no_data.stderr).contains("shard.json"), "{}", String::from_utf8_lossy(&no_data.stderr));
	let no_node = code(c.participant_as(root, "u1", &c.suri("u1"), &shard, "ws://127.0.0.1:1", "parallel", &["--reconnect-s", "1"]));
	assert_eq!(no_node.status.code(), Some(3), "{}", String::from_utf8_lossy(&no_node.stderr));
	assert_eq!(rt.block_on(chain.next_tx_id()).unwrap(), 0);

	// --- 1. Four owners, both paradigms; u3 is killed after its first model and restarted.
	let c = Consortium::new(root, &url, "//Alice//p");
	fund(&rt, &chain, &c);
	let tasks = "parallel,sequential";
	let mut procs = Procs(c.users.iter().map(|u| (u.to_string(), c.spawn(root, u, tasks, &[]))).collect());
	until(Duration::from_secs(300), "u3 published a model", || {
		c.read_log("u3")["published"].as_array().is_some_and(|p| !p.is_empty())
	});
	let (_, u3) = procs.0.iter_mut().find(|(u, _)| u == "u3").unwrap();
	u3.kill().unwrap();
	u3.wait().unwrap();
	*u3 = c.spawn(root, "u3", tasks, &[]);
	for (user, p) in procs.0.iter_mut() {
		let code = wait(p, Duration::from_secs(900), user);
		assert_eq!(code, 0, "{user} failed:\n{}", c.output(user));
	}
	assert_eq!(c.read_log("u3")["starts"], 2, "u3 was restarted once");
	assert!(c.output("u3").contains("started (run 2)"));
	let parallel = rt.block_on(chain.request(0)).unwrap().expect("request 0");
	let sequential = rt.block_on(chain.request(1)).unwrap().expect("request 1");
	assert_eq!((parallel.status.as_str(), parallel.rounds), ("Completed", 1), "{parallel:?}");
	assert_eq!(sequential.status, "Completed", "{sequential:?}");
	assert_eq!(sequential.affected.len(), 4, "a2 and its three descendants");
	assert_eq!(sequential.rounds as usize, sequential.affected.len(), "one consensus per model");
	// Every affected model's lineage is its original and exactly one new version, each
	// new version its owner's (no fallback), and each owner submitted only its own.
	for r in [&parallel, &sequential] {
		for tx in &r.done {
			let uris = rt.block_on(chain.lineage_uris(*tx)).unwrap();
			assert_eq!(uris.len(), 2, "tx {tx}: {uris:?}");
		}
	}
	for u in &c.users {
		let log = c.read_log(u);
		for s in log["submitted"].as_array().unwrap() {
			assert_ne!(s["kind"], "fallback", "{u}: {s}");
			let tx = s["tx"].as_u64().unwrap();
			let owner = rt.block_on(chain.tx(tx)).unwrap().unwrap().owner;
			assert_eq!(owner.0, c.key(u).public_key().0, "{u} submitted for tx {tx}, which it does not own");
		}
	}
	assert!(rt.block_on(chain.live_chain_intact()).unwrap());

	// --- 2. A silent owner: u4 stops after publishing; the requester covers it.
	let c = Consortium::new(root, &url, "//Alice//q");
	fund(&rt, &chain, &c);
	let before = rt.block_on(chain.next_tx_id()).unwrap();
	let mut procs = Procs(
		c.users
			.iter()
			.map(|u| {
				let extra: &[&str] = if *u == "u2" { &["--fallback"] } else { &[] };
				(u.to_string(), c.spawn(root, u, "parallel", extra))
			})
			.collect(),
	);
	until(Duration::from_secs(300), "u4 published its model", || {
		c.read_log("u4")["published"].as_array().is_some_and(|p| !p.is_empty())
	});
	let (_, u4) = procs.0.iter_mut().find(|(u, _)| u == "u4").unwrap();
	u4.kill().unwrap();
	u4.wait().unwrap();
	for (user, p) in procs.0.iter_mut().filter(|(u, _)| u != "u4") {
		let code = wait(p, Duration::from_secs(600), user);
		assert_eq!(code, 0, "{user} failed:\n{}", c.output(user));
	}
	let request = rt.block_on(chain.request(2)).unwrap().expect("request 2");
	assert_eq!(request.status, "Completed", "{request:?}");
	let a4 = c.read_log("u4")["published"][0]["tx"].as_u64().unwrap();
	assert!(a4 >= before);
	let fallbacks: Vec<u64> = c.read_log("u2")["submitted"]
		.as_array()
		.unwrap()
		.iter()
		.filter(|s| s["kind"] == "fallback")
		.map(|s| s["tx"].as_u64().unwrap())
		.collect();
	assert_eq!(fallbacks, vec![a4], "the requester stood in for the silent owner of a4 only");
	assert_eq!(rt.block_on(chain.lineage_uris(a4)).unwrap().len(), 2);
	assert!(rt.block_on(chain.live_chain_intact()).unwrap());

	// --- 4. Organic growth (eqs. 1-3): each new model's owner scores K = 3 candidates read
	// from the chain on its own local test data and references the best N = 2.
	let organic = PARTIES.split("[[models]]").next().unwrap().replace("start_models = [\"a2\"]", "start_models = [\"m2\"]")
		+ "\n[organic]\nmodels = 5\ncandidates = 3\ntop = 2\n";
	std::fs::write(root.join("parties.toml"), organic).unwrap();
	let c = Consortium::new(root, &url, "//Alice//o");
	fund(&rt, &chain, &c);
	let first = rt.block_on(chain.next_tx_id()).unwrap();
	let mut procs = Procs(c.users.iter().map(|u| (u.to_string(), c.spawn(root, u, "parallel", &[]))).collect());
	for (user, p) in procs.0.iter_mut() {
		let code = wait(p, Duration::from_secs(600), user);
		assert_eq!(code, 0, "{user} failed:\n{}", c.output(user));
	}
	let refs: Vec<usize> = (first..first + 5).map(|tx| rt.block_on(chain.tx(tx)).unwrap().unwrap().refs.len()).collect();
	assert_eq!(refs, vec![0, 1, 2, 2, 2], "m1 from the genesis model, then the top min(N, earlier) candidates");
	let request = rt.block_on(chain.request(3)).unwrap().expect("request 3");
	assert_eq!(request.status, "Completed", "{request:?}");
	assert!(rt.block_on(chain.live_chain_intact()).unwrap());

	// --- 5. Sample-level withdrawal: u2 withdraws a random 20 % of its samples. The shards
	// mark them; u2 commits to its own (the samples never leave its process) and files
	// `request_sample_unlearning`; the other owners read "samples" from a request without
	// classes and update their models as for a class.
	let samples = PARTIES.replace("forget_classes = [1]", "[unlearning.random_subset]\nfraction = 0.2");
	std::fs::write(root.join("parties.toml"), samples).unwrap();
	partition(root);
	let u2 = blockful_ml::shard::Shard::load(&root.join("shards").join("u2")).unwrap();
	let c2 = blockful_ml::samples::commitment(&u2.train, &u2.info.withdrawn).expect("u2's shard marks samples");
	let c = Consortium::new(root, &url, "//Alice//s");
	fund(&rt, &chain, &c);
	let mut procs = Procs(c.users.iter().map(|u| (u.to_string(), c.spawn(root, u, "parallel", &[]))).collect());
	for (user, p) in procs.0.iter_mut() {
		let code = wait(p, Duration::from_secs(600), user);
		assert_eq!(code, 0, "{user} failed:\n{}", c.output(user));
	}
	let request = rt.block_on(chain.request(4)).unwrap().expect("request 4");
	assert_eq!((request.status.as_str(), request.rounds), ("Completed", 1), "{request:?}");
	assert_eq!(rt.block_on(chain.sample_withdrawal(4)).unwrap(), Some((c2.root, c2.samples)), "u2's commitment");
	assert!(rt.block_on(chain.live_chain_intact()).unwrap());
	drop(guard);
}
