//! # Distributed key generation
//!
//! Pedersen DKG with Schnorr proofs of knowledge of each constant term (the key generation
//! of FROST, Komlo–Goldberg 2020). Every participant `i` of `n`:
//!
//! 1. [`part1`]: draws a random polynomial `f_i` of degree `t − 1`, broadcasts its
//!    commitment `(a_{i,0}·B, …, a_{i,t−1}·B)` and a proof of knowledge of `a_{i,0}`
//!    bound to the session `context`, the index and the parameters ([`Round1Package`]).
//! 2. [`part2`]: checks everybody else's proof (a failure names the participant), then
//!    sends `f_i(ℓ)` to each other participant `ℓ` over a private, authenticated channel
//!    ([`Round2Package`]).
//! 3. [`part3`]: checks every received `f_j(i)` against `j`'s commitment (a failure names
//!    `j`) and outputs `x_i = Σ_j f_j(i)` and the public key package with
//!    `Y = Σ_j a_{j,0}·B` and every `Y_ℓ`.
//!
//! The trapdoor `x = Σ_j a_{j,0}` is never assembled anywhere. The proofs of knowledge stop
//! rogue-key attacks (choosing one's commitment as a function of the others'). A failure
//! aborts the run, naming the culprit; the honest participants then exclude it and start a
//! new run with a fresh `context`.

use super::{
	check_params, evaluate_commitment, KeyShare, MemberIndex, PublicKeyPackage, SecretPolynomial,
};
use crate::{
	scheme::{decode_scalar, hash_to_scalar},
	ChError, ChPublicKey,
};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::fmt;
use curve25519_dalek::{
	ristretto::{CompressedRistretto, RistrettoPoint},
	scalar::Scalar,
	traits::IsIdentity,
};
use rand_core::{CryptoRng, RngCore};
use scale_info::TypeInfo;
use sha2::{Digest, Sha512};
use zeroize::{Zeroize, ZeroizeOnDrop};

/// Domain tag hashing the session context.
const CONTEXT_TAG: &[u8] = b"blockful/ch/v1/dkg-context";
/// Domain tag of the proof-of-knowledge challenge.
const POK_TAG: &[u8] = b"blockful/ch/v1/dkg-pok";

/// A participant's broadcast in round 1.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct Round1Package {
	/// The participant.
	pub sender: MemberIndex,
	/// `(a_0·B, …, a_{t−1}·B)`, compressed; exactly `t` entries.
	pub commitment: Vec<[u8; 32]>,
	/// Proof of knowledge of `a_0`: the nonce commitment `R = k·B`, compressed.
	pub proof_r: [u8; 32],
	/// Proof of knowledge of `a_0`: `μ = k + a_0·c` with
	/// `c = Hs("blockful/ch/v1/dkg-pok" ‖ ctx ‖ i ‖ t ‖ n ‖ a_0·B ‖ R)`.
	pub proof_mu: [u8; 32],
}

/// A participant's private message to one other participant in round 2: `f_sender(receiver)`.
///
/// Secret: send it only over an encrypted, authenticated channel. Zeroized on drop.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, Zeroize, ZeroizeOnDrop,
)]
pub struct Round2Package {
	/// The participant that evaluated its polynomial.
	#[zeroize(skip)]
	pub sender: MemberIndex,
	/// The participant it is for.
	#[zeroize(skip)]
	pub receiver: MemberIndex,
	/// `f_sender(receiver)`, canonical little-endian.
	pub share: [u8; 32],
}

impl fmt::Debug for Round2Package {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.debug_struct("Round2Package")
			.field("sender", &self.sender)
			.field("receiver", &self.receiver)
			.field("share", &"<redacted>")
			.finish()
	}
}

/// What a participant keeps between [`part1`] and [`part2`]. Zeroized on drop.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct Round1Secret {
	#[zeroize(skip)]
	index: MemberIndex,
	#[zeroize(skip)]
	threshold: u16,
	#[zeroize(skip)]
	participants: u16,
	#[zeroize(skip)]
	context: [u8; 64],
	polynomial: SecretPolynomial,
	#[zeroize(skip)]
	commitment: Vec<RistrettoPoint>,
}

impl fmt::Debug for Round1Secret {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.debug_struct("Round1Secret").field("index", &self.index).finish_non_exhaustive()
	}
}

/// What a participant keeps between [`part2`] and [`part3`]. Zeroized on drop.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct Round2Secret {
	#[zeroize(skip)]
	index: MemberIndex,
	#[zeroize(skip)]
	threshold: u16,
	#[zeroize(skip)]
	participants: u16,
	own_share: Scalar,
	/// Verified commitments of every participant (own included), by index.
	#[zeroize(skip)]
	commitments: Vec<(MemberIndex, Vec<RistrettoPoint>)>,
}

impl fmt::Debug for Round2Secret {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.debug_struct("Round2Secret").field("index", &self.index).finish_non_exhaustive()
	}
}

fn context_digest(context: &[u8]) -> [u8; 64] {
	let mut hasher = Sha512::new();
	hasher.update(CONTEXT_TAG);
	hasher.update(context);
	hasher.finalize().into()
}

fn pok_challenge(
	context: &[u8; 64],
	index: MemberIndex,
	threshold: u16,
	participants: u16,
	constant: &[u8; 32],
	proof_r: &[u8; 32],
) -> Scalar {
	hash_to_scalar(&[
		POK_TAG,
		context,
		&index.to_le_bytes(),
		&threshold.to_le_bytes(),
		&participants.to_le_bytes(),
		constant,
		proof_r,
	])
}

/// Round 1 for participant `index` of a `threshold`-of-`participants` committee.
///
/// `context` identifies this DKG run (e.g. chain genesis hash ‖ committee epoch) and must
/// be the same for everybody; proofs from another run are rejected.
pub fn part1<R: RngCore + CryptoRng>(
	index: MemberIndex,
	threshold: u16,
	participants: u16,
	context: &[u8],
	rng: &mut R,
) -> Result<(Round1Secret, Round1Package), ChError> {
	check_params(threshold, participants)?;
	if index == 0 || index > participants {
		return Err(ChError::InvalidIndex { index });
	}
	let constant = Scalar::random(rng);
	deal(index, threshold, participants, context, constant, rng)
}

/// Round 1 of a **resharing**: the holder of `share` (a member of the current key) deals
/// it to a new committee as participant `index` of a `threshold`-of-`participants` run.
/// Its polynomial's constant term is its share `x_o`, so its commitment's constant is its
/// public `Y_o` (checkable by anyone: [`check_reshare_package`]); the new members' shares
/// ([`combine_reshared`]) interpolate to the **same** trapdoor `x`, so the group key `Y`
/// and everything hashed under it stay valid.
pub fn reshare_part1<R: RngCore + CryptoRng>(
	share: &KeyShare,
	index: MemberIndex,
	threshold: u16,
	participants: u16,
	context: &[u8],
	rng: &mut R,
) -> Result<(Round1Secret, Round1Package), ChError> {
	check_params(threshold, participants)?;
	if index == 0 || index > participants {
		return Err(ChError::InvalidIndex { index });
	}
	deal(index, threshold, participants, context, *share.secret_scalar(), rng)
}

/// A polynomial with constant `constant`, its commitment and the proof of knowledge.
fn deal<R: RngCore + CryptoRng>(
	index: MemberIndex,
	threshold: u16,
	participants: u16,
	context: &[u8],
	constant: Scalar,
	rng: &mut R,
) -> Result<(Round1Secret, Round1Package), ChError> {
	let context = context_digest(context);
	let polynomial = SecretPolynomial::random_with_constant(constant, threshold - 1, rng);
	let commitment = polynomial.commitment();
	let encoded: Vec<[u8; 32]> = commitment.iter().map(|p| p.compress().0).collect();
	let constant = encoded.first().copied().ok_or(ChError::InvalidParameters)?;

	let mut k = Scalar::random(rng);
	let proof_r = RistrettoPoint::mul_base(&k).compress().0;
	let c = pok_challenge(&context, index, threshold, participants, &constant, &proof_r);
	let mu = k + c * polynomial.constant();
	k.zeroize();

	let package =
		Round1Package { sender: index, commitment: encoded, proof_r, proof_mu: mu.to_bytes() };
	let secret = Round1Secret { index, threshold, participants, context, polynomial, commitment };
	Ok((secret, package))
}

impl Round1Secret {
	/// `f_i(receiver)`: the share this participant deals to `receiver` (canonical
	/// little-endian). Secret: send it only encrypted ([`channel`](super::channel)).
	pub fn share_for(&self, receiver: MemberIndex) -> [u8; 32] {
		self.polynomial.evaluate(receiver).to_bytes()
	}
}

/// Checks a round-1 package of a `threshold`-of-`participants` run with session `context`
/// on its own (length, point encodings, proof of knowledge), as a runtime does when the
/// package is posted. The error names the participant.
pub fn check_round1_package(
	context: &[u8],
	threshold: u16,
	participants: u16,
	package: &Round1Package,
) -> Result<(), ChError> {
	check_params(threshold, participants)?;
	if package.sender == 0 || package.sender > participants {
		return Err(ChError::InvalidIndex { index: package.sender });
	}
	let probe = Round1Secret {
		index: 0,
		threshold,
		participants,
		context: context_digest(context),
		polynomial: SecretPolynomial(Vec::new()),
		commitment: Vec::new(),
	};
	verify_round1(&probe, package).map(|_| ())
}

/// Does `share` equal `f(receiver)` for the polynomial committed to by `commitment`
/// (`share·B = Σ_k receiver^k·C_k`)? The error names `dealer`.
pub fn check_dealt_share(
	commitment: &[[u8; 32]],
	dealer: MemberIndex,
	receiver: MemberIndex,
	share: &[u8; 32],
) -> Result<(), ChError> {
	let bad = ChError::InvalidDkgShare { participant: dealer };
	let points = decode_commitment(commitment, dealer)?;
	let mut scalar = decode_scalar(*share).map_err(|_| bad)?;
	let ok = RistrettoPoint::mul_base(&scalar) == evaluate_commitment(&points, receiver);
	scalar.zeroize();
	if ok {
		Ok(())
	} else {
		Err(bad)
	}
}

/// The committee's public key package from the commitments of the qualified dealers:
/// `Y = Σ_i C_{i,0}` and `Y_j = Σ_i Σ_k j^k·C_{i,k}` for `j = 1..=participants`. Public
/// data only; the runtime computes it when a DKG run ends.
pub fn public_key_package(
	threshold: u16,
	participants: u16,
	qualified: &[(MemberIndex, &[[u8; 32]])],
) -> Result<PublicKeyPackage, ChError> {
	let ones = alloc::vec![Scalar::ONE; qualified.len()];
	weighted_key_package(threshold, participants, qualified, &ones)
}

/// `G_k = Σ_i w_i·C_{i,k}`, `Y = G_0` (not the identity) and `Y_j = Σ_k j^k·G_k`: the key
/// package of a DKG (`w_i = 1`) or of a resharing (`w_i = λ_i`).
fn weighted_key_package(
	threshold: u16,
	participants: u16,
	dealers: &[(MemberIndex, &[[u8; 32]])],
	weights: &[Scalar],
) -> Result<PublicKeyPackage, ChError> {
	check_params(threshold, participants)?;
	let mut group: Vec<RistrettoPoint> =
		alloc::vec![RistrettoPoint::default(); usize::from(threshold)];
	for ((dealer, commitment), weight) in dealers.iter().zip(weights.iter()) {
		let points = decode_commitment(commitment, *dealer)?;
		if points.len() != group.len() {
			return Err(ChError::InvalidDkgCommitment { participant: *dealer });
		}
		for (sum, point) in group.iter_mut().zip(points.iter()) {
			*sum += weight * point;
		}
	}
	let constant = group.first().copied().unwrap_or_default();
	if constant.is_identity() {
		return Err(ChError::IdentityPublicKey);
	}
	Ok(PublicKeyPackage {
		group_key: ChPublicKey(constant.compress().0),
		threshold,
		verification_shares: (1..=participants)
			.map(|j| (j, ChPublicKey(evaluate_commitment(&group, j).compress().0)))
			.collect(),
	})
}

/// [`check_round1_package`] for a resharing dealer, plus: its commitment's constant is
/// `expected`, the dealer's verification share `Y_o` in the key being re-shared.
pub fn check_reshare_package(
	context: &[u8],
	threshold: u16,
	participants: u16,
	package: &Round1Package,
	expected: &ChPublicKey,
) -> Result<(), ChError> {
	check_round1_package(context, threshold, participants, package)?;
	if package.commitment.first() != Some(&expected.0) {
		return Err(ChError::InvalidDkgCommitment { participant: package.sender });
	}
	Ok(())
}

/// The new committee's key package after a resharing, from the qualified dealers'
/// commitments keyed by their index **in the old key**: `G_k = Σ_o λ_o·C_{o,k}` (Lagrange
/// coefficients at 0 over the old indices), `Y = G_0` — the old group key when at least the
/// old threshold of dealers qualified — and `Y_j = Σ_k j^k·G_k`.
pub fn reshared_public_key_package(
	threshold: u16,
	participants: u16,
	dealers: &[(MemberIndex, &[[u8; 32]])],
) -> Result<PublicKeyPackage, ChError> {
	let old: Vec<MemberIndex> = dealers.iter().map(|(o, _)| *o).collect();
	let lambdas = super::lagrange_coefficients_at_zero(&old);
	weighted_key_package(threshold, participants, dealers, &lambdas)
}

/// A new member's share after a resharing: `x′_j = Σ_o λ_o·g_o(j)` over the shares it
/// received, keyed by each dealer's index in the old key; checked against the package.
pub fn combine_reshared(
	index: MemberIndex,
	shares: &[(MemberIndex, [u8; 32])],
	package: &PublicKeyPackage,
) -> Result<KeyShare, ChError> {
	let old: Vec<MemberIndex> = shares.iter().map(|(o, _)| *o).collect();
	let lambdas = super::lagrange_coefficients_at_zero(&old);
	let values: Vec<[u8; 32]> = shares.iter().map(|(_, share)| *share).collect();
	weighted_share(index, &values, &lambdas, package)
}

/// `x_j = Σ_i f_i(j)`: a member's secret share from the shares it received from every
/// qualified dealer (its own included), checked against the key package.
pub fn combine_shares(
	index: MemberIndex,
	shares: &[[u8; 32]],
	package: &PublicKeyPackage,
) -> Result<KeyShare, ChError> {
	let ones = alloc::vec![Scalar::ONE; shares.len()];
	weighted_share(index, shares, &ones, package)
}

/// `Σ_i w_i·s_i` as member `index`'s key share, checked against `package`.
fn weighted_share(
	index: MemberIndex,
	shares: &[[u8; 32]],
	weights: &[Scalar],
	package: &PublicKeyPackage,
) -> Result<KeyShare, ChError> {
	let mut sum = Scalar::ZERO;
	for (share, weight) in shares.iter().zip(weights.iter()) {
		let mut s = decode_scalar(*share)?;
		sum += weight * s;
		s.zeroize();
	}
	let bytes = sum.to_bytes();
	sum.zeroize();
	KeyShare::from_parts(index, bytes, package)
}

fn decode_commitment(
	commitment: &[[u8; 32]],
	dealer: MemberIndex,
) -> Result<Vec<RistrettoPoint>, ChError> {
	commitment
		.iter()
		.map(|bytes| {
			CompressedRistretto(*bytes)
				.decompress()
				.ok_or(ChError::InvalidDkgCommitment { participant: dealer })
		})
		.collect()
}

/// Checks one round-1 package: length, point encodings, and the proof of knowledge.
fn verify_round1(
	secret: &Round1Secret,
	package: &Round1Package,
) -> Result<Vec<RistrettoPoint>, ChError> {
	let participant = package.sender;
	let malformed = ChError::InvalidDkgCommitment { participant };
	if package.commitment.len() != usize::from(secret.threshold) {
		return Err(malformed);
	}
	let mut points = Vec::with_capacity(package.commitment.len());
	for bytes in &package.commitment {
		points.push(CompressedRistretto(*bytes).decompress().ok_or(malformed)?);
	}
	let (Some(constant_point), Some(constant)) = (points.first(), package.commitment.first())
	else {
		return Err(malformed);
	};
	if constant_point.is_identity() {
		return Err(malformed);
	}
	let bad_proof = ChError::InvalidProofOfKnowledge { participant };
	let mu = decode_scalar(package.proof_mu).map_err(|_| bad_proof)?;
	let c = pok_challenge(
		&secret.context,
		participant,
		secret.threshold,
		secret.participants,
		constant,
		&package.proof_r,
	);
	// μ·B − c·(a_0·B) must be R.
	let r = RistrettoPoint::vartime_double_scalar_mul_basepoint(&-c, constant_point, &mu);
	if r.compress().0 != package.proof_r {
		return Err(bad_proof);
	}
	Ok(points)
}

/// Round 2: verifies the round-1 packages of all other participants (this participant's
/// own package may be included; it is skipped) and returns one private share for each of
/// them.
pub fn part2(
	secret: Round1Secret,
	round1_packages: &[Round1Package],
) -> Result<(Round2Secret, Vec<Round2Package>), ChError> {
	let mut commitments: Vec<(MemberIndex, Vec<RistrettoPoint>)> =
		Vec::with_capacity(usize::from(secret.participants));
	for package in round1_packages {
		let sender = package.sender;
		if sender == 0 || sender > secret.participants {
			return Err(ChError::InvalidIndex { index: sender });
		}
		if sender == secret.index {
			continue;
		}
		if commitments.iter().any(|(j, _)| *j == sender) {
			return Err(ChError::DuplicateSigner { signer: sender });
		}
		commitments.push((sender, verify_round1(&secret, package)?));
	}
	for participant in (1..=secret.participants).filter(|j| *j != secret.index) {
		if !commitments.iter().any(|(j, _)| *j == participant) {
			return Err(ChError::MissingDkgPackage { participant });
		}
	}
	commitments.push((secret.index, secret.commitment.clone()));
	commitments.sort_by_key(|(j, _)| *j);

	let outgoing = (1..=secret.participants)
		.filter(|receiver| *receiver != secret.index)
		.map(|receiver| Round2Package {
			sender: secret.index,
			receiver,
			share: secret.polynomial.evaluate(receiver).to_bytes(),
		})
		.collect();
	let next = Round2Secret {
		index: secret.index,
		threshold: secret.threshold,
		participants: secret.participants,
		own_share: secret.polynomial.evaluate(secret.index),
		commitments,
	};
	Ok((next, outgoing))
}

/// Round 3: verifies the shares received from every other participant against their
/// commitments and outputs this participant's [`KeyShare`] and the committee's
/// [`PublicKeyPackage`] (identical for every honest participant).
pub fn part3(
	secret: Round2Secret,
	round2_packages: &[Round2Package],
) -> Result<(KeyShare, PublicKeyPackage), ChError> {
	let me = secret.index;
	let mut received: Vec<MemberIndex> = Vec::with_capacity(round2_packages.len());
	let mut x_i = secret.own_share;
	for package in round2_packages {
		let participant = package.sender;
		if package.receiver != me {
			return Err(ChError::InvalidIndex { index: package.receiver });
		}
		if participant == me {
			return Err(ChError::InvalidIndex { index: participant });
		}
		if received.contains(&participant) {
			return Err(ChError::DuplicateSigner { signer: participant });
		}
		let commitment = secret
			.commitments
			.iter()
			.find(|(j, _)| *j == participant)
			.map(|(_, c)| c)
			.ok_or(ChError::InvalidIndex { index: participant })?;
		let bad_share = ChError::InvalidDkgShare { participant };
		let mut share = decode_scalar(package.share).map_err(|_| bad_share)?;
		if RistrettoPoint::mul_base(&share) != evaluate_commitment(commitment, me) {
			share.zeroize();
			return Err(bad_share);
		}
		x_i += share;
		share.zeroize();
		received.push(participant);
	}
	for participant in (1..=secret.participants).filter(|j| *j != me) {
		if !received.contains(&participant) {
			x_i.zeroize();
			return Err(ChError::MissingDkgPackage { participant });
		}
	}

	// The committee's polynomial commitment is the coefficient-wise sum.
	let mut group_commitment: Vec<RistrettoPoint> =
		alloc::vec![RistrettoPoint::default(); usize::from(secret.threshold)];
	for (_, commitment) in &secret.commitments {
		for (sum, point) in group_commitment.iter_mut().zip(commitment.iter()) {
			*sum += point;
		}
	}
	let group_point = group_commitment.first().copied().unwrap_or_default();
	if group_point.is_identity() {
		x_i.zeroize();
		return Err(ChError::IdentityPublicKey);
	}
	let group_key = ChPublicKey(group_point.compress().0);
	let verification_shares = (1..=secret.participants)
		.map(|index| {
			(index, ChPublicKey(evaluate_commitment(&group_commitment, index).compress().0))
		})
		.collect();
	let package = PublicKeyPackage { group_key, threshold: secret.threshold, verification_shares };
	let share = KeyShare::new(me, secret.threshold, x_i, group_key);
	x_i.zeroize();
	if package.verification_share(me) != Some(&share.verifying_share()) {
		return Err(ChError::InconsistentKeyPackage);
	}
	Ok((share, package))
}

/// Domain tag of the key-confirmation challenge.
const CONFIRM_TAG: &[u8] = b"blockful/ch/v1/key-confirm";

/// A member's **key confirmation**: a Schnorr proof of knowledge of its share `x_j` for its
/// verification share `Y_j = x_j·B`, bound to the session `context`, the member's index and
/// the group key. A runtime installs a key only once enough members proved they can use
/// theirs, so a member left without a valid share is named before the key is in use.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct KeyConfirmation {
	/// The nonce commitment `R = k·B`, compressed.
	pub r: [u8; 32],
	/// `μ = k + c·x_j` with `c = Hs("blockful/ch/v1/key-confirm" ‖ ctx ‖ j ‖ Y ‖ Y_j ‖ R)`.
	pub mu: [u8; 32],
}

fn confirm_challenge(
	context: &[u8; 64],
	index: MemberIndex,
	group_key: &ChPublicKey,
	verifying_share: &ChPublicKey,
	r: &[u8; 32],
) -> Scalar {
	hash_to_scalar(&[CONFIRM_TAG, context, &index.to_le_bytes(), &group_key.0, &verifying_share.0, r])
}

/// Proves that the holder of `share` knows `x_j` for `share`'s `Y_j` in the run `context`.
pub fn confirm_share<R: RngCore + CryptoRng>(
	share: &KeyShare,
	context: &[u8],
	rng: &mut R,
) -> KeyConfirmation {
	let context = context_digest(context);
	let mut k = Scalar::random(rng);
	let r = RistrettoPoint::mul_base(&k).compress().0;
	let c = confirm_challenge(&context, share.index(), &share.group_key(), &share.verifying_share(), &r);
	let mu = k + c * share.secret_scalar();
	k.zeroize();
	KeyConfirmation { r, mu: mu.to_bytes() }
}

/// Checks member `index`'s key confirmation against `package` (its `Y_j` and `Y`) in the
/// run `context`.
pub fn check_confirmation(
	package: &PublicKeyPackage,
	index: MemberIndex,
	context: &[u8],
	proof: &KeyConfirmation,
) -> Result<(), ChError> {
	let bad = ChError::InvalidProofOfKnowledge { participant: index };
	let y_j = package.verification_share(index).ok_or(ChError::InvalidIndex { index })?;
	let point = CompressedRistretto(y_j.0).decompress().ok_or(bad)?;
	let mu = decode_scalar(proof.mu).map_err(|_| bad)?;
	let c = confirm_challenge(&context_digest(context), index, &package.group_key, y_j, &proof.r);
	// μ·B − c·Y_j must be R.
	let r = RistrettoPoint::vartime_double_scalar_mul_basepoint(&-c, &point, &mu);
	if r.compress().0 == proof.r {
		Ok(())
	} else {
		Err(bad)
	}
}

#[cfg(test)]
mod confirmation_tests {
	use super::*;
	use crate::threshold::{channel::SeededRng, split_secret};

	#[test]
	fn a_member_confirms_its_own_share_and_no_other() {
		let mut rng = SeededRng::new([3; 32]);
		let (shares, package) =
			split_secret(&crate::dev_secret_key(), 3, 4, &mut rng).expect("split");
		let proof = confirm_share(&shares[1], b"run-0", &mut rng);
		assert_eq!(check_confirmation(&package, 2, b"run-0", &proof), Ok(()));
		// Another member's Y_j, another run, a tampered response: refused.
		let bad = ChError::InvalidProofOfKnowledge { participant: 3 };
		assert_eq!(check_confirmation(&package, 3, b"run-0", &proof), Err(bad));
		assert!(check_confirmation(&package, 2, b"run-1", &proof).is_err());
		let mut tampered = proof;
		tampered.mu[0] ^= 1;
		assert!(check_confirmation(&package, 2, b"run-0", &tampered).is_err());
		assert_eq!(
			check_confirmation(&package, 9, b"run-0", &proof),
			Err(ChError::InvalidIndex { index: 9 })
		);
	}
}
