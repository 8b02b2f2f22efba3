//! # Threshold pallet: no one holds the trapdoor
//!
//! ## Overview
//!
//! The live chain's chameleon-hash trapdoor `x` is never assembled anywhere. The committee
//! generates it as a t-of-n Shamir sharing with an **on-chain distributed key generation**
//! and computes every redaction's collisions with the **two-round threshold adapt**
//! (SPEC §3), both run by the committee nodes' **off-chain workers** (OCWs), which post
//! their messages as unsigned transactions signed with the member's `bkfl` key.
//!
//! ### Key generation (`epoch` by epoch)
//!
//! 1. *Commit*: each member `i` posts its polynomial commitment `(a_{i,0}·B, …)`, a proof
//!    of knowledge of `a_{i,0}` (checked on arrival) and its channel key `E_i`.
//! 2. *Share*: each committed member posts `f_i(j)` for every other committed member `j`,
//!    encrypted to `E_j` ([`channel`](blockful_chameleon::threshold::channel)).
//! 3. *Confirm* (a full phase long): the qualified dealers' commitments give the pending
//!    group key `Y` and every verification share `Y_j` ([`DkgPending`]). A receiver whose
//!    share does not match the dealer's commitment reveals the shared channel point with a
//!    DLEQ proof; the runtime decrypts that one share and disqualifies the dealer (or, if
//!    the share was right, counts the false complaint) — the pending key changes and every
//!    confirmation so far is void. A receiver whose shares are good proves knowledge of its
//!    `x_j` against `Y_j` (a key confirmation).
//! 4. Once every member confirmed, or at the deadline with at least `t` confirmations, the
//!    key is installed ([`Keys`]); `Y` becomes the live chain's `ChPublicKey` and the
//!    members that did not confirm are named ([`Event::Unconfirmed`]). With fewer than `t`
//!    the run fails and a fresh one starts.
//!
//! A member's polynomial and channel key are derived from a deterministic signature of its
//! node's `bkfe` (ed25519) keystore key, so its secret share `x_j = Σ_i f_i(j)` is never
//! stored: its node re-derives it from the keystore and the public transcript when needed.
//! The public key of that `bkfe` key is part of the member's commitment: its node uses
//! exactly that key for the epoch, whatever else its keystore holds.
//!
//! A **resharing** (started by the runtime itself when the committee's membership changes,
//! or by the committee) runs the same phases with the old key's
//! staying members as dealers of their own shares (each commitment's constant must be the
//! dealer's old `Y_o`); the Lagrange-weighted sum of their commitments gives the new
//! committee's key package with the **same** group key, so nothing hashed under it changes.
//!
//! ### Redaction
//!
//! The models' owners submit their new versions to the unlearning pallet
//! (`Unlearning.submit_update`); anyone then files [`Pallet::propose_redaction`], which
//! reads those submissions (the caller chooses no URI), checks them as `LiveChain.redact`
//! will (active request, the right models, the owners' URIs) and queues them. For the proposal at the head of the
//! queue, every member's OCW posts nonce commitments for each collision (round 1); the
//! first `t` become the signers and post their partial shares `z_i` (round 2), stored
//! unchecked. The last signer's message aggregates every collision and checks each sum
//! `s′ = Σ z_i` once against the group key (optimistic: an honest round checks no partial
//! share). Only a collision whose sum fails has its shares checked against each `Y_i`: the
//! cheater is named by [`Event::InvalidPartialShare`], counted in [`Misbehaviour`] and
//! excluded, and the next attempt runs with the others. With every sum valid the runtime
//! applies the redaction through the live chain's verify-and-archive path.
//!
//! **Consent** is the `t` partial signatures themselves: `t = 2f + 1` distinct members
//! (each signing its own message; their shares sum to a valid collision only with `t` members'
//! secret shares) must sign, which is the committee's 2/3 vote; a
//! separate motion would ask the same members the same question twice. A member withholds
//! consent by not signing (a node operator sets the offchain-local flag
//! `blockful/threshold/paused`).
//!
//! Every member message is signed over `(MESSAGE_TAG, genesis hash, message)`: it is
//! valid on this chain only, once (each kind is keyed by epoch or proposal and attempt).
//!
//! ### Dispatchable functions
//!
//! - `submit(submission, signature)` — unsigned: a member's DKG or signing message.
//! - `propose_redaction(request)` — signed by anyone: queues the owners' submitted updates.
//! - `start_dkg()` — `DkgOrigin` (the committee's 2/3): re-share the key to the current
//!   committee (same group key), or a first key for a chain without one.
//! - `reject_proposal(proposal)` — `RejectOrigin` (the committee's 2/3): drops one queued
//!   proposal, short of pausing everything.
//!
//! ### Code layout
//!
//! `lib.rs` declares the pallet (config, storage, events, errors, calls); the logic lives
//! by concern in [`dkg`](crate::dkg) (key generation and resharing), `signing` (the two
//! rounds), `queue` (proposals, timeouts, pruning), `membership` (committee changes) and
//! `costs` (weights of the member messages and round lengths); `offchain` is the member's
//! side.

#![cfg_attr(not(feature = "std"), no_std)]
// Members' messages are unsigned transactions validated with `ValidateUnsigned`, as in
// the SDK's offchain-worker and im-online pallets; `#[pallet::authorize]` replaces it
// after April 2027.
#![allow(deprecated)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod costs;
pub mod crypto;
pub mod dkg;
mod membership;
mod offchain;
mod queue;
mod signing;
pub mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod attacks;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// What the benchmarks need the runtime to do for them.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Makes `members` the committee `Config::Committee` reports, replacing the current one.
	fn set_committee(members: &[AccountId]);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use blockful_chameleon::threshold::{MemberIndex, PublicKeyPackage};
	use frame_support::{
		dispatch::PostDispatchInfo, pallet_prelude::*, traits::SortedMembers, weights::Weight,
	};
	use frame_system::{offchain::CreateBare, pallet_prelude::*};
	use sp_runtime::{traits::Convert, RuntimeAppPublic, SaturatedConversion};

	/// The member key type of a runtime.
	pub type MemberKeyOf<T> = <T as Config>::MemberKey;
	/// A member's signature.
	pub type SignatureOf<T> = <<T as Config>::MemberKey as RuntimeAppPublic>::Signature;
	/// A DKG run of a runtime.
	pub type DkgRunOf<T> = DkgRun<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// A proposal of a runtime.
	pub type ProposalOf<T> = Proposal<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// A committee key of a runtime.
	pub type CommitteeKeyOf<T> = CommitteeKey<<T as frame_system::Config>::AccountId>;
	/// A URI bounded like the live chain's.
	pub type UriOf<T> = BoundedVec<u8, <T as pallet_model_archive::Config>::MaxUriLen>;

	#[pallet::config]
	pub trait Config:
		frame_system::Config + pallet_unlearning::Config + CreateBare<Call<Self>>
	{
		/// The key a member signs its protocol messages with (`bkfl`, sr25519, in the
		/// runtime: the member's account key).
		type MemberKey: Member + Parameter + RuntimeAppPublic + MaxEncodedLen + Ord;
		/// The account of a member key.
		type MemberAccount: Convert<Self::MemberKey, Self::AccountId>;
		/// The key whose deterministic signatures seed a member's DKG polynomial and channel
		/// key (`bkfe`, ed25519, in the runtime). Used only inside the member's node.
		type SecretKey: RuntimeAppPublic + Clone;
		/// The committee.
		type Committee: SortedMembers<Self::AccountId>;
		/// Who may start a new DKG run (the committee's 2/3).
		type DkgOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Who may reject a queued redaction proposal (the committee's 2/3).
		type RejectOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Blocks each DKG phase lasts at most. The confirm phase, in which receivers also
		/// complain about bad shares, lasts this long too: a node slow for less than a phase
		/// still complains before the key is installed.
		#[pallet::constant]
		type DkgPhaseLength: Get<BlockNumberFor<Self>>;
		/// Blocks a signing round waits for silent members, on top of the blocks its
		/// messages need at the normal block weight ([`costs`](crate::costs)); then it
		/// restarts without them.
		#[pallet::constant]
		type RoundTimeout: Get<BlockNumberFor<Self>>;
		/// Largest committee a key is generated for.
		#[pallet::constant]
		type MaxMembers: Get<u32>;
		/// Most redaction proposals waiting at once.
		#[pallet::constant]
		type MaxQueued: Get<u32>;
		/// Most models in the **last** chunk of a proposal (at most the live chain's
		/// `MaxUpdates`, and at most every other chunk): its round-2 message also closes the
		/// request — releases up to `MaxAffected` locks and submissions — and is charged
		/// for it, so it carries fewer models.
		#[pallet::constant]
		type MaxFinalChunk: Get<u32>;
		/// Most models in any chunk of a proposal, whatever its key's threshold (the signing
		/// benchmarks' range; at least the live chain's `MaxUpdates`). A proposal is cut into
		/// chunks of [`costs::chunk_len`] models for its key's threshold: the most whose
		/// completing share, taking the next chunk and closing its round 1 too, fits one
		/// normal extrinsic — larger for a small committee's key.
		#[pallet::constant]
		type MaxChunk: Get<u32>;
		/// Most queued proposals of requests filed by one account.
		#[pallet::constant]
		type MaxQueuedPerRequester: Get<u32>;
		/// Most member messages one block includes; the rest wait in the pool.
		#[pallet::constant]
		type MaxMessagesPerBlock: Get<u32>;
		/// Priority of the members' unsigned messages.
		#[pallet::constant]
		type UnsignedPriority: Get<TransactionPriority>;
		/// Weights of the members' messages (benchmarked).
		type WeightInfo: crate::WeightInfo;
		/// Set-up the benchmarks need from the runtime (its committee).
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	#[pallet::pallet]
	#[pallet::without_storage_info]
	pub struct Pallet<T>(_);

	/// The DKG run in progress, if any.
	#[pallet::storage]
	pub type Dkg<T: Config> = StorageValue<_, DkgRunOf<T>, OptionQuery>;

	/// The epoch the next DKG run gets.
	#[pallet::storage]
	pub type NextEpoch<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// DKG commit-phase messages: `(epoch, member) -> commitment`.
	#[pallet::storage]
	pub type DkgCommitments<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		u32,
		Twox64Concat,
		MemberIndex,
		DkgCommitment,
		OptionQuery,
	>;

	/// DKG share-phase messages: `(epoch, dealer) -> [(receiver, encrypted share)]`.
	#[pallet::storage]
	pub type DkgShares<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		u32,
		Twox64Concat,
		MemberIndex,
		Vec<(MemberIndex, [u8; 32])>,
		OptionQuery,
	>;

	/// Dealers disqualified by a justified complaint: `(epoch, dealer) -> complainer`.
	#[pallet::storage]
	pub type Disqualified<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		u32,
		Twox64Concat,
		MemberIndex,
		MemberIndex,
		OptionQuery,
	>;

	/// Complaints processed: `(epoch, (complainer, dealer))`; each counts once.
	#[pallet::storage]
	pub type DkgComplaints<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		u32,
		Twox64Concat,
		(MemberIndex, MemberIndex),
		(),
		OptionQuery,
	>;

	/// The key the confirm phase of the run in progress confirms: its qualified dealers and
	/// public key package (recomputed when a complaint disqualifies a dealer).
	#[pallet::storage]
	pub type DkgPending<T: Config> = StorageValue<_, CommitteeKeyOf<T>, OptionQuery>;

	/// Members that confirmed the pending key: `(epoch, member)`.
	#[pallet::storage]
	pub type DkgConfirmed<T: Config> =
		StorageDoubleMap<_, Twox64Concat, u32, Twox64Concat, MemberIndex, (), OptionQuery>;

	/// The raw `bkfe` public key of each member's latest DKG commitment: its node derives
	/// its next epoch's secrets from this key while its keystore holds it.
	#[pallet::storage]
	pub type BoundSecretKeys<T: Config> =
		StorageMap<_, Twox64Concat, T::AccountId, Vec<u8>, OptionQuery>;

	/// The committee key of each completed epoch (public data only).
	#[pallet::storage]
	pub type Keys<T: Config> = StorageMap<_, Twox64Concat, u32, CommitteeKeyOf<T>, OptionQuery>;

	/// The epoch whose group key is the live chain's chameleon-hash key.
	#[pallet::storage]
	pub type ActiveEpoch<T: Config> = StorageValue<_, u32, OptionQuery>;

	/// Digest of a committee whose change the runtime could not act on (so that the refusal
	/// is reported once, not every block).
	#[pallet::storage]
	pub type RefusedCommittee<T: Config> = StorageValue<_, [u8; 32], OptionQuery>;

	/// Redaction proposals by id.
	#[pallet::storage]
	pub type Proposals<T: Config> = StorageMap<_, Twox64Concat, u64, ProposalOf<T>, OptionQuery>;

	/// Proposal ids in signing order; the head is being signed.
	#[pallet::storage]
	pub type Queue<T: Config> = StorageValue<_, Vec<u64>, ValueQuery>;

	/// Id the next proposal gets.
	#[pallet::storage]
	pub type NextProposalId<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// The chunks of an approved update set not yet being signed: `(proposal, chunk) ->
	/// (tx, new uri)` pairs, at most `MaxUpdates`; taken when the chunk before is applied,
	/// removed with the proposal.
	#[pallet::storage]
	pub type PendingChunks<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		u64,
		Twox64Concat,
		u32,
		Vec<(u64, Vec<u8>)>,
		OptionQuery,
	>;

	/// Round-1 commitments of the head proposal's current attempt: `(proposal, member) ->
	/// one per collision`.
	#[pallet::storage]
	pub type SignCommitments<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		u64,
		Twox64Concat,
		MemberIndex,
		Vec<([u8; 32], [u8; 32])>,
		OptionQuery,
	>;

	/// Round-1 commitments sent **ahead** for the head proposal's next chunk while its
	/// current chunk is in round 2 ([`Message::SignCommitAhead`]): `(proposal, member) ->
	/// one per collision of that chunk`. They become that chunk's [`SignCommitments`] when
	/// the current chunk is applied, and are void (cleared) when its attempt restarts.
	#[pallet::storage]
	pub type AheadCommitments<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		u64,
		Twox64Concat,
		MemberIndex,
		Vec<([u8; 32], [u8; 32])>,
		OptionQuery,
	>;

	/// The live blocks of a proposal's next chunk, ascending: its collisions are its
	/// models and these headers, so a commitment sent ahead has a known length. Set when a
	/// chunk starts (absent after the last: nothing to commit ahead for).
	#[pallet::storage]
	pub type NextHeights<T: Config> = StorageMap<_, Twox64Concat, u64, Vec<u64>, OptionQuery>;

	/// Verified round-2 partial shares of the head proposal's current attempt.
	#[pallet::storage]
	pub type SignShares<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		u64,
		Twox64Concat,
		MemberIndex,
		Vec<[u8; 32]>,
		OptionQuery,
	>;

	/// Member messages included in the current block (bounded by `MaxMessagesPerBlock`).
	#[pallet::storage]
	pub type MessagesInBlock<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Proven misbehaviour per member: invalid partial shares, disqualifying complaints
	/// against it, false complaints by it.
	#[pallet::storage]
	pub type Misbehaviour<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, u32, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Start a DKG with the genesis committee in block 1 (a new chain without a key).
		pub start_dkg: bool,
		#[serde(skip)]
		/// Type marker.
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		/// A committee outside `1..=MaxMembers` starts no DKG: the chain-spec builders check
		/// the size first and refuse with a clear error; here it is only logged.
		fn build(&self) {
			if self.start_dkg {
				if let Err(e) = Pallet::<T>::begin_dkg(None) {
					log::error!(
						target: "runtime::threshold",
						"genesis DKG not started: {e:?} (committee size outside 1..={})",
						T::MaxMembers::get()
					);
				}
			}
		}
	}

	/// Events of the threshold pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A DKG run started.
		DkgStarted {
			/// Its epoch.
			epoch: u32,
			/// Committee size `n`.
			members: u32,
			/// Threshold `t`.
			threshold: u16,
		},
		/// A DKG run moved to its next phase.
		DkgPhaseChanged {
			/// Its epoch.
			epoch: u32,
			/// The new phase.
			phase: DkgPhase,
		},
		/// A justified complaint: the dealer's share did not match its commitment.
		DealerDisqualified {
			/// The run.
			epoch: u32,
			/// The cheating dealer.
			dealer: T::AccountId,
			/// The member that complained.
			by: T::AccountId,
		},
		/// A complaint about a share that was in fact correct.
		FalseComplaint {
			/// The run.
			epoch: u32,
			/// The member that complained.
			by: T::AccountId,
		},
		/// A DKG run produced the committee key, now the live chain's chameleon-hash key (a
		/// resharing: the same key, held by the new committee).
		KeyGenerated {
			/// The key's epoch.
			epoch: u32,
			/// The group key `Y`.
			key: blockful_chameleon::ChPublicKey,
			/// The dealers that make up the key.
			qualified: u32,
		},
		/// Members that did not confirm their share before the key was installed: they may
		/// hold no usable share (the key's margin is `confirmed − t` members).
		Unconfirmed {
			/// The key's epoch.
			epoch: u32,
			/// The members without a confirmation.
			members: Vec<T::AccountId>,
		},
		/// A DKG run ended without a key (too few qualified dealers or confirmations, or the
		/// live chain refused the key); a new run starts if a committee exists.
		DkgFailed {
			/// The run.
			epoch: u32,
			/// Qualified dealers it had.
			qualified: u32,
		},
		/// The committee changed but its key cannot be re-shared to it (too few staying
		/// members of the old key, or a size outside `1..=MaxMembers`): the key stays; its
		/// holders still in the committee keep signing, which needs `t` of them (members
		/// who left never sign), so redactions may wait until the committee is fixed.
		ResharingRefused {
			/// Size of the new committee.
			members: u32,
			/// Why.
			error: DispatchError,
		},
		/// A redaction was proposed.
		RedactionProposed {
			/// Proposal id.
			proposal: u64,
			/// The unlearning request.
			request: u64,
			/// Collisions its first chunk needs.
			items: u32,
			/// Models it updates, over all its chunks.
			models: u32,
			/// Chunks it is applied in (1 unless the update set exceeds `MaxUpdates`).
			chunks: u32,
			/// The commitment to its whole update set (`Proposal::root`).
			root: [u8; 32],
		},
		/// A queued proposal moved to the key of a new committee (after a resharing).
		ProposalMoved {
			/// The proposal.
			proposal: u64,
			/// The key epoch whose members now sign it.
			epoch: u32,
		},
		/// Round 1 closed: the signers of this attempt are fixed.
		SignersChosen {
			/// The proposal.
			proposal: u64,
			/// The attempt.
			attempt: u32,
			/// The signer set.
			signers: Vec<MemberIndex>,
		},
		/// A member's partial share did not verify against its `Y_i`.
		InvalidPartialShare {
			/// The proposal.
			proposal: u64,
			/// The cheater.
			member: T::AccountId,
			/// The first collision (item index) whose share failed.
			item: u32,
		},
		/// A signing attempt restarted (timeout or cheater).
		SigningRestarted {
			/// The proposal.
			proposal: u64,
			/// The new attempt.
			attempt: u32,
		},
		/// One chunk of a proposal approved in several was aggregated and applied; the next
		/// chunk's signing starts (its first attempt is `attempt`).
		ChunkApplied {
			/// The proposal.
			proposal: u64,
			/// The unlearning request it advances.
			request: u64,
			/// The chunk applied, from 0.
			chunk: u32,
			/// Chunks of the proposal.
			chunks: u32,
			/// Models the chunk updated.
			models: u32,
			/// The signer set of the chunk.
			signers: Vec<MemberIndex>,
		},
		/// The committee's collisions were aggregated and the redaction applied (for a
		/// proposal in several chunks: its last chunk, so all of it).
		RedactionApplied {
			/// The proposal.
			proposal: u64,
			/// The unlearning request it advanced.
			request: u64,
			/// The signer set.
			signers: Vec<MemberIndex>,
			/// Attempts it took over all its chunks (1 = a one-chunk proposal at first try).
			attempts: u32,
		},
		/// A proposal was dropped: its request is no longer open, the redaction failed, or
		/// the committee rejected it.
		ProposalDropped {
			/// The proposal.
			proposal: u64,
			/// Why.
			error: DispatchError,
		},
	}

	/// Errors of the threshold pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// The signer of a message is not a member of the run or key it refers to.
		NotMember,
		/// No DKG run with this epoch is in progress.
		WrongEpoch,
		/// The message does not belong to the current phase or round.
		WrongPhase,
		/// This member already posted this message.
		AlreadySubmitted,
		/// The DKG commitment is malformed, its proof of knowledge fails or its `bkfe` key
		/// is not a key.
		InvalidCommitment,
		/// The encrypted shares are not exactly one per other committed member, ascending.
		WrongShares,
		/// The complaint names a dealer without shares, or oneself.
		UnknownDealer,
		/// The complaint's revealed channel key has no valid proof.
		InvalidComplaint,
		/// The dealer is already disqualified.
		AlreadyDisqualified,
		/// The key confirmation is for another pending key (a complaint changed it since).
		StaleKey,
		/// The key confirmation's proof does not verify against the member's `Y_j`.
		InvalidConfirmation,
		/// The proposal is not the one being signed (or does not exist).
		NotActiveProposal,
		/// The message is for another signing attempt.
		WrongAttempt,
		/// The shares were computed for other signing packages (another fork's signer set).
		StalePackage,
		/// The member is excluded from this attempt.
		Excluded,
		/// The member is not a signer of this attempt.
		NotSigner,
		/// The member left the committee: its old key share no longer signs.
		NotInCommittee,
		/// One commitment or share per collision is needed.
		WrongItemCount,
		/// A round-1 nonce commitment is not a valid non-identity point.
		InvalidNonceCommitment,
		/// The signature does not verify.
		BadSignature,
		/// A DKG run is already in progress.
		DkgInProgress,
		/// A resharing needs at least the old key's threshold of its members in the new
		/// committee.
		NotEnoughDealers,
		/// Only dealers post shares (in a resharing, a new member only receives).
		NotDealer,
		/// The committee is empty or larger than `MaxMembers`.
		BadCommittee,
		/// Models are already bound to the live chain's key; a new key cannot replace it.
		KeyInUse,
		/// No committee key is active, or the live chain uses another key.
		NoCommitteeKey,
		/// The request already has a proposal waiting.
		AlreadyProposed,
		/// The queue is full.
		QueueFull,
		/// The requester already has `MaxQueuedPerRequester` proposals queued.
		TooManyQueued,
		/// The proposal replaces no model.
		NoUpdates,
		/// A model is not on the live chain.
		UnknownTx,
		/// The request is unknown.
		UnknownRequest,
		/// No such proposal is queued.
		UnknownProposal,
		/// The committee rejected the proposal (`reject_proposal`).
		Rejected,
		/// A resharing installed a key whose threshold cannot sign the proposal's chunks
		/// within one block ([`costs::chunk_len`]): the proposal is dropped, and its
		/// requester proposes the rest again, cut for the new key.
		ChunkTooLargeForKey,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Ends the DKG phases whose deadline passed, re-shares the key when the committee
		/// changed, restarts timed-out signing rounds.
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			MessagesInBlock::<T>::kill();
			let mut weight = T::DbWeight::get().reads_writes(2, 1);
			match Dkg::<T>::get() {
				Some(run) if now > run.deadline =>
					weight.saturating_accrue(Self::dkg_timeout(run, now)),
				Some(_) => {},
				None => weight.saturating_accrue(Self::follow_committee()),
			}
			if let Some(id) = Queue::<T>::get().first().copied() {
				weight.saturating_accrue(Self::signing_timeout(id, now));
			}
			weight
		}

		fn offchain_worker(now: BlockNumberFor<T>) {
			offchain::run::<T>(now);
		}

		fn integrity_test() {
			assert!(T::MaxMembers::get() >= 1 && T::MaxMembers::get() <= u32::from(u16::MAX));
			assert!(T::RoundTimeout::get() > 0u32.into(), "RoundTimeout must be positive");
			assert!(T::DkgPhaseLength::get() > 0u32.into(), "DkgPhaseLength must be positive");
			assert!(
				T::MaxMessagesPerBlock::get() >= T::MaxMembers::get(),
				"a block must hold one message of every member"
			);
			assert!(
				u64::from(crate::costs::max_chunk::<T>()) * 2 <= u64::from(u16::MAX),
				"a chunk's collisions must fit the u16 item index"
			);
		}
	}

	#[pallet::validate_unsigned]
	impl<T: Config> ValidateUnsigned for Pallet<T> {
		type Call = Call<T>;

		/// A member's message is valid if its signature verifies (on this chain's tagged
		/// payload) and it fits the current state; one message per member, kind and round
		/// may be in the pool.
		fn validate_unsigned(_source: TransactionSource, call: &Self::Call) -> TransactionValidity {
			let Call::submit { submission, signature } = call else {
				return InvalidTransaction::Call.into();
			};
			if !submission.member.verify(&Self::signed_payload(&submission.message), signature) {
				return InvalidTransaction::BadProof.into();
			}
			let tag = Self::check(submission).map_err(Self::invalidity)?;
			ValidTransaction::with_tag_prefix("BlockfulThreshold")
				.priority(T::UnsignedPriority::get())
				.and_provides(tag)
				.longevity(T::RoundTimeout::get().saturated_into::<u64>().max(2))
				.propagate(true)
				.build()
		}

		/// In a block: also at most `MaxMessagesPerBlock` member messages; the others stay
		/// in the pool for the next block.
		fn pre_dispatch(call: &Self::Call) -> Result<(), TransactionValidityError> {
			if MessagesInBlock::<T>::get() >= T::MaxMessagesPerBlock::get() {
				return Err(InvalidTransaction::ExhaustsResources.into());
			}
			Self::validate_unsigned(TransactionSource::InBlock, call).map(|_| ())
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// A committee member's DKG or signing message, signed with its member key. Sent
		/// by the members' off-chain workers as an unsigned transaction (no fee, no nonce);
		/// the signature is checked in validation. Charged the most the message can cost;
		/// a round-2 share that does not complete the round is refunded to its record.
		#[pallet::call_index(0)]
		#[pallet::weight(Pallet::<T>::submit_weight(&submission.message))]
		pub fn submit(
			origin: OriginFor<T>,
			submission: Submission<T::MemberKey>,
			signature: SignatureOf<T>,
		) -> DispatchResultWithPostInfo {
			ensure_none(origin)?;
			ensure!(
				submission.member.verify(&Self::signed_payload(&submission.message), &signature),
				Error::<T>::BadSignature
			);
			Self::check(&submission)?;
			MessagesInBlock::<T>::mutate(|n| *n = n.saturating_add(1));
			let account = T::MemberAccount::convert(submission.member.clone());
			let actual = match submission.message {
				Message::DkgCommit { epoch, commitment } =>
					Self::on_dkg_commit(epoch, &account, commitment),
				Message::DkgShare { epoch, shares } => Self::on_dkg_share(epoch, &account, shares),
				Message::DkgComplain { epoch, dealer, proof } =>
					Self::on_dkg_complaint(epoch, &account, dealer, proof),
				Message::DkgConfirm { epoch, proof, .. } =>
					Self::on_dkg_confirm(epoch, &account, proof),
				Message::SignCommit { proposal, commitments, .. } =>
					Self::on_sign_commit(proposal, &account, commitments),
				Message::SignShare { proposal, shares, .. } =>
					Self::on_sign_share(proposal, &account, shares),
				Message::SignCommitAhead { proposal, chunk, commitments, .. } =>
					Self::on_sign_commit_ahead(proposal, chunk, &account, commitments),
			}?;
			Ok(PostDispatchInfo { actual_weight: actual, pays_fee: Pays::No })
		}

		/// Queues the next redaction of unlearning request `request` for the committee's
		/// off-chain workers, which compute its collisions. Its updates are **the models'
		/// owners' submissions** (`Unlearning.submit_update`), read from the chain — the
		/// caller chooses nothing, so anyone may call it (the owner whose submission made
		/// the request ready, typically). Parallel: every affected model must have its
		/// update and the request no queued proposal; sequential: the first submitted
		/// update whose affected parents are applied and that no queued proposal holds.
		/// One requester's requests hold at most `MaxQueuedPerRequester` places.
		#[pallet::call_index(1)]
		#[pallet::weight(Pallet::<T>::propose_weight())]
		pub fn propose_redaction(origin: OriginFor<T>, request: u64) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::propose(who, request)
		}

		/// Starts a key generation for the current committee (2/3 of the committee). With an
		/// active committee key it is a **resharing**: the members of the old key deal their
		/// shares to the new committee, the group key stays the same (every model and header
		/// keeps verifying) and the new committee signs from then on; at least the old
		/// threshold of old members must be in the new committee. Without one, a fresh DKG —
		/// refused once models are bound to a key that did not come from the committee.
		/// Refused while a run is in progress. (A membership change starts the resharing by
		/// itself; this call retries one that failed.)
		#[pallet::call_index(2)]
		#[pallet::weight(T::DbWeight::get().reads_writes(4, 2))]
		pub fn start_dkg(origin: OriginFor<T>) -> DispatchResult {
			T::DkgOrigin::ensure_origin(origin)?;
			ensure!(Dkg::<T>::get().is_none(), Error::<T>::DkgInProgress);
			match ActiveEpoch::<T>::get() {
				Some(epoch) => Self::begin_reshare(epoch),
				None => {
					ensure!(pallet_live_chain::NextTxId::<T>::get() == 0, Error::<T>::KeyInUse);
					Self::begin_dkg(None)
				},
			}
		}

		/// Drops queued proposal `proposal` (the committee's 2/3): a way to stop one
		/// redaction without pausing the members' nodes. Its request stays open; the owners'
		/// updates stay submitted.
		#[pallet::call_index(3)]
		#[pallet::weight(T::DbWeight::get().reads_writes(3, 4))]
		pub fn reject_proposal(origin: OriginFor<T>, proposal: u64) -> DispatchResult {
			T::RejectOrigin::ensure_origin(origin)?;
			ensure!(Proposals::<T>::contains_key(proposal), Error::<T>::UnknownProposal);
			Self::drop_proposal(proposal, Error::<T>::Rejected.into());
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// What a member signs for `message`: `SCALE(MESSAGE_TAG, genesis hash, message)`.
		pub fn signed_payload(message: &Message) -> Vec<u8> {
			(MESSAGE_TAG, Self::genesis_hash(), message).encode()
		}

		/// The chain's genesis hash.
		pub fn genesis_hash() -> T::Hash {
			frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::from(0u32))
		}

		/// The transaction-pool verdict on a message that fails [`Self::check`]: messages
		/// of a past phase, round, attempt, package or key are stale (an honest node on a
		/// fork or a slow one sends them), a stranger's are from a bad signer.
		fn invalidity(e: Error<T>) -> TransactionValidityError {
			match e {
				Error::<T>::NotMember |
				Error::<T>::Excluded |
				Error::<T>::NotSigner |
				Error::<T>::NotInCommittee => InvalidTransaction::BadSigner.into(),
				Error::<T>::AlreadySubmitted |
				Error::<T>::WrongEpoch |
				Error::<T>::WrongPhase |
				Error::<T>::WrongAttempt |
				Error::<T>::StalePackage |
				Error::<T>::StaleKey |
				Error::<T>::NotActiveProposal |
				Error::<T>::AlreadyDisqualified => InvalidTransaction::Stale.into(),
				other => InvalidTransaction::Custom(other.encode().first().copied().unwrap_or(u8::MAX))
					.into(),
			}
		}

		/// The active committee key's epoch, if the live chain uses it.
		pub fn active_epoch() -> Result<u32, Error<T>> {
			let epoch = ActiveEpoch::<T>::get().ok_or(Error::<T>::NoCommitteeKey)?;
			let key = Keys::<T>::get(epoch).ok_or(Error::<T>::NoCommitteeKey)?;
			ensure!(
				pallet_live_chain::ChPublicKey::<T>::get() == Some(key.package.group_key),
				Error::<T>::NoCommitteeKey
			);
			Ok(epoch)
		}

		/// The DKG session context every member binds its proofs and pads to:
		/// `("blockful/threshold/dkg", genesis hash, epoch)`.
		pub fn dkg_context(epoch: u32) -> Vec<u8> {
			(b"blockful/threshold/dkg", Self::genesis_hash(), epoch).encode()
		}

		/// 1-based index of `who` in `members`.
		pub fn index_of(members: &[T::AccountId], who: &T::AccountId) -> Option<MemberIndex> {
			members.iter().position(|m| m == who).and_then(|p| MemberIndex::try_from(p + 1).ok())
		}

		/// Checks a message against the state without changing anything; returns the
		/// transaction-pool tag (one message per member, kind and round).
		pub fn check(submission: &Submission<T::MemberKey>) -> Result<Vec<u8>, Error<T>> {
			let who = T::MemberAccount::convert(submission.member.clone());
			match &submission.message {
				Message::DkgCommit { epoch, commitment } =>
					Self::check_dkg_commit(*epoch, &who, commitment),
				Message::DkgShare { epoch, shares } => Self::check_dkg_share(*epoch, &who, shares),
				Message::DkgComplain { epoch, dealer, proof } =>
					Self::check_dkg_complaint(*epoch, &who, *dealer, proof),
				Message::DkgConfirm { epoch, key, proof } =>
					Self::check_dkg_confirm(*epoch, &who, key, proof),
				Message::SignCommit { proposal, attempt, commitments } =>
					Self::check_sign_commit(*proposal, *attempt, &who, commitments),
				Message::SignShare { proposal, attempt, package, shares } =>
					Self::check_sign_share(*proposal, *attempt, &who, package, shares),
				Message::SignCommitAhead { proposal, chunk, attempt, commitments } =>
					Self::check_sign_commit_ahead(*proposal, *chunk, *attempt, &who, commitments),
			}
		}

		/// The digest a key confirmation names: `blake2_256(SCALE(package))`.
		pub fn key_digest(package: &PublicKeyPackage) -> [u8; 32] {
			sp_io::hashing::blake2_256(&package.encode())
		}
	}
}
