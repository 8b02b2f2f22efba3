//! Trusted-dealer key generation: for tests and development committees only, because the
//! dealer knows the whole trapdoor.

use super::{check_params, KeyShare, PublicKeyPackage, SecretPolynomial};
use crate::{ChError, ChPublicKey, ChSecretKey};
use alloc::vec::Vec;
use rand_core::{CryptoRng, RngCore};

/// Splits an existing trapdoor into `participants` Shamir shares, any `threshold` of which
/// can adapt under `secret.public()`. Whoever runs this knows `x`: use it for development
/// committees (e.g. with [`dev_secret_key`](crate::dev_secret_key)) and tests; on a real
/// network use [`dkg`](super::dkg).
pub fn split_secret<R: RngCore + CryptoRng>(
	secret: &ChSecretKey,
	threshold: u16,
	participants: u16,
	rng: &mut R,
) -> Result<(Vec<KeyShare>, PublicKeyPackage), ChError> {
	check_params(threshold, participants)?;
	let group_key = secret.public();
	let polynomial =
		SecretPolynomial::random_with_constant(*secret.secret_scalar(), threshold - 1, rng);
	let shares: Vec<KeyShare> = (1..=participants)
		.map(|index| KeyShare::new(index, threshold, polynomial.evaluate(index), group_key))
		.collect();
	let package = package_from_shares(group_key, threshold, &shares);
	Ok((shares, package))
}

/// A fresh random trapdoor, split by a trusted dealer who then forgets it. Tests and
/// development only (see [`split_secret`]).
pub fn trusted_dealer_keygen<R: RngCore + CryptoRng>(
	threshold: u16,
	participants: u16,
	rng: &mut R,
) -> Result<(Vec<KeyShare>, PublicKeyPackage), ChError> {
	check_params(threshold, participants)?;
	let secret = ChSecretKey::generate(rng);
	split_secret(&secret, threshold, participants, rng)
}

fn package_from_shares(
	group_key: ChPublicKey,
	threshold: u16,
	shares: &[KeyShare],
) -> PublicKeyPackage {
	PublicKeyPackage {
		group_key,
		threshold,
		verification_shares: shares.iter().map(|s| (s.index(), s.verifying_share())).collect(),
	}
}
