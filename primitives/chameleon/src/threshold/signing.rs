//! The two-round threshold adapt with binding factors, per-share verification and
//! aggregation.

use super::{lagrange_coefficients_at_zero, KeyShare, MemberIndex, PublicKeyPackage};
use crate::{
	scheme::{challenge, decode_check, decode_public_key, decode_scalar, hash_to_scalar},
	BatchError, ChCheck, ChError, ChPublicKey, ChRandomness,
};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt;
use curve25519_dalek::{
	constants::RISTRETTO_BASEPOINT_POINT,
	ristretto::{CompressedRistretto, RistrettoPoint},
	scalar::Scalar,
	traits::{IsIdentity, VartimeMultiscalarMul},
};
use rand_core::{CryptoRng, RngCore};
use scale_info::TypeInfo;
use sha2::{Digest, Sha512};
use zeroize::{Zeroize, ZeroizeOnDrop};

/// Domain tag of the binding factors `ρ_i`.
pub const BINDING_TAG: &[u8] = b"blockful/ch/v1/rho";
/// Domain tag of the hedged round-1 nonces.
const NONCE_TAG: &[u8] = b"blockful/ch/v1/nonce";

/// A signer's public round-1 output `(i, D_i, E_i)`.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct SigningCommitments {
	/// The signer.
	pub signer: MemberIndex,
	/// `D_i = d_i·B`, compressed.
	pub hiding: [u8; 32],
	/// `E_i = e_i·B`, compressed.
	pub binding: [u8; 32],
}

impl SigningCommitments {
	/// Checks that `D_i` and `E_i` are valid, non-identity points, as a chain does when a
	/// member posts them (a bad commitment is then refused instead of failing the signing
	/// package of everyone later).
	pub fn validate(&self) -> Result<(), ChError> {
		for bytes in [self.hiding, self.binding] {
			CompressedRistretto(bytes)
				.decompress()
				.filter(|p| !p.is_identity())
				.ok_or(ChError::InvalidCommitment { signer: self.signer })?;
		}
		Ok(())
	}
}

/// A signer's secret round-1 nonces `(d_i, e_i)`. Single use: [`round2`] consumes them.
/// Not `Clone`, zeroized on drop, `Debug` shows only the commitments.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct SigningNonces {
	hiding: Scalar,
	binding: Scalar,
	#[zeroize(skip)]
	commitments: SigningCommitments,
}

impl SigningNonces {
	/// The public commitments to these nonces.
	pub fn commitments(&self) -> SigningCommitments {
		self.commitments
	}

	/// `d_i ‖ e_i`, for a member that must keep its nonces between the rounds outside
	/// memory (e.g. in a node's encrypted local storage). Secret; the caller zeroizes it.
	pub fn to_secret_bytes(&self) -> [u8; 64] {
		let mut out = [0u8; 64];
		let (d, e) = out.split_at_mut(32);
		d.copy_from_slice(&self.hiding.to_bytes());
		e.copy_from_slice(&self.binding.to_bytes());
		out
	}

	/// Restores nonces saved with [`Self::to_secret_bytes`]; checks them against the
	/// published `commitments`.
	pub fn from_secret_bytes(
		mut bytes: [u8; 64],
		commitments: SigningCommitments,
	) -> Result<Self, ChError> {
		let mut d = [0u8; 32];
		let mut e = [0u8; 32];
		let (left, right) = bytes.split_at(32);
		d.copy_from_slice(left);
		e.copy_from_slice(right);
		bytes.zeroize();
		let hiding = decode_scalar(d);
		let binding = decode_scalar(e);
		d.zeroize();
		e.zeroize();
		let nonces = Self { hiding: hiding?, binding: binding? , commitments };
		if RistrettoPoint::mul_base(&nonces.hiding).compress().0 != commitments.hiding ||
			RistrettoPoint::mul_base(&nonces.binding).compress().0 != commitments.binding
		{
			return Err(ChError::NonceMismatch);
		}
		Ok(nonces)
	}
}

impl fmt::Debug for SigningNonces {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.debug_struct("SigningNonces")
			.field("nonces", &"<redacted>")
			.field("commitments", &self.commitments)
			.finish()
	}
}

/// A signer's round-2 output `(i, z_i)`.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct PartialShare {
	/// The signer.
	pub signer: MemberIndex,
	/// `z_i = d_i + ρ_i·e_i − e′·λ_i·x_i`, canonical little-endian.
	pub z: [u8; 32],
}

/// What the signers agree on before round 2: the check value `C`, the new message `m′`
/// and the round-1 commitments of the signer set (sorted, each signer once, every point
/// valid and not the identity).
#[derive(Clone, Debug)]
pub struct SigningPackage {
	check: ChCheck,
	check_point: RistrettoPoint,
	message: Vec<u8>,
	commitments: Vec<SigningCommitments>,
	hiding: Vec<RistrettoPoint>,
	binding: Vec<RistrettoPoint>,
}

impl SigningPackage {
	/// Validates and sorts the commitments. Fails on an invalid check value, a signer index
	/// of 0, a repeated signer, or a commitment that is not a valid non-identity point.
	pub fn new(
		check: ChCheck,
		message: &[u8],
		commitments: &[SigningCommitments],
	) -> Result<Self, ChError> {
		let check_point = decode_check(&check)?;
		let mut sorted = commitments.to_vec();
		sorted.sort_by_key(|c| c.signer);
		let mut hiding = Vec::with_capacity(sorted.len());
		let mut binding = Vec::with_capacity(sorted.len());
		let mut previous: Option<MemberIndex> = None;
		for c in &sorted {
			if c.signer == 0 {
				return Err(ChError::InvalidIndex { index: 0 });
			}
			if previous == Some(c.signer) {
				return Err(ChError::DuplicateSigner { signer: c.signer });
			}
			previous = Some(c.signer);
			let decode = |bytes: [u8; 32]| {
				CompressedRistretto(bytes)
					.decompress()
					.filter(|p| !p.is_identity())
					.ok_or(ChError::InvalidCommitment { signer: c.signer })
			};
			hiding.push(decode(c.hiding)?);
			binding.push(decode(c.binding)?);
		}
		Ok(Self {
			check,
			check_point,
			message: message.to_vec(),
			commitments: sorted,
			hiding,
			binding,
		})
	}

	/// The check value `C` the collision is for.
	pub fn check(&self) -> ChCheck {
		self.check
	}

	/// The new message `m′`.
	pub fn message(&self) -> &[u8] {
		&self.message
	}

	/// The commitments, sorted by signer.
	pub fn commitments(&self) -> &[SigningCommitments] {
		&self.commitments
	}

	/// The signer set, ascending.
	pub fn signers(&self) -> Vec<MemberIndex> {
		self.commitments.iter().map(|c| c.signer).collect()
	}

	fn position(&self, signer: MemberIndex) -> Option<usize> {
		self.commitments.binary_search_by_key(&signer, |c| c.signer).ok()
	}
}

/// Everything derived from a signing package that does not depend on secrets: the binding
/// factors, the Lagrange coefficients, `R′` and `e′`. Built once per package by each
/// participant; [`Session`] adds the verification shares.
struct Binding {
	signers: Vec<MemberIndex>,
	binding_factors: Vec<Scalar>,
	lambdas: Vec<Scalar>,
	/// `K = Σ (D_i + ρ_i·E_i)`.
	group_commitment: RistrettoPoint,
	r_prime: [u8; 32],
	challenge: Scalar,
}

impl Binding {
	fn new(
		group_key: &ChPublicKey,
		threshold: u16,
		package: &SigningPackage,
	) -> Result<Self, ChError> {
		let lambdas = lagrange_coefficients_at_zero(&package.signers());
		Self::with_lambdas(group_key, threshold, package, lambdas)
	}

	/// [`Binding::new`] with the signer set's Lagrange coefficients already computed (they
	/// are the same for every package of one signer set).
	fn with_lambdas(
		group_key: &ChPublicKey,
		threshold: u16,
		package: &SigningPackage,
		lambdas: Vec<Scalar>,
	) -> Result<Self, ChError> {
		let signers = package.signers();
		let got = u16::try_from(signers.len()).unwrap_or(u16::MAX);
		if got < threshold {
			return Err(ChError::NotEnoughShares { needed: threshold, got });
		}
		let message_digest = Sha512::digest(&package.message);
		let mut list = Sha512::new();
		for c in &package.commitments {
			list.update(c.signer.to_le_bytes());
			list.update(c.hiding);
			list.update(c.binding);
		}
		let list_digest = list.finalize();
		let binding_factors: Vec<Scalar> = signers
			.iter()
			.map(|i| {
				hash_to_scalar(&[
					BINDING_TAG,
					&i.to_le_bytes(),
					&group_key.0,
					&package.check.0,
					&message_digest,
					&list_digest,
				])
			})
			.collect();
		let hiding_sum: RistrettoPoint = package.hiding.iter().sum();
		let group_commitment = hiding_sum
			+ RistrettoPoint::vartime_multiscalar_mul(&binding_factors, &package.binding);
		let r_prime = (package.check_point + group_commitment).compress().0;
		let challenge = challenge(&group_key.0, &r_prime, &package.message);
		Ok(Self { signers, binding_factors, lambdas, group_commitment, r_prime, challenge })
	}
}

/// Draws this member's round-1 nonces and their public commitments.
///
/// Nonces are hedged: each is `Hs("blockful/ch/v1/nonce" ‖ 32 bytes from rng ‖ x_i)`, so a
/// broken RNG alone does not leak the share. Keep the [`SigningNonces`] secret and use
/// them for exactly one [`round2`].
pub fn round1<R: RngCore + CryptoRng>(
	share: &KeyShare,
	rng: &mut R,
) -> (SigningNonces, SigningCommitments) {
	let mut secret = share.secret_scalar().to_bytes();
	let draw = |rng: &mut R| {
		let mut entropy = [0u8; 32];
		rng.fill_bytes(&mut entropy);
		let nonce = hash_to_scalar(&[NONCE_TAG, &entropy, &secret]);
		entropy.zeroize();
		nonce
	};
	let hiding = draw(rng);
	let binding = draw(rng);
	secret.zeroize();
	let commitments = SigningCommitments {
		signer: share.index(),
		hiding: RistrettoPoint::mul_base(&hiding).compress().0,
		binding: RistrettoPoint::mul_base(&binding).compress().0,
	};
	(SigningNonces { hiding, binding, commitments }, commitments)
}

/// This member's partial share `z_i = d_i + ρ_i·e_i − e′·λ_i·x_i` for `package`.
///
/// Consumes the nonces. Fails if the package does not contain exactly this member's
/// round-1 commitments, or has fewer than `t` signers.
pub fn round2(
	share: &KeyShare,
	nonces: SigningNonces,
	package: &SigningPackage,
) -> Result<PartialShare, ChError> {
	let signer = share.index();
	if nonces.commitments.signer != signer {
		return Err(ChError::NonceMismatch);
	}
	let position = package.position(signer).ok_or(ChError::MissingCommitment { signer })?;
	if package.commitments.get(position) != Some(&nonces.commitments) {
		return Err(ChError::NonceMismatch);
	}
	let binding = Binding::new(&share.group_key(), share.threshold(), package)?;
	let rho = binding.binding_factors.get(position).ok_or(ChError::MissingCommitment { signer })?;
	let lambda = binding.lambdas.get(position).ok_or(ChError::MissingCommitment { signer })?;
	let z =
		nonces.hiding + rho * nonces.binding - binding.challenge * lambda * share.secret_scalar();
	Ok(PartialShare { signer, z: z.to_bytes() })
}

/// A signing package bound to a committee's public keys: verifies partial shares and
/// aggregates them. Build it once and check every share against it.
pub struct Session {
	binding: Binding,
	group_key: RistrettoPoint,
	hiding: Vec<RistrettoPoint>,
	binding_points: Vec<RistrettoPoint>,
	/// `Y_i` of each signer, still compressed: the optimistic [`Session::aggregate`] never
	/// needs them, so they are decoded only when a share is checked.
	verification_shares: Vec<ChPublicKey>,
}

impl Session {
	/// Checks that every signer of `package` is a member of `keys` and that there are at
	/// least `t` of them, and derives `ρ_i`, `λ_i`, `R′` and `e′`.
	pub fn new(keys: &PublicKeyPackage, package: &SigningPackage) -> Result<Self, ChError> {
		let group_key = decode_public_key(&keys.group_key)?;
		let verification_shares = Self::verification_shares(keys, package)?;
		let binding = Binding::new(&keys.group_key, keys.threshold, package)?;
		Ok(Self::of(binding, group_key, package, verification_shares))
	}

	/// [`Session::new`] for every package of one signing round: the group key is decoded
	/// once, and the verification shares and Lagrange coefficients are derived once per
	/// signer set (a round has one) instead of once per package. An error names the
	/// package at fault.
	pub fn new_many(
		keys: &PublicKeyPackage,
		packages: &[SigningPackage],
	) -> Result<Vec<Self>, BatchError> {
		let at = |index: usize| move |error: ChError| BatchError { index, error };
		let group_key = decode_public_key(&keys.group_key).map_err(at(0))?;
		let mut set: Option<(Vec<MemberIndex>, Vec<ChPublicKey>, Vec<Scalar>)> = None;
		let mut sessions = Vec::with_capacity(packages.len());
		for (index, package) in packages.iter().enumerate() {
			let signers = package.signers();
			let (shares, lambdas) = match &set {
				Some((known, shares, lambdas)) if *known == signers => (shares, lambdas),
				_ => {
					let shares = Self::verification_shares(keys, package).map_err(at(index))?;
					let lambdas = lagrange_coefficients_at_zero(&signers);
					let (_, shares, lambdas) = set.insert((signers, shares, lambdas));
					(&*shares, &*lambdas)
				},
			};
			let binding =
				Binding::with_lambdas(&keys.group_key, keys.threshold, package, lambdas.clone())
					.map_err(at(index))?;
			sessions.push(Self::of(binding, group_key, package, shares.clone()));
		}
		Ok(sessions)
	}

	/// The `Y_i` of every signer of `package`, in its order.
	fn verification_shares(
		keys: &PublicKeyPackage,
		package: &SigningPackage,
	) -> Result<Vec<ChPublicKey>, ChError> {
		package
			.commitments
			.iter()
			.map(|c| {
				keys.verification_share(c.signer)
					.copied()
					.ok_or(ChError::UnknownSigner { signer: c.signer })
			})
			.collect()
	}

	fn of(
		binding: Binding,
		group_key: RistrettoPoint,
		package: &SigningPackage,
		verification_shares: Vec<ChPublicKey>,
	) -> Self {
		Self {
			binding,
			group_key,
			hiding: package.hiding.clone(),
			binding_points: package.binding.clone(),
			verification_shares,
		}
	}

	/// The signer set, ascending.
	pub fn signers(&self) -> &[MemberIndex] {
		&self.binding.signers
	}

	/// The encoding of `R′ = C + Σ (D_i + ρ_i·E_i)`, the first half of the collision.
	pub fn randomness_point(&self) -> [u8; 32] {
		self.binding.r_prime
	}

	/// Checks `z_i·B = D_i + ρ_i·E_i − e′·λ_i·Y_i`. An error names the signer at fault.
	pub fn verify_share(&self, share: &PartialShare) -> Result<(), ChError> {
		let signer = share.signer;
		let position = self
			.binding
			.signers
			.binary_search(&signer)
			.map_err(|_| ChError::UnknownSigner { signer })?;
		let invalid = ChError::InvalidShare { signer };
		let z = decode_scalar(share.z).map_err(|_| invalid)?;
		let (Some(rho), Some(lambda), Some(d), Some(e), Some(y)) = (
			self.binding.binding_factors.get(position),
			self.binding.lambdas.get(position),
			self.hiding.get(position),
			self.binding_points.get(position),
			self.verification_shares.get(position),
		) else {
			return Err(ChError::UnknownSigner { signer });
		};
		let y = CompressedRistretto(y.0).decompress().ok_or(ChError::InconsistentKeyPackage)?;
		// z·B − ρ·E + (e′·λ)·Y_i must equal D_i.
		let lhs = RistrettoPoint::vartime_multiscalar_mul(
			[z, -rho, self.binding.challenge * lambda],
			[RISTRETTO_BASEPOINT_POINT, *e, y],
		);
		if lhs == *d {
			Ok(())
		} else {
			Err(invalid)
		}
	}

	/// `s′ = Σ z_i` over one share per signer, **unchecked**: [`aggregate_batch`] checks
	/// many such collisions at once. Fails on a share from outside the signer set, a
	/// repeated or missing signer, or a non-canonical `z_i` (named).
	pub fn combine(&self, shares: &[PartialShare]) -> Result<Combined, ChError> {
		let mut ordered: Vec<Option<&PartialShare>> = alloc::vec![None; self.binding.signers.len()];
		for share in shares {
			let position = self
				.binding
				.signers
				.binary_search(&share.signer)
				.map_err(|_| ChError::UnknownSigner { signer: share.signer })?;
			let slot =
				ordered.get_mut(position).ok_or(ChError::UnknownSigner { signer: share.signer })?;
			if slot.is_some() {
				return Err(ChError::DuplicateSigner { signer: share.signer });
			}
			*slot = Some(share);
		}
		let mut s_prime = Scalar::ZERO;
		for (signer, share) in self.binding.signers.iter().zip(ordered.iter()) {
			let share = share.ok_or(ChError::MissingShare { signer: *signer })?;
			s_prime +=
				decode_scalar(share.z).map_err(|_| ChError::InvalidShare { signer: *signer })?;
		}
		Ok(Combined {
			group_commitment: self.binding.group_commitment,
			challenge: self.binding.challenge,
			s_prime,
			r_prime: self.binding.r_prime,
		})
	}

	/// `s′ = Σ z_i` over one share per signer, checked against the group key; on failure the
	/// shares are checked one by one and the first cheater is named.
	pub fn aggregate(&self, shares: &[PartialShare]) -> Result<ChRandomness, ChError> {
		let combined = self.combine(shares)?;
		if combined.holds(&self.group_key) {
			return Ok(combined.randomness());
		}
		Err(self.blame(shares))
	}

	/// Why a collision whose sum does not hold failed: the first signer (in `shares`' order)
	/// whose share does not verify against its `Y_i`, or, when every share verifies, a key
	/// package whose verification shares do not interpolate to the group key (e.g. one
	/// claiming too low a threshold).
	fn blame(&self, shares: &[PartialShare]) -> ChError {
		shares
			.iter()
			.find_map(|share| self.verify_share(share).err())
			.unwrap_or(ChError::InconsistentKeyPackage)
	}
}

/// One collision summed from its partial shares but not yet checked ([`Session::combine`]).
#[derive(Clone, Copy, Debug)]
pub struct Combined {
	/// `K = Σ (D_i + ρ_i·E_i)`.
	group_commitment: RistrettoPoint,
	/// `e′`.
	challenge: Scalar,
	/// `s′ = Σ z_i`.
	s_prime: Scalar,
	/// The encoding of `R′ = C + K`.
	r_prime: [u8; 32],
}

impl Combined {
	/// `ρ′ = R′ ‖ s′`: the collision, if it [holds](Self::holds).
	pub fn randomness(&self) -> ChRandomness {
		ChRandomness::from_parts(self.r_prime, self.s_prime.to_bytes())
	}

	/// `K = e′·Y + s′·B`, i.e. `R′ − e′·Y − s′·B = C` with `R′ = C + K`: plain
	/// [`verify`](crate::verify) accepts the collision.
	fn holds(&self, group_key: &RistrettoPoint) -> bool {
		RistrettoPoint::vartime_double_scalar_mul_basepoint(
			&self.challenge,
			group_key,
			&self.s_prime,
		) == self.group_commitment
	}
}

/// Domain tag of the aggregate batch's transcript.
const AGGREGATES_TAG: &[u8] = b"blockful/ch/v1/aggregates";

/// Aggregates the partial shares of many collisions and checks all of them in **one**
/// multiscalar multiplication (optimistic: an honest round pays no per-share and no
/// per-collision check). `shares[k]` are collision `k`'s shares, one per signer of
/// `sessions[k]`.
///
/// With random 128-bit weights `w_k` derived from a transcript of the whole batch (the
/// group key and every `R′_k`, `e′_k`, `s′_k`, fixed before the weights are known), every
/// collision holds (up to a 2⁻¹²⁸ error) iff
/// `Σ w_k·K_k − (Σ w_k·e′_k)·Y − (Σ w_k·s′_k)·B = 0`: `n + 2` points, each `K_k` already
/// computed by its session — nothing is decompressed. When the sum fails, the first
/// collision that fails is found by bisection (sub-batches over halves: about one more
/// batch in all) and its shares are checked one by one, so the error names the cheater:
/// `BatchError { index, error: InvalidShare { signer } }`. Any other error (a share from
/// outside the signer set, a missing share, a key package that does not interpolate) names
/// the collision.
pub fn aggregate_batch(
	sessions: &[Session],
	shares: &[Vec<PartialShare>],
) -> Result<Vec<ChRandomness>, BatchError> {
	if shares.len() != sessions.len() {
		// One list of shares per collision, or the call itself is malformed.
		let index = shares.len().min(sessions.len());
		return Err(BatchError { index, error: ChError::InvalidParameters });
	}
	let combined = sessions
		.iter()
		.zip(shares)
		.enumerate()
		.map(|(index, (session, shares))| {
			session.combine(shares).map_err(|error| BatchError { index, error })
		})
		.collect::<Result<Vec<Combined>, _>>()?;
	let Some(first) = sessions.first() else { return Ok(Vec::new()) };
	let group_key = first.group_key;
	if sessions.iter().any(|s| s.group_key != group_key) {
		// Not one key: no common batch; check each sum on its own key.
		return combined
			.iter()
			.zip(sessions.iter().zip(shares))
			.enumerate()
			.map(|(index, (c, (session, shares)))| match c.holds(&session.group_key) {
				true => Ok(c.randomness()),
				false => Err(BatchError { index, error: session.blame(shares) }),
			})
			.collect();
	}
	let weights = aggregate_weights(&group_key, &combined);
	if !batch_holds(&group_key, &combined, &weights) {
		let index = first_failing(&group_key, &combined, &weights);
		let (session, shares) = (&sessions[index], &shares[index]);
		return Err(BatchError { index, error: session.blame(shares) });
	}
	Ok(combined.iter().map(Combined::randomness).collect())
}

/// The 128-bit weights of a batch of aggregates, from its transcript.
fn aggregate_weights(group_key: &RistrettoPoint, combined: &[Combined]) -> Vec<Scalar> {
	let mut transcript = Sha512::new();
	transcript.update(AGGREGATES_TAG);
	transcript.update(group_key.compress().0);
	for c in combined {
		transcript.update(c.r_prime);
		transcript.update(c.challenge.to_bytes());
		transcript.update(c.s_prime.to_bytes());
	}
	let mut seed = [0u8; 64];
	seed.copy_from_slice(&transcript.finalize());
	(0..combined.len()).map(|i| crate::batch::weight(&seed, i)).collect()
}

/// `Σ w_k·(K_k − e′_k·Y − s′_k·B) = 0` over `combined` with its `weights`.
fn batch_holds(group_key: &RistrettoPoint, combined: &[Combined], weights: &[Scalar]) -> bool {
	let (mut sum_e, mut sum_s) = (Scalar::ZERO, Scalar::ZERO);
	let mut scalars = Vec::with_capacity(combined.len() + 2);
	let mut points = Vec::with_capacity(combined.len() + 2);
	for (c, w) in combined.iter().zip(weights) {
		sum_e += w * c.challenge;
		sum_s += w * c.s_prime;
		scalars.push(*w);
		points.push(c.group_commitment);
	}
	scalars.push(-sum_e);
	points.push(*group_key);
	scalars.push(-sum_s);
	points.push(RISTRETTO_BASEPOINT_POINT);
	RistrettoPoint::vartime_multiscalar_mul(&scalars, &points).is_identity()
}

/// The first collision of a failing batch that fails, by bisection: the failing range
/// halves, keeping its left half when that fails on its own (it then holds the first
/// failure), else its right half.
fn first_failing(group_key: &RistrettoPoint, combined: &[Combined], weights: &[Scalar]) -> usize {
	let (mut low, mut high) = (0, combined.len());
	while high - low > 1 {
		let mid = low + (high - low) / 2;
		if batch_holds(group_key, &combined[low..mid], &weights[low..mid]) {
			low = mid;
		} else {
			high = mid;
		}
	}
	low
}

/// Checks one partial share against the committee's keys; an error names the cheater.
/// To check many shares of one package, build a [`Session`] once instead.
pub fn verify_share(
	keys: &PublicKeyPackage,
	package: &SigningPackage,
	share: &PartialShare,
) -> Result<(), ChError> {
	Session::new(keys, package)?.verify_share(share)
}

/// Combines one partial share per signer of `package` into randomness `ρ′ = R′ ‖ s′` that
/// plain [`verify`](crate::verify) accepts for `(Y, m′, C)`. A bad share is reported as
/// [`ChError::InvalidShare`] with the cheater's index.
pub fn aggregate(
	keys: &PublicKeyPackage,
	package: &SigningPackage,
	shares: &[PartialShare],
) -> Result<ChRandomness, ChError> {
	Session::new(keys, package)?.aggregate(shares)
}
