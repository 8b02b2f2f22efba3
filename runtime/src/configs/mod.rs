//! Configuration of every pallet of the runtime.

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, EitherOfDiverse, VariantCountOf},
	weights::{
		constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		IdentityFee, Weight,
	},
};
use frame_system::{
	limits::{BlockLength, BlockWeights},
	EnsureRoot,
};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{traits::One, Perbill};
use sp_version::RuntimeVersion;

use super::{
	AccountId, Aura, Balance, Balances, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, RuntimeOrigin, RuntimeTask,
	System, EXISTENTIAL_DEPOSIT, MINUTES, SLOT_DURATION, VERSION,
};

const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);
/// Most bytes a block may hold.
const MAX_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	/// One second of compute per two-second block.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(MAX_BLOCK_LENGTH)
		.modify_max_length_for_class(DispatchClass::Normal, |m| {
			*m = NORMAL_DISPATCH_RATIO * MAX_BLOCK_LENGTH
		})
		.build();
	pub const SS58Prefix: u8 = 42;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores state in ParityDB (RocksDB is not compiled in).
	type DbWeight = ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<32>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ();
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

parameter_types! {
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = IdentityFee<Balance>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

/// The committee's collective instance.
pub type CommitteeInstance = pallet_collective::Instance1;
/// The committee-membership instance.
pub type CommitteeMembershipInstance = pallet_membership::Instance1;

/// At least two thirds of the committee: the quorum that may redact the live chain. With
/// n = 3f + 1 members this is 2f + 1, the BFT quorum.
pub type CommitteeTwoThirds =
	pallet_collective::EnsureProportionAtLeast<AccountId, CommitteeInstance, 2, 3>;

/// Root or two thirds of the committee.
pub type RootOrCommitteeTwoThirds = EitherOfDiverse<EnsureRoot<AccountId>, CommitteeTwoThirds>;

parameter_types! {
	pub const CommitteeMotionDuration: BlockNumber = 10 * MINUTES;
	pub const CommitteeMaxProposals: u32 = 100;
	pub const CommitteeMaxMembers: u32 = 32;
	/// A motion may carry at most half a block of weight.
	pub CommitteeMaxProposalWeight: Weight =
		Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

impl pallet_collective::Config<CommitteeInstance> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CommitteeMotionDuration;
	type MaxProposals = CommitteeMaxProposals;
	type MaxMembers = CommitteeMaxMembers;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = CommitteeMaxProposalWeight;
	type DisapproveOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	type Consideration = ();
}

impl pallet_membership::Config<CommitteeMembershipInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = RootOrCommitteeTwoThirds;
	type RemoveOrigin = RootOrCommitteeTwoThirds;
	type SwapOrigin = RootOrCommitteeTwoThirds;
	type ResetOrigin = RootOrCommitteeTwoThirds;
	type PrimeOrigin = RootOrCommitteeTwoThirds;
	type MembershipInitialized = super::Committee;
	type MembershipChanged = super::Committee;
	type MaxMembers = CommitteeMaxMembers;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// CIDv1 base32 strings are 59 bytes; leave room for other URI schemes.
	pub const MaxUriLen: u32 = 128;
	/// Fan-in bound of the model DAG (the paper's N ≤ K candidates).
	pub const MaxRefs: u32 = 16;
	/// Models one block's live block can hold.
	pub const MaxTxsPerBlock: u32 = 256;
	/// Model updates one redaction can carry (goal: ≥ 500 redactions fit in a block).
	pub const MaxUpdates: u32 = 1000;
	/// Start models of one unlearning request.
	pub const MaxStarts: u32 = 16;
	/// Classes one request may forget.
	pub const MaxClasses: u32 = 100;
	/// Models one request may affect (start models and all descendants).
	pub const MaxAffected: u32 = 1000;
}

impl pallet_model_archive::Config for Runtime {
	type MaxUriLen = MaxUriLen;
	type MaxRefs = MaxRefs;
	type WeightInfo = pallet_model_archive::weights::SubstrateWeight<Runtime>;
}

impl pallet_live_chain::Config for Runtime {
	/// Only at least two thirds of the committee may redact: no single account, not root,
	/// not sudo.
	type RedactOrigin = CommitteeTwoThirds;
	type TimeProvider = super::Timestamp;
	type MaxTxsPerBlock = MaxTxsPerBlock;
	type MaxUpdates = MaxUpdates;
	type OnRedaction = super::Unlearning;
	type WeightInfo = pallet_live_chain::weights::SubstrateWeight<Runtime>;
}

impl pallet_unlearning::Config for Runtime {
	type MaxStarts = MaxStarts;
	type MaxClasses = MaxClasses;
	type MaxAffected = MaxAffected;
	type WeightInfo = pallet_unlearning::weights::SubstrateWeight<Runtime>;
}
