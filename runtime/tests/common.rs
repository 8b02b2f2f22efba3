//! Shared helpers of the runtime integration tests: externalities built from the runtime's
//! own genesis presets, so the tests exercise exactly what `--dev` and `--chain local` start.

#![allow(dead_code)]

use blockful_runtime::{
	genesis_config_presets, BuildStorage, Committee, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeGenesisConfig, RuntimeOrigin, System,
};
use frame_support::{assert_ok, dispatch::GetDispatchInfo};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::Hash as _, DispatchError};
use serde_json::Value;
use sp_genesis_builder::PresetId;

/// Merges `patch` into `base` the way a chain spec applies a genesis patch.
fn json_merge(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(b), Value::Object(p)) =>
			for (k, v) in p {
				json_merge(b.entry(k).or_insert(Value::Null), v);
			},
		(b, p) => *b = p,
	}
}

/// The full genesis config of a named preset.
pub fn preset_config(name: &str) -> RuntimeGenesisConfig {
	let patch_bytes = genesis_config_presets::get_preset(&PresetId::from(name))
		.unwrap_or_else(|| panic!("preset {name} exists"));
	let patch: Value = serde_json::from_slice(&patch_bytes).expect("preset is JSON");
	let mut full = serde_json::to_value(RuntimeGenesisConfig::default()).expect("default config");
	json_merge(&mut full, patch);
	serde_json::from_value(full).expect("the merged preset decodes as RuntimeGenesisConfig")
}

/// Externalities at block 1 of the named preset's genesis.
pub fn new_test_ext(preset: &str) -> sp_io::TestExternalities {
	let storage = preset_config(preset).build_storage().expect("genesis storage builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Externalities of a preset whose live chain uses the **insecure development key**
/// instead of the key the committee's genesis DKG would make: for tests of the redaction
/// rules themselves, which compute collisions with the public dev trapdoor. The DKG and
/// the off-chain workers' threshold redaction are tested in `threshold.rs`.
#[allow(dead_code)]
pub fn new_test_ext_dev_trapdoor(preset: &str) -> sp_io::TestExternalities {
	let mut ext = new_test_ext(preset);
	ext.execute_with(|| {
		pallet_threshold::Dkg::<Runtime>::kill();
		pallet_live_chain::ChPublicKey::<Runtime>::put(blockful_chameleon::dev_public_key());
	});
	ext
}

/// Proposes `call` as a committee motion with `threshold`, lets `ayes` vote aye (the first
/// proposes and closes) and returns the motion's execution result, if it executed.
pub fn run_motion(
	call: RuntimeCall,
	threshold: u32,
	ayes: &[Sr25519Keyring],
) -> Option<Result<(), DispatchError>> {
	let len = codec::Encode::encoded_size(&call) as u32;
	let weight = call.get_dispatch_info().call_weight;
	let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
	let proposer = ayes.first().copied().unwrap_or(Sr25519Keyring::Alice).to_account_id();
	assert_ok!(Committee::propose(
		RuntimeOrigin::signed(proposer.clone()),
		threshold,
		Box::new(call),
		len
	));
	let index = pallet_collective::ProposalCount::<Runtime, _>::get() - 1;
	for who in ayes {
		assert_ok!(Committee::vote(RuntimeOrigin::signed(who.to_account_id()), hash, index, true));
	}
	System::reset_events();
	let _ = Committee::close(RuntimeOrigin::signed(proposer), hash, index, weight, len);
	System::events().into_iter().find_map(|r| match r.event {
		RuntimeEvent::Committee(pallet_collective::Event::Executed { result, .. }) => Some(result),
		_ => None,
	})
}
