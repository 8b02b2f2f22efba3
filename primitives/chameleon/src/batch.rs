//! Batch verification: many openings under one key checked with one multiscalar
//! multiplication.
//!
//! Item `i` opens iff `R_i − e_i·Y − s_i·B − C_i = 0`. With random 128-bit weights `z_i`,
//! all items open (except with probability about 2⁻¹²⁸ when one does not) iff
//!
//! ```text
//! Σ z_i·R_i − Σ z_i·C_i − (Σ z_i·e_i)·Y − (Σ z_i·s_i)·B = 0,
//! ```
//!
//! one variable-time multiscalar multiplication over `2n + 2` points (Straus or Pippenger,
//! as curve25519-dalek picks). The weights are derived from a transcript of the whole
//! batch — key, every `R_i`, `s_i`, `C_i` and message hash, in order — so nobody can
//! choose items against known weights, and the runtime needs no RNG. When the combined
//! equation fails, the items are verified one by one and the first failing one is named.

use crate::{
	scheme::{challenge, decode_check, decode_scalar, hash_to_scalar},
	ChCheck, ChError, ChRandomness, PreparedPublicKey,
};
use alloc::vec::Vec;
use curve25519_dalek::{
	constants::RISTRETTO_BASEPOINT_POINT,
	ristretto::{CompressedRistretto, RistrettoPoint},
	scalar::Scalar,
	traits::{IsIdentity, VartimeMultiscalarMul},
};
use sha2::{Digest, Sha512};

/// Domain tag of the batch transcript.
const BATCH_TAG: &[u8] = b"blockful/ch/v1/batch";

/// One opening to check: `rand` opens `check` to `msg`.
#[derive(Clone, Copy, Debug)]
pub struct BatchItem<'a> {
	/// The message.
	pub msg: &'a [u8],
	/// The randomness `R ‖ s`.
	pub rand: &'a ChRandomness,
	/// The check value.
	pub check: &'a ChCheck,
}

/// Why a batch failed: the first item that does not open, and why.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct BatchError {
	/// Position of the first failing item.
	pub index: usize,
	/// What [`PreparedPublicKey::verify`] says about it.
	pub error: ChError,
}

impl PreparedPublicKey {
	/// Verifies every item under this key; `Ok` iff each of them would pass
	/// [`PreparedPublicKey::verify`] (up to the 2⁻¹²⁸ soundness error of the weights).
	/// On failure names the first item that does not verify on its own.
	pub fn verify_batch(&self, items: &[BatchItem<'_>]) -> Result<(), BatchError> {
		match self.combined(items) {
			Some(true) => Ok(()),
			// Undecodable input or a failing equation: find the culprit item by item.
			_ => Err(self.first_failure(items)),
		}
	}

	/// The combined equation; `None` when an item does not even decode.
	fn combined(&self, items: &[BatchItem<'_>]) -> Option<bool> {
		let mut transcript = Sha512::new();
		transcript.update(BATCH_TAG);
		transcript.update(self.public_key().0);
		let mut decoded = Vec::with_capacity(items.len());
		for item in items {
			let r_bytes = item.rand.r_bytes();
			let r = CompressedRistretto(r_bytes).decompress()?;
			let c = decode_check(item.check).ok()?;
			let s = decode_scalar(item.rand.s_bytes()).ok()?;
			let e = challenge(&self.public_key().0, &r_bytes, item.msg);
			transcript.update(r_bytes);
			transcript.update(item.rand.s_bytes());
			transcript.update(item.check.0);
			transcript.update(Sha512::digest(item.msg));
			decoded.push((r, c, s, e));
		}
		let mut seed = [0u8; 64];
		seed.copy_from_slice(&transcript.finalize());
		let mut scalars = Vec::with_capacity(2 * decoded.len() + 2);
		let mut points = Vec::with_capacity(2 * decoded.len() + 2);
		let (mut sum_e, mut sum_s) = (Scalar::ZERO, Scalar::ZERO);
		for (i, (r, c, s, e)) in decoded.into_iter().enumerate() {
			let z = weight(&seed, i);
			sum_e += z * e;
			sum_s += z * s;
			scalars.push(z);
			points.push(r);
			scalars.push(-z);
			points.push(c);
		}
		scalars.push(-sum_e);
		points.push(self.point());
		scalars.push(-sum_s);
		points.push(RISTRETTO_BASEPOINT_POINT);
		Some(RistrettoPoint::vartime_multiscalar_mul(&scalars, &points).is_identity())
	}

	/// The first item that fails on its own (the combined check said one does).
	fn first_failure(&self, items: &[BatchItem<'_>]) -> BatchError {
		for (index, item) in items.iter().enumerate() {
			if let Err(error) = self.verify(item.msg, item.rand, item.check) {
				return BatchError { index, error };
			}
		}
		// Unreachable for honest arithmetic: every item verifies but their random
		// combination does not. Report the batch as a whole as mismatching.
		BatchError { index: 0, error: ChError::Mismatch }
	}
}

/// The 128-bit weight of item `i`: `Hs(seed ‖ i)` truncated to its low 16 bytes.
pub(crate) fn weight(seed: &[u8; 64], i: usize) -> Scalar {
	let full = hash_to_scalar(&[seed, &(i as u64).to_le_bytes()]).to_bytes();
	let mut bytes = [0u8; 32];
	bytes[..16].copy_from_slice(&full[..16]);
	Scalar::from_bytes_mod_order(bytes)
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{adapt, dev_secret_key, hash_from_seed, ChPublicKey};
	use proptest::prelude::*;
	use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

	/// `n` valid openings under the dev key: fresh hashes and, every third, a collision.
	fn openings(n: usize) -> (ChPublicKey, Vec<(Vec<u8>, ChRandomness, ChCheck)>) {
		let sk = dev_secret_key();
		let pk = sk.public();
		let mut rng = ChaCha20Rng::seed_from_u64(7);
		let items = (0..n)
			.map(|i| {
				let msg = alloc::format!("model-{i}").into_bytes();
				let (check, rand) = hash_from_seed(&pk, &msg, &[i as u8; 32]).unwrap();
				if i % 3 == 2 {
					let new_msg = alloc::format!("model-{i}-v1").into_bytes();
					let rand = adapt(&sk, &check, &new_msg, &mut rng).unwrap();
					(new_msg, rand, check)
				} else {
					(msg, rand, check)
				}
			})
			.collect();
		(pk, items)
	}

	fn batch(items: &[(Vec<u8>, ChRandomness, ChCheck)]) -> Vec<BatchItem<'_>> {
		items.iter().map(|(msg, rand, check)| BatchItem { msg, rand, check }).collect()
	}

	#[test]
	fn valid_batch_verifies_works() {
		let (pk, items) = openings(12);
		let key = PreparedPublicKey::new(&pk).unwrap();
		assert_eq!(key.verify_batch(&batch(&items)), Ok(()));
		assert_eq!(key.verify_batch(&[]), Ok(()));
	}

	#[test]
	fn batch_with_wrong_message_names_it_fails() {
		let (pk, mut items) = openings(8);
		items[5].0 = b"another model".to_vec();
		let key = PreparedPublicKey::new(&pk).unwrap();
		assert_eq!(key.verify_batch(&batch(&items)), Err(BatchError { index: 5, error: ChError::Mismatch }));
	}

	#[test]
	fn batch_with_undecodable_item_names_it_fails() {
		let (pk, mut items) = openings(4);
		let mut bad = items[2].1 .0;
		bad[..32].copy_from_slice(&[0xff; 32]);
		items[2].1 = ChRandomness(bad);
		let key = PreparedPublicKey::new(&pk).unwrap();
		assert_eq!(
			key.verify_batch(&batch(&items)),
			Err(BatchError { index: 2, error: ChError::InvalidRandomnessPoint })
		);
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(16))]

		/// Any order of valid items passes.
		#[test]
		fn any_order_of_valid_items_passes(seed in any::<u64>(), n in 1usize..10) {
			let (pk, mut items) = openings(n);
			let mut rng = ChaCha20Rng::seed_from_u64(seed);
			for i in (1..items.len()).rev() {
				let j = (rand_chacha::rand_core::RngCore::next_u64(&mut rng) % (i as u64 + 1)) as usize;
				items.swap(i, j);
			}
			let key = PreparedPublicKey::new(&pk).unwrap();
			prop_assert_eq!(key.verify_batch(&batch(&items)), Ok(()));
		}

		/// A batch with one bad item (a flipped bit of `s`, of `C` or of the message) fails
		/// and names that item.
		#[test]
		fn one_bad_item_fails(n in 1usize..10, pick in any::<usize>(), what in 0u8..3) {
			let (pk, mut items) = openings(n);
			let bad = pick % n;
			match what {
				0 => { let mut r = items[bad].1 .0; r[40] ^= 1; items[bad].1 = ChRandomness(r); },
				1 => items[bad].0.push(b'!'),
				_ => { items[bad].2 = items[(bad + 1) % n].2; if n == 1 { items[bad].2 = ChCheck([0; 32]); } },
			}
			let key = PreparedPublicKey::new(&pk).unwrap();
			let err = key.verify_batch(&batch(&items)).unwrap_err();
			prop_assert_eq!(err.index, bad);
		}
	}
}
