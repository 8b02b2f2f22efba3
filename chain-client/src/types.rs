//! The client's view of on-chain values: plain Rust types converted from the generated
//! API's, so that callers never name generated paths.

use crate::api::runtime_types;
use subxt::utils::AccountId32;

/// A model transaction of the live chain (`LiveChain.Txs`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveTx {
	/// Publisher.
	pub owner: AccountId32,
	/// Current model URI (CID bytes).
	pub uri: Vec<u8>,
	/// Referenced transaction ids.
	pub refs: Vec<u64>,
	/// Check value (never changes).
	pub ch: [u8; 32],
	/// Current randomness `R ‖ s`.
	pub rand: [u8; 64],
	/// Redactions so far.
	pub version: u32,
	/// Live block holding it.
	pub height: u64,
}

impl LiveTx {
	/// The URI as text.
	pub fn uri_str(&self) -> String {
		String::from_utf8_lossy(&self.uri).into_owned()
	}
}

/// A live-block header (`LiveChain.Blocks`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveHeader {
	/// Check value binding SCALE `(height, version)`.
	pub ch_curr: [u8; 32],
	/// Current header randomness.
	pub r_curr: [u8; 64],
	/// Header version.
	pub version: u32,
}

/// The unlearning paradigm (`pallet_unlearning::Paradigm`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum Paradigm {
	/// Gradient ascent, one consensus.
	Parallel,
	/// Re-training, one consensus per model.
	Sequential,
}

impl Paradigm {
	/// `parallel` or `sequential`.
	pub fn label(self) -> &'static str {
		match self {
			Paradigm::Parallel => "parallel",
			Paradigm::Sequential => "sequential",
		}
	}
}

/// An unlearning request (`Unlearning.Requests`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
	/// Affected transaction ids in topological order.
	pub affected: Vec<u64>,
	/// Already updated.
	pub done: Vec<u64>,
	/// Status variant name (`Pending`, `InProgress`, `Completed`).
	pub status: String,
	/// Consensus rounds (redactions) so far.
	pub rounds: u32,
	/// Block it was filed in.
	pub created: u64,
	/// Block it became active in (`None` while waiting behind an overlapping request).
	pub activated: Option<u64>,
	/// Block of completion, cancellation or expiry.
	pub completed: Option<u64>,
}

/// One model's new version (an owner's `Unlearning.submit_update`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProposedUpdate {
	/// Transaction id.
	pub tx: u64,
	/// URI of the unlearned model.
	pub uri: Vec<u8>,
}

/// What one threshold redaction cost, phase by phase (measured on the chain).
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct ThresholdOutcome {
	/// Proposal id.
	pub proposal: u64,
	/// Seconds from submitting the proposal to its inclusion.
	pub proposed_seconds: f64,
	/// Blocks from the proposal's block to round 1 closing (`SignersChosen`).
	pub round1_blocks: u64,
	/// Seconds from submitting to round 1 closing.
	pub round1_seconds: f64,
	/// Blocks from the proposal's block to the applied redaction.
	pub blocks: u64,
	/// Number of the block that applied it.
	pub applied_at: u64,
	/// Seconds from submitting to the applied redaction (in a best block).
	pub seconds: f64,
	/// Signing attempts over all chunks (1 = one chunk, no restart).
	pub attempts: u32,
	/// Chunks the committee's one approval was applied in (`Threshold.ChunkApplied`; 1 when
	/// the update set fits one chunk).
	pub chunks: u32,
	/// Rounds restarted (timeouts, cheaters).
	pub restarts: u32,
	/// The members whose partial shares made the collisions.
	pub signers: Vec<u16>,
	/// Reference time (ps) charged for the member message that completed the shares: it
	/// verified them, aggregated every collision and applied the redaction.
	pub apply_weight_ref_time: u128,
}

type RuntimeLiveTx = runtime_types::pallet_live_chain::types::LiveTx<AccountId32>;

impl From<RuntimeLiveTx> for LiveTx {
	fn from(t: RuntimeLiveTx) -> Self {
		LiveTx {
			owner: t.owner,
			uri: t.uri.0,
			refs: t.refs.0,
			ch: t.ch.0,
			rand: t.rand.0,
			version: t.version,
			height: t.height,
		}
	}
}

impl From<runtime_types::pallet_live_chain::types::LiveBlockHeader> for LiveHeader {
	fn from(h: runtime_types::pallet_live_chain::types::LiveBlockHeader) -> Self {
		LiveHeader { ch_curr: h.ch_curr.0, r_curr: h.r_curr.0, version: h.version }
	}
}

impl From<Paradigm> for runtime_types::pallet_unlearning::types::Paradigm {
	fn from(p: Paradigm) -> Self {
		match p {
			Paradigm::Parallel => Self::Parallel,
			Paradigm::Sequential => Self::Sequential,
		}
	}
}
