//! Mock runtime of the threshold tests: the unlearning mock's pallets (archive, live chain,
//! unlearning, balances, a committee) plus this pallet, with `UintAuthorityId` member keys
//! and an off-chain test environment in which the members' off-chain workers run for
//! real: each block, every online member's worker posts its messages to a test pool, the
//! pool is validated and dispatched, then the block ends.

use crate as pallet_threshold;
use frame_support::{
	derive_impl, parameter_types,
	traits::{OnFinalize, OnInitialize, OffchainWorker},
	weights::Weight,
};
use frame_system::EnsureRoot;
use sp_core::offchain::{
	testing::{PoolState, TestOffchainExt, TestTransactionPoolExt},
	OffchainDbExt, OffchainWorkerExt, TransactionPoolExt,
};
use sp_runtime::{
	testing::{TestXt, UintAuthorityId},
	traits::{Convert, Dispatchable, ValidateUnsigned},
	transaction_validity::TransactionSource,
	BuildStorage,
};
use std::sync::Arc;

type Block = frame_system::mocking::MockBlock<Test>;
/// Account ids of the mock.
pub type AccountId = u64;
/// The extrinsic type the off-chain workers build.
pub type Extrinsic = TestXt<RuntimeCall, ()>;

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
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(3)]
	pub type Committee = pallet_collective<Instance1>;
	#[runtime::pallet_index(4)]
	pub type Archive = pallet_model_archive;
	#[runtime::pallet_index(5)]
	pub type LiveChain = pallet_live_chain;
	#[runtime::pallet_index(6)]
	pub type Unlearning = pallet_unlearning;
	#[runtime::pallet_index(7)]
	pub type Threshold = pallet_threshold;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

impl pallet_timestamp::Config for Test {
	type Moment = u64;
	type OnTimestampSet = ();
	type MinimumPeriod = frame_support::traits::ConstU64<1>;
	type WeightInfo = ();
}

#[cfg(feature = "runtime-benchmarks")]
impl pallet_threshold::BenchmarkHelper<AccountId> for MockCommittee {
	fn set_committee(members: &[AccountId]) {
		CommitteeMembers::set(&members.to_vec());
	}
}

/// The benchmarks' externalities: [`new_net`] without a DKG.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_test_ext() -> sp_io::TestExternalities {
	new_net(false).ext
}

parameter_types! {
	pub MaxProposalWeight: Weight = Weight::MAX;
}

impl pallet_collective::Config<pallet_collective::Instance1> for Test {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = frame_support::traits::ConstU64<10>;
	type MaxProposals = frame_support::traits::ConstU32<16>;
	// Larger than the threshold pallet's maximum, so that its own refusal is what the
	// tests of oversized committees see.
	type MaxMembers = frame_support::traits::ConstU32<64>;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = ();
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	type Consideration = ();
}

parameter_types! {
	pub const MaxUriLen: u32 = 64;
	pub const MaxRefs: u32 = 4;
	pub const MaxTxsPerBlock: u32 = 16;
	pub const MaxUpdates: u32 = 8;
}

impl pallet_model_archive::Config for Test {
	type MaxUriLen = MaxUriLen;
	type MaxRefs = MaxRefs;
	type WeightInfo = ();
}

/// At least 2/3 of the committee.
pub type CommitteeTwoThirds =
	pallet_collective::EnsureProportionAtLeast<AccountId, pallet_collective::Instance1, 2, 3>;

impl pallet_live_chain::Config for Test {
	type RedactOrigin = CommitteeTwoThirds;
	type TimeProvider = Timestamp;
	type MaxTxsPerBlock = MaxTxsPerBlock;
	type MaxUpdates = MaxUpdates;
	type OnRedaction = Unlearning;
	type WeightInfo = ();
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ModelDeposit = frame_support::traits::ConstU64<10>;
}

impl pallet_unlearning::Config for Test {
	type MaxStarts = frame_support::traits::ConstU32<3>;
	type MaxClasses = frame_support::traits::ConstU32<10>;
	/// More than two chunks of `MaxUpdates`: a request is approved once and applied in
	/// chunks.
	type MaxAffected = frame_support::traits::ConstU32<20>;
	type MaxFilingStep = frame_support::traits::ConstU32<20>;
	type WeightInfo = ();
	type DepositCurrency = Balances;
	type DepositHoldReason = RuntimeHoldReason;
	type RequestDeposit = frame_support::traits::ConstU64<100>;
	type ArchiveFee = frame_support::traits::ConstU64<1>;
	type RequestTtl = frame_support::traits::ConstU64<REQUEST_TTL>;
	type MaxRequestsPerBlock = frame_support::traits::ConstU32<4>;
	type MaxExpiriesPerBlock = frame_support::traits::ConstU32<2>;
	type MaxReleasePerBlock = frame_support::traits::ConstU32<20>;
	type MaxWaiting = frame_support::traits::ConstU32<3>;
	type DefaultUpdateWindow = frame_support::traits::ConstU64<10>;
}

/// Blocks after which an open request expires.
pub const REQUEST_TTL: u64 = 200;
/// Committee members of the mock.
pub const MEMBERS: [AccountId; 4] = [11, 12, 13, 14];
/// A model publisher and requester.
pub const ALICE: AccountId = 1;
/// Another account.
pub const BOB: AccountId = 2;

parameter_types! {
	/// Most models of a chunk: `MaxUpdates` unless a test raises it (the chunks a small
	/// key's threshold allows).
	pub static MaxChunk: u32 = 8;
}

parameter_types! {
	/// The committee's accounts (a test may change them, as a membership motion would).
	pub storage CommitteeMembers: Vec<AccountId> = MEMBERS.to_vec();
}

/// The committee as `pallet-membership` would give it.
pub struct MockCommittee;
impl frame_support::traits::SortedMembers<AccountId> for MockCommittee {
	fn sorted_members() -> Vec<AccountId> {
		let mut members = CommitteeMembers::get();
		members.sort();
		members
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn add(who: &AccountId) {
		let mut members = CommitteeMembers::get();
		members.push(*who);
		CommitteeMembers::set(&members);
	}
}

/// A `UintAuthorityId` member key is the account with the same number.
pub struct KeyToAccount;
impl Convert<UintAuthorityId, AccountId> for KeyToAccount {
	fn convert(key: UintAuthorityId) -> AccountId {
		key.0
	}
}

impl<LocalCall> frame_system::offchain::CreateTransactionBase<LocalCall> for Test
where
	RuntimeCall: From<LocalCall>,
{
	type RuntimeCall = RuntimeCall;
	type Extrinsic = Extrinsic;
}

impl<LocalCall> frame_system::offchain::CreateBare<LocalCall> for Test
where
	RuntimeCall: From<LocalCall>,
{
	fn create_bare(call: RuntimeCall) -> Extrinsic {
		Extrinsic::new_bare(call)
	}
}

/// DKG phase length and signing round timeout (blocks).
pub const PHASE: u64 = 3;
/// Member messages per block.
pub const MAX_MESSAGES: u32 = 64;

impl pallet_threshold::Config for Test {
	type MemberKey = UintAuthorityId;
	type MemberAccount = KeyToAccount;
	type SecretKey = UintAuthorityId;
	type Committee = MockCommittee;
	type DkgOrigin = CommitteeTwoThirds;
	type RejectOrigin = CommitteeTwoThirds;
	type DkgPhaseLength = frame_support::traits::ConstU64<PHASE>;
	type RoundTimeout = frame_support::traits::ConstU64<PHASE>;
	type MaxMembers = frame_support::traits::ConstU32<32>;
	type MaxQueued = frame_support::traits::ConstU32<2>;
	type MaxFinalChunk = frame_support::traits::ConstU32<4>;
	type MaxChunk = MaxChunk;
	type MaxQueuedPerRequester = frame_support::traits::ConstU32<1>;
	type MaxMessagesPerBlock = frame_support::traits::ConstU32<MAX_MESSAGES>;
	type UnsignedPriority = frame_support::traits::ConstU64<{ 1 << 20 }>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockCommittee;
}

/// Test externalities with an off-chain worker environment.
pub struct TestNet {
	/// The externalities.
	pub ext: sp_io::TestExternalities,
	/// Transactions the workers submitted.
	pub pool: Arc<parking_lot::RwLock<PoolState>>,
}

/// A chain at block 1 without a chameleon key whose genesis starts a DKG (if `dkg`).
pub fn new_net(dkg: bool) -> TestNet {
	new_net_with(&MEMBERS, dkg)
}

/// [`new_net`] with the committee `members` (all online).
pub fn new_net_with(members: &[AccountId], dkg: bool) -> TestNet {
	use codec::Encode;
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	storage.top.insert(CommitteeMembers::key().to_vec(), members.to_vec().encode());
	pallet_collective::GenesisConfig::<Test, pallet_collective::Instance1> {
		members: members.to_vec(),
		phantom: Default::default(),
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [ALICE, BOB, 3].iter().map(|a| (*a, 1_000_000)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_threshold::GenesisConfig::<Test> { start_dkg: dkg, _config: Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	let (offchain, _state) = TestOffchainExt::new();
	let (pool, pool_state) = TestTransactionPoolExt::new();
	ext.register_extension(OffchainDbExt::new(offchain.clone()));
	ext.register_extension(OffchainWorkerExt::new(offchain));
	ext.register_extension(TransactionPoolExt::new(pool));
	ext.execute_with(|| {
		System::set_block_number(1);
		Timestamp::set_timestamp(6_000);
	});
	set_online(members);
	TestNet { ext, pool: pool_state }
}

/// The member keys whose nodes run (their off-chain workers see their keys).
pub fn set_online(members: &[AccountId]) {
	UintAuthorityId::set_all_keys(members.iter().map(|m| UintAuthorityId(*m)).collect::<Vec<_>>());
}

/// Every key and value of the chain's state, in key order.
pub fn chain_state() -> Vec<(Vec<u8>, Vec<u8>)> {
	let mut state = Vec::new();
	let mut next = sp_io::storage::next_key(&[]);
	while let Some(k) = next {
		state.push((k.clone(), sp_io::storage::get(&k).unwrap().to_vec()));
		next = sp_io::storage::next_key(&k);
	}
	state
}

/// Ends the current block and starts the next.
pub fn next_block() {
	let n = System::block_number();
	LiveChain::on_finalize(n);
	System::set_block_number(n + 1);
	Timestamp::set_timestamp((n + 1) * 6_000);
	LiveChain::on_initialize(n + 1);
	Unlearning::on_initialize(n + 1);
	Threshold::on_initialize(n + 1);
}

impl TestNet {
	/// One block: the online members' workers run, their messages are validated and
	/// dispatched in order as a block builder would (a message the block has no room for
	/// stays in the pool), the block ends. Returns how many messages were applied.
	pub fn block(&mut self) -> usize {
		let pool = self.pool.clone();
		self.ext.execute_with(|| {
			Threshold::offchain_worker(System::block_number());
			let txs: Vec<Vec<u8>> = std::mem::take(&mut pool.write().transactions);
			let mut applied = 0;
			let mut left = Vec::new();
			for raw in txs {
				let xt: Extrinsic = codec::Decode::decode(&mut &raw[..]).unwrap();
				let RuntimeCall::Threshold(call) = xt.function else { panic!("unexpected call") };
				if Threshold::validate_unsigned(TransactionSource::Local, &call).is_err() {
					continue;
				}
				match Threshold::pre_dispatch(&call) {
					Ok(()) => {
						RuntimeCall::Threshold(call).dispatch(RuntimeOrigin::none()).unwrap();
						applied += 1;
					},
					Err(e) if e.exhausted_resources() => left.push(raw),
					Err(_) => {},
				}
			}
			pool.write().transactions.extend(left);
			next_block();
			applied
		})
	}

	/// Runs blocks until `done` holds (checked after each) or `max` blocks passed;
	/// returns the blocks it took.
	pub fn run_until(&mut self, max: u32, mut done: impl FnMut() -> bool) -> Option<u32> {
		for i in 1..=max {
			self.block();
			if self.ext.execute_with(&mut done) {
				return Some(i);
			}
		}
		None
	}

	/// Restarts the members' node having lost its off-chain storage (the members' nonce
	/// records) and its transaction pool: the worst restart, where nothing but the chain's
	/// state survives.
	pub fn restart_node(&mut self) {
		let (offchain, _state) = TestOffchainExt::new();
		self.ext.register_extension(OffchainDbExt::new(offchain.clone()));
		self.ext.register_extension(OffchainWorkerExt::new(offchain));
		self.pool.write().transactions.clear();
	}

	/// Runs `f` in the externalities.
	pub fn with<R>(&mut self, f: impl FnOnce() -> R) -> R {
		self.ext.execute_with(f)
	}
}
