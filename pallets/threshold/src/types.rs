//! Types of the committee's key generation and redaction signing.

use alloc::vec::Vec;
use blockful_chameleon::threshold::{
	channel::SharedKeyProof,
	dkg::{KeyConfirmation, Round1Package},
	MemberIndex, PublicKeyPackage,
};
use codec::{Decode, DecodeWithMemTracking, Encode};
use scale_info::TypeInfo;

/// `t = n − ⌊(n − 1)/3⌋`: with `n = 3f + 1` members this is `2f + 1`, the consensus quorum,
/// so the cryptographic quorum and the committee's 2/3 vote coincide (SPEC §3).
pub fn threshold_for(members: u16) -> u16 {
	members.saturating_sub(members.saturating_sub(1) / 3)
}

/// Domain tag of every member message's signature: the member signs
/// `SCALE(MESSAGE_TAG, genesis hash, message)`, so a message is valid on one chain only.
pub const MESSAGE_TAG: &[u8; 24] = b"blockful/threshold/msg/1";

/// The phase of a DKG run. Each ends early once every expected member has posted.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub enum DkgPhase {
	/// Members post their polynomial commitment, proof of knowledge, channel key and the
	/// public key of the `bkfe` key their node derives its secrets from.
	Commit,
	/// Dealers post their shares, each encrypted to its receiver.
	Share,
	/// Receivers check their shares: a receiver with a bad share complains (the dealer is
	/// disqualified and every confirmation so far is void, since the key changes); a
	/// receiver whose share is good proves it knows its `x_j` for the pending key's `Y_j`.
	/// Lasts a full `DkgPhaseLength`, so a slow node still complains; ends early once every
	/// member confirmed.
	Confirm,
}

/// A distributed key generation in progress.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct DkgRun<AccountId, BlockNumber> {
	/// The key epoch this run produces.
	pub epoch: u32,
	/// The committee at the start: member `i` (1-based) is `members[i − 1]`.
	pub members: Vec<AccountId>,
	/// `t` of the resulting key.
	pub threshold: u16,
	/// Current phase.
	pub phase: DkgPhase,
	/// Last block of the current phase.
	pub deadline: BlockNumber,
	/// A resharing of this epoch's key (same group key, new committee): the dealers are
	/// the members of the old key, dealing their shares; `None` for a fresh key.
	pub reshare: Option<u32>,
}

/// What a member posts in the DKG's commit phase.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct DkgCommitment {
	/// Polynomial commitment and proof of knowledge of its constant term. In a resharing,
	/// a new member that held no share of the old key deals nothing: its commitment is
	/// empty (it only receives).
	pub package: Round1Package,
	/// The member's channel key `E_i`, to which shares for it are encrypted.
	pub channel: [u8; 32],
	/// The raw public key of the node's `bkfe` key this member's polynomial and channel
	/// key are derived from: its node uses this key for the epoch whatever else its
	/// keystore holds.
	pub secret_key: Vec<u8>,
}

/// The committee's key of one epoch: public data only (the group key and each member's
/// verification share `Y_i`); the secret shares exist only inside the members' nodes.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct CommitteeKey<AccountId> {
	/// Member `i` is `members[i − 1]` (the DKG run's committee).
	pub members: Vec<AccountId>,
	/// Dealers whose polynomials make up the key (posted, shared, not disqualified).
	pub qualified: Vec<MemberIndex>,
	/// Group key `Y`, threshold `t` and every `Y_i`.
	pub package: PublicKeyPackage,
	/// The epoch this key re-shares (same `Y`); the qualified dealers are then weighted by
	/// their Lagrange coefficients in that key.
	pub reshared_from: Option<u32>,
	/// Members that proved knowledge of their share before the key was installed (at least
	/// `t`); the others are named by `Event::Unconfirmed`.
	pub confirmed: Vec<MemberIndex>,
}

/// The phase of a redaction's signing attempt.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub enum SignPhase {
	/// Round 1: members post nonce commitments `(D_i, E_i)` per collision; the first `t`
	/// become the signers.
	Commit,
	/// Round 2: the signers post `z_i` per collision.
	Sign {
		/// The signer set, ascending.
		signers: Vec<MemberIndex>,
		/// Digest of the signing packages ([`package_digest`](crate::Pallet::package_digest)):
		/// a share made for another package (another fork's signer set) is stale, not a
		/// cheat.
		package: [u8; 32],
	},
}

/// A redaction waiting for the committee's collisions.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct Proposal<AccountId, BlockNumber> {
	/// The unlearning request it advances.
	pub request: u64,
	/// Who proposed it (the request's requester).
	pub proposer: AccountId,
	/// The key epoch whose members sign.
	pub epoch: u32,
	/// The model replacements of the chunk being signed: `(tx, new uri)`.
	pub updates: Vec<(u64, Vec<u8>)>,
	/// Live blocks whose header this chunk gives a new version (those holding one of its
	/// updated models).
	pub heights: Vec<u64>,
	/// The commitment to everything the proposal approves: the Merkle root
	/// ([`update_set_root`]) of all its `(tx, new uri)` pairs in ascending id order, over
	/// every chunk. Every chunk's signing packages bind it.
	pub root: [u8; 32],
	/// The chunk being signed, from 0. A parallel request whose update set exceeds one
	/// chunk is approved once and applied in chunks of `chunk_size` models (the last of at
	/// most `MaxFinalChunk`), in ascending id order; the later chunks wait in
	/// `PendingChunks`.
	pub chunk: u32,
	/// Chunks of the approval (1 for every redaction that fits one).
	pub chunks: u32,
	/// Models of each chunk but the last, as cut for the key's threshold when proposed
	/// ([`chunk_len`](crate::costs::chunk_len)); a resharing to a key that cannot sign
	/// chunks this large drops the proposal.
	pub chunk_size: u32,
	/// Signing attempt, from 0, counted over all chunks; a timeout, a cheater or the next
	/// chunk starts the next one (so no nonce record is ever reused across chunks).
	pub attempt: u32,
	/// Members caught with an invalid partial share: excluded for this proposal.
	pub banned: Vec<MemberIndex>,
	/// Signers that did not answer round 2 of the previous attempt: excluded for one attempt.
	pub skipped: Vec<MemberIndex>,
	/// Round of the current attempt.
	pub phase: SignPhase,
	/// Last block of the current round (set when the proposal reaches the queue's head).
	pub deadline: BlockNumber,
}

impl<AccountId, BlockNumber> Proposal<AccountId, BlockNumber> {
	/// Number of collisions: one per update, then one per touched header.
	pub fn items(&self) -> usize {
		self.updates.len().saturating_add(self.heights.len())
	}

	/// Is the chunk being signed the proposal's last (its message closes the request)?
	pub fn is_last_chunk(&self) -> bool {
		self.chunk.saturating_add(1) >= self.chunks
	}

	/// May `member` commit in the current attempt?
	pub fn may_commit(&self, member: MemberIndex) -> bool {
		!self.banned.contains(&member) && !self.skipped.contains(&member)
	}
}

/// A committee member's protocol message.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub enum Message {
	/// DKG commit phase.
	DkgCommit {
		/// The run.
		epoch: u32,
		/// Commitment, proof of knowledge and channel key.
		commitment: DkgCommitment,
	},
	/// DKG share phase: `(receiver, encrypted f_i(receiver))` for every other committed
	/// member, ascending.
	DkgShare {
		/// The run.
		epoch: u32,
		/// The encrypted shares.
		shares: Vec<(MemberIndex, [u8; 32])>,
	},
	/// DKG complaint: the share `dealer` posted for the sender does not match the dealer's
	/// commitment; the revealed channel key lets everybody check.
	DkgComplain {
		/// The run.
		epoch: u32,
		/// The accused dealer.
		dealer: MemberIndex,
		/// The shared channel point with its DLEQ proof.
		proof: SharedKeyProof,
	},
	/// DKG key confirmation: the sender knows `x_j` for its `Y_j` in the pending key.
	DkgConfirm {
		/// The run.
		epoch: u32,
		/// Digest of the pending key it confirms (a confirmation of a key that changed
		/// since is stale).
		key: [u8; 32],
		/// Proof of knowledge of `x_j`.
		proof: KeyConfirmation,
	},
	/// Redaction round 1: `(D_i, E_i)` per collision, in item order.
	SignCommit {
		/// The proposal.
		proposal: u64,
		/// Its current attempt.
		attempt: u32,
		/// One `(hiding, binding)` pair per collision.
		commitments: Vec<([u8; 32], [u8; 32])>,
	},
	/// Redaction round 2: `z_i` per collision, in item order.
	SignShare {
		/// The proposal.
		proposal: u64,
		/// Its current attempt.
		attempt: u32,
		/// Digest of the signing packages the shares were computed for.
		package: [u8; 32],
		/// One partial share per collision.
		shares: Vec<[u8; 32]>,
	},
	/// Redaction round 1 of the **next** chunk, sent while the current chunk is in round 2
	/// (pipelining: the chunk after it can be signed in the block that applies this one).
	/// `(D_i, E_i)` per collision of that chunk, in item order.
	SignCommitAhead {
		/// The proposal.
		proposal: u64,
		/// The chunk the commitments are for: the one after the chunk being signed.
		chunk: u32,
		/// The attempt that chunk will be signed in: the current attempt plus one.
		attempt: u32,
		/// One `(hiding, binding)` pair per collision of that chunk.
		commitments: Vec<([u8; 32], [u8; 32])>,
	},
}

/// A message with the member key that signs it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct Submission<MemberKey> {
	/// The sender's member key (its account in the runtime).
	pub member: MemberKey,
	/// What it says.
	pub message: Message,
}

/// Leaf of an approved update in [`update_set_root`]: `blake2_256(0x00 ‖ SCALE(tx, uri))`.
pub fn update_leaf(tx: u64, uri: &[u8]) -> [u8; 32] {
	sp_io::hashing::blake2_256(&(0u8, tx, uri).encode())
}

/// The commitment to a proposal's whole update set: a binary Merkle tree over
/// [`update_leaf`]s in the given order, inner nodes `blake2_256(0x01 ‖ left ‖ right)`, an
/// odd node carried up unchanged; the root of no update is all zeros.
pub fn update_set_root<'a>(updates: impl IntoIterator<Item = (u64, &'a [u8])>) -> [u8; 32] {
	let mut level: alloc::vec::Vec<[u8; 32]> =
		updates.into_iter().map(|(tx, uri)| update_leaf(tx, uri)).collect();
	if level.is_empty() {
		return [0u8; 32];
	}
	while level.len() > 1 {
		level = level
			.chunks(2)
			.map(|pair| match pair {
				[l, r] => sp_io::hashing::blake2_256(&[&[1u8][..], &l[..], &r[..]].concat()),
				[one] => *one,
				_ => [0u8; 32],
			})
			.collect();
	}
	level[0]
}
