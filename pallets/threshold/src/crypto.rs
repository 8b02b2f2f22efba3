//! The committee members' application keys.
//!
//! - [`member`] (`bkfl`, sr25519): signs a member's protocol messages. Its public key is
//!   the member's account, so `//Alice`'s `bkfl` key is Alice's committee seat.
//! - [`secret`] (`bkfe`, ed25519): never used on chain. Its signatures are deterministic
//!   (RFC 8032), so signing a fixed message gives a member a secret that only its node can
//!   recompute: the seed of its DKG polynomial, its channel key and its local-storage pad.

use sp_core::crypto::KeyTypeId;

/// Key type of the member (signing) key.
pub const MEMBER_KEY_TYPE: KeyTypeId = KeyTypeId(*b"bkfl");
/// Key type of the secret-derivation key.
pub const SECRET_KEY_TYPE: KeyTypeId = KeyTypeId(*b"bkfe");

/// The member key: sr25519 under `bkfl`.
pub mod member {
	use sp_application_crypto::{app_crypto, sr25519};
	app_crypto!(sr25519, super::MEMBER_KEY_TYPE);
}

/// The secret-derivation key: ed25519 under `bkfe`.
pub mod secret {
	use sp_application_crypto::{app_crypto, ed25519};
	app_crypto!(ed25519, super::SECRET_KEY_TYPE);
}

/// Names the member key in a runtime's session keys (`impl_opaque_keys!`), so that
/// `author_rotateKeys` and `--alice`-style dev seeds create it.
pub struct MemberKeys;
impl sp_runtime::BoundToRuntimeAppPublic for MemberKeys {
	type Public = member::Public;
}

/// Names the secret-derivation key in a runtime's session keys.
pub struct SecretKeys;
impl sp_runtime::BoundToRuntimeAppPublic for SecretKeys {
	type Public = secret::Public;
}
