//! hash, verify and adapt with a single trapdoor, plus the helpers the threshold module
//! shares with them.

use crate::{
	keys::ChSecretKey, ChCheck, ChError, ChPublicKey, ChRandomness, CHALLENGE_TAG, SEED_R_TAG,
	SEED_S_TAG,
};
use curve25519_dalek::{
	ristretto::{CompressedRistretto, RistrettoPoint},
	scalar::Scalar,
	traits::IsIdentity,
};
use rand_core::{CryptoRng, RngCore};
use sha2::{Digest, Sha512};
use zeroize::Zeroize;

/// Domain tag of the hedged nonce in [`adapt`].
const ADAPT_NONCE_TAG: &[u8] = b"blockful/ch/v1/adapt-nonce";

/// `Hs(parts[0] ‖ parts[1] ‖ …)`: SHA-512, read as a 64-byte little-endian integer mod `l`.
pub(crate) fn hash_to_scalar(parts: &[&[u8]]) -> Scalar {
	let mut hasher = Sha512::new();
	for part in parts {
		hasher.update(part);
	}
	Scalar::from_hash(hasher)
}

/// `e = Hs("blockful/ch/v1" ‖ Y ‖ R ‖ m)`.
pub(crate) fn challenge(y: &[u8; 32], r: &[u8; 32], msg: &[u8]) -> Scalar {
	hash_to_scalar(&[CHALLENGE_TAG, y, r, msg])
}

/// Decodes a public key, rejecting invalid encodings and the identity.
pub(crate) fn decode_public_key(pk: &ChPublicKey) -> Result<RistrettoPoint, ChError> {
	let point = CompressedRistretto(pk.0).decompress().ok_or(ChError::InvalidPublicKey)?;
	if point.is_identity() {
		return Err(ChError::IdentityPublicKey);
	}
	Ok(point)
}

/// Decodes a check value (any valid point, the identity included).
pub(crate) fn decode_check(check: &ChCheck) -> Result<RistrettoPoint, ChError> {
	CompressedRistretto(check.0).decompress().ok_or(ChError::InvalidCheck)
}

/// Decodes a canonical little-endian scalar.
pub(crate) fn decode_scalar(bytes: [u8; 32]) -> Result<Scalar, ChError> {
	Option::from(Scalar::from_canonical_bytes(bytes)).ok_or(ChError::NonCanonicalScalar)
}

/// Accepts iff `ρ = R ‖ s` opens `check` to `msg` under `pk`, i.e. `R − e·Y − s·B = C` with
/// `e = Hs("blockful/ch/v1" ‖ Y ‖ R ‖ m)`.
///
/// Rejects, with a distinct error each: an invalid or identity public key, a non-canonical
/// `s`, an `R` that is not a point encoding, a check value that is not a point encoding,
/// and a well-formed triple that does not open (`Mismatch`). Runs in variable time: every
/// input is public. To verify many openings under one key, use [`PreparedPublicKey`].
pub fn verify(
	pk: &ChPublicKey,
	msg: &[u8],
	rand: &ChRandomness,
	check: &ChCheck,
) -> Result<(), ChError> {
	PreparedPublicKey::new(pk)?.verify(msg, rand, check)
}

/// A public key decoded once, for verifying many openings under the same key (e.g. all
/// collisions of one redaction motion, or a node checking the live chain): saves one point
/// decompression per verification.
///
/// (Precomputed Straus tables for `Y` were measured too: with curve25519-dalek 4.1 they are
/// slower than the plain double-base multiplication, so they are not used.)
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct PreparedPublicKey {
	encoded: ChPublicKey,
	point: RistrettoPoint,
}

impl PreparedPublicKey {
	/// Decodes `pk`; rejects invalid encodings and the identity.
	pub fn new(pk: &ChPublicKey) -> Result<Self, ChError> {
		Ok(Self { encoded: *pk, point: decode_public_key(pk)? })
	}

	/// The key this was prepared from.
	pub fn public_key(&self) -> ChPublicKey {
		self.encoded
	}

	/// The decoded key.
	pub(crate) fn point(&self) -> RistrettoPoint {
		self.point
	}

	/// [`verify`] under this key.
	pub fn verify(&self, msg: &[u8], rand: &ChRandomness, check: &ChCheck) -> Result<(), ChError> {
		let r_bytes = rand.r_bytes();
		let s = decode_scalar(rand.s_bytes())?;
		let r = CompressedRistretto(r_bytes).decompress().ok_or(ChError::InvalidRandomnessPoint)?;
		let e = challenge(&self.encoded.0, &r_bytes, msg);
		let opened = r - RistrettoPoint::vartime_double_scalar_mul_basepoint(&e, &self.point, &s);
		finish_verify(&opened, check)
	}
}

/// Ristretto encodings are canonical, so comparing bytes compares group elements: the check
/// value needs no decompression on the success path.
fn finish_verify(opened: &RistrettoPoint, check: &ChCheck) -> Result<(), ChError> {
	if opened.compress().0 == check.0 {
		return Ok(());
	}
	decode_check(check)?;
	Err(ChError::Mismatch)
}

/// Hashes `msg` under `pk` with fresh randomness from `rng`: returns the check value `C`
/// and the randomness `ρ` that opens it. Needs no trapdoor.
pub fn hash<R: RngCore + CryptoRng>(
	pk: &ChPublicKey,
	msg: &[u8],
	rng: &mut R,
) -> Result<(ChCheck, ChRandomness), ChError> {
	let r = Scalar::random(rng);
	let s = Scalar::random(rng);
	hash_with_scalars(pk, msg, &r, &s)
}

/// Deterministic [`hash`] for the runtime, which has no RNG: `r = Hs("blockful/ch/seed-r" ‖
/// seed)`, `s = Hs("blockful/ch/seed-s" ‖ seed)`.
///
/// The seed need not be secret (the randomness is published anyway), but distinct
/// messages should use distinct seeds so that their `R` differ.
pub fn hash_from_seed(
	pk: &ChPublicKey,
	msg: &[u8],
	seed: &[u8; 32],
) -> Result<(ChCheck, ChRandomness), ChError> {
	let r = hash_to_scalar(&[SEED_R_TAG, seed]);
	let s = hash_to_scalar(&[SEED_S_TAG, seed]);
	hash_with_scalars(pk, msg, &r, &s)
}

/// `R = r·B`, `e = Hs(Y ‖ R ‖ m)`, `C = R − (e·Y + s·B)`.
pub(crate) fn hash_with_scalars(
	pk: &ChPublicKey,
	msg: &[u8],
	r: &Scalar,
	s: &Scalar,
) -> Result<(ChCheck, ChRandomness), ChError> {
	let y = decode_public_key(pk)?;
	let r_point = RistrettoPoint::mul_base(r);
	let r_bytes = r_point.compress().0;
	let e = challenge(&pk.0, &r_bytes, msg);
	let check = r_point - RistrettoPoint::vartime_double_scalar_mul_basepoint(&e, &y, s);
	Ok((ChCheck(check.compress().0), ChRandomness::from_parts(r_bytes, s.to_bytes())))
}

/// Finds a collision: randomness that opens the existing `check` to `msg` under the public
/// key of `sk`. `R′ = C + k·B`, `e′ = Hs(Y ‖ R′ ‖ m′)`, `s′ = k − e′·x`.
///
/// The nonce `k` is hedged: derived from 32 bytes of `rng` together with `x`, `C` and `m′`,
/// so a weak RNG alone does not expose the trapdoor. `k` must never repeat for different
/// `(C, m′)`: two such collisions with the same `k` reveal `x`, exactly as for Schnorr.
pub fn adapt<R: RngCore + CryptoRng>(
	sk: &ChSecretKey,
	check: &ChCheck,
	msg: &[u8],
	rng: &mut R,
) -> Result<ChRandomness, ChError> {
	let c = decode_check(check)?;
	let pk = sk.public();
	let mut entropy = [0u8; 32];
	rng.fill_bytes(&mut entropy);
	let mut secret_bytes = sk.secret_scalar().to_bytes();
	let mut k = hash_to_scalar(&[ADAPT_NONCE_TAG, &entropy, &secret_bytes, &check.0, msg]);
	secret_bytes.zeroize();
	entropy.zeroize();

	let r_prime = (c + RistrettoPoint::mul_base(&k)).compress().0;
	let e_prime = challenge(&pk.0, &r_prime, msg);
	let s_prime = k - e_prime * sk.secret_scalar();
	k.zeroize();
	Ok(ChRandomness::from_parts(r_prime, s_prime.to_bytes()))
}
