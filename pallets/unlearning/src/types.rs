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
	/// Sequential: some, not all, affected models are updated.
	InProgress,
	/// Every affected model is updated (or, parallel, skipped under ε).
	Completed,
	/// The requester withdrew the request before the committee acted on it.
	Cancelled,
	/// The request was not completed within the configured number of blocks.
	Expired,
}

impl RequestStatus {
	/// Whether the request still locks its affected models and holds its deposit.
	pub fn is_open(self) -> bool {
		matches!(self, RequestStatus::Pending | RequestStatus::InProgress)
	}
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
	/// Committee motions (redactions) that advanced the request so far.
	pub rounds: u32,
	/// Block of the request.
	pub created: BlockNumber,
	/// Block of completion, cancellation or expiry.
	pub completed: Option<BlockNumber>,
	/// Block at whose start an open request expires.
	pub expires: BlockNumber,
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
	/// A request just filed: pending, nothing done or skipped, no rounds.
	#[allow(clippy::too_many_arguments)]
	pub fn pending(
		requester: AccountId,
		start: BoundedVec<u64, MaxStarts>,
		classes: BoundedVec<u8, MaxClasses>,
		paradigm: Paradigm,
		affected: BoundedVec<u64, MaxAffected>,
		created: BlockNumber,
		expires: BlockNumber,
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
			status: RequestStatus::Pending,
			rounds: 0,
			created,
			completed: None,
			expires,
			deposit,
		}
	}
}
