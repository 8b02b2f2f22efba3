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
//! 3. *Complain*: a receiver whose share does not match the dealer's commitment reveals
//!    the shared channel point with a DLEQ proof; the runtime decrypts that one share and
//!    disqualifies the dealer (or, if the share was right, counts the false complaint).
//! 4. At the deadline the qualified dealers' commitments give the group key `Y` and every
//!    verification share `Y_j` ([`Keys`]); `Y` becomes the live chain's `ChPublicKey`.
//!
//! A member's polynomial and channel key are derived from a deterministic signature of its
//! node's `bkfe` (ed25519) keystore key, so its secret share `x_j = Σ_i f_i(j)` is never
//! stored: its node re-derives it from the keystore and the public transcript when needed.
//!
//! A **resharing** (after a membership change) runs the same phases with the old key's
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
//! first `t` become the signers and post their partial shares `z_i` (round 2). Each `z_i`
//! is checked against `Y_i`: a cheater is named by [`Event::InvalidPartialShare`], counted
//! in [`Misbehaviour`] and excluded, and the next attempt runs with the others. With `t`
//! valid shares the runtime aggregates every collision and applies the redaction through
//! the live chain's verify-and-archive path.
//!
//! **Consent** is the `t` partial signatures themselves: `t = 2f + 1` distinct members
//! (each verified against its own `Y_i`) must sign, which is the committee's 2/3 vote; a
//! separate motion would ask the same members the same question twice. A member withholds
//! consent by not signing (a node operator sets the offchain-local flag
//! `blockful/threshold/paused`).
//!
//! ### Dispatchable functions
//!
//! - `submit(submission, signature)` — unsigned: a member's DKG or signing message.
//! - `propose_redaction(request)` — signed by anyone: queues the owners' submitted updates.
//! - `start_dkg()` — `DkgOrigin` (the committee's 2/3): re-share the key to the current
//!   committee (same group key), or a first key for a chain without one.

#![cfg_attr(not(feature = "std"), no_std)]
// Members' messages are unsigned transactions validated with `ValidateUnsigned`, as in
// the SDK's offchain-worker and im-online pallets; `#[pallet::authorize]` replaces it
// after April 2027.
#![allow(deprecated)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod crypto;
mod offchain;
pub mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::{collections::BTreeSet, vec::Vec};
	use blockful_chameleon::{
		threshold::{
			channel::open_share, dkg, MemberIndex, PartialShare, Session, SigningCommitments,
			SigningPackage,
		},
		ChCheck,
	};
	use frame_support::{
		pallet_prelude::*,
		traits::SortedMembers,
		weights::Weight,
	};
	use frame_system::{offchain::CreateBare, pallet_prelude::*};
	use pallet_live_chain::{HeaderUpdate, OnRedaction, TxUpdate, TxUpdateOf, WeightInfo as _};
	use sp_runtime::{
		traits::{Convert, Saturating},
		RuntimeAppPublic, SaturatedConversion,
	};

	/// The member key type of a runtime.
	pub type MemberKeyOf<T> = <T as Config>::MemberKey;
	/// A member's signature.
	pub type SignatureOf<T> = <<T as Config>::MemberKey as RuntimeAppPublic>::Signature;
	/// A DKG run of a runtime.
	pub type DkgRunOf<T> = DkgRun<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// A proposal of a runtime.
	pub type ProposalOf<T> = Proposal<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
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
		/// Blocks each DKG phase lasts at most.
		#[pallet::constant]
		type DkgPhaseLength: Get<BlockNumberFor<Self>>;
		/// Blocks receivers have to complain after the last share.
		#[pallet::constant]
		type ComplaintPeriod: Get<BlockNumberFor<Self>>;
		/// Blocks a signing round lasts at most before it restarts.
		#[pallet::constant]
		type RoundTimeout: Get<BlockNumberFor<Self>>;
		/// Largest committee a key is generated for.
		#[pallet::constant]
		type MaxMembers: Get<u32>;
		/// Most redaction proposals waiting at once.
		#[pallet::constant]
		type MaxQueued: Get<u32>;
		/// Priority of the members' unsigned messages.
		#[pallet::constant]
		type UnsignedPriority: Get<TransactionPriority>;
		/// Weights of the signing messages (benchmarked).
		type WeightInfo: crate::WeightInfo;
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

	/// The committee key of each completed epoch (public data only).
	#[pallet::storage]
	pub type Keys<T: Config> =
		StorageMap<_, Twox64Concat, u32, CommitteeKey<T::AccountId>, OptionQuery>;

	/// The epoch whose group key is the live chain's chameleon-hash key.
	#[pallet::storage]
	pub type ActiveEpoch<T: Config> = StorageValue<_, u32, OptionQuery>;

	/// Redaction proposals by id.
	#[pallet::storage]
	pub type Proposals<T: Config> = StorageMap<_, Twox64Concat, u64, ProposalOf<T>, OptionQuery>;

	/// Proposal ids in signing order; the head is being signed.
	#[pallet::storage]
	pub type Queue<T: Config> = StorageValue<_, Vec<u64>, ValueQuery>;

	/// Id the next proposal gets.
	#[pallet::storage]
	pub type NextProposalId<T: Config> = StorageValue<_, u64, ValueQuery>;

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
		fn build(&self) {
			if self.start_dkg {
				if let Err(e) = Pallet::<T>::begin_dkg(None) {
					panic!("genesis DKG cannot start: {e:?}");
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
		/// A DKG run ended without a key (too few qualified dealers, or the live chain
		/// refused the key); a new run starts if a committee exists.
		DkgFailed {
			/// The run.
			epoch: u32,
			/// Qualified dealers it had.
			qualified: u32,
		},
		/// A redaction was proposed.
		RedactionProposed {
			/// Proposal id.
			proposal: u64,
			/// The unlearning request.
			request: u64,
			/// Collisions it needs.
			items: u32,
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
		/// The committee's collisions were aggregated and the redaction applied.
		RedactionApplied {
			/// The proposal.
			proposal: u64,
			/// The unlearning request it advanced.
			request: u64,
			/// The signer set.
			signers: Vec<MemberIndex>,
			/// Attempts it took (1 = first try).
			attempts: u32,
		},
		/// A proposal was dropped: its request is no longer open or the redaction failed.
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
		/// The DKG commitment is malformed or its proof of knowledge fails.
		InvalidCommitment,
		/// The encrypted shares are not exactly one per other committed member, ascending.
		WrongShares,
		/// The complaint names a dealer without shares, or oneself.
		UnknownDealer,
		/// The complaint's revealed channel key has no valid proof.
		InvalidComplaint,
		/// The dealer is already disqualified.
		AlreadyDisqualified,
		/// The proposal is not the one being signed (or does not exist).
		NotActiveProposal,
		/// The message is for another signing attempt.
		WrongAttempt,
		/// The member is excluded from this attempt.
		Excluded,
		/// The member is not a signer of this attempt.
		NotSigner,
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
		/// The proposal replaces no model.
		NoUpdates,
		/// The redaction needs more collisions than one proposal may hold (`MaxUpdates`).
		TooManyUpdates,
		/// A model is not on the live chain.
		UnknownTx,
		/// The request is unknown.
		UnknownRequest,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Ends the phases whose deadline passed and restarts timed-out signing rounds.
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let mut weight = T::DbWeight::get().reads(2);
			if let Some(run) = Dkg::<T>::get() {
				if now > run.deadline {
					weight.saturating_accrue(Self::dkg_timeout(run, now));
				}
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
		}
	}

	#[pallet::validate_unsigned]
	impl<T: Config> ValidateUnsigned for Pallet<T> {
		type Call = Call<T>;

		/// A member's message is valid if its signature verifies and it fits the current
		/// state; one message per member, kind and round may be in the pool.
		fn validate_unsigned(_source: TransactionSource, call: &Self::Call) -> TransactionValidity {
			let Call::submit { submission, signature } = call else {
				return InvalidTransaction::Call.into();
			};
			if !submission.member.verify(&submission.message.encode(), signature) {
				return InvalidTransaction::BadProof.into();
			}
			let tag = Self::check(submission).map_err(|e| {
				let code = match e {
					Error::<T>::NotMember | Error::<T>::Excluded | Error::<T>::NotSigner =>
						return InvalidTransaction::BadSigner,
					Error::<T>::AlreadySubmitted |
					Error::<T>::WrongEpoch |
					Error::<T>::WrongPhase |
					Error::<T>::WrongAttempt |
					Error::<T>::NotActiveProposal |
					Error::<T>::AlreadyDisqualified => return InvalidTransaction::Stale,
					other => other.encode().first().copied().unwrap_or(u8::MAX),
				};
				InvalidTransaction::Custom(code)
			})?;
			ValidTransaction::with_tag_prefix("BlockfulThreshold")
				.priority(T::UnsignedPriority::get())
				.and_provides(tag)
				.longevity(T::RoundTimeout::get().saturated_into::<u64>().max(2))
				.propagate(true)
				.build()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// A committee member's DKG or signing message, signed with its member key. Sent
		/// by the members' off-chain workers as an unsigned transaction (no fee, no nonce);
		/// the signature is checked in validation.
		#[pallet::call_index(0)]
		#[pallet::weight(Pallet::<T>::submit_weight(&submission.message))]
		pub fn submit(
			origin: OriginFor<T>,
			submission: Submission<T::MemberKey>,
			signature: SignatureOf<T>,
		) -> DispatchResult {
			ensure_none(origin)?;
			ensure!(
				submission.member.verify(&submission.message.encode(), &signature),
				Error::<T>::BadSignature
			);
			Self::check(&submission)?;
			let account = T::MemberAccount::convert(submission.member.clone());
			match submission.message {
				Message::DkgCommit { epoch, commitment } =>
					Self::on_dkg_commit(epoch, &account, commitment),
				Message::DkgShare { epoch, shares } => Self::on_dkg_share(epoch, &account, shares),
				Message::DkgComplain { epoch, dealer, proof } =>
					Self::on_dkg_complaint(epoch, &account, dealer, proof),
				Message::SignCommit { proposal, commitments, .. } =>
					Self::on_sign_commit(proposal, &account, commitments),
				Message::SignShare { proposal, shares, .. } =>
					Self::on_sign_share(proposal, &account, shares),
			}
		}

		/// Queues the next redaction of unlearning request `request` for the committee's
		/// off-chain workers, which compute its collisions. Its updates are **the models'
		/// owners' submissions** (`Unlearning.submit_update`), read from the chain — the
		/// caller chooses nothing, so anyone may call it (the owner whose submission made
		/// the request ready, typically). Parallel: every affected model must have its
		/// update and the request no queued proposal; sequential: the first submitted
		/// update whose affected parents are applied and that no queued proposal holds.
		#[pallet::call_index(1)]
		#[pallet::weight(T::DbWeight::get().reads_writes(
			4u64.saturating_add(3u64.saturating_mul(u64::from(T::MaxUpdates::get()))),
			3,
		).saturating_add(<T as pallet_live_chain::Config>::OnRedaction::max_weight()))]
		pub fn propose_redaction(origin: OriginFor<T>, request: u64) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let epoch = Self::active_epoch()?;
			let filed = pallet_unlearning::Requests::<T>::get(request)
				.ok_or(Error::<T>::UnknownRequest)?;
			let queue = Queue::<T>::get();
			ensure!(
				queue.len() < T::MaxQueued::get() as usize,
				Error::<T>::QueueFull
			);
			let queued: Vec<u64> = queue
				.iter()
				.filter_map(|id| Proposals::<T>::get(id))
				.filter(|p| p.request == request)
				.flat_map(|p| p.updates.into_iter().map(|(tx, _)| tx))
				.collect();
			if filed.paradigm == pallet_unlearning::Paradigm::Parallel {
				ensure!(queued.is_empty(), Error::<T>::AlreadyProposed);
			}
			let updates = pallet_unlearning::Pallet::<T>::next_redaction(request, &queued)
				.map_err(DispatchError::from)?;
			ensure!(!updates.is_empty(), Error::<T>::NoUpdates);
			ensure!(updates.len() <= T::MaxUpdates::get() as usize, Error::<T>::TooManyUpdates);
			let mut heights = BTreeSet::new();
			for (tx, _) in updates.iter() {
				let live = pallet_live_chain::Txs::<T>::get(tx).ok_or(Error::<T>::UnknownTx)?;
				heights.insert(live.height);
			}
			let consented: Vec<(u64, &[u8])> =
				updates.iter().map(|(tx, uri)| (*tx, uri.as_slice())).collect();
			<T as pallet_live_chain::Config>::OnRedaction::validate(request, &consented)?;

			let id = NextProposalId::<T>::get();
			let proposal = Proposal {
				request,
				proposer: who,
				epoch,
				updates: updates.into_iter().map(|(tx, uri)| (tx, uri.into_inner())).collect(),
				heights: heights.into_iter().collect(),
				attempt: 0,
				banned: Vec::new(),
				skipped: Vec::new(),
				phase: SignPhase::Commit,
				deadline: Self::round_deadline(),
			};
			let items = proposal.items().saturated_into();
			Proposals::<T>::insert(id, proposal);
			Queue::<T>::append(id);
			NextProposalId::<T>::put(id.saturating_add(1));
			Self::deposit_event(Event::RedactionProposed { proposal: id, request, items });
			Ok(())
		}

		/// Starts a key generation for the current committee (2/3 of the committee), e.g.
		/// after a membership change. With an active committee key it is a **resharing**:
		/// the members of the old key deal their shares to the new committee, the group key
		/// stays the same (every model and header keeps verifying) and the new committee
		/// signs from then on; at least the old threshold of old members must be in the new
		/// committee. Without one, a fresh DKG — refused once models are bound to a key that
		/// did not come from the committee. Refused while a run is in progress.
		#[pallet::call_index(2)]
		#[pallet::weight(T::DbWeight::get().reads_writes(4, 2))]
		pub fn start_dkg(origin: OriginFor<T>) -> DispatchResult {
			T::DkgOrigin::ensure_origin(origin)?;
			ensure!(Dkg::<T>::get().is_none(), Error::<T>::DkgInProgress);
			match ActiveEpoch::<T>::get() {
				Some(epoch) => {
					let old = Keys::<T>::get(epoch).ok_or(Error::<T>::NoCommitteeKey)?;
					let staying = T::Committee::sorted_members()
						.iter()
						.filter(|m| old.members.contains(m))
						.count();
					ensure!(
						staying >= usize::from(old.package.threshold),
						Error::<T>::NotEnoughDealers
					);
					Self::begin_dkg(Some(epoch))
				},
				None => {
					ensure!(pallet_live_chain::NextTxId::<T>::get() == 0, Error::<T>::KeyInUse);
					Self::begin_dkg(None)
				},
			}
		}
	}

	impl<T: Config> Pallet<T> {
		/// Weight of a member message. The signing messages are benchmarked with `u` the
		/// number of collisions, in the heaviest shape (each model in its own live block, so
		/// half of them header collisions): round 1 as the
		/// `t`-th commitment (it checks every signing package), round 2 as the last signer
		/// (it verifies the shares, aggregates every collision and applies the redaction).
		/// The DKG messages (a few per key) are bounded by CH verifications: a proof of
		/// knowledge, a DLEQ proof and a share check each cost about two.
		pub fn submit_weight(message: &Message) -> Weight {
			let verify = <T as pallet_live_chain::Config>::WeightInfo::ch_verify();
			let db = T::DbWeight::get();
			match message {
				Message::DkgCommit { .. } | Message::DkgShare { .. } =>
					db.reads_writes(3, 2).saturating_add(verify.saturating_mul(2)),
				Message::DkgComplain { .. } =>
					db.reads_writes(4, 2).saturating_add(verify.saturating_mul(4)),
				Message::SignCommit { commitments, .. } =>
					<T as Config>::WeightInfo::sign_commit(commitments.len().saturated_into()),
				Message::SignShare { shares, .. } =>
					<T as Config>::WeightInfo::sign_share(shares.len().saturated_into()),
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
			(b"blockful/threshold/dkg", frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::from(0u32)), epoch).encode()
		}

		/// 1-based index of `who` in `members`.
		pub fn index_of(members: &[T::AccountId], who: &T::AccountId) -> Option<MemberIndex> {
			members.iter().position(|m| m == who).and_then(|p| MemberIndex::try_from(p + 1).ok())
		}

		fn round_deadline() -> BlockNumberFor<T> {
			frame_system::Pallet::<T>::block_number().saturating_add(T::RoundTimeout::get())
		}

		fn phase_deadline(length: BlockNumberFor<T>) -> BlockNumberFor<T> {
			frame_system::Pallet::<T>::block_number().saturating_add(length)
		}

		/// Starts a DKG run with the current committee (a resharing of `reshare`'s key, or
		/// a fresh key).
		pub(crate) fn begin_dkg(reshare: Option<u32>) -> DispatchResult {
			let members = T::Committee::sorted_members();
			ensure!(
				!members.is_empty() && members.len() <= T::MaxMembers::get() as usize,
				Error::<T>::BadCommittee
			);
			let n = u16::try_from(members.len()).map_err(|_| Error::<T>::BadCommittee)?;
			let threshold = threshold_for(n);
			let epoch = NextEpoch::<T>::get();
			NextEpoch::<T>::put(epoch.saturating_add(1));
			Dkg::<T>::put(DkgRun {
				epoch,
				members,
				threshold,
				phase: DkgPhase::Commit,
				deadline: Self::phase_deadline(T::DkgPhaseLength::get()),
				reshare,
			});
			Self::deposit_event(Event::DkgStarted { epoch, members: n.into(), threshold });
			Ok(())
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
				Message::SignCommit { proposal, attempt, commitments } =>
					Self::check_sign_commit(*proposal, *attempt, &who, commitments),
				Message::SignShare { proposal, attempt, shares } =>
					Self::check_sign_share(*proposal, *attempt, &who, shares),
			}
		}

		/// A DKG commitment: the sender's own index, a valid proof of knowledge, a usable
		/// channel key, once. In a resharing an old member's constant term must be its
		/// verification share in the old key, and a new member deals nothing.
		fn check_dkg_commit(
			epoch: u32,
			who: &T::AccountId,
			commitment: &DkgCommitment,
		) -> Result<Vec<u8>, Error<T>> {
			let (run, me) = Self::dkg_member(epoch, who, DkgPhase::Commit)?;
			ensure!(!DkgCommitments::<T>::contains_key(epoch, me), Error::<T>::AlreadySubmitted);
			ensure!(commitment.package.sender == me, Error::<T>::InvalidCommitment);
			let n = u16::try_from(run.members.len()).map_err(|_| Error::<T>::BadCommittee)?;
			let context = Self::dkg_context(epoch);
			let package = &commitment.package;
			let checked = match Self::old_share_of(&run, who) {
				None if run.reshare.is_some() => package.commitment.is_empty(),
				None => dkg::check_round1_package(&context, run.threshold, n, package).is_ok(),
				Some(y_o) =>
					dkg::check_reshare_package(&context, run.threshold, n, package, &y_o).is_ok(),
			};
			ensure!(checked, Error::<T>::InvalidCommitment);
			ensure!(
				blockful_chameleon::threshold::channel::ChannelKey::check_public(&commitment.channel),
				Error::<T>::InvalidCommitment
			);
			Ok((b"dkg-commit", epoch, me).encode())
		}

		/// Encrypted shares: from a committed dealer, exactly one per other committed
		/// member in ascending order, once.
		fn check_dkg_share(
			epoch: u32,
			who: &T::AccountId,
			shares: &[(MemberIndex, [u8; 32])],
		) -> Result<Vec<u8>, Error<T>> {
			let (_, me) = Self::dkg_member(epoch, who, DkgPhase::Share)?;
			let mine = DkgCommitments::<T>::get(epoch, me).ok_or(Error::<T>::NotMember)?;
			ensure!(!mine.package.commitment.is_empty(), Error::<T>::NotDealer);
			ensure!(!DkgShares::<T>::contains_key(epoch, me), Error::<T>::AlreadySubmitted);
			let expected: BTreeSet<MemberIndex> =
				DkgCommitments::<T>::iter_key_prefix(epoch).filter(|j| *j != me).collect();
			let got: Vec<MemberIndex> = shares.iter().map(|(j, _)| *j).collect();
			ensure!(got == expected.into_iter().collect::<Vec<_>>(), Error::<T>::WrongShares);
			Ok((b"dkg-share", epoch, me).encode())
		}

		/// A complaint: about another dealer that sent the sender a share, not yet
		/// disqualified, with a valid DLEQ proof for the two channel keys.
		fn check_dkg_complaint(
			epoch: u32,
			who: &T::AccountId,
			dealer: MemberIndex,
			proof: &blockful_chameleon::threshold::channel::SharedKeyProof,
		) -> Result<Vec<u8>, Error<T>> {
			let (_, me) = Self::dkg_member(epoch, who, DkgPhase::Complain)?;
			ensure!(dealer != me, Error::<T>::UnknownDealer);
			ensure!(!Disqualified::<T>::contains_key(epoch, dealer), Error::<T>::AlreadyDisqualified);
			let shares = DkgShares::<T>::get(epoch, dealer).ok_or(Error::<T>::UnknownDealer)?;
			ensure!(shares.iter().any(|(j, _)| *j == me), Error::<T>::UnknownDealer);
			let mine = DkgCommitments::<T>::get(epoch, me).ok_or(Error::<T>::NotMember)?;
			let theirs = DkgCommitments::<T>::get(epoch, dealer).ok_or(Error::<T>::UnknownDealer)?;
			proof
				.verify(&mine.channel, &theirs.channel, &Self::dkg_context(epoch))
				.map_err(|_| Error::<T>::InvalidComplaint)?;
			Ok((b"dkg-complain", epoch, me, dealer).encode())
		}

		/// Round-1 commitments: for the head proposal's current attempt in round 1, from a
		/// member not excluded, one valid pair per collision, once.
		fn check_sign_commit(
			proposal: u64,
			attempt: u32,
			who: &T::AccountId,
			commitments: &[([u8; 32], [u8; 32])],
		) -> Result<Vec<u8>, Error<T>> {
			let (p, me) = Self::signing_member(proposal, attempt, who)?;
			ensure!(p.phase == SignPhase::Commit, Error::<T>::WrongPhase);
			ensure!(p.may_commit(me), Error::<T>::Excluded);
			ensure!(!SignCommitments::<T>::contains_key(proposal, me), Error::<T>::AlreadySubmitted);
			ensure!(commitments.len() == p.items(), Error::<T>::WrongItemCount);
			for (hiding, binding) in commitments {
				SigningCommitments { signer: me, hiding: *hiding, binding: *binding }
					.validate()
					.map_err(|_| Error::<T>::InvalidNonceCommitment)?;
			}
			Ok((b"sign-commit", proposal, attempt, me).encode())
		}

		/// Round-2 shares: for the head proposal's current attempt in round 2, from one of
		/// its signers, one per collision, once. (Their validity is checked in dispatch,
		/// so that a cheater is recorded.)
		fn check_sign_share(
			proposal: u64,
			attempt: u32,
			who: &T::AccountId,
			shares: &[[u8; 32]],
		) -> Result<Vec<u8>, Error<T>> {
			let (p, me) = Self::signing_member(proposal, attempt, who)?;
			let SignPhase::Sign { signers } = &p.phase else { return Err(Error::<T>::WrongPhase) };
			ensure!(signers.contains(&me), Error::<T>::NotSigner);
			ensure!(!SignShares::<T>::contains_key(proposal, me), Error::<T>::AlreadySubmitted);
			ensure!(shares.len() == p.items(), Error::<T>::WrongItemCount);
			Ok((b"sign-share", proposal, attempt, me).encode())
		}

		/// In a resharing run, `who`'s verification share `Y_o` in the key being re-shared
		/// (`who` is then a dealer); `None` for a new member or a fresh run.
		fn old_share_of(
			run: &DkgRunOf<T>,
			who: &T::AccountId,
		) -> Option<blockful_chameleon::ChPublicKey> {
			let old = Keys::<T>::get(run.reshare?)?;
			let o = Self::index_of(&old.members, who)?;
			old.package.verification_share(o).copied()
		}

		/// The committed dealers of a run (a fresh run: every committed member).
		fn committed_dealers(epoch: u32) -> usize {
			DkgCommitments::<T>::iter_prefix_values(epoch)
				.filter(|c| !c.package.commitment.is_empty())
				.count()
		}

		/// How many qualified dealers a run needs: the new threshold for a fresh key, the
		/// old key's threshold for a resharing (to interpolate the old shares).
		fn dealers_needed(run: &DkgRunOf<T>) -> usize {
			match run.reshare.and_then(Keys::<T>::get) {
				Some(old) => usize::from(old.package.threshold),
				None => usize::from(run.threshold),
			}
		}

		fn dkg_member(
			epoch: u32,
			who: &T::AccountId,
			phase: DkgPhase,
		) -> Result<(DkgRunOf<T>, MemberIndex), Error<T>> {
			let run = Dkg::<T>::get().filter(|r| r.epoch == epoch).ok_or(Error::<T>::WrongEpoch)?;
			ensure!(run.phase == phase, Error::<T>::WrongPhase);
			let me = Self::index_of(&run.members, who).ok_or(Error::<T>::NotMember)?;
			Ok((run, me))
		}

		fn signing_member(
			proposal: u64,
			attempt: u32,
			who: &T::AccountId,
		) -> Result<(ProposalOf<T>, MemberIndex), Error<T>> {
			ensure!(Queue::<T>::get().first() == Some(&proposal), Error::<T>::NotActiveProposal);
			let p = Proposals::<T>::get(proposal).ok_or(Error::<T>::NotActiveProposal)?;
			ensure!(p.attempt == attempt, Error::<T>::WrongAttempt);
			let key = Keys::<T>::get(p.epoch).ok_or(Error::<T>::NoCommitteeKey)?;
			let me = Self::index_of(&key.members, who).ok_or(Error::<T>::NotMember)?;
			Ok((p, me))
		}

		// ---- DKG ----------------------------------------------------------------------

		fn on_dkg_commit(
			epoch: u32,
			who: &T::AccountId,
			commitment: DkgCommitment,
		) -> DispatchResult {
			let (run, me) = Self::dkg_member(epoch, who, DkgPhase::Commit)?;
			DkgCommitments::<T>::insert(epoch, me, commitment);
			if DkgCommitments::<T>::iter_key_prefix(epoch).count() == run.members.len() {
				Self::enter_phase(run, DkgPhase::Share, T::DkgPhaseLength::get());
			}
			Ok(())
		}

		fn on_dkg_share(
			epoch: u32,
			who: &T::AccountId,
			shares: Vec<(MemberIndex, [u8; 32])>,
		) -> DispatchResult {
			let (run, me) = Self::dkg_member(epoch, who, DkgPhase::Share)?;
			DkgShares::<T>::insert(epoch, me, shares);
			if DkgShares::<T>::iter_key_prefix(epoch).count() == Self::committed_dealers(epoch) {
				Self::enter_phase(run, DkgPhase::Complain, T::ComplaintPeriod::get());
			}
			Ok(())
		}

		/// Decrypts the disputed share with the revealed channel point and blames whoever
		/// lied: the dealer (share does not match its commitment) or the complainer.
		fn on_dkg_complaint(
			epoch: u32,
			who: &T::AccountId,
			dealer: MemberIndex,
			proof: blockful_chameleon::threshold::channel::SharedKeyProof,
		) -> DispatchResult {
			let (run, me) = Self::dkg_member(epoch, who, DkgPhase::Complain)?;
			let shares = DkgShares::<T>::get(epoch, dealer).ok_or(Error::<T>::UnknownDealer)?;
			let cipher =
				shares.iter().find(|(j, _)| *j == me).map(|(_, c)| *c).ok_or(Error::<T>::UnknownDealer)?;
			let dealt = DkgCommitments::<T>::get(epoch, dealer).ok_or(Error::<T>::UnknownDealer)?;
			let context = Self::dkg_context(epoch);
			let dealer_account = run
				.members
				.get(usize::from(dealer).saturating_sub(1))
				.cloned()
				.ok_or(Error::<T>::UnknownDealer)?;
			let justified = match open_share(&proof.shared, &context, dealer, me, &cipher) {
				Ok(share) =>
					dkg::check_dealt_share(&dealt.package.commitment, dealer, me, &share).is_err(),
				Err(_) => true,
			};
			if justified {
				Disqualified::<T>::insert(epoch, dealer, me);
				Misbehaviour::<T>::mutate(&dealer_account, |n| *n = n.saturating_add(1));
				Self::deposit_event(Event::DealerDisqualified {
					epoch,
					dealer: dealer_account,
					by: who.clone(),
				});
			} else {
				Misbehaviour::<T>::mutate(who, |n| *n = n.saturating_add(1));
				Self::deposit_event(Event::FalseComplaint { epoch, by: who.clone() });
			}
			Ok(())
		}

		fn enter_phase(mut run: DkgRunOf<T>, phase: DkgPhase, length: BlockNumberFor<T>) {
			run.phase = phase;
			run.deadline = Self::phase_deadline(length);
			let epoch = run.epoch;
			Dkg::<T>::put(run);
			Self::deposit_event(Event::DkgPhaseChanged { epoch, phase });
		}

		/// A DKG phase's deadline passed: move on with those that posted, or finish.
		fn dkg_timeout(run: DkgRunOf<T>, _now: BlockNumberFor<T>) -> Weight {
			let dealers = Self::committed_dealers(run.epoch);
			match run.phase {
				DkgPhase::Commit if dealers >= Self::dealers_needed(&run) =>
					Self::enter_phase(run, DkgPhase::Share, T::DkgPhaseLength::get()),
				DkgPhase::Share => Self::enter_phase(run, DkgPhase::Complain, T::ComplaintPeriod::get()),
				DkgPhase::Complain => Self::finish_dkg(run),
				DkgPhase::Commit => Self::fail_dkg(run, 0),
			}
			// Reads of the epoch's messages plus the key computation (a few point ops per
			// member): bounded by the committee size.
			let n = T::MaxMembers::get() as u64;
			T::DbWeight::get()
				.reads_writes(3u64.saturating_mul(n).saturating_add(4), n.saturating_add(4))
				.saturating_add(
					<T as pallet_live_chain::Config>::WeightInfo::ch_verify()
						.saturating_mul(n.saturating_mul(2)),
				)
		}

		/// The qualified dealers' commitments give the key: a fresh key is installed on the
		/// live chain; a re-shared key must equal the key in use.
		fn finish_dkg(run: DkgRunOf<T>) {
			let epoch = run.epoch;
			let qualified: Vec<(MemberIndex, DkgCommitment)> = DkgCommitments::<T>::iter_prefix(epoch)
				.filter(|(i, _)| {
					DkgShares::<T>::contains_key(epoch, i) && !Disqualified::<T>::contains_key(epoch, i)
				})
				.collect::<alloc::collections::BTreeMap<_, _>>()
				.into_iter()
				.collect();
			let count = qualified.len().saturated_into::<u32>();
			if qualified.len() < Self::dealers_needed(&run) {
				return Self::fail_dkg(run, count);
			}
			let package = match Self::key_package(&run, &qualified) {
				Some(package) => package,
				None => return Self::fail_dkg(run, count),
			};
			let key = package.group_key;
			let installed = match run.reshare {
				Some(_) => pallet_live_chain::ChPublicKey::<T>::get() == Some(key),
				None => pallet_live_chain::Pallet::<T>::install_public_key(key).is_ok(),
			};
			if !installed {
				return Self::fail_dkg(run, count);
			}
			Keys::<T>::insert(
				epoch,
				CommitteeKey {
					members: run.members,
					qualified: qualified.iter().map(|(i, _)| *i).collect(),
					package,
					reshared_from: run.reshare,
				},
			);
			ActiveEpoch::<T>::put(epoch);
			Dkg::<T>::kill();
			Self::deposit_event(Event::KeyGenerated { epoch, key, qualified: count });
		}

		/// The public key package of a finished run: from the qualified dealers'
		/// commitments, Lagrange-weighted by their old indices for a resharing.
		fn key_package(
			run: &DkgRunOf<T>,
			qualified: &[(MemberIndex, DkgCommitment)],
		) -> Option<blockful_chameleon::threshold::PublicKeyPackage> {
			let n = u16::try_from(run.members.len()).ok()?;
			match run.reshare {
				None => {
					let commitments: Vec<(MemberIndex, &[[u8; 32]])> = qualified
						.iter()
						.map(|(i, c)| (*i, c.package.commitment.as_slice()))
						.collect();
					dkg::public_key_package(run.threshold, n, &commitments).ok()
				},
				Some(old_epoch) => {
					let old = Keys::<T>::get(old_epoch)?;
					let commitments: Vec<(MemberIndex, &[[u8; 32]])> = qualified
						.iter()
						.map(|(i, c)| {
							let who = run.members.get(usize::from(*i).checked_sub(1)?)?;
							Some((Self::index_of(&old.members, who)?, c.package.commitment.as_slice()))
						})
						.collect::<Option<_>>()?;
					dkg::reshared_public_key_package(run.threshold, n, &commitments).ok()
				},
			}
		}

		/// Ends a run without a key; a fresh key generation starts again with the current
		/// committee (a failed resharing waits for the committee to start another).
		fn fail_dkg(run: DkgRunOf<T>, qualified: u32) {
			Dkg::<T>::kill();
			Self::deposit_event(Event::DkgFailed { epoch: run.epoch, qualified });
			if run.reshare.is_none() && ActiveEpoch::<T>::get().is_none() {
				let _ = Self::begin_dkg(None);
			}
		}

		// ---- Signing ------------------------------------------------------------------

		/// The collisions a proposal needs, in item order: `(C, m′)` for each update (its
		/// transaction's check value and SCALE `(new uri, refs)`), then for each touched
		/// header (its check value and SCALE `(height, version + 1)`).
		pub fn items(p: &ProposalOf<T>) -> Result<Vec<(ChCheck, Vec<u8>)>, DispatchError> {
			let mut items = Vec::with_capacity(p.items());
			for (tx, uri) in &p.updates {
				let live = pallet_live_chain::Txs::<T>::get(tx).ok_or(Error::<T>::UnknownTx)?;
				items.push((live.ch, pallet_model_archive::model_message(uri, &live.refs)));
			}
			for height in &p.heights {
				let block = pallet_live_chain::Blocks::<T>::get(height)
					.ok_or(pallet_live_chain::Error::<T>::UnknownBlock)?;
				items.push((
					block.ch_curr,
					pallet_live_chain::header_message(*height, block.version.saturating_add(1)),
				));
			}
			Ok(items)
		}

		/// The signing packages of an attempt, one per item, from the stored commitments of
		/// `signers`.
		pub fn signing_packages(
			proposal: u64,
			p: &ProposalOf<T>,
			signers: &[MemberIndex],
		) -> Result<Vec<SigningPackage>, DispatchError> {
			let items = Self::items(p)?;
			let commitments: Vec<(MemberIndex, Vec<([u8; 32], [u8; 32])>)> = signers
				.iter()
				.map(|i| {
					SignCommitments::<T>::get(proposal, i)
						.map(|c| (*i, c))
						.ok_or(Error::<T>::WrongPhase)
				})
				.collect::<Result<_, _>>()?;
			items
				.iter()
				.enumerate()
				.map(|(k, (check, msg))| {
					let round1: Vec<SigningCommitments> = commitments
						.iter()
						.filter_map(|(signer, c)| {
							c.get(k).map(|(hiding, binding)| SigningCommitments {
								signer: *signer,
								hiding: *hiding,
								binding: *binding,
							})
						})
						.collect();
					SigningPackage::new(*check, msg, &round1)
						.map_err(|_| DispatchError::from(Error::<T>::WrongItemCount))
				})
				.collect()
		}

		fn on_sign_commit(
			proposal: u64,
			who: &T::AccountId,
			commitments: Vec<([u8; 32], [u8; 32])>,
		) -> DispatchResult {
			let mut p = Proposals::<T>::get(proposal).ok_or(Error::<T>::NotActiveProposal)?;
			let key = Keys::<T>::get(p.epoch).ok_or(Error::<T>::NoCommitteeKey)?;
			let me = Self::index_of(&key.members, who).ok_or(Error::<T>::NotMember)?;
			SignCommitments::<T>::insert(proposal, me, commitments);
			let committed: Vec<MemberIndex> = SignCommitments::<T>::iter_key_prefix(proposal)
				.collect::<BTreeSet<_>>()
				.into_iter()
				.collect();
			if committed.len() >= usize::from(key.package.threshold) {
				// Every commitment was checked on arrival, so the packages build; should the
				// live chain have changed under the proposal, drop it.
				if let Err(error) = Self::signing_packages(proposal, &p, &committed) {
					return Self::drop_proposal(proposal, error);
				}
				p.phase = SignPhase::Sign { signers: committed.clone() };
				p.deadline = Self::round_deadline();
				let attempt = p.attempt;
				Proposals::<T>::insert(proposal, p);
				Self::deposit_event(Event::SignersChosen { proposal, attempt, signers: committed });
			}
			Ok(())
		}

		/// Checks `z_i` for every collision against `Y_i`; a cheater is named, counted and
		/// excluded, and the attempt restarts. With every signer's valid shares the
		/// collisions are aggregated and the redaction applied.
		fn on_sign_share(proposal: u64, who: &T::AccountId, shares: Vec<[u8; 32]>) -> DispatchResult {
			let mut p = Proposals::<T>::get(proposal).ok_or(Error::<T>::NotActiveProposal)?;
			let key = Keys::<T>::get(p.epoch).ok_or(Error::<T>::NoCommitteeKey)?;
			let me = Self::index_of(&key.members, who).ok_or(Error::<T>::NotMember)?;
			let SignPhase::Sign { signers } = p.phase.clone() else {
				return Err(Error::<T>::WrongPhase.into());
			};
			let sessions = match Self::signing_packages(proposal, &p, &signers).and_then(|packages| {
				packages
					.iter()
					.map(|package| Session::new(&key.package, package))
					.collect::<Result<Vec<_>, _>>()
					.map_err(|_| DispatchError::from(Error::<T>::WrongItemCount))
			}) {
				Ok(sessions) => sessions,
				Err(error) => return Self::drop_proposal(proposal, error),
			};
			for (item, (session, z)) in sessions.iter().zip(shares.iter()).enumerate() {
				if session.verify_share(&PartialShare { signer: me, z: *z }).is_err() {
					Misbehaviour::<T>::mutate(who, |n| *n = n.saturating_add(1));
					Self::deposit_event(Event::InvalidPartialShare {
						proposal,
						member: who.clone(),
						item: item.saturated_into(),
					});
					p.banned.push(me);
					return Self::restart(proposal, p);
				}
			}
			SignShares::<T>::insert(proposal, me, shares);
			if signers.iter().all(|i| SignShares::<T>::contains_key(proposal, i)) {
				Self::complete(proposal, p, &signers, &sessions)?;
			}
			Ok(())
		}

		/// Aggregates every collision (each share was verified on arrival, so one check of
		/// the sum per collision) and applies the redaction atomically.
		fn complete(
			proposal: u64,
			p: ProposalOf<T>,
			signers: &[MemberIndex],
			sessions: &[Session],
		) -> DispatchResult {
			let shares: Vec<(MemberIndex, Vec<[u8; 32]>)> = signers
				.iter()
				.filter_map(|i| SignShares::<T>::get(proposal, i).map(|s| (*i, s)))
				.collect();
			let mut rands = Vec::with_capacity(sessions.len());
			for (k, session) in sessions.iter().enumerate() {
				let partial: Vec<PartialShare> = shares
					.iter()
					.filter_map(|(signer, z)| z.get(k).map(|z| PartialShare { signer: *signer, z: *z }))
					.collect();
				match session.aggregate(&partial) {
					Ok(rand) => rands.push(rand),
					Err(e) => {
						log::error!(target: "runtime::threshold", "aggregation failed: {e:?}");
						return Self::drop_proposal(proposal, Error::<T>::WrongItemCount.into());
					},
				}
			}
			let (tx_rands, header_rands) = rands.split_at(p.updates.len().min(rands.len()));
			let mut updates: Vec<TxUpdateOf<T>> = Vec::with_capacity(p.updates.len());
			for ((tx, uri), rand) in p.updates.iter().zip(tx_rands) {
				let uri = BoundedVec::try_from(uri.clone())
					.map_err(|_| pallet_live_chain::Error::<T>::MalformedUri)?;
				updates.push(TxUpdate { tx: *tx, uri, rand: *rand });
			}
			let headers: Vec<HeaderUpdate> = p
				.heights
				.iter()
				.zip(header_rands)
				.map(|(height, rand)| HeaderUpdate { height: *height, rand: *rand })
				.collect();
			let request = p.request;
			let applied = frame_support::storage::with_storage_layer(|| {
				pallet_live_chain::Pallet::<T>::apply_redaction(request, &updates, &headers)
			});
			match applied {
				Ok(_) => {
					Self::deposit_event(Event::RedactionApplied {
						proposal,
						request,
						signers: signers.to_vec(),
						attempts: p.attempt.saturating_add(1),
					});
					Self::finish_proposal(proposal);
					Ok(())
				},
				Err(error) => Self::drop_proposal(proposal, error),
			}
		}

		/// Removes the round-1 and round-2 messages of `proposal`'s current attempt.
		fn clear_attempt(proposal: u64) {
			let _ = SignCommitments::<T>::clear_prefix(proposal, u32::MAX, None);
			let _ = SignShares::<T>::clear_prefix(proposal, u32::MAX, None);
		}

		/// Clears an attempt's messages and starts the next attempt.
		fn restart(proposal: u64, mut p: ProposalOf<T>) -> DispatchResult {
			Self::clear_attempt(proposal);
			p.attempt = p.attempt.saturating_add(1);
			p.phase = SignPhase::Commit;
			p.deadline = Self::round_deadline();
			let attempt = p.attempt;
			Proposals::<T>::insert(proposal, p);
			Self::deposit_event(Event::SigningRestarted { proposal, attempt });
			Ok(())
		}

		fn drop_proposal(proposal: u64, error: DispatchError) -> DispatchResult {
			Self::deposit_event(Event::ProposalDropped { proposal, error });
			Self::finish_proposal(proposal);
			Ok(())
		}

		/// Removes the head proposal and starts the clock of the next one.
		fn finish_proposal(proposal: u64) {
			Self::clear_attempt(proposal);
			Proposals::<T>::remove(proposal);
			Queue::<T>::mutate(|queue| queue.retain(|id| *id != proposal));
			if let Some(next) = Queue::<T>::get().first() {
				Proposals::<T>::mutate(next, |p| {
					if let Some(p) = p {
						p.deadline = Self::round_deadline();
					}
				});
			}
		}

		/// The head proposal: drop it if its request closed; restart a round past its
		/// deadline (signers that did not answer sit out the next attempt).
		fn signing_timeout(proposal: u64, now: BlockNumberFor<T>) -> Weight {
			let weight = T::DbWeight::get().reads_writes(4, 4);
			let Some(mut p) = Proposals::<T>::get(proposal) else {
				Queue::<T>::mutate(|queue| queue.retain(|id| *id != proposal));
				return weight;
			};
			let consented: Vec<(u64, &[u8])> =
				p.updates.iter().map(|(tx, uri)| (*tx, uri.as_slice())).collect();
			if let Err(error) =
				<T as pallet_live_chain::Config>::OnRedaction::validate(p.request, &consented)
			{
				let _ = Self::drop_proposal(proposal, error);
				return weight;
			}
			if now <= p.deadline {
				return weight;
			}
			p.skipped = match &p.phase {
				SignPhase::Commit => Vec::new(),
				SignPhase::Sign { signers } => signers
					.iter()
					.filter(|i| !SignShares::<T>::contains_key(proposal, i))
					.copied()
					.collect(),
			};
			let _ = Self::restart(proposal, p);
			weight
		}
	}
}
