//! Benchmarks of `pallet_threshold`: the two signing messages with the heaviest work, as
//! the `t`-th member sends them. The committee key is a trusted-dealer split of the
//! insecure development trapdoor (so that the live chain's benchmark helpers can publish
//! under it); member keys are generated in the benchmark's keystore.

use super::*;
use crate::pallet::*;
use alloc::{collections::BTreeSet, vec, vec::Vec};
use blockful_chameleon::threshold::{
	channel::{ChannelKey, SeededRng},
	dkg as ch_dkg, round1, round2, split_secret, KeyShare, MemberIndex, SigningNonces,
};
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::RawOrigin;
use pallet_live_chain::OnRedaction;
use crate::costs::signers_bench_items;
use sp_runtime::{traits::Convert, RuntimeAppPublic};

/// `n` members with keys in the keystore, made the committee; the trusted-dealer key of
/// epoch 0 with threshold `t` is active.
fn committee<T: Config>(n: u32, t: u32) -> Result<(Vec<T::MemberKey>, Vec<KeyShare>), BenchmarkError> {
	let n16 = u16::try_from(n).map_err(|_| BenchmarkError::Stop("n"))?;
	let t16 = u16::try_from(t).map_err(|_| BenchmarkError::Stop("t"))?;
	let keys = member_keys::<T>(n);
	let (shares, package) = split_secret(
		&blockful_chameleon::dev_secret_key(),
		t16,
		n16,
		&mut SeededRng::new([7; 32]),
	)
	.map_err(|_| BenchmarkError::Stop("split"))?;
	let members = accounts::<T>(&keys);
	Keys::<T>::insert(
		0,
		CommitteeKey {
			members: members.clone(),
			qualified: (1..=n16).collect(),
			package,
			reshared_from: None,
			confirmed: (1..=n16).collect(),
		},
	);
	ActiveEpoch::<T>::put(0);
	pallet_live_chain::ChPublicKey::<T>::put(blockful_chameleon::dev_public_key());
	Ok((keys, shares))
}

/// `n` fresh member keys in the keystore, their accounts made the committee.
fn member_keys<T: Config>(n: u32) -> Vec<T::MemberKey> {
	let keys: Vec<T::MemberKey> = (0..n).map(|_| T::MemberKey::generate_pair(None)).collect();
	T::BenchmarkHelper::set_committee(&accounts::<T>(&keys));
	keys
}

fn accounts<T: Config>(keys: &[T::MemberKey]) -> Vec<T::AccountId> {
	keys.iter().map(|k| T::MemberAccount::convert(k.clone())).collect()
}

/// The DKG run of epoch 0 over `keys`' members (a fresh key), in `phase`.
fn dkg_run<T: Config>(keys: &[T::MemberKey], phase: DkgPhase) -> Result<DkgRunOf<T>, BenchmarkError> {
	let n = u16::try_from(keys.len()).map_err(|_| BenchmarkError::Stop("n"))?;
	let run = DkgRun {
		epoch: 0,
		members: accounts::<T>(keys),
		threshold: threshold_for(n),
		phase,
		deadline: 1_000u32.into(),
		reshare: None,
	};
	Dkg::<T>::put(run.clone());
	NextEpoch::<T>::put(1);
	pallet_live_chain::ChPublicKey::<T>::kill();
	Ok(run)
}

/// Member `i`'s (1-based) real DKG commitment in `run`.
fn dkg_commitment<T: Config>(run: &DkgRunOf<T>, i: MemberIndex) -> Result<DkgCommitment, BenchmarkError> {
	let n = u16::try_from(run.members.len()).map_err(|_| BenchmarkError::Stop("n"))?;
	let (_, package) = ch_dkg::part1(
		i,
		run.threshold,
		n,
		&Pallet::<T>::dkg_context(run.epoch),
		&mut SeededRng::new([i as u8; 32]),
	)
	.map_err(|_| BenchmarkError::Stop("part1"))?;
	Ok(DkgCommitment {
		package,
		channel: ChannelKey::from_seed(&[i as u8; 32]).public(),
		secret_key: vec![i as u8; 32],
	})
}

/// A proposal of `u` collisions in the heaviest shape: `u / 2` models (the first a start,
/// the others referencing it), each in its own live block (one collision for the model,
/// one for its block's header), and an open parallel request over them and one model
/// more, so that applying the proposal does not close the request (what closing costs
/// is charged on its own, `costs::closing_weight`); the proposal replacing the `u / 2`
/// models is the head of the queue, in `phase`.
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
		<T as pallet_live_chain::Config>::OnRedaction::open_bench_request(&caller, &updates, 1);
	let heights: BTreeSet<u64> = txs
		.iter()
		.filter_map(|tx| pallet_live_chain::Txs::<T>::get(tx).map(|t| t.height))
		.collect();
	let root = update_set_root(updates.iter().map(|(tx, uri)| (*tx, uri.as_slice())));
	let p = Proposal {
		request,
		proposer: caller,
		epoch: 0,
		updates,
		heights: heights.into_iter().collect(),
		root,
		chunk: 0,
		chunks: 1,
		chunk_size: crate::costs::max_chunk::<T>(),
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

/// A signed member message.
type Signed<T> = (Submission<<T as Config>::MemberKey>, SignatureOf<T>);

/// The `t`-th of `t` signers' round-1 message for a redaction of `u` collisions in a
/// committee of `n` (the others' commitments are stored).
fn round_one<T: Config>(u: u32, n: u32, t: u32) -> Result<Signed<T>, BenchmarkError> {
	let (keys, shares) = committee::<T>(n, t)?;
	let t = t as usize;
	let p = proposal::<T>(u, SignPhase::Commit)?;
	for share in &shares[..t - 1] {
		commit::<T>(share, p.items(), true);
	}
	let (_, commitments) = commit::<T>(&shares[t - 1], p.items(), false);
	Ok(signed::<T>(&keys[t - 1], Message::SignCommit { proposal: 0, attempt: 0, commitments }))
}

/// The last of `t` signers' round-2 message for a redaction of `u` collisions in a
/// committee of `n` (the others' shares are stored), and the first model it redacts with
/// the version that model will have.
fn round_two<T: Config>(
	u: u32,
	n: u32,
	t: u32,
) -> Result<(Signed<T>, (u64, Option<u32>)), BenchmarkError> {
	let (keys, shares) = committee::<T>(n, t)?;
	let t = t as u16;
	let signers: Vec<MemberIndex> = (1..=t).collect();
	let mut p = proposal::<T>(u, SignPhase::Sign { signers: signers.clone(), package: [0; 32] })?;
	let nonces: Vec<_> =
		shares[..usize::from(t)].iter().map(|s| commit::<T>(s, p.items(), true).0).collect();
	let package =
		Pallet::<T>::package_digest(0, &p, &signers).map_err(|_| BenchmarkError::Stop("digest"))?;
	p.phase = SignPhase::Sign { signers: signers.clone(), package };
	Proposals::<T>::insert(0, p.clone());
	let packages = Pallet::<T>::signing_packages(0, &p, &signers)
		.map_err(|_| BenchmarkError::Stop("packages"))?;
	let mut answers = Vec::new();
	for (share, nonces) in shares.iter().zip(nonces) {
		let z: Vec<[u8; 32]> = nonces
			.into_iter()
			.zip(packages.iter())
			.map(|(n, package)| round2(share, n, package).map(|z| z.z))
			.collect::<Result<_, _>>()
			.map_err(|_| BenchmarkError::Stop("round 2"))?;
		answers.push(z);
	}
	let last = answers.pop().ok_or(BenchmarkError::Stop("signers"))?;
	for (i, z) in (1..).zip(answers) {
		SignShares::<T>::insert(0, i, z);
	}
	let message = Message::SignShare { proposal: 0, attempt: 0, package, shares: last };
	let first = p.updates[0].0;
	let version = pallet_live_chain::Txs::<T>::get(first).map(|t| t.version);
	Ok((signed::<T>(&keys[usize::from(t) - 1], message), (first, version.map(|v| v + 1))))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The `t`-th member's round-1 commitments for a redaction of `u` collisions, committee
	/// of four (`t = 3`): closes round 1, builds every signing package and its digest.
	#[benchmark]
	fn sign_commit(
		u: Linear<2, { crate::costs::max_chunk::<T>().saturating_mul(2) }>,
	) -> Result<(), BenchmarkError> {
		let (submission, signature) = round_one::<T>(u, 4, 3)?;

		#[extrinsic_call]
		submit(RawOrigin::None, submission, signature);

		assert!(matches!(Proposals::<T>::get(0).map(|p| p.phase), Some(SignPhase::Sign { .. })));
		Ok(())
	}

	/// [`sign_commit`] with `s` signers (the largest committee, a key of threshold `s`) for
	/// a redaction of [`signers_bench_items`] collisions: what each signer beyond three adds.
	#[benchmark]
	fn sign_commit_signers(
		s: Linear<3, { crate::costs::max_threshold::<T>() as u32 }>,
	) -> Result<(), BenchmarkError> {
		let (submission, signature) = round_one::<T>(signers_bench_items::<T>(), T::MaxMembers::get(), s)?;

		#[extrinsic_call]
		submit(RawOrigin::None, submission, signature);

		assert!(matches!(Proposals::<T>::get(0).map(|p| p.phase), Some(SignPhase::Sign { .. })));
		Ok(())
	}

	/// The last of three signers' partial shares for a redaction of `u` collisions
	/// (committee of four; `u / 2` models, each in its own live block: the heaviest shape):
	/// builds the signing sessions, aggregates every collision and checks each sum once
	/// (the others' shares were stored unchecked: no partial share is checked in an honest
	/// round) and applies the redaction (live chain checks, archive, request hook).
	#[benchmark]
	fn sign_share(
		u: Linear<2, { crate::costs::max_chunk::<T>().saturating_mul(2) }>,
	) -> Result<(), BenchmarkError> {
		let ((submission, signature), first) = round_two::<T>(u, 4, 3)?;

		#[extrinsic_call]
		submit(RawOrigin::None, submission, signature);

		assert!(Proposals::<T>::get(0).is_none());
		assert_eq!(pallet_live_chain::Txs::<T>::get(first.0).map(|t| t.version), first.1);
		// A chunk before the request's end: its models stay locked by the open request.
		assert!(<T as pallet_live_chain::Config>::OnRedaction::locked_by(first.0).is_some());
		Ok(())
	}

	/// [`sign_share`] with `s` signers (the largest committee, a key of threshold `s`) for a
	/// redaction of [`signers_bench_items`] collisions: what each signer beyond three adds.
	#[benchmark]
	fn sign_share_signers(
		s: Linear<3, { crate::costs::max_threshold::<T>() as u32 }>,
	) -> Result<(), BenchmarkError> {
		let ((submission, signature), first) =
			round_two::<T>(signers_bench_items::<T>(), T::MaxMembers::get(), s)?;

		#[extrinsic_call]
		submit(RawOrigin::None, submission, signature);

		assert!(Proposals::<T>::get(0).is_none());
		assert_eq!(pallet_live_chain::Txs::<T>::get(first.0).map(|t| t.version), first.1);
		// A chunk before the request's end: its models stay locked by the open request.
		assert!(<T as pallet_live_chain::Config>::OnRedaction::locked_by(first.0).is_some());
		Ok(())
	}

	/// The last of `n` members' DKG commitments: checks its proof of knowledge (`t(n)`
	/// coefficients) and starts the share phase.
	#[benchmark]
	fn dkg_commit(n: Linear<4, { T::MaxMembers::get() }>) -> Result<(), BenchmarkError> {
		let keys = member_keys::<T>(n);
		let run = dkg_run::<T>(&keys, DkgPhase::Commit)?;
		for i in 1..n as MemberIndex {
			DkgCommitments::<T>::insert(0, i, dkg_commitment::<T>(&run, i)?);
		}
		let commitment = dkg_commitment::<T>(&run, n as MemberIndex)?;
		let (submission, signature) =
			signed::<T>(&keys[n as usize - 1], Message::DkgCommit { epoch: 0, commitment });

		#[extrinsic_call]
		submit(RawOrigin::None, submission, signature);

		assert_eq!(Dkg::<T>::get().map(|r| r.phase), Some(DkgPhase::Share));
		Ok(())
	}

	/// The last of `n` dealers' encrypted shares: closes the share phase, computes the
	/// pending key package from the `n` qualified commitments (`n·t(n)` points) and starts
	/// the confirm phase.
	#[benchmark]
	fn dkg_share(n: Linear<4, { T::MaxMembers::get() }>) -> Result<(), BenchmarkError> {
		let keys = member_keys::<T>(n);
		let run = dkg_run::<T>(&keys, DkgPhase::Share)?;
		let all: Vec<MemberIndex> = (1..=n as MemberIndex).collect();
		let shares_of = |i: MemberIndex| -> Vec<(MemberIndex, [u8; 32])> {
			all.iter().filter(|j| **j != i).map(|j| (*j, [*j as u8; 32])).collect()
		};
		for &i in &all {
			DkgCommitments::<T>::insert(0, i, dkg_commitment::<T>(&run, i)?);
			if i < n as MemberIndex {
				DkgShares::<T>::insert(0, i, shares_of(i));
			}
		}
		let shares = shares_of(n as MemberIndex);
		let (submission, signature) =
			signed::<T>(&keys[n as usize - 1], Message::DkgShare { epoch: 0, shares });

		#[extrinsic_call]
		submit(RawOrigin::None, submission, signature);

		assert_eq!(Dkg::<T>::get().map(|r| r.phase), Some(DkgPhase::Confirm));
		assert!(DkgPending::<T>::get().is_some());
		Ok(())
	}

	/// The last of `n` members' key confirmations: checks its proof against its `Y_j`,
	/// installs the key on the live chain and records the epoch.
	#[benchmark]
	fn dkg_confirm(n: Linear<4, { T::MaxMembers::get() }>) -> Result<(), BenchmarkError> {
		let n16 = n as u16;
		let keys = member_keys::<T>(n);
		let run = dkg_run::<T>(&keys, DkgPhase::Confirm)?;
		let (shares, package) = split_secret(
			&blockful_chameleon::dev_secret_key(),
			run.threshold,
			n16,
			&mut SeededRng::new([9; 32]),
		)
		.map_err(|_| BenchmarkError::Stop("split"))?;
		let key = Pallet::<T>::key_digest(&package);
		DkgPending::<T>::put(CommitteeKey {
			members: run.members.clone(),
			qualified: (1..=n16).collect(),
			package,
			reshared_from: None,
			confirmed: vec![],
		});
		for i in 1..n16 {
			DkgConfirmed::<T>::insert(0, i, ());
		}
		let share = shares.last().ok_or(BenchmarkError::Stop("shares"))?;
		let proof =
			ch_dkg::confirm_share(share, &Pallet::<T>::dkg_context(0), &mut SeededRng::new([3; 32]));
		let (submission, signature) =
			signed::<T>(&keys[n as usize - 1], Message::DkgConfirm { epoch: 0, key, proof });

		#[extrinsic_call]
		submit(RawOrigin::None, submission, signature);

		assert!(Keys::<T>::contains_key(0));
		assert!(Dkg::<T>::get().is_none());
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
