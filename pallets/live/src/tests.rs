//! Unit tests of the live chain: behaviour, every bad input, committee motions and a
//! property test over random publish/redact sequences.

use crate::{mock::*, testing, testing::DetRng, *};
use blockful_chameleon::{ChCheck, ChRandomness};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	dispatch::{GetDispatchInfo, Pays, PostDispatchInfo},
	BoundedVec,
};
use pallet_collective::{Instance1, RawOrigin as CollectiveOrigin};
use pallet_model_archive::{ArchiveReason, LineageLen, NextSeq, Records};
use sp_core::H256;
use sp_runtime::{
	traits::{BlakeTwo256, Hash},
	DispatchError,
};

type Updates = BoundedVec<TxUpdateOf<Test>, MaxUpdates>;
type Headers = BoundedVec<HeaderUpdate, MaxUpdates>;

/// `publish_model` with plain vectors (they must fit their bounds).
fn publish_call(
	origin: RuntimeOrigin,
	uri: Vec<u8>,
	refs: Vec<u64>,
	ch: ChCheck,
	rand: ChRandomness,
) -> frame_support::dispatch::DispatchResult {
	LiveChain::publish_model(origin, uri.try_into().unwrap(), refs.try_into().unwrap(), ch, rand)
}

/// A valid model URI: the CID of the raw block holding `label`'s bytes (distinct labels,
/// distinct CIDs).
fn cid(label: &str) -> Vec<u8> {
	testing::uri(label.as_bytes())
}

/// Publishes the URI `uri`, as it is, with `refs` as `who`; returns the new id.
fn publish_uri(who: AccountId, uri: &[u8], refs: &[u64]) -> u64 {
	let tx = NextTxId::<Test>::get();
	let (ch, rand) = testing::publish_args(uri, refs, tx);
	assert_ok!(publish_call(RuntimeOrigin::signed(who), uri.to_vec(), refs.to_vec(), ch, rand));
	tx
}

/// Publishes the CID of `label` with `refs` as `who`; returns the new id.
fn publish(who: AccountId, label: &str, refs: &[u64]) -> u64 {
	publish_uri(who, &cid(label), refs)
}

/// A 3-of-4 committee origin.
fn committee() -> RuntimeOrigin {
	CollectiveOrigin::<AccountId, Instance1>::Members(3, 4).into()
}

/// Valid `redact` arguments (collisions included) giving each `(tx, uri)` the URI `uri` as
/// it is.
fn redaction_to(changes: &[(u64, Vec<u8>)]) -> (Updates, Headers) {
	let (updates, headers) = testing::redaction::<Test>(changes, &mut DetRng::new(42));
	(updates.try_into().unwrap(), headers.try_into().unwrap())
}

/// Valid `redact` arguments giving each `(tx, label)` the CID of `label`.
fn redaction(changes: &[(u64, &str)]) -> (Updates, Headers) {
	let changes: Vec<(u64, Vec<u8>)> =
		changes.iter().map(|(tx, label)| (*tx, cid(label))).collect();
	redaction_to(&changes)
}

/// Two sealed live blocks: block 0 holds txs 0, 1 (ALICE), block 1 holds tx 2 (BOB) → 0, 1.
fn small_dag() {
	publish(ALICE, "a", &[]);
	publish(ALICE, "b", &[]);
	next_block();
	publish(BOB, "c", &[0, 1]);
	next_block();
}

/// Publish arguments with a valid CH of `(uri, refs)`, `uri` as it is (`&cid(label)` for a
/// valid one).
fn valid_publish_args(uri: &[u8], refs: &[u64]) -> (Vec<u8>, Vec<u64>, ChCheck, ChRandomness) {
	let (ch, rand) = testing::publish_args(uri, refs, 99);
	(uri.to_vec(), refs.to_vec(), ch, rand)
}

// ---------------------------------------------------------------------------------------
// Behaviour
// ---------------------------------------------------------------------------------------

#[test]
fn publish_model_works() {
	ExtBuilder::default().build_and_execute(|| {
		let tx = publish(ALICE, "a", &[]);
		assert_eq!(tx, 0);
		let live = Txs::<Test>::get(0).unwrap();
		assert_eq!(live.owner, ALICE);
		assert_eq!(live.uri.to_vec(), cid("a"));
		assert_eq!((live.version, live.height), (0, 0));
		assert_eq!(PendingTxs::<Test>::get().to_vec(), vec![0]);
		assert_eq!(NextTxId::<Test>::get(), 1);
		let record = Records::<Test>::get(0).unwrap();
		assert_eq!((record.tx, record.version, record.reason), (0, 0, ArchiveReason::Published));
		System::assert_last_event(
			Event::ModelPublished {
				tx: 0,
				owner: ALICE,
				uri: BoundedVec::truncate_from(cid("a")),
				height: 0,
			}
			.into(),
		);
		next_block();
	});
}

#[test]
fn transaction_ids_count_from_zero_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(publish(ALICE, "a", &[]), 0);
		assert_eq!(publish(BOB, "b", &[0]), 1);
		next_block();
		assert_eq!(publish(ALICE, "c", &[0, 1]), 2);
		next_block();
		assert_eq!(Txs::<Test>::get(2).unwrap().height, 1);
	});
}

#[test]
fn seal_block_works() {
	ExtBuilder::default().build_and_execute(|| {
		publish(ALICE, "a", &[]);
		publish(BOB, "b", &[]);
		next_block();
		let header = Blocks::<Test>::get(0).unwrap();
		assert_eq!(header.parent, H256::zero());
		assert_eq!(header.version, 0);
		assert_eq!(header.timestamp, 6_000);
		let leaves = [Txs::<Test>::get(0).unwrap().ch, Txs::<Test>::get(1).unwrap().ch];
		assert_eq!(header.merkle_root, merkle_root(&leaves));
		assert_ok!(blockful_chameleon::verify(
			&testing::dev_key(),
			&(0u64, 0u32).encode(),
			&header.r_curr,
			&header.ch_curr
		));
		assert_eq!(BlockTxs::<Test>::get(0).to_vec(), vec![0, 1]);
		assert!(PendingTxs::<Test>::get().is_empty());
		assert_eq!(NextHeight::<Test>::get(), 1);
		System::assert_has_event(
			Event::LiveBlockSealed { height: 0, txs: 2, merkle_root: header.merkle_root }.into(),
		);
	});
}

#[test]
fn empty_block_seals_nothing_works() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(5);
		assert_eq!(NextHeight::<Test>::get(), 0);
		assert!(Blocks::<Test>::get(0).is_none());
	});
}

#[test]
fn parent_links_chain_blocks_works() {
	ExtBuilder::default().build_and_execute(|| {
		small_dag();
		let first = Blocks::<Test>::get(0).unwrap();
		let second = Blocks::<Test>::get(1).unwrap();
		assert_eq!(second.parent, header_hash(&first));
		assert!(second.timestamp > first.timestamp);
		assert!(LiveChain::verify_integrity().ok);
	});
}

#[test]
fn merkle_root_of_odd_leaf_count_works() {
	let leaves: Vec<ChCheck> = (0..5u8).map(|i| ChCheck([i; 32])).collect();
	let root = merkle_root(&leaves);
	assert_ne!(root, H256::zero());
	assert_ne!(root, merkle_root(&leaves[..4]));
	assert_eq!(merkle_root(&[]), H256::zero());
}

#[test]
fn redact_works() {
	ExtBuilder::default().build_and_execute(|| {
		small_dag();
		let old = Txs::<Test>::get(2).unwrap();
		let (updates, headers) = redaction(&[(2, "c-clean")]);
		assert_ok!(LiveChain::redact(committee(), 0, updates, headers));

		let live = Txs::<Test>::get(2).unwrap();
		assert_eq!(live.uri.to_vec(), cid("c-clean"));
		assert_eq!(live.version, 1);
		assert_eq!((live.ch, live.refs.clone(), live.owner), (old.ch, old.refs.clone(), BOB));
		assert_eq!(Blocks::<Test>::get(1).unwrap().version, 1);
		assert_eq!(Blocks::<Test>::get(0).unwrap().version, 0);
		// The new version is archived as it becomes live: versions 0 and 1, once each.
		let seq = NextSeq::<Test>::get() - 1;
		let record = Records::<Test>::get(seq).unwrap();
		assert_eq!(record.uri, live.uri);
		assert_eq!(record.rand, live.rand);
		assert_eq!((record.tx, record.version), (2, 1));
		assert_eq!(record.reason, ArchiveReason::Redacted { request: 0 });
		assert_eq!(LineageLen::<Test>::get(2), 2);
		let lineage = LiveChain::api_lineage(2).unwrap();
		assert_eq!(lineage.iter().map(|r| r.version).collect::<Vec<_>>(), vec![0, 1]);
		assert_eq!(lineage[0].uri, old.uri.to_vec());
		System::assert_has_event(
			Event::ModelRedacted {
				tx: 2,
				version: 1,
				uri: BoundedVec::truncate_from(cid("c-clean")),
				archived: seq,
			}
			.into(),
		);
		System::assert_has_event(Event::LiveBlockRedacted { height: 1, version: 1 }.into());
		System::assert_last_event(Event::Redacted { request: 0, txs: 1, blocks: 1 }.into());
	});
}

#[test]
fn redact_many_models_over_blocks_works() {
	ExtBuilder::default().build_and_execute(|| {
		small_dag();
		let (updates, headers) = redaction(&[(0, "x0"), (1, "x1"), (2, "x2")]);
		assert_eq!(headers.len(), 2);
		assert_ok!(LiveChain::redact(committee(), 0, updates, headers));
		assert_eq!(Blocks::<Test>::get(0).unwrap().version, 1);
		// Redacting again bumps the versions again.
		let (updates, headers) = redaction(&[(0, "y0")]);
		assert_ok!(LiveChain::redact(committee(), 0, updates, headers));
		assert_eq!(Txs::<Test>::get(0).unwrap().version, 2);
		assert_eq!(Blocks::<Test>::get(0).unwrap().version, 2);
		assert_eq!(LineageLen::<Test>::get(0), 3);
		assert_eq!(LiveChain::api_lineage(0).unwrap().len(), 3);
	});
}

#[test]
fn redact_reports_actual_weight_works() {
	ExtBuilder::default().build_and_execute(|| {
		small_dag();
		let (updates, headers) = redaction(&[(0, "x0"), (1, "x1")]);
		let post = LiveChain::redact(committee(), 0, updates, headers).unwrap();
		assert_eq!(
			post,
			PostDispatchInfo {
				actual_weight: Some(LiveChain::redact_weight(2, 1)),
				pays_fee: Pays::Yes
			}
		);
	});
}

#[test]
fn redact_by_three_of_four_motion_works() {
	ExtBuilder::default().build_and_execute(|| {
		small_dag();
		let (updates, headers) = redaction(&[(2, "c-motion")]);
		let call = RuntimeCall::LiveChain(crate::Call::redact { request: 0, updates, headers });
		let len = call.encoded_size() as u32;
		let weight = call.get_dispatch_info().call_weight;
		let hash = BlakeTwo256::hash_of(&call);
		assert_ok!(Committee::propose(RuntimeOrigin::signed(11), 3, Box::new(call), len));
		for member in [11, 12, 13] {
			assert_ok!(Committee::vote(RuntimeOrigin::signed(member), hash, 0, true));
		}
		assert_ok!(Committee::close(RuntimeOrigin::signed(11), hash, 0, weight, len));
		assert_eq!(Txs::<Test>::get(2).unwrap().version, 1);
		assert_eq!(Txs::<Test>::get(2).unwrap().uri.to_vec(), cid("c-motion"));
	});
}

#[test]
fn redact_by_two_of_four_motion_is_not_applied() {
	ExtBuilder::default().build_and_execute(|| {
		small_dag();
		let (updates, headers) = redaction(&[(2, "c-motion")]);
		let call = RuntimeCall::LiveChain(crate::Call::redact { request: 0, updates, headers });
		let len = call.encoded_size() as u32;
		let weight = call.get_dispatch_info().call_weight;
		let hash = BlakeTwo256::hash_of(&call);
		assert_ok!(Committee::propose(RuntimeOrigin::signed(11), 2, Box::new(call), len));
		for member in [11, 12] {
			assert_ok!(Committee::vote(RuntimeOrigin::signed(member), hash, 0, true));
		}
		assert_ok!(Committee::close(RuntimeOrigin::signed(11), hash, 0, weight, len));
		System::assert_has_event(
			pallet_collective::Event::<Test, Instance1>::Executed {
				proposal_hash: hash,
				result: Err(DispatchError::BadOrigin),
			}
			.into(),
		);
		assert_eq!(Txs::<Test>::get(2).unwrap().version, 0);
	});
}

#[test]
fn descendants_and_live_model_api_works() {
	ExtBuilder::default().build_and_execute(|| {
		small_dag();
		publish(ALICE, "d", &[2]);
		publish(ALICE, "e", &[1]);
		next_block();
		assert_eq!(LiveChain::api_descendants(0), Ok(vec![2, 3]));
		assert_eq!(LiveChain::api_descendants(1), Ok(vec![2, 3, 4]));
		assert_eq!(LiveChain::api_descendants(3), Ok(vec![]));
		assert_eq!(LiveChain::api_descendants(9), Err(QueryError::UnknownTx));
		assert_eq!(LiveChain::affected_set(&[0, 4], 10), Ok(vec![0, 2, 3, 4]));
		assert_eq!(LiveChain::affected_set(&[1], 3), Err(AffectedError::TooMany));
		let model = LiveChain::api_live_model(2).unwrap();
		assert_eq!((model.owner, model.refs, model.height), (BOB, vec![0, 1], 1));
		assert_eq!(LiveChain::api_live_model(9), Err(QueryError::UnknownTx));
		assert_eq!(LiveChain::api_lineage(9), Err(QueryError::UnknownTx));
	});
}

#[test]
fn verify_integrity_detects_tampering_works() {
	ExtBuilder::default().build().execute_with(|| {
		small_dag();
		assert!(LiveChain::verify_integrity().ok);
		// Someone rewrites a URI without a collision.
		Txs::<Test>::mutate(0, |t| t.as_mut().unwrap().uri = BoundedVec::truncate_from(cid("evil")));
		// And bumps a header without adapting it.
		Blocks::<Test>::mutate(1, |b| b.as_mut().unwrap().version = 5);
		let report = LiveChain::verify_integrity();
		assert!(!report.ok);
		assert_eq!((report.txs_checked, report.blocks_checked), (3, 2));
		assert!(report.failures.contains(&IntegrityFailure::TxCheck { tx: 0 }));
		assert!(report.failures.contains(&IntegrityFailure::HeaderCheck { height: 1 }));
		assert!(LiveChain::do_try_state().is_err());
	});
}

#[test]
fn verify_integrity_detects_broken_parent_and_merkle_works() {
	ExtBuilder::default().build().execute_with(|| {
		small_dag();
		Blocks::<Test>::mutate(0, |b| b.as_mut().unwrap().merkle_root = H256::repeat_byte(1));
		let report = LiveChain::verify_integrity();
		assert!(report.failures.contains(&IntegrityFailure::MerkleRoot { height: 0 }));
		// Changing an immutable header field breaks the next block's parent link.
		assert!(report.failures.contains(&IntegrityFailure::ParentLink { height: 1 }));
	});
}

// ---------------------------------------------------------------------------------------
// Bad input: publish
// ---------------------------------------------------------------------------------------

#[test]
fn publish_unknown_ref_fails() {
	ExtBuilder::default().build_and_execute(|| {
		publish(ALICE, "a", &[]);
		let (uri, refs, ch, rand) = valid_publish_args(&cid("b"), &[0, 7]);
		assert_noop!(
			publish_call(RuntimeOrigin::signed(ALICE), uri, refs, ch, rand),
			Error::<Test>::UnknownRef
		);
	});
}

#[test]
fn publish_future_ref_fails() {
	ExtBuilder::default().build_and_execute(|| {
		// The id the model itself would get: a self-reference (cycle) is unknown too.
		let (uri, refs, ch, rand) = valid_publish_args(&cid("a"), &[0]);
		assert_noop!(
			publish_call(RuntimeOrigin::signed(ALICE), uri, refs, ch, rand),
			Error::<Test>::UnknownRef
		);
	});
}

#[test]
fn publish_duplicate_ref_fails() {
	ExtBuilder::default().build_and_execute(|| {
		publish(ALICE, "a", &[]);
		let (uri, refs, ch, rand) = valid_publish_args(&cid("b"), &[0, 0]);
		assert_noop!(
			publish_call(RuntimeOrigin::signed(ALICE), uri, refs, ch, rand),
			Error::<Test>::DuplicateRef
		);
	});
}

/// The SCALE bytes of a `LiveChain::publish_model` call with plain vectors, as a client
/// that ignores the bounds would send them.
fn publish_call_bytes(uri: &[u8], refs: &[u64]) -> Vec<u8> {
	let (ch, rand) = testing::publish_args(&cid("a"), &[], 1);
	let mut bytes = vec![4u8, 0u8]; // pallet index of LiveChain in the mock, call index 0
	(uri.to_vec(), refs.to_vec(), ch, rand).encode_to(&mut bytes);
	bytes
}

#[test]
fn publish_too_many_refs_fails() {
	use codec::Decode;
	// Bounded arguments: a call with MaxRefs + 1 references does not even decode, so it
	// cannot enter a block; MaxRefs references do.
	let refs: Vec<u64> = (0..u64::from(MaxRefs::get())).collect();
	assert!(RuntimeCall::decode(&mut &publish_call_bytes(&cid("a"), &refs)[..]).is_ok());
	let too_many: Vec<u64> = (0..=u64::from(MaxRefs::get())).collect();
	assert!(RuntimeCall::decode(&mut &publish_call_bytes(&cid("a"), &too_many)[..]).is_err());
}

#[test]
fn publish_oversized_uri_fails() {
	use codec::Decode;
	// Decoding only: the bound is on bytes, whatever they are (a model CID is 59 of them).
	let fits = vec![b'b'; MaxUriLen::get() as usize];
	assert!(RuntimeCall::decode(&mut &publish_call_bytes(&fits, &[])[..]).is_ok());
	let long = vec![b'b'; MaxUriLen::get() as usize + 1];
	assert!(RuntimeCall::decode(&mut &publish_call_bytes(&long, &[])[..]).is_err());
}

#[test]
fn publish_without_deposit_fails() {
	ExtBuilder::default().build_and_execute(|| {
		let (uri, refs, ch, rand) = valid_publish_args(&cid("a"), &[]);
		assert_noop!(
			publish_call(RuntimeOrigin::signed(PAUPER), uri, refs, ch, rand),
			Error::<Test>::InsufficientDeposit
		);
	});
}

#[test]
fn publish_holds_model_deposit_works() {
	use frame_support::traits::fungible::InspectHold;
	ExtBuilder::default().build_and_execute(|| {
		publish(ALICE, "a", &[]);
		publish(ALICE, "b", &[0]);
		let reason: RuntimeHoldReason = HoldReason::ModelDeposit.into();
		assert_eq!(Balances::balance_on_hold(&reason, &ALICE), 2 * MODEL_DEPOSIT);
		// A redaction leaves the deposit where it is: the model still lives.
		next_block();
		let (updates, headers) = redaction(&[(0, "a2")]);
		assert_ok!(LiveChain::redact(committee(), 0, updates, headers));
		assert_eq!(Balances::balance_on_hold(&reason, &ALICE), 2 * MODEL_DEPOSIT);
	});
}

#[test]
fn verify_page_and_since_cover_what_they_say_works() {
	ExtBuilder::default().build_and_execute(|| {
		small_dag();
		run_to_block(5);
		let (updates, headers) = redaction(&[(2, "c2")]);
		assert_ok!(LiveChain::redact(committee(), 0, updates, headers));
		let page = LiveChain::verify_page(0, 2);
		assert!(page.ok, "{:?}", page.failures);
		assert_eq!((page.txs_checked, page.blocks_checked, page.next), (2, 1, Some(2)));
		let last = LiveChain::verify_page(2, 10);
		assert_eq!((last.txs_checked, last.next), (1, None));
		// Only tx 2 changed at block 5 or later.
		let since = LiveChain::verify_since(5);
		assert!(since.ok);
		assert_eq!((since.txs_checked, since.blocks_checked, since.archive_records_checked), (1, 1, 2));
		assert_eq!(LiveChain::verify_since(6).txs_checked, 0);
		// A tampered transaction is found by the page and the since check that cover it.
		Txs::<Test>::mutate(2, |t| t.as_mut().unwrap().uri = BoundedVec::truncate_from(cid("evil")));
		assert!(!LiveChain::verify_page(2, 1).ok);
		assert!(LiveChain::verify_page(0, 2).ok);
		assert!(!LiveChain::verify_since(5).ok);
		Txs::<Test>::mutate(2, |t| t.as_mut().unwrap().uri = BoundedVec::truncate_from(cid("c2")));
	});
}

#[test]
fn verify_since_pages_by_whole_blocks_works() {
	ExtBuilder::default().build_and_execute(|| {
		let b = System::block_number();
		small_dag(); // txs 0 and 1 at block b, tx 2 at b + 1
		publish(BOB, "d", &[2]);
		publish(BOB, "e", &[2]);
		next_block(); // txs 3 and 4 at b + 2
		// A page of one transaction still covers its first block whole; `next` is the
		// block the next page starts at.
		let first = LiveChain::verify_since_page(b, 1);
		assert!(first.ok, "{:?}", first.failures);
		assert_eq!((first.txs_checked, first.next, first.truncated), (2, Some(b + 1), false));
		let second = LiveChain::verify_since_page(b + 1, 1);
		assert_eq!((second.txs_checked, second.next), (1, Some(b + 2)));
		let third = LiveChain::verify_since_page(b + 2, 1);
		assert_eq!((third.txs_checked, third.next), (2, None));
		// A page large enough covers everything at once.
		let all = LiveChain::verify_since_page(b, 5);
		assert_eq!((all.txs_checked, all.next), (5, None));
		// A tampered transaction fails the page that covers it, not the others.
		Txs::<Test>::mutate(4, |t| t.as_mut().unwrap().uri = BoundedVec::truncate_from(cid("evil")));
		assert!(LiveChain::verify_since_page(b, 1).ok);
		let failed = LiveChain::verify_since_page(b + 2, 1);
		assert!(!failed.ok);
		assert!(failed.failures.iter().all(|f| matches!(
			f,
			IntegrityFailure::TxCheck { tx: 4 } | IntegrityFailure::LineageMismatch { tx: 4, .. }
		)));
		assert!(failed.failures.contains(&IntegrityFailure::TxCheck { tx: 4 }));
		Txs::<Test>::mutate(4, |t| t.as_mut().unwrap().uri = BoundedVec::truncate_from(cid("e")));
	});
}

#[test]
fn verify_integrity_cross_checks_archive_and_live_works() {
	ExtBuilder::default().build().execute_with(|| {
		small_dag();
		let (updates, headers) = redaction(&[(2, "c2")]);
		assert_ok!(LiveChain::redact(committee(), 0, updates, headers));
		assert!(LiveChain::verify_integrity().ok);
		// A live transaction whose URI and randomness are replaced by another valid opening
		// (as a collision-holding attacker could) no longer matches its newest archive
		// record: the record-to-live cross-check finds it although every CH verifies.
		let live = Txs::<Test>::get(2).unwrap();
		let rand = testing::collision(&live.ch, &cid("sneaky"), &live.refs, &mut DetRng::new(9));
		Txs::<Test>::mutate(2, |t| {
			let t = t.as_mut().unwrap();
			t.uri = BoundedVec::truncate_from(cid("sneaky"));
			t.rand = rand;
		});
		let report = LiveChain::verify_integrity();
		let seq = pallet_model_archive::Lineage::<Test>::get(2, 1).unwrap();
		assert_eq!(report.failures, vec![IntegrityFailure::LineageMismatch { tx: 2, seq }]);
		assert!(LiveChain::do_try_state().is_err());
	});
}

#[test]
fn publish_empty_uri_fails() {
	ExtBuilder::default().build_and_execute(|| {
		let (uri, refs, ch, rand) = valid_publish_args(b"", &[]);
		assert_noop!(
			publish_call(RuntimeOrigin::signed(ALICE), uri, refs, ch, rand),
			Error::<Test>::EmptyUri
		);
	});
}

#[test]
fn publish_malformed_uri_fails() {
	ExtBuilder::default().build_and_execute(|| {
		let (uri, refs, ch, rand) = valid_publish_args(b"bafy with space", &[]);
		assert_noop!(
			publish_call(RuntimeOrigin::signed(ALICE), uri, refs, ch, rand),
			Error::<Test>::MalformedUri
		);
	});
}

/// `uri` (a model CID) with the two spare low bits of its last character set: it decodes to
/// the same 36 bytes, but is not their canonical string.
fn with_trailing_bits(uri: &[u8]) -> Vec<u8> {
	const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";
	let mut uri = uri.to_vec();
	let last = uri.last_mut().unwrap();
	let value = ALPHABET.iter().position(|c| *c == *last).unwrap();
	*last = ALPHABET[value | 1];
	uri
}

/// URIs that look like model CIDs but are not (all within the mock's `MaxUriLen`), each
/// with what is wrong with it.
fn malformed_cids() -> Vec<(&'static str, Vec<u8>)> {
	let good = cid("a");
	let mut longer = good.clone();
	longer.push(b'a');
	let mut not_base32 = good.clone();
	not_base32[58] = b'1';
	vec![
		("multibase B (base32 upper case)", good.to_ascii_uppercase()),
		("CIDv0", b"QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH".to_vec()),
		("58 characters", good[..58].to_vec()),
		("60 characters", longer),
		// The sha2-256 of the empty string, under codec dag-cbor (0x71).
		("dag-cbor", b"bafyreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku".to_vec()),
		("trailing bits", with_trailing_bits(&good)),
		("not base32", not_base32),
	]
}

#[test]
fn uri_must_be_a_model_cid() {
	ExtBuilder::default().build_and_execute(|| {
		for (what, uri) in malformed_cids() {
			assert!(uri.len() <= MaxUriLen::get() as usize, "{what}");
			let (uri, refs, ch, rand) = valid_publish_args(&uri, &[]);
			assert_noop!(
				publish_call(RuntimeOrigin::signed(ALICE), uri, refs, ch, rand),
				Error::<Test>::MalformedUri
			);
		}
		// What `ipfs add --cid-version 1` prints: a raw block (the empty file) and the
		// dag-pb root of a file over one 256 KiB chunk.
		let raw = b"bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";
		let dag_pb = b"bafybeia64zkkh472l3nzlqjdb4vmmpragop23z24t5axwmsgfqxya253uq";
		let first = publish_uri(ALICE, raw, &[]);
		let second = publish_uri(ALICE, dag_pb, &[first]);
		assert_eq!(Txs::<Test>::get(first).unwrap().uri.to_vec(), raw.to_vec());
		assert_eq!(Txs::<Test>::get(second).unwrap().uri.to_vec(), dag_pb.to_vec());
		// And the fixtures' URIs are such CIDs.
		assert_eq!(cid("a").len(), 59);
		assert!(cid("a").starts_with(b"bafkrei"));
		assert_ne!(cid("a"), cid("b"));
		next_block();
	});
}

#[test]
fn publish_ch_not_verifying_fails() {
	ExtBuilder::default().build_and_execute(|| {
		// A valid hash, but of another URI.
		let (_, refs, ch, rand) = valid_publish_args(&cid("other"), &[]);
		assert_noop!(
			publish_call(RuntimeOrigin::signed(ALICE), cid("a"), refs, ch, rand),
			Error::<Test>::ChMismatch
		);
	});
}

#[test]
fn publish_ch_over_other_refs_fails() {
	ExtBuilder::default().build_and_execute(|| {
		publish(ALICE, "a", &[]);
		// Hashed without the reference it then claims.
		let (uri, _, ch, rand) = valid_publish_args(&cid("b"), &[]);
		assert_noop!(
			publish_call(RuntimeOrigin::signed(ALICE), uri, vec![0], ch, rand),
			Error::<Test>::ChMismatch
		);
	});
}

#[test]
fn publish_non_canonical_s_fails() {
	ExtBuilder::default().build_and_execute(|| {
		let (uri, refs, ch, rand) = valid_publish_args(&cid("a"), &[]);
		let bad = ChRandomness::from_parts(rand.r_bytes(), [0xff; 32]);
		assert_noop!(
			publish_call(RuntimeOrigin::signed(ALICE), uri, refs, ch, bad),
			Error::<Test>::NonCanonicalScalar
		);
	});
}

#[test]
fn publish_invalid_point_fails() {
	ExtBuilder::default().build_and_execute(|| {
		let (uri, refs, ch, rand) = valid_publish_args(&cid("a"), &[]);
		let bad = ChRandomness::from_parts([0xff; 32], rand.s_bytes());
		assert_noop!(
			publish_call(RuntimeOrigin::signed(ALICE), uri, refs, ch, bad),
			Error::<Test>::InvalidRandomnessPoint
		);
	});
}

#[test]
fn publish_invalid_check_fails() {
	ExtBuilder::default().build_and_execute(|| {
		let (uri, refs, _, rand) = valid_publish_args(&cid("a"), &[]);
		assert_noop!(
			publish_call(RuntimeOrigin::signed(ALICE), uri, refs, ChCheck([0xff; 32]), rand),
			Error::<Test>::InvalidCheck
		);
	});
}

#[test]
fn publish_unsigned_fails() {
	ExtBuilder::default().build_and_execute(|| {
		let (uri, refs, ch, rand) = valid_publish_args(&cid("a"), &[]);
		assert_noop!(
			publish_call(RuntimeOrigin::none(), uri, refs, ch, rand),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn publish_without_public_key_fails() {
	ExtBuilder::default().without_key().build_and_execute(|| {
		let (uri, refs, ch, rand) = valid_publish_args(&cid("a"), &[]);
		assert_noop!(
			publish_call(RuntimeOrigin::signed(ALICE), uri, refs, ch, rand),
			Error::<Test>::NoPublicKey
		);
	});
}

#[test]
fn publish_into_full_live_block_seals_it_and_opens_the_next() {
	ExtBuilder::default().build_and_execute(|| {
		let first = NextHeight::<Test>::get();
		for i in 0..MaxTxsPerBlock::get() {
			publish(ALICE, &format!("{i}"), &[]);
		}
		assert_eq!(NextHeight::<Test>::get(), first, "nothing sealed while there is room");
		let late = publish(ALICE, "late", &[]);
		// The full live block was sealed within the same chain block; the late model opened
		// the next one.
		assert_eq!(BlockTxs::<Test>::get(first).len() as u32, MaxTxsPerBlock::get());
		assert_eq!(Txs::<Test>::get(late).unwrap().height, first + 1);
		assert_eq!(PendingTxs::<Test>::get().to_vec(), vec![late]);
		next_block();
		assert_eq!(BlockTxs::<Test>::get(first + 1).to_vec(), vec![late]);
		assert_eq!(NextHeight::<Test>::get(), first + 2);
		assert!(LiveChain::verify_integrity().ok, "both live blocks link and verify");
	});
}

// ---------------------------------------------------------------------------------------
// Bad input: redact
// ---------------------------------------------------------------------------------------

#[test]
fn redact_by_signed_account_fails() {
	ExtBuilder::default().build_and_execute(|| {
		small_dag();
		let (updates, headers) = redaction(&[(2, "x")]);
		assert_noop!(
			LiveChain::redact(RuntimeOrigin::signed(11), 0, updates, headers),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn redact_by_root_fails() {
	ExtBuilder::default().build_and_execute(|| {
		small_dag();
		let (updates, headers) = redaction(&[(2, "x")]);
		assert_noop!(
			LiveChain::redact(RuntimeOrigin::root(), 0, updates, headers),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn redact_by_two_of_four_motion_fails() {
	ExtBuilder::default().build_and_execute(|| {
		small_dag();
		let (updates, headers) = redaction(&[(2, "x")]);
		let origin: RuntimeOrigin = CollectiveOrigin::<AccountId, Instance1>::Members(2, 4).into();
		assert_noop!(LiveChain::redact(origin, 0, updates, headers), DispatchError::BadOrigin);
	});
}

#[test]
fn redact_by_single_member_fails() {
	ExtBuilder::default().build_and_execute(|| {
		small_dag();
		let (updates, headers) = redaction(&[(2, "x")]);
		let origin: RuntimeOrigin = CollectiveOrigin::<AccountId, Instance1>::Member(11).into();
		assert_noop!(LiveChain::redact(origin, 0, updates, headers), DispatchError::BadOrigin);
	});
}

#[test]
fn redact_tx_collision_invalid_fails() {
	ExtBuilder::default().build_and_execute(|| {
		small_dag();
		let (mut updates, headers) = redaction(&[(0, "x0"), (1, "x1")]);
		// The second collision was made for another URI.
		updates[1].uri = BoundedVec::truncate_from(cid("x1-other"));
		assert_noop!(
			LiveChain::redact(committee(), 0, updates, headers),
			Error::<Test>::TxCollisionInvalid { index: 1 }
		);
	});
}

#[test]
fn redact_tx_collision_with_old_randomness_fails() {
	ExtBuilder::default().build_and_execute(|| {
		small_dag();
		let (mut updates, headers) = redaction(&[(2, "x2")]);
		updates[0].rand = Txs::<Test>::get(2).unwrap().rand;
		assert_noop!(
			LiveChain::redact(committee(), 0, updates, headers),
			Error::<Test>::TxCollisionInvalid { index: 0 }
		);
	});
}

#[test]
fn redact_header_collision_invalid_fails() {
	ExtBuilder::default().build_and_execute(|| {
		small_dag();
		let (updates, mut headers) = redaction(&[(0, "x0"), (2, "x2")]);
		// A collision for the current version instead of version + 1.
		headers[1].rand = Blocks::<Test>::get(1).unwrap().r_curr;
		assert_noop!(
			LiveChain::redact(committee(), 0, updates, headers),
			Error::<Test>::HeaderCollisionInvalid { index: 1 }
		);
	});
}

#[test]
fn redact_touched_block_without_header_fails() {
	ExtBuilder::default().build_and_execute(|| {
		small_dag();
		let (updates, _) = redaction(&[(0, "x0"), (2, "x2")]);
		let (_, only_block_one) = redaction(&[(2, "x2")]);
		assert_noop!(
			LiveChain::redact(committee(), 0, updates, only_block_one),
			Error::<Test>::MissingHeaderUpdate
		);
	});
}

#[test]
fn redact_header_for_untouched_block_fails() {
	ExtBuilder::default().build_and_execute(|| {
		small_dag();
		let (updates, _) = redaction(&[(2, "x2")]);
		let (_, both_blocks) = redaction(&[(0, "x0"), (2, "x2")]);
		assert_noop!(
			LiveChain::redact(committee(), 0, updates, both_blocks),
			Error::<Test>::UntouchedHeaderUpdate { index: 0 }
		);
	});
}

#[test]
fn redact_duplicate_header_fails() {
	ExtBuilder::default().build_and_execute(|| {
		small_dag();
		let (updates, headers) = redaction(&[(2, "x2")]);
		let doubled: Headers = vec![headers[0], headers[0]].try_into().unwrap();
		assert_noop!(
			LiveChain::redact(committee(), 0, updates, doubled),
			Error::<Test>::DuplicateHeaderUpdate
		);
	});
}

#[test]
fn redact_header_for_unknown_block_fails() {
	ExtBuilder::default().build_and_execute(|| {
		small_dag();
		let (updates, mut headers) = redaction(&[(2, "x2")]);
		headers.try_push(HeaderUpdate { height: 9, rand: headers[0].rand }).unwrap();
		assert_noop!(
			LiveChain::redact(committee(), 0, updates, headers),
			Error::<Test>::UnknownBlock
		);
	});
}

#[test]
fn redact_unknown_tx_fails() {
	ExtBuilder::default().build_and_execute(|| {
		small_dag();
		let (mut updates, headers) = redaction(&[(2, "x2")]);
		updates[0].tx = 77;
		assert_noop!(
			LiveChain::redact(committee(), 0, updates, headers),
			Error::<Test>::UnknownTx
		);
	});
}

#[test]
fn redact_duplicate_update_fails() {
	ExtBuilder::default().build_and_execute(|| {
		small_dag();
		let (updates, headers) = redaction(&[(2, "x2")]);
		let doubled: Updates = vec![updates[0].clone(), updates[0].clone()].try_into().unwrap();
		assert_noop!(
			LiveChain::redact(committee(), 0, doubled, headers),
			Error::<Test>::DuplicateUpdate
		);
	});
}

#[test]
fn redact_without_updates_fails() {
	ExtBuilder::default().build_and_execute(|| {
		small_dag();
		assert_noop!(
			LiveChain::redact(committee(), 0, Default::default(), Default::default()),
			Error::<Test>::NoUpdates
		);
	});
}

#[test]
fn redact_to_empty_uri_fails() {
	ExtBuilder::default().build_and_execute(|| {
		small_dag();
		let (mut updates, headers) = redaction(&[(2, "x2")]);
		updates[0].uri = Default::default();
		assert_noop!(
			LiveChain::redact(committee(), 0, updates, headers),
			Error::<Test>::EmptyUri
		);
	});
}

#[test]
fn redact_to_malformed_uri_fails() {
	ExtBuilder::default().build_and_execute(|| {
		small_dag();
		let mut bad = malformed_cids();
		bad.push(("a newline", b"x2\n".to_vec()));
		let mut newline_after = cid("x2");
		newline_after.push(b'\n');
		bad.push(("a newline after a CID", newline_after));
		for (what, uri) in bad {
			// Every collision is valid, for the malformed URI: only the URI is refused.
			let (updates, headers) = redaction_to(&[(2, uri)]);
			assert_eq!(updates.len(), 1, "{what}");
			assert_noop!(
				LiveChain::redact(committee(), 0, updates, headers),
				Error::<Test>::MalformedUri
			);
		}
		assert_eq!(Txs::<Test>::get(2).unwrap().uri.to_vec(), cid("c"));
	});
}

#[test]
fn redact_pending_model_fails() {
	ExtBuilder::default().build_and_execute(|| {
		small_dag();
		// Published in this block, so its live block (height 2) does not exist yet.
		let tx = publish(ALICE, "new", &[]);
		let live = Txs::<Test>::get(tx).unwrap();
		let rand = testing::collision(&live.ch, &cid("x"), &[], &mut DetRng::new(1));
		let updates: Updates =
			vec![TxUpdate { tx, uri: BoundedVec::truncate_from(cid("x")), rand }]
				.try_into()
				.unwrap();
		assert_noop!(
			LiveChain::redact(committee(), 0, updates, Default::default()),
			Error::<Test>::MissingHeaderUpdate
		);
		next_block();
	});
}

// ---------------------------------------------------------------------------------------
// Property test
// ---------------------------------------------------------------------------------------

mod property {
	use super::*;
	use proptest::prelude::*;
	use std::collections::BTreeMap;

	#[derive(Clone, Debug)]
	enum Op {
		/// Publish with references chosen by these selectors.
		Publish(Vec<u8>),
		/// Redact the sealed models chosen by these selectors.
		Redact(Vec<u8>),
		/// Finish the block.
		NextBlock,
	}

	fn op() -> impl Strategy<Value = Op> {
		prop_oneof![
			3 => prop::collection::vec(any::<u8>(), 0..4).prop_map(Op::Publish),
			2 => prop::collection::vec(any::<u8>(), 1..5).prop_map(Op::Redact),
			1 => Just(Op::NextBlock),
		]
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(24))]

		/// The archive holds versions `0..=redactions` of every model, its hash chain verifies,
		/// and the live chain verifies, after any sequence of publishes and redactions.
		#[test]
		fn archive_and_live_chain_stay_consistent(ops in prop::collection::vec(op(), 1..40)) {
			ExtBuilder::default().build_and_execute(|| {
				let mut redactions: BTreeMap<u64, u32> = BTreeMap::new();
				let mut rng = DetRng::new(5);
				for (step, op) in ops.iter().enumerate() {
					let count = NextTxId::<Test>::get();
					match op {
						Op::Publish(selectors) => {
							if PendingTxs::<Test>::get().len() as u32 >= MaxTxsPerBlock::get() {
								next_block();
							}
							let mut refs: Vec<u64> = if count == 0 { vec![] } else {
								selectors.iter().map(|s| u64::from(*s) % count).collect()
							};
							refs.sort();
							refs.dedup();
							publish(ALICE, &format!("{step}"), &refs);
							redactions.insert(count, 0);
						},
						Op::Redact(selectors) => {
							let sealed: Vec<u64> = (0..count)
								.filter(|tx| Txs::<Test>::get(tx).unwrap().height < NextHeight::<Test>::get())
								.collect();
							if sealed.is_empty() { continue }
							let mut chosen: Vec<u64> = selectors
								.iter()
								.map(|s| sealed[usize::from(*s) % sealed.len()])
								.collect();
							chosen.sort();
							chosen.dedup();
							let changes: Vec<(u64, Vec<u8>)> = chosen
								.iter()
								.map(|tx| (*tx, cid(&format!("{step}-{tx}"))))
								.collect();
							let (updates, headers) = testing::redaction::<Test>(&changes, &mut rng);
							assert_ok!(LiveChain::redact(
								committee(),
								step as u64,
								updates.try_into().unwrap(),
								headers.try_into().unwrap()
							));
							for tx in chosen {
								*redactions.get_mut(&tx).unwrap() += 1;
							}
						},
						Op::NextBlock => next_block(),
					}
				}
				next_block();
				for (tx, k) in &redactions {
					assert_eq!(LineageLen::<Test>::get(tx), 1 + k);
					assert_eq!(Txs::<Test>::get(tx).unwrap().version, *k);
					// Every version that was ever live, exactly once, in order.
					let versions: Vec<u32> = LiveChain::api_lineage(*tx).unwrap().iter().map(|r| r.version).collect();
					assert_eq!(versions, (0..=*k).collect::<Vec<u32>>());
				}
				let (records, broken) = pallet_model_archive::Pallet::<Test>::verify_chain(8);
				assert!(broken.is_empty());
				assert_eq!(records, redactions.values().map(|k| u64::from(1 + k)).sum::<u64>());
				let report = LiveChain::verify_integrity();
				assert!(report.ok, "{:?}", report.failures);
			});
		}
	}

	/// What a redaction leaves that does not depend on the collisions' randomness: every
	/// model's (uri, version, ch, refs, height), every live block's (parent, ch, version,
	/// Merkle root), and the archive's versions as a set of (tx, version, uri).
	#[derive(Debug, PartialEq, Eq)]
	struct FinalState {
		txs: Vec<(u64, Vec<u8>, u32, ChCheck, Vec<u64>, u64)>,
		blocks: Vec<(u64, H256, ChCheck, u32, H256)>,
		archive: std::collections::BTreeSet<(u64, u32, Vec<u8>)>,
	}

	fn final_state() -> FinalState {
		let mut txs: Vec<_> = Txs::<Test>::iter()
			.map(|(tx, l)| (tx, l.uri.to_vec(), l.version, l.ch, l.refs.to_vec(), l.height))
			.collect();
		txs.sort_by_key(|t| t.0);
		let mut blocks: Vec<_> = Blocks::<Test>::iter()
			.map(|(h, b)| (h, b.parent, b.ch_curr, b.version, b.merkle_root))
			.collect();
		blocks.sort_by_key(|b| b.0);
		let archive = Records::<Test>::iter().map(|(_, r)| (r.tx, r.version, r.uri.to_vec())).collect();
		FinalState { txs, blocks, archive }
	}

	/// Twelve models over four sealed live blocks, each referring to earlier ones; then the
	/// `chunks` of one redaction (request 0) applied in the order given, a block between two
	/// chunks where `gaps` says so; the chain verifies after every chunk.
	fn redact_in_chunks(chunks: &[Vec<u64>], gaps: &[bool]) -> FinalState {
		let mut ext = ExtBuilder::default().build();
		let state = ext.execute_with(|| {
			for tx in 0..12u64 {
				let refs: Vec<u64> = [tx / 2, tx / 3].into_iter().filter(|r| *r < tx).collect();
				let mut refs = refs;
				refs.dedup();
				publish(ALICE, &format!("m{tx}"), &refs);
				if tx % 3 == 2 {
					next_block();
				}
			}
			let mut rng = DetRng::new(11);
			for (i, chunk) in chunks.iter().enumerate() {
				let changes: Vec<(u64, Vec<u8>)> =
					chunk.iter().map(|tx| (*tx, cid(&format!("m{tx}-unlearned")))).collect();
				let (updates, headers) = testing::redaction::<Test>(&changes, &mut rng);
				assert_ok!(LiveChain::redact(
					committee(),
					0,
					updates.try_into().unwrap(),
					headers.try_into().unwrap()
				));
				let report = LiveChain::verify_integrity();
				assert!(report.ok, "after chunk {i}: {:?}", report.failures);
				if gaps.get(i).copied().unwrap_or(false) {
					next_block();
				}
			}
			LiveChain::do_try_state().unwrap();
			final_state()
		});
		state
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(16))]

		/// The chunks of one redaction applied in any order, with blocks between them or
		/// not, leave one final state; and every model the same as one redaction of them all.
		#[test]
		fn chunks_in_any_order_leave_one_final_state(
			picks in prop::collection::vec(any::<bool>(), 12),
			cuts in prop::collection::vec(any::<bool>(), 12),
			keys in prop::collection::vec(any::<u32>(), 12),
			gaps in prop::collection::vec(any::<bool>(), 12),
		) {
			// At most `MaxUpdates` (8 here), so that all of them also fit one redaction.
			let mut updates: Vec<u64> = (0..12u64).filter(|tx| picks[*tx as usize]).collect();
			updates.truncate(MaxUpdates::get() as usize);
			if updates.is_empty() {
				updates.push(0);
			}
			let mut chunks: Vec<Vec<u64>> = vec![Vec::new()];
			for (i, tx) in updates.iter().enumerate() {
				if i > 0 && cuts[i] {
					chunks.push(Vec::new());
				}
				chunks.last_mut().unwrap().push(*tx);
			}
			let in_order = redact_in_chunks(&chunks, &[]);
			let mut shuffled: Vec<(u32, Vec<u64>)> =
				chunks.iter().cloned().enumerate().map(|(i, c)| (keys[i], c)).collect();
			shuffled.sort();
			let shuffled: Vec<Vec<u64>> = shuffled.into_iter().map(|(_, c)| c).collect();
			let any_order = redact_in_chunks(&shuffled, &gaps);
			prop_assert_eq!(&in_order, &any_order);
			// One redaction of them all: the same models and archive; a live block touched
			// by k chunks has had k header collisions instead of one (its version), no more.
			let at_once = redact_in_chunks(&[updates.clone()], &[]);
			prop_assert_eq!(&in_order.txs, &at_once.txs);
			prop_assert_eq!(&in_order.archive, &at_once.archive);
			let roots = |s: &FinalState| s.blocks.iter().map(|b| (b.0, b.1, b.2, b.4)).collect::<Vec<_>>();
			prop_assert_eq!(roots(&in_order), roots(&at_once));
			let height = |tx: &u64| in_order.txs[*tx as usize].5;
			for (h, _, _, version, _) in &in_order.blocks {
				let touched_by = chunks.iter().filter(|c| c.iter().any(|tx| height(tx) == *h)).count();
				prop_assert_eq!(*version as usize, touched_by);
				let once = at_once.blocks.iter().find(|b| b.0 == *h).map(|b| b.3);
				prop_assert_eq!(once, Some(u32::from(touched_by > 0)));
			}
		}
	}

}

#[test]
fn publishes_pay_for_every_live_block_they_fill() {
	// However many publishes a chain block carries, what they and `on_initialize` are
	// charged covers sealing every live block they fill: ceil(n / M) fixed parts plus the
	// per-model part of each.
	let m = u64::from(MaxTxsPerBlock::get());
	let fixed = <() as crate::weights::WeightInfo>::seal_block(0);
	let per_model = <() as crate::weights::WeightInfo>::seal_block(1).saturating_sub(fixed);
	for n in [1, m - 1, m, m + 1, 2 * m + 3, 10 * m] {
		let charged = fixed.saturating_add(LiveChain::seal_share().saturating_mul(n));
		let seals = n.div_ceil(m);
		let actual = fixed.saturating_mul(seals).saturating_add(per_model.saturating_mul(n));
		assert!(actual.all_lte(charged), "{n} publishes: charged {charged:?} < sealing {actual:?}");
	}
	// And the share is far below a whole seal's fixed part.
	assert!(LiveChain::seal_share().ref_time() < fixed.ref_time() / 2 + per_model.ref_time());
}
