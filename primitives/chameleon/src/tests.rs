//! Unit tests of the single-trapdoor scheme and its encoding.

extern crate std;

use super::*;
use codec::{Decode, Encode, MaxEncodedLen};
use curve25519_dalek::{
	constants::RISTRETTO_BASEPOINT_POINT,
	ristretto::{CompressedRistretto, RistrettoPoint},
	scalar::Scalar,
};
use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};
use sha2::{Digest, Sha512};
use std::{format, string::ToString, vec::Vec};

fn rng() -> ChaCha20Rng {
	ChaCha20Rng::seed_from_u64(7)
}

/// `Hs` written out from the issue's definition, independently of the crate's helper.
fn reference_hs(parts: &[&[u8]]) -> Scalar {
	let mut hasher = Sha512::new();
	for part in parts {
		hasher.update(part);
	}
	let wide: [u8; 64] = hasher.finalize().into();
	Scalar::from_bytes_mod_order_wide(&wide)
}

fn setup() -> (ChSecretKey, ChCheck, ChRandomness, ChaCha20Rng) {
	let mut rng = rng();
	let sk = ChSecretKey::generate(&mut rng);
	let (check, rand) = hash(&sk.public(), b"model v1", &mut rng).unwrap();
	(sk, check, rand, rng)
}

/// `l = 2^252 + 27742317777372353535851937790883648493`, little-endian.
const GROUP_ORDER_LE: [u8; 32] = [
	0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
];

/// A scalar encoding that is `s + l`: the same residue, not canonical.
fn non_canonical(s: [u8; 32]) -> [u8; 32] {
	let l = GROUP_ORDER_LE;
	let mut out = [0u8; 32];
	let mut carry = 0u16;
	for i in 0..32 {
		let sum = u16::from(s[i]) + u16::from(l[i]) + carry;
		out[i] = (sum & 0xff) as u8;
		carry = sum >> 8;
	}
	assert_eq!(carry, 0, "s + l fits in 256 bits for every canonical s");
	out
}

#[test]
fn hash_then_verify_works() {
	let (sk, check, rand, _) = setup();
	assert_eq!(verify(&sk.public(), b"model v1", &rand, &check), Ok(()));
}

#[test]
fn hash_of_empty_and_long_messages_verifies() {
	let mut rng = rng();
	let pk = ChSecretKey::generate(&mut rng).public();
	for msg in [Vec::new(), std::vec![0xabu8; 10_000]] {
		let (check, rand) = hash(&pk, &msg, &mut rng).unwrap();
		assert_eq!(verify(&pk, &msg, &rand, &check), Ok(()));
	}
}

#[test]
fn encoding_matches_the_issue() {
	let (sk, check, rand, _) = setup();
	let y = CompressedRistretto(sk.public().0).decompress().unwrap();
	let r = CompressedRistretto(rand.r_bytes()).decompress().unwrap();
	let s = Scalar::from_canonical_bytes(rand.s_bytes()).unwrap();
	let e = reference_hs(&[b"blockful/ch/v1", &sk.public().0, &rand.r_bytes(), b"model v1"]);
	let c = r - (e * y + s * RISTRETTO_BASEPOINT_POINT);
	assert_eq!(c.compress().0, check.0);
	assert_eq!(&rand.0[..32], &rand.r_bytes());
	assert_eq!(&rand.0[32..], &rand.s_bytes());
}

#[test]
fn adapt_then_verify_works() {
	let (sk, check, rand, mut rng) = setup();
	let collision = adapt(&sk, &check, b"model v2 (unlearned)", &mut rng).unwrap();
	assert_ne!(collision, rand);
	assert_eq!(verify(&sk.public(), b"model v2 (unlearned)", &collision, &check), Ok(()));
	// The original opening stays valid: C did not change.
	assert_eq!(verify(&sk.public(), b"model v1", &rand, &check), Ok(()));
	// The collision does not open C to the old message.
	assert_eq!(verify(&sk.public(), b"model v1", &collision, &check), Err(ChError::Mismatch));
}

#[test]
fn repeated_adapt_works() {
	let (sk, check, _, mut rng) = setup();
	let mut seen = Vec::new();
	for version in 2u8..8 {
		let msg = [b'v', version];
		let collision = adapt(&sk, &check, &msg, &mut rng).unwrap();
		assert_eq!(verify(&sk.public(), &msg, &collision, &check), Ok(()));
		assert!(!seen.contains(&collision.r_bytes()), "fresh R' for every collision");
		seen.push(collision.r_bytes());
	}
}

#[test]
fn adapt_of_a_foreign_check_value_works() {
	// Anyone can publish C; the trapdoor holder can open any valid C.
	let mut rng = rng();
	let sk = ChSecretKey::generate(&mut rng);
	let check = ChCheck(RistrettoPoint::random(&mut rng).compress().0);
	let collision = adapt(&sk, &check, b"m", &mut rng).unwrap();
	assert_eq!(verify(&sk.public(), b"m", &collision, &check), Ok(()));
}

#[test]
fn wrong_message_fails() {
	let (sk, check, rand, _) = setup();
	assert_eq!(verify(&sk.public(), b"model v2", &rand, &check), Err(ChError::Mismatch));
	assert_eq!(verify(&sk.public(), b"", &rand, &check), Err(ChError::Mismatch));
}

#[test]
fn wrong_r_fails() {
	let (sk, check, rand, mut rng) = setup();
	let other_r = RistrettoPoint::random(&mut rng).compress().0;
	let bad = ChRandomness::from_parts(other_r, rand.s_bytes());
	assert_eq!(verify(&sk.public(), b"model v1", &bad, &check), Err(ChError::Mismatch));
}

#[test]
fn wrong_s_fails() {
	let (sk, check, rand, _) = setup();
	let s = Scalar::from_canonical_bytes(rand.s_bytes()).unwrap() + Scalar::ONE;
	let bad = ChRandomness::from_parts(rand.r_bytes(), s.to_bytes());
	assert_eq!(verify(&sk.public(), b"model v1", &bad, &check), Err(ChError::Mismatch));
}

#[test]
fn wrong_key_fails() {
	let (_, check, rand, mut rng) = setup();
	let other = ChSecretKey::generate(&mut rng).public();
	assert_eq!(verify(&other, b"model v1", &rand, &check), Err(ChError::Mismatch));
	assert_eq!(verify(&dev_public_key(), b"model v1", &rand, &check), Err(ChError::Mismatch));
}

#[test]
fn wrong_check_fails() {
	let (sk, _, rand, mut rng) = setup();
	let other = ChCheck(RistrettoPoint::random(&mut rng).compress().0);
	assert_eq!(verify(&sk.public(), b"model v1", &rand, &other), Err(ChError::Mismatch));
}

#[test]
fn non_canonical_s_fails() {
	let (sk, check, rand, _) = setup();
	let bad = ChRandomness::from_parts(rand.r_bytes(), non_canonical(rand.s_bytes()));
	// Same residue mod l, so only the canonicity check stands between this and acceptance.
	assert_eq!(verify(&sk.public(), b"model v1", &bad, &check), Err(ChError::NonCanonicalScalar));
	let all_ones = ChRandomness::from_parts(rand.r_bytes(), [0xff; 32]);
	assert_eq!(
		verify(&sk.public(), b"model v1", &all_ones, &check),
		Err(ChError::NonCanonicalScalar)
	);
}

/// Byte strings that are not canonical ristretto255 encodings: a field element ≥ p, a
/// "negative" (odd) field element, and a non-square.
fn bad_point_encodings() -> [[u8; 32]; 3] {
	let mut negative = [0u8; 32];
	negative[0] = 1;
	let mut not_square = [0u8; 32];
	not_square[0] = 2;
	[[0xff; 32], negative, not_square]
}

#[test]
fn bad_point_encodings_are_really_bad() {
	for bytes in bad_point_encodings() {
		assert!(CompressedRistretto(bytes).decompress().is_none(), "{bytes:?}");
	}
}

#[test]
fn bad_r_encoding_fails() {
	let (sk, check, rand, _) = setup();
	for bytes in bad_point_encodings() {
		let bad = ChRandomness::from_parts(bytes, rand.s_bytes());
		assert_eq!(
			verify(&sk.public(), b"model v1", &bad, &check),
			Err(ChError::InvalidRandomnessPoint)
		);
	}
}

#[test]
fn bad_public_key_encoding_fails() {
	let (_, check, rand, mut rng) = setup();
	for bytes in bad_point_encodings() {
		let pk = ChPublicKey(bytes);
		assert_eq!(verify(&pk, b"model v1", &rand, &check), Err(ChError::InvalidPublicKey));
		assert_eq!(hash(&pk, b"x", &mut rng), Err(ChError::InvalidPublicKey));
		assert_eq!(hash_from_seed(&pk, b"x", &[0; 32]), Err(ChError::InvalidPublicKey));
	}
}

#[test]
fn identity_public_key_fails() {
	let (_, _, _, mut rng) = setup();
	let identity = ChPublicKey([0u8; 32]);
	// With Y = O every C opens to every message: s is free. It must be refused outright.
	let r = RistrettoPoint::random(&mut rng);
	let s = Scalar::random(&mut rng);
	let check = ChCheck((r - s * RISTRETTO_BASEPOINT_POINT).compress().0);
	let rand = ChRandomness::from_parts(r.compress().0, s.to_bytes());
	assert_eq!(verify(&identity, b"anything", &rand, &check), Err(ChError::IdentityPublicKey));
	assert_eq!(hash(&identity, b"x", &mut rng), Err(ChError::IdentityPublicKey));
}

#[test]
fn bad_check_encoding_fails() {
	let (sk, _, rand, mut rng) = setup();
	for bytes in bad_point_encodings() {
		let check = ChCheck(bytes);
		assert_eq!(verify(&sk.public(), b"model v1", &rand, &check), Err(ChError::InvalidCheck));
		assert_eq!(adapt(&sk, &check, b"m", &mut rng), Err(ChError::InvalidCheck));
	}
}

#[test]
fn hash_from_seed_works() {
	let pk = dev_public_key();
	let seed = [42u8; 32];
	let (check, rand) = hash_from_seed(&pk, b"tx", &seed).unwrap();
	assert_eq!(hash_from_seed(&pk, b"tx", &seed).unwrap(), (check, rand));
	assert_eq!(verify(&pk, b"tx", &rand, &check), Ok(()));
	// r and s are exactly the documented derivations.
	let r = reference_hs(&[b"blockful/ch/seed-r", &seed]);
	let s = reference_hs(&[b"blockful/ch/seed-s", &seed]);
	assert_eq!(rand.r_bytes(), RistrettoPoint::mul_base(&r).compress().0);
	assert_eq!(rand.s_bytes(), s.to_bytes());
	// Another seed gives another hash of the same message.
	let (check2, rand2) = hash_from_seed(&pk, b"tx", &[43u8; 32]).unwrap();
	assert_ne!(check2, check);
	assert_ne!(rand2, rand);
	// And the dev trapdoor adapts it.
	let collision = adapt(&dev_secret_key(), &check, b"tx'", &mut rng()).unwrap();
	assert_eq!(verify(&pk, b"tx'", &collision, &check), Ok(()));
}

#[test]
fn dev_key_is_the_documented_one() {
	let x = reference_hs(&[b"blockful/ch/dev-trapdoor"]);
	assert_eq!(dev_secret_key().to_bytes(), x.to_bytes());
	assert_eq!(dev_public_key(), dev_secret_key().public());
	assert_eq!(dev_public_key().0, RistrettoPoint::mul_base(&x).compress().0);
}

#[test]
fn secret_key_bytes_round_trip_works() {
	let mut rng = rng();
	let sk = ChSecretKey::generate(&mut rng);
	let again = ChSecretKey::from_bytes(sk.to_bytes()).unwrap();
	assert_eq!(again.to_bytes(), sk.to_bytes());
	assert_eq!(again.public(), sk.public());
}

#[test]
fn bad_secret_key_bytes_fail() {
	let sk = ChSecretKey::generate(&mut rng());
	assert_eq!(
		ChSecretKey::from_bytes(non_canonical(sk.to_bytes())).unwrap_err(),
		ChError::NonCanonicalScalar
	);
	assert_eq!(ChSecretKey::from_bytes([0u8; 32]).unwrap_err(), ChError::ZeroSecret);
}

#[test]
fn secret_key_debug_does_not_leak() {
	let sk = ChSecretKey::generate(&mut rng());
	let shown = format!("{sk:?}");
	assert!(shown.contains("<redacted>"));
	assert!(!shown.contains(&format!("{:?}", sk.to_bytes())));
}

#[test]
fn secret_key_zeroize_works() {
	use zeroize::Zeroize;
	let mut sk = ChSecretKey::generate(&mut rng());
	sk.zeroize();
	assert_eq!(sk.to_bytes(), [0u8; 32]);
}

#[test]
fn scale_encoding_works() {
	let (sk, check, rand, _) = setup();
	assert_eq!(ChPublicKey::max_encoded_len(), 32);
	assert_eq!(ChCheck::max_encoded_len(), 32);
	assert_eq!(ChRandomness::max_encoded_len(), 64);
	assert_eq!(sk.public().encode(), sk.public().0.to_vec());
	assert_eq!(rand.encode(), rand.0.to_vec());
	assert_eq!(ChCheck::decode(&mut &check.encode()[..]).unwrap(), check);
	assert_eq!(ChRandomness::decode(&mut &rand.encode()[..]).unwrap(), rand);
	let err = ChError::InvalidShare { signer: 3 };
	assert_eq!(ChError::decode(&mut &err.encode()[..]).unwrap(), err);
	assert!(err.to_string().contains('3'));
}

/// Why SPEC §3 forbids the textbook chameleon hash `h = m·G + r·Y` (additively written
/// `g^m h^r`): a single published collision `(m, r), (m′, r′)` gives
/// `m + r·x = m′ + r′·x`, hence `x = (m − m′)/(r′ − r)`.
#[test]
fn textbook_chameleon_hash_leaks_trapdoor() {
	let mut rng = rng();
	let x = Scalar::random(&mut rng);
	let y = RistrettoPoint::mul_base(&x);
	let (m, r) = (Scalar::random(&mut rng), Scalar::random(&mut rng));
	let h = RistrettoPoint::mul_base(&m) + r * y;
	// The trapdoor holder's collision for m′.
	let m2 = Scalar::random(&mut rng);
	let r2 = r + (m - m2) * x.invert();
	assert_eq!(RistrettoPoint::mul_base(&m2) + r2 * y, h);
	// Anyone who sees both openings recovers the trapdoor.
	let recovered = (m - m2) * (r2 - r).invert();
	assert_eq!(recovered, x);
}

/// The same attempt against this scheme: from two openings `(R, s)`, `(R′, s′)` of one C,
/// the linear relation `s′ − s = (k′ − r) − (e′ − e)·x` has the unknown nonces in it; with
/// nonces unknown the equation does not determine x. Here we check the natural guesses fail.
#[test]
fn collisions_do_not_yield_the_trapdoor_by_the_textbook_formula() {
	let (sk, check, rand, mut rng) = setup();
	let collision = adapt(&sk, &check, b"model v2", &mut rng).unwrap();
	let s = Scalar::from_canonical_bytes(rand.s_bytes()).unwrap();
	let s2 = Scalar::from_canonical_bytes(collision.s_bytes()).unwrap();
	let e = reference_hs(&[b"blockful/ch/v1", &sk.public().0, &rand.r_bytes(), b"model v1"]);
	let e2 = reference_hs(&[b"blockful/ch/v1", &sk.public().0, &collision.r_bytes(), b"model v2"]);
	let x = Scalar::from_canonical_bytes(sk.to_bytes()).unwrap();
	assert_ne!((s - s2) * (e2 - e).invert(), x);
	assert_ne!((s2 - s) * (e2 - e).invert(), x);
}

#[test]
fn prepared_public_key_verify_works() {
	let (sk, check, rand, mut rng) = setup();
	let prepared = PreparedPublicKey::new(&sk.public()).unwrap();
	assert_eq!(prepared.public_key(), sk.public());
	assert_eq!(prepared.verify(b"model v1", &rand, &check), Ok(()));
	assert_eq!(prepared.verify(b"model v2", &rand, &check), Err(ChError::Mismatch));
	let collision = adapt(&sk, &check, b"model v2", &mut rng).unwrap();
	assert_eq!(prepared.verify(b"model v2", &collision, &check), Ok(()));
	assert_eq!(PreparedPublicKey::new(&ChPublicKey([0; 32])), Err(ChError::IdentityPublicKey));
	assert_eq!(PreparedPublicKey::new(&ChPublicKey([0xff; 32])), Err(ChError::InvalidPublicKey));
}
