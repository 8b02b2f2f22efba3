//! # BlockFUL runtime
//!
//! A FRAME solochain runtime (Aura block production, GRANDPA finality) that carries the two
//! chains of BlockFUL: the immutable **archive chain** of model records and the redactable
//! **live chain**, governed by a **committee** (`pallet-collective` instance `Committee`,
//! whose members are managed by `pallet-membership` instance `CommitteeMembership`).
//!
//! Pallet indices are explicit and never reused.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`-generated code trips these; the runtime's own code keeps them.
#![allow(clippy::large_enum_variant)]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;
pub mod upgrade;
pub mod weights;

use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Types the node can use without knowing the runtime's concrete extrinsic format.
pub mod opaque {
	use super::*;
	use sp_runtime::traits::Hash as HashT;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;
}

impl_opaque_keys! {
	/// The session keys of a node: its Aura and GRANDPA keys, and a committee member's
	/// `bkfl` (signs its threshold messages; its account) and `bkfe` (seeds its DKG
	/// secrets) keys.
	pub struct SessionKeys {
		pub aura: Aura,
		pub grandpa: Grandpa,
		pub blockful: pallet_threshold::crypto::MemberKeys,
		pub blockful_secret: pallet_threshold::crypto::SecretKeys,
	}
}

/// The runtime version. Bump `spec_version` on every change to runtime logic.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("blockful"),
	impl_name: alloc::borrow::Cow::Borrowed("blockful-node"),
	authoring_version: 1,
	spec_version: 119,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// Block time. Short, because a redaction motion takes several transactions (propose,
/// votes, close) and every one of them waits for a block.
pub const MILLI_SECS_PER_BLOCK: u64 = 2000;
/// Aura slot duration; cannot change once the chain runs.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Blocks per minute.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;

/// The base number of indivisible units of the native token.
pub const UNIT: Balance = 1_000_000_000_000;
/// A thousandth of a unit.
pub const MILLI_UNIT: Balance = 1_000_000_000;
/// A millionth of a unit.
pub const MICRO_UNIT: Balance = 1_000_000;
/// The existential deposit.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// Signature of a transaction.
pub type Signature = MultiSignature;
/// Account identifier: the public key of the signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Balance of an account.
pub type Balance = u128;
/// Index of a transaction of an account.
pub type Nonce = u32;
/// Hash type of the chain.
pub type Hash = sp_core::H256;
/// Block number.
pub type BlockNumber = u32;
/// Address format for describing accounts.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// A block with a justification.
pub type SignedBlock = generic::SignedBlock<Block>;
/// Block identifier.
pub type BlockId = generic::BlockId<Block>;

/// The transaction extensions checked on every transaction.
pub type TxExtension = (
	frame_system::AuthorizeCall<Runtime>,
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Unchecked extrinsic.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Migrations of the runtime besides the pallets' own.
#[allow(unused_parens)]
type Migrations = ();

/// Executive: dispatches to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	// Index 6 held `Sudo`, removed: no account and no origin can act as root.

	/// The committee that governs redaction of the live chain.
	#[runtime::pallet_index(10)]
	pub type Committee = pallet_collective<Instance1>;

	/// Who sits on the committee.
	#[runtime::pallet_index(11)]
	pub type CommitteeMembership = pallet_membership<Instance1>;

	/// Runtime upgrades, authorised by a unanimous committee motion.
	#[runtime::pallet_index(12)]
	pub type Upgrade = crate::upgrade;

	/// The archive chain: every model version ever published or replaced.
	/// The committee's DKG and threshold redaction signing (off-chain workers).
	#[runtime::pallet_index(13)]
	pub type Threshold = pallet_threshold;

	#[runtime::pallet_index(20)]
	pub type Archive = pallet_model_archive;

	/// The live chain: current models bound by chameleon hashes, redactable by the committee.
	#[runtime::pallet_index(21)]
	pub type LiveChain = pallet_live_chain;

	/// Unlearning requests over the model DAG.
	#[runtime::pallet_index(22)]
	pub type Unlearning = pallet_unlearning;
}
