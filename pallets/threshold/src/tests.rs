//! Tests of the committee's DKG and threshold redaction, with the members' off-chain
//! workers running for real (see the mock): honest runs with 4 and with 3 of 4 members,
//! 2 of 4 that cannot finish, a cheating signer and a cheating dealer, bad inputs, and
//! what the chain's state holds afterwards.

use crate::{mock::*, pallet::*, types::*, Error, Event};
use blockful_chameleon::{
	threshold::{dkg, reconstruct_trapdoor},
	ChPublicKey,
};

use frame_support::{assert_noop, assert_ok};
use pallet_unlearning::Paradigm;
use sp_runtime::{testing::UintAuthorityId, traits::Dispatchable, RuntimeAppPublic};

pub(crate) fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Threshold(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// The mock's members all run on one node, whose `bkfe` key is the first online key (11).
pub(crate) fn node_secret() -> UintAuthorityId {
	UintAuthorityId(MEMBERS[0])
}

pub(crate) fn chain_key() -> ChPublicKey {
	pallet_live_chain::ChPublicKey::<Test>::get().expect("key installed")
}

/// Runs the DKG to its end; returns the blocks it took.
pub(crate) fn keygen(net: &mut TestNet) -> u32 {
	net.run_until(40, || ActiveEpoch::<Test>::get().is_some()).expect("DKG finished")
}

/// A valid model URI: the model CID of the raw block holding `label`'s bytes.
pub(crate) fn model_uri(label: &str) -> Vec<u8> {
	pallet_live_chain::testing::uri(label.as_bytes())
}

/// Publishes the model CID of `label` with `refs` as ALICE under the chain's key; returns
/// its tx id.
pub(crate) fn publish(label: &str, refs: Vec<u64>) -> u64 {
	let tx = pallet_live_chain::NextTxId::<Test>::get();
	let uri = model_uri(label);
	let msg = pallet_model_archive::model_message(&uri, &refs);
	let (ch, rand) =
		blockful_chameleon::hash_from_seed(&chain_key(), &msg, &[tx as u8 + 1; 32]).unwrap();
	assert_ok!(pallet_live_chain::Pallet::<Test>::publish_model(
		RuntimeOrigin::signed(ALICE),
		uri.try_into().unwrap(),
		refs.try_into().unwrap(),
		ch,
		rand,
	));
	tx
}

/// A DAG 0 → 1 → 2 in two live blocks, and a parallel request on model 0; returns the
/// request id.
pub(crate) fn models_and_request() -> u64 {
	publish("m0", vec![]);
	publish("m1", vec![0]);
	next_block();
	publish("m2", vec![1]);
	next_block();
	request_on_m0()
}

/// ALICE files a parallel request on model 0 forgetting class 1; returns its id.
pub(crate) fn request_on_m0() -> u64 {
	let id = pallet_unlearning::NextRequestId::<Test>::get();
	assert_ok!(pallet_unlearning::Pallet::<Test>::request_unlearning(
		RuntimeOrigin::signed(ALICE),
		vec![0].try_into().unwrap(),
		vec![1].try_into().unwrap(),
		Paradigm::Parallel,
	));
	id
}

/// The owner (ALICE) submits `unlearned-<tx>` as the new version of each of `txs`.
pub(crate) fn submit(request: u64, txs: &[u64]) {
	for tx in txs {
		assert_ok!(pallet_unlearning::Pallet::<Test>::submit_update(
			RuntimeOrigin::signed(ALICE),
			request,
			*tx,
			pallet_unlearning::ModelUpdate::Replace(
				model_uri(&format!("unlearned-{tx}")).try_into().unwrap()
			),
		));
	}
}

/// A net of four members with their key, three models and a parallel request on m0
/// whose owners submitted every update, proposed: the committee's workers sign it next.
pub(crate) fn proposed_net() -> (TestNet, u64) {
	let mut net = new_net(true);
	keygen(&mut net);
	let request = net.with(models_and_request);
	net.with(|| propose(request));
	(net, request)
}

/// The owner submits every model of the DAG, then anyone (BOB) proposes.
pub(crate) fn propose(request: u64) {
	submit(request, &[0, 1, 2]);
	assert_ok!(Threshold::propose_redaction(RuntimeOrigin::signed(BOB), request));
}

pub(crate) fn applied() -> bool {
	events().iter().any(|e| matches!(e, Event::RedactionApplied { .. }))
}

pub(crate) fn assert_redacted() {
	for tx in 0..3u64 {
		let live = pallet_live_chain::Txs::<Test>::get(tx).unwrap();
		assert_eq!(live.uri.to_vec(), model_uri(&format!("unlearned-{tx}")));
		assert_eq!(live.version, 1);
	}
	let report = LiveChain::verify_integrity();
	assert!(report.ok, "{report:?}");
	assert_eq!(pallet_model_archive::Pallet::<Test>::lineage(0).len(), 2);
}

#[test]
fn dkg_with_all_four_members_installs_a_valid_key() {
	let mut net = new_net(true);
	let blocks = keygen(&mut net);
	net.with(|| {
		let key = Keys::<Test>::get(0).unwrap();
		key.package.validate().unwrap();
		assert_eq!(key.package.threshold, 3);
		assert_eq!(key.qualified, vec![1, 2, 3, 4]);
		assert_eq!(chain_key(), key.package.group_key);
		assert_ne!(chain_key(), blockful_chameleon::dev_public_key());
		assert!(Dkg::<Test>::get().is_none());
		assert!(events().contains(&Event::KeyGenerated { epoch: 0, key: chain_key(), qualified: 4 }));
		// Every member's node re-derives a share that matches its public Y_i.
		for m in MEMBERS {
			let share =
				crate::offchain::key_share_of::<Test>(UintAuthorityId(m), node_secret(), 0)
					.unwrap();
			assert_eq!(Some(&share.verifying_share()), key.package.verification_share(share.index()));
		}
	});
	// Commit, share, complaint window: no timeout needed.
	assert!(blocks <= 6, "DKG took {blocks} blocks");
}

#[test]
fn dkg_with_one_member_offline_finishes_after_the_commit_timeout() {
	let mut net = new_net(true);
	set_online(&[11, 12, 13]);
	keygen(&mut net);
	net.with(|| {
		let key = Keys::<Test>::get(0).unwrap();
		assert_eq!(key.qualified, vec![1, 2, 3]);
		key.package.validate().unwrap();
	});
}

#[test]
fn dkg_with_two_members_offline_produces_no_key() {
	let mut net = new_net(true);
	set_online(&[11, 12]);
	assert_eq!(net.run_until(20, || ActiveEpoch::<Test>::get().is_some()), None);
	net.with(|| {
		assert!(pallet_live_chain::ChPublicKey::<Test>::get().is_none());
		assert!(Keys::<Test>::iter().next().is_none());
		assert!(events().iter().any(|e| matches!(e, Event::DkgFailed { epoch: 0, .. })));
		// It keeps trying with the committee.
		assert!(Dkg::<Test>::get().unwrap().epoch >= 1);
		// The failed run's transcript is deleted: nothing of epoch 0 stays on chain.
		assert_eq!(DkgCommitments::<Test>::iter_prefix(0).count(), 0);
		assert_eq!(DkgShares::<Test>::iter_prefix(0).count(), 0);
		assert_eq!(DkgConfirmed::<Test>::iter_prefix(0).count(), 0);
		assert_eq!(DkgComplaints::<Test>::iter_prefix(0).count(), 0);
		assert_eq!(Disqualified::<Test>::iter_prefix(0).count(), 0);
	});
}

#[test]
fn redaction_by_the_members_off_chain_workers_all_four() {
	let (mut net, _) = proposed_net();
	let blocks = net.run_until(10, applied).expect("redaction applied");
	net.with(|| {
		assert_redacted();
		assert!(Queue::<Test>::get().is_empty());
		let Some(Event::RedactionApplied { signers, attempts, .. }) =
			events().into_iter().find(|e| matches!(e, Event::RedactionApplied { .. }))
		else {
			unreachable!()
		};
		assert_eq!(signers.len(), 3);
		assert_eq!(attempts, 1);
		// The applied proposal leaves nothing behind: its record, the round-1
		// commitments and the round-2 shares are deleted.
		assert!(Proposals::<Test>::get(0).is_none());
		assert_eq!(SignCommitments::<Test>::iter_prefix(0).count(), 0);
		assert_eq!(SignShares::<Test>::iter_prefix(0).count(), 0);
	});
	// Round 1 in one block, round 2 in the next.
	assert!(blocks <= 3, "took {blocks} blocks");
}

#[test]
fn redaction_with_one_member_offline() {
	let mut net = new_net(true);
	keygen(&mut net);
	set_online(&[11, 13, 14]);
	let request = net.with(models_and_request);
	net.with(|| propose(request));
	net.run_until(10, applied).expect("redaction applied");
	net.with(|| {
		assert_redacted();
		assert!(events().contains(&Event::RedactionApplied {
			proposal: 0,
			request,
			signers: vec![1, 3, 4],
			attempts: 1
		}));
	});
}

#[test]
fn redaction_with_two_members_offline_never_completes_and_changes_nothing() {
	let mut net = new_net(true);
	keygen(&mut net);
	set_online(&[11, 12]);
	let request = net.with(models_and_request);
	let before = net.with(|| {
		propose(request);
		(0..3u64).map(|tx| pallet_live_chain::Txs::<Test>::get(tx).unwrap()).collect::<Vec<_>>()
	});
	assert_eq!(net.run_until(12, applied), None);
	net.with(|| {
		let after: Vec<_> =
			(0..3u64).map(|tx| pallet_live_chain::Txs::<Test>::get(tx).unwrap()).collect();
		assert_eq!(before, after);
		assert_eq!(pallet_model_archive::Pallet::<Test>::lineage(0).len(), 1);
		assert!(events().iter().any(|e| matches!(e, Event::SigningRestarted { .. })));
		assert_eq!(Queue::<Test>::get(), vec![0]);
	});
	// The members come back: the same proposal completes.
	set_online(&MEMBERS);
	net.run_until(10, applied).expect("applied once three members are online");
	net.with(assert_redacted);
}

/// Dispatches `message` as member `m` through validation, as the pool would.
pub(crate) fn submit_as(m: u64, message: Message) -> sp_runtime::DispatchResultWithInfo<frame_support::dispatch::PostDispatchInfo> {
	let key = UintAuthorityId(m);
	let signature = key.sign(&Threshold::signed_payload(&message)).unwrap();
	let call = crate::Call::<Test>::submit { submission: Submission { member: key, message }, signature };
	use sp_runtime::traits::ValidateUnsigned;
	Threshold::validate_unsigned(sp_runtime::transaction_validity::TransactionSource::Local, &call)
		.map_err(|_| sp_runtime::DispatchError::Other("invalid").into())
		.and_then(|_| RuntimeCall::Threshold(call).dispatch(RuntimeOrigin::none()))
}

/// Dispatches `message` as member `m`, signed by `signer` over the tagged payload, without
/// the pool's validation (to see the dispatch's own refusals).
pub(crate) fn dispatch_signed_by(
	m: u64,
	message: Message,
	signer: u64,
) -> sp_runtime::DispatchResultWithInfo<frame_support::dispatch::PostDispatchInfo> {
	let signature = UintAuthorityId(signer).sign(&Threshold::signed_payload(&message)).unwrap();
	Threshold::submit(RuntimeOrigin::none(), Submission { member: UintAuthorityId(m), message }, signature)
}

/// [`dispatch_signed_by`] with the member's own signature.
pub(crate) fn dispatch_as(
	m: u64,
	message: Message,
) -> sp_runtime::DispatchResultWithInfo<frame_support::dispatch::PostDispatchInfo> {
	dispatch_signed_by(m, message, m)
}

/// A round-1 message for proposal 0 with `n` copies of the valid point `point`.
pub(crate) fn sign_commit(attempt: u32, n: usize, point: [u8; 32]) -> Message {
	Message::SignCommit { proposal: 0, attempt, commitments: vec![(point, point); n] }
}

#[test]
fn a_cheating_signer_is_named_and_the_honest_members_complete() {
	let (mut net, request) = proposed_net();
	// Round 1 by everybody, then member 12 answers round 2 with garbage before its node.
	net.run_until(5, || events().iter().any(|e| matches!(e, Event::SignersChosen { .. })))
		.unwrap();
	net.with(|| {
		let p = Proposals::<Test>::get(0).unwrap();
		let SignPhase::Sign { signers, package } = &p.phase else { panic!("not in round 2") };
		assert!(signers.contains(&2));
		let shares = vec![[7u8; 32]; p.items()];
		assert_ok!(submit_as(12, Message::SignShare { proposal: 0, attempt: 0, package: *package, shares }));
		// Stored unchecked (optimistic): nobody is named before the round completes.
		assert!(SignShares::<Test>::contains_key(0, 2));
		assert!(!events().iter().any(|e| matches!(e, Event::InvalidPartialShare { .. })));
		assert_eq!(Misbehaviour::<Test>::get(12), 0);
	});
	// The other two signers' shares complete the round: the first collision's sum fails,
	// its shares are checked, and member 12 is named.
	net.run_until(5, || events().iter().any(|e| matches!(e, Event::SigningRestarted { .. })))
		.expect("the round completes and restarts");
	net.with(|| {
		assert!(events().contains(&Event::InvalidPartialShare { proposal: 0, member: 12, item: 0 }));
		assert_eq!(Misbehaviour::<Test>::get(12), 1);
		let p = Proposals::<Test>::get(0).unwrap();
		assert_eq!((p.attempt, p.banned.clone()), (1, vec![2]));
		assert!(!applied(), "nothing of the failed attempt is applied");
		assert_eq!(SignShares::<Test>::iter_prefix(0).count(), 0, "the attempt's shares are cleared");
	});
	net.run_until(10, applied).expect("applied by the honest members");
	net.with(|| {
		assert_redacted();
		assert!(events().contains(&Event::RedactionApplied {
			proposal: 0,
			request,
			signers: vec![1, 3, 4],
			attempts: 2
		}));
	});
}

#[test]
fn a_dealer_with_a_wrong_share_is_disqualified_and_the_key_still_forms() {
	let mut net = new_net(true);
	// Everyone commits.
	net.run_until(5, || Dkg::<Test>::get().is_some_and(|r| r.phase == DkgPhase::Share)).unwrap();
	// Member 14's node is replaced by one that deals garbage to everybody.
	set_online(&[11, 12, 13]);
	net.with(|| {
		let shares = vec![(1, [1u8; 32]), (2, [1u8; 32]), (3, [1u8; 32])];
		assert_ok!(submit_as(14, Message::DkgShare { epoch: 0, shares }));
	});
	keygen(&mut net);
	net.with(|| {
		let dq: Vec<_> = events()
			.into_iter()
			.filter(|e| matches!(e, Event::DealerDisqualified { .. }))
			.collect();
		assert_eq!(dq.len(), 1, "{dq:?}");
		assert!(matches!(dq[0], Event::DealerDisqualified { epoch: 0, dealer: 14, .. }));
		assert_eq!(Misbehaviour::<Test>::get(14), 1);
		let key = Keys::<Test>::get(0).unwrap();
		assert_eq!(key.qualified, vec![1, 2, 3]);
		key.package.validate().unwrap();
	});
	// The cheater still received honest shares, so all four can sign.
	set_online(&MEMBERS);
	let request = net.with(models_and_request);
	net.with(|| propose(request));
	net.run_until(10, applied).expect("applied");
	net.with(assert_redacted);
}

#[test]
fn a_false_complaint_is_counted_against_the_complainer() {
	let mut net = new_net(true);
	net.run_until(8, || Dkg::<Test>::get().is_some_and(|r| r.phase == DkgPhase::Confirm))
		.unwrap();
	net.with(|| {
		// Member 11 reveals its real channel point with 12 and claims 12's share is bad.
		let secret = node_secret();
		let context = Threshold::dkg_context(0);
		let channel = crate::offchain::channel_of::<Test>(UintAuthorityId(11), secret, 0).unwrap();
		let theirs = DkgCommitments::<Test>::get(0, 2).unwrap();
		let proof = channel.prove_shared_key(&theirs.channel, &context).unwrap();
		assert_ok!(submit_as(11, Message::DkgComplain { epoch: 0, dealer: 2, proof }));
		assert!(events().contains(&Event::FalseComplaint { epoch: 0, by: 11 }));
		assert_eq!(Misbehaviour::<Test>::get(11), 1);
		assert!(Disqualified::<Test>::get(0, 2).is_none());
	});
}

#[test]
fn bad_member_messages_are_refused_without_state_change() {
	let mut net = new_net(true);
	net.with(|| {
		let context = Threshold::dkg_context(0);
		let mut rng = blockful_chameleon::threshold::channel::SeededRng::new([5; 32]);
		let (_, package) = dkg::part1(1, 3, 4, &context, &mut rng).unwrap();
		let channel = blockful_chameleon::threshold::channel::ChannelKey::from_seed(&[6; 32]);
		let commitment = DkgCommitment {
			package: package.clone(),
			channel: channel.public(),
			secret_key: UintAuthorityId(11).to_raw_vec(),
		};
		let message = Message::DkgCommit { epoch: 0, commitment: commitment.clone() };
		let call = dispatch_signed_by;
		// Signed by someone else.
		assert_noop!(call(11, message.clone(), 12), Error::<Test>::BadSignature);
		// Not a member.
		assert_noop!(call(99, message.clone(), 99), Error::<Test>::NotMember);
		// Package claims another index than the sender's.
		assert_noop!(call(12, message.clone(), 12), Error::<Test>::InvalidCommitment);
		// Wrong epoch.
		let stale = Message::DkgCommit { epoch: 7, commitment: commitment.clone() };
		assert_noop!(call(11, stale, 11), Error::<Test>::WrongEpoch);
		// A broken proof of knowledge.
		let mut forged = commitment.clone();
		forged.package.proof_mu = [3u8; 32];
		assert_noop!(
			call(11, Message::DkgCommit { epoch: 0, commitment: forged }, 11),
			Error::<Test>::InvalidCommitment
		);
		// An identity channel key.
		let mut no_channel = commitment.clone();
		no_channel.channel = [0u8; 32];
		assert_noop!(
			call(11, Message::DkgCommit { epoch: 0, commitment: no_channel }, 11),
			Error::<Test>::InvalidCommitment
		);
		// Shares before the share phase.
		assert_noop!(
			call(11, Message::DkgShare { epoch: 0, shares: vec![] }, 11),
			Error::<Test>::WrongPhase
		);
		// Signed origin.
		assert_noop!(
			Threshold::submit(
				RuntimeOrigin::signed(11),
				Submission { member: UintAuthorityId(11), message: message.clone() },
				UintAuthorityId(11).sign(&Threshold::signed_payload(&message)).unwrap()
			),
			sp_runtime::DispatchError::BadOrigin
		);
		// The real one goes through once, then is a duplicate.
		assert_ok!(call(11, message.clone(), 11));
		assert_noop!(call(11, message, 11), Error::<Test>::AlreadySubmitted);
	});
}

#[test]
fn bad_signing_messages_are_refused_without_state_change() {
	let mut net = new_net(true);
	keygen(&mut net);
	let request = net.with(models_and_request);
	net.with(|| {
		propose(request);
		let items = Proposals::<Test>::get(0).unwrap().items();
		let call = dispatch_as;
		let commit = sign_commit;
		let base = blockful_chameleon::dev_public_key().0;
		// Wrong attempt, wrong count, identity points, an unknown proposal, a stranger.
		assert_noop!(call(11, commit(1, items, base)), Error::<Test>::WrongAttempt);
		assert_noop!(call(11, commit(0, items - 1, base)), Error::<Test>::WrongItemCount);
		assert_noop!(call(11, commit(0, items, [0u8; 32])), Error::<Test>::InvalidNonceCommitment);
		assert_noop!(
			call(11, Message::SignCommit { proposal: 5, attempt: 0, commitments: vec![] }),
			Error::<Test>::NotActiveProposal
		);
		assert_noop!(call(99, commit(0, items, base)), Error::<Test>::NotMember);
		// Round-2 shares before round 2.
		assert_noop!(
			call(
				11,
				Message::SignShare { proposal: 0, attempt: 0, package: [0; 32], shares: vec![[0u8; 32]; items] }
			),
			Error::<Test>::WrongPhase
		);
		assert_ok!(call(11, commit(0, items, base)));
		assert_noop!(call(11, commit(0, items, base)), Error::<Test>::AlreadySubmitted);
	});
}

#[test]
fn bad_proposals_are_refused_without_state_change() {
	let mut net = new_net(true);
	// No key yet.
	net.with(|| {
		assert_noop!(
			Threshold::propose_redaction(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::NoCommitteeKey
		);
	});
	keygen(&mut net);
	net.with(|| {
		let request = models_and_request();
		let call = |who: u64, request: u64| Threshold::propose_redaction(RuntimeOrigin::signed(who), request);
		assert_noop!(call(ALICE, 9), Error::<Test>::UnknownRequest);
		// Nothing is proposed before every owner answered (parallel).
		assert_noop!(call(ALICE, request), pallet_unlearning::Error::<Test>::UpdateMissing);
		submit(request, &[0, 1]);
		assert_noop!(call(ALICE, request), pallet_unlearning::Error::<Test>::UpdateMissing);
		submit(request, &[2]);
		// The caller chooses nothing, so anyone may queue it: the owners' URIs are queued.
		assert_ok!(call(BOB, request));
		let queued = Proposals::<Test>::get(Queue::<Test>::get()[0]).unwrap();
		assert_eq!(
			queued.updates,
			(0..3u64).map(|tx| (tx, model_uri(&format!("unlearned-{tx}")))).collect::<Vec<_>>()
		);
		assert_noop!(call(ALICE, request), Error::<Test>::AlreadyProposed);
		// Starting a DKG now: refused (models are bound to the key), and not for anyone.
		assert_noop!(Threshold::start_dkg(RuntimeOrigin::signed(11)), sp_runtime::DispatchError::BadOrigin);
	});
}

pub(crate) fn committee_origin() -> RuntimeOrigin {
	pallet_collective::RawOrigin::<u64, pallet_collective::Instance1>::Members(3, 4).into()
}

#[test]
fn start_dkg_is_refused_while_one_runs_and_for_a_foreign_key_in_use() {
	let mut net = new_net(true);
	net.with(|| {
		assert_noop!(Threshold::start_dkg(committee_origin()), Error::<Test>::DkgInProgress);
		assert_noop!(
			Threshold::start_dkg(RuntimeOrigin::signed(11)),
			sp_runtime::DispatchError::BadOrigin
		);
	});
	// A chain whose key came from elsewhere and binds models: no fresh DKG.
	let mut foreign = new_net(false);
	foreign.with(|| {
		pallet_live_chain::ChPublicKey::<Test>::put(blockful_chameleon::dev_public_key());
		publish("m0", vec![]);
		assert_noop!(Threshold::start_dkg(committee_origin()), Error::<Test>::KeyInUse);
	});
	// A chain without genesis DKG and without models: the committee starts one.
	let mut fresh = new_net(false);
	fresh.with(|| {
		assert!(Dkg::<Test>::get().is_none());
		assert_ok!(Threshold::start_dkg(committee_origin()));
		assert_eq!(Dkg::<Test>::get().unwrap().phase, DkgPhase::Commit);
	});
	keygen(&mut fresh);
}

#[test]
fn a_new_committee_gets_shares_of_the_same_key_and_old_models_keep_verifying() {
	let (mut net, _) = proposed_net();
	net.run_until(10, applied).expect("the first committee redacts");
	let old_key = net.with(|| Keys::<Test>::get(0).unwrap());

	// Membership change: 14 leaves, 15 joins; the committee re-shares its key.
	net.with(|| {
		CommitteeMembers::set(&vec![11, 12, 13, 15]);
		let _ = Balances::force_set_balance(RuntimeOrigin::root(), 15, 1_000);
		assert_ok!(Threshold::start_dkg(committee_origin()));
		assert_eq!(Dkg::<Test>::get().unwrap().reshare, Some(0));
	});
	set_online(&[11, 12, 13, 15]);
	net.run_until(20, || ActiveEpoch::<Test>::get() == Some(1)).expect("resharing finished");
	net.with(|| {
		let key = Keys::<Test>::get(1).unwrap();
		key.package.validate().unwrap();
		assert_eq!(key.package.group_key, old_key.package.group_key, "the same key");
		assert_eq!(chain_key(), old_key.package.group_key);
		assert_eq!(key.members, vec![11, 12, 13, 15]);
		assert_eq!(key.reshared_from, Some(0));
		assert_eq!(key.qualified, vec![1, 2, 3], "the three staying members dealt");
		// Every model and header published and redacted under the first committee verifies.
		assert!(LiveChain::verify_integrity().ok);
		// The newcomer's node derives a share that matches its Y_4; the leaver has none.
		let share =
			crate::offchain::key_share_of::<Test>(UintAuthorityId(15), node_secret(), 1).unwrap();
		assert_eq!(Some(&share.verifying_share()), key.package.verification_share(4));
		assert!(crate::offchain::key_share_of::<Test>(UintAuthorityId(14), node_secret(), 1)
			.is_err());
	});

	// The new committee redacts, with the newcomer among the signers (12 is offline).
	set_online(&[11, 13, 15]);
	let request = net.with(|| {
		System::reset_events();
		let tx = publish("m3", vec![]);
		next_block();
		assert_ok!(pallet_unlearning::Pallet::<Test>::request_unlearning(
			RuntimeOrigin::signed(ALICE),
			vec![tx].try_into().unwrap(),
			vec![1].try_into().unwrap(),
			Paradigm::Parallel,
		));
		let request = pallet_unlearning::NextRequestId::<Test>::get() - 1;
		submit(request, &[tx]);
		assert_ok!(Threshold::propose_redaction(RuntimeOrigin::signed(ALICE), request));
		request
	});
	net.run_until(10, applied).expect("the new committee redacts");
	net.with(|| {
		assert!(events().iter().any(|e| matches!(
			e,
			Event::RedactionApplied { request: r, signers, .. } if *r == request && signers == &vec![1, 3, 4]
		)));
		assert!(LiveChain::verify_integrity().ok);
		// The member who left has no seat in the active key.
		let active = Keys::<Test>::get(ActiveEpoch::<Test>::get().unwrap()).unwrap();
		assert_eq!(Threshold::index_of(&active.members, &14), None);
	});
}

#[test]
fn resharing_needs_enough_old_members() {
	let mut net = new_net(true);
	keygen(&mut net);
	net.with(|| {
		CommitteeMembers::set(&vec![11, 12, 15, 16]);
		assert_noop!(Threshold::start_dkg(committee_origin()), Error::<Test>::NotEnoughDealers);
	});
}

#[test]
fn a_membership_change_without_enough_old_members_is_refused_by_the_runtime_once() {
	let mut net = new_net(true);
	keygen(&mut net);
	let (epoch, key) = net.with(|| {
		let epoch = ActiveEpoch::<Test>::get().unwrap();
		(epoch, Keys::<Test>::get(epoch).unwrap())
	});
	// A membership motion keeps only two of the key's four holders (t = 3): the runtime
	// notices at the next block by itself, refuses to re-share and says why, once.
	net.with(|| CommitteeMembers::set(&vec![11, 12, 15, 16]));
	net.block();
	net.block();
	net.with(|| {
		let refused: Vec<_> =
			events().into_iter().filter(|e| matches!(e, Event::ResharingRefused { .. })).collect();
		assert_eq!(
			refused,
			vec![Event::ResharingRefused { members: 4, error: Error::<Test>::NotEnoughDealers.into() }]
		);
		// Nothing changed: no run, the old key stays active and keeps its members.
		assert!(Dkg::<Test>::get().is_none());
		assert_eq!(ActiveEpoch::<Test>::get(), Some(epoch));
		assert_eq!(Keys::<Test>::get(epoch), Some(key.clone()));
		assert!(RefusedCommittee::<Test>::get().is_some());
	});
	// Members who left do not sign with their old shares (`NotInCommittee`), and two
	// staying holders are below t: redactions wait, nothing changes.
	let request = net.with(models_and_request);
	net.with(|| propose(request));
	assert_eq!(net.run_until(8, applied), None, "two holders cannot sign");
	net.with(|| assert_eq!(pallet_live_chain::Txs::<Test>::get(0).unwrap().version, 0));
	// The committee restored, the same key signs again.
	net.with(|| CommitteeMembers::set(&MEMBERS.to_vec()));
	net.run_until(30, applied).expect("the restored committee redacts");
	net.with(assert_redacted);
}

#[test]
fn the_chain_holds_no_secret_share_and_the_transcript_yields_no_trapdoor() {
	let (mut net, _) = proposed_net();
	net.run_until(10, applied).unwrap();
	net.with(|| {
		let key = Keys::<Test>::get(0).unwrap();
		// What each node computes privately.
		let shares: Vec<_> = MEMBERS
			.iter()
			.map(|m| {
				crate::offchain::key_share_of::<Test>(UintAuthorityId(*m), node_secret(), 0)
					.unwrap()
			})
			.collect();
		let pooled: Vec<_> = shares[..3].iter().map(|s| (s.index(), s.secret_bytes())).collect();
		let trapdoor = reconstruct_trapdoor(&pooled).unwrap();
		assert_eq!(trapdoor.public(), key.package.group_key, "the shares interpolate to Y");
		let trapdoor = trapdoor.to_bytes();
		// The whole state, key by key: no secret share, no trapdoor, no plaintext dealt
		// share appears anywhere.
		let mut secrets: Vec<[u8; 32]> = shares.iter().map(|s| s.secret_bytes()).collect();
		secrets.push(trapdoor);
		let state: Vec<u8> = chain_state().into_iter().flat_map(|(_, v)| v).collect();
		for secret in &secrets {
			assert!(!state.windows(32).any(|w| w == secret), "a secret is in the state");
		}
		// The formulas that exist, applied to the public transcript: treating member 1's
		// ciphertexts as its shares does not give a share of the key.
		let received: Vec<[u8; 32]> = key
			.qualified
			.iter()
			.filter(|d| **d != 1)
			.map(|d| DkgShares::<Test>::get(0, d).unwrap().iter().find(|(j, _)| *j == 1).unwrap().1)
			.collect();
		assert_eq!(
			dkg::combine_shares(1, &received, &key.package).unwrap_err(),
			blockful_chameleon::ChError::InconsistentKeyPackage
		);
	});
}

#[test]
fn signing_messages_are_charged_the_heaviest_shape_of_their_proposal() {
	use crate::costs;
	let mut net = new_net(true);
	keygen(&mut net);
	let request = net.with(models_and_request);
	net.with(|| {
		propose(request);
		// Three models in two live blocks: 5 collisions, charged as 6 (two per model, the
		// benchmarks' shape), never less than the message's own count.
		let share = |n: usize| Message::SignShare { proposal: 0, attempt: 0, package: [0; 32], shares: vec![[0; 32]; n] };
		// Its only chunk is its last: the completing message also closes the request.
		let closing = <Unlearning as pallet_live_chain::OnRedaction>::max_weight();
		assert_eq!(costs::closing_weight::<Test>(), closing);
		assert_eq!(costs::chunk_end_weight::<Test>(&0, 3), closing);
		// The completing share may also have to name a cheater: the `t` share checks of the
		// collision the batch's bisection found.
		let verify = <<Test as pallet_live_chain::Config>::WeightInfo as pallet_live_chain::WeightInfo>::ch_verify();
		assert_eq!(costs::blame_weight::<Test>(3), verify.saturating_mul(3));
		assert_eq!(costs::blame_weight::<Test>(22), verify.saturating_mul(22));
		assert_eq!(
			Pallet::<Test>::submit_weight(&share(5)),
			costs::sign_share_weight::<Test>(6, 3)
				.saturating_add(costs::blame_weight::<Test>(3))
				.saturating_add(closing)
		);
		assert_eq!(
			Pallet::<Test>::submit_weight(&share(8)),
			costs::sign_share_weight::<Test>(8, 3)
				.saturating_add(costs::blame_weight::<Test>(3))
				.saturating_add(closing)
		);
		// A chunk before the last closes nothing: it hands over to the next chunk.
		Proposals::<Test>::mutate(0, |p| p.as_mut().unwrap().chunks = 2);
		let commit = Message::SignCommit { proposal: 0, attempt: 0, commitments: vec![([0; 32], [0; 32]); 5] };
		assert_eq!(Pallet::<Test>::submit_weight(&commit), costs::sign_commit_weight::<Test>(6, 3));
		// It takes the next chunk, and, pipelined, closes that chunk's round 1: charged for
		// the largest chunk's packages.
		let p = Proposals::<Test>::get(0).unwrap();
		assert!(Pallet::<Test>::pipelined(&p, 3));
		let next = costs::next_chunk_weight::<Test>(8).saturating_add(costs::ahead_weight::<Test>(8, 3));
		assert_eq!(costs::chunk_end_weight::<Test>(&0, 3), next);
		assert_eq!(costs::chunk_handover_weight::<Test>(6, 3, 8), next);
		assert_eq!(
			Pallet::<Test>::submit_weight(&share(5)),
			costs::sign_share_weight::<Test>(6, 3)
				.saturating_add(costs::blame_weight::<Test>(3))
				.saturating_add(next)
		);
		let ahead = Message::SignCommitAhead { proposal: 0, chunk: 1, attempt: 1, commitments: vec![([0; 32], [0; 32]); 5] };
		assert_eq!(Pallet::<Test>::submit_weight(&ahead), costs::sign_commit_weight::<Test>(10, 3));
	});
}

/// Runs the members' workers block by block until the signers' round-2 shares wait in the
/// pool, and returns those calls undispatched (to dispatch, inspect or tamper with).
pub(crate) fn pending_shares(net: &mut TestNet) -> Vec<crate::Call<Test>> {
	pending_calls(net, |m| matches!(m, Message::SignShare { .. }))
}

/// Like [`pending_shares`], for the member messages `wanted` picks.
fn pending_calls(net: &mut TestNet, wanted: impl Fn(&Message) -> bool) -> Vec<crate::Call<Test>> {
	use frame_support::traits::Hooks;
	for _ in 0..6 {
		net.with(|| Threshold::offchain_worker(System::block_number()));
		let txs: Vec<Vec<u8>> = net.pool.read().transactions.clone();
		let calls: Vec<crate::Call<Test>> = txs
			.iter()
			.filter_map(|raw| {
				let xt: Extrinsic = codec::Decode::decode(&mut &raw[..]).unwrap();
				match xt.function {
					RuntimeCall::Threshold(call @ Call::submit { .. })
						if matches!(&call, Call::submit { submission, .. } if wanted(&submission.message)) =>
						Some(call),
					_ => None,
				}
			})
			.collect();
		if !calls.is_empty() {
			return calls;
		}
		net.pool.write().transactions.clear();
		net.block();
	}
	Vec::new()
}

#[test]
fn a_share_that_does_not_complete_the_round_is_refunded_to_its_record() {
	use crate::costs;
	use frame_support::dispatch::GetDispatchInfo;
	use sp_runtime::traits::ValidateUnsigned;
	let (mut net, _) = proposed_net();
	// Dispatch the members' round-2 shares one by one here, as a block would, reading what
	// each was charged.
	let shares = pending_shares(&mut net);
	assert_eq!(shares.len(), 3, "the three signers' shares");
	net.with(|| {
		let p = Proposals::<Test>::get(0).unwrap();
		let declared = shares[0].get_dispatch_info().call_weight;
		let record = costs::share_record_weight::<Test>(p.items(), 3);
		assert!(record.all_lt(declared), "the record costs less than the message may: {record:?} vs {declared:?}");
		for (k, call) in shares.iter().enumerate() {
			assert_ok!(Threshold::pre_dispatch(call));
			let post = RuntimeCall::Threshold(call.clone()).dispatch(RuntimeOrigin::none()).unwrap();
			if k < 2 {
				// Not the last: stored unchecked, charged its record only.
				assert_eq!(post.actual_weight, Some(record), "share {k}");
			} else {
				// The last completes the round: charged its shape's benchmark (aggregation
				// and apply) and what closing this small request cost, not the bound for
				// closing the largest.
				let db: frame_support::weights::RuntimeDbWeight =
					<<Test as frame_system::Config>::DbWeight as frame_support::traits::Get<_>>::get();
				let hook = pallet_unlearning::Pallet::<Test>::request_rw_weight(3)
					.saturating_add(db.reads(6))
					.saturating_add(pallet_unlearning::Pallet::<Test>::close_weight());
				let used = costs::sign_share_weight::<Test>(costs::charged::<Test>(p.items(), 3), 3)
					.saturating_add(hook);
				assert_eq!(post.actual_weight, Some(used), "the completing share");
				assert!(used.all_lte(declared));
			}
			assert_eq!(post.pays_fee, frame_support::dispatch::Pays::No);
		}
		assert!(applied());
		assert_redacted();
	});
}

/// A chain of `n` models m0 → m1 → … (two per live block) and a parallel request on m0
/// whose owner has submitted every new version; returns the request id.
fn chain_of_models_and_request(n: u64) -> u64 {
	for tx in 0..n {
		publish(&format!("m{tx}"), if tx == 0 { vec![] } else { vec![tx - 1] });
		if tx % 2 == 1 {
			next_block();
		}
	}
	next_block();
	let request = request_on_m0();
	submit(request, &(0..n).collect::<Vec<_>>());
	request
}

/// Models of the first `n` already at their new version, and the rest at their first.
fn redacted_models(n: u64) -> usize {
	let versions: Vec<u32> =
		(0..n).map(|tx| pallet_live_chain::Txs::<Test>::get(tx).unwrap().version).collect();
	assert!(versions.iter().all(|v| *v <= 1), "a model was redacted twice: {versions:?}");
	versions.iter().filter(|v| **v == 1).count()
}

/// The attempts whose signers were chosen (`SignersChosen`), in order.
fn signed_attempts() -> Vec<u32> {
	events()
		.into_iter()
		.filter_map(|e| match e {
			Event::SignersChosen { attempt, .. } => Some(attempt),
			_ => None,
		})
		.collect()
}

/// A net with the committee's key and a proposal of a chain of `n` models (the mock's
/// chunks: 8, 7, 4 for 19); returns the net and the request.
fn chunked_net(n: u64) -> (TestNet, u64) {
	let mut net = new_net(true);
	keygen(&mut net);
	let request = net.with(|| chain_of_models_and_request(n));
	net.with(|| {
		assert_ok!(Threshold::propose_redaction(RuntimeOrigin::signed(BOB), request));
	});
	(net, request)
}

#[test]
fn a_request_larger_than_one_chunk_is_approved_once_and_survives_a_member_down_and_a_restart() {
	const N: u64 = 19; // chunks of MaxUpdates = 8, the last of MaxFinalChunk = 4: 8, 7, 4
	let mut net = new_net(true);
	keygen(&mut net);
	let request = net.with(|| chain_of_models_and_request(N));
	net.with(|| {
		assert_ok!(Threshold::propose_redaction(RuntimeOrigin::signed(BOB), request));
		let uris: Vec<(u64, Vec<u8>)> =
			(0..N).map(|tx| (tx, model_uri(&format!("unlearned-{tx}")))).collect();
		let root = update_set_root(uris.iter().map(|(tx, uri)| (*tx, uri.as_slice())));
		assert!(events().contains(&Event::RedactionProposed {
			proposal: 0,
			request,
			items: 8 + 4,
			models: N as u32,
			chunks: 3,
			root,
		}));
		assert_eq!(PendingChunks::<Test>::iter_prefix(0).count(), 2);
		// One approval: a second proposal of the same request is refused.
		assert_noop!(
			Threshold::propose_redaction(RuntimeOrigin::signed(BOB), request),
			Error::<Test>::AlreadyProposed
		);
	});
	// Every block in between: whole chunks only, and the live chain verifies.
	let whole_chunks = || {
		let done = redacted_models(N);
		assert!([0, 8, 15, 19].contains(&done), "{done} models redacted: half a chunk");
		let report = LiveChain::verify_integrity();
		assert!(report.ok, "{report:?}");
		done
	};
	net.run_until(10, || whole_chunks() >= 8).expect("first chunk applied");
	net.with(|| {
		let r = pallet_unlearning::Requests::<Test>::get(request).unwrap();
		assert_eq!(r.status, pallet_unlearning::RequestStatus::InProgress);
		assert!(!applied());
	});
	// Two of four members go down: no chunk can be signed, nothing half-applied.
	set_online(&[11, 12]);
	let stuck = net.with(redacted_models_now);
	assert_eq!(net.run_until(12, || whole_chunks() > stuck), None);
	// The node restarts having lost its off-chain storage and pool; the members come back.
	net.restart_node();
	set_online(&MEMBERS);
	net.run_until(40, || {
		whole_chunks();
		applied()
	})
	.expect("every chunk applied");
	net.with(|| {
		assert_eq!(redacted_models(N), N as usize);
		for tx in 0..N {
			let live = pallet_live_chain::Txs::<Test>::get(tx).unwrap();
			assert_eq!(live.uri.to_vec(), model_uri(&format!("unlearned-{tx}")));
			assert_eq!(pallet_model_archive::Pallet::<Test>::lineage(tx).len(), 2);
		}
		let chunks: Vec<(u32, u32, u32)> = events()
			.into_iter()
			.filter_map(|e| match e {
				Event::ChunkApplied { chunk, chunks, models, .. } => Some((chunk, chunks, models)),
				_ => None,
			})
			.collect();
		assert_eq!(chunks, vec![(0, 3, 8), (1, 3, 7), (2, 3, 4)]);
		let proposed = events().iter().filter(|e| matches!(e, Event::RedactionProposed { .. })).count();
		assert_eq!(proposed, 1, "one approval");
		// Each chunk and each retry was signed in its own attempt: no nonce record is
		// ever asked for twice.
		let attempts = signed_attempts();
		assert!(attempts.windows(2).all(|w| w[0] < w[1]), "{attempts:?}");
		let r = pallet_unlearning::Requests::<Test>::get(request).unwrap();
		assert_eq!((r.status, r.rounds, r.done.len()), (pallet_unlearning::RequestStatus::Completed, 3, N as usize));
		assert!(Proposals::<Test>::get(0).is_none());
		assert_eq!(PendingChunks::<Test>::iter_prefix(0).count(), 0);
		assert_eq!(SignCommitments::<Test>::iter_prefix(0).count(), 0);
	});
}

/// [`redacted_models`] of the whole DAG.
fn redacted_models_now() -> usize {
	redacted_models(pallet_live_chain::NextTxId::<Test>::get())
}

/// A round-1 message sent ahead for proposal 0's chunk `chunk` at `attempt`, with `n`
/// copies of the valid point `point`.
fn commit_ahead(chunk: u32, attempt: u32, n: usize, point: [u8; 32]) -> Message {
	Message::SignCommitAhead { proposal: 0, chunk, attempt, commitments: vec![(point, point); n] }
}

/// Runs twelve blocks of a chunked proposal over `n` models; every block leaves a count of
/// redacted models in `whole` (whole chunks only), all `n` at the end. Returns the blocks
/// in which a chunk was applied.
fn blocks_applying_chunks(net: &mut TestNet, n: u64, whole: &[usize]) -> Vec<u64> {
	let mut applied_in = Vec::new();
	let mut done = 0;
	for _ in 0..12 {
		net.block();
		let (now, redacted) = net.with(|| (System::block_number(), redacted_models(n)));
		assert!(whole.contains(&redacted), "{redacted} models redacted: half a chunk");
		if redacted > done {
			applied_in.push(now);
			done = redacted;
		}
	}
	assert_eq!(done, n as usize);
	applied_in
}

#[test]
fn pipelined_chunks_are_applied_one_per_block_with_commitments_sent_ahead() {
	const N: u64 = 19; // chunks of 8, 7 and 4 models
	let (mut net, _) = chunked_net(N);
	net.with(|| {
		let p = Proposals::<Test>::get(0).unwrap();
		assert!(Pallet::<Test>::pipelined(&p, 3), "the mock's chunks are pipelined at t = 3");
		// The next chunk's length is known before it is signed: 7 models and the headers
		// of their 4 live blocks.
		assert_eq!(Pallet::<Test>::next_items(0, &p), Some(7 + 4));
	});
	let applied_in = blocks_applying_chunks(&mut net, N, &[0, 8, 15, 19]);
	// Round 1 and round 2 of the first chunk take a block each; every later chunk one
	// block: its round 1 was closed by the chunk before's completing share.
	assert_eq!(applied_in.len(), 3, "{applied_in:?}");
	assert!(applied_in.windows(2).all(|w| w[1] == w[0] + 1), "chunks applied in blocks {applied_in:?}");
	net.with(|| {
		assert!(applied());
		assert_eq!(AheadCommitments::<Test>::iter_prefix(0).count(), 0);
		assert!(NextHeights::<Test>::get(0).is_none());
		// Each chunk still signed in its own attempt, no attempt signed twice.
		let attempts = signed_attempts();
		assert_eq!(attempts, vec![0, 1, 2]);
	});
}

/// Dispatches `calls` here, as a block would; returns the last one's actual weight.
fn dispatch_all(calls: &[crate::Call<Test>]) -> Option<frame_support::weights::Weight> {
	use sp_runtime::traits::ValidateUnsigned;
	calls
		.iter()
		.map(|call| {
			assert_ok!(Threshold::pre_dispatch(call));
			RuntimeCall::Threshold(call.clone()).dispatch(RuntimeOrigin::none()).unwrap().actual_weight
		})
		.last()
		.flatten()
}

#[test]
fn a_pipelined_chunk_is_charged_the_next_round_one_only_when_it_closes_it() {
	use crate::costs;
	// The completing share of chunk 0 (8 models in 4 live blocks) applies it and takes
	// chunk 1; the commitments sent ahead close chunk 1's round 1 only when `t` came.
	let completed = |sent_ahead: usize| {
		let (mut net, _) = chunked_net(19);
		let calls = pending_calls(&mut net, |m| {
			matches!(m, Message::SignShare { .. } | Message::SignCommitAhead { .. })
		});
		let (shares, ahead): (Vec<_>, Vec<_>) = calls.into_iter().partition(
			|c| matches!(c, Call::submit { submission, .. } if matches!(submission.message, Message::SignShare { .. })),
		);
		// The three signers' shares; every member's commitments for the next chunk.
		assert_eq!((shares.len(), ahead.len()), (3, 4));
		net.with(|| {
			let p = Proposals::<Test>::get(0).unwrap();
			let applied = costs::sign_share_weight::<Test>(costs::charged::<Test>(p.items(), p.updates.len()), 3)
				.saturating_add(costs::next_chunk_weight::<Test>(8));
			dispatch_all(&ahead[..sent_ahead]);
			let used = dispatch_all(&shares).expect("the completing share reports its weight");
			assert_eq!(redacted_models(19), 8);
			let p = Proposals::<Test>::get(0).unwrap();
			assert_eq!(p.chunk, 1);
			(used, applied, matches!(p.phase, SignPhase::Sign { .. }))
		})
	};
	let db: frame_support::weights::RuntimeDbWeight =
		<<Test as frame_system::Config>::DbWeight as frame_support::traits::Get<_>>::get();
	// Two of three: chunk 1 waits for its commitments; no packages built, none charged.
	let (used, applied, closed) = completed(2);
	assert!(!closed);
	assert_eq!(used, applied.saturating_add(db.reads(3)));
	// Three: chunk 1's round 1 closed in the same message, charged its packages.
	let (used, applied, closed) = completed(3);
	assert!(closed);
	assert_eq!(used, applied.saturating_add(costs::ahead_weight::<Test>(8, 3)));
}

#[test]
fn chunks_are_cut_as_large_as_the_keys_threshold_can_sign_one_per_block() {
	const N: u64 = 19;
	// A runtime allowing chunks of 12: the mock's key (t = 3) pipelines them.
	MaxChunk::set(12);
	assert_eq!(crate::costs::chunk_len::<Test>(3), 12);
	let (mut net, _) = chunked_net(N);
	net.with(|| {
		let p = Proposals::<Test>::get(0).unwrap();
		// 12, then 3, then the last of `MaxFinalChunk` = 4.
		assert_eq!((p.chunk_size, p.chunks, p.updates.len()), (12, 3, 12));
		assert_eq!(PendingChunks::<Test>::get(0, 1).unwrap().len(), 3);
		assert_eq!(PendingChunks::<Test>::get(0, 2).unwrap().len(), 4);
	});
	let applied_in = blocks_applying_chunks(&mut net, N, &[0, 12, 15, 19]);
	assert!(applied_in.windows(2).all(|w| w[1] == w[0] + 1), "chunks applied in blocks {applied_in:?}");
	net.with(|| assert!(applied()));
	MaxChunk::set(8);
}

#[test]
fn a_resharing_to_a_key_that_cannot_sign_the_chunks_drops_the_proposal_and_it_is_proposed_again() {
	const N: u64 = 19;
	MaxChunk::set(12);
	let (mut net, request) = chunked_net(N);
	// The new key can sign chunks of 8 at most (here: the runtime's bound lowered).
	MaxChunk::set(8);
	net.with(|| {
		System::reset_events();
		Pallet::<Test>::move_queue_to(1);
		assert!(events().iter().any(|e| matches!(
			e,
			Event::ProposalDropped { proposal: 0, error }
				if *error == Error::<Test>::ChunkTooLargeForKey.into()
		)));
		assert!(Proposals::<Test>::get(0).is_none() && Queue::<Test>::get().is_empty());
		assert_eq!(PendingChunks::<Test>::iter_prefix(0).count(), 0);
		assert_eq!(redacted_models(N), 0, "nothing applied");
		// The requester proposes the rest again, cut for the key: 8, 7, 4.
		assert_ok!(Threshold::propose_redaction(RuntimeOrigin::signed(BOB), request));
		let p = Proposals::<Test>::get(1).unwrap();
		assert_eq!((p.chunk_size, p.chunks), (8, 3));
		// A proposal the new key can sign is moved, not dropped.
		System::reset_events();
		Pallet::<Test>::move_queue_to(1);
		assert!(events().iter().any(|e| matches!(e, Event::ProposalMoved { proposal: 1, epoch: 1 })));
		assert!(Proposals::<Test>::get(1).is_some());
	});
}

#[test]
fn the_heads_timeout_check_is_charged_its_chunks_submissions_and_a_drop() {
	let (mut net, _) = chunked_net(19);
	net.with(|| {
		// Checked, not dropped nor restarted; charged the bound (`limits.rs` shows what it
		// covers with the runtime's database weights).
		let weight = Threshold::signing_timeout(0, System::block_number());
		assert_eq!(weight, crate::costs::timeout_check_weight::<Test>());
		assert_eq!(Proposals::<Test>::get(0).map(|p| p.attempt), Some(0));
	});
}

#[test]
fn bad_commitments_sent_ahead_are_refused_without_state_change() {
	let (mut net, _) = chunked_net(19);
	let base = blockful_chameleon::dev_public_key().0;
	let items = 7 + 4; // the next chunk: 7 models and the headers of their 4 live blocks
	net.with(|| {
		// Round 1 of chunk 0: nothing to send ahead yet.
		assert_noop!(dispatch_as(11, commit_ahead(1, 1, items, base)), Error::<Test>::WrongPhase);
	});
	net.run_until(5, || events().iter().any(|e| matches!(e, Event::SignersChosen { .. })))
		.unwrap();
	set_online(&[]);
	net.with(|| {
		assert!(matches!(Proposals::<Test>::get(0).unwrap().phase, SignPhase::Sign { .. }));
		// Not the next chunk, not the next attempt, the wrong length, identity points, a
		// stranger.
		assert_noop!(dispatch_as(11, commit_ahead(2, 1, items, base)), Error::<Test>::WrongAttempt);
		assert_noop!(dispatch_as(11, commit_ahead(1, 2, items, base)), Error::<Test>::WrongAttempt);
		assert_noop!(dispatch_as(11, commit_ahead(1, 1, items - 1, base)), Error::<Test>::WrongItemCount);
		assert_noop!(
			dispatch_as(11, commit_ahead(1, 1, items, [0u8; 32])),
			Error::<Test>::InvalidNonceCommitment
		);
		assert_noop!(dispatch_as(99, commit_ahead(1, 1, items, base)), Error::<Test>::NotMember);
		// A banned member sends nothing ahead.
		Proposals::<Test>::mutate(0, |p| p.as_mut().unwrap().banned.push(4));
		assert_noop!(dispatch_as(14, commit_ahead(1, 1, items, base)), Error::<Test>::Excluded);
		// Once only.
		assert_ok!(dispatch_as(11, commit_ahead(1, 1, items, base)));
		assert_noop!(dispatch_as(11, commit_ahead(1, 1, items, base)), Error::<Test>::AlreadySubmitted);
		assert_eq!(AheadCommitments::<Test>::iter_prefix(0).count(), 1);
		// A restart of the current chunk voids what was sent ahead for the next.
		let p = Proposals::<Test>::get(0).unwrap();
		Pallet::<Test>::restart(0, p);
		assert_eq!(AheadCommitments::<Test>::iter_prefix(0).count(), 0);
		assert_noop!(dispatch_as(12, commit_ahead(1, 1, items, base)), Error::<Test>::WrongAttempt);
	});
}

#[test]
fn a_last_chunk_has_nothing_to_commit_ahead_for() {
	let (net, _) = proposed_net();
	let mut net = net;
	net.run_until(5, || events().iter().any(|e| matches!(e, Event::SignersChosen { .. })))
		.unwrap();
	set_online(&[]);
	net.with(|| {
		let p = Proposals::<Test>::get(0).unwrap();
		assert!(p.is_last_chunk() && !Pallet::<Test>::pipelined(&p, 3));
		assert_eq!(Pallet::<Test>::next_items(0, &p), None);
		let base = blockful_chameleon::dev_public_key().0;
		assert_noop!(dispatch_as(11, commit_ahead(1, 1, 2, base)), Error::<Test>::WrongPhase);
	});
}
