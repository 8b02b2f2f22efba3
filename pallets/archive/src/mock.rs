//! Mock runtime of the archive tests.

use crate as pallet_model_archive;
use frame_support::{derive_impl, parameter_types};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

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
	pub type Archive = pallet_model_archive;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

parameter_types! {
	pub const MaxUriLen: u32 = 64;
	pub const MaxRefs: u32 = 8;
}

impl pallet_model_archive::Config for Test {
	type MaxUriLen = MaxUriLen;
	type MaxRefs = MaxRefs;
	type WeightInfo = ();
}

/// Builds test externalities; [`ExtBuilder::build_and_execute`] checks the pallet's
/// invariants after the test body.
#[derive(Default)]
pub struct ExtBuilder {
	_private: (),
}

impl ExtBuilder {
	/// Externalities at block 1, so that events are recorded.
	pub fn build(self) -> sp_io::TestExternalities {
		let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test`, then [`crate::Pallet::do_try_state`].
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Archive::do_try_state().unwrap();
		})
	}
}
