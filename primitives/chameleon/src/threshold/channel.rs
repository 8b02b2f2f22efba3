//! # Private channels for an on-chain DKG
//!
//! [`dkg`](super::dkg) needs each dealer's share `f_i(j)` to reach member `j` privately.
//! On a blockchain every message is public, so each share is posted *encrypted*:
//!
//! - every member `j` has a channel key pair `(e_j, E_j = e_j·B)` and publishes `E_j`;
//! - the dealer `i` and the receiver `j` share the Diffie–Hellman point `K = e_i·E_j =
//!   e_j·E_i`; the share travels as `c = f_i(j) + Hs("blockful/ch/v1/dkg-pad" ‖ ctx ‖ i ‖ j
//!   ‖ K)` (a one-time pad in the scalar field, one per ordered pair and DKG run);
//! - a receiver whose share does not match the dealer's commitment **complains** by
//!   revealing `K` with a proof that `log_B E_j = log_{E_i} K` (a Chaum–Pedersen DLEQ
//!   proof, [`prove_shared_key`]). Anyone can then decrypt that one share
//!   ([`open_share`]) and see who lied: the dealer (the share does not match) or the
//!   complainer (it does). Revealing `K` exposes only the shares between `i` and `j`, which
//!   the accused dealer knew already.
//!
//! [`SeededRng`] turns a 32-byte secret seed into a deterministic CSPRNG (SHA-512 in
//! counter mode), so that a committee node can re-derive its DKG polynomial and channel
//! key from its keystore instead of storing them.

use crate::{
	scheme::{decode_scalar, hash_to_scalar},
	ChError,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use curve25519_dalek::{
	ristretto::{CompressedRistretto, RistrettoPoint},
	scalar::Scalar,
	traits::IsIdentity,
};
use rand_core::{CryptoRng, RngCore};
use scale_info::TypeInfo;
use sha2::{Digest, Sha512};
use zeroize::{Zeroize, ZeroizeOnDrop};

/// Domain tag of the share pad.
const PAD_TAG: &[u8] = b"blockful/ch/v1/dkg-pad";
/// Domain tag of the DLEQ challenge.
const DLEQ_TAG: &[u8] = b"blockful/ch/v1/dkg-dleq";
/// Domain tag of the DLEQ nonce.
const DLEQ_NONCE_TAG: &[u8] = b"blockful/ch/v1/dkg-dleq-nonce";
/// Domain tag of the channel secret derived from a seed.
const CHANNEL_TAG: &[u8] = b"blockful/ch/v1/dkg-channel";

/// A deterministic CSPRNG: block `k` is `SHA-512(seed ‖ k)`. Zeroized on drop.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct SeededRng {
	seed: [u8; 32],
	counter: u64,
	buffer: [u8; 64],
	used: usize,
}

impl SeededRng {
	/// A generator whose whole output is fixed by `seed`.
	pub fn new(seed: [u8; 32]) -> Self {
		Self { seed, counter: 0, buffer: [0u8; 64], used: 64 }
	}

	fn refill(&mut self) {
		let mut hasher = Sha512::new();
		hasher.update(self.seed);
		hasher.update(self.counter.to_le_bytes());
		self.buffer = hasher.finalize().into();
		self.counter = self.counter.wrapping_add(1);
		self.used = 0;
	}
}

impl RngCore for SeededRng {
	fn next_u32(&mut self) -> u32 {
		let mut bytes = [0u8; 4];
		self.fill_bytes(&mut bytes);
		u32::from_le_bytes(bytes)
	}

	fn next_u64(&mut self) -> u64 {
		let mut bytes = [0u8; 8];
		self.fill_bytes(&mut bytes);
		u64::from_le_bytes(bytes)
	}

	fn fill_bytes(&mut self, dest: &mut [u8]) {
		for byte in dest.iter_mut() {
			if self.used >= self.buffer.len() {
				self.refill();
			}
			*byte = self.buffer.get(self.used).copied().unwrap_or_default();
			self.used += 1;
		}
	}

	fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
		self.fill_bytes(dest);
		Ok(())
	}
}

impl CryptoRng for SeededRng {}

/// A member's channel key pair `(e, E = e·B)`. Zeroized on drop.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct ChannelKey {
	secret: Scalar,
	#[zeroize(skip)]
	public: [u8; 32],
}

impl ChannelKey {
	/// The key pair derived from a secret seed: `e = Hs("blockful/ch/v1/dkg-channel" ‖
	/// seed)` (never zero in practice; zero is mapped to one).
	pub fn from_seed(seed: &[u8; 32]) -> Self {
		let mut secret = hash_to_scalar(&[CHANNEL_TAG, seed]);
		if secret == Scalar::ZERO {
			secret = Scalar::ONE;
		}
		Self { secret, public: RistrettoPoint::mul_base(&secret).compress().0 }
	}

	/// `E`, to publish.
	pub fn public(&self) -> [u8; 32] {
		self.public
	}

	/// Is `bytes` a usable channel public key (a valid point, not the identity)?
	pub fn check_public(bytes: &[u8; 32]) -> bool {
		decode_channel_key(bytes).is_ok()
	}

	/// `K = e·E_other`, the point shared with the owner of `other`.
	fn shared_with(&self, other: &[u8; 32]) -> Result<[u8; 32], ChError> {
		Ok((self.secret * decode_channel_key(other)?).compress().0)
	}

	/// Encrypts `share = f_sender(receiver)` for `receiver`, whose channel key is
	/// `receiver_key`.
	pub fn encrypt_share(
		&self,
		receiver_key: &[u8; 32],
		context: &[u8],
		sender: u16,
		receiver: u16,
		share: &[u8; 32],
	) -> Result<[u8; 32], ChError> {
		let shared = self.shared_with(receiver_key)?;
		let mut plain = decode_scalar(*share)?;
		let cipher = plain + pad(&shared, context, sender, receiver);
		plain.zeroize();
		Ok(cipher.to_bytes())
	}

	/// Decrypts the share `sender` (channel key `sender_key`) posted for this member.
	pub fn decrypt_share(
		&self,
		sender_key: &[u8; 32],
		context: &[u8],
		sender: u16,
		receiver: u16,
		cipher: &[u8; 32],
	) -> Result<[u8; 32], ChError> {
		let shared = self.shared_with(sender_key)?;
		open_share(&shared, context, sender, receiver, cipher)
	}

	/// Reveals `K = e·E_sender` with a proof that it was computed with this member's
	/// channel secret, for a complaint against `sender`.
	pub fn prove_shared_key(
		&self,
		sender_key: &[u8; 32],
		context: &[u8],
	) -> Result<SharedKeyProof, ChError> {
		let base = decode_channel_key(sender_key)?;
		let shared_point = self.secret * base;
		let shared = shared_point.compress().0;
		let mut secret_bytes = self.secret.to_bytes();
		let mut k = hash_to_scalar(&[DLEQ_NONCE_TAG, &secret_bytes, sender_key, context]);
		secret_bytes.zeroize();
		let a1 = RistrettoPoint::mul_base(&k).compress().0;
		let a2 = (k * base).compress().0;
		let c = dleq_challenge(context, &self.public, sender_key, &shared, &a1, &a2);
		let z = k + c * self.secret;
		k.zeroize();
		Ok(SharedKeyProof { shared, a1, a2, z: z.to_bytes() })
	}
}

/// `K` revealed by a complaining receiver, with a Chaum–Pedersen proof that
/// `log_B E_receiver = log_{E_sender} K`.
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
pub struct SharedKeyProof {
	/// `K = e_receiver·E_sender`, compressed.
	pub shared: [u8; 32],
	/// `k·B`.
	pub a1: [u8; 32],
	/// `k·E_sender`.
	pub a2: [u8; 32],
	/// `z = k + c·e_receiver`.
	pub z: [u8; 32],
}

impl SharedKeyProof {
	/// Checks the proof for a receiver with channel key `receiver_key` and a sender with
	/// channel key `sender_key`: `z·B = A1 + c·E_receiver` and `z·E_sender = A2 + c·K`.
	pub fn verify(
		&self,
		receiver_key: &[u8; 32],
		sender_key: &[u8; 32],
		context: &[u8],
	) -> Result<(), ChError> {
		let bad = ChError::InvalidSharedKeyProof;
		let receiver = decode_channel_key(receiver_key).map_err(|_| bad)?;
		let sender = decode_channel_key(sender_key).map_err(|_| bad)?;
		let point = |bytes: &[u8; 32]| CompressedRistretto(*bytes).decompress().ok_or(bad);
		let shared = point(&self.shared)?;
		let a1 = point(&self.a1)?;
		let a2 = point(&self.a2)?;
		let z = decode_scalar(self.z).map_err(|_| bad)?;
		let c = dleq_challenge(context, receiver_key, sender_key, &self.shared, &self.a1, &self.a2);
		if RistrettoPoint::mul_base(&z) != a1 + c * receiver || z * sender != a2 + c * shared {
			return Err(bad);
		}
		Ok(())
	}
}

/// Decrypts one share with a revealed shared point `K` (e.g. from a verified
/// [`SharedKeyProof`]).
pub fn open_share(
	shared: &[u8; 32],
	context: &[u8],
	sender: u16,
	receiver: u16,
	cipher: &[u8; 32],
) -> Result<[u8; 32], ChError> {
	let cipher = decode_scalar(*cipher)?;
	Ok((cipher - pad(shared, context, sender, receiver)).to_bytes())
}

/// Decodes a channel key: a valid point, not the identity.
fn decode_channel_key(bytes: &[u8; 32]) -> Result<RistrettoPoint, ChError> {
	CompressedRistretto(*bytes)
		.decompress()
		.filter(|p| !p.is_identity())
		.ok_or(ChError::InvalidChannelKey)
}

fn pad(shared: &[u8; 32], context: &[u8], sender: u16, receiver: u16) -> Scalar {
	hash_to_scalar(&[PAD_TAG, context, &sender.to_le_bytes(), &receiver.to_le_bytes(), shared])
}

fn dleq_challenge(
	context: &[u8],
	receiver_key: &[u8; 32],
	sender_key: &[u8; 32],
	shared: &[u8; 32],
	a1: &[u8; 32],
	a2: &[u8; 32],
) -> Scalar {
	hash_to_scalar(&[DLEQ_TAG, context, receiver_key, sender_key, shared, a1, a2])
}

#[cfg(test)]
mod tests {
	use super::*;

	fn keys() -> (ChannelKey, ChannelKey) {
		(ChannelKey::from_seed(&[1u8; 32]), ChannelKey::from_seed(&[2u8; 32]))
	}

	#[test]
	fn shares_round_trip_between_the_two_ends_only() {
		let (alice, bob) = keys();
		let share = Scalar::from(12345u64).to_bytes();
		let cipher = alice.encrypt_share(&bob.public(), b"ctx", 1, 2, &share).unwrap();
		assert_ne!(cipher, share);
		assert_eq!(bob.decrypt_share(&alice.public(), b"ctx", 1, 2, &cipher).unwrap(), share);
		// The pad is bound to the direction and the run.
		assert_ne!(bob.decrypt_share(&alice.public(), b"ctx", 2, 1, &cipher).unwrap(), share);
		assert_ne!(bob.decrypt_share(&alice.public(), b"other", 1, 2, &cipher).unwrap(), share);
		let eve = ChannelKey::from_seed(&[3u8; 32]);
		assert_ne!(eve.decrypt_share(&alice.public(), b"ctx", 1, 2, &cipher).unwrap(), share);
	}

	#[test]
	fn a_complaint_proof_opens_exactly_that_share() {
		let (alice, bob) = keys();
		let share = Scalar::from(777u64).to_bytes();
		let cipher = alice.encrypt_share(&bob.public(), b"ctx", 1, 2, &share).unwrap();
		let proof = bob.prove_shared_key(&alice.public(), b"ctx").unwrap();
		proof.verify(&bob.public(), &alice.public(), b"ctx").unwrap();
		assert_eq!(open_share(&proof.shared, b"ctx", 1, 2, &cipher).unwrap(), share);
	}

	#[test]
	fn forged_complaint_proofs_fail() {
		let (alice, bob) = keys();
		let eve = ChannelKey::from_seed(&[3u8; 32]);
		let proof = bob.prove_shared_key(&alice.public(), b"ctx").unwrap();
		// Wrong context, wrong claimed receiver, a swapped K.
		assert_eq!(
			proof.verify(&bob.public(), &alice.public(), b"x"),
			Err(ChError::InvalidSharedKeyProof)
		);
		assert_eq!(
			proof.verify(&eve.public(), &alice.public(), b"ctx"),
			Err(ChError::InvalidSharedKeyProof)
		);
		let mut forged = proof;
		forged.shared = eve.prove_shared_key(&alice.public(), b"ctx").unwrap().shared;
		assert_eq!(
			forged.verify(&bob.public(), &alice.public(), b"ctx"),
			Err(ChError::InvalidSharedKeyProof)
		);
	}

	#[test]
	fn seeded_rng_is_deterministic_and_seed_dependent() {
		let mut a = SeededRng::new([7u8; 32]);
		let mut b = SeededRng::new([7u8; 32]);
		let mut c = SeededRng::new([8u8; 32]);
		let (mut x, mut y, mut z) = ([0u8; 100], [0u8; 100], [0u8; 100]);
		a.fill_bytes(&mut x);
		b.fill_bytes(&mut y);
		c.fill_bytes(&mut z);
		assert_eq!(x, y);
		assert_ne!(x, z);
		assert_ne!(x[..64], x[64..100].repeat(2)[..64]);
	}
}

#[cfg(test)]
mod dkg_on_chain_tests {
	//! The DKG as a chain runs it: packages checked one by one as they are posted, shares
	//! posted encrypted, the key package computed from the public transcript only.
	use super::*;
	use crate::threshold::{aggregate, dkg, round1, round2, SigningPackage};
	use crate::{hash, verify};

	#[test]
	fn public_transcript_gives_a_key_that_three_of_four_can_adapt_under() {
		let (t, n, ctx) = (3u16, 4u16, b"chain/epoch-0".as_slice());
		let mut secrets = alloc::vec::Vec::new();
		let mut packages = alloc::vec::Vec::new();
		let mut channels = alloc::vec::Vec::new();
		for i in 1..=n {
			let seed = [i as u8; 32];
			let (secret, package) = dkg::part1(i, t, n, ctx, &mut SeededRng::new(seed)).unwrap();
			// Re-deriving from the seed gives the same package (nothing to store).
			let (_, again) = dkg::part1(i, t, n, ctx, &mut SeededRng::new(seed)).unwrap();
			assert_eq!(package, again);
			dkg::check_round1_package(ctx, t, n, &package).unwrap();
			secrets.push(secret);
			packages.push(package);
			channels.push(ChannelKey::from_seed(&[100 + i as u8; 32]));
		}
		// A tampered proof is caught on its own.
		let mut bad = packages[0].clone();
		bad.proof_mu = Scalar::from(5u8).to_bytes();
		assert_eq!(
			dkg::check_round1_package(ctx, t, n, &bad),
			Err(ChError::InvalidProofOfKnowledge { participant: 1 })
		);
		let qualified: alloc::vec::Vec<(u16, &[[u8; 32]])> =
			packages.iter().map(|p| (p.sender, p.commitment.as_slice())).collect();
		let keys = dkg::public_key_package(t, n, &qualified).unwrap();
		keys.validate().unwrap();
		let mut shares = alloc::vec::Vec::new();
		for j in 1..=n {
			let mut received = alloc::vec::Vec::new();
			for i in 1..=n {
				let (si, ci) = (&secrets[usize::from(i - 1)], &channels[usize::from(i - 1)]);
				let cj = &channels[usize::from(j - 1)];
				let plain = si.share_for(j);
				let cipher = ci.encrypt_share(&cj.public(), ctx, i, j, &plain).unwrap();
				let opened = cj.decrypt_share(&ci.public(), ctx, i, j, &cipher).unwrap();
				dkg::check_dealt_share(&packages[usize::from(i - 1)].commitment, i, j, &opened)
					.unwrap();
				received.push(opened);
			}
			shares.push(dkg::combine_shares(j, &received, &keys).unwrap());
		}
		// A wrong share is named.
		let wrong = Scalar::from(9u8).to_bytes();
		assert_eq!(
			dkg::check_dealt_share(&packages[1].commitment, 2, 3, &wrong),
			Err(ChError::InvalidDkgShare { participant: 2 })
		);
		// Members 1, 3, 4 adapt; nonces survive a round trip through bytes.
		let (check, _) = hash(&keys.group_key, b"old", &mut SeededRng::new([9; 32])).unwrap();
		let signers = [&shares[0], &shares[2], &shares[3]];
		let mut nonces = alloc::vec::Vec::new();
		let mut commitments = alloc::vec::Vec::new();
		for s in signers {
			let (nonce, commitment) = round1(s, &mut SeededRng::new([s.index() as u8; 32]));
			let saved = crate::threshold::SigningNonces::from_secret_bytes(
				nonce.to_secret_bytes(),
				commitment,
			)
			.unwrap();
			nonces.push(saved);
			commitments.push(commitment);
		}
		let package = SigningPackage::new(check, b"new", &commitments).unwrap();
		let partials: alloc::vec::Vec<_> = signers
			.iter()
			.zip(nonces)
			.map(|(s, nonce)| round2(s, nonce, &package).unwrap())
			.collect();
		let rand = aggregate(&keys, &package, &partials).unwrap();
		verify(&keys.group_key, b"new", &rand, &check).unwrap();
	}

	#[test]
	fn resharing_keeps_the_group_key_and_gives_a_new_committee_working_shares() {
		use crate::threshold::trusted_dealer_keygen;
		let mut rng = SeededRng::new([42; 32]);
		let (old, old_keys) = trusted_dealer_keygen(3, 4, &mut rng).unwrap();
		// Old members 1, 3 and 4 stay; the new committee has 5 members (t = 4), in which the
		// stayers get the indices 2, 4 and 5.
		let (t, n, ctx) = (4u16, 5u16, b"reshare".as_slice());
		let dealers = [(1u16, 2u16), (3, 4), (4, 5)];
		let mut packages = alloc::vec::Vec::new();
		let mut secrets = alloc::vec::Vec::new();
		for (old_index, new_index) in dealers {
			let share = &old[usize::from(old_index - 1)];
			let (secret, package) =
				dkg::reshare_part1(share, new_index, t, n, ctx, &mut rng).unwrap();
			let y_o = old_keys.verification_share(old_index).unwrap();
			dkg::check_reshare_package(ctx, t, n, &package, y_o).unwrap();
			// Someone else's Y_o is refused.
			let other = old_keys.verification_share(2).unwrap();
			assert!(dkg::check_reshare_package(ctx, t, n, &package, other).is_err());
			packages.push((old_index, package));
			secrets.push(secret);
		}
		let commitments: alloc::vec::Vec<(u16, &[[u8; 32]])> =
			packages.iter().map(|(o, p)| (*o, p.commitment.as_slice())).collect();
		let keys = dkg::reshared_public_key_package(t, n, &commitments).unwrap();
		keys.validate().unwrap();
		assert_eq!(keys.group_key, old_keys.group_key, "same key: old hashes stay valid");
		let new_shares: alloc::vec::Vec<_> = (1..=n)
			.map(|j| {
				let received: alloc::vec::Vec<(u16, [u8; 32])> = dealers
					.iter()
					.zip(secrets.iter())
					.map(|((o, _), secret)| (*o, secret.share_for(j)))
					.collect();
				dkg::combine_reshared(j, &received, &keys).unwrap()
			})
			.collect();
		// Any 4 new members interpolate to the old trapdoor.
		let pooled: alloc::vec::Vec<_> =
			new_shares[1..].iter().map(|s| (s.index(), s.secret_bytes())).collect();
		let x = crate::threshold::reconstruct_trapdoor(&pooled).unwrap();
		assert_eq!(x.public(), old_keys.group_key);
	}
}
