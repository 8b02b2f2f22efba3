//! Benchmarks of `pallet_threshold`: the two signing messages with the heaviest work, as
//! the `t`-th member sends them. The committee key is a trusted-dealer split of the
//! insecure development trapdoor (so that the live chain's benchmark helpers can publish
//! under it); member keys are generated in the benchmark's keystore.

use super::*;
use crate::pallet::*;
use alloc::{collections::BTreeSet, vec, vec::Vec};
use blockful_chameleon::threshold::{
	channel::SeededRng, round1, round2, split_secret, KeyShare, SigningNonces,
};
use frame_benchmarking::v2::*;
use frame_support::traits::{Get, SortedMembers};
use frame_system::RawOrigin;
use pallet_live_chain::OnRedaction;
use sp_runtime::{traits::Convert, RuntimeAppPublic};

/// Four members with keys in the keystore; the key of epoch 0 is active.
fn committee<T: Config>() -> Result<(Vec<T::MemberKey>, Vec<KeyShare>), BenchmarkError> {
	let keys: Vec<T::MemberKey> = (0..4).map(|_| T::MemberKey::generate_pair(None)).collect();
	let (shares, package) =
		split_secret(&blockful_chameleon::dev_secret_key(), 3, 4, &mut SeededRng::new([7; 32]))
			.map_err(|_| BenchmarkError::Stop("split"))?;
	Keys::<T>::insert(
		0,
		CommitteeKey {
			members: keys.iter().map(|k| T::MemberAccount::convert(k.clone())).collect(),
			qualified: vec![1, 2, 3, 4],
			package,
			reshared_from: None,
			confirmed: vec![1, 2, 3, 4],
		},
	);
	ActiveEpoch::<T>::put(0);
	// Signers must be on the committee.
	for key in &keys {
		T::Committee::add(&T::MemberAccount::convert(key.clone()));
	}
	pallet_live_chain::ChPublicKey::<T>::put(blockful_chameleon::dev_public_key());
	Ok((keys, shares))
}

/// A proposal of `u` collisions in the heaviest shape: `u / 2` models (the first a start,
/// the others referencing it), each in its own live block (one collision for the model,
/// one for its block's header), and an open parallel request over them; the proposal
/// replacing all of them is the head of the queue, in `phase`.
fn proposal<T: Config>(u: u32, phase: SignPhase) -> Result<ProposalOf<T>, BenchmarkError> {
	let caller: T::AccountId = whitelisted_caller();
	let mut txs = Vec::new();
	for i in 0..(u / 2).max(1) {
		let refs: Vec<u64> = if i == 0 { vec![] } else { vec![txs[0]] };
		txs.push(
			pallet_live_chain::testing::publish_unchecked::<T>(&caller, &refs)
				.map_err(|_| BenchmarkError::Stop("publish"))?,
		);
		pallet_live_chain::testing::seal::<T>().map_err(|_| BenchmarkError::Stop("seal"))?;
	}
	let updates: Vec<(u64, Vec<u8>)> = txs
		.iter()
		.map(|tx| (*tx, pallet_live_chain::testing::uri(alloc::format!("redacted-{tx}").as_bytes())))
		.collect();
	let request =
		<T as pallet_live_chain::Config>::OnRedaction::open_bench_request(&caller, &updates);
	let heights: BTreeSet<u64> = txs
		.iter()
		.filter_map(|tx| pallet_live_chain::Txs::<T>::get(tx).map(|t| t.height))
		.collect();
	let p = Proposal {
		request,
		proposer: caller,
		epoch: 0,
		updates,
		heights: heights.into_iter().collect(),
		attempt: 0,
		banned: vec![],
		skipped: vec![],
		phase,
		deadline: 1_000u32.into(),
	};
	Proposals::<T>::insert(0, p.clone());
	Queue::<T>::put(vec![0]);
	NextProposalId::<T>::put(1);
	Ok(p)
}

/// Round 1 of `member` (1-based) for every item: stores the commitments, returns nonces.
fn commit<T: Config>(
	share: &KeyShare,
	items: usize,
	store: bool,
) -> (Vec<SigningNonces>, Vec<([u8; 32], [u8; 32])>) {
	let mut rng = SeededRng::new([share.index() as u8; 32]);
	let (nonces, commitments): (Vec<_>, Vec<_>) = (0..items)
		.map(|_| {
			let (n, c) = round1(share, &mut rng);
			(n, (c.hiding, c.binding))
		})
		.unzip();
	if store {
		SignCommitments::<T>::insert(0, share.index(), commitments.clone());
	}
	(nonces, commitments)
}

fn signed<T: Config>(key: &T::MemberKey, message: Message) -> (Submission<T::MemberKey>, SignatureOf<T>) {
	let signature =
		key.sign(&Pallet::<T>::signed_payload(&message)).expect("the benchmark keystore signs");
	(Submission { member: key.clone(), message }, signature)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The `t`-th member's round-1 commitments for a redaction of `u` collisions: closes round
	/// 1 and checks every signing package.
	#[benchmark]
	fn sign_commit(
		u: Linear<2, { T::MaxUpdates::get().saturating_mul(2) }>,
	) -> Result<(), BenchmarkError> {
		let (keys, shares) = committee::<T>()?;
		let p = proposal::<T>(u, SignPhase::Commit)?;
		commit::<T>(&shares[0], p.items(), true);
		commit::<T>(&shares[1], p.items(), true);
		let (_, commitments) = commit::<T>(&shares[2], p.items(), false);
		let (submission, signature) =
			signed::<T>(&keys[2], Message::SignCommit { proposal: 0, attempt: 0, commitments });

		#[extrinsic_call]
		submit(RawOrigin::None, submission, signature);

		assert!(matches!(
			Proposals::<T>::get(0).map(|p| p.phase),
			Some(SignPhase::Sign { .. })
		));
		Ok(())
	}

	/// The last signer's partial shares for a redaction of `u` collisions (`u / 2` models,
	/// each in its own live block: the heaviest shape): verifies them,
	/// aggregates every collision and applies the redaction (live chain checks, archive,
	/// request hook).
	#[benchmark]
	fn sign_share(
		u: Linear<2, { T::MaxUpdates::get().saturating_mul(2) }>,
	) -> Result<(), BenchmarkError> {
		let (keys, shares) = committee::<T>()?;
		let mut p =
			proposal::<T>(u, SignPhase::Sign { signers: vec![1, 2, 3], package: [0; 32] })?;
		let nonces: Vec<_> =
			shares[..3].iter().map(|s| commit::<T>(s, p.items(), true).0).collect();
		let package = Pallet::<T>::package_digest(0, &p, &[1, 2, 3])
			.map_err(|_| BenchmarkError::Stop("digest"))?;
		p.phase = SignPhase::Sign { signers: vec![1, 2, 3], package };
		Proposals::<T>::insert(0, p.clone());
		let packages = Pallet::<T>::signing_packages(0, &p, &[1, 2, 3])
			.map_err(|_| BenchmarkError::Stop("packages"))?;
		let mut answers = Vec::new();
		for (share, nonces) in shares[..3].iter().zip(nonces) {
			let z: Vec<[u8; 32]> = nonces
				.into_iter()
				.zip(packages.iter())
				.map(|(n, package)| round2(share, n, package).map(|z| z.z))
				.collect::<Result<_, _>>()
				.map_err(|_| BenchmarkError::Stop("round 2"))?;
			answers.push(z);
		}
		SignShares::<T>::insert(0, 1, answers[0].clone());
		SignShares::<T>::insert(0, 2, answers[1].clone());
		let (submission, signature) = signed::<T>(
			&keys[2],
			Message::SignShare { proposal: 0, attempt: 0, package, shares: answers[2].clone() },
		);
		let first = p.updates[0].0;

		#[extrinsic_call]
		submit(RawOrigin::None, submission, signature);

		assert!(Proposals::<T>::get(0).is_none());
		assert_eq!(pallet_live_chain::Txs::<T>::get(first).map(|t| t.version), Some(1));
		Ok(())
	}
}
