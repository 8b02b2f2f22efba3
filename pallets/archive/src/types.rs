//! Plain SCALE types of the archive chain.

use blockful_chameleon::{ChCheck, ChRandomness};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::{ConstU32, Get},
	BoundedVec, CloneNoBound, EqNoBound, PartialEqNoBound, DebugNoBound,
};
use scale_info::TypeInfo;
use sp_core::H256;

/// Why a model version entered the archive.
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
pub enum ArchiveReason {
	/// The original version, archived when the model was published.
	Published,
	/// A new version that a committee redaction made live; archived together with the
	/// change of the live transaction.
	Redacted {
		/// The unlearning request the redaction advanced.
		request: u64,
	},
}

/// One archived model version. Never modified or removed once appended.
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
#[codec(mel_bound(AccountId: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct ArchiveRecord<AccountId, BlockNumber, MaxUriLen: Get<u32>, MaxRefs: Get<u32>>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// Position of the record in the archive, 0, 1, 2, … in append order.
	pub seq: u64,
	/// Hash of the previous record (`H256::zero()` for the first one).
	pub prev_hash: H256,
	/// Live-chain transaction id of the model.
	pub tx: u64,
	/// Version of the model this record holds (0 = as published).
	pub version: u32,
	/// The model URI (CID) of this version.
	pub uri: BoundedVec<u8, MaxUriLen>,
	/// blake2-256 of the version's chameleon-hash message, SCALE `(uri, refs)`.
	pub content_hash: H256,
	/// Transaction ids the model aggregated (never change across versions).
	pub refs: BoundedVec<u64, MaxRefs>,
	/// Account that published the model.
	pub owner: AccountId,
	/// The chameleon-hash check value of the transaction (fixed for all versions).
	pub ch: ChCheck,
	/// The chameleon-hash randomness that opened `ch` to this version.
	pub rand: ChRandomness,
	/// Why the version was archived.
	pub reason: ArchiveReason,
	/// Block in which the record was appended.
	pub block_number: BlockNumber,
}

/// Content hash of a model version: blake2-256 of its chameleon-hash message.
pub fn content_hash(message: &[u8]) -> H256 {
	H256(sp_io::hashing::blake2_256(message))
}

/// Record hash: blake2-256 of `prev_hash ‖ SCALE(record)`.
pub fn record_hash<R: Encode>(prev_hash: &H256, record: &R) -> H256 {
	let mut bytes = prev_hash.as_bytes().to_vec();
	record.encode_to(&mut bytes);
	H256(sp_io::hashing::blake2_256(&bytes))
}

/// The CH message of a model version (one definition, in the chameleon primitives).
pub use blockful_chameleon::messages::model_message;

/// Upper bound on failures an archive verification lists before it stops collecting.
pub type MaxReportedFailures = ConstU32<64>;
