//! The committee is the only body that may redact the live chain, and it decides with at
//! least two thirds of its members (2f + 1 of 3f + 1, the BFT quorum). These tests pin
//! that down on the real runtime: the presets seat Alice, Bob, Charlie and Dave, a motion
//! with three ayes executes with the two-thirds origin, and a motion with two does not.

mod common;

use blockful_runtime::{
	Balances, CommitteeMembership, Runtime, RuntimeCall, RuntimeOrigin,
	System,
};
use common::{new_test_ext, run_motion};
use frame_support::{assert_noop, assert_ok};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve, Ferdie};
use sp_runtime::DispatchError;

const PRESETS: [&str; 2] = ["development", "local_testnet"];

#[test]
fn every_preset_builds_its_genesis() {
	for preset in PRESETS {
		new_test_ext(preset).execute_with(|| {
			assert_eq!(System::block_number(), 1, "{preset}");
			assert!(Balances::free_balance(Alice.to_account_id()) > 0, "{preset}");
		});
	}
}

#[test]
fn committee_and_membership_are_alice_to_dave_in_every_preset() {
	let mut expected: Vec<_> =
		[Alice, Bob, Charlie, Dave].into_iter().map(|k| k.to_account_id()).collect();
	expected.sort();
	for preset in PRESETS {
		new_test_ext(preset).execute_with(|| {
			assert_eq!(pallet_collective::Members::<Runtime, _>::get().len(), 4);
			let mut members = pallet_collective::Members::<
				Runtime,
				blockful_runtime::configs::CommitteeInstance,
			>::get();
			members.sort();
			assert_eq!(members, expected, "{preset}: collective members");
			let membership = pallet_membership::Members::<
				Runtime,
				blockful_runtime::configs::CommitteeMembershipInstance,
			>::get();
			assert_eq!(membership.into_inner(), expected, "{preset}: membership");
		});
	}
}

#[test]
fn balance_transfer_works() {
	new_test_ext("development").execute_with(|| {
		let before = Balances::free_balance(Eve.to_account_id());
		assert_ok!(Balances::transfer_allow_death(
			RuntimeOrigin::signed(Alice.to_account_id()),
			Eve.to_account_id().into(),
			1_000_000_000_000,
		));
		assert_eq!(Balances::free_balance(Eve.to_account_id()), before + 1_000_000_000_000);
	});
}

#[test]
fn transfer_beyond_balance_fails() {
	new_test_ext("development").execute_with(|| {
		let all = Balances::free_balance(Alice.to_account_id());
		assert_noop!(
			Balances::transfer_allow_death(
				RuntimeOrigin::signed(Alice.to_account_id()),
				Eve.to_account_id().into(),
				all + 1,
			),
			sp_runtime::TokenError::FundsUnavailable
		);
	});
}



fn committee_members() -> Vec<blockful_runtime::AccountId> {
	pallet_membership::Members::<Runtime, blockful_runtime::configs::CommitteeMembershipInstance>::get()
		.into_inner()
}

fn add_ferdie() -> RuntimeCall {
	RuntimeCall::CommitteeMembership(pallet_membership::Call::add_member {
		who: Ferdie.to_account_id().into(),
	})
}

#[test]
fn motion_with_three_of_four_ayes_executes_with_two_thirds_origin() {
	new_test_ext("development").execute_with(|| {
		let result = run_motion(add_ferdie(), 3, &[Alice, Bob, Charlie]);
		assert_eq!(result, Some(Ok(())));
		assert!(committee_members().contains(&Ferdie.to_account_id()));
		assert_eq!(pallet_collective::Members::<Runtime, _>::get().len(), 5);
	});
}

#[test]
fn motion_with_two_of_four_ayes_is_not_enough() {
	new_test_ext("development").execute_with(|| {
		// Even a motion whose own threshold is 2 passes only a 2-of-4 origin, which the
		// two-thirds check rejects.
		let result = run_motion(add_ferdie(), 2, &[Alice, Bob]);
		assert_eq!(result, Some(Err(DispatchError::BadOrigin)));
		assert!(!committee_members().contains(&Ferdie.to_account_id()));
	});
}

#[test]
fn a_single_signed_account_cannot_change_the_committee() {
	new_test_ext("development").execute_with(|| {
		assert_noop!(
			CommitteeMembership::add_member(
				RuntimeOrigin::signed(Alice.to_account_id()),
				Ferdie.to_account_id().into()
			),
			DispatchError::BadOrigin
		);
	});
}
