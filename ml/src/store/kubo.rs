//! The IPFS backend: a kubo node driven through its HTTP RPC API (`/api/v0/…`).
//!
//! Models are added as kubo adds files for CIDv1 (`cid-version=1`, `raw-leaves=true`,
//! `chunker=size-262144`, sha2-256), so the CID kubo answers is the one [`Cid::of`] computes
//! here; an answer that differs is refused. Every read (`cat`) is re-hashed against the CID
//! asked for: a tampered or truncated block is an error naming the CID, never returned.
//! What a store holds is what its node has **pinned**: `put` pins, `remove` unpins (the
//! blocks stay until kubo's garbage collection), `list` lists the recursive pins.
//!
//! Every call has a timeout; calls that did not reach the daemon (refused connection,
//! timeout, reset) are retried with a growing pause, and then fail with
//! [`WorkerError::StoreUnavailable`] naming the daemon. All calls are idempotent (content
//! addressing), so a retry never stores anything twice.

use super::cid::{Cid, CHUNK_SIZE};
use crate::error::{Result, WorkerError};
use reqwest::blocking::{multipart, Client, Response};
use serde::Deserialize;
use std::time::{Duration, Instant};

/// Timeouts and retries of a [`Kubo`] client.
#[derive(Clone, Copy, Debug)]
pub struct KuboOptions {
	/// To open a connection to the daemon.
	pub connect_timeout: Duration,
	/// For a whole call (an `add` or `cat` of a large model included; a `cat` of a CID no
	/// reachable node has waits this long).
	pub timeout: Duration,
	/// Attempts of a call whose request did not reach the daemon.
	pub attempts: u32,
	/// Pause before the second attempt; doubled before each further one.
	pub backoff: Duration,
	/// The most bytes one answer may have: a model is read whole before its CID is checked,
	/// so a daemon or peer that serves endless bytes is cut off here.
	pub max_bytes: u64,
}

impl Default for KuboOptions {
	fn default() -> Self {
		KuboOptions {
			connect_timeout: Duration::from_secs(5),
			timeout: Duration::from_secs(120),
			attempts: 3,
			backoff: Duration::from_millis(250),
			max_bytes: 4 << 30,
		}
	}
}

/// A client of one kubo node's RPC API.
#[derive(Clone, Debug)]
pub struct Kubo {
	api: String,
	client: Client,
	options: KuboOptions,
	store: &'static str,
}

/// kubo's error body (`{"Message": …, "Code": …, "Type": "error"}`).
#[derive(Deserialize)]
struct ApiError {
	#[serde(rename = "Message")]
	message: String,
}

#[derive(Deserialize)]
struct IdAnswer {
	#[serde(rename = "ID")]
	id: String,
	#[serde(rename = "Addresses", default)]
	addresses: Option<Vec<String>>,
}

#[derive(Deserialize)]
struct AddAnswer {
	#[serde(rename = "Hash")]
	hash: String,
}

#[derive(Deserialize)]
struct PinLsAnswer {
	#[serde(rename = "Keys", default)]
	keys: std::collections::BTreeMap<String, serde_json::Value>,
}

#[derive(Deserialize)]
struct BlockStat {
	#[serde(rename = "Size")]
	size: u64,
}

impl Kubo {
	/// A client of the daemon whose API is at `api` (`http://127.0.0.1:5001`), for the store
	/// named `store` in errors; asks the daemon for its peer id, so a daemon that is down or
	/// an address that is not a kubo API fails here.
	pub fn connect(api: &str, store: &'static str, options: KuboOptions) -> Result<Self> {
		let api = api.trim_end_matches('/').to_string();
		if !(api.starts_with("http://") || api.starts_with("https://")) {
			return Err(WorkerError::InvalidArgument(format!(
				"IPFS API {api:?} for the {store} store: expected an http:// URL such as http://127.0.0.1:5001"
			)));
		}
		let client = Client::builder()
			.connect_timeout(options.connect_timeout)
			.timeout(options.timeout)
			.no_proxy()
			.build()
			.map_err(|e| WorkerError::InvalidArgument(format!("HTTP client for {api}: {e}")))?;
		let kubo = Kubo { api, client, options, store };
		kubo.peer_id()?;
		Ok(kubo)
	}

	/// The API URL.
	pub fn api(&self) -> &str {
		&self.api
	}

	/// The node's peer id (`/api/v0/id`).
	pub fn peer_id(&self) -> Result<String> {
		let r: IdAnswer = self.json("id", &[])?;
		Ok(r.id)
	}

	/// The node's swarm addresses, each ending in `/p2p/<peer id>`.
	pub fn swarm_addresses(&self) -> Result<Vec<String>> {
		let r: IdAnswer = self.json("id", &[])?;
		Ok(r.addresses.unwrap_or_default())
	}

	/// Adds and pins `bytes`; returns their CID, which must be the one [`Cid::of`] gives. The
	/// pin is its own call, so an `Ok` means the node holds every block pinned.
	pub fn add(&self, bytes: &[u8]) -> Result<Cid> {
		let expected = Cid::of(bytes);
		let chunker = format!("size-{CHUNK_SIZE}");
		let query = [
			("cid-version", "1"),
			("raw-leaves", "true"),
			("chunker", chunker.as_str()),
			("hash", "sha2-256"),
			("trickle", "false"),
			("max-file-links", "174"),
			// kubo reports a failed pin only in a trailer after its answer: pinned below.
			("pin", "false"),
			("progress", "false"),
		];
		let body = self.call("add", &query, || {
			let part = multipart::Part::bytes(bytes.to_vec())
				.file_name("model.safetensors")
				.mime_str("application/octet-stream")
				.expect("a valid MIME type");
			Some(multipart::Form::new().part("file", part))
		})?;
		let text = String::from_utf8_lossy(&body);
		// One JSON object per line; the last names the file's root.
		let last = text.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or_default();
		let answer: AddAnswer = serde_json::from_str(last)
			.map_err(|e| self.protocol(format!("add answered {last:?}: {e}")))?;
		let cid: Cid = answer.hash.parse()?;
		if cid != expected {
			return Err(self.protocol(format!(
				"add stored the bytes as {cid}, but their CID is {expected} (a daemon with other import settings?)"
			)));
		}
		// `pin/add` answers once every block is pinned, with an error status if it fails.
		self.pin(&cid)?;
		Ok(cid)
	}

	/// The bytes of `cid`, verified against it: from this node's own blocks only, or with
	/// `from_peers` also fetched from the peers it is connected to (bitswap), waiting at
	/// most the call's timeout.
	pub fn cat(&self, cid: &Cid, from_peers: bool) -> Result<Vec<u8>> {
		let arg = cid.to_string();
		let offline = if from_peers { "false" } else { "true" };
		let bytes = self.call("cat", &[("arg", arg.as_str()), ("offline", offline)], || None).map_err(|e| match e {
			// Offline, kubo answers at once that a block is missing; with peers, a model no
			// peer has is a timeout.
			WorkerError::Store { reason, .. }
				if reason.contains("not found") || (from_peers && reason.contains("timed out")) =>
			{
				WorkerError::ModelNotFound { cid: arg.clone(), store: self.store.into(), location: format!("IPFS {}", self.api) }
			}
			other => other,
		})?;
		let actual = Cid::of(&bytes);
		if actual != *cid {
			return Err(WorkerError::CorruptModel {
				location: format!("IPFS {} ({} bytes served)", self.api, bytes.len()),
				expected: arg,
				actual: actual.to_string(),
			});
		}
		Ok(bytes)
	}

	/// Pins `cid` (recursively: every block of the file).
	pub fn pin(&self, cid: &Cid) -> Result<()> {
		self.call("pin/add", &[("arg", cid.to_string().as_str())], || None).map(drop)
	}

	/// Unpins `cid`; no error when it was not pinned.
	pub fn unpin(&self, cid: &Cid) -> Result<()> {
		match self.call("pin/rm", &[("arg", cid.to_string().as_str())], || None) {
			Ok(_) => Ok(()),
			Err(WorkerError::Store { reason, .. }) if reason.contains("not pinned") => Ok(()),
			Err(e) => Err(e),
		}
	}

	/// True when `cid` is pinned recursively on this node.
	pub fn is_pinned(&self, cid: &Cid) -> Result<bool> {
		let arg = cid.to_string();
		match self.json::<PinLsAnswer>("pin/ls", &[("arg", arg.as_str()), ("type", "recursive")]) {
			Ok(r) => Ok(r.keys.contains_key(&arg)),
			Err(WorkerError::Store { reason, .. }) if reason.contains("not pinned") => Ok(false),
			Err(e) => Err(e),
		}
	}

	/// Every recursively pinned CID that is a model CID, sorted.
	pub fn pinned(&self) -> Result<Vec<Cid>> {
		let r: PinLsAnswer = self.json("pin/ls", &[("type", "recursive")])?;
		let mut out: Vec<Cid> = r.keys.keys().filter_map(|k| k.parse().ok()).collect();
		out.sort();
		Ok(out)
	}

	/// The size of `cid`'s root block on this node (`/api/v0/block/stat`).
	pub fn block_size(&self, cid: &Cid) -> Result<u64> {
		let r: BlockStat = self.json("block/stat", &[("arg", cid.to_string().as_str()), ("offline", "true")])?;
		Ok(r.size)
	}

	/// Connects this node to the peer `addr` (a multiaddr ending in `/p2p/<peer id>`).
	pub fn swarm_connect(&self, addr: &str) -> Result<()> {
		self.call("swarm/connect", &[("arg", addr)], || None).map(drop)
	}

	fn json<T: for<'de> Deserialize<'de>>(&self, command: &str, query: &[(&str, &str)]) -> Result<T> {
		let body = self.call(command, query, || None)?;
		serde_json::from_slice(&body).map_err(|e| self.protocol(format!("{command} answered unexpectedly: {e}")))
	}

	/// POSTs `/api/v0/<command>`, retrying while the request does not reach the daemon;
	/// returns the body of a successful answer.
	fn call(
		&self,
		command: &str,
		query: &[(&str, &str)],
		form: impl Fn() -> Option<multipart::Form>,
	) -> Result<Vec<u8>> {
		let url = format!("{}/api/v0/{command}", self.api);
		// Errors name what the call was about: `cat <cid>`, `pin/rm <cid>`.
		let what = match query.iter().find(|(k, _)| *k == "arg") {
			Some((_, arg)) => format!("{command} {arg}"),
			None => command.to_string(),
		};
		let started = Instant::now();
		let mut pause = self.options.backoff;
		let mut attempt = 1;
		loop {
			let mut request = self.client.post(&url).query(query);
			if let Some(f) = form() {
				request = request.multipart(f);
			}
			let max = self.options.max_bytes;
			match request.send().map_err(Failure::Transport).and_then(|r| read(r, max)) {
				Ok((status, body)) if status.is_success() => return Ok(body),
				Ok((status, body)) => {
					let reason = serde_json::from_slice::<ApiError>(&body)
						.map(|e| e.message)
						.unwrap_or_else(|_| String::from_utf8_lossy(&body).into_owned());
					return Err(WorkerError::Store {
						store: self.store.into(),
						location: self.api.clone(),
						reason: format!("{what}: HTTP {status}: {reason}"),
					});
				}
				Err(Failure::TooBig) => {
					return Err(WorkerError::Store {
						store: self.store.into(),
						location: self.api.clone(),
						reason: format!("{what}: the answer exceeds {max} bytes (KuboOptions::max_bytes)"),
					});
				}
				Err(Failure::Transport(e)) if e.is_timeout() && !e.is_connect() && command == "cat" => {
					return Err(WorkerError::Store {
						store: self.store.into(),
						location: self.api.clone(),
						reason: format!("{what}: timed out after {:.0?}", self.options.timeout),
					});
				}
				Err(e) if attempt < self.options.attempts => {
					tracing::warn!(store = self.store, api = %self.api, attempt, "IPFS {what}: {e}; retrying");
					std::thread::sleep(pause);
					pause *= 2;
					attempt += 1;
				}
				Err(e) => {
					return Err(WorkerError::StoreUnavailable {
						store: self.store.into(),
						location: self.api.clone(),
						reason: format!(
							"{what}: {} ({attempt} attempts over {:.1} s); is the IPFS daemon running?",
							e,
							started.elapsed().as_secs_f64()
						),
					});
				}
			}
		}
	}

	fn protocol(&self, reason: String) -> WorkerError {
		WorkerError::Store { store: self.store.into(), location: self.api.clone(), reason }
	}
}

/// Why a call got no answer to look at.
enum Failure {
	/// The request did not go through.
	Transport(reqwest::Error),
	/// The body could not be read to its end.
	Body(std::io::Error),
	/// The body is longer than allowed.
	TooBig,
}

impl std::fmt::Display for Failure {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Failure::Transport(e) => f.write_str(&describe(e)),
			Failure::Body(e) => f.write_str(&describe(e)),
			Failure::TooBig => f.write_str("answer too long"),
		}
	}
}

/// The status and whole body of an answer, at most `max` bytes (a body cut short is an error).
fn read(mut r: Response, max: u64) -> std::result::Result<(reqwest::StatusCode, Vec<u8>), Failure> {
	use std::io::Read;
	let status = r.status();
	let mut body = Vec::new();
	(&mut r).take(max.saturating_add(1)).read_to_end(&mut body).map_err(Failure::Body)?;
	if body.len() as u64 > max {
		return Err(Failure::TooBig);
	}
	Ok((status, body))
}

/// An error with its causes (reqwest's own message omits them).
fn describe(e: &dyn std::error::Error) -> String {
	let mut s = e.to_string();
	let mut source = e.source();
	while let Some(cause) = source {
		s.push_str(": ");
		s.push_str(&cause.to_string());
		source = cause.source();
	}
	s
}
