//! Configuration of every pallet of the runtime.

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, Contains, VariantCountOf},
	weights::{
		constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		IdentityFee, Weight,
	},
};
use frame_system::{
	limits::{BlockLength, BlockWeights},
	EnsureNever,
};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{traits::One, Perbill};
use sp_version::RuntimeVersion;

use super::{
	AccountId, Aura, Balance, Balances, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, RuntimeOrigin, RuntimeTask,
	System, DAYS, EXISTENTIAL_DEPOSIT, MILLI_UNIT, MINUTES, SLOT_DURATION, VERSION,
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

/// Smallest committee: n = 3f + 1 with f = 1. Below it two thirds is no BFT quorum (a
/// one-member committee would "meet" 2/3 alone), so the membership cannot shrink below it.
pub const MIN_COMMITTEE: usize = 4;

/// The base call filter, applied to every origin the runtime can produce (there is no
/// root: no sudo, and no committee motion dispatches as root). It refuses
///
/// - `System::set_storage`, `kill_storage`, `kill_prefix`: raw storage writes would walk
///   around the archive's immutability and the live chain's collision checks;
/// - membership changes that leave fewer than [`MIN_COMMITTEE`] members.
pub struct BaseFilter;

impl Contains<RuntimeCall> for BaseFilter {
	fn contains(call: &RuntimeCall) -> bool {
		use frame_system::Call as SystemCall;
		use pallet_membership::Call as MembershipCall;
		match call {
			RuntimeCall::System(
				SystemCall::set_storage { .. } |
				SystemCall::kill_storage { .. } |
				SystemCall::kill_prefix { .. },
			) => false,
			RuntimeCall::CommitteeMembership(MembershipCall::remove_member { .. }) =>
				pallet_membership::Members::<Runtime, CommitteeMembershipInstance>::get().len() > MIN_COMMITTEE,
			RuntimeCall::CommitteeMembership(MembershipCall::reset_members { members }) =>
				members.len() >= MIN_COMMITTEE,
			_ => true,
		}
	}
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type BaseCallFilter = BaseFilter;
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
	// Measured on our machine kind, like our pallets' weights (`crate::weights`).
	type WeightInfo = crate::weights::pallet_balances::WeightInfo<Runtime>;
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

/// The committee's collective instance.
pub type CommitteeInstance = pallet_collective::Instance1;
/// The committee-membership instance.
pub type CommitteeMembershipInstance = pallet_membership::Instance1;

/// At least two thirds of the committee: the quorum that may redact the live chain. With
/// n = 3f + 1 members this is 2f + 1, the BFT quorum.
pub type CommitteeTwoThirds =
	pallet_collective::EnsureProportionAtLeast<AccountId, CommitteeInstance, 2, 3>;

/// Every member of the committee: the origin of runtime upgrades (stricter than the 2/3 of
/// redaction and membership; with the minimum of 4 members, 3/4 would equal 2/3).
pub type CommitteeUnanimous =
	pallet_collective::EnsureProportionAtLeast<AccountId, CommitteeInstance, 1, 1>;

/// Abstention is a nay: a motion closed after its duration counts only the votes cast. No
/// prime member's vote stands in for the silent ones (the runtime has no prime at all).
pub struct AbstentionIsNay;

impl pallet_collective::DefaultVote for AbstentionIsNay {
	fn default_vote(
		_prime_vote: Option<bool>,
		_yes_votes: u32,
		_no_votes: u32,
		_len: u32,
	) -> bool {
		false
	}
}

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
	type DefaultVote = AbstentionIsNay;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	/// Members change only through `CommitteeMembership` (2/3 motions), never directly.
	type SetMembersOrigin = EnsureNever<()>;
	type MaxProposalWeight = CommitteeMaxProposalWeight;
	type DisapproveOrigin = CommitteeTwoThirds;
	type KillOrigin = CommitteeTwoThirds;
	type Consideration = ();
}

impl pallet_membership::Config<CommitteeMembershipInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = CommitteeTwoThirds;
	type RemoveOrigin = CommitteeTwoThirds;
	type SwapOrigin = CommitteeTwoThirds;
	type ResetOrigin = CommitteeTwoThirds;
	/// No prime: nobody's vote stands in for abstentions.
	type PrimeOrigin = EnsureNever<AccountId>;
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
	/// Model updates one redaction can carry: the most for which, each update in its own
	/// live block, both a committee motion (`redact` plus the unlearning hook under
	/// `CommitteeMaxProposalWeight`) and the committee's threshold signing (the last
	/// signer's round-2 message, 2 collisions per update, within one normal extrinsic) fit
	/// for **every committee size up to 32** (`t` = 22), with the weights measured on the
	/// polyglot machine kind and the per-signer estimate of `pallet_threshold::costs`
	/// (`tests/limits.rs`). The largest committee binds: its 22 round-2 messages must fit
	/// one block (the completing one charged in full, the others their record), which
	/// leaves 137 (its signing message alone would fit 147); 186 with the faster machines' weights
	/// (spec ≤ 118), 505 while committees stopped at `t` = 3.
	pub const MaxUpdates: u32 = 137;
	/// Start models of one unlearning request.
	pub const MaxStarts: u32 = 16;
	/// Classes one request may forget.
	pub const MaxClasses: u32 = 100;
	/// Models one request may affect (start models and all descendants). Its affected set
	/// is computed in filing steps of `MaxFilingStep` models, its update set approved once
	/// by the committee and applied in chunks cut for the key's threshold (`MaxUpdates` to
	/// `MaxThresholdChunk` models, the last of `MaxFinalChunk`), its locks released over
	/// several blocks. What bounds it is the proposal reading every update once (485 ms at
	/// this size) and each filing step reading the request and its search state (the
	/// request read and written back: 0.3 ms, `request_rw`) (`tests/limits.rs`).
	pub const MaxAffected: u32 = 12_000;
	/// Models one filing step finds (reading up to 16 times as many DAG edges): as many as
	/// one normal extrinsic allows with the stored request and search state at their
	/// largest (`tests/limits.rs`).
	pub const MaxFilingStep: u32 = 2_200;
	/// Models in the last chunk of a redaction: its completing round-2 message also closes
	/// the request (82 ms: the request, the waiting requests' sets and the first
	/// `MaxReleasePerBlock` locks and submissions), so it carries fewer models than
	/// `MaxUpdates` (`tests/limits.rs`: it fits for every committee size).
	pub const MaxFinalChunk: u32 = 123;
	/// Models of one chunk at most, at any key threshold (the signing benchmarks' range):
	/// a proposal is cut into chunks of `pallet_threshold::costs::chunk_len(t)` for its
	/// key's threshold `t` — the most whose completing round-2 message, with the next
	/// chunk's hand-over and round 1, fits one normal extrinsic; `MaxUpdates` where not
	/// even that pipelines (32 members). Within 10 % of what the dev chain's four members
	/// (`t` = 3) can sign (`tests/limits.rs`).
	pub const MaxThresholdChunk: u32 = 380;
	/// Held from a model's publisher for as long as the model lives.
	pub const ModelDeposit: Balance = 10 * MILLI_UNIT;
	/// Held from a requester while the request is open.
	pub const RequestDeposit: Balance = 100 * MILLI_UNIT;
	/// Fee per model a request's redactions archive (burned when the request closes). It
	/// pays what a request loop costs everyone else: the archive record (about a model's
	/// live record, never freed: the model deposit, 10 mBFL) plus the block weight of the
	/// committee's fee-free signing messages for that model at the runtime's weight-to-fee
	/// — up to 65 mBFL per model for the largest committee (32 members, t = 22) on a
	/// one-model request, 52 mBFL on a full one; 5 mBFL at 4 members
	/// (`runtime/tests/limits.rs` checks every allowed committee size). A loop of requests
	/// over `k` models pays `k × 80 mBFL` a round.
	pub const ArchiveFee: Balance = 80 * MILLI_UNIT;
	/// An open request expires after a day.
	pub const RequestTtl: BlockNumber = DAYS;
	/// Requests filed (and so expiring) per block.
	pub const MaxRequestsPerBlock: u32 = 64;
	/// Requests closed by expiry at the start of one block: closing a request releases at
	/// most `MaxReleasePerBlock` models at once and reads the waiting requests' sets, so one
	/// expiry and one later block's release step take at most a quarter of a block's 1 s;
	/// the others due then expire at the next blocks (`tests/limits.rs`).
	pub const MaxExpiriesPerBlock: u32 = 1;
	/// Models whose locks and submissions one block releases for closed requests (a
	/// larger request is released over the next blocks); with the waiting requests' sets
	/// read to hand each model on, this bounds what closing any request costs
	/// (`tests/limits.rs`).
	pub const MaxReleasePerBlock: u32 = 400;
	/// Requests that may wait behind overlapping open requests, or have their affected set
	/// computed, at once: each release reads all their sets (12 ms each at `MaxAffected`).
	pub const MaxWaitingRequests: u32 = 6;
	/// Owners have ten minutes to submit their updates before anyone may submit the
	/// parallel paradigm's public-data update for them (the genesis may set another).
	pub const DefaultUpdateWindow: BlockNumber = 10 * MINUTES;
}

impl pallet_model_archive::Config for Runtime {
	type MaxUriLen = MaxUriLen;
	type MaxRefs = MaxRefs;
	type WeightInfo = pallet_model_archive::weights::SubstrateWeight<Runtime>;
}

impl pallet_live_chain::Config for Runtime {
	/// Only at least two thirds of the committee may redact: no single account, and the
	/// runtime has no root.
	type RedactOrigin = CommitteeTwoThirds;
	type TimeProvider = super::Timestamp;
	type MaxTxsPerBlock = MaxTxsPerBlock;
	type MaxUpdates = MaxUpdates;
	type OnRedaction = super::Unlearning;
	type WeightInfo = pallet_live_chain::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ModelDeposit = ModelDeposit;
}

impl pallet_unlearning::Config for Runtime {
	type MaxStarts = MaxStarts;
	type MaxClasses = MaxClasses;
	type MaxAffected = MaxAffected;
	type MaxFilingStep = MaxFilingStep;
	type WeightInfo = pallet_unlearning::weights::SubstrateWeight<Runtime>;
	type DepositCurrency = Balances;
	type DepositHoldReason = RuntimeHoldReason;
	type RequestDeposit = RequestDeposit;
	type ArchiveFee = ArchiveFee;
	type RequestTtl = RequestTtl;
	type MaxRequestsPerBlock = MaxRequestsPerBlock;
	type MaxExpiriesPerBlock = MaxExpiriesPerBlock;
	type MaxReleasePerBlock = MaxReleasePerBlock;
	type MaxWaiting = MaxWaitingRequests;
	type DefaultUpdateWindow = DefaultUpdateWindow;
}

parameter_types! {
	/// Each DKG phase lasts at most 30 blocks (60 s at 2 s blocks) before it moves on with
	/// the members that posted; it ends as soon as all have. Generous, because a member
	/// that misses the DKG holds no share of the key. The confirm phase (complaints and key
	/// confirmations) lasts as long: a node down for less than a minute still complains
	/// about a bad share before the key is installed.
	pub const DkgPhaseLength: BlockNumber = 30;
	/// A signing round waits 5 blocks for silent members beyond the blocks its `t`
	/// messages need at the normal block weight (`pallet_threshold::costs::round_blocks`),
	/// then restarts without them.
	pub const RoundTimeout: BlockNumber = 5;
	/// Largest committee a key is generated for: the collective's bound.
	pub const MaxThresholdMembers: u32 = CommitteeMaxMembers::get();
	/// Redaction proposals waiting at once.
	pub const MaxQueuedRedactions: u32 = 16;
	/// Places in the queue one requester's requests may hold at once.
	pub const MaxQueuedPerRequester: u32 = 2;
	/// Member messages one block includes (two per member of the largest committee).
	pub const MaxThresholdMessagesPerBlock: u32 = 2 * CommitteeMaxMembers::get();
	/// Members' protocol messages go before ordinary transactions.
	pub const ThresholdPriority: sp_runtime::transaction_validity::TransactionPriority =
		sp_runtime::transaction_validity::TransactionPriority::MAX / 2;
}

/// A member's `bkfl` key is its account.
pub struct MemberAccount;
impl sp_runtime::traits::Convert<pallet_threshold::crypto::member::Public, AccountId>
	for MemberAccount
{
	fn convert(key: pallet_threshold::crypto::member::Public) -> AccountId {
		AccountId::from(sp_core::sr25519::Public::from(key))
	}
}

impl pallet_threshold::Config for Runtime {
	type MemberKey = pallet_threshold::crypto::member::Public;
	type MemberAccount = MemberAccount;
	type SecretKey = pallet_threshold::crypto::secret::Public;
	type Committee = super::CommitteeMembership;
	type DkgOrigin = CommitteeTwoThirds;
	type RejectOrigin = CommitteeTwoThirds;
	type DkgPhaseLength = DkgPhaseLength;
	type RoundTimeout = RoundTimeout;
	type MaxMembers = MaxThresholdMembers;
	type MaxQueued = MaxQueuedRedactions;
	type MaxFinalChunk = MaxFinalChunk;
	type MaxChunk = MaxThresholdChunk;
	type MaxQueuedPerRequester = MaxQueuedPerRequester;
	type MaxMessagesPerBlock = MaxThresholdMessagesPerBlock;
	type UnsignedPriority = ThresholdPriority;
	type WeightInfo = pallet_threshold::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ThresholdBenchmarks;
}

/// The threshold benchmarks' committee: written to `CommitteeMembership` directly.
#[cfg(feature = "runtime-benchmarks")]
pub struct ThresholdBenchmarks;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_threshold::BenchmarkHelper<AccountId> for ThresholdBenchmarks {
	fn set_committee(members: &[AccountId]) {
		let mut sorted = members.to_vec();
		sorted.sort();
		let bounded = frame_support::BoundedVec::truncate_from(sorted);
		pallet_membership::Members::<Runtime, CommitteeMembershipInstance>::put(bounded);
	}
}

impl<C> frame_system::offchain::CreateTransactionBase<C> for Runtime
where
	RuntimeCall: From<C>,
{
	type Extrinsic = crate::UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

/// The committee members' off-chain workers submit their messages as bare (unsigned)
/// extrinsics, validated by `pallet_threshold`'s `ValidateUnsigned`.
impl<C> frame_system::offchain::CreateBare<C> for Runtime
where
	RuntimeCall: From<C>,
{
	fn create_bare(call: RuntimeCall) -> crate::UncheckedExtrinsic {
		crate::UncheckedExtrinsic::new_bare(call)
	}
}

impl crate::upgrade::Config for Runtime {
	type UpgradeOrigin = CommitteeUnanimous;
}
