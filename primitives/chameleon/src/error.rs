//! The one error type of the crate.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt;
use scale_info::TypeInfo;

/// Why a chameleon-hash operation failed.
///
/// Threshold variants carry the 1-based index of the member at fault, so that a committee
/// can tell who cheated or who is missing.
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
pub enum ChError {
	/// The public key is not the encoding of a Ristretto point.
	InvalidPublicKey,
	/// The public key is the identity point, which every trapdoor opens.
	IdentityPublicKey,
	/// `R` in the randomness is not the encoding of a Ristretto point.
	InvalidRandomnessPoint,
	/// A scalar (`s`, a secret key or a share) is not reduced mod the group order.
	NonCanonicalScalar,
	/// The check value is not the encoding of a Ristretto point.
	InvalidCheck,
	/// Everything decodes, but the randomness does not open the check value to the message.
	Mismatch,
	/// A secret key or secret share is zero.
	ZeroSecret,
	/// Parameters out of range: a threshold outside `1 <= threshold <= participants`, or a
	/// batch whose lists differ in length.
	InvalidParameters,
	/// A member index is 0 or larger than the number of participants.
	InvalidIndex {
		/// The offending index.
		index: u16,
	},
	/// The same member appears twice where each may appear once.
	DuplicateSigner {
		/// The repeated member.
		signer: u16,
	},
	/// A member that is not part of the key package took part.
	UnknownSigner {
		/// The stranger.
		signer: u16,
	},
	/// Fewer members than the threshold.
	NotEnoughShares {
		/// The threshold `t`.
		needed: u16,
		/// How many were given.
		got: u16,
	},
	/// A member's round-1 commitments are missing from the signing package.
	MissingCommitment {
		/// The member without commitments.
		signer: u16,
	},
	/// A member's round-1 commitment is not a valid point or is the identity.
	InvalidCommitment {
		/// The member whose commitment is malformed.
		signer: u16,
	},
	/// A member's partial share does not satisfy its verification equation: that member
	/// cheated (or its share was corrupted in transit).
	InvalidShare {
		/// The cheater.
		signer: u16,
	},
	/// A member's round-2 share is missing.
	MissingShare {
		/// The member whose share is missing.
		signer: u16,
	},
	/// The nonces handed to round 2 do not belong to this member's commitments in the
	/// signing package.
	NonceMismatch,
	/// A verification share of the key package is malformed, or the shares do not lie on
	/// one polynomial whose constant term is the group key.
	InconsistentKeyPackage,
	/// DKG: a participant's proof of knowledge of its constant term is invalid.
	InvalidProofOfKnowledge {
		/// The participant whose proof failed.
		participant: u16,
	},
	/// DKG: a participant's commitment has the wrong length or a malformed point.
	InvalidDkgCommitment {
		/// The participant whose commitment is malformed.
		participant: u16,
	},
	/// DKG: the secret share a participant sent does not match its public commitment.
	InvalidDkgShare {
		/// The participant that sent the bad share.
		participant: u16,
	},
	/// DKG: a participant's package for this round is missing.
	MissingDkgPackage {
		/// The participant whose package is missing.
		participant: u16,
	},
	/// DKG channel: a channel public key is not a valid non-identity point.
	InvalidChannelKey,
	/// DKG complaint: the revealed shared key does not come with a valid DLEQ proof.
	InvalidSharedKeyProof,
}

impl fmt::Display for ChError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			Self::InvalidPublicKey => {
				f.write_str("public key is not a valid ristretto255 encoding")
			}
			Self::IdentityPublicKey => f.write_str("public key is the identity point"),
			Self::InvalidRandomnessPoint => {
				f.write_str("randomness point R is not a valid ristretto255 encoding")
			}
			Self::NonCanonicalScalar => f.write_str("scalar is not canonically encoded"),
			Self::InvalidCheck => f.write_str("check value is not a valid ristretto255 encoding"),
			Self::Mismatch => {
				f.write_str("randomness does not open the check value to the message")
			}
			Self::ZeroSecret => f.write_str("secret scalar is zero"),
			Self::InvalidParameters => {
				f.write_str("parameters out of range (need 1 <= t <= n, and lists of one length)")
			}
			Self::InvalidIndex { index } => write!(f, "member index {index} out of range"),
			Self::DuplicateSigner { signer } => write!(f, "member {signer} appears twice"),
			Self::UnknownSigner { signer } => {
				write!(f, "member {signer} is not in the key package")
			}
			Self::NotEnoughShares { needed, got } => {
				write!(f, "not enough members: {got} given, threshold is {needed}")
			}
			Self::MissingCommitment { signer } => {
				write!(f, "round-1 commitments of member {signer} are missing")
			}
			Self::InvalidCommitment { signer } => {
				write!(f, "round-1 commitment of member {signer} is malformed")
			}
			Self::InvalidShare { signer } => {
				write!(f, "partial share of member {signer} is invalid (cheater identified)")
			}
			Self::MissingShare { signer } => {
				write!(f, "partial share of member {signer} is missing")
			}
			Self::NonceMismatch => {
				f.write_str("round-2 nonces do not match this member's commitments")
			}
			Self::InconsistentKeyPackage => f.write_str("key package is inconsistent"),
			Self::InvalidProofOfKnowledge { participant } => {
				write!(f, "DKG proof of knowledge of participant {participant} is invalid")
			}
			Self::InvalidDkgCommitment { participant } => {
				write!(f, "DKG commitment of participant {participant} is malformed")
			}
			Self::InvalidDkgShare { participant } => write!(
				f,
				"DKG share sent by participant {participant} does not match its commitment"
			),
			Self::MissingDkgPackage { participant } => {
				write!(f, "DKG package of participant {participant} is missing")
			}
			Self::InvalidChannelKey => f.write_str("DKG channel key is not a valid point"),
			Self::InvalidSharedKeyProof => {
				f.write_str("revealed DKG shared key has no valid proof")
			}
		}
	}
}

impl core::error::Error for ChError {}
