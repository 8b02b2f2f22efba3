//! The model store on real kubo daemons (loopback only; each test starts and stops its own).
//! The kubo binary is the one `scripts/bootstrap.sh` builds (`BLOCKFUL_KUBO` names it):
//! without it these tests fail, they are not skipped.

mod cid_files;

use blockful_ml::store::daemon::KuboDaemon;
use blockful_ml::store::{Cid, KuboOptions, ModelStore, StoreLocation, Stores};
use blockful_ml::weights::Weights;
use blockful_ml::WorkerError;
use std::io::{Read, Write};
use std::path::Path;
use std::time::Duration;

fn daemon(dir: &Path, name: &str) -> KuboDaemon {
	KuboDaemon::start(dir.join(name)).unwrap_or_else(|e| panic!("starting kubo {name}: {e}"))
}

fn weights(salt: usize, n: usize) -> Weights {
	let data = (0..n).map(|i| ((i * 31 + salt) % 1000) as f32 / 1000.0).collect();
	Weights::new(vec![blockful_ml::weights::WeightTensor { name: "w".into(), shape: vec![n], data }]).unwrap()
}

fn quick() -> KuboOptions {
	KuboOptions { timeout: Duration::from_secs(20), attempts: 2, backoff: Duration::from_millis(50), ..KuboOptions::default() }
}

#[test]
fn kubo_gives_the_committed_cids() {
	let dir = tempfile::tempdir().unwrap();
	let node = daemon(dir.path(), "a");
	let kubo = node.client(KuboOptions::default()).unwrap();
	let mut vectors = Vec::new();
	for (name, bytes) in cid_files::files() {
		// `add` itself refuses an answer other than `Cid::of(bytes)`.
		let cid = kubo.add(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
		assert_eq!(kubo.cat(&cid, false).unwrap(), bytes, "{name} served byte-identically");
		vectors.push(serde_json::json!({ "name": name, "size": bytes.len(), "cid": cid.to_string() }));
	}
	let json = serde_json::json!({
		"about": "CIDs printed by kubo 0.43.1 for `ipfs add --cid-version 1 --raw-leaves --chunker size-262144` \
		          of the files ml/tests/cid_files builds; regenerate with BLOCKFUL_WRITE_CID_VECTORS=1 cargo test -p blockful-ml --test ipfs",
		"files": vectors,
	});
	let path = Path::new(&std::env::var_os("CARGO_MANIFEST_DIR").unwrap()).join("tests/vectors/unixfs-cids.json");
	if std::env::var_os("BLOCKFUL_WRITE_CID_VECTORS").is_some() {
		std::fs::write(&path, serde_json::to_string_pretty(&json).unwrap() + "\n").unwrap();
	}
	let committed: Vec<String> = cid_files::committed().into_iter().map(|(_, _, c)| c).collect();
	let got: Vec<String> = json["files"].as_array().unwrap().iter().map(|f| f["cid"].as_str().unwrap().into()).collect();
	assert_eq!(got, committed, "kubo's CIDs are the committed vectors");
}

#[test]
fn ipfs_store_puts_gets_pins_and_unpins() {
	let dir = tempfile::tempdir().unwrap();
	let node = daemon(dir.path(), "a");
	let store = ModelStore::ipfs(node.api(), "live", quick()).unwrap();
	let w = weights(1, 200_000); // 800 KB: a dag-pb root over 4 leaves
	let cid = store.put_weights(&w).unwrap();
	assert!(cid.to_string().starts_with("bafybei"), "{cid}");
	assert_eq!(store.get_weights(&cid).unwrap(), w);
	assert!(store.contains(&cid).unwrap(), "pinned once put");
	assert_eq!(store.list().unwrap(), vec![cid]);
	let kubo = store.kubo().unwrap();
	assert!(kubo.block_size(&cid).unwrap() > 0, "the root block is on the node");
	assert_eq!(store.put_weights(&w).unwrap(), cid, "idempotent");
	store.remove(&cid).unwrap();
	assert!(!store.contains(&cid).unwrap(), "unpinned");
	assert!(store.list().unwrap().is_empty());
	store.remove(&cid).unwrap(); // no error when not pinned
	kubo.pin(&cid).unwrap();
	assert!(store.contains(&cid).unwrap(), "pinned again");
	// The gateway serves the same bytes under the same CID.
	let served = http_get(&format!("{}/ipfs/{cid}", node.gateway()));
	assert_eq!(Cid::of(&served), cid);
}

#[test]
fn live_and_archive_on_two_nodes_keep_every_version() {
	let dir = tempfile::tempdir().unwrap();
	let (a, b) = (daemon(dir.path(), "live"), daemon(dir.path(), "archive"));
	let live = StoreLocation::Ipfs(a.api().into());
	let archive = StoreLocation::Ipfs(b.api().into());
	let stores = Stores::at(&live, &archive).unwrap();
	let (w1, w2) = (weights(1, 100_000), weights(2, 100_000));
	let c1 = stores.publish(&w1).unwrap();
	assert!(stores.live.contains(&c1).unwrap() && stores.archive.contains(&c1).unwrap());
	let c2 = stores.stage(&w2).unwrap();
	assert!(!stores.archive.contains(&c2).unwrap(), "staged in live only");
	stores.redact(&c1, &c2).unwrap();
	assert!(!stores.live.contains(&c1).unwrap(), "the redacted version is unpinned from live");
	assert!(stores.archive.contains(&c1).unwrap() && stores.archive.contains(&c2).unwrap(), "archive pins every version");
	assert_eq!(stores.live.list().unwrap(), vec![c2]);
	assert_eq!(stores.get_weights(&c1).unwrap(), w1, "the old version is read from the archive");
	let err = stores.archive.remove(&c1).unwrap_err();
	assert!(err.to_string().contains("keeps every version"), "{err}");
	assert!(stores.archive.contains(&c1).unwrap(), "nothing was unpinned");
	// One node cannot be both: the same URL, or two URLs of one node.
	assert!(Stores::at(&live, &live).unwrap_err().to_string().contains("different instances"));
	let alias = StoreLocation::Ipfs(a.api().replace("127.0.0.1", "localhost"));
	let err = Stores::at(&live, &alias).unwrap_err();
	assert!(err.to_string().contains("the same IPFS node"), "{err}");
}

#[test]
fn a_model_added_on_one_node_is_read_by_cid_through_a_peered_node() {
	let dir = tempfile::tempdir().unwrap();
	let (a, b) = (daemon(dir.path(), "a"), daemon(dir.path(), "b"));
	let bytes = cid_files::model_4mb();
	let cid = a.client(quick()).unwrap().add(&bytes).unwrap();
	let reader = ModelStore::ipfs(b.api(), "live", quick()).unwrap();
	assert!(
		matches!(reader.get(&cid), Err(WorkerError::ModelNotFound { .. })),
		"b does not hold it, and get reads b's own blocks only"
	);
	b.connect_to(&a).unwrap();
	assert_eq!(reader.fetch(&cid).unwrap(), bytes, "bitswap over loopback, verified against the CID");
	assert_eq!(reader.get(&cid).unwrap(), bytes, "b now holds the blocks");
}

#[test]
fn a_tampered_block_is_refused_naming_the_cid() {
	let dir = tempfile::tempdir().unwrap();
	let node = daemon(dir.path(), "a");
	let store = ModelStore::ipfs(node.api(), "live", quick()).unwrap();
	let w = weights(3, 200_000);
	let cid = store.put_weights(&w).unwrap();
	// Flip one byte of a leaf block in kubo's flatfs (the largest block files are leaves).
	let mut blocks: Vec<_> = walk(&node.repo().join("blocks")).into_iter().filter(|p| p.extension().is_some_and(|e| e == "data")).collect();
	blocks.sort_by_key(|p| std::cmp::Reverse(std::fs::metadata(p).unwrap().len()));
	let leaf = &blocks[0];
	let mut bytes = std::fs::read(leaf).unwrap();
	bytes[1000] ^= 0xff;
	std::fs::write(leaf, &bytes).unwrap();
	let err = store.get_weights(&cid).unwrap_err();
	assert!(matches!(err, WorkerError::CorruptModel { .. } | WorkerError::Store { .. }), "{err}");
	assert!(err.to_string().contains(&cid.to_string()), "the error names the CID: {err}");
	// Truncated.
	std::fs::write(leaf, &bytes[..1000]).unwrap();
	let err = store.get(&cid).unwrap_err();
	assert!(err.to_string().contains(&cid.to_string()), "the error names the CID: {err}");
}

#[test]
fn a_lying_daemon_is_caught_by_the_cid() {
	// A fake kubo API that answers `id` and serves other bytes for every `cat`.
	let api = fake_daemon(0);
	let store = ModelStore::ipfs(&api, "live", quick()).unwrap();
	let cid = Cid::of(b"the model the chain names");
	let err = store.get(&cid).unwrap_err();
	assert!(matches!(err, WorkerError::CorruptModel { .. }), "{err}");
	assert!(err.to_string().contains(&cid.to_string()) && err.to_string().contains(&api), "{err}");
}

#[test]
fn an_endless_answer_is_cut_off() {
	// A fake kubo API whose `cat` answers 1 MB for any CID.
	let api = fake_daemon(1 << 20);
	let store = ModelStore::ipfs(&api, "live", KuboOptions { max_bytes: 64 << 10, ..quick() }).unwrap();
	let cid = Cid::of(b"a model");
	let err = store.get(&cid).unwrap_err();
	assert!(matches!(err, WorkerError::Store { .. }), "{err}");
	assert!(err.to_string().contains("exceeds 65536 bytes") && err.to_string().contains(&cid.to_string()), "{err}");
}

#[test]
fn a_daemon_that_is_down_is_a_clear_error() {
	let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
	let api = format!("http://127.0.0.1:{port}");
	let err = ModelStore::ipfs(&api, "archive", quick()).unwrap_err();
	assert!(matches!(err, WorkerError::StoreUnavailable { .. }), "{err}");
	let msg = err.to_string();
	assert!(msg.contains("archive") && msg.contains(&api) && msg.contains("2 attempts"), "{msg}");
	let err = ModelStore::ipfs("127.0.0.1:5001", "live", quick()).unwrap_err();
	assert!(err.to_string().contains("expected an http:// URL"), "{err}");
}

#[test]
fn a_daemon_killed_mid_upload_is_a_clear_error() {
	let dir = tempfile::tempdir().unwrap();
	let mut node = daemon(dir.path(), "a");
	let store = ModelStore::ipfs(node.api(), "live", quick()).unwrap();
	let big = cid_files::pattern(160 << 20);
	let upload = std::thread::spawn(move || store.put(&big));
	std::thread::sleep(Duration::from_millis(150));
	node.kill();
	let err = upload.join().unwrap().expect_err("the upload cannot succeed once the daemon is gone");
	assert!(matches!(err, WorkerError::StoreUnavailable { .. } | WorkerError::Store { .. }), "{err}");
	assert!(err.to_string().contains(node.api()), "names the daemon: {err}");
}

/// Starts a fake kubo API on a free loopback port (see [`serve_fake`]); returns its URL.
fn fake_daemon(cat_len: usize) -> String {
	let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
	let api = format!("http://{}", listener.local_addr().unwrap());
	std::thread::spawn(move || {
		for stream in listener.incoming().flatten() {
			serve_fake(stream, cat_len);
		}
	});
	api
}

/// Answers `id`, and every other call with `cat_len` bytes (or "other bytes" for 0).
fn serve_fake(mut stream: std::net::TcpStream, cat_len: usize) {
	let mut buf = vec![0u8; 8192];
	let n = stream.read(&mut buf).unwrap_or(0);
	let head = String::from_utf8_lossy(&buf[..n]);
	let long = vec![b'x'; cat_len];
	let body: &[u8] = if head.starts_with("POST /api/v0/id") {
		br#"{"ID":"12D3KooWFake"}"#
	} else if cat_len > 0 {
		&long
	} else {
		b"other bytes"
	};
	let _ = write!(stream, "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
	let _ = stream.write_all(body);
}

fn http_get(url: &str) -> Vec<u8> {
	let r = reqwest::blocking::get(url).unwrap();
	assert!(r.status().is_success(), "{url}: {}", r.status());
	r.bytes().unwrap().to_vec()
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
	let mut out = Vec::new();
	for e in std::fs::read_dir(dir).unwrap().flatten() {
		let p = e.path();
		if p.is_dir() {
			out.extend(walk(&p));
		} else {
			out.push(p);
		}
	}
	out
}
