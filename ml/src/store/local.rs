//! The local backend: one directory of `<cid>.safetensors` files (the embedded default).

use super::cid::Cid;
use crate::error::{Result, WorkerError};
use std::io::Write;
use std::path::{Path, PathBuf};

/// A directory of model files named by their CIDs.
#[derive(Clone, Debug)]
pub struct LocalDir {
	root: PathBuf,
}

impl LocalDir {
	/// Opens (creating if needed) the directory `root`.
	pub fn open(root: PathBuf) -> Result<Self> {
		std::fs::create_dir_all(&root).map_err(|e| WorkerError::io(&root, e))?;
		Ok(LocalDir { root })
	}

	/// The directory.
	pub fn root(&self) -> &Path {
		&self.root
	}

	/// The file a CID is stored in.
	pub fn path_of(&self, cid: &Cid) -> PathBuf {
		self.root.join(format!("{cid}.safetensors"))
	}

	/// Writes `bytes` as `cid`'s file through a temporary name and a rename, so a reader
	/// never sees a partial file; with `durable`, synced before the rename.
	pub fn write(&self, bytes: &[u8], cid: &Cid, durable: bool) -> Result<()> {
		let path = self.path_of(cid);
		let tmp = self.root.join(format!(".{cid}.{}.tmp", std::process::id()));
		let mut f = std::fs::File::create(&tmp).map_err(|e| WorkerError::io(&tmp, e))?;
		f.write_all(bytes).map_err(|e| WorkerError::io(&tmp, e))?;
		if durable {
			f.sync_all().map_err(|e| WorkerError::io(&tmp, e))?;
		}
		std::fs::rename(&tmp, &path).map_err(|e| WorkerError::io(&path, e))
	}

	/// Reads `cid`'s file (not verified); `None` when absent.
	pub fn read(&self, cid: &Cid) -> Result<Option<Vec<u8>>> {
		let path = self.path_of(cid);
		match std::fs::read(&path) {
			Ok(b) => Ok(Some(b)),
			Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
			Err(e) => Err(WorkerError::io(&path, e)),
		}
	}

	/// Memory-maps `cid`'s file (not verified); `None` when absent.
	pub fn map(&self, cid: &Cid) -> Result<Option<memmap2::Mmap>> {
		let path = self.path_of(cid);
		let file = match std::fs::File::open(&path) {
			Ok(f) => f,
			Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
			Err(e) => return Err(WorkerError::io(&path, e)),
		};
		// SAFETY: store files are immutable once renamed into place (content-addressed,
		// replaced only by a rename of identical bytes), so the map never changes under us.
		let map = unsafe { memmap2::Mmap::map(&file) }.map_err(|e| WorkerError::io(&path, e))?;
		Ok(Some(map))
	}

	/// Makes every file written here durable: one `syncfs` of its file system (Linux), else a
	/// `sync` of each file, then of the directory.
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

	/// Deletes `cid`'s file (no error when absent).
	pub fn remove(&self, cid: &Cid) -> Result<()> {
		let path = self.path_of(cid);
		match std::fs::remove_file(&path) {
			Ok(()) => Ok(()),
			Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
			Err(e) => Err(WorkerError::io(&path, e)),
		}
	}

	/// Every CID with a file here (names that parse as CIDs), sorted.
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
