//! Content-addressed model store.
//!
//! A model's URI is a CIDv1 of its safetensors bytes: version 1, multicodec `raw` (0x55),
//! multihash sha2-256 (0x12, 32 bytes), multibase base32 lower-case without padding
//! (prefix `b`) — the same string `ipfs add --cid-version 1 --raw-leaves` prints for a
//! file that fits in one block. Files are named `<cid>.safetensors`; every read
//! re-hashes the bytes, so a corrupted or swapped file is refused.
//!
//! Two stores, as in the dual-chain design: `live` holds the current version of every
//! model; `archive` holds every version ever published (the original on publish, the old
//! one before each redaction) and is never pruned.

use crate::error::{Result, WorkerError};
use crate::weights::Weights;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;

const CID_VERSION: u8 = 0x01;
const CODEC_RAW: u8 = 0x55;
const MH_SHA2_256: u8 = 0x12;
const MH_LEN: u8 = 0x20;
const BASE32_LOWER: &[u8] = b"abcdefghijklmnopqrstuvwxyz234567";

/// A CIDv1 (raw, sha2-256).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Cid {
	digest: [u8; 32],
}

impl Cid {
	/// The CID of `bytes`.
	pub fn of(bytes: &[u8]) -> Cid {
		Cid { digest: Sha256::digest(bytes).into() }
	}

	/// The CID whose sha2-256 digest is `digest` (e.g. of bytes hashed while streaming).
	pub fn from_digest(digest: [u8; 32]) -> Cid {
		Cid { digest }
	}

	/// The sha2-256 digest.
	pub fn digest(&self) -> &[u8; 32] {
		&self.digest
	}

	/// The binary CID (`01 55 12 20 <digest>`).
	pub fn to_bytes(&self) -> Vec<u8> {
		let mut v = vec![CID_VERSION, CODEC_RAW, MH_SHA2_256, MH_LEN];
		v.extend_from_slice(&self.digest);
		v
	}
}

impl fmt::Display for Cid {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		let s = data_encoding::BASE32_NOPAD.encode(&self.to_bytes()).to_ascii_lowercase();
		write!(f, "b{s}")
	}
}

impl fmt::Debug for Cid {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		write!(f, "Cid({self})")
	}
}

impl FromStr for Cid {
	type Err = WorkerError;

	fn from_str(s: &str) -> Result<Self> {
		let bad = |reason: &str| WorkerError::MalformedCid {
			cid: s.to_string(),
			reason: reason.to_string(),
		};
		let body = s
			.strip_prefix('b')
			.ok_or_else(|| bad("expected multibase prefix 'b' (base32 lower)"))?;
		if !body.bytes().all(|c| BASE32_LOWER.contains(&c)) {
			return Err(bad("contains characters outside the lower-case base32 alphabet"));
		}
		let bytes = data_encoding::BASE32_NOPAD
			.decode(body.to_ascii_uppercase().as_bytes())
			.map_err(|e| bad(&format!("base32: {e}")))?;
		if bytes.len() != 36 {
			return Err(bad(&format!("{} bytes, a raw sha2-256 CIDv1 has 36", bytes.len())));
		}
		if bytes[0] != CID_VERSION {
			return Err(bad(&format!("CID version {:#x}, expected 1", bytes[0])));
		}
		if bytes[1] != CODEC_RAW {
			return Err(bad(&format!("codec {:#x}, expected raw (0x55)", bytes[1])));
		}
		if bytes[2] != MH_SHA2_256 || bytes[3] != MH_LEN {
			return Err(bad("multihash is not sha2-256/32"));
		}
		let mut digest = [0u8; 32];
		digest.copy_from_slice(&bytes[4..]);
		Ok(Cid { digest })
	}
}

impl TryFrom<String> for Cid {
	type Error = WorkerError;
	fn try_from(s: String) -> Result<Self> {
		s.parse()
	}
}

impl From<Cid> for String {
	fn from(c: Cid) -> String {
		c.to_string()
	}
}

/// One content-addressed directory.
#[derive(Clone, Debug)]
pub struct ModelStore {
	root: PathBuf,
	label: &'static str,
}

impl ModelStore {
	/// Opens (creating if needed) a store at `root`; `label` names it in errors.
	pub fn open(root: impl Into<PathBuf>, label: &'static str) -> Result<Self> {
		let root = root.into();
		std::fs::create_dir_all(&root).map_err(|e| WorkerError::io(&root, e))?;
		Ok(ModelStore { root, label })
	}

	/// The directory.
	pub fn root(&self) -> &Path {
		&self.root
	}

	/// The file a CID is stored in.
	pub fn path_of(&self, cid: &Cid) -> PathBuf {
		self.root.join(format!("{cid}.safetensors"))
	}

	/// True when the store has a file for `cid` (not verified).
	pub fn contains(&self, cid: &Cid) -> bool {
		self.path_of(cid).is_file()
	}

	/// Stores `bytes` and returns their CID. Idempotent; the write is atomic (temp file + rename).
	pub fn put(&self, bytes: &[u8]) -> Result<Cid> {
		let cid = Cid::of(bytes);
		let path = self.path_of(&cid);
		if path.is_file() && self.get(&cid).is_ok() {
			return Ok(cid);
		}
		let tmp = self.root.join(format!(".{cid}.{}.tmp", std::process::id()));
		let mut f = std::fs::File::create(&tmp).map_err(|e| WorkerError::io(&tmp, e))?;
		f.write_all(bytes).map_err(|e| WorkerError::io(&tmp, e))?;
		f.sync_all().map_err(|e| WorkerError::io(&tmp, e))?;
		std::fs::rename(&tmp, &path).map_err(|e| WorkerError::io(&path, e))?;
		Ok(cid)
	}

	/// Stores `bytes`, whose CID the caller computed as `cid`, **without** syncing: a task
	/// that writes many files makes them durable with one [`ModelStore::sync`] at its end.
	/// Written to a temporary name and renamed, so a reader never sees a partial file.
	pub fn put_unsynced(&self, bytes: &[u8], cid: &Cid) -> Result<()> {
		let path = self.path_of(cid);
		let tmp = self.root.join(format!(".{cid}.{}.tmp", std::process::id()));
		std::fs::write(&tmp, bytes).map_err(|e| WorkerError::io(&tmp, e))?;
		std::fs::rename(&tmp, &path).map_err(|e| WorkerError::io(&path, e))
	}

	/// Makes every file written to this store durable: one `syncfs` of its file system
	/// (Linux), else a `sync` of each file, then of the directory.
	pub fn sync(&self) -> Result<()> {
		let dir = std::fs::File::open(&self.root).map_err(|e| WorkerError::io(&self.root, e))?;
		#[cfg(target_os = "linux")]
		{
			use std::os::fd::AsRawFd;
			// SAFETY: `dir` is an open file descriptor for the duration of the call.
			if unsafe { libc::syncfs(dir.as_raw_fd()) } == 0 {
				return Ok(());
			}
		}
		for cid in self.list()? {
			let path = self.path_of(&cid);
			let f = std::fs::File::open(&path).map_err(|e| WorkerError::io(&path, e))?;
			f.sync_all().map_err(|e| WorkerError::io(&path, e))?;
		}
		dir.sync_all().map_err(|e| WorkerError::io(&self.root, e))
	}

	/// Memory-maps the file of `cid` (not verified: the caller hashes what it reads).
	pub(crate) fn map(&self, cid: &Cid) -> Result<(PathBuf, memmap2::Mmap)> {
		let path = self.path_of(cid);
		let file = match std::fs::File::open(&path) {
			Ok(f) => f,
			Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
				return Err(WorkerError::ModelNotFound { cid: cid.to_string(), store: self.label.into(), path })
			}
			Err(e) => return Err(WorkerError::io(&path, e)),
		};
		// SAFETY: store files are immutable once renamed into place (content-addressed,
		// replaced only by a rename of identical bytes), so the map never changes under us.
		let map = unsafe { memmap2::Mmap::map(&file) }.map_err(|e| WorkerError::io(&path, e))?;
		Ok((path, map))
	}

	/// Reads the bytes of `cid`, refusing them unless they hash to `cid`.
	pub fn get(&self, cid: &Cid) -> Result<Vec<u8>> {
		let path = self.path_of(cid);
		let bytes = match std::fs::read(&path) {
			Ok(b) => b,
			Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
				return Err(WorkerError::ModelNotFound {
					cid: cid.to_string(),
					store: self.label.into(),
					path,
				})
			}
			Err(e) => return Err(WorkerError::io(&path, e)),
		};
		let actual = Cid::of(&bytes);
		if actual != *cid {
			return Err(WorkerError::CorruptModel {
				path,
				expected: cid.to_string(),
				actual: actual.to_string(),
			});
		}
		Ok(bytes)
	}

	/// Serialises and stores weights.
	pub fn put_weights(&self, w: &Weights) -> Result<Cid> {
		self.put(&w.to_safetensors()?)
	}

	/// Loads and verifies weights.
	pub fn get_weights(&self, cid: &Cid) -> Result<Weights> {
		Weights::from_safetensors(&self.get(cid)?)
	}

	/// Removes `cid` from this store (no error when absent).
	pub fn remove(&self, cid: &Cid) -> Result<()> {
		let path = self.path_of(cid);
		match std::fs::remove_file(&path) {
			Ok(()) => Ok(()),
			Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
			Err(e) => Err(WorkerError::io(&path, e)),
		}
	}

	/// All CIDs stored (file names that parse as CIDs).
	pub fn list(&self) -> Result<Vec<Cid>> {
		let mut out = Vec::new();
		for entry in std::fs::read_dir(&self.root).map_err(|e| WorkerError::io(&self.root, e))? {
			let entry = entry.map_err(|e| WorkerError::io(&self.root, e))?;
			let name = entry.file_name();
			if let Some(stem) = name.to_str().and_then(|n| n.strip_suffix(".safetensors")) {
				if let Ok(cid) = stem.parse() {
					out.push(cid);
				}
			}
		}
		out.sort();
		Ok(out)
	}
}

/// The live store and the archive store side by side (`<root>/live`, `<root>/archive`).
#[derive(Clone, Debug)]
pub struct Stores {
	/// Current versions, read by users.
	pub live: ModelStore,
	/// Every version ever published, served to auditors.
	pub archive: ModelStore,
}

impl Stores {
	/// Opens (creating) both stores under `root`.
	pub fn open(root: impl AsRef<Path>) -> Result<Self> {
		let root = root.as_ref();
		Ok(Stores {
			live: ModelStore::open(root.join("live"), "live")?,
			archive: ModelStore::open(root.join("archive"), "archive")?,
		})
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

	/// Memory-maps `cid`'s file, live first, then the archive (not verified).
	pub(crate) fn map(&self, cid: &Cid) -> Result<(PathBuf, memmap2::Mmap)> {
		match self.live.map(cid) {
			Err(WorkerError::ModelNotFound { .. }) => self.archive.map(cid),
			other => other,
		}
	}

	/// Any version: live first, then the archive.
	pub fn get_weights(&self, cid: &Cid) -> Result<Weights> {
		match self.live.get_weights(cid) {
			Err(WorkerError::ModelNotFound { .. }) => self.archive.get_weights(cid),
			other => other,
		}
	}

	/// Applies a redaction: `old` is kept in the archive (copied there if missing), `new`
	/// (already staged in live) is archived too, and `old` leaves the live store.
	pub fn redact(&self, old: &Cid, new: &Cid) -> Result<()> {
		if old == new {
			return Ok(());
		}
		let new_bytes = self.live.get(new)?;
		if !self.archive.contains(old) {
			let old_bytes = self.live.get(old)?;
			self.archive.put(&old_bytes)?;
		} else {
			self.archive.get(old)?;
		}
		self.archive.put(&new_bytes)?;
		self.live.remove(old)
	}
}
