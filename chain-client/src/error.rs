//! Errors of the chain client; every one says what was attempted.

/// Errors of the chain client.
#[derive(Debug, thiserror::Error)]
pub enum ChainError {
	/// The node could not be reached.
	#[error("cannot reach the node at {url}: {reason} (is `blockful-node` running? start one with `blockful-node --dev`)")]
	Unreachable {
		/// The URL tried.
		url: String,
		/// Why it failed.
		reason: String,
	},
	/// A call, storage read or RPC failed.
	#[error("{what}: {reason}")]
	Failed {
		/// What was attempted.
		what: String,
		/// Why it failed.
		reason: String,
	},
	/// A transaction was included but its dispatch failed.
	#[error("{what} was rejected by the runtime: {reason}")]
	Rejected {
		/// What was attempted.
		what: String,
		/// The runtime's error.
		reason: String,
	},
	/// The chain holds something the client cannot accept, or the input is unusable.
	#[error("{0}")]
	Invalid(String),
}

/// Result of the chain client.
pub type ChainResult<T> = Result<T, ChainError>;

/// Maps any error to [`ChainError::Failed`] naming `what` was attempted.
pub(crate) fn failed<E: std::fmt::Display>(what: impl Into<String>) -> impl FnOnce(E) -> ChainError {
	let what = what.into();
	move |e| ChainError::Failed { what, reason: e.to_string() }
}
