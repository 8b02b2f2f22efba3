//! # BlockFUL chameleon hash
//!
//! ## Overview
//!
//! A key-exposure-free chameleon hash on ristretto255 (SPEC §3). Anyone can *hash* a
//! message under a public key `Y` and anyone can *verify* a (message, randomness, check)
//! triple; only the holder of the trapdoor `x` (with `Y = x·B`) — or, in the threshold
//! mode, any `t` of the `n` committee members — can *adapt*: find fresh randomness that
//! makes a different message hash to the same check value. Collisions reveal nothing about
//! `x`: they are Schnorr-like proofs, not linear relations in `x` (see the crate README).
//!
//! Encoding (fixed so that other implementations interoperate):
//!
//! - `Hs(bytes)` = SHA-512(bytes) read as a 64-byte little-endian integer, reduced mod `l`.
//! - public key `Y`: 32-byte compressed Ristretto, never the identity.
//! - challenge `e = Hs("blockful/ch/v1" ‖ Y ‖ R ‖ m)`.
//! - check value `C = R − (e·Y + s·B)`, 32-byte compressed.
//! - randomness `ρ = R ‖ s`: 32-byte compressed `R`, 32-byte canonical little-endian `s`.
//!
//! ### Functions
//!
//! - [`hash`] / [`hash_from_seed`]: new check value and randomness for a message (no trapdoor).
//! - [`verify`]: does `ρ` open `C` to `m` under `Y`? Used by the runtime.
//! - [`adapt`]: with the trapdoor, randomness that opens an existing `C` to a new message.
//! - [`threshold`]: t-of-n key generation (trusted dealer and DKG) and the two-round
//!   threshold adapt with identifiable cheaters.
//!
//! The crate is `no_std` (it needs `alloc` only for the threshold module) and is built into
//! the runtime's wasm blob; the `std` feature only wires `std` through the dependencies
//! and enables the precomputed base-point tables.

#![no_std]
#![cfg_attr(
	not(test),
	deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)
)]
#![warn(missing_docs)]

extern crate alloc;

mod error;
mod keys;
mod scheme;
pub mod batch;
pub mod messages;
pub mod threshold;

pub use error::ChError;
pub use keys::{dev_public_key, dev_secret_key, ChSecretKey, DEV_PUBLIC_KEY_BYTES};
pub use batch::{BatchError, BatchItem};
pub use scheme::{adapt, hash, hash_from_seed, verify, PreparedPublicKey};

/// Re-exported so that callers can name the RNG bounds of [`hash`] and [`adapt`] without a
/// direct dependency.
pub use rand_core;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Domain tag of the challenge `e = Hs(tag ‖ Y ‖ R ‖ m)`.
pub const CHALLENGE_TAG: &[u8] = b"blockful/ch/v1";
/// Input of the insecure development trapdoor `x_dev = Hs(DEV_TRAPDOOR_TAG)`.
pub const DEV_TRAPDOOR_TAG: &[u8] = b"blockful/ch/dev-trapdoor";
/// Domain tag deriving `r` in [`hash_from_seed`].
pub const SEED_R_TAG: &[u8] = b"blockful/ch/seed-r";
/// Domain tag deriving `s` in [`hash_from_seed`].
pub const SEED_S_TAG: &[u8] = b"blockful/ch/seed-s";

/// Public key `Y = x·B` of a chameleon hash: a compressed Ristretto point.
///
/// Any 32 bytes decode; [`verify`] rejects encodings that are not a valid point and the
/// identity.
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
pub struct ChPublicKey(pub [u8; 32]);

/// Check value `C = R − (e·Y + s·B)`: the part of a chameleon hash that is committed on
/// chain and stays fixed across collisions.
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
pub struct ChCheck(pub [u8; 32]);

/// Randomness `ρ = R ‖ s`: a compressed Ristretto point `R` followed by a canonical
/// little-endian scalar `s`. A collision replaces it.
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
pub struct ChRandomness(pub [u8; 64]);

impl ChRandomness {
	/// Joins the encodings of `R` and `s`.
	pub fn from_parts(r: [u8; 32], s: [u8; 32]) -> Self {
		let mut out = [0u8; 64];
		let (left, right) = out.split_at_mut(32);
		left.copy_from_slice(&r);
		right.copy_from_slice(&s);
		Self(out)
	}

	/// The 32-byte encoding of the point `R`.
	pub fn r_bytes(&self) -> [u8; 32] {
		self.split().0
	}

	/// The 32-byte encoding of the scalar `s`.
	pub fn s_bytes(&self) -> [u8; 32] {
		self.split().1
	}

	fn split(&self) -> ([u8; 32], [u8; 32]) {
		let mut r = [0u8; 32];
		let mut s = [0u8; 32];
		let (left, right) = self.0.split_at(32);
		r.copy_from_slice(left);
		s.copy_from_slice(right);
		(r, s)
	}
}

#[cfg(test)]
mod tests;
