//! Governance without back doors (SPEC §3, issue "only a two-thirds committee can change
//! the live chain"): each path that once walked around the committee's two-thirds rule or
//! the archive's immutability is tried here on the real runtime and shown to fail — sudo
//! (gone), raw storage writes (filtered for every origin), `set_members` (no origin may
//! call it), a prime plus silence (no prime; abstention is nay), a one-member committee
//! (membership cannot shrink below four) — and runtime upgrades need a unanimous motion.

mod common;

use blockful_runtime::{
	configs::{CommitteeInstance, CommitteeMembershipInstance, MIN_COMMITTEE},
	genesis_config_presets::consortium_genesis,
	Committee, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, System,
};
use common::{new_test_ext, run_motion};
use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo};
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve, Ferdie};
use sp_runtime::{traits::Hash as _, DispatchError};

fn members() -> Vec<blockful_runtime::AccountId> {
	pallet_membership::Members::<Runtime, CommitteeMembershipInstance>::get().into_inner()
}

fn call_filtered() -> Option<Result<(), DispatchError>> {
	Some(Err(frame_system::Error::<Runtime>::CallFiltered.into()))
}

#[test]
fn runtime_has_no_sudo_pallet() {
	use frame_support::__private::metadata::RuntimeMetadata;
	let RuntimeMetadata::V14(metadata) = Runtime::metadata().1 else {
		panic!("the runtime's default metadata is V14")
	};
	let names: Vec<String> = metadata.pallets.iter().map(|p| p.name.clone()).collect();
	assert!(!names.iter().any(|n| n == "Sudo"), "pallets: {names:?}");
	for expected in ["Committee", "CommitteeMembership", "Archive", "LiveChain", "Unlearning", "Upgrade"] {
		assert!(names.iter().any(|n| n == expected), "{expected} missing from {names:?}");
	}
}

#[test]
fn committee_motion_for_raw_storage_writes_is_filtered() {
	new_test_ext("development").execute_with(|| {
		let key = pallet_live_chain::ChPublicKey::<Runtime>::hashed_key().to_vec();
		let before = sp_io::storage::get(&key);
		let calls = [
			frame_system::Call::set_storage { items: vec![(key.clone(), vec![0u8; 33])] },
			frame_system::Call::kill_storage { keys: vec![key.clone()] },
			frame_system::Call::kill_prefix { prefix: key.clone(), subkeys: 1 },
		];
		for call in calls {
			let result = run_motion(RuntimeCall::System(call), 4, &[Alice, Bob, Charlie, Dave]);
			assert_eq!(result, call_filtered());
		}
		assert_eq!(sp_io::storage::get(&key), before);
	});
}

#[test]
fn set_members_is_refused_for_root_and_the_committee() {
	new_test_ext("development").execute_with(|| {
		let alone = vec![Alice.to_account_id()];
		assert_noop!(
			Committee::set_members(RuntimeOrigin::root(), alone.clone(), None, 4),
			DispatchError::BadOrigin
		);
		let call = RuntimeCall::Committee(pallet_collective::Call::set_members {
			new_members: alone,
			prime: None,
			old_count: 4,
		});
		assert_eq!(run_motion(call, 4, &[Alice, Bob, Charlie, Dave]), Some(Err(DispatchError::BadOrigin)));
		assert_eq!(pallet_collective::Members::<Runtime, CommitteeInstance>::get().len(), 4);
	});
}

#[test]
fn membership_cannot_shrink_below_four() {
	new_test_ext("development").execute_with(|| {
		let remove = |who: Sr25519Keyring| {
			RuntimeCall::CommitteeMembership(pallet_membership::Call::remove_member {
				who: who.to_account_id().into(),
			})
		};
		assert_eq!(run_motion(remove(Dave), 3, &[Alice, Bob, Charlie]), call_filtered());
		let reset = RuntimeCall::CommitteeMembership(pallet_membership::Call::reset_members {
			members: vec![Alice.to_account_id()],
		});
		assert_eq!(run_motion(reset, 3, &[Alice, Bob, Charlie]), call_filtered());
		assert_eq!(members().len(), MIN_COMMITTEE);
		// Above the minimum the committee governs itself by two thirds as before.
		let add = RuntimeCall::CommitteeMembership(pallet_membership::Call::add_member {
			who: Eve.to_account_id().into(),
		});
		assert_eq!(run_motion(add, 3, &[Alice, Bob, Charlie]), Some(Ok(())));
		assert_eq!(run_motion(remove(Eve), 4, &[Alice, Bob, Charlie, Dave]), Some(Ok(())));
		assert_eq!(members().len(), MIN_COMMITTEE);
	});
}

#[test]
fn no_prime_can_be_set_and_silence_is_nay() {
	new_test_ext("development").execute_with(|| {
		let set_prime = RuntimeCall::CommitteeMembership(pallet_membership::Call::set_prime {
			who: Alice.to_account_id().into(),
		});
		assert_eq!(run_motion(set_prime, 3, &[Alice, Bob, Charlie]), Some(Err(DispatchError::BadOrigin)));
		assert_eq!(pallet_collective::Prime::<Runtime, CommitteeInstance>::get(), None);

		// A motion with two ayes and two silent members, closed after its duration: the
		// silent members count as nays and the motion is disapproved.
		let call = RuntimeCall::CommitteeMembership(pallet_membership::Call::add_member {
			who: Ferdie.to_account_id().into(),
		});
		let len = codec::Encode::encoded_size(&call) as u32;
		let weight = call.get_dispatch_info().call_weight;
		let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
		assert_ok!(Committee::propose(RuntimeOrigin::signed(Alice.to_account_id()), 3, Box::new(call), len));
		let index = pallet_collective::ProposalCount::<Runtime, CommitteeInstance>::get() - 1;
		assert_ok!(Committee::vote(RuntimeOrigin::signed(Alice.to_account_id()), hash, index, true));
		assert_ok!(Committee::vote(RuntimeOrigin::signed(Bob.to_account_id()), hash, index, true));
		let end = System::block_number() + blockful_runtime::configs::CommitteeMotionDuration::get();
		System::set_block_number(end + 1);
		System::reset_events();
		assert_ok!(Committee::close(RuntimeOrigin::signed(Alice.to_account_id()), hash, index, weight, len));
		assert!(System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Committee(pallet_collective::Event::Disapproved { .. })
		)));
		assert!(!members().contains(&Ferdie.to_account_id()));
	});
}

/// Whether the last motion's events include `System::UpgradeAuthorized` for `code_hash`.
fn upgrade_authorized(code_hash: sp_core::H256) -> bool {
	System::events().iter().any(|r| {
		matches!(
			r.event,
			RuntimeEvent::System(frame_system::Event::UpgradeAuthorized { code_hash: h, .. }) if h == code_hash
		)
	})
}

#[test]
fn runtime_upgrade_needs_a_unanimous_motion() {
	new_test_ext("development").execute_with(|| {
		let code_hash = <Runtime as frame_system::Config>::Hashing::hash(b"new runtime");
		let authorize =
			RuntimeCall::Upgrade(blockful_runtime::upgrade::Call::authorize_upgrade { code_hash });
		assert_eq!(run_motion(authorize.clone(), 3, &[Alice, Bob, Charlie]), Some(Err(DispatchError::BadOrigin)));
		assert!(!upgrade_authorized(code_hash));
		assert_noop!(
			blockful_runtime::Upgrade::authorize_upgrade(RuntimeOrigin::signed(Alice.to_account_id()), code_hash),
			DispatchError::BadOrigin
		);
		// System's own root-only calls stay unreachable for the committee.
		let direct = RuntimeCall::System(frame_system::Call::authorize_upgrade { code_hash });
		assert_eq!(run_motion(direct, 4, &[Alice, Bob, Charlie, Dave]), Some(Err(DispatchError::BadOrigin)));
		assert_eq!(run_motion(authorize, 4, &[Alice, Bob, Charlie, Dave]), Some(Ok(())));
		assert!(upgrade_authorized(code_hash));
	});
}

#[test]
fn local_preset_has_four_validators() {
	let config = common::preset_config("local_testnet");
	assert_eq!(config.aura.authorities.len(), 4);
	assert_eq!(config.grandpa.authorities.len(), 4);
}

#[test]
fn consortium_genesis_takes_its_keys_from_configuration() {
	use sp_core::{ed25519, sr25519, Pair};
	let account = |seed: &str| {
		sp_runtime::MultiSigner::from(sr25519::Pair::from_string(seed, None).unwrap().public())
			.into_account()
	};
	use sp_runtime::traits::IdentifyAccount;
	let committee: Vec<_> = ["//a1", "//a2", "//a3", "//a4"].iter().map(|s| account(s)).collect();
	let aura = sr25519::Pair::from_string("//v1", None).unwrap().public();
	let grandpa = ed25519::Pair::from_string("//v1", None).unwrap().public();
	let key = [7u8; 32];
	let patch = consortium_genesis(
		vec![(aura.into(), grandpa.into())],
		vec![(committee[0].clone(), 1 << 40)],
		committee.clone(),
		key,
	)
	.expect("a valid configuration");
	let mut full = serde_json::to_value(blockful_runtime::RuntimeGenesisConfig::default()).unwrap();
	merge(&mut full, patch);
	let config: blockful_runtime::RuntimeGenesisConfig = serde_json::from_value(full).unwrap();
	assert_eq!(config.live_chain.ch_public_key, key);
	assert_ne!(key, blockful_chameleon::dev_public_key().0);
	assert_eq!(config.committee_membership.members.len(), 4);
	let dev: Vec<_> = Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect();
	assert!(config.committee_membership.members.iter().all(|m| !dev.contains(m)));
	// A key from an external ceremony: no genesis DKG.
	assert!(!config.threshold.start_dkg);
	// Too small a committee or no validator: refused with a reason.
	assert!(consortium_genesis(vec![(aura.into(), grandpa.into())], vec![], committee[..3].to_vec(), key).is_err());
	assert!(consortium_genesis(vec![], vec![], committee.clone(), key).is_err());
	// No key: the committee makes one by DKG at genesis.
	let patch =
		consortium_genesis(vec![(aura.into(), grandpa.into())], vec![], committee, [0; 32]).unwrap();
	assert_eq!(patch["threshold"]["startDkg"], serde_json::Value::Bool(true));
}

fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(b), serde_json::Value::Object(p)) =>
			for (k, v) in p {
				merge(b.entry(k).or_insert(serde_json::Value::Null), v);
			},
		(b, p) => *b = p,
	}
}
