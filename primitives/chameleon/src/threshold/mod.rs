//! # Threshold trapdoor (t of n)
//!
//! The trapdoor `x` is Shamir-shared: member `i` (1-based) holds `x_i = f(i)` for a secret
//! polynomial `f` of degree `t − 1` with `f(0) = x`, and everybody knows the verification
//! shares `Y_i = x_i·B` (a [`PublicKeyPackage`]). Any `t` members can adapt; `t − 1` learn
//! nothing about `x` and cannot.
//!
//! ## Key generation
//!
//! - [`dkg`]: Pedersen distributed key generation with Schnorr proofs of knowledge (the
//!   FROST key generation). No party ever holds `x`. Use this on real networks.
//! - [`trusted_dealer_keygen`] / [`split_secret`]: one dealer knows `x` and hands out the
//!   shares. For tests and development committees (e.g. splitting
//!   [`dev_secret_key`](crate::dev_secret_key)).
//!
//! ## Threshold adapt (SPEC §3)
//!
//! 1. [`round1`]: each signer `i` draws nonces `d_i, e_i` and publishes
//!    `D_i = d_i·B, E_i = e_i·B` ([`SigningCommitments`]).
//! 2. A coordinator collects at least `t` commitments into a [`SigningPackage`] together
//!    with the check value `C` and the new message `m′`. Everybody derives the binding
//!    factors `ρ_i = Hs("blockful/ch/v1/rho" ‖ i ‖ Y ‖ C ‖ SHA-512(m′) ‖ SHA-512(L))`, where
//!    `L` lists `i ‖ D_i ‖ E_i` for every signer in ascending order, the group commitment
//!    `K = Σ (D_i + ρ_i·E_i)`, `R′ = C + K` and `e′ = Hs("blockful/ch/v1" ‖ Y ‖ R′ ‖ m′)`.
//! 3. [`round2`]: signer `i` returns `z_i = d_i + ρ_i·e_i − e′·λ_i·x_i` ([`PartialShare`]),
//!    with `λ_i` the Lagrange coefficient of `i` in the signer set.
//! 4. [`aggregate`]: `s′ = Σ z_i`; `ρ′ = R′ ‖ s′` is accepted by plain
//!    [`verify`](crate::verify). Each share is checkable on its own
//!    (`z_i·B = D_i + ρ_i·E_i − e′·λ_i·Y_i`, [`verify_share`]), so a failed aggregation
//!    names the cheater.
//!
//! Binding factors make every signer's effective nonce depend on the whole commitment
//! list and the message, which defeats the Drijvers/ROS attacks on concurrent two-round
//! Schnorr-style protocols. Nonces are consumed by [`round2`] and must never be reused.

pub mod channel;
mod dealer;
pub mod dkg;
mod signing;

pub use dealer::{split_secret, trusted_dealer_keygen};
pub use signing::{
	aggregate, aggregate_batch, round1, round2, verify_share, Combined, PartialShare, Session,
	SigningCommitments, SigningNonces, SigningPackage,
};

use crate::{
	scheme::{decode_public_key, decode_scalar},
	ChError, ChPublicKey,
};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::fmt;
use curve25519_dalek::{
	ristretto::{CompressedRistretto, RistrettoPoint},
	scalar::Scalar,
	traits::{Identity, VartimeMultiscalarMul},
};
use scale_info::TypeInfo;
use zeroize::{Zeroize, ZeroizeOnDrop};

/// 1-based index of a committee member. 0 is never a valid index: `f(0)` is the trapdoor.
pub type MemberIndex = u16;

/// One member's secret share `x_i` of the trapdoor, with what it needs to sign.
///
/// Zeroized on drop; `Debug` does not print the secret.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct KeyShare {
	#[zeroize(skip)]
	index: MemberIndex,
	#[zeroize(skip)]
	threshold: u16,
	secret: Scalar,
	#[zeroize(skip)]
	verifying_share: ChPublicKey,
	#[zeroize(skip)]
	group_key: ChPublicKey,
}

impl KeyShare {
	/// Rebuilds a share from its stored secret and the committee's public key package;
	/// checks that `x_i·B` is the member's verification share.
	pub fn from_parts(
		index: MemberIndex,
		mut secret: [u8; 32],
		package: &PublicKeyPackage,
	) -> Result<Self, ChError> {
		let decoded = decode_scalar(secret);
		secret.zeroize();
		let secret = decoded?;
		let expected =
			*package.verification_share(index).ok_or(ChError::UnknownSigner { signer: index })?;
		let share = Self::new(index, package.threshold, secret, package.group_key);
		if share.verifying_share != expected {
			return Err(ChError::InconsistentKeyPackage);
		}
		Ok(share)
	}

	pub(crate) fn new(
		index: MemberIndex,
		threshold: u16,
		secret: Scalar,
		group_key: ChPublicKey,
	) -> Self {
		let verifying_share = ChPublicKey(RistrettoPoint::mul_base(&secret).compress().0);
		Self { index, threshold, secret, verifying_share, group_key }
	}

	/// This member's index.
	pub fn index(&self) -> MemberIndex {
		self.index
	}

	/// The threshold `t`.
	pub fn threshold(&self) -> u16 {
		self.threshold
	}

	/// The committee's public key `Y`.
	pub fn group_key(&self) -> ChPublicKey {
		self.group_key
	}

	/// This member's verification share `Y_i = x_i·B`.
	pub fn verifying_share(&self) -> ChPublicKey {
		self.verifying_share
	}

	/// The canonical encoding of `x_i`, for the member's own keystore.
	pub fn secret_bytes(&self) -> [u8; 32] {
		self.secret.to_bytes()
	}

	pub(crate) fn secret_scalar(&self) -> &Scalar {
		&self.secret
	}
}

impl fmt::Debug for KeyShare {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.debug_struct("KeyShare")
			.field("index", &self.index)
			.field("threshold", &self.threshold)
			.field("secret", &"<redacted>")
			.field("verifying_share", &self.verifying_share)
			.field("group_key", &self.group_key)
			.finish()
	}
}

/// The committee's public data: group key `Y`, threshold `t` and every member's
/// verification share `Y_i`. Identical for all members; safe to publish on chain.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct PublicKeyPackage {
	/// The chameleon-hash public key `Y = x·B`.
	pub group_key: ChPublicKey,
	/// How many members must cooperate to adapt.
	pub threshold: u16,
	/// `(i, Y_i)` for `i = 1..=n`, in ascending order.
	pub verification_shares: Vec<(MemberIndex, ChPublicKey)>,
}

impl PublicKeyPackage {
	/// The number of members `n`.
	pub fn participants(&self) -> u16 {
		u16::try_from(self.verification_shares.len()).unwrap_or(u16::MAX)
	}

	/// `Y_i` of member `index`, if it is a member.
	pub fn verification_share(&self, index: MemberIndex) -> Option<&ChPublicKey> {
		self.verification_shares.iter().find(|(i, _)| *i == index).map(|(_, y)| y)
	}

	/// Full consistency check, e.g. for a package received from elsewhere: parameters in
	/// range, indices exactly `1..=n` in order, every key a valid point, the group key not
	/// the identity, and all `Y_i` on one polynomial of degree `t − 1` through `Y` at 0.
	pub fn validate(&self) -> Result<(), ChError> {
		check_params(self.threshold, self.participants())?;
		let group = decode_public_key(&self.group_key)?;
		let mut points = Vec::with_capacity(self.verification_shares.len());
		for (expected, (index, share)) in (1u16..).zip(self.verification_shares.iter()) {
			if *index != expected {
				return Err(ChError::InconsistentKeyPackage);
			}
			let point =
				CompressedRistretto(share.0).decompress().ok_or(ChError::InconsistentKeyPackage)?;
			points.push(point);
		}
		// Interpolate from the first t shares; every other share and the group key must lie
		// on the same polynomial.
		let t = usize::from(self.threshold);
		let (base_points, rest) = points.split_at(t);
		let base_indices: Vec<MemberIndex> = (1..=self.threshold).collect();
		let interpolate = |at: Scalar| -> RistrettoPoint {
			let coeffs: Vec<Scalar> =
				base_indices.iter().map(|i| lagrange_at(at, &base_indices, *i)).collect();
			RistrettoPoint::vartime_multiscalar_mul(&coeffs, base_points)
		};
		if interpolate(Scalar::ZERO) != group {
			return Err(ChError::InconsistentKeyPackage);
		}
		for (index, point) in (self.threshold.saturating_add(1)..).zip(rest.iter()) {
			if interpolate(Scalar::from(index)) != *point {
				return Err(ChError::InconsistentKeyPackage);
			}
		}
		Ok(())
	}
}

/// The trapdoor `x = Σ λ_i·x_i` from `t` members' shares `(i, x_i)`: what `t` members learn
/// if they pool their shares instead of running [`round2`]. For tests and audits (e.g. to
/// show that the shares a DKG gave the nodes interpolate to the group key); a committee
/// never calls it.
pub fn reconstruct_trapdoor(shares: &[(MemberIndex, [u8; 32])]) -> Result<crate::ChSecretKey, ChError> {
	let set: Vec<MemberIndex> = shares.iter().map(|(i, _)| *i).collect();
	let lambdas = lagrange_coefficients_at_zero(&set);
	let mut x = Scalar::ZERO;
	for ((_, share), lambda) in shares.iter().zip(lambdas.iter()) {
		x += lambda * decode_scalar(*share)?;
	}
	let bytes = x.to_bytes();
	x.zeroize();
	crate::ChSecretKey::from_bytes(bytes)
}

/// `1 <= t <= n`.
pub(crate) fn check_params(threshold: u16, participants: u16) -> Result<(), ChError> {
	if threshold == 0 || threshold > participants {
		return Err(ChError::InvalidParameters);
	}
	Ok(())
}

/// The Lagrange coefficient of member `i` for interpolating at `at` from the (distinct)
/// members in `set`: `Π_{j ∈ set, j ≠ i} (at − j) / (i − j)`.
pub(crate) fn lagrange_at(at: Scalar, set: &[MemberIndex], i: MemberIndex) -> Scalar {
	let xi = Scalar::from(i);
	let mut num = Scalar::ONE;
	let mut den = Scalar::ONE;
	for j in set.iter().filter(|j| **j != i) {
		let xj = Scalar::from(*j);
		num *= at - xj;
		den *= xi - xj;
	}
	num * den.invert()
}

/// Lagrange coefficients at 0 for every member of `set` (distinct, non-zero), with one
/// batched inversion.
pub(crate) fn lagrange_coefficients_at_zero(set: &[MemberIndex]) -> Vec<Scalar> {
	let mut numerators = Vec::with_capacity(set.len());
	let mut denominators = Vec::with_capacity(set.len());
	for i in set {
		let xi = Scalar::from(*i);
		let mut num = Scalar::ONE;
		let mut den = Scalar::ONE;
		for j in set.iter().filter(|j| *j != i) {
			let xj = Scalar::from(*j);
			num *= xj;
			den *= xj - xi;
		}
		numerators.push(num);
		denominators.push(den);
	}
	Scalar::batch_invert(&mut denominators);
	numerators.iter().zip(denominators.iter()).map(|(n, d)| n * d).collect()
}

/// A secret polynomial, coefficient of `X^0` first. Zeroized on drop.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub(crate) struct SecretPolynomial(Vec<Scalar>);

impl SecretPolynomial {
	/// `degree + 1` coefficients: `constant` then random ones.
	pub(crate) fn random_with_constant<R: rand_core::RngCore + rand_core::CryptoRng>(
		constant: Scalar,
		degree: u16,
		rng: &mut R,
	) -> Self {
		let mut coefficients = Vec::with_capacity(usize::from(degree) + 1);
		coefficients.push(constant);
		for _ in 0..degree {
			coefficients.push(Scalar::random(rng));
		}
		Self(coefficients)
	}

	pub(crate) fn constant(&self) -> Scalar {
		self.0.first().copied().unwrap_or(Scalar::ZERO)
	}

	/// `f(index)` by Horner's rule.
	pub(crate) fn evaluate(&self, index: MemberIndex) -> Scalar {
		let x = Scalar::from(index);
		self.0.iter().rev().fold(Scalar::ZERO, |acc, c| acc * x + c)
	}

	/// The public commitment `(a_0·B, …, a_{t−1}·B)`.
	pub(crate) fn commitment(&self) -> Vec<RistrettoPoint> {
		self.0.iter().map(RistrettoPoint::mul_base).collect()
	}
}

/// `Σ_k index^k · commitment[k]`: the public image `f(index)·B` of a committed polynomial.
pub(crate) fn evaluate_commitment(
	commitment: &[RistrettoPoint],
	index: MemberIndex,
) -> RistrettoPoint {
	if commitment.is_empty() {
		return RistrettoPoint::identity();
	}
	let x = Scalar::from(index);
	let mut power = Scalar::ONE;
	let mut powers = Vec::with_capacity(commitment.len());
	for _ in commitment {
		powers.push(power);
		power *= x;
	}
	RistrettoPoint::vartime_multiscalar_mul(&powers, commitment)
}
