//! No one holds the trapdoor, on the real runtime: four committee nodes, each with only
//! its own `bkfl`/`bkfe` keys (sr25519/ed25519 from `//Alice` … `//Dave`) in its own
//! keystore and its own offchain database, run the runtime's off-chain worker every block.
//! Their unsigned messages go through the runtime's `ValidateUnsigned` and dispatch. The
//! genesis DKG installs the group key; a redaction proposed by the requester completes with
//! one node down and does not with two.

// The members' messages are validated with `ValidateUnsigned`, deprecated after April 2027.
#![allow(deprecated)]

mod common;

use blockful_runtime::{
	LiveChain, Runtime, RuntimeCall, RuntimeOrigin, System, Threshold, UncheckedExtrinsic,
	Unlearning,
};
use common::new_test_ext;
use frame_support::{
	assert_noop, assert_ok,
	traits::{Hooks, OffchainWorker},
};
use pallet_live_chain::testing::uri;
use pallet_threshold::{crypto, ActiveEpoch, Event};
use pallet_unlearning::Paradigm;
use parking_lot::RwLock;
use sp_core::offchain::{
	testing::{PoolState, TestOffchainExt, TestTransactionPoolExt},
	OffchainDbExt, OffchainWorkerExt, TransactionPoolExt,
};
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave};
use sp_keystore::{testing::MemoryKeystore, Keystore, KeystoreExt};
use sp_runtime::{
	traits::{Dispatchable, ValidateUnsigned},
	transaction_validity::TransactionSource,
};
use std::sync::Arc;

/// One committee member's node: its keystore and its offchain database.
struct Node {
	keystore: Arc<MemoryKeystore>,
	offchain: TestOffchainExt,
}

impl Node {
	fn new(seed: &str) -> Self {
		let keystore = MemoryKeystore::new();
		keystore.sr25519_generate_new(crypto::MEMBER_KEY_TYPE, Some(seed)).unwrap();
		keystore.ed25519_generate_new(crypto::SECRET_KEY_TYPE, Some(seed)).unwrap();
		let (offchain, state) = TestOffchainExt::new();
		// Each node its own randomness.
		state.write().seed = sp_io::hashing::blake2_256(seed.as_bytes());
		Self { keystore: Arc::new(keystore), offchain }
	}
}

struct Net {
	ext: sp_io::TestExternalities,
	pool: Arc<RwLock<PoolState>>,
	nodes: Vec<(Sr25519Keyring, Node)>,
}

impl Net {
	fn new() -> Self {
		let mut ext = new_test_ext("development");
		let (pool, state) = TestTransactionPoolExt::new();
		ext.register_extension(TransactionPoolExt::new(pool));
		let nodes = [Alice, Bob, Charlie, Dave]
			.into_iter()
			.map(|k| (k, Node::new(&format!("//{k}"))))
			.collect();
		Self { ext, pool: state, nodes }
	}

	/// One block: the online nodes' workers run (each with its own keystore and offchain
	/// database), the pool's messages are validated and dispatched, the block ends.
	fn block(&mut self, online: &[Sr25519Keyring]) {
		for (who, node) in &self.nodes {
			if !online.contains(who) {
				continue;
			}
			self.ext.register_extension(KeystoreExt::new(node.keystore.clone()));
			self.ext.register_extension(OffchainDbExt::new(node.offchain.clone()));
			self.ext.register_extension(OffchainWorkerExt::new(node.offchain.clone()));
			self.ext.execute_with(|| {
				<Threshold as OffchainWorker<_>>::offchain_worker(System::block_number())
			});
		}
		let txs: Vec<Vec<u8>> = std::mem::take(&mut self.pool.write().transactions);
		self.ext.execute_with(|| {
			for raw in txs {
				let xt: UncheckedExtrinsic = codec::Decode::decode(&mut &raw[..]).unwrap();
				let RuntimeCall::Threshold(call) = xt.function else { panic!("not a member message") };
				if Threshold::validate_unsigned(TransactionSource::Local, &call).is_ok() {
					assert_ok!(RuntimeCall::Threshold(call).dispatch(RuntimeOrigin::none()));
				}
			}
			let n = System::block_number();
			LiveChain::on_finalize(n);
			System::set_block_number(n + 1);
			Unlearning::on_initialize(n + 1);
			Threshold::on_initialize(n + 1);
		});
	}

	/// `who`'s node restarts with an empty offchain database (its keystore kept): what it
	/// kept between the rounds — its signing nonces — is gone.
	fn restart_with_empty_database(&mut self, who: Sr25519Keyring) {
		let (_, node) = self.nodes.iter_mut().find(|(k, _)| *k == who).expect("a node of the net");
		let (offchain, state) = TestOffchainExt::new();
		state.write().seed = sp_io::hashing::blake2_256(format!("//{who} restarted").as_bytes());
		node.offchain = offchain;
	}

	fn run_until(&mut self, online: &[Sr25519Keyring], max: u32, done: impl Fn() -> bool) -> bool {
		for _ in 0..max {
			self.block(online);
			if self.ext.execute_with(&done) {
				return true;
			}
		}
		false
	}
}

fn applied() -> bool {
	System::events().iter().any(|r| {
		matches!(r.event, blockful_runtime::RuntimeEvent::Threshold(Event::RedactionApplied { .. }))
	})
}

/// `owner` publishes the model CID of `label` with `refs` under the chain's key.
fn publish(label: &str, refs: Vec<u64>, owner: Sr25519Keyring) {
	let key = pallet_live_chain::ChPublicKey::<Runtime>::get().unwrap();
	let model = uri(label.as_bytes());
	let msg = pallet_model_archive::model_message(&model, &refs);
	let seed = sp_io::hashing::blake2_256(&model);
	let (ch, rand) = blockful_chameleon::hash_from_seed(&key, &msg, &seed).unwrap();
	assert_ok!(LiveChain::publish_model(
		RuntimeOrigin::signed(owner.to_account_id()),
		model.try_into().unwrap(),
		refs.try_into().unwrap(),
		ch,
		rand
	));
}

/// Publishes Alice's m0 ← Bob's m1 under the chain's key and files Alice's parallel
/// request on m0.
fn models_and_request() -> u64 {
	for (label, refs, owner) in [("m0", vec![], Alice), ("m1", vec![0u64], Bob)] {
		publish(label, refs, owner);
	}
	let n = System::block_number();
	LiveChain::on_finalize(n);
	System::set_block_number(n + 1);
	assert_ok!(Unlearning::request_unlearning(
		RuntimeOrigin::signed(Alice.to_account_id()),
		vec![0].try_into().unwrap(),
		vec![1].try_into().unwrap(),
		Paradigm::Parallel
	));
	pallet_unlearning::NextRequestId::<Runtime>::get() - 1
}

/// The protocol between parties: Alice (requester) submits her m0's new version, Bob his
/// m1's — Alice cannot choose Bob's — and Charlie, who owns nothing, queues the redaction.
fn propose(request: u64) {
	let update = |tx: u64| {
		pallet_unlearning::ModelUpdate::Replace(
			uri(format!("m{tx}-unlearned").as_bytes()).try_into().unwrap(),
		)
	};
	assert_noop!(
		Unlearning::submit_update(RuntimeOrigin::signed(Alice.to_account_id()), request, 1, update(1)),
		pallet_unlearning::Error::<Runtime>::FallbackTooEarly
	);
	for (tx, owner) in [(0u64, Alice), (1, Bob)] {
		assert_ok!(Unlearning::submit_update(
			RuntimeOrigin::signed(owner.to_account_id()),
			request,
			tx,
			update(tx)
		));
	}
	assert_ok!(Threshold::propose_redaction(RuntimeOrigin::signed(Charlie.to_account_id()), request));
}

#[test]
fn four_nodes_make_the_key_and_redact_with_one_down_but_not_with_two() {
	let mut net = Net::new();
	let all = [Alice, Bob, Charlie, Dave];
	assert!(net.run_until(&all, 30, || ActiveEpoch::<Runtime>::get().is_some()), "DKG finished");
	net.ext.execute_with(|| {
		let key = pallet_threshold::Keys::<Runtime>::get(0).unwrap();
		key.package.validate().unwrap();
		assert_eq!(key.package.threshold, 3);
		assert_eq!(key.qualified.len(), 4);
		let installed = pallet_live_chain::ChPublicKey::<Runtime>::get().unwrap();
		assert_eq!(installed, key.package.group_key);
		assert_ne!(installed, blockful_chameleon::dev_public_key());
		// Member i is the i-th of the committee in account order: Dave, Bob, Charlie, Alice.
		let mut members: Vec<_> = all.iter().map(|k| k.to_account_id()).collect();
		members.sort();
		assert_eq!(key.members, members);
	});

	// Two nodes down: the proposal waits, restarts its rounds, changes nothing.
	let request = net.ext.execute_with(|| {
		let request = models_and_request();
		propose(request);
		request
	});
	let before = net.ext.execute_with(|| pallet_live_chain::Txs::<Runtime>::get(0).unwrap());
	assert!(!net.run_until(&[Alice, Bob], 12, applied));
	net.ext.execute_with(|| {
		assert_eq!(pallet_live_chain::Txs::<Runtime>::get(0).unwrap(), before);
		assert_eq!(pallet_model_archive::Pallet::<Runtime>::lineage(0).len(), 1);
	});

	// One node (Dave's) down: three members sign and the redaction applies.
	assert!(net.run_until(&[Alice, Bob, Charlie], 12, applied), "redaction applied");
	net.ext.execute_with(|| {
		let live = pallet_live_chain::Txs::<Runtime>::get(0).unwrap();
		assert_eq!(live.uri.to_vec(), uri(b"m0-unlearned"));
		assert_eq!(live.version, 1);
		assert!(LiveChain::verify_integrity().ok);
		assert!(System::events().iter().any(|r| matches!(
			&r.event,
			blockful_runtime::RuntimeEvent::Threshold(Event::RedactionApplied { request: r, signers, .. })
				if *r == request && signers == &vec![2, 3, 4]
		)));
	});
}

/// Publishes `n` models under the chain's key, m0 by Alice and the rest by Bob, in a binary
/// tree (m_i inherits from m_{(i−1)/2}, so every model descends from m0), sealing a live
/// block every 200 models.
fn tree_of_models(n: u64) {
	for tx in 0..n {
		let refs: Vec<u64> = if tx == 0 { vec![] } else { vec![(tx - 1) / 2] };
		publish(&format!("m{tx}"), refs, if tx == 0 { Alice } else { Bob });
		if tx % 200 == 199 || tx + 1 == n {
			let b = System::block_number();
			LiveChain::on_finalize(b);
			System::set_block_number(b + 1);
		}
	}
}

fn signing_restarts() -> usize {
	System::events()
		.iter()
		.filter(|r| matches!(r.event, blockful_runtime::RuntimeEvent::Threshold(Event::SigningRestarted { .. })))
		.count()
}

fn chunk_applied() -> usize {
	System::events()
		.iter()
		.filter(|r| matches!(r.event, blockful_runtime::RuntimeEvent::Threshold(Event::ChunkApplied { .. })))
		.count()
}

/// The scaled-down run of the DAG-scale issue: a request whose 2,400 affected models (more
/// than one filing step) are owned by two parties is filed in two steps over two blocks,
/// approved by the committee once and applied in chunks by the four nodes' off-chain
/// workers; half-way a round-2 signer's node restarts with an empty database (its nonces
/// lost) and then another node stays down: every chunk is applied once, in order, and the
/// live chain verifies between chunks.
#[test]
fn a_request_over_max_affected_models_is_approved_once_and_applied_in_chunks() {
	use frame_support::traits::Get;
	let n = 2_400u64;
	assert!(n > u64::from(<blockful_runtime::configs::MaxFilingStep as Get<u32>>::get()));
	let mut net = Net::new();
	let all = [Alice, Bob, Charlie, Dave];
	assert!(net.run_until(&all, 30, || ActiveEpoch::<Runtime>::get().is_some()), "DKG finished");
	let request = net.ext.execute_with(|| {
		tree_of_models(n);
		assert_ok!(Unlearning::request_unlearning(
			RuntimeOrigin::signed(Alice.to_account_id()),
			vec![0].try_into().unwrap(),
			vec![1].try_into().unwrap(),
			Paradigm::Parallel
		));
		let request = pallet_unlearning::NextRequestId::<Runtime>::get() - 1;
		let r = pallet_unlearning::Requests::<Runtime>::get(request).unwrap();
		assert_eq!(r.status, pallet_unlearning::RequestStatus::Computing);
		request
	});
	// The next step in a later block, by someone else than the requester.
	net.block(&[]);
	let chunks = net.ext.execute_with(|| {
		assert_ok!(Unlearning::extend_request(RuntimeOrigin::signed(Charlie.to_account_id()), request));
		let r = pallet_unlearning::Requests::<Runtime>::get(request).unwrap();
		assert_eq!(r.status, pallet_unlearning::RequestStatus::Pending);
		assert_eq!(r.affected.len() as u64, n);
		for tx in 0..n {
			let owner = if tx == 0 { Alice } else { Bob };
			assert_ok!(Unlearning::submit_update(
				RuntimeOrigin::signed(owner.to_account_id()),
				request,
				tx,
				pallet_unlearning::ModelUpdate::Replace(
					uri(format!("m{tx}-unlearned").as_bytes()).try_into().unwrap()
				)
			));
		}
		assert_ok!(Threshold::propose_redaction(RuntimeOrigin::signed(Charlie.to_account_id()), request));
		let p = pallet_threshold::Proposals::<Runtime>::get(0).unwrap();
		// Cut for the key's threshold (four members, t = 3): the largest chunks it signs.
		assert_eq!(p.chunk_size, pallet_threshold::costs::chunk_len::<Runtime>(3));
		assert!(p.chunk_size > <blockful_runtime::configs::MaxUpdates as frame_support::traits::Get<u32>>::get());
		p.chunks as usize
	});
	let size = pallet_threshold::costs::chunk_len::<Runtime>(3);
	assert_eq!(chunks, Threshold::chunk_sizes(n as usize, size).len());
	assert!(chunks > 2, "{chunks} chunks");
	// Half the chunks with every node: after the first, one chunk per block — the
	// runtime's weights pipeline a committee of four (each chunk's completing share closes
	// round 1 of the next, whose commitments were sent ahead).
	let half = chunks / 2;
	assert!(net.ext.execute_with(|| {
		let p = pallet_threshold::Proposals::<Runtime>::get(0).unwrap();
		Threshold::pipelined(&p, 3)
	}));
	let mut applied_in = Vec::new();
	for _ in 0..20 * half {
		net.block(&all);
		let (now, done) = net.ext.execute_with(|| (System::block_number(), chunk_applied()));
		if done > applied_in.len() {
			applied_in.push(now);
		}
		if done >= half {
			break;
		}
	}
	assert_eq!(applied_in.len(), half, "first half: chunks applied in blocks {applied_in:?}");
	assert!(applied_in.windows(2).all(|w| w[1] == w[0] + 1), "chunks applied in blocks {applied_in:?}");
	net.ext.execute_with(|| {
		let r = pallet_unlearning::Requests::<Runtime>::get(request).unwrap();
		assert_eq!(r.status, pallet_unlearning::RequestStatus::InProgress);
		assert!(LiveChain::verify_integrity().ok);
	});
	// In the middle of the next chunk a round-2 signer's node restarts with an empty
	// database: it committed nonces in round 1 and lost them, so it stays silent; the
	// attempt times out and the chunk is signed without it (restarted, never half-applied).
	assert!(
		net.run_until(&all, 20, || {
			matches!(
				pallet_threshold::Proposals::<Runtime>::get(0).map(|p| p.phase),
				Some(pallet_threshold::SignPhase::Sign { .. })
			)
		}),
		"round 2 of a chunk"
	);
	let (restarted, restarts_before) = net.ext.execute_with(|| {
		let p = pallet_threshold::Proposals::<Runtime>::get(0).unwrap();
		let pallet_threshold::SignPhase::Sign { signers, .. } = &p.phase else { unreachable!() };
		let members = pallet_threshold::Keys::<Runtime>::get(p.epoch).unwrap().members;
		let who = *all
			.iter()
			.find(|k| Threshold::index_of(&members, &k.to_account_id()) == Some(signers[0]))
			.unwrap();
		(who, signing_restarts())
	});
	net.restart_with_empty_database(restarted);
	// Then Dave's node goes down for the rest: three of four sign (the restarted one among
	// them, with new nonces, once it is no longer sitting out).
	let rest = [Alice, Bob, Charlie];
	let online: Vec<_> = if restarted == Dave { all.to_vec() } else { rest.to_vec() };
	assert!(net.run_until(&online, 30 * chunks as u32, applied), "every chunk applied");
	net.ext.execute_with(|| {
		assert!(signing_restarts() > restarts_before, "the restarted signer's attempt timed out");
		// Every chunk applied exactly once, in order.
		let applied: Vec<u32> = System::events()
			.iter()
			.filter_map(|r| match r.event {
				blockful_runtime::RuntimeEvent::Threshold(Event::ChunkApplied { chunk, .. }) => Some(chunk),
				_ => None,
			})
			.collect();
		assert_eq!(applied, (0..chunks as u32).collect::<Vec<_>>());
		let proposed = System::events()
			.iter()
			.filter(|r| matches!(r.event, blockful_runtime::RuntimeEvent::Threshold(Event::RedactionProposed { .. })))
			.count();
		assert_eq!(proposed, 1, "one approval");
		let r = pallet_unlearning::Requests::<Runtime>::get(request).unwrap();
		assert_eq!(r.status, pallet_unlearning::RequestStatus::Completed);
		assert_eq!((r.done.len() as u64, r.rounds as usize), (n, chunks));
		for tx in [0, n / 2, n - 1] {
			let live = pallet_live_chain::Txs::<Runtime>::get(tx).unwrap();
			assert_eq!(live.uri.to_vec(), uri(format!("m{tx}-unlearned").as_bytes()));
			assert_eq!(live.version, 1);
		}
		assert!(LiveChain::verify_integrity().ok);
		// Closing released the first `MaxReleasePerBlock` models' locks at once, the next
		// block's start as many more; the rest are still held.
		let release = u64::from(<blockful_runtime::configs::MaxReleasePerBlock as Get<u32>>::get());
		let held = pallet_unlearning::LockedBy::<Runtime>::iter().count() as u64;
		assert!(held > 0 && held <= n - release && (n - held) % release == 0, "{held} held");
	});
	// The rest over the next blocks, `MaxReleasePerBlock` a block.
	let blocks = (0..10).take_while(|_| {
		net.block(&[]);
		net.ext.execute_with(|| pallet_unlearning::Releasing::<Runtime>::iter().next().is_some())
	});
	assert!(blocks.count() < 10);
	net.ext.execute_with(|| assert!(pallet_unlearning::LockedBy::<Runtime>::iter().next().is_none()));
}
