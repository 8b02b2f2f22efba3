//! Unit tests of unlearning requests and of both paradigms driven through
//! `LiveChain.redact`.

use crate::{mock::*, *};
use codec::Encode;
use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo, BoundedVec};
use pallet_collective::{Instance1, RawOrigin as CollectiveOrigin};
use pallet_live_chain::{testing, testing::DetRng, HeaderUpdate, TxUpdateOf, Txs};
use pallet_model_archive::{ArchiveReason, LineageLen, Records};
use sp_runtime::{
	traits::{BlakeTwo256, Hash},
	DispatchError,
};

type Updates = BoundedVec<TxUpdateOf<Test>, MaxUpdates>;
type Headers = BoundedVec<HeaderUpdate, MaxUpdates>;

fn publish(who: AccountId, uri: &str, refs: &[u64]) -> u64 {
	let tx = pallet_live_chain::NextTxId::<Test>::get();
	let (ch, rand) = testing::publish_args(uri.as_bytes(), refs, tx);
	assert_ok!(LiveChain::publish_model(
		RuntimeOrigin::signed(who),
		uri.as_bytes().to_vec(),
		refs.to_vec(),
		ch,
		rand
	));
	tx
}

fn committee() -> RuntimeOrigin {
	CollectiveOrigin::<AccountId, Instance1>::Members(3, 4).into()
}

/// Valid redaction arguments giving each listed model a new URI.
fn redaction(txs: &[u64]) -> (Updates, Headers) {
	let changes: Vec<(u64, Vec<u8>)> = txs
		.iter()
		.map(|tx| {
			let version = Txs::<Test>::get(tx).map(|t| t.version).unwrap_or_default();
			(*tx, format!("bafy-unlearned-{tx}-v{}", version + 1).into_bytes())
		})
		.collect();
	let (updates, headers) = testing::redaction::<Test>(&changes, &mut DetRng::new(3));
	(updates.try_into().unwrap(), headers.try_into().unwrap())
}

fn redact(request: Option<u64>, txs: &[u64]) -> frame_support::dispatch::DispatchResultWithPostInfo {
	let (updates, headers) = redaction(txs);
	LiveChain::redact(committee(), request, updates, headers)
}

/// The DAG of the tests, sealed:
///
/// ```text
/// 0 (ALICE) ──► 2 (BOB) ──► 3 (BOB)
/// 1 (ALICE) ──► 2           4 (BOB, refs 1)
/// 5 (BOB, no refs)
/// ```
fn dag() {
	publish(ALICE, "bafy-0", &[]);
	publish(ALICE, "bafy-1", &[]);
	next_block();
	publish(BOB, "bafy-2", &[0, 1]);
	next_block();
	publish(BOB, "bafy-3", &[2]);
	publish(BOB, "bafy-4", &[1]);
	publish(BOB, "bafy-5", &[]);
	next_block();
}

fn request(who: AccountId, start: &[u64], paradigm: Paradigm) -> u64 {
	let id = NextRequestId::<Test>::get();
	assert_ok!(Unlearning::request_unlearning(
		RuntimeOrigin::signed(who),
		start.to_vec(),
		vec![3, 7],
		paradigm
	));
	id
}

// ---------------------------------------------------------------------------------------
// Behaviour
// ---------------------------------------------------------------------------------------

#[test]
fn request_unlearning_works() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Parallel);
		assert_eq!(id, 0);
		let r = Requests::<Test>::get(0).unwrap();
		assert_eq!(r.requester, ALICE);
		assert_eq!(r.start.to_vec(), vec![0]);
		assert_eq!(r.classes.to_vec(), vec![3, 7]);
		assert_eq!(r.affected.to_vec(), vec![0, 2, 3]);
		assert_eq!((r.status, r.rounds), (RequestStatus::Pending, 0));
		System::assert_last_event(
			Event::UnlearningRequested {
				id: 0,
				requester: ALICE,
				paradigm: Paradigm::Parallel,
				affected: 3,
			}
			.into(),
		);
	});
}

#[test]
fn affected_set_is_topological_works() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		request(ALICE, &[1, 0], Paradigm::Sequential);
		let r = Requests::<Test>::get(0).unwrap();
		assert_eq!(r.start.to_vec(), vec![0, 1]);
		assert_eq!(r.affected.to_vec(), vec![0, 1, 2, 3, 4]);
		// Every model comes after all its affected parents.
		for (i, tx) in r.affected.iter().enumerate() {
			for parent in Txs::<Test>::get(tx).unwrap().refs.iter() {
				if let Some(j) = r.affected.iter().position(|a| a == parent) {
					assert!(j < i);
				}
			}
		}
	});
}

#[test]
fn parallel_request_completes_in_one_round_works() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Parallel);
		assert_ok!(redact(Some(id), &[0, 2, 3]));
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!((r.status, r.rounds), (RequestStatus::Completed, 1));
		assert_eq!(r.done.to_vec(), vec![0, 2, 3]);
		assert!(r.skipped.is_empty());
		assert_eq!(r.completed, Some(System::block_number()));
		System::assert_has_event(Event::RequestCompleted { id, rounds: 1, skipped: 0 }.into());
		// The archive got the replaced versions, tagged with the request.
		let last = Records::<Test>::get(pallet_model_archive::NextSeq::<Test>::get() - 1).unwrap();
		assert_eq!(last.reason, ArchiveReason::Replaced { request: Some(id) });
		assert_eq!(LineageLen::<Test>::get(3), 2);
	});
}

#[test]
fn parallel_request_records_skipped_models_works() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Parallel);
		// The worker left model 3 unchanged (update below ε).
		assert_ok!(redact(Some(id), &[0, 2]));
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!(r.status, RequestStatus::Completed);
		assert_eq!(r.skipped.to_vec(), vec![3]);
		assert_eq!(Txs::<Test>::get(3).unwrap().version, 0);
		System::assert_has_event(Event::RequestCompleted { id, rounds: 1, skipped: 1 }.into());
	});
}

#[test]
fn sequential_request_takes_one_round_per_model_works() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0, 1], Paradigm::Sequential);
		let affected = Requests::<Test>::get(id).unwrap().affected.to_vec();
		assert_eq!(affected.len(), 5);
		for (round, tx) in affected.iter().enumerate() {
			assert_ok!(redact(Some(id), &[*tx]));
			let r = Requests::<Test>::get(id).unwrap();
			assert_eq!(r.rounds as usize, round + 1);
			let expected =
				if round + 1 == affected.len() { RequestStatus::Completed } else { RequestStatus::InProgress };
			assert_eq!(r.status, expected);
		}
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!(r.done.to_vec(), affected);
		System::assert_has_event(Event::RequestCompleted { id, rounds: 5, skipped: 0 }.into());
	});
}

#[test]
fn sequential_request_over_four_models_takes_four_motions_works() {
	ExtBuilder::default().build_and_execute(|| {
		publish(ALICE, "bafy-0", &[]);
		next_block();
		publish(BOB, "bafy-1", &[0]);
		next_block();
		publish(BOB, "bafy-2", &[1]);
		publish(BOB, "bafy-3", &[0, 2]);
		next_block();
		let id = request(ALICE, &[0], Paradigm::Sequential);
		for (index, tx) in [0u64, 1, 2, 3].into_iter().enumerate() {
			let (updates, headers) = redaction(&[tx]);
			let call = RuntimeCall::LiveChain(pallet_live_chain::Call::redact {
				request: Some(id),
				updates,
				headers,
			});
			let len = call.encoded_size() as u32;
			let weight = call.get_dispatch_info().call_weight;
			let hash = BlakeTwo256::hash_of(&call);
			assert_ok!(Committee::propose(RuntimeOrigin::signed(11), 3, Box::new(call), len));
			for member in [11, 12, 13] {
				assert_ok!(Committee::vote(RuntimeOrigin::signed(member), hash, index as u32, true));
			}
			assert_ok!(Committee::close(RuntimeOrigin::signed(11), hash, index as u32, weight, len));
		}
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!((r.status, r.rounds), (RequestStatus::Completed, 4));
	});
}

#[test]
fn redaction_without_request_leaves_requests_alone_works() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Parallel);
		assert_ok!(redact(None, &[5]));
		assert_eq!(Requests::<Test>::get(id).unwrap().rounds, 0);
	});
}

// ---------------------------------------------------------------------------------------
// Bad input: request_unlearning
// ---------------------------------------------------------------------------------------

#[test]
fn request_unknown_tx_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		assert_noop!(
			Unlearning::request_unlearning(RuntimeOrigin::signed(ALICE), vec![0, 42], vec![1], Paradigm::Parallel),
			Error::<Test>::UnknownTx
		);
	});
}

#[test]
fn request_by_non_owner_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		assert_noop!(
			Unlearning::request_unlearning(RuntimeOrigin::signed(BOB), vec![0], vec![1], Paradigm::Parallel),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn request_partly_owned_starts_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		assert_noop!(
			Unlearning::request_unlearning(RuntimeOrigin::signed(ALICE), vec![0, 5], vec![1], Paradigm::Parallel),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn request_empty_start_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		assert_noop!(
			Unlearning::request_unlearning(RuntimeOrigin::signed(ALICE), vec![], vec![1], Paradigm::Parallel),
			Error::<Test>::EmptyStart
		);
	});
}

#[test]
fn request_too_many_starts_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		assert_noop!(
			Unlearning::request_unlearning(RuntimeOrigin::signed(BOB), vec![2, 3, 4, 5], vec![1], Paradigm::Parallel),
			Error::<Test>::TooManyStarts
		);
	});
}

#[test]
fn request_duplicate_start_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		assert_noop!(
			Unlearning::request_unlearning(RuntimeOrigin::signed(ALICE), vec![0, 0], vec![1], Paradigm::Parallel),
			Error::<Test>::DuplicateStart
		);
	});
}

#[test]
fn request_empty_classes_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		assert_noop!(
			Unlearning::request_unlearning(RuntimeOrigin::signed(ALICE), vec![0], vec![], Paradigm::Parallel),
			Error::<Test>::EmptyClasses
		);
	});
}

#[test]
fn request_too_many_classes_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		assert_noop!(
			Unlearning::request_unlearning(
				RuntimeOrigin::signed(ALICE),
				vec![0],
				(0..11).collect(),
				Paradigm::Parallel
			),
			Error::<Test>::TooManyClasses
		);
	});
}

#[test]
fn request_duplicate_class_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		assert_noop!(
			Unlearning::request_unlearning(RuntimeOrigin::signed(ALICE), vec![0], vec![2, 2], Paradigm::Parallel),
			Error::<Test>::DuplicateClass
		);
	});
}

#[test]
fn request_too_many_affected_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		// A 7th model below 4 makes the affected set of {0, 1} 6 + 1 > MaxAffected.
		publish(BOB, "bafy-6", &[4]);
		publish(BOB, "bafy-7", &[6]);
		next_block();
		assert_noop!(
			Unlearning::request_unlearning(RuntimeOrigin::signed(ALICE), vec![0, 1], vec![1], Paradigm::Parallel),
			Error::<Test>::TooManyAffected
		);
	});
}

#[test]
fn request_unsigned_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		assert_noop!(
			Unlearning::request_unlearning(RuntimeOrigin::root(), vec![0], vec![1], Paradigm::Parallel),
			DispatchError::BadOrigin
		);
	});
}

// ---------------------------------------------------------------------------------------
// Bad input: redactions advancing a request
// ---------------------------------------------------------------------------------------

#[test]
fn redact_for_unknown_request_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let (updates, headers) = redaction(&[0]);
		assert_noop!(
			LiveChain::redact(committee(), Some(9), updates, headers),
			Error::<Test>::UnknownRequest
		);
	});
}

#[test]
fn redact_for_completed_request_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Parallel);
		assert_ok!(redact(Some(id), &[0, 2, 3]));
		let (updates, headers) = redaction(&[0, 2, 3]);
		assert_noop!(
			LiveChain::redact(committee(), Some(id), updates, headers),
			Error::<Test>::RequestCompleted
		);
	});
}

#[test]
fn parallel_update_outside_affected_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Parallel);
		let (updates, headers) = redaction(&[0, 2, 3, 4]);
		assert_noop!(
			LiveChain::redact(committee(), Some(id), updates, headers),
			Error::<Test>::UpdateOutsideAffected
		);
	});
}

#[test]
fn parallel_without_start_model_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Parallel);
		let (updates, headers) = redaction(&[2, 3]);
		assert_noop!(
			LiveChain::redact(committee(), Some(id), updates, headers),
			Error::<Test>::StartNotUpdated
		);
	});
}

#[test]
fn sequential_step_out_of_order_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Sequential);
		assert_ok!(redact(Some(id), &[0]));
		// 3 inherits from 2, which is not updated yet.
		let (updates, headers) = redaction(&[3]);
		assert_noop!(
			LiveChain::redact(committee(), Some(id), updates, headers),
			Error::<Test>::SequentialOutOfOrder
		);
	});
}

#[test]
fn sequential_first_step_not_a_start_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Sequential);
		let (updates, headers) = redaction(&[2]);
		assert_noop!(
			LiveChain::redact(committee(), Some(id), updates, headers),
			Error::<Test>::SequentialOutOfOrder
		);
	});
}

#[test]
fn sequential_two_models_in_one_step_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0, 1], Paradigm::Sequential);
		let (updates, headers) = redaction(&[0, 1]);
		assert_noop!(
			LiveChain::redact(committee(), Some(id), updates, headers),
			Error::<Test>::SequentialStepNotSingle
		);
	});
}

#[test]
fn sequential_model_updated_twice_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Sequential);
		assert_ok!(redact(Some(id), &[0]));
		let (updates, headers) = redaction(&[0]);
		assert_noop!(
			LiveChain::redact(committee(), Some(id), updates, headers),
			Error::<Test>::AlreadyUpdated
		);
	});
}

#[test]
fn sequential_update_outside_affected_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Sequential);
		let (updates, headers) = redaction(&[5]);
		assert_noop!(
			LiveChain::redact(committee(), Some(id), updates, headers),
			Error::<Test>::UpdateOutsideAffected
		);
	});
}

#[test]
fn request_step_with_invalid_collision_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Parallel);
		let (mut updates, headers) = redaction(&[0, 2, 3]);
		updates[2].rand = updates[1].rand;
		assert_noop!(
			LiveChain::redact(committee(), Some(id), updates, headers),
			pallet_live_chain::Error::<Test>::TxCollisionInvalid { index: 2 }
		);
		assert_eq!(Requests::<Test>::get(id).unwrap().rounds, 0);
	});
}
