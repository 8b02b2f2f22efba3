//! Trapdoor keys and the insecure development trapdoor.

use crate::{scheme::decode_scalar, ChError, ChPublicKey, DEV_TRAPDOOR_TAG};
use core::fmt;
use curve25519_dalek::{ristretto::RistrettoPoint, scalar::Scalar};
use rand_core::{CryptoRng, RngCore};
use zeroize::{Zeroize, ZeroizeOnDrop};

/// `Y_dev = x_dev·B`, precomputed so that genesis presets in the runtime need no scalar
/// multiplication. A unit test recomputes it.
pub const DEV_PUBLIC_KEY_BYTES: [u8; 32] = [
	0xb6, 0x36, 0x04, 0x3e, 0xed, 0x85, 0x82, 0xd1, 0x37, 0xb9, 0xba, 0xc3, 0x88, 0x6e, 0x3f, 0xbd,
	0x5b, 0xdc, 0x8e, 0xef, 0xd1, 0x2f, 0x7a, 0x7f, 0x56, 0xa3, 0xc2, 0xa4, 0xa3, 0x48, 0x9f, 0x27,
];

/// A chameleon-hash trapdoor `x` (a non-zero scalar) together with its public key.
///
/// Zeroized on drop; `Debug` prints only the public key.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct ChSecretKey {
	secret: Scalar,
	#[zeroize(skip)]
	public: ChPublicKey,
}

impl ChSecretKey {
	/// A fresh uniformly random trapdoor.
	pub fn generate<R: RngCore + CryptoRng>(rng: &mut R) -> Self {
		loop {
			let secret = Scalar::random(rng);
			if secret != Scalar::ZERO {
				return Self::from_scalar_unchecked(secret);
			}
		}
	}

	/// Decodes a 32-byte canonical little-endian scalar; rejects non-canonical encodings
	/// and zero.
	pub fn from_bytes(mut bytes: [u8; 32]) -> Result<Self, ChError> {
		let decoded = decode_scalar(bytes);
		bytes.zeroize();
		let secret = decoded?;
		if secret == Scalar::ZERO {
			return Err(ChError::ZeroSecret);
		}
		Ok(Self::from_scalar_unchecked(secret))
	}

	/// The canonical 32-byte encoding of `x`. The caller owns (and should zeroize) the copy.
	pub fn to_bytes(&self) -> [u8; 32] {
		self.secret.to_bytes()
	}

	/// The public key `Y = x·B`.
	pub fn public(&self) -> ChPublicKey {
		self.public
	}

	/// `secret` must be non-zero.
	pub(crate) fn from_scalar_unchecked(secret: Scalar) -> Self {
		let public = ChPublicKey(RistrettoPoint::mul_base(&secret).compress().0);
		Self { secret, public }
	}

	pub(crate) fn secret_scalar(&self) -> &Scalar {
		&self.secret
	}
}

impl fmt::Debug for ChSecretKey {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.debug_struct("ChSecretKey")
			.field("secret", &"<redacted>")
			.field("public", &self.public)
			.finish()
	}
}

/// **INSECURE — development and tests only.** The trapdoor `x_dev =
/// Hs("blockful/ch/dev-trapdoor")` is public knowledge: anyone can compute collisions under
/// [`dev_public_key`]. Use it for `--dev`, `local` chains and tests, never on a network
/// whose redactions matter.
pub fn dev_secret_key() -> ChSecretKey {
	ChSecretKey::from_scalar_unchecked(crate::scheme::hash_to_scalar(&[DEV_TRAPDOOR_TAG]))
}

/// The public key of the **insecure** development trapdoor (see [`dev_secret_key`]). A
/// constant, so it costs nothing in `no_std` genesis code.
pub fn dev_public_key() -> ChPublicKey {
	ChPublicKey(DEV_PUBLIC_KEY_BYTES)
}
