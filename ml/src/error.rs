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
	/// A string is not a CIDv1 (raw, sha2-256, base32).
	#[error("malformed CID {cid:?}: {reason}")]
	MalformedCid {
		/// The string given.
		cid: String,
		/// What is wrong with it.
		reason: String,
	},
	/// A model is not in the store.
	#[error("model {cid} is not in the {store} store ({path})")]
	ModelNotFound {
		/// The CID looked up.
		cid: String,
		/// Which store (live / archive).
		store: String,
		/// Where it was looked for.
		path: PathBuf,
	},
	/// A stored file does not hash to its CID.
	#[error("corrupt model file {path}: content hashes to {actual}, expected {expected}")]
	CorruptModel {
		/// The file.
		path: PathBuf,
		/// The CID it should have.
		expected: String,
		/// The CID of what is actually there.
		actual: String,
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
