//! The model store: where a model's bytes live, addressed by the CID IPFS gives them.
//!
//! A model's URI is its IPFS CID ([`cid`]: CIDv1, raw leaves, 256 KiB chunks, balanced
//! `dag-pb` DAG — what `ipfs add --cid-version 1` prints). Two backends hold the bytes:
//! - a **local directory** of `<cid>.safetensors` files (the embedded default), and
//! - a **kubo** node through its HTTP RPC API ([`kubo`]; `--store ipfs=http://…`), so that
//!   any IPFS node peered with it serves the same URI.
//!
//! Every read re-hashes the bytes, so a corrupted, truncated or swapped model is refused
//! with an error naming its CID.
//!
//! Two stores, as in the dual-chain design: `live` holds the current version of every
//! model; `archive` holds every version ever published (the original on publish, the old
//! one before each redaction) and is never pruned. With kubo they are two **different**
//! IPFS instances (a pin is a node's own: one node cannot unpin a model for live and keep
//! it for the archive).

pub mod cid;
pub mod daemon;
pub mod kubo;
mod local;

pub use cid::{BlockKind, Cid, CidHasher};
pub use kubo::{Kubo, KuboOptions};

use crate::error::{Result, WorkerError};
use crate::weights::Weights;
use local::LocalDir;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// Where a store keeps its models: `dir=<path>` (or a bare path) or `ipfs=<API URL>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreLocation {
	/// A local directory.
	Dir(PathBuf),
	/// A kubo node's RPC API, e.g. `http://127.0.0.1:5001`.
	Ipfs(String),
}

impl FromStr for StoreLocation {
	type Err = WorkerError;

	fn from_str(s: &str) -> Result<Self> {
		if let Some(url) = s.strip_prefix("ipfs=") {
			if !(url.starts_with("http://") || url.starts_with("https://")) {
				return Err(WorkerError::InvalidArgument(format!(
					"store {s:?}: ipfs= takes the kubo RPC API's URL, e.g. ipfs=http://127.0.0.1:5001"
				)));
			}
			return Ok(StoreLocation::Ipfs(url.trim_end_matches('/').to_string()));
		}
		let path = s.strip_prefix("dir=").unwrap_or(s);
		if path.is_empty() {
			return Err(WorkerError::InvalidArgument("store: empty path (use dir=<path> or ipfs=<url>)".into()));
		}
		Ok(StoreLocation::Dir(PathBuf::from(path)))
	}
}

impl fmt::Display for StoreLocation {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			StoreLocation::Dir(p) => write!(f, "dir={}", p.display()),
			StoreLocation::Ipfs(u) => write!(f, "ipfs={u}"),
		}
	}
}

/// Bytes read without verification: a memory map of a local file or a buffer from IPFS.
pub enum StoredBytes {
	/// A mapped local file.
	Mapped(memmap2::Mmap),
	/// Bytes received from a kubo node (already verified against their CID).
	Owned(Vec<u8>),
}

impl std::ops::Deref for StoredBytes {
	type Target = [u8];
	fn deref(&self) -> &[u8] {
		match self {
			StoredBytes::Mapped(m) => m,
			StoredBytes::Owned(v) => v,
		}
	}
}

#[derive(Clone, Debug)]
enum Backend {
	Local(LocalDir),
	Kubo(Kubo),
}

/// One store of models, local or on IPFS.
#[derive(Clone, Debug)]
pub struct ModelStore {
	backend: Backend,
	label: &'static str,
	/// An archive keeps every version: [`ModelStore::remove`] refuses.
	append_only: bool,
}

impl ModelStore {
	/// Opens (creating if needed) a local store at `root`; `label` names it in errors.
	pub fn open(root: impl Into<PathBuf>, label: &'static str) -> Result<Self> {
		Ok(ModelStore { backend: Backend::Local(LocalDir::open(root.into())?), label, append_only: false })
	}

	/// A store on the kubo node whose RPC API is at `api` (fails if it does not answer).
	pub fn ipfs(api: &str, label: &'static str, options: KuboOptions) -> Result<Self> {
		Ok(ModelStore { backend: Backend::Kubo(Kubo::connect(api, label, options)?), label, append_only: false })
	}

	/// Opens the store `location` names.
	pub fn at(location: &StoreLocation, label: &'static str) -> Result<Self> {
		match location {
			StoreLocation::Dir(p) => Self::open(p.clone(), label),
			StoreLocation::Ipfs(u) => Self::ipfs(u, label, KuboOptions::default()),
		}
	}

	/// This store as an archive: [`ModelStore::remove`] is refused.
	pub fn append_only(mut self) -> Self {
		self.append_only = true;
		self
	}

	/// The store's name in errors (`live`, `archive`, …).
	pub fn label(&self) -> &'static str {
		self.label
	}

	/// Where the store is: a directory, or `ipfs=<API URL>`.
	pub fn location(&self) -> StoreLocation {
		match &self.backend {
			Backend::Local(d) => StoreLocation::Dir(d.root().to_path_buf()),
			Backend::Kubo(k) => StoreLocation::Ipfs(k.api().to_string()),
		}
	}

	/// The kubo client of an IPFS store.
	pub fn kubo(&self) -> Option<&Kubo> {
		match &self.backend {
			Backend::Kubo(k) => Some(k),
			Backend::Local(_) => None,
		}
	}

	/// The directory of a local store.
	pub fn root(&self) -> Option<&Path> {
		match &self.backend {
			Backend::Local(d) => Some(d.root()),
			Backend::Kubo(_) => None,
		}
	}

	/// The file a CID is stored in, for a local store.
	pub fn local_path(&self, cid: &Cid) -> Option<PathBuf> {
		match &self.backend {
			Backend::Local(d) => Some(d.path_of(cid)),
			Backend::Kubo(_) => None,
		}
	}

	fn where_is(&self, cid: &Cid) -> String {
		match &self.backend {
			Backend::Local(d) => d.path_of(cid).display().to_string(),
			Backend::Kubo(k) => format!("IPFS {}", k.api()),
		}
	}

	fn not_found(&self, cid: &Cid) -> WorkerError {
		WorkerError::ModelNotFound { cid: cid.to_string(), store: self.label.into(), location: self.where_is(cid) }
	}

	/// True when the store holds `cid` (a local file, not verified; on IPFS: pinned).
	pub fn contains(&self, cid: &Cid) -> Result<bool> {
		match &self.backend {
			Backend::Local(d) => Ok(d.path_of(cid).is_file()),
			Backend::Kubo(k) => k.is_pinned(cid),
		}
	}

	/// Stores `bytes` durably and returns their CID. Idempotent; a local write is atomic
	/// (temp file + rename), an IPFS one pinned.
	pub fn put(&self, bytes: &[u8]) -> Result<Cid> {
		match &self.backend {
			Backend::Local(d) => {
				let cid = Cid::of(bytes);
				if d.path_of(&cid).is_file() && self.get(&cid).is_ok() {
					return Ok(cid);
				}
				d.write(bytes, &cid, true)?;
				Ok(cid)
			}
			Backend::Kubo(k) => k.add(bytes),
		}
	}

	/// Stores `bytes`, whose CID the caller computed as `cid`, **without** syncing a local
	/// file: a task that writes many files makes them durable with one [`ModelStore::sync`]
	/// at its end. On IPFS the node answers with the CID, which must be `cid`.
	pub fn put_unsynced(&self, bytes: &[u8], cid: &Cid) -> Result<()> {
		match &self.backend {
			Backend::Local(d) => d.write(bytes, cid, false),
			Backend::Kubo(k) => {
				let got = k.add(bytes)?;
				if got != *cid {
					return Err(WorkerError::InvalidArgument(format!("bytes stored as {got}, not as the {cid} given")));
				}
				Ok(())
			}
		}
	}

	/// Makes every model written to this store durable (a local store's file system sync;
	/// kubo's writes are its own).
	pub fn sync(&self) -> Result<()> {
		match &self.backend {
			Backend::Local(d) => d.sync(),
			Backend::Kubo(_) => Ok(()),
		}
	}

	/// The bytes of `cid` and where they came from: a local file is memory-mapped and **not**
	/// verified (the caller hashes what it reads); IPFS bytes are verified.
	pub(crate) fn map(&self, cid: &Cid) -> Result<(String, StoredBytes)> {
		match &self.backend {
			Backend::Local(d) => {
				let map = d.map(cid)?.ok_or_else(|| self.not_found(cid))?;
				Ok((self.where_is(cid), StoredBytes::Mapped(map)))
			}
			Backend::Kubo(k) => Ok((self.where_is(cid), StoredBytes::Owned(k.cat(cid, false)?))),
		}
	}

	/// Reads the bytes of `cid`, refusing them unless they hash to `cid`.
	pub fn get(&self, cid: &Cid) -> Result<Vec<u8>> {
		match &self.backend {
			Backend::Local(d) => {
				let bytes = d.read(cid)?.ok_or_else(|| self.not_found(cid))?;
				let actual = Cid::of(&bytes);
				if actual != *cid {
					return Err(WorkerError::CorruptModel {
						location: self.where_is(cid),
						expected: cid.to_string(),
						actual: actual.to_string(),
					});
				}
				Ok(bytes)
			}
			Backend::Kubo(k) => k.cat(cid, false),
		}
	}

	/// Reads `cid` like [`ModelStore::get`]; an IPFS store also fetches it from the nodes it
	/// is peered with when it does not hold it (a model another participant published).
	pub fn fetch(&self, cid: &Cid) -> Result<Vec<u8>> {
		match &self.backend {
			Backend::Local(_) => self.get(cid),
			Backend::Kubo(k) => k.cat(cid, true),
		}
	}

	/// Serialises and stores weights.
	pub fn put_weights(&self, w: &Weights) -> Result<Cid> {
		self.put(&w.to_safetensors()?)
	}

	/// Loads and verifies weights.
	pub fn get_weights(&self, cid: &Cid) -> Result<Weights> {
		Weights::from_safetensors(&self.get(cid)?)
	}

	/// Removes `cid` from this store (no error when absent): deletes a local file, unpins on
	/// IPFS. Refused by an archive.
	pub fn remove(&self, cid: &Cid) -> Result<()> {
		if self.append_only {
			return Err(WorkerError::InvalidArgument(format!(
				"the {} store keeps every version: {cid} cannot be removed",
				self.label
			)));
		}
		match &self.backend {
			Backend::Local(d) => d.remove(cid),
			Backend::Kubo(k) => k.unpin(cid),
		}
	}

	/// Every model CID stored (local files; pinned CIDs on IPFS), sorted.
	pub fn list(&self) -> Result<Vec<Cid>> {
		match &self.backend {
			Backend::Local(d) => d.list(),
			Backend::Kubo(k) => k.pinned(),
		}
	}
}

/// The live store and the archive store side by side.
#[derive(Clone, Debug)]
pub struct Stores {
	/// Current versions, read by users.
	pub live: ModelStore,
	/// Every version ever published, served to auditors (append-only).
	pub archive: ModelStore,
}

impl Stores {
	/// Opens (creating) both stores as local directories `<root>/live` and `<root>/archive`.
	pub fn open(root: impl AsRef<Path>) -> Result<Self> {
		let root = root.as_ref();
		Ok(Stores {
			live: ModelStore::open(root.join("live"), "live")?,
			archive: ModelStore::open(root.join("archive"), "archive")?.append_only(),
		})
	}

	/// Opens the live and archive stores at two locations, which must differ; two IPFS
	/// stores must be two different kubo nodes (compared by peer id).
	pub fn at(live: &StoreLocation, archive: &StoreLocation) -> Result<Self> {
		let stores = Stores {
			live: ModelStore::at(live, "live")?,
			archive: ModelStore::at(archive, "archive")?.append_only(),
		};
		// Two spellings of one directory (`./a`, `a`, a symlink) are one store too.
		let same_dir = match (stores.live.root(), stores.archive.root()) {
			(Some(l), Some(a)) => l.canonicalize().ok().is_some_and(|l| a.canonicalize().ok() == Some(l)),
			_ => false,
		};
		if live == archive || same_dir {
			return Err(WorkerError::InvalidArgument(format!(
				"the live and archive stores are both {live}: they must be different instances"
			)));
		}
		if let (Some(l), Some(a)) = (stores.live.kubo(), stores.archive.kubo()) {
			let id = l.peer_id()?;
			if id == a.peer_id()? {
				return Err(WorkerError::InvalidArgument(format!(
					"{} and {} are the same IPFS node ({id}): live and archive need different instances",
					l.api(),
					a.api()
				)));
			}
		}
		Ok(stores)
	}

	/// Publishes a new model: live + archive.
	pub fn publish(&self, w: &Weights) -> Result<Cid> {
		let bytes = w.to_safetensors()?;
		let cid = self.live.put(&bytes)?;
		self.archive.put(&bytes)?;
		Ok(cid)
	}

	/// Stores a candidate new version in the live store only (before it is approved).
	pub fn stage(&self, w: &Weights) -> Result<Cid> {
		self.live.put_weights(w)
	}

	/// The bytes of `cid`, live first, then the archive (local files not verified).
	pub(crate) fn map(&self, cid: &Cid) -> Result<(String, StoredBytes)> {
		match self.live.map(cid) {
			Err(WorkerError::ModelNotFound { .. }) => self.archive.map(cid),
			other => other,
		}
	}

	/// Any version's verified bytes: live first, then the archive.
	pub fn get(&self, cid: &Cid) -> Result<Vec<u8>> {
		match self.live.get(cid) {
			Err(WorkerError::ModelNotFound { .. }) => self.archive.get(cid),
			other => other,
		}
	}

	/// Any version: live first, then the archive.
	pub fn get_weights(&self, cid: &Cid) -> Result<Weights> {
		Weights::from_safetensors(&self.get(cid)?)
	}

	/// Applies a redaction: `old` is kept in the archive (copied there if missing), `new`
	/// (already staged in live) is archived too, and `old` leaves the live store — on IPFS
	/// its pin, which is the CID's: a caller whose other live models may share the bytes
	/// keeps its own count (the chain flow does).
	pub fn redact(&self, old: &Cid, new: &Cid) -> Result<()> {
		if old == new {
			return Ok(());
		}
		let new_bytes = self.live.get(new)?;
		if !self.archive.contains(old)? {
			let old_bytes = self.live.get(old)?;
			self.archive.put(&old_bytes)?;
		} else {
			self.archive.get(old)?;
		}
		self.archive.put(&new_bytes)?;
		self.live.remove(old)
	}
}
