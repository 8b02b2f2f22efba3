//! The attacks of issue 24, each reproduced against the mock with the members' off-chain
//! workers running for real: a member slow past the old two-block complaint window, a
//! `bkfe` key inserted that sorts first, an answer from another fork, a removed member
//! signing, a replayed complaint, messages signed for another chain, 100 blocks with 2 of 4
//! members online, committees of 16 and 32 (genesis DKG, a full-size redaction, resharing
//! at 16), sizes outside the allowed range, a committee veto, a requester holding the
//! queue, a block flooded with member messages. The fork test sends one fork's shares on
//! the other: stale, never a mark against the sender.

use crate::{mock::*, offchain, pallet::*, tests::*, types::*, Error, Event};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	pallet_prelude::InvalidTransaction,
	traits::OffchainWorker,
};
use sp_core::offchain::StorageKind;
use sp_runtime::{
	testing::UintAuthorityId,
	traits::{Dispatchable, ValidateUnsigned},
	transaction_validity::TransactionSource,
	RuntimeAppPublic,
};

/// Replaces the chain's state with `state` (a block's [`chain_state`], to return to on a
/// re-org; the node's offchain storage stays, as on a real re-org).
fn restore(state: &[(Vec<u8>, Vec<u8>)]) {
	for (k, _) in chain_state() {
		sp_io::storage::clear(&k);
	}
	for (k, v) in state {
		sp_io::storage::set(k, v);
	}
}

/// Pauses (or resumes) members' workers with the node's per-member flag.
fn pause(members: &[u64], paused: bool) {
	for m in members {
		let key = offchain::member_paused_key(m);
		if paused {
			sp_io::offchain::local_storage_set(StorageKind::PERSISTENT, &key, b"1");
		} else {
			sp_io::offchain::local_storage_clear(StorageKind::PERSISTENT, &key);
		}
	}
}

fn misbehaviour() -> Vec<u32> {
	MEMBERS.iter().map(Misbehaviour::<Test>::get).collect()
}

#[test]
fn a_member_slow_past_the_old_complaint_window_still_gets_a_usable_share() {
	let mut net = new_net(true);
	net.run_until(5, || Dkg::<Test>::get().is_some_and(|r| r.phase == DkgPhase::Share)).unwrap();
	// Dealer 14 sends an honest share to everybody but 12.
	let pool = net.pool.clone();
	net.with(|| {
		Threshold::offchain_worker(System::block_number());
		for raw in std::mem::take(&mut pool.write().transactions) {
			let xt: Extrinsic = codec::Decode::decode(&mut &raw[..]).unwrap();
			let RuntimeCall::Threshold(crate::Call::submit { submission, signature }) = xt.function
			else {
				panic!("unexpected call")
			};
			match submission.message {
				Message::DkgShare { epoch, mut shares } if submission.member.0 == 14 => {
					shares.iter_mut().find(|(j, _)| *j == 2).unwrap().1 = [9u8; 32];
					assert_ok!(submit_as(14, Message::DkgShare { epoch, shares }));
				},
				_ => {
					let call = crate::Call::<Test>::submit { submission, signature };
					assert!(Threshold::validate_unsigned(TransactionSource::Local, &call).is_ok());
					assert_ok!(RuntimeCall::Threshold(call).dispatch(RuntimeOrigin::none()));
				},
			}
		}
		next_block();
	});
	net.with(|| assert_eq!(Dkg::<Test>::get().unwrap().phase, DkgPhase::Confirm));
	// 12's node is down for the two blocks that used to be the whole complaint window; the
	// others confirm meanwhile, but the key waits for the phase's end.
	set_online(&[11, 13, 14]);
	net.block();
	net.block();
	net.with(|| {
		assert!(ActiveEpoch::<Test>::get().is_none(), "installed before the slow member spoke");
		assert_eq!(DkgConfirmed::<Test>::iter_key_prefix(0).count(), 3);
	});
	set_online(&MEMBERS);
	keygen(&mut net);
	net.with(|| {
		assert!(events().iter().any(|e| matches!(
			e,
			Event::DealerDisqualified { epoch: 0, dealer: 14, by: 12 }
		)));
		let key = Keys::<Test>::get(0).unwrap();
		assert_eq!(key.qualified, vec![1, 2, 3]);
		assert_eq!(key.confirmed, vec![1, 2, 3, 4], "everyone proved a usable share");
		let share = offchain::key_share_of::<Test>(UintAuthorityId(12), node_secret(), 0).unwrap();
		assert_eq!(Some(&share.verifying_share()), key.package.verification_share(2));
	});
	// And 12 signs: with the cheater down, the three others redact.
	set_online(&[11, 12, 13]);
	let request = net.with(models_and_request);
	net.with(|| propose(request));
	net.run_until(10, applied).expect("applied by 11, 12, 13");
}

#[test]
fn a_member_that_never_confirms_is_named_and_the_key_keeps_its_margin() {
	let mut net = new_net(true);
	net.run_until(8, || Dkg::<Test>::get().is_some_and(|r| r.phase == DkgPhase::Confirm)).unwrap();
	set_online(&[11, 12, 13]);
	keygen(&mut net);
	net.with(|| {
		let key = Keys::<Test>::get(0).unwrap();
		assert_eq!(key.qualified, vec![1, 2, 3, 4]);
		assert_eq!(key.confirmed, vec![1, 2, 3]);
		assert!(events().contains(&Event::Unconfirmed { epoch: 0, members: vec![14] }));
	});
}

#[test]
fn a_lower_sorting_bkfe_key_inserted_later_changes_nothing() {
	let mut net = new_net(true);
	keygen(&mut net);
	// Key 5 sorts before the node's `bkfe` key 11 (an `author_rotateKeys`, an insert).
	set_online(&[5, 11, 12, 13, 14]);
	let request = net.with(models_and_request);
	net.with(|| {
		assert_eq!(BoundSecretKeys::<Test>::get(11), Some(UintAuthorityId(11).to_raw_vec()));
		propose(request);
	});
	net.run_until(10, applied).expect("the members still sign with the bound key");
	net.with(assert_redacted);
}

#[test]
fn an_answer_made_on_another_fork_is_not_punished() {
	let mut net = new_net(true);
	keygen(&mut net);
	let request = net.with(models_and_request);
	net.with(|| {
		propose(request);
		pause(&[13, 14], true);
	});
	// The common prefix: 11 and 12 committed (2 of 3).
	net.block();
	let common = net.with(|| {
		assert_eq!(SignCommitments::<Test>::iter_key_prefix(0).count(), 2);
		chain_state()
	});
	// Fork A: 13 commits (signers 1, 2, 3), then 11 and 12 answer its packages.
	net.with(|| {
		pause(&[11, 12], true);
		pause(&[13], false);
	});
	net.block();
	net.with(|| {
		assert!(matches!(Proposals::<Test>::get(0).unwrap().phase, SignPhase::Sign { ref signers, .. } if signers == &vec![1, 2, 3]));
		pause(&[13], true);
		pause(&[11, 12], false);
	});
	// 11 and 12 answer fork A's packages; their messages are kept, as a peer or a block
	// author of fork A would keep them, to be sent again on fork B.
	let pool = net.pool.clone();
	let fork_a_shares = net.with(|| {
		Threshold::offchain_worker(System::block_number());
		let raw = std::mem::take(&mut pool.write().transactions);
		for tx in &raw {
			let call = threshold_call(tx);
			assert!(Threshold::validate_unsigned(TransactionSource::Local, &call).is_ok());
			assert_ok!(RuntimeCall::Threshold(call).dispatch(RuntimeOrigin::none()));
		}
		next_block();
		raw
	});
	net.with(|| assert_eq!(SignShares::<Test>::iter_key_prefix(0).count(), 2));
	assert_eq!(fork_a_shares.len(), 2);
	// Re-org onto fork B from the common prefix: 14 commits instead (signers 1, 2, 4).
	net.with(|| {
		restore(&common);
		pause(&[13], true);
		pause(&[11, 12, 14], false);
	});
	net.pool.write().transactions.clear();
	let fork_b_packages = || {
		matches!(Proposals::<Test>::get(0).map(|p| p.phase), Some(SignPhase::Sign { ref signers, .. }) if signers == &vec![1, 2, 4])
	};
	net.run_until(3, fork_b_packages).expect("fork B's signing packages");
	// Fork A's shares sent on fork B: stale in the pool (never included), and refused in
	// dispatch without a mark against 11 or 12.
	net.with(|| {
		for tx in &fork_a_shares {
			let call = threshold_call(tx);
			assert_eq!(
				Threshold::validate_unsigned(TransactionSource::External, &call),
				Err(InvalidTransaction::Stale.into())
			);
			let result = RuntimeCall::Threshold(call).dispatch(RuntimeOrigin::none());
			assert_eq!(result.map_err(|e| e.error), Err(Error::<Test>::StalePackage.into()));
		}
		assert_eq!(misbehaviour(), vec![0, 0, 0, 0]);
	});
	net.run_until(30, applied).expect("fork B redacts");
	net.with(|| {
		assert!(!events().iter().any(|e| matches!(e, Event::InvalidPartialShare { .. })));
		assert_eq!(misbehaviour(), vec![0, 0, 0, 0], "nobody was punished for the other fork");
		assert_redacted();
	});
}

/// The threshold call inside a pool transaction.
fn threshold_call(raw: &[u8]) -> crate::Call<Test> {
	let xt: Extrinsic = codec::Decode::decode(&mut &raw[..]).unwrap();
	let RuntimeCall::Threshold(call) = xt.function else { panic!("unexpected call") };
	call
}

#[test]
fn a_removed_member_cannot_sign_and_the_queue_moves_to_the_new_committee() {
	let mut net = new_net(true);
	keygen(&mut net);
	let request = net.with(models_and_request);
	net.with(|| {
		propose(request);
		// The members withhold consent to redactions for now (they still re-share).
		sp_io::offchain::local_storage_set(StorageKind::PERSISTENT, offchain::WITHHOLD_KEY, b"1");
		// A membership motion removes 14 and adds 15: nobody starts anything by hand.
		CommitteeMembers::set(&vec![11, 12, 13, 15]);
		let _ = Balances::force_set_balance(RuntimeOrigin::root(), 15, 1_000);
		let items = Proposals::<Test>::get(0).unwrap().items();
		let base = blockful_chameleon::dev_public_key().0;
		assert_noop!(dispatch_as(14, sign_commit(0, items, base)), Error::<Test>::NotInCommittee);
	});
	set_online(&[11, 12, 13, 15]);
	net.run_until(20, || ActiveEpoch::<Test>::get() == Some(1)).expect("resharing by itself");
	net.with(|| {
		assert_eq!(Keys::<Test>::get(1).unwrap().members, vec![11, 12, 13, 15]);
		assert!(events().contains(&Event::ProposalMoved { proposal: 0, epoch: 1 }));
		assert_eq!(Proposals::<Test>::get(0).map(|p| p.epoch), Some(1));
		sp_io::offchain::local_storage_clear(StorageKind::PERSISTENT, offchain::WITHHOLD_KEY);
	});
	// 12 goes offline: the newcomer is needed to sign.
	set_online(&[11, 13, 15]);
	net.run_until(10, applied).expect("the new committee redacts the moved proposal");
	net.with(|| {
		assert!(events().iter().any(|e| matches!(
			e,
			Event::RedactionApplied { proposal: 0, signers, .. } if signers == &vec![1, 3, 4]
		)));
		assert_redacted();
	});
}

#[test]
fn a_replayed_complaint_counts_once() {
	let mut net = new_net(true);
	net.run_until(8, || Dkg::<Test>::get().is_some_and(|r| r.phase == DkgPhase::Confirm)).unwrap();
	net.with(|| {
		let channel =
			offchain::channel_of::<Test>(UintAuthorityId(11), node_secret(), 0).unwrap();
		let theirs = DkgCommitments::<Test>::get(0, 2).unwrap();
		let proof = channel.prove_shared_key(&theirs.channel, &Threshold::dkg_context(0)).unwrap();
		let complaint = Message::DkgComplain { epoch: 0, dealer: 2, proof };
		assert_ok!(submit_as(11, complaint.clone()));
		assert_eq!(Misbehaviour::<Test>::get(11), 1);
		assert_noop!(dispatch_as(11, complaint), Error::<Test>::AlreadySubmitted);
		assert_eq!(Misbehaviour::<Test>::get(11), 1);
	});
}

#[test]
fn a_message_signed_for_another_chain_or_without_the_tag_is_refused() {
	let mut net = new_net(true);
	keygen(&mut net);
	let request = net.with(models_and_request);
	net.with(|| {
		propose(request);
		let items = Proposals::<Test>::get(0).unwrap().items();
		let message = sign_commit(0, items, blockful_chameleon::dev_public_key().0);
		let other_chain = (MESSAGE_TAG, sp_core::H256::repeat_byte(7), &message).encode();
		for payload in [message.encode(), other_chain] {
			let signature = UintAuthorityId(11).sign(&payload).unwrap();
			let call = crate::Call::<Test>::submit {
				submission: Submission { member: UintAuthorityId(11), message: message.clone() },
				signature: signature.clone(),
			};
			assert_eq!(
				Threshold::validate_unsigned(TransactionSource::External, &call),
				Err(InvalidTransaction::BadProof.into())
			);
			assert_noop!(
				Threshold::submit(
					RuntimeOrigin::none(),
					Submission { member: UintAuthorityId(11), message: message.clone() },
					signature
				),
				Error::<Test>::BadSignature
			);
		}
	});
}

/// Number of keys in the chain's state.
fn state_keys() -> usize {
	chain_state().len()
}

#[test]
fn a_hundred_blocks_with_two_of_four_online_keep_state_and_nonces_bounded() {
	let (mut net, _) = proposed_net();
	set_online(&[11, 12]);
	for _ in 0..10 {
		net.block();
	}
	let (keys, first) = net.with(|| (state_keys(), Proposals::<Test>::get(0).unwrap().attempt));
	for _ in 0..90 {
		net.block();
	}
	net.with(|| {
		let attempt = Proposals::<Test>::get(0).unwrap().attempt;
		assert!(attempt >= first + 15, "attempts {first} → {attempt}");
		assert_eq!(state_keys(), keys, "the chain's state did not grow");
		for member in [11u64, 12] {
			let records = (0..=attempt)
				.filter(|a| {
					sp_io::offchain::local_storage_get(
						StorageKind::PERSISTENT,
						&offchain::nonce_key(&member, 0, 0, *a),
					)
					.is_some()
				})
				.count();
			assert!(records <= 1, "member {member} keeps {records} nonce records");
		}
	});
}

/// A committee of `n` (accounts 100…): genesis DKG, then a redaction of the whole DAG.
fn committee_of(n: u64) -> TestNet {
	let members: Vec<u64> = (100..100 + n).collect();
	let mut net = new_net_with(&members, true);
	net.run_until(40, || ActiveEpoch::<Test>::get().is_some()).expect("DKG finished");
	let t = threshold_for(n as u16);
	net.with(|| {
		let key = Keys::<Test>::get(0).unwrap();
		key.package.validate().unwrap();
		assert_eq!(key.package.threshold, t);
		assert_eq!(key.confirmed.len() as u64, n);
	});
	// A full-size redaction: a full chunk of the runtime's most models, then the final
	// chunk, each model in its own live block, so every transaction and every block needs
	// a collision.
	let full = u64::from(MaxUpdates::get());
	let size = full + u64::from(<<Test as Config>::MaxFinalChunk as frame_support::traits::Get<u32>>::get());
	let request = net.with(|| full_size_request(size));
	net.with(|| {
		submit(request, &(0..size).collect::<Vec<_>>());
		assert_ok!(Threshold::propose_redaction(RuntimeOrigin::signed(BOB), request));
		let p = Proposals::<Test>::get(0).unwrap();
		assert_eq!((p.items() as u64, p.chunks), (2 * full, 2));
	});
	net.run_until(40, applied).expect("redaction applied");
	net.with(|| {
		for tx in 0..size {
			let live = pallet_live_chain::Txs::<Test>::get(tx).unwrap();
			assert_eq!(live.uri.to_vec(), model_uri(&format!("unlearned-{tx}")));
		}
		assert!(LiveChain::verify_integrity().ok);
		assert!(events().iter().any(|e| matches!(
			e,
			Event::RedactionApplied { signers, .. } if signers.len() == usize::from(t)
		)));
	});
	net
}

/// A chain of `size` models m0 → m1 → …, each in its own live block, and a parallel
/// request on m0 (every model affected); returns the request id.
fn full_size_request(size: u64) -> u64 {
	for tx in 0..size {
		publish(&format!("m{tx}"), if tx == 0 { vec![] } else { vec![tx - 1] });
		next_block();
	}
	request_on_m0()
}

#[test]
fn a_committee_of_16_generates_its_key_redacts_and_reshares() {
	let mut net = committee_of(16);
	// A membership motion swaps member 115 for 200: the runtime re-shares the same key to
	// the new sixteen by itself.
	let (key, new_members) = net.with(|| {
		let mut members: Vec<u64> = (100..115).collect();
		members.push(200);
		let _ = Balances::force_set_balance(RuntimeOrigin::root(), 200, 1_000);
		CommitteeMembers::set(&members);
		(chain_key(), members)
	});
	let mut online = new_members.clone();
	online.push(115);
	set_online(&online);
	net.run_until(40, || ActiveEpoch::<Test>::get() == Some(1)).expect("resharing at n = 16");
	net.with(|| {
		let k = Keys::<Test>::get(1).unwrap();
		assert_eq!(k.members, new_members);
		assert_eq!(k.package.group_key, key, "the group key, and every model, stays valid");
		assert_eq!(k.package.threshold, threshold_for(16));
	});
}

#[test]
fn a_committee_of_32_generates_its_key_and_redacts() {
	committee_of(32);
}

#[test]
fn committees_outside_the_allowed_range_are_refused_without_a_panic() {
	let too_many: Vec<u64> = (100..133).collect();
	let mut net = new_net_with(&too_many, true);
	net.with(|| {
		assert!(Dkg::<Test>::get().is_none(), "no DKG for 33 members, and no panic");
		assert_noop!(Threshold::start_dkg(committee_origin()), Error::<Test>::BadCommittee);
	});
	// A working committee grows past the maximum: refused once, the old one keeps its key.
	let mut net = new_net(true);
	keygen(&mut net);
	net.with(|| {
		let mut grown = MEMBERS.to_vec();
		grown.extend(200..229);
		CommitteeMembers::set(&grown);
	});
	for _ in 0..3 {
		net.block();
	}
	net.with(|| {
		let refused: Vec<_> = events()
			.into_iter()
			.filter(|e| matches!(e, Event::ResharingRefused { .. }))
			.collect();
		assert_eq!(
			refused,
			vec![Event::ResharingRefused { members: 33, error: Error::<Test>::BadCommittee.into() }]
		);
		assert!(Dkg::<Test>::get().is_none());
		assert_eq!(ActiveEpoch::<Test>::get(), Some(0));
	});
}

#[test]
fn the_committee_can_reject_one_proposal() {
	let mut net = new_net(true);
	keygen(&mut net);
	let request = net.with(models_and_request);
	net.with(|| {
		propose(request);
		assert_noop!(
			Threshold::reject_proposal(RuntimeOrigin::signed(ALICE), 0),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Threshold::reject_proposal(committee_origin(), 9),
			Error::<Test>::UnknownProposal
		);
		assert_ok!(Threshold::reject_proposal(committee_origin(), 0));
		assert!(Queue::<Test>::get().is_empty());
		assert!(Proposals::<Test>::get(0).is_none());
		assert!(events().contains(&Event::ProposalDropped {
			proposal: 0,
			error: Error::<Test>::Rejected.into()
		}));
		assert!(pallet_unlearning::Requests::<Test>::contains_key(request), "the request stays");
	});
}

#[test]
fn one_requester_holds_at_most_its_share_of_the_queue() {
	let mut net = new_net(true);
	keygen(&mut net);
	net.with(|| {
		let first = models_and_request();
		propose(first);
		let tx = publish("m9", vec![]);
		next_block();
		assert_ok!(pallet_unlearning::Pallet::<Test>::request_unlearning(
			RuntimeOrigin::signed(ALICE),
			vec![tx].try_into().unwrap(),
			vec![1].try_into().unwrap(),
			pallet_unlearning::Paradigm::Parallel,
		));
		let second = pallet_unlearning::NextRequestId::<Test>::get() - 1;
		submit(second, &[tx]);
		assert_noop!(
			Threshold::propose_redaction(RuntimeOrigin::signed(BOB), second),
			Error::<Test>::TooManyQueued
		);
	});
}

#[test]
fn a_block_holds_at_most_max_messages_per_block_member_messages() {
	let mut net = new_net(true);
	net.with(|| {
		Threshold::offchain_worker(System::block_number());
	});
	let raw = net.pool.read().transactions[0].clone();
	net.with(|| {
		let xt: Extrinsic = codec::Decode::decode(&mut &raw[..]).unwrap();
		let RuntimeCall::Threshold(call) = xt.function else { panic!("unexpected call") };
		MessagesInBlock::<Test>::put(MAX_MESSAGES);
		assert_eq!(
			Threshold::pre_dispatch(&call),
			Err(InvalidTransaction::ExhaustsResources.into())
		);
		next_block();
		assert_eq!(MessagesInBlock::<Test>::get(), 0);
		assert_eq!(Threshold::pre_dispatch(&call), Ok(()));
	});
}

/// The signers' round-2 calls waiting in the pool (taken out of it), each as
/// `(member, package, shares)`.
fn taken_shares(net: &mut TestNet) -> Vec<(u64, [u8; 32], Vec<[u8; 32]>)> {
	let calls = pending_shares(net);
	net.pool.write().transactions.clear();
	calls
		.into_iter()
		.map(|call| match call {
			crate::Call::submit {
				submission: Submission { member, message: Message::SignShare { package, shares, .. } },
				..
			} => (member.0, package, shares),
			other => panic!("not a share: {other:?}"),
		})
		.collect()
}

/// One signer's shares are honest but for collision `item`, replaced by `bad`; the three
/// signers' messages are dispatched in order. Returns the tampering member.
fn one_bad_share(net: &mut TestNet, cheater: usize, item: usize, bad: impl Fn([u8; 32]) -> [u8; 32]) -> u64 {
	let mut answers = taken_shares(net);
	assert_eq!(answers.len(), 3, "the three signers' shares");
	answers[cheater].2[item] = bad(answers[cheater].2[item]);
	net.with(|| {
		for (m, package, shares) in &answers {
			let message = Message::SignShare { proposal: 0, attempt: 0, package: *package, shares: shares.clone() };
			assert_ok!(submit_as(*m, message));
		}
	});
	answers[cheater].0
}

/// A member's index in the current key.
fn index_in_key(m: u64) -> blockful_chameleon::threshold::MemberIndex {
	let key = Keys::<Test>::get(0).unwrap();
	Threshold::index_of(&key.members, &m).unwrap()
}

#[test]
fn a_share_wrong_at_one_later_collision_fails_its_sum_and_names_its_signer() {
	let (mut net, _) = proposed_net();
	// The first signer's share of collision 2 is off by one (still a valid scalar); its
	// other shares and everybody else's are honest. Shares are stored unchecked, so only
	// the completing message finds it: collisions 0 and 1 sum correctly, 2 does not.
	let cheater = one_bad_share(&mut net, 0, 2, |mut z| {
		z[0] ^= 1;
		z
	});
	net.with(|| {
		let index = index_in_key(cheater);
		assert!(events().contains(&Event::InvalidPartialShare { proposal: 0, member: cheater, item: 2 }));
		assert_eq!(Misbehaviour::<Test>::get(cheater), 1);
		assert_eq!(misbehaviour().iter().sum::<u32>(), 1, "only the cheater is marked");
		let p = Proposals::<Test>::get(0).unwrap();
		assert_eq!((p.attempt, p.banned.clone()), (1, vec![index]));
		assert!(!applied(), "no collision of the failed attempt is applied");
	});
	net.run_until(10, applied).expect("the honest members complete the next attempt");
	net.with(|| {
		assert_redacted();
		assert!(events().iter().any(|e| matches!(
			e,
			Event::RedactionApplied { proposal: 0, signers, attempts: 2, .. }
				if !signers.contains(&index_in_key(cheater))
		)));
	});
}

#[test]
fn a_share_that_is_no_scalar_sent_last_is_named_by_its_own_message() {
	let (mut net, _) = proposed_net();
	// The completing message itself carries a non-canonical scalar at collision 0.
	let cheater = one_bad_share(&mut net, 2, 0, |_| [0xff; 32]);
	net.with(|| {
		assert!(events().contains(&Event::InvalidPartialShare { proposal: 0, member: cheater, item: 0 }));
		assert_eq!(Misbehaviour::<Test>::get(cheater), 1);
		let p = Proposals::<Test>::get(0).unwrap();
		assert_eq!((p.attempt, p.banned.clone()), (1, vec![index_in_key(cheater)]));
		assert!(!applied());
	});
	net.run_until(10, applied).expect("the honest members complete the next attempt");
	net.with(assert_redacted);
}
