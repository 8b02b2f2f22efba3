//! Plain SCALE types of unlearning requests.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::Get, BoundedVec, CloneNoBound, EqNoBound, PartialEqNoBound,
	DebugNoBound,
};
use scale_info::TypeInfo;

/// How the affected models are recomputed (SPEC §5).
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
pub enum Paradigm {
	/// Gradient ascent on the start models, propagated to every descendant with DAG
	/// coefficients; all updates go through **one** committee motion.
	Parallel,
	/// Re-training in topological order; **one** committee motion per model.
	Sequential,
}

/// What a **sample-level** request withdraws, committed to without revealing it: the
/// requester withdraws specific training samples (poisoned, mislabelled, or asked back),
/// not whole classes, and publishes only a commitment to them. Anyone later shown a sample
/// and its Merkle path can check that it was withdrawn; no one learns the others.
///
/// `root` is a binary Merkle root over the withdrawn samples' leaves, ascending; the
/// runtime stores it and checks nothing inside it. How leaves and nodes are formed is the
/// participants' convention (`blockful-ml`'s `samples` module: leaf =
/// `sha2_256("blockful/sample" ‖ label ‖ image bytes)`, node = `sha2_256(0x01 ‖ l ‖ r)`).
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
pub struct SampleCommitment {
	/// Merkle root of the withdrawn samples' leaves.
	pub root: [u8; 32],
	/// Number of withdrawn samples (leaves); at least one.
	pub samples: u32,
}

/// Where a request stands.
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
pub enum RequestStatus {
	/// Stored; no redaction has advanced it yet.
	Pending,
	/// Some, not all, affected models are updated: sequential, or a parallel request whose
	/// approved update set is being applied in chunks.
	InProgress,
	/// Every affected model is updated (or, parallel, skipped under ε).
	Completed,
	/// The requester withdrew the request before the committee acted on it.
	Cancelled,
	/// The request was not completed within the configured number of blocks.
	Expired,
	/// Filed while another open request held some of its affected models; it holds the
	/// rest and becomes `Pending` when the earlier requests release theirs (requests are
	/// served in the order they were filed, never refused for overlapping).
	Waiting,
	/// Filed with an affected set larger than one filing step: the set is being computed
	/// in bounded steps (`Unlearning.extend_request`). It locks the models found so far
	/// that no earlier request holds and waits like a `Waiting` request; when the set is
	/// complete it becomes `Pending` (it holds every model) or `Waiting`.
	Computing,
}

impl RequestStatus {
	/// Whether the request still locks (or waits for) its affected models and holds its
	/// deposit.
	pub fn is_open(self) -> bool {
		matches!(
			self,
			RequestStatus::Pending |
				RequestStatus::InProgress |
				RequestStatus::Waiting |
				RequestStatus::Computing
		)
	}

	/// Whether the request is listed in `Unlearning::Waiting`: it does not hold (or has
	/// not found) its whole affected set yet.
	pub fn is_queued(self) -> bool {
		matches!(self, RequestStatus::Waiting | RequestStatus::Computing)
	}

	/// Whether owners may submit updates and redactions may advance the request: it holds
	/// every affected model and is not finished.
	pub fn is_active(self) -> bool {
		matches!(self, RequestStatus::Pending | RequestStatus::InProgress)
	}
}

/// What the owner of an affected model submits for it (`Unlearning.submit_update`).
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum ModelUpdate<Uri> {
	/// The model's new version: the CID of the unlearned model in the live store.
	Replace(Uri),
	/// Parallel paradigm only, never for a start model: the model stays as it is (its
	/// update's norm is at most ε).
	Unchanged,
}

impl<Uri> ModelUpdate<Uri> {
	/// The new version's URI, if the model changes.
	pub fn uri(&self) -> Option<&Uri> {
		match self {
			ModelUpdate::Replace(uri) => Some(uri),
			ModelUpdate::Unchanged => None,
		}
	}
}

/// An update as stored until its request closes.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct SubmittedUpdate<AccountId, BlockNumber, Uri> {
	/// The new version, or `Unchanged`.
	pub update: ModelUpdate<Uri>,
	/// Who submitted it: the model's owner, or (fallback) another account.
	pub by: AccountId,
	/// Submitted by someone other than the owner after the owners' window: the parallel
	/// paradigm's public-data update (eqs. 7-8), which anyone can recompute and check.
	pub fallback: bool,
	/// Block of the submission.
	pub at: BlockNumber,
}

/// An unlearning request and its progress.
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
#[scale_info(skip_type_params(MaxStarts, MaxClasses, MaxAffected))]
#[codec(mel_bound(AccountId: MaxEncodedLen, BlockNumber: MaxEncodedLen, Balance: MaxEncodedLen))]
pub struct UnlearningRequest<
	AccountId,
	BlockNumber,
	Balance,
	MaxStarts: Get<u32>,
	MaxClasses: Get<u32>,
	MaxAffected: Get<u32>,
> where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// Account that asked; owns every start model.
	pub requester: AccountId,
	/// The start models W (transaction ids, ascending).
	pub start: BoundedVec<u64, MaxStarts>,
	/// Labels to forget.
	pub classes: BoundedVec<u8, MaxClasses>,
	/// Parallel or sequential.
	pub paradigm: Paradigm,
	/// W and N(W): start models and all descendants, in topological (ascending id) order.
	pub affected: BoundedVec<u64, MaxAffected>,
	/// Affected models already redacted for this request, in the order they were.
	pub done: BoundedVec<u64, MaxAffected>,
	/// Parallel: affected models the worker left unchanged (update norm ≤ ε).
	pub skipped: BoundedVec<u64, MaxAffected>,
	/// Where the request stands.
	pub status: RequestStatus,
	/// Redactions (committee motions or chunks of a threshold approval) applied so far.
	pub rounds: u32,
	/// Owners' updates submitted so far (`Unlearning::Updates` entries of this request).
	pub submitted: u32,
	/// Block of the request.
	pub created: BlockNumber,
	/// Block it became active (held every affected model); `None` while `Waiting`.
	pub activated: Option<BlockNumber>,
	/// Parallel: first block at which anyone may submit the public-data update of an
	/// inherited model whose owner has not answered (activation + `UpdateWindow`).
	pub fallback_from: Option<BlockNumber>,
	/// Block of completion, cancellation or expiry.
	pub completed: Option<BlockNumber>,
	/// Block at whose start an active request expires (activation + `RequestTtl`).
	pub expires: Option<BlockNumber>,
	/// Deposit held from the requester while the request is open.
	pub deposit: Balance,
}

impl<AccountId, BlockNumber, Balance, MaxStarts, MaxClasses, MaxAffected>
	UnlearningRequest<AccountId, BlockNumber, Balance, MaxStarts, MaxClasses, MaxAffected>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxStarts: Get<u32>,
	MaxClasses: Get<u32>,
	MaxAffected: Get<u32>,
{
	/// A request just filed, `Waiting` until [`Self::activate`]: nothing done, submitted
	/// or skipped, no rounds.
	#[allow(clippy::too_many_arguments)]
	pub fn filed(
		requester: AccountId,
		start: BoundedVec<u64, MaxStarts>,
		classes: BoundedVec<u8, MaxClasses>,
		paradigm: Paradigm,
		affected: BoundedVec<u64, MaxAffected>,
		created: BlockNumber,
		deposit: Balance,
	) -> Self {
		Self {
			requester,
			start,
			classes,
			paradigm,
			affected,
			done: BoundedVec::new(),
			skipped: BoundedVec::new(),
			status: RequestStatus::Waiting,
			rounds: 0,
			submitted: 0,
			created,
			activated: None,
			fallback_from: None,
			completed: None,
			expires: None,
			deposit,
		}
	}

	/// Makes a waiting request `Pending` at block `now`: owners' updates are taken from
	/// now, the fallback from `fallback_from`, and it expires at `expires`.
	pub fn activate(&mut self, now: BlockNumber, fallback_from: BlockNumber, expires: BlockNumber) {
		self.status = RequestStatus::Pending;
		self.activated = Some(now);
		self.fallback_from = Some(fallback_from);
		self.expires = Some(expires);
	}
}

/// Where the affected-set search of a `Computing` request stands: the models found whose
/// children are not all read yet, and the model being read with the last child read.
/// Children of a found model cannot change (it is locked), so the search resumes where it
/// stopped.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	TypeInfo,
	MaxEncodedLen,
	frame_support::DefaultNoBound,
)]
#[scale_info(skip_type_params(MaxAffected))]
pub struct Frontier<MaxAffected: Get<u32>> {
	/// Found models whose children are still to be read.
	pub queue: BoundedVec<u64, MaxAffected>,
	/// The model whose children are being read and the last child read (the search goes
	/// on after it).
	pub cursor: Option<(u64, u64)>,
}

impl<MaxAffected: Get<u32>> Frontier<MaxAffected> {
	/// Whether every found model's children were read: the affected set is complete.
	pub fn is_done(&self) -> bool {
		self.queue.is_empty() && self.cursor.is_none()
	}
}
