//! Property tests over random keys and messages. Case counts are modest: every case costs a
//! few scalar multiplications and CI machines are small.

use blockful_chameleon::{
	adapt, hash, hash_from_seed, threshold, verify, ChCheck, ChError, ChPublicKey, ChRandomness,
	ChSecretKey,
};
use proptest::prelude::*;
use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

fn message() -> impl Strategy<Value = Vec<u8>> {
	prop::collection::vec(any::<u8>(), 0..300)
}

fn key(seed: [u8; 32]) -> (ChSecretKey, ChaCha20Rng) {
	let mut rng = ChaCha20Rng::from_seed(seed);
	(ChSecretKey::generate(&mut rng), rng)
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

	#[test]
	fn hash_then_verify_holds(seed in any::<[u8; 32]>(), m in message()) {
		let (sk, mut rng) = key(seed);
		let (c, rand) = hash(&sk.public(), &m, &mut rng).unwrap();
		prop_assert_eq!(verify(&sk.public(), &m, &rand, &c), Ok(()));
	}

	#[test]
	fn adapt_then_verify_holds(seed in any::<[u8; 32]>(), m in message(), m2 in message()) {
		let (sk, mut rng) = key(seed);
		let (c, rand) = hash(&sk.public(), &m, &mut rng).unwrap();
		let rand2 = adapt(&sk, &c, &m2, &mut rng).unwrap();
		prop_assert_eq!(verify(&sk.public(), &m2, &rand2, &c), Ok(()));
		prop_assert_eq!(verify(&sk.public(), &m, &rand, &c), Ok(()));
		if m != m2 {
			prop_assert_eq!(verify(&sk.public(), &m, &rand2, &c), Err(ChError::Mismatch));
			prop_assert_eq!(verify(&sk.public(), &m2, &rand, &c), Err(ChError::Mismatch));
		}
	}

	#[test]
	fn other_key_rejects(seed in any::<[u8; 32]>(), other in any::<[u8; 32]>(), m in message()) {
		prop_assume!(seed != other);
		let (sk, mut rng) = key(seed);
		let (other_sk, _) = key(other);
		let (c, rand) = hash(&sk.public(), &m, &mut rng).unwrap();
		prop_assert_eq!(verify(&other_sk.public(), &m, &rand, &c), Err(ChError::Mismatch));
	}

	#[test]
	fn any_single_bit_flip_is_rejected(
		seed in any::<[u8; 32]>(),
		m in message(),
		bit in 0usize..(128 * 8),
	) {
		let (sk, mut rng) = key(seed);
		let (c, rand) = hash(&sk.public(), &m, &mut rng).unwrap();
		let (mut y, mut c_bytes, mut rand_bytes) = (sk.public().0, c.0, rand.0);
		let (byte, mask) = (bit / 8, 1u8 << (bit % 8));
		match byte {
			0..=31 => y[byte] ^= mask,
			32..=63 => c_bytes[byte - 32] ^= mask,
			_ => rand_bytes[byte - 64] ^= mask,
		}
		let result = verify(&ChPublicKey(y), &m, &ChRandomness(rand_bytes), &ChCheck(c_bytes));
		prop_assert!(result.is_err());
	}

	#[test]
	fn random_randomness_is_rejected(
		seed in any::<[u8; 32]>(),
		m in message(),
		garbage in prop::array::uniform32(any::<u8>()),
		garbage_s in prop::array::uniform32(any::<u8>()),
	) {
		let (sk, mut rng) = key(seed);
		let (c, _) = hash(&sk.public(), &m, &mut rng).unwrap();
		let forged = ChRandomness::from_parts(garbage, garbage_s);
		prop_assert!(verify(&sk.public(), &m, &forged, &c).is_err());
	}

	#[test]
	fn hash_from_seed_is_deterministic(
		key_seed in any::<[u8; 32]>(),
		seed in any::<[u8; 32]>(),
		m in message(),
	) {
		let (sk, _) = key(key_seed);
		let first = hash_from_seed(&sk.public(), &m, &seed).unwrap();
		prop_assert_eq!(hash_from_seed(&sk.public(), &m, &seed).unwrap(), first);
		prop_assert_eq!(verify(&sk.public(), &m, &first.1, &first.0), Ok(()));
	}

	#[test]
	fn secret_key_bytes_round_trip(seed in any::<[u8; 32]>()) {
		let (sk, _) = key(seed);
		let again = ChSecretKey::from_bytes(sk.to_bytes()).unwrap();
		prop_assert_eq!(again.public(), sk.public());
	}
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

	#[test]
	fn threshold_adapt_holds_for_random_committees(
		seed in any::<[u8; 32]>(),
		n in 1u16..=6,
		t_fraction in 0.0f64..1.0,
		m2 in message(),
		choose in any::<u64>(),
	) {
		let t = 1 + ((f64::from(n) * t_fraction) as u16).min(n - 1);
		let mut rng = ChaCha20Rng::from_seed(seed);
		let (shares, keys) = threshold::trusted_dealer_keygen(t, n, &mut rng).unwrap();
		// A pseudo-random t-subset chosen by `choose`.
		let mut members: Vec<u16> = (1..=n).collect();
		let mut state = choose;
		for i in (1..members.len()).rev() {
			state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
			members.swap(i, (state >> 33) as usize % (i + 1));
		}
		members.truncate(usize::from(t));
		let (c, _) = hash(&keys.group_key, b"original", &mut rng).unwrap();
		let (nonces, commitments): (Vec<_>, Vec<_>) = members
			.iter()
			.map(|i| threshold::round1(&shares[usize::from(*i) - 1], &mut rng))
			.unzip();
		let package = threshold::SigningPackage::new(c, &m2, &commitments).unwrap();
		let partials: Vec<_> = members
			.iter()
			.zip(nonces)
			.map(|(i, n)| threshold::round2(&shares[usize::from(*i) - 1], n, &package).unwrap())
			.collect();
		let rand2 = threshold::aggregate(&keys, &package, &partials).unwrap();
		prop_assert_eq!(verify(&keys.group_key, &m2, &rand2, &c), Ok(()));
	}
}
