//! Redaction of the live chain is the one place where BlockFUL lets history change, so it
//! must take the real committee: a `LiveChain.redact` proposed as a motion applies with 3
//! of 4 ayes and does not with 2; no signed account or root may call it; every redaction
//! belongs to an unlearning request; one parallel request completes in one motion, a
//! sequential request over 4 models in 4; the archive then holds every version once.

mod common;

use blockful_runtime::{
	LiveChain, Runtime, RuntimeCall, RuntimeOrigin, System, Unlearning,
};
use common::{new_test_ext_dev_trapdoor as new_test_ext, run_motion};
use frame_support::{assert_noop, assert_ok, traits::Hooks, BoundedVec};
use pallet_live_chain::testing::{publish_args, redaction, uri, DetRng};
use pallet_unlearning::{Paradigm, RequestStatus};
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave};
use sp_runtime::DispatchError;

fn next_block() {
	let n = System::block_number();
	LiveChain::on_finalize(n);
	System::set_block_number(n + 1);
}

/// Publishes a model by `who` referencing `refs`, its URI the model CID of `label`
/// (`uri(label)`); returns its tx id.
fn publish(who: Sr25519Keyring, label: &str, refs: &[u64]) -> u64 {
	let id = pallet_live_chain::NextTxId::<Runtime>::get();
	let model = uri(label.as_bytes());
	let (ch, rand) = publish_args(&model, refs, id);
	assert_ok!(LiveChain::publish_model(
		RuntimeOrigin::signed(who.to_account_id()),
		model.try_into().expect("uri fits"),
		refs.to_vec().try_into().expect("refs fit"),
		ch,
		rand,
	));
	id
}

/// A chain of models: m0 by Alice, m1 → m0, m2 → m1, m3 → m1, m2, all sealed.
fn dag() -> [u64; 4] {
	let m0 = publish(Alice, "m0", &[]);
	let m1 = publish(Bob, "m1", &[m0]);
	next_block();
	let m2 = publish(Charlie, "m2", &[m1]);
	let m3 = publish(Dave, "m3", &[m1, m2]);
	next_block();
	[m0, m1, m2, m3]
}

fn redact_call(request: u64, changes: &[(u64, Vec<u8>)], seed: u64) -> RuntimeCall {
	let mut rng = DetRng::new(seed);
	let (updates, headers) = redaction::<Runtime>(changes, &mut rng);
	RuntimeCall::LiveChain(pallet_live_chain::Call::redact {
		request,
		updates: BoundedVec::truncate_from(updates),
		headers: BoundedVec::truncate_from(headers),
	})
}

/// The protocol's consent: each changed model's **owner** submits its new URI and, in the
/// parallel paradigm, the owners of the other affected models submit `Unchanged`; then the
/// redaction call applying exactly those URIs.
fn consented(request: u64, changes: &[(u64, Vec<u8>)], seed: u64) -> RuntimeCall {
	if let Some(r) = pallet_unlearning::Requests::<Runtime>::get(request) {
		let owner = |tx: u64| {
			RuntimeOrigin::signed(pallet_live_chain::Txs::<Runtime>::get(tx).expect("tx exists").owner)
		};
		for (tx, new) in changes {
			assert_ok!(Unlearning::submit_update(
				owner(*tx),
				request,
				*tx,
				pallet_unlearning::ModelUpdate::Replace(new.clone().try_into().expect("uri fits"))
			));
		}
		if r.paradigm == Paradigm::Parallel {
			for tx in r.affected.iter().filter(|t| !changes.iter().any(|(c, _)| c == *t)) {
				assert_ok!(Unlearning::submit_update(
					owner(*tx),
					request,
					*tx,
					pallet_unlearning::ModelUpdate::Unchanged
				));
			}
		}
	}
	redact_call(request, changes, seed)
}

/// Files a request by `who` over `start`; returns its id.
fn request(who: Sr25519Keyring, start: &[u64], paradigm: Paradigm) -> u64 {
	assert_ok!(Unlearning::request_unlearning(
		RuntimeOrigin::signed(who.to_account_id()),
		start.to_vec().try_into().expect("starts fit"),
		vec![1].try_into().expect("classes fit"),
		paradigm
	));
	pallet_unlearning::NextRequestId::<Runtime>::get() - 1
}

fn uri_of(tx: u64) -> Vec<u8> {
	pallet_live_chain::Txs::<Runtime>::get(tx).expect("tx exists").uri.into_inner()
}

fn assert_chain_verifies() {
	let report = LiveChain::verify_integrity();
	assert!(report.ok, "{report:?}");
}

#[test]
fn three_of_four_committee_motion_redacts() {
	new_test_ext("development").execute_with(|| {
		let [m0, ..] = dag();
		let id = request(Alice, &[m0], Paradigm::Parallel);
		let result = run_motion(consented(id, &[(m0, uri(b"m0-v1"))], 1), 3, &[Alice, Bob, Charlie]);
		assert_eq!(result, Some(Ok(())));
		assert_eq!(uri_of(m0), uri(b"m0-v1"));
		assert_eq!(pallet_live_chain::Txs::<Runtime>::get(m0).map(|t| t.version), Some(1));
		assert_chain_verifies();
	});
}

#[test]
fn two_of_four_committee_motion_does_not_redact() {
	new_test_ext("development").execute_with(|| {
		let [m0, ..] = dag();
		let id = request(Alice, &[m0], Paradigm::Parallel);
		let result = run_motion(redact_call(id, &[(m0, uri(b"m0-v1"))], 1), 2, &[Alice, Bob]);
		assert_eq!(result, Some(Err(DispatchError::BadOrigin)));
		assert_eq!(uri_of(m0), uri(b"m0"));
		assert_chain_verifies();
	});
}

#[test]
fn signed_and_root_cannot_redact() {
	new_test_ext("development").execute_with(|| {
		let [m0, ..] = dag();
		let id = request(Alice, &[m0], Paradigm::Parallel);
		let RuntimeCall::LiveChain(pallet_live_chain::Call::redact { request, updates, headers }) =
			redact_call(id, &[(m0, uri(b"m0-v1"))], 1)
		else {
			unreachable!()
		};
		assert_noop!(
			LiveChain::redact(RuntimeOrigin::signed(Alice.to_account_id()), request, updates.clone(), headers.clone()),
			DispatchError::BadOrigin
		);
		// No path of the runtime produces root (there is no sudo), and root is refused too.
		assert_noop!(
			LiveChain::redact(RuntimeOrigin::root(), request, updates, headers),
			DispatchError::BadOrigin
		);
		assert_eq!(uri_of(m0), uri(b"m0"));
	});
}

#[test]
fn committee_motion_without_a_request_does_not_redact() {
	new_test_ext("development").execute_with(|| {
		let [m0, ..] = dag();
		// No request was filed: a unanimous committee still cannot rewrite a model.
		let result = run_motion(redact_call(0, &[(m0, uri(b"m0-v1"))], 1), 4, &[Alice, Bob, Charlie, Dave]);
		assert_eq!(result, Some(Err(pallet_unlearning::Error::<Runtime>::UnknownRequest.into())));
		assert_eq!(uri_of(m0), uri(b"m0"));
	});
}

#[test]
fn archive_lists_every_version_of_a_redacted_model_once() {
	new_test_ext("development").execute_with(|| {
		let [m0, m1, ..] = dag();
		for (round, label) in ["m1-v1", "m1-v2"].into_iter().enumerate() {
			let id = request(Bob, &[m1], Paradigm::Parallel);
			let result = run_motion(consented(id, &[(m1, uri(label.as_bytes()))], 20 + round as u64), 3, &[Alice, Bob, Charlie]);
			assert_eq!(result, Some(Ok(())));
			next_block();
		}
		let lineage = LiveChain::api_lineage(m1).expect("m1 exists");
		assert_eq!(lineage.iter().map(|v| v.version).collect::<Vec<_>>(), vec![0, 1, 2]);
		assert_eq!(
			lineage.iter().map(|v| v.uri.clone()).collect::<Vec<_>>(),
			vec![uri(b"m1"), uri(b"m1-v1"), uri(b"m1-v2")]
		);
		assert_eq!(LiveChain::api_lineage(m0).expect("m0 exists").len(), 1);
		assert_chain_verifies();
	});
}

#[test]
fn parallel_request_completes_in_one_motion() {
	new_test_ext("development").execute_with(|| {
		let [m0, m1, m2, m3] = dag();
		let request = request(Alice, &[m0], Paradigm::Parallel);
		let affected = pallet_unlearning::Requests::<Runtime>::get(request).expect("stored").affected;
		assert_eq!(affected.into_inner(), vec![m0, m1, m2, m3]);
		let changes: Vec<_> =
			[m0, m1, m2, m3].iter().map(|&t| (t, uri(format!("par-{t}").as_bytes()))).collect();
		let result = run_motion(consented(request, &changes, 2), 3, &[Alice, Bob, Charlie]);
		assert_eq!(result, Some(Ok(())));
		let r = pallet_unlearning::Requests::<Runtime>::get(request).expect("stored");
		assert_eq!(r.status, RequestStatus::Completed);
		assert_eq!(r.rounds, 1);
		assert_chain_verifies();
	});
}

#[test]
fn sequential_request_over_four_models_takes_four_motions() {
	new_test_ext("development").execute_with(|| {
		let [m0, m1, m2, m3] = dag();
		let request = request(Alice, &[m0], Paradigm::Sequential);
		for (i, tx) in [m0, m1, m2, m3].into_iter().enumerate() {
			let change = [(tx, uri(format!("seq-{tx}").as_bytes()))];
			let result = run_motion(consented(request, &change, 10 + i as u64), 3, &[Alice, Bob, Charlie]);
			assert_eq!(result, Some(Ok(())), "motion {i}");
			next_block();
		}
		let r = pallet_unlearning::Requests::<Runtime>::get(request).expect("stored");
		assert_eq!(r.status, RequestStatus::Completed);
		assert_eq!(r.rounds, 4);
		assert_chain_verifies();
	});
}

/// The attack of the participants issue on the runtime: Alice owns m0, Bob's m1 inherits
/// from it. Alice requests unlearning of m0 and tries to decide what replaces Bob's model:
/// she cannot submit it, and even a unanimous committee motion carrying her URI for m1 is
/// refused — only what Bob submits can be applied.
#[test]
fn requester_cannot_rewrite_another_owners_model() {
	new_test_ext("development").execute_with(|| {
		let [m0, m1, m2, m3] = dag();
		let id = request(Alice, &[m0], Paradigm::Parallel);
		let alice = RuntimeOrigin::signed(Alice.to_account_id());
		let replace = |label: &str| {
			pallet_unlearning::ModelUpdate::Replace(uri(label.as_bytes()).try_into().expect("fits"))
		};
		assert_ok!(Unlearning::submit_update(alice.clone(), id, m0, replace("m0-v1")));
		assert_noop!(
			Unlearning::submit_update(alice, id, m1, replace("anything")),
			pallet_unlearning::Error::<Runtime>::FallbackTooEarly
		);
		let forged: Vec<_> = [(m0, "m0-v1"), (m1, "anything"), (m2, "m2-v1"), (m3, "m3-v1")]
			.iter()
			.map(|(t, l)| (*t, uri(l.as_bytes())))
			.collect();
		let result = run_motion(redact_call(id, &forged, 5), 4, &[Alice, Bob, Charlie, Dave]);
		assert_eq!(result, Some(Err(pallet_unlearning::Error::<Runtime>::UpdateNotSubmitted.into())));
		assert_eq!(uri_of(m1), uri(b"m1"));
		assert_eq!(uri_of(m0), uri(b"m0"));
		assert_chain_verifies();
	});
}

/// Two owners who hold the forgotten data (fig4's users 5 and 7) each request for their
/// own models, whose descendants overlap: the second request waits (it is not refused),
/// then is served on the first one's new versions; nothing is lost.
#[test]
fn overlapping_requests_of_two_owners_are_both_served() {
	new_test_ext("development").execute_with(|| {
		let [m0, m1, m2, m3] = dag();
		let first = request(Alice, &[m0], Paradigm::Parallel);
		let second = request(Charlie, &[m2], Paradigm::Parallel);
		let waiting = pallet_unlearning::Requests::<Runtime>::get(second).expect("stored");
		assert_eq!(waiting.status, RequestStatus::Waiting);
		let changes: Vec<_> = [m0, m1, m2, m3].iter().map(|&t| (t, uri(format!("a-{t}").as_bytes()))).collect();
		assert_eq!(run_motion(consented(first, &changes, 30), 3, &[Alice, Bob, Charlie]), Some(Ok(())));
		next_block();
		let r = pallet_unlearning::Requests::<Runtime>::get(second).expect("stored");
		assert_eq!(r.status, RequestStatus::Pending);
		let changes: Vec<_> = [m2, m3].iter().map(|&t| (t, uri(format!("b-{t}").as_bytes()))).collect();
		assert_eq!(run_motion(consented(second, &changes, 31), 3, &[Alice, Bob, Charlie]), Some(Ok(())));
		assert_eq!(pallet_live_chain::Txs::<Runtime>::get(m3).map(|t| t.version), Some(2));
		assert_eq!(LiveChain::api_lineage(m3).expect("m3").len(), 3);
		assert_chain_verifies();
	});
}
