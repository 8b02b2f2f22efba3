//! Plain SCALE types of the live chain, the redaction hook and the runtime-API views.

use alloc::vec::Vec;
use blockful_chameleon::{ChCheck, ChRandomness};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::{DispatchResult, Get, Weight},
	BoundedVec, CloneNoBound, EqNoBound, PartialEqNoBound, DebugNoBound,
};
use pallet_model_archive::ArchiveReason;
use scale_info::TypeInfo;
use sp_core::H256;

/// A model transaction `Tx(i, j)` of the live chain (paper Fig. 3).
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	TypeInfo,
	MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxUriLen, MaxRefs))]
#[codec(mel_bound(AccountId: MaxEncodedLen))]
pub struct LiveTx<AccountId, MaxUriLen: Get<u32>, MaxRefs: Get<u32>>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// Account that published the model.
	pub owner: AccountId,
	/// Model URI (CID) of the current version; changes on redaction.
	pub uri: BoundedVec<u8, MaxUriLen>,
	/// Ids of the transactions whose models this one aggregated; never change.
	pub refs: BoundedVec<u64, MaxRefs>,
	/// Chameleon-hash check value of the payload SCALE `(uri, refs)`; never changes.
	pub ch: ChCheck,
	/// Randomness opening `ch` to the current payload; changes on redaction.
	pub rand: ChRandomness,
	/// Number of redactions applied so far (0 = as published).
	pub version: u32,
	/// Height of the live block holding the transaction.
	pub height: u64,
}

/// Header of a live block.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct LiveBlockHeader {
	/// [`header_hash`] of the previous live block (`H256::zero()` for height 0).
	pub parent: H256,
	/// Chameleon-hash check value binding SCALE `(height: u64, version: u32)`.
	pub ch_curr: ChCheck,
	/// Randomness opening `ch_curr` for the current `version`.
	pub r_curr: ChRandomness,
	/// Bumped by one each time a transaction of the block is redacted.
	pub version: u32,
	/// [`merkle_root`] over the `ch` of the block's transactions, in order.
	pub merkle_root: H256,
	/// Unix time in milliseconds of the block that sealed the live block.
	pub timestamp: u64,
}

/// One model replacement of a redaction: new URI and a collision under the unchanged `ch`
/// for the message SCALE `(uri, refs)` with the transaction's old `refs`.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxUriLen))]
pub struct TxUpdate<MaxUriLen: Get<u32>> {
	/// Transaction to redact.
	pub tx: u64,
	/// The new model URI (CID).
	pub uri: BoundedVec<u8, MaxUriLen>,
	/// Collision for SCALE `(uri, old refs)` under the transaction's `ch`.
	pub rand: ChRandomness,
}

/// One header update of a redaction: a collision for SCALE `(height, version + 1)` under
/// the block's `ch_curr`.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct HeaderUpdate {
	/// Live block whose header is updated.
	pub height: u64,
	/// Collision for SCALE `(height, version + 1)` under the header's `ch_curr`.
	pub rand: ChRandomness,
}

/// The chameleon-hash message of a live-block header (one definition, in the chameleon
/// primitives).
pub use blockful_chameleon::messages::header_message;

/// Hash of a header's immutable fields, `blake2_256(SCALE(parent, ch_curr, merkle_root,
/// timestamp))`: what the next header's `parent` holds. Redaction changes only `version`
/// and `r_curr`, so parent links survive it.
pub fn header_hash(header: &LiveBlockHeader) -> H256 {
	H256(sp_io::hashing::blake2_256(
		&(header.parent, header.ch_curr, header.merkle_root, header.timestamp).encode(),
	))
}

/// Binary Merkle root over check values: leaf `blake2_256(0x00 ‖ ch)`, node
/// `blake2_256(0x01 ‖ left ‖ right)`, an odd last node moves up unchanged; the root of no
/// leaves is `H256::zero()`.
pub fn merkle_root(leaves: &[ChCheck]) -> H256 {
	let mut level: Vec<[u8; 32]> = leaves
		.iter()
		.map(|ch| sp_io::hashing::blake2_256(&(0u8, ch.0).encode()))
		.collect();
	while level.len() > 1 {
		level = level
			.chunks(2)
			.map(|pair| match pair {
				[left, right] => sp_io::hashing::blake2_256(&(1u8, left, right).encode()),
				[single] => *single,
				_ => [0u8; 32],
			})
			.collect();
	}
	level.first().map(|root| H256(*root)).unwrap_or_default()
}

/// How the live chain tells another pallet (the unlearning pallet) about redactions, and
/// asks it which models are locked.
///
/// Every redaction belongs to an unlearning request. `redact` calls
/// [`OnRedaction::validate`] after its own checks and before any write, and
/// [`OnRedaction::on_redacted`] after it applied every update. Both get the request id the
/// motion names and the redacted transaction ids in the order of the call.
/// `publish_model` calls [`OnRedaction::locked_by`] for every reference: a model that an
/// open request is unlearning cannot be inherited from until the request ends.
pub trait OnRedaction {
	/// May a redaction giving each of `updates`' models its new URI advance `request`?
	/// Must not write storage.
	fn validate(request: u64, updates: &[(u64, &[u8])]) -> DispatchResult;
	/// Records the applied redaction; returns the weight it used.
	fn on_redacted(request: u64, txs: &[u64]) -> Result<Weight, sp_runtime::DispatchError>;
	/// Upper bound of the weight of `validate` plus `on_redacted`.
	fn max_weight() -> Weight;
	/// The open request whose affected set holds `tx`, if any.
	fn locked_by(tx: u64) -> Option<u64>;
	/// Benchmarks only: opens a request, filed by `who`, over `updates` (models in
	/// ascending order, the first one a start model, with the URIs their owners submitted)
	/// and `more` further affected models that they do not cover: with `more = 0` a
	/// redaction of `updates` completes the request, otherwise it leaves it open (a chunk
	/// before the last). Returns its id.
	#[cfg(feature = "runtime-benchmarks")]
	fn open_bench_request<AccountId>(
		_who: &AccountId,
		_updates: &[(u64, alloc::vec::Vec<u8>)],
		_more: u32,
	) -> u64 {
		0
	}
}

/// No unlearning pallet (the live chain's own unit tests only): every request id is
/// accepted, nothing is recorded and no model is locked. A runtime must plug in
/// `pallet-unlearning`, which refuses unknown requests.
impl OnRedaction for () {
	fn validate(_request: u64, _updates: &[(u64, &[u8])]) -> DispatchResult {
		Ok(())
	}
	fn on_redacted(_request: u64, _txs: &[u64]) -> Result<Weight, sp_runtime::DispatchError> {
		Ok(Weight::zero())
	}
	fn max_weight() -> Weight {
		Weight::zero()
	}
	fn locked_by(_tx: u64) -> Option<u64> {
		None
	}
}

/// A live model as the runtime API returns it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct LiveModel<AccountId> {
	/// Transaction id.
	pub tx: u64,
	/// Publisher.
	pub owner: AccountId,
	/// Current URI (CID).
	pub uri: Vec<u8>,
	/// Referenced transaction ids.
	pub refs: Vec<u64>,
	/// Check value.
	pub ch: ChCheck,
	/// Current randomness.
	pub rand: ChRandomness,
	/// Current version.
	pub version: u32,
	/// Live block height.
	pub height: u64,
}

/// An archived model version as the runtime API returns it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ArchivedVersion<AccountId> {
	/// Archive sequence number.
	pub seq: u64,
	/// Record hash (link of the archive's hash chain).
	pub hash: H256,
	/// Hash of the previous record.
	pub prev_hash: H256,
	/// Transaction id.
	pub tx: u64,
	/// Archived version.
	pub version: u32,
	/// URI (CID) of that version.
	pub uri: Vec<u8>,
	/// blake2-256 of SCALE `(uri, refs)`.
	pub content_hash: H256,
	/// Referenced transaction ids.
	pub refs: Vec<u64>,
	/// Publisher.
	pub owner: AccountId,
	/// Check value.
	pub ch: ChCheck,
	/// Randomness of that version.
	pub rand: ChRandomness,
	/// Why it was archived.
	pub reason: ArchiveReason,
	/// Block number of the append.
	pub block_number: u64,
}

/// One integrity violation found by [`crate::Pallet::verify_integrity`].
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub enum IntegrityFailure {
	/// A transaction id below `NextTxId` has no entry.
	TxMissing {
		/// The id.
		tx: u64,
	},
	/// A transaction's `rand` does not open its `ch` to SCALE `(uri, refs)`.
	TxCheck {
		/// The id.
		tx: u64,
	},
	/// A transaction's `height` names a live block that does not list it.
	TxNotInBlock {
		/// The id.
		tx: u64,
	},
	/// A height below `NextHeight` has no header or no transaction list.
	BlockMissing {
		/// The height.
		height: u64,
	},
	/// A header's `r_curr` does not open `ch_curr` to SCALE `(height, version)`.
	HeaderCheck {
		/// The height.
		height: u64,
	},
	/// A header's `merkle_root` differs from the root over its transactions' `ch`.
	MerkleRoot {
		/// The height.
		height: u64,
	},
	/// A header's `parent` differs from the hash of the previous header.
	ParentLink {
		/// The height.
		height: u64,
	},
	/// An archive record is missing or its hash link is broken.
	ArchiveLink {
		/// The sequence number.
		seq: u64,
	},
	/// An archived version's randomness does not open the transaction's `ch`.
	ArchiveVersionCheck {
		/// The sequence number.
		seq: u64,
	},
	/// A transaction's archive lineage does not have `version + 1` records.
	LineageLength {
		/// The id.
		tx: u64,
	},
	/// The `n`-th archive record of a transaction disagrees with the live transaction: it
	/// belongs to another transaction, has another owner, `ch` or `refs`, is not version
	/// `n`, or (for the newest record) does not hold the live `uri` and `rand`.
	LineageMismatch {
		/// The id.
		tx: u64,
		/// Archive sequence number of the disagreeing record.
		seq: u64,
	},
}

/// Result of an integrity check of the live chain and the archive (full, one page of
/// transactions, or what changed since a block).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct IntegrityReport {
	/// True iff no failure was found.
	pub ok: bool,
	/// Transactions checked.
	pub txs_checked: u64,
	/// Live blocks checked.
	pub blocks_checked: u64,
	/// Archive records checked.
	pub archive_records_checked: u64,
	/// Where the next page continues (`None` when the check reached the end, and for the
	/// full check): a transaction id after a page of transactions, a block number after a
	/// page of what changed since a block.
	pub next: Option<u64>,
	/// Failures found (at most [`MAX_REPORTED_FAILURES`]).
	pub failures: Vec<IntegrityFailure>,
	/// More failures were found than listed.
	pub truncated: bool,
}

/// Collects the failures of an integrity check, at most [`MAX_REPORTED_FAILURES`].
#[derive(Default, Debug)]
pub struct FailureLog {
	failures: Vec<IntegrityFailure>,
	/// More failures were found than listed.
	pub truncated: bool,
}

impl FailureLog {
	/// Records a failure (or marks the log truncated when it is full).
	pub fn fail(&mut self, failure: IntegrityFailure) {
		if self.failures.len() < MAX_REPORTED_FAILURES as usize {
			self.failures.push(failure);
		} else {
			self.truncated = true;
		}
	}

	/// The report of a check that covered the given counts.
	pub fn finish(self, txs: u64, blocks: u64, records: u64, next: Option<u64>) -> IntegrityReport {
		IntegrityReport {
			ok: self.failures.is_empty() && !self.truncated,
			txs_checked: txs,
			blocks_checked: blocks,
			archive_records_checked: records,
			next,
			failures: self.failures,
			truncated: self.truncated,
		}
	}
}

/// How much of the archive an integrity check covers besides the lineages it visits.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ArchiveScope {
	/// Only the lineages of the checked transactions: their records' openings and hash
	/// links are checked with them.
	Lineages,
	/// The whole archive is walked separately (full check): lineages skip those checks.
	Walked,
}

/// One integrity check in progress: the chain's CH key, decoded once, what it covers of the
/// archive, and the failures found so far.
pub struct IntegrityCheck {
	/// The prepared CH public key (`None`: no key or an invalid one, so nothing opens).
	pub key: Option<blockful_chameleon::PreparedPublicKey>,
	/// How much of the archive the check walks.
	pub archive: ArchiveScope,
	/// The failures found.
	pub log: FailureLog,
}

impl IntegrityCheck {
	/// Whether `rand` opens `ch` to `message` under the check's key.
	pub fn opens(&self, message: &[u8], rand: &ChRandomness, ch: &ChCheck) -> bool {
		self.key.as_ref().is_some_and(|key| key.verify(message, rand, ch).is_ok())
	}
}

/// Most failures an [`IntegrityReport`] lists.
pub const MAX_REPORTED_FAILURES: u32 = 256;

/// Most transactions one paged integrity check covers.
pub const MAX_VERIFY_PAGE: u64 = 1_000;

/// Most descendants the runtime API computes for one query.
pub const MAX_QUERY_DESCENDANTS: u32 = 100_000;

/// Why a runtime-API query failed.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub enum QueryError {
	/// No transaction with this id.
	UnknownTx,
	/// The descendant set exceeds [`MAX_QUERY_DESCENDANTS`].
	TooManyDescendants,
}
