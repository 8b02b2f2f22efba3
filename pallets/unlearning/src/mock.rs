//! Mock runtime of the unlearning tests: system, timestamp, a 4-member committee
//! (`pallet-collective`), the archive, the live chain (2/3 redaction origin) and the
//! unlearning pallet as the live chain's redaction hook.

use crate as pallet_unlearning;
use frame_support::{
	derive_impl, parameter_types,
	traits::{OnFinalize, OnInitialize},
	weights::Weight,
};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;
/// Account ids of the mock.
pub type AccountId = u64;

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

	#[runtime::pallet_index(6)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(2)]
	pub type Committee = pallet_collective<Instance1>;

	#[runtime::pallet_index(3)]
	pub type Archive = pallet_model_archive;

	#[runtime::pallet_index(4)]
	pub type LiveChain = pallet_live_chain;

	#[runtime::pallet_index(5)]
	pub type Unlearning = pallet_unlearning;
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

/// Deposit held per published model.
pub const MODEL_DEPOSIT: u64 = 10;
/// Deposit held per open request.
pub const REQUEST_DEPOSIT: u64 = 100;
/// Archive fee per updated model.
pub const ARCHIVE_FEE: u64 = 5;
/// Balance every test account starts with.
pub const ENDOWMENT: u64 = 1_000_000;
/// An account that can pay a model deposit but not a request deposit.
pub const PAUPER: AccountId = 9;

impl pallet_timestamp::Config for Test {
	type Moment = u64;
	type OnTimestampSet = ();
	type MinimumPeriod = frame_support::traits::ConstU64<1>;
	type WeightInfo = ();
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
	type MaxMembers = frame_support::traits::ConstU32<8>;
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

/// The redaction origin of the runtime: at least 2/3 of the committee.
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
	type ModelDeposit = frame_support::traits::ConstU64<MODEL_DEPOSIT>;
}

parameter_types! {
	pub const MaxStarts: u32 = 3;
	pub const MaxClasses: u32 = 10;
	pub const MaxAffected: u32 = 6;
	/// Settable: the tests of stepwise release lower it below a request's size.
	pub static MaxReleasePerBlock: u32 = 6;
	/// Settable: the tests of stepwise filing lower it below a request's size.
	pub static MaxFilingStep: u32 = 6;
}

impl pallet_unlearning::Config for Test {
	type MaxStarts = MaxStarts;
	type MaxClasses = MaxClasses;
	type MaxAffected = MaxAffected;
	type MaxFilingStep = MaxFilingStep;
	type WeightInfo = ();
	type DepositCurrency = Balances;
	type DepositHoldReason = RuntimeHoldReason;
	type RequestDeposit = frame_support::traits::ConstU64<REQUEST_DEPOSIT>;
	type ArchiveFee = frame_support::traits::ConstU64<ARCHIVE_FEE>;
	type RequestTtl = frame_support::traits::ConstU64<REQUEST_TTL>;
	type MaxRequestsPerBlock = frame_support::traits::ConstU32<4>;
	type MaxExpiriesPerBlock = frame_support::traits::ConstU32<2>;
	type MaxReleasePerBlock = MaxReleasePerBlock;
	type MaxWaiting = frame_support::traits::ConstU32<MAX_WAITING>;
	type DefaultUpdateWindow = frame_support::traits::ConstU64<UPDATE_WINDOW>;
}

/// Requests that may wait behind overlapping ones.
pub const MAX_WAITING: u32 = 3;
/// Blocks during which only owners may submit updates.
pub const UPDATE_WINDOW: u64 = 10;

/// Blocks after which an open request expires.
pub const REQUEST_TTL: u64 = 50;

/// Committee members of the mock.
pub const MEMBERS: [AccountId; 4] = [11, 12, 13, 14];
/// Model publishers.
pub const ALICE: AccountId = 1;
/// Model publishers.
pub const BOB: AccountId = 2;

/// Builds test externalities with the development CH key and a 4-member committee;
/// [`ExtBuilder::build_and_execute`] checks the invariants after the test body.
#[derive(Default)]
pub struct ExtBuilder {
	no_key: bool,
}

impl ExtBuilder {
	/// Externalities at block 1 with a timestamp, so that events are recorded.
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_collective::GenesisConfig::<Test, pallet_collective::Instance1> {
			members: MEMBERS.to_vec(),
			phantom: Default::default(),
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: [ALICE, BOB, 3, 4, 5].iter().map(|a| (*a, ENDOWMENT)).chain([(PAUPER, 50)]).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let key = if self.no_key { [0u8; 32] } else { pallet_live_chain::testing::dev_key().0 };
		pallet_live_chain::GenesisConfig::<Test> { ch_public_key: key, _config: Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			Timestamp::set_timestamp(6_000);
		});
		ext
	}

	/// Runs `test`, then the archive's, the live chain's and this pallet's `do_try_state`.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			LiveChain::do_try_state().unwrap();
			// With `--features try-runtime` also the hooks as the runtime wires them.
			#[cfg(feature = "try-runtime")]
			{
				use frame_support::traits::{TryState, TryStateSelect};
				AllPalletsWithSystem::try_state(System::block_number(), TryStateSelect::All)
					.unwrap();
			}
			Unlearning::do_try_state().unwrap();
		})
	}
}

/// Finalizes the current block (sealing its live block) and starts the next ones up to `n`.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		LiveChain::on_finalize(System::block_number());
		System::set_block_number(System::block_number() + 1);
		Timestamp::set_timestamp(System::block_number() * 6_000);
		LiveChain::on_initialize(System::block_number());
		Unlearning::on_initialize(System::block_number());
	}
}

/// Seals the current block's models by moving to the next block.
pub fn next_block() {
	run_to_block(System::block_number() + 1);
}
