//! Threshold trapdoor: any t of n members can adapt, t − 1 cannot, and a cheating member
//! is named. Committees come from both the trusted dealer and the DKG.

use blockful_chameleon::{
	dev_public_key, dev_secret_key, hash, threshold, threshold::dkg, verify, ChCheck, ChError,
	ChRandomness,
};
use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};
use blockful_chameleon::BatchError;
use threshold::{
	aggregate, aggregate_batch, round1, round2, verify_share, KeyShare, MemberIndex, PartialShare,
	PublicKeyPackage, Session, SigningPackage,
};

fn rng(seed: u64) -> ChaCha20Rng {
	ChaCha20Rng::seed_from_u64(seed)
}

/// All `k`-element subsets of `1..=n`, ascending.
fn subsets(n: u16, k: u16) -> Vec<Vec<MemberIndex>> {
	fn go(start: u16, n: u16, k: u16, current: &mut Vec<u16>, out: &mut Vec<Vec<u16>>) {
		if current.len() == usize::from(k) {
			out.push(current.clone());
			return;
		}
		for i in start..=n {
			current.push(i);
			go(i + 1, n, k, current, out);
			current.pop();
		}
	}
	let mut out = Vec::new();
	go(1, n, k, &mut Vec::new(), &mut out);
	out
}

fn share_of(shares: &[KeyShare], index: MemberIndex) -> &KeyShare {
	shares.iter().find(|s| s.index() == index).expect("member exists")
}

/// Runs both rounds for `signers` and returns the package and the partial shares.
fn run_rounds(
	shares: &[KeyShare],
	signers: &[MemberIndex],
	check: &ChCheck,
	msg: &[u8],
	rng: &mut ChaCha20Rng,
) -> (SigningPackage, Vec<PartialShare>) {
	let (nonces, commitments): (Vec<_>, Vec<_>) =
		signers.iter().map(|i| round1(share_of(shares, *i), rng)).unzip();
	let package = SigningPackage::new(*check, msg, &commitments).unwrap();
	let partials = signers
		.iter()
		.zip(nonces)
		.map(|(i, n)| round2(share_of(shares, *i), n, &package).unwrap())
		.collect();
	(package, partials)
}

fn threshold_adapt(
	shares: &[KeyShare],
	keys: &PublicKeyPackage,
	signers: &[MemberIndex],
	check: &ChCheck,
	msg: &[u8],
	rng: &mut ChaCha20Rng,
) -> Result<ChRandomness, ChError> {
	let (package, partials) = run_rounds(shares, signers, check, msg, rng);
	aggregate(keys, &package, &partials)
}

fn run_dkg(
	t: u16,
	n: u16,
	context: &[u8],
	rng: &mut ChaCha20Rng,
) -> (Vec<KeyShare>, PublicKeyPackage) {
	let (secrets, packages): (Vec<_>, Vec<_>) =
		(1..=n).map(|i| dkg::part1(i, t, n, context, rng).unwrap()).unzip();
	let mut round2_secrets = Vec::new();
	let mut mailbox = Vec::new();
	for secret in secrets {
		let (next, outgoing) = dkg::part2(secret, &packages).unwrap();
		round2_secrets.push(next);
		mailbox.extend(outgoing);
	}
	let mut shares = Vec::new();
	let mut keys: Option<PublicKeyPackage> = None;
	for (i, secret) in (1..=n).zip(round2_secrets) {
		let mine: Vec<_> = mailbox.iter().filter(|p| p.receiver == i).cloned().collect();
		let (share, package) = dkg::part3(secret, &mine).unwrap();
		if let Some(previous) = &keys {
			assert_eq!(previous, &package, "every participant derives the same public keys");
		}
		keys = Some(package);
		shares.push(share);
	}
	(shares, keys.unwrap())
}

fn assert_every_subset_works(t: u16, n: u16, shares: &[KeyShare], keys: &PublicKeyPackage) {
	let mut rng = rng(u64::from(t) * 100 + u64::from(n));
	let (check, original) = hash(&keys.group_key, b"original model", &mut rng).unwrap();
	assert_eq!(verify(&keys.group_key, b"original model", &original, &check), Ok(()));
	let all = subsets(n, t);
	assert!(!all.is_empty());
	for signers in all {
		let msg = format!("unlearned by {signers:?}");
		let collision =
			threshold_adapt(shares, keys, &signers, &check, msg.as_bytes(), &mut rng).unwrap();
		assert_eq!(
			verify(&keys.group_key, msg.as_bytes(), &collision, &check),
			Ok(()),
			"signers {signers:?}"
		);
	}
}

#[test]
fn every_subset_of_3_of_4_dealer_works() {
	let (shares, keys) = threshold::trusted_dealer_keygen(3, 4, &mut rng(1)).unwrap();
	assert_eq!(subsets(4, 3).len(), 4);
	assert_every_subset_works(3, 4, &shares, &keys);
}

#[test]
fn every_subset_of_5_of_7_dealer_works() {
	let (shares, keys) = threshold::trusted_dealer_keygen(5, 7, &mut rng(2)).unwrap();
	assert_eq!(subsets(7, 5).len(), 21);
	assert_every_subset_works(5, 7, &shares, &keys);
}

#[test]
fn every_subset_of_3_of_4_dkg_works() {
	let (shares, keys) = run_dkg(3, 4, b"test 3-of-4", &mut rng(3));
	assert_eq!(keys.validate(), Ok(()));
	assert_every_subset_works(3, 4, &shares, &keys);
}

#[test]
fn every_subset_of_5_of_7_dkg_works() {
	let (shares, keys) = run_dkg(5, 7, b"test 5-of-7", &mut rng(4));
	assert_eq!(keys.validate(), Ok(()));
	assert_every_subset_works(5, 7, &shares, &keys);
}

#[test]
fn more_than_t_signers_work() {
	let (shares, keys) = threshold::trusted_dealer_keygen(3, 4, &mut rng(5)).unwrap();
	let mut rng = rng(6);
	let (check, _) = hash(&keys.group_key, b"m", &mut rng).unwrap();
	let collision =
		threshold_adapt(&shares, &keys, &[1, 2, 3, 4], &check, b"m2", &mut rng).unwrap();
	assert_eq!(verify(&keys.group_key, b"m2", &collision, &check), Ok(()));
}

#[test]
fn one_of_one_works() {
	let (shares, keys) = threshold::trusted_dealer_keygen(1, 1, &mut rng(7)).unwrap();
	assert_every_subset_works(1, 1, &shares, &keys);
}

#[test]
fn split_dev_key_works() {
	let (shares, keys) = threshold::split_secret(&dev_secret_key(), 3, 4, &mut rng(8)).unwrap();
	assert_eq!(keys.group_key, dev_public_key());
	assert_eq!(keys.validate(), Ok(()));
	assert_every_subset_works(3, 4, &shares, &keys);
}

#[test]
fn tampered_share_is_detected_and_signer_named() {
	for (t, n) in [(3u16, 4u16), (5, 7)] {
		let (shares, keys) = threshold::trusted_dealer_keygen(t, n, &mut rng(9)).unwrap();
		let mut rng = rng(10);
		let (check, _) = hash(&keys.group_key, b"m", &mut rng).unwrap();
		let signers: Vec<u16> = (1..=t).collect();
		let (package, partials) = run_rounds(&shares, &signers, &check, b"m2", &mut rng);
		for cheater in 0..partials.len() {
			let mut tampered = partials.clone();
			tampered[cheater].z[0] ^= 1;
			let named = tampered[cheater].signer;
			assert_eq!(
				aggregate(&keys, &package, &tampered),
				Err(ChError::InvalidShare { signer: named })
			);
			for share in &tampered {
				let expected = if share.signer == named {
					Err(ChError::InvalidShare { signer: named })
				} else {
					Ok(())
				};
				assert_eq!(verify_share(&keys, &package, share), expected);
			}
		}
		// Honest shares all pass and aggregate.
		let session = Session::new(&keys, &package).unwrap();
		for share in &partials {
			assert_eq!(session.verify_share(share), Ok(()));
		}
		let collision = session.aggregate(&partials).unwrap();
		assert_eq!(collision.r_bytes(), session.randomness_point());
		assert_eq!(verify(&keys.group_key, b"m2", &collision, &check), Ok(()));
	}
}

#[test]
fn share_for_another_message_is_detected() {
	// A member that signs a different m′ than agreed is named, not silently aggregated.
	let (shares, keys) = threshold::trusted_dealer_keygen(3, 4, &mut rng(11)).unwrap();
	let mut rng = rng(12);
	let (check, _) = hash(&keys.group_key, b"m", &mut rng).unwrap();
	let signers = [1u16, 3, 4];
	let (nonces, commitments): (Vec<_>, Vec<_>) =
		signers.iter().map(|i| round1(share_of(&shares, *i), &mut rng)).unzip();
	let agreed = SigningPackage::new(check, b"agreed", &commitments).unwrap();
	let rogue = SigningPackage::new(check, b"rogue", &commitments).unwrap();
	let partials: Vec<_> = signers
		.iter()
		.zip(nonces)
		.map(|(i, n)| {
			let package = if *i == 3 { &rogue } else { &agreed };
			round2(share_of(&shares, *i), n, package).unwrap()
		})
		.collect();
	assert_eq!(aggregate(&keys, &agreed, &partials), Err(ChError::InvalidShare { signer: 3 }));
}

#[test]
fn t_minus_1_signers_fail() {
	for (t, n) in [(3u16, 4u16), (5, 7)] {
		let (shares, keys) = threshold::trusted_dealer_keygen(t, n, &mut rng(13)).unwrap();
		let mut rng = rng(14);
		let (check, _) = hash(&keys.group_key, b"m", &mut rng).unwrap();
		for signers in subsets(n, t - 1) {
			let (nonces, commitments): (Vec<_>, Vec<_>) =
				signers.iter().map(|i| round1(share_of(&shares, *i), &mut rng)).unzip();
			let package = SigningPackage::new(check, b"m2", &commitments).unwrap();
			let too_few = ChError::NotEnoughShares { needed: t, got: t - 1 };
			assert_eq!(Session::new(&keys, &package).err(), Some(too_few));
			for (i, nonce) in signers.iter().zip(nonces) {
				assert_eq!(round2(share_of(&shares, *i), nonce, &package), Err(too_few));
			}
			assert_eq!(aggregate(&keys, &package, &[]), Err(too_few));
		}
	}
}

#[test]
fn t_minus_1_honest_shares_cannot_collide_even_when_lying_about_t() {
	// Members who pretend the threshold is t − 1 compute perfectly valid partial shares,
	// but t − 1 points do not determine the degree t − 1 polynomial: no collision.
	let (t, n) = (3u16, 4u16);
	let (shares, keys) = threshold::trusted_dealer_keygen(t, n, &mut rng(15)).unwrap();
	let mut lying_keys = keys.clone();
	lying_keys.threshold = t - 1;
	assert_eq!(lying_keys.validate(), Err(ChError::InconsistentKeyPackage));
	let lying_shares: Vec<KeyShare> = shares
		.iter()
		.map(|s| KeyShare::from_parts(s.index(), s.secret_bytes(), &lying_keys).unwrap())
		.collect();
	let mut rng = rng(16);
	let (check, _) = hash(&keys.group_key, b"m", &mut rng).unwrap();
	for signers in subsets(n, t - 1) {
		let (package, partials) = run_rounds(&lying_shares, &signers, &check, b"m2", &mut rng);
		for share in &partials {
			assert_eq!(verify_share(&lying_keys, &package, share), Ok(()));
		}
		assert_eq!(
			aggregate(&lying_keys, &package, &partials),
			Err(ChError::InconsistentKeyPackage)
		);
		// Summing the shares anyway gives randomness that plain verify rejects.
		let session = Session::new(&lying_keys, &package).unwrap();
		let s: curve25519_dalek::scalar::Scalar = partials
			.iter()
			.map(|p| curve25519_dalek::scalar::Scalar::from_canonical_bytes(p.z).unwrap())
			.sum();
		let forged = ChRandomness::from_parts(session.randomness_point(), s.to_bytes());
		assert_eq!(verify(&keys.group_key, b"m2", &forged, &check), Err(ChError::Mismatch));
	}
}

#[test]
fn reused_or_foreign_nonces_fail() {
	let (shares, keys) = threshold::trusted_dealer_keygen(2, 3, &mut rng(17)).unwrap();
	let mut rng = rng(18);
	let (check, _) = hash(&keys.group_key, b"m", &mut rng).unwrap();
	let (n1, c1) = round1(&shares[0], &mut rng);
	let (_n2, c2) = round1(&shares[1], &mut rng);
	let (n1_other, _) = round1(&shares[0], &mut rng);
	let package = SigningPackage::new(check, b"m2", &[c1, c2]).unwrap();
	// Nonces of another session.
	assert_eq!(round2(&shares[0], n1_other, &package), Err(ChError::NonceMismatch));
	// Nonces of another member.
	assert_eq!(round2(&shares[1], n1, &package), Err(ChError::NonceMismatch));
	// A member that is not in the package.
	let (n3, _) = round1(&shares[2], &mut rng);
	assert_eq!(round2(&shares[2], n3, &package), Err(ChError::MissingCommitment { signer: 3 }));
}

#[test]
fn malformed_signing_packages_fail() {
	let (shares, keys) = threshold::trusted_dealer_keygen(2, 3, &mut rng(19)).unwrap();
	let mut rng = rng(20);
	let (check, _) = hash(&keys.group_key, b"m", &mut rng).unwrap();
	let (_, c1) = round1(&shares[0], &mut rng);
	let (_, c2) = round1(&shares[1], &mut rng);
	assert_eq!(
		SigningPackage::new(check, b"x", &[c1, c2, c1]).err(),
		Some(ChError::DuplicateSigner { signer: 1 })
	);
	let mut identity = c2;
	identity.binding = [0u8; 32];
	assert_eq!(
		SigningPackage::new(check, b"x", &[c1, identity]).err(),
		Some(ChError::InvalidCommitment { signer: 2 })
	);
	let mut garbage = c2;
	garbage.hiding = [0xff; 32];
	assert_eq!(
		SigningPackage::new(check, b"x", &[c1, garbage]).err(),
		Some(ChError::InvalidCommitment { signer: 2 })
	);
	let mut zero = c2;
	zero.signer = 0;
	assert_eq!(
		SigningPackage::new(check, b"x", &[c1, zero]).err(),
		Some(ChError::InvalidIndex { index: 0 })
	);
	assert_eq!(
		SigningPackage::new(ChCheck([0xff; 32]), b"x", &[c1, c2]).err(),
		Some(ChError::InvalidCheck)
	);
	let mut stranger = c2;
	stranger.signer = 9;
	let package = SigningPackage::new(check, b"x", &[c1, stranger]).unwrap();
	assert_eq!(Session::new(&keys, &package).err(), Some(ChError::UnknownSigner { signer: 9 }));
}

#[test]
fn missing_duplicate_and_foreign_shares_fail() {
	let (shares, keys) = threshold::trusted_dealer_keygen(2, 3, &mut rng(21)).unwrap();
	let mut rng = rng(22);
	let (check, _) = hash(&keys.group_key, b"m", &mut rng).unwrap();
	let (package, partials) = run_rounds(&shares, &[1, 3], &check, b"m2", &mut rng);
	assert_eq!(
		aggregate(&keys, &package, &partials[..1]),
		Err(ChError::MissingShare { signer: 3 })
	);
	assert_eq!(
		aggregate(&keys, &package, &[partials[0], partials[0], partials[1]]),
		Err(ChError::DuplicateSigner { signer: 1 })
	);
	let foreign = PartialShare { signer: 2, z: partials[0].z };
	assert_eq!(
		aggregate(&keys, &package, &[partials[0], partials[1], foreign]),
		Err(ChError::UnknownSigner { signer: 2 })
	);
	let mut non_canonical = partials[1];
	non_canonical.z = [0xff; 32];
	assert_eq!(
		aggregate(&keys, &package, &[partials[0], non_canonical]),
		Err(ChError::InvalidShare { signer: 3 })
	);
}

#[test]
fn dkg_no_single_share_is_the_trapdoor() {
	let (shares, keys) = run_dkg(3, 4, b"ctx", &mut rng(23));
	for share in &shares {
		assert_ne!(share.verifying_share(), keys.group_key);
		assert_eq!(share.group_key(), keys.group_key);
		assert_eq!(share.threshold(), 3);
		assert_eq!(keys.verification_share(share.index()), Some(&share.verifying_share()));
	}
}

#[test]
fn dkg_bad_proof_of_knowledge_names_participant() {
	let mut rng = rng(24);
	let (mut secrets, mut packages): (Vec<_>, Vec<_>) =
		(1..=4).map(|i| dkg::part1(i, 3, 4, b"ctx", &mut rng).unwrap()).unzip();
	packages[2].proof_mu[0] ^= 1;
	let first = secrets.remove(0);
	assert_eq!(
		dkg::part2(first, &packages).err(),
		Some(ChError::InvalidProofOfKnowledge { participant: 3 })
	);
}

#[test]
fn dkg_rogue_key_is_rejected() {
	// Participant 4 replaces its constant term by a point it has no discrete log for
	// (here: minus everyone else's sum, to cancel the group key). Its proof cannot follow.
	let mut rng = rng(25);
	let (mut secrets, mut packages): (Vec<_>, Vec<_>) =
		(1..=4).map(|i| dkg::part1(i, 3, 4, b"ctx", &mut rng).unwrap()).unzip();
	use curve25519_dalek::ristretto::{CompressedRistretto, RistrettoPoint};
	let others: RistrettoPoint = packages[..3]
		.iter()
		.map(|p| CompressedRistretto(p.commitment[0]).decompress().unwrap())
		.sum();
	packages[3].commitment[0] = (-others).compress().0;
	let first = secrets.remove(0);
	assert_eq!(
		dkg::part2(first, &packages).err(),
		Some(ChError::InvalidProofOfKnowledge { participant: 4 })
	);
}

#[test]
fn dkg_wrong_context_fails() {
	let mut rng = rng(26);
	let (secret1, p1) = dkg::part1(1, 2, 2, b"run A", &mut rng).unwrap();
	let (_, p2) = dkg::part1(2, 2, 2, b"run B", &mut rng).unwrap();
	assert_eq!(
		dkg::part2(secret1, &[p1, p2]).err(),
		Some(ChError::InvalidProofOfKnowledge { participant: 2 })
	);
}

#[test]
fn dkg_bad_share_names_sender() {
	let mut rng = rng(27);
	let (secrets, packages): (Vec<_>, Vec<_>) =
		(1..=4).map(|i| dkg::part1(i, 3, 4, b"ctx", &mut rng).unwrap()).unzip();
	let mut round2_secrets = Vec::new();
	let mut mailbox = Vec::new();
	for secret in secrets {
		let (next, outgoing) = dkg::part2(secret, &packages).unwrap();
		round2_secrets.push(next);
		mailbox.extend(outgoing);
	}
	// Participant 2 sends participant 1 a share that is off by one.
	let mut mine: Vec<_> = mailbox.iter().filter(|p| p.receiver == 1).cloned().collect();
	let from_2 = mine.iter_mut().find(|p| p.sender == 2).unwrap();
	from_2.share[0] = from_2.share[0].wrapping_add(1);
	let secret1 = round2_secrets.remove(0);
	assert_eq!(dkg::part3(secret1, &mine).err(), Some(ChError::InvalidDkgShare { participant: 2 }));
}

#[test]
fn dkg_missing_packages_fail() {
	let mut rng = rng(28);
	let (mut secrets, packages): (Vec<_>, Vec<_>) =
		(1..=3).map(|i| dkg::part1(i, 2, 3, b"ctx", &mut rng).unwrap()).unzip();
	let first = secrets.remove(0);
	assert_eq!(
		dkg::part2(first, &packages[..2]).err(),
		Some(ChError::MissingDkgPackage { participant: 3 })
	);
	let second = secrets.remove(0);
	let (next, _) = dkg::part2(second, &packages).unwrap();
	assert_eq!(dkg::part3(next, &[]).err(), Some(ChError::MissingDkgPackage { participant: 1 }));
}

#[test]
fn dkg_malformed_commitment_fails() {
	let mut rng = rng(29);
	let (mut secrets, mut packages): (Vec<_>, Vec<_>) =
		(1..=3).map(|i| dkg::part1(i, 2, 3, b"ctx", &mut rng).unwrap()).unzip();
	packages[1].commitment.pop();
	let first = secrets.remove(0);
	assert_eq!(
		dkg::part2(first, &packages).err(),
		Some(ChError::InvalidDkgCommitment { participant: 2 })
	);
}

#[test]
fn bad_parameters_fail() {
	let mut rng = rng(30);
	for (t, n) in [(0u16, 3u16), (4, 3), (1, 0)] {
		assert_eq!(
			threshold::trusted_dealer_keygen(t, n, &mut rng).err(),
			Some(ChError::InvalidParameters)
		);
		assert_eq!(dkg::part1(1, t, n, b"", &mut rng).err(), Some(ChError::InvalidParameters));
	}
	assert_eq!(dkg::part1(0, 2, 3, b"", &mut rng).err(), Some(ChError::InvalidIndex { index: 0 }));
	assert_eq!(dkg::part1(4, 2, 3, b"", &mut rng).err(), Some(ChError::InvalidIndex { index: 4 }));
}

#[test]
fn key_package_validation_catches_tampering() {
	let (shares, keys) = threshold::trusted_dealer_keygen(3, 5, &mut rng(31)).unwrap();
	assert_eq!(keys.validate(), Ok(()));
	let mut swapped = keys.clone();
	swapped.verification_shares[4].1 = swapped.verification_shares[0].1;
	assert_eq!(swapped.validate(), Err(ChError::InconsistentKeyPackage));
	let mut other_key = keys.clone();
	other_key.group_key = dev_public_key();
	assert_eq!(other_key.validate(), Err(ChError::InconsistentKeyPackage));
	let mut reordered = keys.clone();
	reordered.verification_shares.swap(0, 1);
	assert_eq!(reordered.validate(), Err(ChError::InconsistentKeyPackage));
	// A share's stored secret must match its verification share.
	assert!(KeyShare::from_parts(1, shares[0].secret_bytes(), &keys).is_ok());
	assert_eq!(
		KeyShare::from_parts(2, shares[0].secret_bytes(), &keys).err(),
		Some(ChError::InconsistentKeyPackage)
	);
}

#[test]
fn key_share_debug_does_not_leak() {
	let (shares, _) = threshold::trusted_dealer_keygen(2, 2, &mut rng(32)).unwrap();
	let shown = format!("{:?}", shares[0]);
	assert!(shown.contains("<redacted>"));
	assert!(!shown.contains(&format!("{:?}", shares[0].secret_bytes())));
	let (nonces, _) = round1(&shares[0], &mut rng(33));
	assert!(format!("{nonces:?}").contains("<redacted>"));
}

#[test]
fn wire_types_round_trip_through_scale() {
	use codec::{Decode, Encode};
	let (shares, keys) = run_dkg(2, 3, b"ctx", &mut rng(34));
	assert_eq!(PublicKeyPackage::decode(&mut &keys.encode()[..]).unwrap(), keys);
	let (_, commitments) = round1(&shares[0], &mut rng(35));
	assert_eq!(
		threshold::SigningCommitments::decode(&mut &commitments.encode()[..]).unwrap(),
		commitments
	);
	let (_, p1) = dkg::part1(1, 2, 3, b"ctx", &mut rng(36)).unwrap();
	assert_eq!(dkg::Round1Package::decode(&mut &p1.encode()[..]).unwrap(), p1);
}

/// One signing round of `items` collisions by `signers` (one package per collision, the
/// same signer set): the packages, each collision's shares, and the check values.
fn batch_round(
	shares: &[KeyShare],
	keys: &PublicKeyPackage,
	signers: &[MemberIndex],
	items: usize,
	rng: &mut ChaCha20Rng,
) -> (Vec<SigningPackage>, Vec<Vec<PartialShare>>, Vec<ChCheck>) {
	let mut packages = Vec::new();
	let mut partials = Vec::new();
	let mut checks = Vec::new();
	for k in 0..items {
		let (check, _) = hash(&keys.group_key, format!("model-{k}").as_bytes(), rng).unwrap();
		let (package, shares) =
			run_rounds(shares, signers, &check, format!("model-{k}-v1").as_bytes(), rng);
		packages.push(package);
		partials.push(shares);
		checks.push(check);
	}
	(packages, partials, checks)
}

#[test]
fn aggregate_batch_gives_the_collisions_that_aggregate_gives() {
	let (shares, keys) = threshold::trusted_dealer_keygen(3, 4, &mut rng(40)).unwrap();
	let (packages, partials, checks) = batch_round(&shares, &keys, &[1, 2, 4], 9, &mut rng(41));
	let sessions = Session::new_many(&keys, &packages).unwrap();
	let collisions = aggregate_batch(&sessions, &partials).unwrap();
	assert_eq!(collisions.len(), 9);
	for (k, collision) in collisions.iter().enumerate() {
		assert_eq!(Ok(*collision), aggregate(&keys, &packages[k], &partials[k]));
		let msg = format!("model-{k}-v1");
		assert_eq!(verify(&keys.group_key, msg.as_bytes(), collision, &checks[k]), Ok(()));
	}
	assert_eq!(aggregate_batch(&[], &[]), Ok(Vec::new()));
}

#[test]
fn new_many_gives_the_sessions_that_new_gives() {
	// Derived once per signer set, per package otherwise: the same R′ and the same verdicts,
	// also when the signer set changes within the list.
	let (shares, keys) = threshold::trusted_dealer_keygen(3, 5, &mut rng(42)).unwrap();
	let mut rng = rng(43);
	let (mut packages, mut partials, _) = batch_round(&shares, &keys, &[1, 2, 3], 3, &mut rng);
	let (more, more_partials, _) = batch_round(&shares, &keys, &[2, 4, 5], 3, &mut rng);
	packages.extend(more);
	partials.extend(more_partials);
	let many = Session::new_many(&keys, &packages).unwrap();
	for (k, session) in many.iter().enumerate() {
		let one = Session::new(&keys, &packages[k]).unwrap();
		assert_eq!(session.randomness_point(), one.randomness_point());
		assert_eq!(session.signers(), one.signers());
		for share in &partials[k] {
			assert_eq!(session.verify_share(share), Ok(()));
		}
	}
	assert_eq!(aggregate_batch(&many, &partials).map(|c| c.len()), Ok(6));
}

#[test]
fn new_many_names_the_package_with_an_unknown_signer() {
	let (shares, keys) = threshold::trusted_dealer_keygen(3, 4, &mut rng(44)).unwrap();
	let (mut packages, _, checks) = batch_round(&shares, &keys, &[1, 2, 3], 3, &mut rng(45));
	let foreign: Vec<_> = [1u16, 2, 9]
		.iter()
		.map(|i| {
			let (_, mut c) = round1(share_of(&shares, (*i).min(4)), &mut rng(46));
			c.signer = *i;
			c
		})
		.collect();
	packages[2] = SigningPackage::new(checks[2], b"m", &foreign).unwrap();
	assert_eq!(
		Session::new_many(&keys, &packages).err(),
		Some(BatchError { index: 2, error: ChError::UnknownSigner { signer: 9 } })
	);
}

#[test]
fn a_wrong_share_anywhere_in_a_batch_names_its_collision_and_signer() {
	// Every position of a 13-collision batch and every signer: the bisection finds the
	// collision and the share check names the cheater; nothing is returned for the others.
	let (shares, keys) = threshold::trusted_dealer_keygen(3, 4, &mut rng(47)).unwrap();
	let (packages, partials, _) = batch_round(&shares, &keys, &[1, 3, 4], 13, &mut rng(48));
	let sessions = Session::new_many(&keys, &packages).unwrap();
	for bad in 0..13 {
		for cheater in 0..3 {
			let mut tampered = partials.clone();
			// A valid scalar, just not this signer's share.
			tampered[bad][cheater].z = tampered[(bad + 1) % 13][cheater].z;
			let signer = tampered[bad][cheater].signer;
			assert_eq!(
				aggregate_batch(&sessions, &tampered),
				Err(BatchError { index: bad, error: ChError::InvalidShare { signer } })
			);
		}
	}
}

#[test]
fn two_cheaters_in_a_batch_the_first_collision_is_named() {
	let (shares, keys) = threshold::trusted_dealer_keygen(3, 4, &mut rng(49)).unwrap();
	let (packages, mut partials, _) = batch_round(&shares, &keys, &[1, 2, 3], 8, &mut rng(50));
	let sessions = Session::new_many(&keys, &packages).unwrap();
	partials[6][0].z = partials[0][0].z;
	partials[3][2].z = partials[0][2].z;
	assert_eq!(
		aggregate_batch(&sessions, &partials),
		Err(BatchError { index: 3, error: ChError::InvalidShare { signer: 3 } })
	);
}

#[test]
fn malformed_batches_name_the_collision() {
	let (shares, keys) = threshold::trusted_dealer_keygen(3, 4, &mut rng(51)).unwrap();
	let (packages, partials, _) = batch_round(&shares, &keys, &[1, 2, 3], 4, &mut rng(52));
	let sessions = Session::new_many(&keys, &packages).unwrap();
	// A missing share, a repeated signer, a non-canonical scalar, a list too short.
	let mut missing = partials.clone();
	missing[2].pop();
	assert_eq!(
		aggregate_batch(&sessions, &missing),
		Err(BatchError { index: 2, error: ChError::MissingShare { signer: 3 } })
	);
	let mut repeated = partials.clone();
	repeated[1][2] = repeated[1][1];
	assert_eq!(
		aggregate_batch(&sessions, &repeated),
		Err(BatchError { index: 1, error: ChError::DuplicateSigner { signer: 2 } })
	);
	let mut wide = partials.clone();
	wide[3][0].z = [0xff; 32];
	assert_eq!(
		aggregate_batch(&sessions, &wide),
		Err(BatchError { index: 3, error: ChError::InvalidShare { signer: 1 } })
	);
	assert_eq!(
		aggregate_batch(&sessions, &partials[..3]),
		Err(BatchError { index: 3, error: ChError::InvalidParameters })
	);
}

#[test]
fn a_key_package_that_does_not_interpolate_fails_the_batch_without_naming_a_member() {
	// Shares valid against their Y_i, but t − 1 of them: the batch fails, every share
	// verifies, so no member is blamed.
	let (t, n) = (3u16, 4u16);
	let (shares, keys) = threshold::trusted_dealer_keygen(t, n, &mut rng(53)).unwrap();
	let mut lying_keys = keys.clone();
	lying_keys.threshold = t - 1;
	let lying_shares: Vec<KeyShare> = shares
		.iter()
		.map(|s| KeyShare::from_parts(s.index(), s.secret_bytes(), &lying_keys).unwrap())
		.collect();
	let (packages, partials, _) =
		batch_round(&lying_shares, &lying_keys, &[2, 4], 5, &mut rng(54));
	let sessions = Session::new_many(&lying_keys, &packages).unwrap();
	assert_eq!(
		aggregate_batch(&sessions, &partials),
		Err(BatchError { index: 0, error: ChError::InconsistentKeyPackage })
	);
}

#[test]
fn a_batch_over_two_keys_checks_each_collision_on_its_own_key() {
	// Sessions of two committees in one call: no common batch, each sum checked against its
	// own group key; a wrong share is still named with its collision.
	let (shares_a, keys_a) = threshold::trusted_dealer_keygen(3, 4, &mut rng(55)).unwrap();
	let (shares_b, keys_b) = threshold::trusted_dealer_keygen(2, 3, &mut rng(56)).unwrap();
	let (packages_a, partials_a, _) = batch_round(&shares_a, &keys_a, &[1, 2, 3], 2, &mut rng(57));
	let (packages_b, partials_b, _) = batch_round(&shares_b, &keys_b, &[1, 3], 2, &mut rng(58));
	let mut sessions = Session::new_many(&keys_a, &packages_a).unwrap();
	sessions.extend(Session::new_many(&keys_b, &packages_b).unwrap());
	let mut partials = partials_a.clone();
	partials.extend(partials_b);
	let collisions = aggregate_batch(&sessions, &partials).unwrap();
	assert_eq!(collisions[0], aggregate(&keys_a, &packages_a[0], &partials_a[0]).unwrap());
	assert_eq!(collisions[3], aggregate(&keys_b, &packages_b[1], &partials[3]).unwrap());
	partials[2][1].z = partials[3][1].z;
	assert_eq!(
		aggregate_batch(&sessions, &partials),
		Err(BatchError { index: 2, error: ChError::InvalidShare { signer: 3 } })
	);
}
