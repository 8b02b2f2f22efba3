//! The library's error type: every bad input names the file, model or value at fault.

use std::path::PathBuf;

/// Everything that can go wrong inside the worker library.
#[derive(Debug, thiserror::Error)]
pub enum WorkerError {
	/// A file or directory could not be read or written.
	#[error("I/O error on {path}: {source}")]
	Io {
		/// The path involved.
		path: PathBuf,
		/// The underlying error.
		source: std::io::Error,
	},
	/// A data set file is missing, truncated or has a wrong header.
	#[error("data set file {path}: {reason}")]
	Dataset {
		/// The offending file (or directory).
		path: PathBuf,
		/// What is wrong with it.
		reason: String,
	},
	/// A string is not a model CID (CIDv1, raw or dag-pb, sha2-256, base32 lower-case).
	#[error("malformed CID {cid:?}: {reason}")]
	MalformedCid {
		/// The string given.
		cid: String,
		/// What is wrong with it.
		reason: String,
	},
	/// A model is not in the store.
	#[error("model {cid} is not in the {store} store ({location})")]
	ModelNotFound {
		/// The CID looked up.
		cid: String,
		/// Which store (live / archive).
		store: String,
		/// Where it was looked for: a file, or `IPFS <API URL>`.
		location: String,
	},
	/// Stored bytes do not hash to their CID (tampered, truncated or swapped): never loaded.
	#[error("corrupt model {expected} at {location}: its bytes hash to {actual}")]
	CorruptModel {
		/// Where the bytes came from: a file, or `IPFS <API URL>`.
		location: String,
		/// The CID asked for.
		expected: String,
		/// The CID of the bytes actually read.
		actual: String,
	},
	/// The store's IPFS daemon cannot be reached (down, wrong address, timed out).
	#[error("the {store} store's IPFS daemon at {location} is unavailable: {reason}")]
	StoreUnavailable {
		/// Which store.
		store: String,
		/// The daemon's API URL.
		location: String,
		/// What failed, after the retries.
		reason: String,
	},
	/// The store's IPFS daemon refused a call or answered something unexpected.
	#[error("the {store} store's IPFS daemon at {location}: {reason}")]
	Store {
		/// Which store.
		store: String,
		/// The daemon's API URL.
		location: String,
		/// The daemon's message.
		reason: String,
	},
	/// Weights that cannot be used: NaN/inf, wrong dtype, mismatched names or shapes.
	#[error("invalid weights: {0}")]
	InvalidWeights(String),
	/// A topology file that does not describe a valid model DAG.
	#[error("invalid topology: {0}")]
	InvalidTopology(String),
	/// Any other argument out of range or inconsistent.
	#[error("invalid argument: {0}")]
	InvalidArgument(String),
	/// libtorch failed.
	#[error("torch: {0}")]
	Torch(#[from] tch::TchError),
	/// A safetensors buffer could not be parsed or written.
	#[error("safetensors: {0}")]
	SafeTensors(#[from] safetensors::SafeTensorError),
	/// JSON (de)serialisation failed.
	#[error("json: {0}")]
	Json(#[from] serde_json::Error),
}

/// Result alias for the library.
pub type Result<T, E = WorkerError> = std::result::Result<T, E>;

impl WorkerError {
	pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
		WorkerError::Io { path: path.into(), source }
	}

	pub(crate) fn dataset(path: impl Into<PathBuf>, reason: impl Into<String>) -> Self {
		WorkerError::Dataset { path: path.into(), reason: reason.into() }
	}
}
