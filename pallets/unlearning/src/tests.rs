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

type TxUpdates = BoundedVec<TxUpdateOf<Test>, MaxUpdates>;
type Headers = BoundedVec<HeaderUpdate, MaxUpdates>;

/// Publishes the model CID of `label` (`testing::uri`) with `refs` as `who`; returns its id.
fn publish(who: AccountId, label: &str, refs: &[u64]) -> u64 {
	let tx = pallet_live_chain::NextTxId::<Test>::get();
	let uri = testing::uri(label.as_bytes());
	let (ch, rand) = testing::publish_args(&uri, refs, tx);
	assert_ok!(LiveChain::publish_model(
		RuntimeOrigin::signed(who),
		uri.try_into().unwrap(),
		refs.to_vec().try_into().unwrap(),
		ch,
		rand
	));
	tx
}

/// `request_unlearning` with plain vectors (they must fit their bounds).
fn request_call(
	origin: RuntimeOrigin,
	start: Vec<u64>,
	classes: Vec<u8>,
	paradigm: Paradigm,
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	Unlearning::request_unlearning(origin, start.try_into().unwrap(), classes.try_into().unwrap(), paradigm)
}

fn committee() -> RuntimeOrigin {
	CollectiveOrigin::<AccountId, Instance1>::Members(3, 4).into()
}

/// The URI of model `tx`'s next version in these tests (a model CID).
fn next_uri(tx: u64) -> Vec<u8> {
	let version = Txs::<Test>::get(tx).map(|t| t.version).unwrap_or_default();
	testing::uri(format!("unlearned-{tx}-v{}", version + 1).as_bytes())
}

/// Valid redaction arguments giving each listed model the URI of `changes`.
fn redaction_with(changes: &[(u64, Vec<u8>)]) -> (TxUpdates, Headers) {
	let (updates, headers) = testing::redaction::<Test>(changes, &mut DetRng::new(3));
	(updates.try_into().unwrap(), headers.try_into().unwrap())
}

/// Valid redaction arguments giving each listed model its [`next_uri`].
fn redaction(txs: &[u64]) -> (TxUpdates, Headers) {
	let changes: Vec<(u64, Vec<u8>)> = txs.iter().map(|tx| (*tx, next_uri(*tx))).collect();
	redaction_with(&changes)
}

/// `submit_update` of `update` for `tx` of `request`, signed by `who`.
fn submit_as(
	who: AccountId,
	request: u64,
	tx: u64,
	update: ModelUpdate<Vec<u8>>,
) -> frame_support::dispatch::DispatchResult {
	let update = match update {
		ModelUpdate::Replace(uri) => ModelUpdate::Replace(uri.try_into().unwrap()),
		ModelUpdate::Unchanged => ModelUpdate::Unchanged,
	};
	Unlearning::submit_update(RuntimeOrigin::signed(who), request, tx, update)
		.map(|_| ())
		.map_err(|e| e.error)
}

/// Each listed model's owner submits its [`next_uri`] (those not submitted yet).
fn submit(request: u64, txs: &[u64]) {
	for tx in txs {
		if !Updates::<Test>::contains_key(request, tx) {
			let owner = Txs::<Test>::get(tx).unwrap().owner;
			assert_ok!(submit_as(owner, request, *tx, ModelUpdate::Replace(next_uri(*tx))));
		}
	}
}

/// The owners submit `txs` (parallel: the other affected models `Unchanged`), then the
/// committee redacts `txs` with the submitted URIs.
fn redact(request: u64, txs: &[u64]) -> frame_support::dispatch::DispatchResultWithPostInfo {
	submit(request, txs);
	let r = Requests::<Test>::get(request).unwrap();
	if r.paradigm == Paradigm::Parallel {
		for tx in r.affected.iter().filter(|t| !txs.contains(t)) {
			if !Updates::<Test>::contains_key(request, tx) {
				let owner = Txs::<Test>::get(tx).unwrap().owner;
				assert_ok!(submit_as(owner, request, *tx, ModelUpdate::Unchanged));
			}
		}
	}
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
	publish(ALICE, "0", &[]);
	publish(ALICE, "1", &[]);
	next_block();
	publish(BOB, "2", &[0, 1]);
	next_block();
	publish(BOB, "3", &[2]);
	publish(BOB, "4", &[1]);
	publish(BOB, "5", &[]);
	next_block();
}

fn request(who: AccountId, start: &[u64], paradigm: Paradigm) -> u64 {
	let id = NextRequestId::<Test>::get();
	assert_ok!(request_call(
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
				waiting: false,
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
		assert_ok!(redact(id, &[0, 2, 3]));
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!((r.status, r.rounds), (RequestStatus::Completed, 1));
		assert_eq!(r.done.to_vec(), vec![0, 2, 3]);
		assert!(r.skipped.is_empty());
		assert_eq!(r.completed, Some(System::block_number()));
		System::assert_has_event(Event::RequestCompleted { id, rounds: 1, skipped: 0 }.into());
		// The archive got the new versions, tagged with the request.
		let last = Records::<Test>::get(pallet_model_archive::NextSeq::<Test>::get() - 1).unwrap();
		assert_eq!(last.reason, ArchiveReason::Redacted { request: id });
		assert_eq!(LineageLen::<Test>::get(3), 2);
		// Completion releases the locks and the deposit.
		assert!(LockedBy::<Test>::iter().next().is_none());
		assert_eq!(held(ALICE), 0);
	});
}

#[test]
fn parallel_request_records_skipped_models_works() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Parallel);
		// The worker left model 3 unchanged (update below ε).
		assert_ok!(redact(id, &[0, 2]));
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
			assert_ok!(redact(id, &[*tx]));
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
		publish(ALICE, "0", &[]);
		next_block();
		publish(BOB, "1", &[0]);
		next_block();
		publish(BOB, "2", &[1]);
		publish(BOB, "3", &[0, 2]);
		next_block();
		let id = request(ALICE, &[0], Paradigm::Sequential);
		for (index, tx) in [0u64, 1, 2, 3].into_iter().enumerate() {
			submit(id, &[tx]);
			let (updates, headers) = redaction(&[tx]);
			let call = RuntimeCall::LiveChain(pallet_live_chain::Call::redact {
				request: id,
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

// ---------------------------------------------------------------------------------------
// Owners' updates: submit_update
// ---------------------------------------------------------------------------------------

#[test]
fn owners_submit_and_committee_applies_works() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Parallel);
		assert_ok!(submit_as(ALICE, id, 0, ModelUpdate::Replace(next_uri(0))));
		let stored = Updates::<Test>::get(id, 0).unwrap();
		assert_eq!((stored.by, stored.fallback, stored.at), (ALICE, false, System::block_number()));
		System::assert_last_event(
			Event::UpdateSubmitted {
				request: id,
				tx: 0,
				by: ALICE,
				uri: Some(next_uri(0).try_into().unwrap()),
				fallback: false,
			}
			.into(),
		);
		// BOB owns 2 and 3: his update for 2, and 3 unchanged (norm ≤ ε).
		assert_ok!(submit_as(BOB, id, 2, ModelUpdate::Replace(next_uri(2))));
		assert_ok!(submit_as(BOB, id, 3, ModelUpdate::Unchanged));
		System::assert_has_event(Event::UpdatesComplete { id }.into());
		assert_eq!(Requests::<Test>::get(id).unwrap().submitted, 3);
		assert_eq!(
			Unlearning::next_redaction(id, &[]).unwrap(),
			vec![(0, next_uri(0).try_into().unwrap()), (2, next_uri(2).try_into().unwrap())]
		);
		let (updates, headers) = redaction(&[0, 2]);
		assert_ok!(LiveChain::redact(committee(), id, updates, headers));
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!((r.status, r.done.to_vec(), r.skipped.to_vec()), (RequestStatus::Completed, vec![0, 2], vec![3]));
		assert!(Updates::<Test>::iter_prefix(id).next().is_none());
	});
}

/// The attack of issue 22: ALICE owns m0, BOB's m2 inherits from it; ALICE requests
/// unlearning of m0 and tries to choose what replaces BOB's model.
#[test]
fn requester_cannot_choose_another_owners_model_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Parallel);
		submit(id, &[0]);
		// ALICE cannot submit for BOB's models, neither a new version nor "unchanged".
		assert_noop!(
			submit_as(ALICE, id, 2, ModelUpdate::Replace(testing::uri(b"anything"))),
			Error::<Test>::FallbackTooEarly
		);
		assert_noop!(submit_as(ALICE, id, 3, ModelUpdate::Unchanged), Error::<Test>::FallbackTooEarly);
		// Nor can a redaction — whoever computed its collisions — apply a URI BOB did not
		// submit: not before BOB answers ...
		let forged = vec![(0, next_uri(0)), (2, testing::uri(b"anything")), (3, next_uri(3))];
		let (updates, headers) = redaction_with(&forged);
		assert_noop!(
			LiveChain::redact(committee(), id, updates, headers),
			Error::<Test>::UpdateNotSubmitted
		);
		// ... nor after: BOB's own URIs are the only ones that can be applied.
		submit(id, &[2, 3]);
		let (updates, headers) = redaction_with(&forged);
		assert_noop!(
			LiveChain::redact(committee(), id, updates, headers),
			Error::<Test>::UriMismatch
		);
		assert_ok!(redact(id, &[0, 2, 3]));
	});
}

#[test]
fn parallel_fallback_after_window_works() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Parallel);
		let from = Requests::<Test>::get(id).unwrap().fallback_from.unwrap();
		// BOB never answers. Before the window ends, nobody may stand in for him.
		run_to_block(from - 1);
		submit(id, &[0]);
		assert_noop!(
			submit_as(ALICE, id, 2, ModelUpdate::Replace(next_uri(2))),
			Error::<Test>::FallbackTooEarly
		);
		run_to_block(from);
		// Afterwards anyone (here account 3) may submit the public-data update of an
		// inherited model; it is flagged with its submitter, and never `Unchanged`.
		assert_noop!(submit_as(3, id, 3, ModelUpdate::Unchanged), Error::<Test>::FallbackUnchanged);
		assert_ok!(submit_as(3, id, 2, ModelUpdate::Replace(next_uri(2))));
		assert_ok!(submit_as(3, id, 3, ModelUpdate::Replace(next_uri(3))));
		let stored = Updates::<Test>::get(id, 2).unwrap();
		assert_eq!((stored.by, stored.fallback), (3, true));
		System::assert_has_event(
			Event::UpdateSubmitted {
				request: id,
				tx: 3,
				by: 3,
				uri: Some(next_uri(3).try_into().unwrap()),
				fallback: true,
			}
			.into(),
		);
		assert_ok!(redact(id, &[0, 2, 3]));
		assert_eq!(Requests::<Test>::get(id).unwrap().status, RequestStatus::Completed);
	});
}

#[test]
fn fallback_needs_start_updates_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Parallel);
		run_to_block(Requests::<Test>::get(id).unwrap().fallback_from.unwrap());
		// Eqs. 7-8 need the start model's new version: none yet.
		assert_noop!(
			submit_as(3, id, 2, ModelUpdate::Replace(next_uri(2))),
			Error::<Test>::FallbackBeforeStarts
		);
		// A start model has no fallback: only its owner holds the withdrawn data.
		assert_noop!(
			submit_as(BOB, id, 0, ModelUpdate::Replace(next_uri(0))),
			Error::<Test>::NotModelOwner
		);
	});
}

#[test]
fn sequential_has_no_fallback_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Sequential);
		assert_ok!(redact(id, &[0]));
		run_to_block(Requests::<Test>::get(id).unwrap().fallback_from.unwrap() + 1);
		// Re-training needs BOB's data: only BOB can submit m2, ever.
		assert_noop!(
			submit_as(ALICE, id, 2, ModelUpdate::Replace(next_uri(2))),
			Error::<Test>::NotModelOwner
		);
	});
}

#[test]
fn sequential_owner_retrains_after_parents_applied_works() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Sequential);
		// No unchanged model in the sequential paradigm.
		assert_noop!(submit_as(BOB, id, 2, ModelUpdate::Unchanged), Error::<Test>::MustChange);
		submit(id, &[0]);
		assert_eq!(Unlearning::next_redaction(id, &[]).unwrap(), vec![(0, next_uri(0).try_into().unwrap())]);
		// A proposal already holding 0: nothing else is ready.
		assert!(matches!(Unlearning::next_redaction(id, &[0]), Err(Error::<Test>::NothingToPropose)));
		assert_ok!(redact(id, &[0]));
		assert_ok!(submit_as(BOB, id, 2, ModelUpdate::Replace(next_uri(2))));
		assert_ok!(redact(id, &[2]));
		assert_ok!(redact(id, &[3]));
		assert_eq!(Requests::<Test>::get(id).unwrap().status, RequestStatus::Completed);
	});
}

#[test]
fn submit_update_bad_input_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Parallel);
		let good = || ModelUpdate::Replace(next_uri(2));
		assert_noop!(submit_as(BOB, 9, 2, good()), Error::<Test>::UnknownRequest);
		// 4 and 5 are BOB's but not affected.
		assert_noop!(
			submit_as(BOB, id, 4, ModelUpdate::Replace(next_uri(4))),
			Error::<Test>::UpdateOutsideAffected
		);
		// A start model must change.
		assert_noop!(submit_as(ALICE, id, 0, ModelUpdate::Unchanged), Error::<Test>::MustChange);
		// Only model CIDs are URIs: not text, nor a CID cut short.
		let mut truncated = next_uri(2);
		truncated.pop();
		for bad in [b"has space".to_vec(), truncated] {
			assert_noop!(
				submit_as(BOB, id, 2, ModelUpdate::Replace(bad)),
				pallet_live_chain::Error::<Test>::MalformedUri
			);
		}
		assert_noop!(
			Unlearning::submit_update(RuntimeOrigin::root(), id, 2, ModelUpdate::Unchanged),
			DispatchError::BadOrigin
		);
		assert_ok!(submit_as(BOB, id, 2, good()));
		// One update per model: no second thoughts, no duplicate.
		assert_noop!(submit_as(BOB, id, 2, ModelUpdate::Unchanged), Error::<Test>::AlreadySubmitted);
		// After cancellation or completion: refused.
		assert_ok!(Unlearning::cancel_request(RuntimeOrigin::signed(ALICE), id));
		assert_noop!(
			submit_as(BOB, id, 3, ModelUpdate::Replace(next_uri(3))),
			Error::<Test>::RequestClosed
		);
		let done = request(ALICE, &[0], Paradigm::Parallel);
		assert_ok!(redact(done, &[0, 2, 3]));
		assert_noop!(
			submit_as(BOB, done, 3, ModelUpdate::Replace(next_uri(3))),
			Error::<Test>::RequestCompleted
		);
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
			request_call(RuntimeOrigin::signed(ALICE), vec![0, 42], vec![1], Paradigm::Parallel),
			Error::<Test>::UnknownTx
		);
	});
}

#[test]
fn request_by_non_owner_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		assert_noop!(
			request_call(RuntimeOrigin::signed(BOB), vec![0], vec![1], Paradigm::Parallel),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn request_partly_owned_starts_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		assert_noop!(
			request_call(RuntimeOrigin::signed(ALICE), vec![0, 5], vec![1], Paradigm::Parallel),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn request_empty_start_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		assert_noop!(
			request_call(RuntimeOrigin::signed(ALICE), vec![], vec![1], Paradigm::Parallel),
			Error::<Test>::EmptyStart
		);
	});
}

/// SCALE bytes of an `Unlearning::request_unlearning` call with plain vectors.
fn request_call_bytes(start: &[u64], classes: &[u8]) -> Vec<u8> {
	let mut bytes = vec![5u8, 0u8]; // pallet index of Unlearning in the mock, call index 0
	(start.to_vec(), classes.to_vec(), Paradigm::Parallel).encode_to(&mut bytes);
	bytes
}

#[test]
fn request_too_many_starts_fails() {
	use codec::Decode;
	// Bounded arguments: MaxStarts + 1 start models do not decode, MaxStarts do.
	let fits: Vec<u64> = (0..u64::from(MaxStarts::get())).collect();
	assert!(RuntimeCall::decode(&mut &request_call_bytes(&fits, &[1])[..]).is_ok());
	let too_many: Vec<u64> = (0..=u64::from(MaxStarts::get())).collect();
	assert!(RuntimeCall::decode(&mut &request_call_bytes(&too_many, &[1])[..]).is_err());
}

#[test]
fn request_duplicate_start_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		assert_noop!(
			request_call(RuntimeOrigin::signed(ALICE), vec![0, 0], vec![1], Paradigm::Parallel),
			Error::<Test>::DuplicateStart
		);
	});
}

#[test]
fn request_empty_classes_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		assert_noop!(
			request_call(RuntimeOrigin::signed(ALICE), vec![0], vec![], Paradigm::Parallel),
			Error::<Test>::EmptyClasses
		);
	});
}

#[test]
fn request_too_many_classes_fails() {
	use codec::Decode;
	let fits: Vec<u8> = (0..MaxClasses::get() as u8).collect();
	assert!(RuntimeCall::decode(&mut &request_call_bytes(&[0], &fits)[..]).is_ok());
	let too_many: Vec<u8> = (0..=MaxClasses::get() as u8).collect();
	assert!(RuntimeCall::decode(&mut &request_call_bytes(&[0], &too_many)[..]).is_err());
}

#[test]
fn request_duplicate_class_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		assert_noop!(
			request_call(RuntimeOrigin::signed(ALICE), vec![0], vec![2, 2], Paradigm::Parallel),
			Error::<Test>::DuplicateClass
		);
	});
}

#[test]
fn request_too_many_affected_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		// A 7th model below 4 makes the affected set of {0, 1} 6 + 1 > MaxAffected.
		publish(BOB, "6", &[4]);
		publish(BOB, "7", &[6]);
		next_block();
		assert_noop!(
			request_call(RuntimeOrigin::signed(ALICE), vec![0, 1], vec![1], Paradigm::Parallel),
			Error::<Test>::TooManyAffected
		);
	});
}

#[test]
fn request_unsigned_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		assert_noop!(
			request_call(RuntimeOrigin::root(), vec![0], vec![1], Paradigm::Parallel),
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
			LiveChain::redact(committee(), 9, updates, headers),
			Error::<Test>::UnknownRequest
		);
	});
}

#[test]
fn redact_for_completed_request_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Parallel);
		assert_ok!(redact(id, &[0, 2, 3]));
		let (updates, headers) = redaction(&[0, 2, 3]);
		assert_noop!(
			LiveChain::redact(committee(), id, updates, headers),
			Error::<Test>::RequestCompleted
		);
	});
}

#[test]
fn parallel_update_outside_affected_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Parallel);
		submit(id, &[0, 2, 3]);
		let (updates, headers) = redaction(&[0, 2, 3, 4]);
		assert_noop!(
			LiveChain::redact(committee(), id, updates, headers),
			Error::<Test>::UpdateOutsideAffected
		);
	});
}

#[test]
fn a_parallel_update_set_may_be_applied_in_chunks_each_model_once() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Parallel);
		// Not before every update is in: the approval covers the whole set.
		submit(id, &[0, 2]);
		let (updates, headers) = redaction(&[0, 2]);
		assert_noop!(
			LiveChain::redact(committee(), id, updates, headers),
			Error::<Test>::UpdateMissing
		);
		submit(id, &[3]);
		// A chunk without the start model is as valid as any other: every new version
		// was computed before the approval.
		assert_ok!(redact(id, &[2, 3]));
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!((r.status, r.rounds, r.done.to_vec()), (RequestStatus::InProgress, 1, vec![2, 3]));
		// A model is applied once: a chunk repeating one (with its owner's URI) is refused,
		// nothing changes.
		let submitted = |tx| Updates::<Test>::get(id, tx).unwrap().update.uri().unwrap().to_vec();
		let (updates, headers) = redaction_with(&[(0, submitted(0)), (3, submitted(3))]);
		assert_noop!(
			LiveChain::redact(committee(), id, updates, headers),
			Error::<Test>::AlreadyUpdated
		);
		assert_ok!(redact(id, &[0]));
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!((r.status, r.rounds, r.done.to_vec()), (RequestStatus::Completed, 2, vec![0, 2, 3]));
		assert!(r.skipped.is_empty());
	});
}

/// The state a parallel request's redactions leave: every model's URI and version, every
/// live block's version, the request's outcome and the archive's length (the collisions'
/// randomness aside).
fn final_state(id: u64) -> (Vec<(Vec<u8>, u32)>, Vec<u32>, (RequestStatus, u32, Vec<u64>, Vec<u64>), u64) {
	let txs = (0..pallet_live_chain::NextTxId::<Test>::get())
		.map(|tx| Txs::<Test>::get(tx).map(|t| (t.uri.to_vec(), t.version)).unwrap())
		.collect();
	let blocks = pallet_live_chain::Blocks::<Test>::iter_values().map(|b| b.version).collect();
	let r = Requests::<Test>::get(id).unwrap();
	let outcome = (r.status, r.rounds, r.done.to_vec(), r.skipped.to_vec());
	(txs, blocks, outcome, pallet_model_archive::NextSeq::<Test>::get())
}

#[test]
fn every_order_of_applying_the_chunks_of_one_approval_gives_the_same_state() {
	// Affected {0, 1, 2, 3, 4}; 4 is left unchanged; three chunks, in each of the six
	// orders. The live chain verifies after every chunk.
	let chunks: [&[u64]; 3] = [&[0, 3], &[1], &[2]];
	let orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
	let mut states = Vec::new();
	for order in orders {
		ExtBuilder::default().build_and_execute(|| {
			dag();
			let id = request(ALICE, &[0, 1], Paradigm::Parallel);
			submit(id, &[0, 1, 2, 3]);
			assert_ok!(submit_as(BOB, id, 4, ModelUpdate::Unchanged));
			for (k, c) in order.iter().enumerate() {
				assert_ok!(redact(id, chunks[*c]));
				let r = Requests::<Test>::get(id).unwrap();
				let expected =
					if k == 2 { RequestStatus::Completed } else { RequestStatus::InProgress };
				assert_eq!(r.status, expected, "order {order:?}, after chunk {k}");
				let report = LiveChain::verify_integrity();
				assert!(report.ok, "order {order:?}, after chunk {k}: {:?}", report.failures);
			}
			states.push(final_state(id));
		});
	}
	let first = &states[0];
	assert_eq!(first.2, (RequestStatus::Completed, 3, vec![0, 1, 2, 3], vec![4]));
	assert!(states.iter().all(|s| s == first), "{states:#?}");
}

#[test]
fn sequential_step_out_of_order_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Sequential);
		assert_ok!(redact(id, &[0]));
		// 3 inherits from 2, which is not updated yet: its owner cannot submit (it would
		// re-train from 2's old version), so no redaction of it can be applied either.
		assert_noop!(
			submit_as(BOB, id, 3, ModelUpdate::Replace(next_uri(3))),
			Error::<Test>::SequentialOutOfOrder
		);
		let (updates, headers) = redaction(&[3]);
		assert_noop!(
			LiveChain::redact(committee(), id, updates, headers),
			Error::<Test>::UpdateNotSubmitted
		);
	});
}

#[test]
fn sequential_first_step_not_a_start_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Sequential);
		assert_noop!(
			submit_as(BOB, id, 2, ModelUpdate::Replace(next_uri(2))),
			Error::<Test>::SequentialOutOfOrder
		);
		let (updates, headers) = redaction(&[2]);
		assert_noop!(
			LiveChain::redact(committee(), id, updates, headers),
			Error::<Test>::UpdateNotSubmitted
		);
	});
}

#[test]
fn sequential_two_models_in_one_step_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0, 1], Paradigm::Sequential);
		submit(id, &[0, 1]);
		let (updates, headers) = redaction(&[0, 1]);
		assert_noop!(
			LiveChain::redact(committee(), id, updates, headers),
			Error::<Test>::SequentialStepNotSingle
		);
	});
}

#[test]
fn sequential_model_updated_twice_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Sequential);
		let uri = next_uri(0);
		assert_ok!(redact(id, &[0]));
		assert_noop!(
			submit_as(ALICE, id, 0, ModelUpdate::Replace(next_uri(0))),
			Error::<Test>::AlreadySubmitted
		);
		// Replaying the applied update (its submitted URI, a fresh collision) is refused.
		let (updates, headers) = redaction_with(&[(0, uri)]);
		assert_noop!(
			LiveChain::redact(committee(), id, updates, headers),
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
			LiveChain::redact(committee(), id, updates, headers),
			Error::<Test>::UpdateOutsideAffected
		);
	});
}

#[test]
fn request_step_with_invalid_collision_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Parallel);
		submit(id, &[0, 2, 3]);
		let (mut updates, headers) = redaction(&[0, 2, 3]);
		updates[2].rand = updates[1].rand;
		assert_noop!(
			LiveChain::redact(committee(), id, updates, headers),
			pallet_live_chain::Error::<Test>::TxCollisionInvalid { index: 2 }
		);
		assert_eq!(Requests::<Test>::get(id).unwrap().rounds, 0);
	});
}

// ---------------------------------------------------------------------------------------
// Locks, deposits, cancellation and expiry
// ---------------------------------------------------------------------------------------

/// The request deposit held from `who`.
fn held(who: AccountId) -> u64 {
	use frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(&HoldReason::RequestDeposit.into(), &who)
}

#[test]
fn request_locks_affected_models_and_holds_deposit_works() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Parallel);
		for tx in [0, 2, 3] {
			assert_eq!(LockedBy::<Test>::get(tx), Some(id));
		}
		assert_eq!(LockedBy::<Test>::get(1), None);
		// The deposit and the archive fee of the three affected models.
		let deposit = REQUEST_DEPOSIT + 3 * ARCHIVE_FEE;
		assert_eq!(held(ALICE), deposit);
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!((r.deposit, r.expires), (deposit, Some(System::block_number() + REQUEST_TTL)));
		assert_eq!(r.fallback_from, Some(System::block_number() + UPDATE_WINDOW));
	});
}

#[test]
fn request_overlapping_open_request_waits_works() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let first = request(ALICE, &[0], Paradigm::Parallel);
		// BOB's model 2 inherits from 0: 2 and 3 are in the open request's affected set.
		// BOB's request on 2 is queued, not refused: it waits for both.
		let second = request(BOB, &[2], Paradigm::Parallel);
		let r = Requests::<Test>::get(second).unwrap();
		assert_eq!((r.status, r.affected.to_vec()), (RequestStatus::Waiting, vec![2, 3]));
		assert_eq!((r.expires, r.activated), (None, None));
		assert_eq!(Waiting::<Test>::get().to_vec(), vec![(second, 2)]);
		assert_eq!(held(BOB), REQUEST_DEPOSIT + 2 * ARCHIVE_FEE);
		System::assert_last_event(
			Event::UnlearningRequested {
				id: second,
				requester: BOB,
				paradigm: Paradigm::Parallel,
				affected: 2,
				waiting: true,
			}
			.into(),
		);
		// While waiting, nobody submits for it and no redaction advances it.
		assert_noop!(
			submit_as(BOB, second, 2, ModelUpdate::Replace(next_uri(2))),
			Error::<Test>::RequestWaiting
		);
		let (updates, headers) = redaction(&[2, 3]);
		assert_noop!(
			LiveChain::redact(committee(), second, updates, headers),
			Error::<Test>::RequestWaiting
		);
		// A disjoint request is served at once.
		let third = request(BOB, &[5], Paradigm::Parallel);
		assert_eq!(Requests::<Test>::get(third).unwrap().status, RequestStatus::Pending);

		// The first completes: its models 2 and 3 pass to the waiting request, which
		// becomes pending and unlearns the **new** versions.
		assert_ok!(redact(first, &[0, 2, 3]));
		let r = Requests::<Test>::get(second).unwrap();
		assert_eq!(r.status, RequestStatus::Pending);
		assert_eq!(r.activated, Some(System::block_number()));
		assert!(Waiting::<Test>::get().is_empty());
		assert_eq!(LockedBy::<Test>::get(2), Some(second));
		assert_eq!(LockedBy::<Test>::get(0), None);
		System::assert_has_event(Event::RequestActivated { id: second }.into());
		assert_ok!(redact(second, &[2, 3]));
		assert_eq!(Txs::<Test>::get(2).unwrap().version, 2);
		assert_eq!(Requests::<Test>::get(second).unwrap().status, RequestStatus::Completed);
	});
}

#[test]
fn waiting_requests_are_served_in_filing_order_works() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		// ALICE asks for 1 (affects 1, 2, 3, 4), then for 0 (0, 2, 3): 0 is free, so the
		// second request holds it and waits for 2 and 3; BOB's request on 2 waits too.
		let a = request(ALICE, &[1], Paradigm::Parallel);
		let b = request(ALICE, &[0], Paradigm::Sequential);
		let c = request(BOB, &[2], Paradigm::Parallel);
		assert_eq!(LockedBy::<Test>::get(0), Some(b));
		assert_eq!(Waiting::<Test>::get().to_vec(), vec![(b, 2), (c, 2)]);
		// Nobody can inherit from a model a waiting request holds.
		let uri = testing::uri(b"late");
		let (ch, rand) = testing::publish_args(&uri, &[0], 77);
		assert_noop!(
			LiveChain::publish_model(
				RuntimeOrigin::signed(BOB),
				uri.try_into().unwrap(),
				vec![0].try_into().unwrap(),
				ch,
				rand
			),
			pallet_live_chain::Error::<Test>::RefLocked
		);
		// Cancelling the first hands 2 and 3 to the earlier waiter, b; c keeps waiting.
		assert_ok!(Unlearning::cancel_request(RuntimeOrigin::signed(ALICE), a));
		assert_eq!(Requests::<Test>::get(b).unwrap().status, RequestStatus::Pending);
		assert_eq!(Requests::<Test>::get(c).unwrap().status, RequestStatus::Waiting);
		assert_eq!(Waiting::<Test>::get().to_vec(), vec![(c, 2)]);
		// b expires; c gets 2 and 3.
		let expires = Requests::<Test>::get(b).unwrap().expires.unwrap();
		run_to_block(expires);
		assert_eq!(Requests::<Test>::get(b).unwrap().status, RequestStatus::Expired);
		assert_eq!(Requests::<Test>::get(c).unwrap().status, RequestStatus::Pending);
		assert_eq!(held(ALICE), 0);
	});
}

#[test]
fn cancel_waiting_request_works() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let a = request(ALICE, &[0], Paradigm::Parallel);
		let b = request(BOB, &[2], Paradigm::Parallel);
		assert_ok!(Unlearning::cancel_request(RuntimeOrigin::signed(BOB), b));
		assert!(Waiting::<Test>::get().is_empty());
		assert_eq!(held(BOB), 0);
		assert_eq!(LockedBy::<Test>::get(2), Some(a));
		assert_ok!(redact(a, &[0, 2, 3]));
		assert!(LockedBy::<Test>::iter().next().is_none());
	});
}

#[test]
fn request_beyond_waiting_limit_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		request(ALICE, &[0], Paradigm::Parallel);
		for _ in 0..MAX_WAITING {
			request(BOB, &[2], Paradigm::Parallel);
		}
		assert_noop!(
			request_call(RuntimeOrigin::signed(BOB), vec![3], vec![1], Paradigm::Parallel),
			Error::<Test>::TooManyWaiting
		);
	});
}

#[test]
fn publish_referencing_locked_model_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Parallel);
		let uri = testing::uri(b"late");
		let (ch, rand) = testing::publish_args(&uri, &[3], 77);
		assert_noop!(
			LiveChain::publish_model(
				RuntimeOrigin::signed(BOB),
				uri.try_into().unwrap(),
				vec![3].try_into().unwrap(),
				ch,
				rand
			),
			pallet_live_chain::Error::<Test>::RefLocked
		);
		// Unlocked models may still be inherited from, and once the request completes so
		// may the unlearned ones.
		publish(BOB, "free", &[1]);
		assert_ok!(redact(id, &[0, 2, 3]));
		publish(BOB, "late", &[3]);
	});
}

/// `who`'s free balance and the total issuance.
fn funds(who: AccountId) -> (u64, u64) {
	use frame_support::traits::fungible::Inspect;
	(Balances::balance(&who), Balances::total_issuance())
}

#[test]
fn completed_request_burns_the_archive_fee_of_the_models_it_updated_works() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Parallel);
		let (free, issuance) = funds(ALICE);
		// Models 0 and 2 get new versions, 3 is left unchanged (skipped): two archive
		// records, two fees burned; the rest of the deposit comes back.
		assert_ok!(redact(id, &[0, 2]));
		assert_eq!(held(ALICE), 0);
		assert_eq!(funds(ALICE), (free + REQUEST_DEPOSIT + ARCHIVE_FEE, issuance - 2 * ARCHIVE_FEE));
		System::assert_has_event(Event::ArchiveFeePaid { id, models: 2, amount: 2 * ARCHIVE_FEE }.into());
	});
}

#[test]
fn request_loop_pays_the_archive_fee_every_round_works() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let (start, issuance) = funds(ALICE);
		// An owner requesting and redacting its own three models over and over leaves three
		// archive records a round, and pays for each.
		for round in 1..=3u64 {
			let id = request(ALICE, &[0], Paradigm::Parallel);
			assert_ok!(redact(id, &[0, 2, 3]));
			assert_eq!(funds(ALICE), (start - round * 3 * ARCHIVE_FEE, issuance - round * 3 * ARCHIVE_FEE));
			next_block();
		}
	});
}

#[test]
fn cancelled_request_burns_nothing_works() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let (free, issuance) = funds(ALICE);
		let id = request(ALICE, &[0], Paradigm::Parallel);
		assert_ok!(Unlearning::cancel_request(RuntimeOrigin::signed(ALICE), id));
		assert_eq!((held(ALICE), funds(ALICE)), (0, (free, issuance)));
	});
}

#[test]
fn expired_sequential_request_pays_for_the_models_it_updated_works() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let (free, issuance) = funds(ALICE);
		let id = request(ALICE, &[0], Paradigm::Sequential);
		let expires = Requests::<Test>::get(id).unwrap().expires.unwrap();
		assert_ok!(redact(id, &[0]));
		run_to_block(expires);
		assert_eq!((held(ALICE), funds(ALICE)), (0, (free - ARCHIVE_FEE, issuance - ARCHIVE_FEE)));
	});
}

#[test]
fn request_without_deposit_for_its_archive_fee_fails() {
	ExtBuilder::default().build_and_execute(|| {
		// PAUPER can pay a model deposit and the request deposit, not the fee on top.
		publish(ALICE, "a", &[]);
		next_block();
		publish(PAUPER, "p", &[0]);
		next_block();
		// Enough free balance for the request deposit, one unit short of the fee on top.
		<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(
			&PAUPER,
			REQUEST_DEPOSIT + ARCHIVE_FEE - 1,
		);
		let before = funds(PAUPER);
		assert_noop!(
			request_call(RuntimeOrigin::signed(PAUPER), vec![1], vec![1], Paradigm::Parallel),
			Error::<Test>::InsufficientDeposit
		);
		assert_eq!(funds(PAUPER), before);
	});
}

#[test]
fn request_without_deposit_fails() {
	ExtBuilder::default().build_and_execute(|| {
		// PAUPER can pay a model deposit, not a request deposit.
		publish(PAUPER, "p", &[]);
		next_block();
		assert_noop!(
			request_call(RuntimeOrigin::signed(PAUPER), vec![0], vec![1], Paradigm::Parallel),
			Error::<Test>::InsufficientDeposit
		);
	});
}

#[test]
fn request_beyond_per_block_limit_fails() {
	ExtBuilder::default().build_and_execute(|| {
		for i in 0..5 {
			publish(BOB, &format!("leaf-{i}"), &[]);
		}
		next_block();
		for tx in 0..4 {
			request(BOB, &[tx], Paradigm::Parallel);
		}
		assert_noop!(
			request_call(RuntimeOrigin::signed(BOB), vec![4], vec![1], Paradigm::Parallel),
			Error::<Test>::TooManyRequestsThisBlock
		);
	});
}

#[test]
fn cancel_request_works() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Parallel);
		assert_ok!(Unlearning::cancel_request(RuntimeOrigin::signed(ALICE), id));
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!(r.status, RequestStatus::Cancelled);
		assert_eq!(r.completed, Some(System::block_number()));
		assert!(LockedBy::<Test>::iter().next().is_none());
		assert_eq!(held(ALICE), 0);
		System::assert_last_event(Event::RequestCancelled { id }.into());
		// The committee can no longer act on it.
		let (updates, headers) = redaction(&[0, 2, 3]);
		assert_noop!(
			LiveChain::redact(committee(), id, updates, headers),
			Error::<Test>::RequestClosed
		);
	});
}

#[test]
fn cancel_request_by_other_account_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Parallel);
		assert_noop!(
			Unlearning::cancel_request(RuntimeOrigin::signed(BOB), id),
			Error::<Test>::NotRequester
		);
	});
}

#[test]
fn cancel_unknown_request_fails() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Unlearning::cancel_request(RuntimeOrigin::signed(ALICE), 3),
			Error::<Test>::UnknownRequest
		);
	});
}

#[test]
fn cancel_request_after_committee_acted_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Sequential);
		assert_ok!(redact(id, &[0]));
		assert_noop!(
			Unlearning::cancel_request(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::RequestNotPending
		);
	});
}

#[test]
fn cancel_request_unsigned_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Parallel);
		assert_noop!(Unlearning::cancel_request(RuntimeOrigin::root(), id), DispatchError::BadOrigin);
	});
}

#[test]
fn request_expires_after_ttl_works() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Sequential);
		let expires = Requests::<Test>::get(id).unwrap().expires.unwrap();
		assert_ok!(redact(id, &[0]));
		run_to_block(expires - 1);
		assert_eq!(Requests::<Test>::get(id).unwrap().status, RequestStatus::InProgress);
		run_to_block(expires);
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!(r.status, RequestStatus::Expired);
		assert!(LockedBy::<Test>::iter().next().is_none());
		assert_eq!(held(ALICE), 0);
		System::assert_has_event(Event::RequestExpired { id, updated: 1 }.into());
		// The model it updated keeps its new version; the rest can no longer be redacted
		// for it.
		assert_eq!(Txs::<Test>::get(0).unwrap().version, 1);
		assert!(Updates::<Test>::iter_prefix(id).next().is_none());
		assert_noop!(
			submit_as(BOB, id, 2, ModelUpdate::Replace(next_uri(2))),
			Error::<Test>::RequestClosed
		);
		let (updates, headers) = redaction(&[2]);
		assert_noop!(
			LiveChain::redact(committee(), id, updates, headers),
			Error::<Test>::RequestClosed
		);
	});
}

#[test]
fn at_most_max_expiries_per_block_close_in_one_block_the_rest_in_the_next() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		// Three disjoint requests filed in one block are due in one block; MaxExpiriesPerBlock
		// = 2 of them close there, the third one block later.
		let ids: Vec<u64> = [3u64, 4, 5].iter().map(|tx| request(BOB, &[*tx], Paradigm::Parallel)).collect();
		let due = Requests::<Test>::get(ids[0]).unwrap().expires.unwrap();
		assert!(ids.iter().all(|id| Requests::<Test>::get(id).unwrap().expires == Some(due)));
		run_to_block(due);
		let status = |id: &u64| Requests::<Test>::get(id).unwrap().status;
		assert_eq!(ids.iter().map(status).collect::<Vec<_>>(), vec![
			RequestStatus::Expired,
			RequestStatus::Expired,
			RequestStatus::Pending
		]);
		let moved = Requests::<Test>::get(ids[2]).unwrap();
		assert_eq!(moved.expires, Some(due + 1));
		assert_eq!(LockedBy::<Test>::get(5), Some(ids[2]));
		assert_eq!(Unlearning::do_try_state(), Ok(()));
		run_to_block(due + 1);
		assert_eq!(status(&ids[2]), RequestStatus::Expired);
		assert!(LockedBy::<Test>::iter().next().is_none());
		assert_eq!(held(BOB), 0);
	});
}

#[test]
fn a_large_closed_request_releases_its_models_over_the_next_blocks_to_the_requests_waiting() {
	ExtBuilder::default().build_and_execute(|| {
		MaxReleasePerBlock::set(2);
		dag();
		// A affects {0, 1, 2, 3, 4}; B, filed after it, wants 3 and waits.
		let a = request(ALICE, &[0, 1], Paradigm::Parallel);
		let b = request(BOB, &[3], Paradigm::Parallel);
		assert_eq!(Requests::<Test>::get(b).unwrap().status, RequestStatus::Waiting);
		assert_ok!(redact(a, &[0, 1, 2, 3, 4]));
		assert_eq!(Requests::<Test>::get(a).unwrap().status, RequestStatus::Completed);
		// Closing released two models at once; the other three are still A's.
		let locks = || (0..5u64).map(LockedBy::<Test>::get).collect::<Vec<_>>();
		assert_eq!(locks(), vec![None, None, Some(a), Some(a), Some(a)]);
		assert_eq!(Releasing::<Test>::get(a), Some(2));
		assert_eq!(Unlearning::do_try_state(), Ok(()));
		// Next block: 2 and 3; 3 goes to B, which now holds all its models.
		next_block();
		assert_eq!(locks(), vec![None, None, None, Some(b), Some(a)]);
		assert_eq!(Requests::<Test>::get(b).unwrap().status, RequestStatus::Pending);
		System::assert_has_event(Event::RequestActivated { id: b }.into());
		assert_eq!(Unlearning::do_try_state(), Ok(()));
		// Then the last one; nothing of A is left.
		next_block();
		assert_eq!(locks(), vec![None, None, None, Some(b), None]);
		assert_eq!(Releasing::<Test>::get(a), None);
		assert!(Updates::<Test>::iter_prefix(a).next().is_none());
		assert_eq!(Unlearning::do_try_state(), Ok(()));
	});
}

#[test]
fn completed_request_does_not_expire_works() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		let id = request(ALICE, &[0], Paradigm::Parallel);
		let expires = Requests::<Test>::get(id).unwrap().expires.unwrap();
		assert_ok!(redact(id, &[0, 2, 3]));
		run_to_block(expires + 1);
		assert!(!System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Unlearning(Event::RequestExpired { .. })
		)));
		assert_eq!(Requests::<Test>::get(id).unwrap().status, RequestStatus::Completed);
	});
}

// ---------------------------------------------------------------------------------------
// Affected sets larger than one filing step
// ---------------------------------------------------------------------------------------

/// Runs `extend_request(id)` (signed by account 3, not the requester) until the request's
/// set is complete; returns the steps taken.
fn extend_until_complete(id: u64) -> u32 {
	let mut steps = 0;
	while Requests::<Test>::get(id).unwrap().status == RequestStatus::Computing {
		assert_ok!(Unlearning::extend_request(RuntimeOrigin::signed(3), id));
		assert_eq!(Unlearning::do_try_state(), Ok(()));
		steps += 1;
		assert!(steps < 50, "the search does not end");
	}
	steps
}

#[test]
fn a_request_larger_than_one_step_is_computed_over_several_steps_works() {
	ExtBuilder::default().build_and_execute(|| {
		MaxFilingStep::set(1);
		dag();
		// {0, 1} affect {0, 1, 2, 3, 4}; each step finds one model.
		let id = request(ALICE, &[0, 1], Paradigm::Parallel);
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!((r.status, r.affected.len()), (RequestStatus::Computing, 3));
		System::assert_has_event(Event::AffectedSetExtended { id, affected: 3, complete: false }.into());
		// Found models are locked as they are found, the fee held for them only.
		assert!(r.affected.iter().all(|tx| LockedBy::<Test>::get(tx) == Some(id)));
		assert_eq!(held(ALICE), REQUEST_DEPOSIT + 3 * ARCHIVE_FEE);
		assert_eq!(Waiting::<Test>::get().to_vec(), vec![(id, 0)]);

		let steps = extend_until_complete(id);
		assert!(steps >= 2, "{steps} steps");
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!(r.affected.to_vec(), vec![0, 1, 2, 3, 4]);
		assert_eq!(r.status, RequestStatus::Pending);
		assert_eq!(r.expires, Some(System::block_number() + REQUEST_TTL));
		System::assert_has_event(Event::AffectedSetExtended { id, affected: 5, complete: true }.into());
		System::assert_has_event(Event::RequestActivated { id }.into());
		assert_eq!(held(ALICE), REQUEST_DEPOSIT + 5 * ARCHIVE_FEE);
		assert!(Waiting::<Test>::get().is_empty());
		assert_eq!(Frontiers::<Test>::get(id), None);
		// The same set as one step finds, and it completes like any request.
		assert_eq!(r.affected.to_vec(), LiveChain::affected_set(&[0, 1], 100).unwrap());
		assert_ok!(redact(id, &[0, 1, 2, 3, 4]));
		assert_eq!(Requests::<Test>::get(id).unwrap().status, RequestStatus::Completed);
	});
}

#[test]
fn a_step_is_charged_at_most_what_it_declares_works() {
	ExtBuilder::default().build_and_execute(|| {
		MaxFilingStep::set(1);
		dag();
		let id = request(ALICE, &[0, 1], Paradigm::Parallel);
		let call = RuntimeCall::Unlearning(Call::extend_request { id });
		let declared = call.get_dispatch_info().call_weight;
		let post = Unlearning::extend_request(RuntimeOrigin::signed(3), id).unwrap();
		assert!(post.actual_weight.unwrap().all_lte(declared));
		assert_eq!(declared, Unlearning::filing_step_weight());
	});
}

#[test]
fn a_computing_request_takes_no_update_and_no_redaction_fails() {
	ExtBuilder::default().build_and_execute(|| {
		MaxFilingStep::set(1);
		dag();
		let id = request(ALICE, &[0, 1], Paradigm::Parallel);
		assert_noop!(
			submit_as(ALICE, id, 0, ModelUpdate::Replace(next_uri(0))),
			Error::<Test>::RequestComputing
		);
		let (updates, headers) = redaction(&[0]);
		assert_noop!(
			LiveChain::redact(committee(), id, updates, headers),
			Error::<Test>::RequestComputing
		);
	});
}

#[test]
fn extend_request_bad_input_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		assert_noop!(
			Unlearning::extend_request(RuntimeOrigin::signed(3), 7),
			Error::<Test>::UnknownRequest
		);
		// A request whose set is complete has nothing to extend.
		let id = request(ALICE, &[0], Paradigm::Parallel);
		assert_noop!(
			Unlearning::extend_request(RuntimeOrigin::signed(3), id),
			Error::<Test>::NotComputing
		);
		assert_noop!(Unlearning::extend_request(RuntimeOrigin::none(), id), DispatchError::BadOrigin);
	});
}

#[test]
fn a_step_the_requester_cannot_pay_for_changes_nothing_fails() {
	ExtBuilder::default().build_and_execute(|| {
		MaxFilingStep::set(1);
		dag();
		let id = request(ALICE, &[0, 1], Paradigm::Parallel);
		// ALICE keeps 2 free beside the deposit held: the next model's fee is missing.
		use frame_support::traits::fungible::Mutate;
		let _ = Balances::set_balance(&ALICE, 2);
		assert_noop!(
			Unlearning::extend_request(RuntimeOrigin::signed(3), id),
			Error::<Test>::InsufficientDeposit
		);
	});
}

#[test]
fn no_model_can_be_published_under_a_found_model_and_later_children_are_found_works() {
	ExtBuilder::default().build_and_execute(|| {
		MaxFilingStep::set(1);
		dag();
		let id = request(ALICE, &[0], Paradigm::Parallel);
		// The first step found 2 (child of 0), not yet 3.
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!(r.affected.to_vec(), vec![0, 2]);
		let uri = testing::uri(b"late");
		let tx = pallet_live_chain::NextTxId::<Test>::get();
		let (ch, rand) = testing::publish_args(&uri, &[2], tx);
		assert_noop!(
			LiveChain::publish_model(
				RuntimeOrigin::signed(BOB),
				uri.try_into().unwrap(),
				vec![2].try_into().unwrap(),
				ch,
				rand
			),
			pallet_live_chain::Error::<Test>::RefLocked
		);
		// 3 is not found yet: a child of it is published, and found with it.
		let late = publish(BOB, "late-3", &[3]);
		extend_until_complete(id);
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!(r.affected.to_vec(), vec![0, 2, 3, late]);
		assert_eq!(r.affected.to_vec(), LiveChain::affected_set(&[0], 100).unwrap());
	});
}

#[test]
fn a_model_released_during_the_search_goes_to_the_computing_request_never_free_works() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		// BOB's request holds 2 and 3; ALICE's, on 0, finds 2 held by it and waits.
		let earlier = request(BOB, &[2], Paradigm::Parallel);
		MaxFilingStep::set(1);
		let id = request(ALICE, &[0], Paradigm::Parallel);
		assert_eq!(Requests::<Test>::get(id).unwrap().status, RequestStatus::Computing);
		assert_eq!(LockedBy::<Test>::get(2), Some(earlier));
		assert_eq!(Waiting::<Test>::get().to_vec(), vec![(id, 1)]);
		// BOB cancels mid-search: 2 goes to the computing request (and 3, which it has not
		// found yet, becomes free), so no one can publish under 2 while the search goes on.
		assert_ok!(Unlearning::cancel_request(RuntimeOrigin::signed(BOB), earlier));
		assert_eq!(LockedBy::<Test>::get(2), Some(id));
		assert_eq!(LockedBy::<Test>::get(3), None);
		assert_eq!(Requests::<Test>::get(id).unwrap().status, RequestStatus::Computing);
		assert_eq!(Waiting::<Test>::get().to_vec(), vec![(id, 0)]);
		extend_until_complete(id);
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!((r.status, r.affected.to_vec()), (RequestStatus::Pending, vec![0, 2, 3]));
	});
}

#[test]
fn a_computing_request_takes_over_from_a_later_waiting_request_so_neither_waits_forever_works() {
	ExtBuilder::default().build_and_execute(|| {
		MaxFilingStep::set(1);
		dag();
		// ALICE's request on 0 has found {0, 2}; BOB's on 2, filed later, needs 2 (held
		// by ALICE's) and locks 3 (free), so it waits.
		let first = request(ALICE, &[0], Paradigm::Parallel);
		MaxFilingStep::set(6);
		let later = request(BOB, &[2], Paradigm::Parallel);
		assert_eq!(Requests::<Test>::get(later).unwrap().status, RequestStatus::Waiting);
		assert_eq!(LockedBy::<Test>::get(3), Some(later));
		// ALICE's search then finds 3: it takes 3 over (waiting for BOB's request, which
		// waits for ALICE's, would never end).
		extend_until_complete(first);
		assert_eq!(LockedBy::<Test>::get(3), Some(first));
		assert_eq!(Requests::<Test>::get(first).unwrap().status, RequestStatus::Pending);
		assert_eq!(Waiting::<Test>::get().to_vec(), vec![(later, 2)]);
		// When ALICE's request closes, BOB's gets both and activates.
		assert_ok!(Unlearning::cancel_request(RuntimeOrigin::signed(ALICE), first));
		assert_eq!(Requests::<Test>::get(later).unwrap().status, RequestStatus::Pending);
		assert_eq!((LockedBy::<Test>::get(2), LockedBy::<Test>::get(3)), (Some(later), Some(later)));
	});
}

#[test]
fn a_computing_request_whose_set_outgrows_max_affected_is_closed_works() {
	ExtBuilder::default().build_and_execute(|| {
		MaxFilingStep::set(1);
		dag();
		// {0, 1} and four models below 4: 9 > MaxAffected = 6.
		let mut last = 4;
		for k in 0..4 {
			last = publish(BOB, &format!("deep-{k}"), &[last]);
		}
		next_block();
		let id = request(ALICE, &[0, 1], Paradigm::Parallel);
		let mut steps = 0;
		while Requests::<Test>::get(id).unwrap().status == RequestStatus::Computing {
			assert_ok!(Unlearning::extend_request(RuntimeOrigin::signed(3), id));
			steps += 1;
			assert!(steps < 20);
		}
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!(r.status, RequestStatus::Cancelled);
		assert!(System::events().iter().any(|e| matches!(
			e.event,
			RuntimeEvent::Unlearning(Event::AffectedSetTooLarge { id: i, .. }) if i == id
		)));
		assert_eq!(held(ALICE), 0);
		assert!((0..=last).all(|tx| LockedBy::<Test>::get(tx).is_none()));
		assert_eq!(Frontiers::<Test>::get(id), None);
		assert!(Waiting::<Test>::get().is_empty());
	});
}

#[test]
fn a_computing_request_expires_unless_its_set_is_completed_and_then_keeps_its_new_expiry_works() {
	ExtBuilder::default().build_and_execute(|| {
		MaxFilingStep::set(1);
		dag();
		let stalled = request(ALICE, &[0, 1], Paradigm::Parallel);
		let deadline = Requests::<Test>::get(stalled).unwrap().expires.unwrap();
		// Another one, completed later: its first deadline must not expire it.
		let done = request(BOB, &[5], Paradigm::Parallel);
		assert_eq!(Requests::<Test>::get(done).unwrap().status, RequestStatus::Pending);
		run_to_block(10);
		// BOB's request on the model the stalled one found (2 or 4) waits for it.
		let found = *Requests::<Test>::get(stalled).unwrap().affected.last().unwrap();
		MaxFilingStep::set(6);
		let later = request(BOB, &[found], Paradigm::Sequential);
		assert_eq!(Requests::<Test>::get(later).unwrap().status, RequestStatus::Waiting);
		run_to_block(deadline + 1);
		let r = Requests::<Test>::get(stalled).unwrap();
		assert_eq!(r.status, RequestStatus::Expired);
		assert_eq!(held(ALICE), 0);
		assert_eq!(Frontiers::<Test>::get(stalled), None);
		assert!((0..6u64).all(|tx| LockedBy::<Test>::get(tx) != Some(stalled)));
		// BOB's waiting request got its model and is active now.
		assert!(Requests::<Test>::get(later).unwrap().status.is_active());
	});
}

#[test]
fn a_search_completed_late_is_not_expired_by_its_filing_deadline_works() {
	ExtBuilder::default().build_and_execute(|| {
		MaxFilingStep::set(1);
		dag();
		let id = request(ALICE, &[0, 1], Paradigm::Parallel);
		let deadline = Requests::<Test>::get(id).unwrap().expires.unwrap();
		run_to_block(20);
		extend_until_complete(id);
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!((r.status, r.expires), (RequestStatus::Pending, Some(20 + REQUEST_TTL)));
		run_to_block(deadline + 1);
		assert_eq!(Requests::<Test>::get(id).unwrap().status, RequestStatus::Pending);
		run_to_block(20 + REQUEST_TTL + 1);
		assert_eq!(Requests::<Test>::get(id).unwrap().status, RequestStatus::Expired);
	});
}

#[test]
fn cancel_computing_request_works() {
	ExtBuilder::default().build_and_execute(|| {
		MaxFilingStep::set(1);
		dag();
		let id = request(ALICE, &[0, 1], Paradigm::Parallel);
		assert_noop!(
			Unlearning::cancel_request(RuntimeOrigin::signed(BOB), id),
			Error::<Test>::NotRequester
		);
		assert_ok!(Unlearning::cancel_request(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(Requests::<Test>::get(id).unwrap().status, RequestStatus::Cancelled);
		assert_eq!(held(ALICE), 0);
		assert_eq!(Frontiers::<Test>::get(id), None);
		assert!(Waiting::<Test>::get().is_empty());
		assert!((0..6u64).all(|tx| LockedBy::<Test>::get(tx).is_none()));
	});
}

// ---------------------------------------------------------------------------------------
// Property test: the archive holds every live version exactly once
// ---------------------------------------------------------------------------------------

mod property {
	use super::*;
	use proptest::prelude::*;

	#[derive(Clone, Debug)]
	enum Op {
		/// Publish (as ALICE or BOB by the flag) with references chosen by the selectors.
		Publish(bool, Vec<u8>),
		/// File a request on the model chosen by the selector, parallel or sequential.
		Request(u8, bool),
		/// Advance the open request chosen by the selector by one valid redaction.
		Redact(u8),
		/// Cancel the pending, waiting or computing request chosen by the selector.
		Cancel(u8),
		/// Run the next filing step of the computing request chosen by the selector.
		Extend(u8),
		/// Finish the block.
		NextBlock,
	}

	fn op() -> impl Strategy<Value = Op> {
		prop_oneof![
			4 => (any::<bool>(), prop::collection::vec(any::<u8>(), 0..3)).prop_map(|(b, v)| Op::Publish(b, v)),
			2 => (any::<u8>(), any::<bool>()).prop_map(|(s, p)| Op::Request(s, p)),
			3 => any::<u8>().prop_map(Op::Redact),
			1 => any::<u8>().prop_map(Op::Cancel),
			3 => any::<u8>().prop_map(Op::Extend),
			2 => Just(Op::NextBlock),
		]
	}

	/// One valid next step of an open request: all its models (parallel) or its next
	/// model in topological order (sequential). Only sealed models can be redacted.
	fn next_step(r: &RequestOf<Test>) -> Vec<u64> {
		match r.paradigm {
			Paradigm::Parallel => r.affected.to_vec(),
			Paradigm::Sequential =>
				r.affected.iter().find(|t| !r.done.contains(t)).map(|t| vec![*t]).unwrap_or_default(),
		}
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(24))]

		/// After any sequence of publishes, requests, filing steps, redactions and
		/// cancellations: archive versions of every tx are exactly `0..=live.version`, each
		/// request's invariants hold, every request whose affected set is complete has
		/// exactly its start models' descendants (whatever was published during its
		/// search), and the live chain verifies.
		#[test]
		fn archive_versions_are_every_live_version_once(
			ops in prop::collection::vec(op(), 1..40),
			release in 1u32..4,
			filing_step in 1u32..7,
		) {
			ExtBuilder::default().build_and_execute(|| {
				// Closed requests release their models over several blocks, and affected
				// sets are computed over several steps.
				MaxReleasePerBlock::set(release);
				MaxFilingStep::set(filing_step);
				for (step, op) in ops.iter().enumerate() {
					let count = pallet_live_chain::NextTxId::<Test>::get();
					match op {
						Op::Publish(alice, selectors) => {
							if pallet_live_chain::PendingTxs::<Test>::get().len() as u32 >= MaxTxsPerBlock::get() {
								next_block();
							}
							let mut refs: Vec<u64> = if count == 0 { vec![] } else {
								selectors.iter().map(|s| u64::from(*s) % count).collect()
							};
							refs.sort();
							refs.dedup();
							if refs.iter().any(|r| LockedBy::<Test>::contains_key(r)) { continue }
							publish(if *alice { ALICE } else { BOB }, &format!("{step}"), &refs);
						},
						Op::Request(selector, parallel) => {
							if count == 0 { continue }
							let tx = u64::from(*selector) % count;
							let owner = Txs::<Test>::get(tx).unwrap().owner;
							let paradigm = if *parallel { Paradigm::Parallel } else { Paradigm::Sequential };
							// Refused requests (locked, too large, too many) change nothing.
							let _ = request_call(RuntimeOrigin::signed(owner), vec![tx], vec![1], paradigm);
						},
						Op::Redact(selector) => {
							let open: Vec<(u64, RequestOf<Test>)> =
								Requests::<Test>::iter().filter(|(_, r)| r.status.is_active()).collect();
							if open.is_empty() { continue }
							let (id, r) = &open[usize::from(*selector) % open.len()];
							let txs = next_step(r);
							let sealed = txs.iter().all(|t| {
								Txs::<Test>::get(t).unwrap().height < pallet_live_chain::NextHeight::<Test>::get()
							});
							if txs.is_empty() || !sealed || txs.len() > MaxUpdates::get() as usize { continue }
							assert_ok!(redact(*id, &txs));
						},
						Op::Cancel(selector) => {
							let pending: Vec<(u64, RequestOf<Test>)> = Requests::<Test>::iter()
								.filter(|(_, r)| matches!(
									r.status,
									RequestStatus::Pending | RequestStatus::Waiting | RequestStatus::Computing
								))
								.collect();
							if pending.is_empty() { continue }
							let (id, r) = &pending[usize::from(*selector) % pending.len()];
							assert_ok!(Unlearning::cancel_request(RuntimeOrigin::signed(r.requester), *id));
						},
						Op::Extend(selector) => {
							let computing: Vec<u64> = Requests::<Test>::iter()
								.filter(|(_, r)| r.status == RequestStatus::Computing)
								.map(|(id, _)| id)
								.collect();
							if computing.is_empty() { continue }
							let id = computing[usize::from(*selector) % computing.len()];
							assert_ok!(Unlearning::extend_request(RuntimeOrigin::signed(3), id));
						},
						Op::NextBlock => next_block(),
					}
					assert_eq!(Unlearning::do_try_state(), Ok(()), "after step {step}");
					for (id, r) in Requests::<Test>::iter() {
						let whole = LiveChain::affected_set(&r.start, 1_000).unwrap();
						if matches!(r.status, RequestStatus::Pending | RequestStatus::Waiting) {
							assert_eq!(r.affected.to_vec(), whole, "request {id}: set incomplete");
						} else if r.status == RequestStatus::Computing {
							assert!(r.affected.iter().all(|t| whole.contains(t)), "request {id}: outside");
						}
					}
				}
				next_block();
				for tx in 0..pallet_live_chain::NextTxId::<Test>::get() {
					let live = Txs::<Test>::get(tx).unwrap();
					let versions: Vec<u32> =
						LiveChain::api_lineage(tx).unwrap().iter().map(|r| r.version).collect();
					assert_eq!(versions, (0..=live.version).collect::<Vec<u32>>());
				}
				let report = LiveChain::verify_integrity();
				assert!(report.ok, "{:?}", report.failures);
			});
		}
	}
}

// ---------------------------------------------------------------------------------------
// Sample-level requests
// ---------------------------------------------------------------------------------------

/// A commitment to `n` withdrawn samples.
fn commitment(n: u32) -> SampleCommitment {
	SampleCommitment { root: [7u8; 32], samples: n }
}

fn sample_request_call(
	who: AccountId,
	start: Vec<u64>,
	withdrawn: SampleCommitment,
	paradigm: Paradigm,
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	Unlearning::request_sample_unlearning(
		RuntimeOrigin::signed(who),
		start.try_into().unwrap(),
		withdrawn,
		paradigm,
	)
}

#[test]
fn sample_request_commits_and_completes_like_a_class_request_works() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		assert_ok!(sample_request_call(ALICE, vec![0], commitment(120), Paradigm::Parallel));
		let r = Requests::<Test>::get(0).unwrap();
		assert!(r.classes.is_empty(), "the samples are committed to, not listed");
		assert_eq!(r.affected.to_vec(), vec![0, 2, 3]);
		assert_eq!(SampleWithdrawals::<Test>::get(0), Some(commitment(120)));
		System::assert_has_event(
			Event::UnlearningRequested {
				id: 0,
				requester: ALICE,
				paradigm: Paradigm::Parallel,
				affected: 3,
				waiting: false,
			}
			.into(),
		);
		System::assert_last_event(Event::SamplesCommitted { id: 0, withdrawn: commitment(120) }.into());
		assert!(held(ALICE) > 0, "the same deposit as a class request");
		// The owners submit, the committee redacts: one round, as for classes.
		assert_ok!(redact(0, &[0, 2, 3]));
		let r = Requests::<Test>::get(0).unwrap();
		assert_eq!((r.status, r.rounds), (RequestStatus::Completed, 1));
		// The commitment stays: the public record of what was withdrawn.
		assert_eq!(SampleWithdrawals::<Test>::get(0), Some(commitment(120)));
		assert_eq!(held(ALICE), 0);
	});
}

#[test]
fn sample_request_empty_commitment_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		assert_noop!(
			sample_request_call(ALICE, vec![0], commitment(0), Paradigm::Parallel),
			Error::<Test>::EmptyWithdrawal
		);
		assert_noop!(
			sample_request_call(
				ALICE,
				vec![0],
				SampleCommitment { root: [0; 32], samples: 5 },
				Paradigm::Parallel
			),
			Error::<Test>::EmptyWithdrawal
		);
		assert!(SampleWithdrawals::<Test>::iter().next().is_none());
	});
}

#[test]
fn sample_request_for_another_owners_model_fails() {
	ExtBuilder::default().build_and_execute(|| {
		dag();
		// BOB's model 2: ALICE may not withdraw samples from it.
		assert_noop!(
			sample_request_call(ALICE, vec![2], commitment(3), Paradigm::Sequential),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			sample_request_call(ALICE, vec![], commitment(3), Paradigm::Parallel),
			Error::<Test>::EmptyStart
		);
		assert_noop!(
			sample_request_call(ALICE, vec![0, 0], commitment(3), Paradigm::Parallel),
			Error::<Test>::DuplicateStart
		);
		assert_noop!(
			Unlearning::request_sample_unlearning(
				RuntimeOrigin::none(),
				vec![0].try_into().unwrap(),
				commitment(3),
				Paradigm::Parallel
			),
			DispatchError::BadOrigin
		);
		assert!(SampleWithdrawals::<Test>::iter().next().is_none());
	});
}
