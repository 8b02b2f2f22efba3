//! # Unlearning
//!
//! ## Overview
//!
//! Unlearning requests of BlockFUL (SPEC §5) as a protocol between **parties**: the
//! requester, the owner of every affected model, and the committee. The owner of some
//! models (the start models W) asks that they and every model that inherited from them
//! forget some classes. The runtime fixes the affected set — W plus all descendants N(W),
//! from the on-chain reference lists, in topological order and bounded by
//! [`Config::MaxAffected`] — holds [`Config::RequestDeposit`] from the requester and stores
//! the request. Then:
//!
//! 1. **Each owner submits its own model's new version** ([`Pallet::submit_update`]): the
//!    requester its start models (gradient ascent on its own withdrawn samples), every
//!    other owner its inherited models (parallel: eqs. 7-8 from the start models' Δθ, then
//!    an optional repair on its own data; sequential: re-aggregated from the **applied**
//!    new versions of its parents and re-trained). No one can submit, or have applied, a
//!    URI for a model owned by someone else — with one exception, below.
//! 2. **The committee applies what the owners submitted**: anyone may queue the redaction
//!    (`Threshold.propose_redaction(request)`), whose URIs are read from the submissions;
//!    the redaction hook ([`OnRedaction::validate`]) refuses any redaction whose models or
//!    URIs differ from them, whoever computed its collisions.
//!
//! - **Parallel**: once every affected model has an update (or is declared `Unchanged`,
//!   norm ≤ ε; never a start model), **one** redaction applies them all and completes the
//!   request; the `Unchanged` ones are recorded in `skipped`.
//! - **Sequential**: an owner may submit only once every affected parent of its model has
//!   been applied (it re-trains from them); each update is applied by its own redaction
//!   (one consensus per model); the request completes when every affected model is updated.
//!
//! **Deadlines.** A request expires [`Config::RequestTtl`] blocks after it became active
//! (locks and deposit released; sequentially applied models keep their new versions). In
//! the parallel paradigm an inherited model's update is fully determined by public data —
//! its old version, the DAG coefficients and the start models' old and new versions — so
//! once [`UpdateWindow`] blocks have passed since activation and every start model has its
//! update, **any** account may submit the update of an inherited model whose owner has not
//! answered (a *fallback*, flagged on chain with its submitter). Anyone can recompute it
//! from the stores and compare CIDs; a wrong fallback is attributable to its signer. Start
//! models and the sequential paradigm (re-training needs the owner's data) have no
//! fallback: a silent owner there lets the request expire.
//!
//! **Overlapping requests are queued, not refused.** A request is `Waiting` while earlier
//! open requests hold some of its affected models; it locks the free ones at once, takes
//! the others as the earlier requests close (each released model goes to the earliest
//! waiting request that needs it) and becomes `Pending` when it holds all of them. Every
//! affected model of an open request is locked by that request or an earlier one, so no
//! new model can reference it (`LiveChain.publish_model` fails with `RefLocked`) and the
//! affected set fixed at filing stays complete; the earliest waiting request only waits for
//! active ones, so the queue always drains.
//!
//! `rounds` counts the committee motions a request took.
//!
//! The live chain reaches this pallet through its `OnRedaction` hook, which this pallet
//! implements: set `type OnRedaction = Unlearning` in `pallet_live_chain::Config`. The
//! hook validates before the live chain writes anything, so a redaction that violates the
//! request's paradigm or its owners' submissions changes nothing.
//!
//! ### Dispatchable Functions
//!
//! - `request_unlearning(start, classes, paradigm)` — signed by the owner of every start
//!   model; holds the request deposit.
//! - `request_sample_unlearning(start, withdrawn, paradigm)` — the same, for specific
//!   samples instead of classes: `withdrawn` commits to them (a Merkle root and their
//!   number, [`SampleCommitment`]) without revealing them.
//! - `cancel_request(id)` — signed by the requester while no redaction advanced the
//!   request; releases locks and deposit.
//! - `submit_update(request, tx, update)` — signed by the owner of model `tx` (or, in the
//!   parallel paradigm after the window, by anyone for an inherited model).

#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(
	not(test),
	deny(
		clippy::unwrap_used,
		clippy::expect_used,
		clippy::indexing_slicing,
		clippy::arithmetic_side_effects
	)
)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod filing;
mod locks;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use filing::FrontierOf;
pub use types::*;
pub use weights::WeightInfo;

// The FRAME pallet macros expand to `expect` calls on spans of this module (storage
// prefixes, pallet-info, error metadata); our own code in it uses none (checked by
// `grep -n 'expect(' src/lib.rs`), and every other denied lint stays on.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::{collections::BTreeSet, vec::Vec};
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, MutateHold},
			tokens::{Fortitude, Precision},
		},
	};
	use frame_system::pallet_prelude::*;
	use pallet_live_chain::OnRedaction;
	use sp_runtime::{traits::Zero, SaturatedConversion, Saturating};

	/// A request as stored by this runtime.
	pub type RequestOf<T> = UnlearningRequest<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		BalanceOf<T>,
		<T as Config>::MaxStarts,
		<T as Config>::MaxClasses,
		<T as Config>::MaxAffected,
	>;

	/// A model URI as the live chain bounds it.
	pub type UriOf<T> = BoundedVec<u8, pallet_live_chain::MaxUriLenOf<T>>;

	/// An owner's update as stored.
	pub type SubmittedUpdateOf<T> =
		SubmittedUpdate<<T as frame_system::Config>::AccountId, BlockNumberFor<T>, UriOf<T>>;

	/// Balance of the deposit currency.
	pub type BalanceOf<T> = <<T as Config>::DepositCurrency as Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;

	/// Configuration of the unlearning pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config + pallet_live_chain::Config {
		/// Most start models in one request.
		#[pallet::constant]
		type MaxStarts: Get<u32>;
		/// Most classes to forget in one request.
		#[pallet::constant]
		type MaxClasses: Get<u32>;
		/// Most affected models (start models plus descendants) of one request.
		#[pallet::constant]
		type MaxAffected: Get<u32>;
		/// Most models one filing step finds (it reads at most this many times `MaxRefs`
		/// `Children` edges): a request whose affected set is larger is computed over
		/// several steps (`extend_request`), each one bounded extrinsic.
		#[pallet::constant]
		type MaxFilingStep: Get<u32>;
		/// Weights of this pallet's calls and of its redaction hook.
		type WeightInfo: WeightInfo;
		/// The currency the request deposit is held in (in the runtime the same as the live
		/// chain's `Currency`; named apart because this pallet's config extends that one).
		type DepositCurrency: MutateHold<Self::AccountId, Reason = Self::DepositHoldReason>
			+ frame_support::traits::fungible::Mutate<Self::AccountId>;
		/// The overarching hold reason (the runtime's `RuntimeHoldReason`).
		type DepositHoldReason: From<HoldReason>;
		/// Deposit held from the requester while a request is open.
		#[pallet::constant]
		type RequestDeposit: Get<BalanceOf<Self>>;
		/// Fee per model a request's redactions archive: held with the deposit (for every
		/// affected model) and **burned** when the request closes for every model it
		/// updated — the archive keeps each record forever and the committee spent blocks
		/// on it, so a loop of requests pays for what it leaves behind.
		#[pallet::constant]
		type ArchiveFee: Get<BalanceOf<Self>>;
		/// Blocks after which an open request expires.
		#[pallet::constant]
		type RequestTtl: Get<BlockNumberFor<Self>>;
		/// Most requests that may expire in one block (so most filed in one block).
		#[pallet::constant]
		type MaxRequestsPerBlock: Get<u32>;
		/// Most requests closed by expiry at the start of one block (closing the largest
		/// request releases `MaxAffected` locks); the others due then expire at the next
		/// block with room, so no block's `on_initialize` outgrows the block.
		#[pallet::constant]
		type MaxExpiriesPerBlock: Get<u32>;
		/// Most models whose locks and submissions one block releases for closed requests:
		/// a request closing over more releases this many at once and the rest over the
		/// next blocks ([`Releasing`]), so closing costs the same whatever the request's size.
		#[pallet::constant]
		type MaxReleasePerBlock: Get<u32>;
		/// Most requests waiting behind overlapping open requests at once.
		#[pallet::constant]
		type MaxWaiting: Get<u32>;
		/// [`UpdateWindow`] of a chain whose genesis does not set it.
		#[pallet::constant]
		type DefaultUpdateWindow: Get<BlockNumberFor<Self>>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of an open unlearning request.
		RequestDeposit,
	}

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	/// The unlearning pallet.
	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Unlearning requests by id.
	#[pallet::storage]
	pub type Requests<T: Config> = StorageMap<_, Twox64Concat, u64, RequestOf<T>, OptionQuery>;

	/// Id the next request gets; equals the number of requests.
	#[pallet::storage]
	pub type NextRequestId<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// The open request whose affected set holds a model: `tx -> request id`.
	#[pallet::storage]
	pub type LockedBy<T: Config> = StorageMap<_, Twox64Concat, u64, u64, OptionQuery>;

	/// Requests that expire at the start of a block, if still open.
	#[pallet::storage]
	pub type Expiries<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<u64, T::MaxRequestsPerBlock>,
		ValueQuery,
	>;

	/// Owners' updates of open requests: `(request, tx) -> update`, removed when the
	/// request closes.
	#[pallet::storage]
	pub type Updates<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		u64,
		Twox64Concat,
		u64,
		SubmittedUpdateOf<T>,
		OptionQuery,
	>;

	/// Closed requests whose locks and submissions are still being released, a few blocks
	/// at most: `id -> models of its affected set released so far` (a prefix). The rest
	/// stay locked by it until released (each to the earliest waiting request needing it).
	#[pallet::storage]
	pub type Releasing<T: Config> = StorageMap<_, Twox64Concat, u64, u32, OptionQuery>;

	/// Where the affected-set search of each `Computing` request stands (removed when its
	/// set is complete or it closes).
	#[pallet::storage]
	pub type Frontiers<T: Config> = StorageMap<_, Twox64Concat, u64, FrontierOf<T>, OptionQuery>;

	/// Sample-level requests: what each withdraws, as a commitment (its `classes` are
	/// empty). Kept after the request closes: the public record of what was withdrawn.
	#[pallet::storage]
	pub type SampleWithdrawals<T: Config> =
		StorageMap<_, Twox64Concat, u64, SampleCommitment, OptionQuery>;

	/// Requests waiting behind overlapping open requests, and those whose affected set is
	/// still being computed, in filing order, each with the number of its (found) affected
	/// models it does not hold yet.
	#[pallet::storage]
	pub type Waiting<T: Config> =
		StorageValue<_, BoundedVec<(u64, u32), T::MaxWaiting>, ValueQuery>;

	/// Blocks after a request's activation during which only owners may submit updates;
	/// afterwards (parallel paradigm, inherited models) anyone may submit the public-data
	/// update of an owner who has not answered.
	#[pallet::storage]
	pub type UpdateWindow<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, T::DefaultUpdateWindow>;

	/// Genesis: the owners' update window.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// [`UpdateWindow`] in blocks; `None` keeps [`Config::DefaultUpdateWindow`].
		pub update_window: Option<BlockNumberFor<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(window) = self.update_window {
				UpdateWindow::<T>::put(window);
			}
		}
	}

	/// Events of the unlearning pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An unlearning request was stored.
		UnlearningRequested {
			/// Request id.
			id: u64,
			/// Who asked.
			requester: T::AccountId,
			/// Parallel or sequential.
			paradigm: Paradigm,
			/// Number of affected models (start models included); for a request still
			/// `Computing` (an `AffectedSetExtended` event follows), those found so far.
			affected: u32,
			/// Whether it waits behind overlapping open requests or for its affected set
			/// to be computed (else it is pending).
			waiting: bool,
		},
		/// A step of a large request's affected-set search: `affected` models found so far;
		/// while not `complete`, the next step is `extend_request(id)`.
		AffectedSetExtended {
			/// Request id.
			id: u64,
			/// Models found so far (start models included).
			affected: u32,
			/// Whether the set is complete (the request is then pending or waiting).
			complete: bool,
		},
		/// The affected set of a computing request outgrew `MaxAffected`: the request is
		/// closed (`Cancelled`), its locks and deposit released.
		AffectedSetTooLarge {
			/// Request id.
			id: u64,
			/// Models found before the search stopped.
			found: u32,
		},
		/// A sample-level request committed to the samples it withdraws (filed with the
		/// `UnlearningRequested` event of the same id).
		SamplesCommitted {
			/// Request id.
			id: u64,
			/// The commitment: Merkle root and number of withdrawn samples.
			withdrawn: SampleCommitment,
		},
		/// A waiting request now holds every affected model: owners may submit updates.
		RequestActivated {
			/// Request id.
			id: u64,
		},
		/// An update of an affected model was submitted.
		UpdateSubmitted {
			/// Request id.
			request: u64,
			/// The model.
			tx: u64,
			/// Who submitted it (the owner, or the fallback's submitter).
			by: T::AccountId,
			/// The new version's URI; `None` for `Unchanged`.
			uri: Option<UriOf<T>>,
			/// Submitted by someone other than the owner (parallel public-data update).
			fallback: bool,
		},
		/// Parallel: every affected model has its update; the redaction can be proposed.
		UpdatesComplete {
			/// Request id.
			id: u64,
		},
		/// A committee redaction advanced a request.
		RequestAdvanced {
			/// Request id.
			id: u64,
			/// Motions so far, this one included.
			round: u32,
			/// Models this redaction updated.
			updated: u32,
		},
		/// A closing request paid the archive fee of the models it updated (burned).
		ArchiveFeePaid {
			/// Request id.
			id: u64,
			/// Models updated.
			models: u32,
			/// Amount burned.
			amount: BalanceOf<T>,
		},
		/// A request is complete.
		RequestCompleted {
			/// Request id.
			id: u64,
			/// Motions it took.
			rounds: u32,
			/// Affected models left unchanged under ε (parallel).
			skipped: u32,
		},
		/// The requester cancelled a pending request; locks and deposit are released.
		RequestCancelled {
			/// Request id.
			id: u64,
		},
		/// An open request reached its expiry block; locks and deposit are released.
		RequestExpired {
			/// Request id.
			id: u64,
			/// Models it had updated (sequential), which keep their new versions.
			updated: u32,
		},
	}

	/// Errors of the unlearning pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// No start model given.
		EmptyStart,
		/// More start models than `MaxStarts`.
		TooManyStarts,
		/// A start model is listed twice.
		DuplicateStart,
		/// A start model names no transaction.
		UnknownTx,
		/// The signer does not own every start model.
		NotOwner,
		/// No class to forget given.
		EmptyClasses,
		/// More classes than `MaxClasses`.
		TooManyClasses,
		/// A class is listed twice.
		DuplicateClass,
		/// Start models plus descendants exceed `MaxAffected`.
		TooManyAffected,
		/// A counter would overflow.
		Overflow,
		/// The redaction names no existing request.
		UnknownRequest,
		/// The request is already completed.
		RequestCompleted,
		/// The request was cancelled or has expired.
		RequestClosed,
		/// An affected model is locked by another open request.
		AffectedModelLocked,
		/// The requester cannot cover the request deposit.
		InsufficientDeposit,
		/// Only the requester may cancel a request.
		NotRequester,
		/// Only a request no redaction has advanced yet can be cancelled.
		RequestNotPending,
		/// Too many requests were filed in this block already (`MaxRequestsPerBlock`).
		TooManyRequestsThisBlock,
		/// A redaction updates a model outside the request's affected set.
		UpdateOutsideAffected,
		/// A sequential redaction must update exactly one model.
		SequentialStepNotSingle,
		/// A sequential redaction updates a model already updated for this request.
		AlreadyUpdated,
		/// A sequential redaction (or update) comes before all its affected parents'.
		SequentialOutOfOrder,
		/// The request waits behind an overlapping open request.
		RequestWaiting,
		/// Too many requests are waiting behind overlapping ones (`MaxWaiting`).
		TooManyWaiting,
		/// This model already has an update for this request.
		AlreadySubmitted,
		/// Only the model's owner may submit its update (no fallback applies).
		NotModelOwner,
		/// The owners' window has not passed yet: no fallback update before `fallback_from`.
		FallbackTooEarly,
		/// A fallback update needs every start model's update first (eqs. 7-8 use them).
		FallbackBeforeStarts,
		/// A fallback update must give the model's new version, not `Unchanged`.
		FallbackUnchanged,
		/// `Unchanged` is allowed only for inherited models in the parallel paradigm.
		MustChange,
		/// Parallel: an affected model has no update yet.
		UpdateMissing,
		/// The redaction names a model whose owner submitted no new version.
		UpdateNotSubmitted,
		/// The redaction's URI for a model is not the one its owner submitted.
		UriMismatch,
		/// No submitted update is ready to be proposed.
		NothingToPropose,
		/// A sample-level request must commit to at least one sample, with a non-zero root.
		EmptyWithdrawal,
		/// The request's affected set is complete: only a `Computing` request is extended.
		NotComputing,
		/// The request's affected set is still being computed (`extend_request`).
		RequestComputing,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Expires the open requests due at block `n`, at most `MaxExpiriesPerBlock`; the
		/// rest move to the next block with room.
		fn on_initialize(n: BlockNumberFor<T>) -> Weight {
			let due = Expiries::<T>::take(n);
			let mut weight = T::DbWeight::get().reads_writes(1, 1);
			let most = T::MaxExpiriesPerBlock::get() as usize;
			for (k, id) in due.into_iter().enumerate() {
				let used = if k < most { Self::expire(id, n) } else { Self::postpone(id, n) };
				weight = weight.saturating_add(used);
			}
			weight.saturating_add(Self::release_step())
		}

		fn integrity_test() {
			assert!(T::MaxRequestsPerBlock::get() >= 1, "MaxRequestsPerBlock must be at least 1");
			assert!(T::MaxAffected::get() >= T::MaxStarts::get(), "MaxAffected < MaxStarts");
			assert!(T::MaxWaiting::get() >= 1, "MaxWaiting must be at least 1");
			assert!(T::MaxExpiriesPerBlock::get() >= 1, "MaxExpiriesPerBlock must be at least 1");
			assert!(T::MaxReleasePerBlock::get() >= 1, "MaxReleasePerBlock must be at least 1");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Asks that the `start` models (all owned by the signer) and every model that
		/// inherited from them forget `classes`, under `paradigm`. Stores the request with
		/// its affected set in topological order and holds [`Config::RequestDeposit`]. It
		/// locks the affected models no other open request holds; if it holds them all it
		/// is `Pending` (its expiry [`Config::RequestTtl`] blocks from now), else `Waiting`
		/// behind the earlier requests ([`Waiting`]), never refused for overlapping.
		///
		/// A set larger than one filing step ([`Config::MaxFilingStep`] models) is computed
		/// over several steps: the request is then `Computing` (see [`Self::extend_request`]).
		#[pallet::call_index(0)]
		#[pallet::weight(Pallet::<T>::filing_step_weight())]
		pub fn request_unlearning(
			origin: OriginFor<T>,
			start: BoundedVec<u64, T::MaxStarts>,
			classes: BoundedVec<u8, T::MaxClasses>,
			paradigm: Paradigm,
		) -> DispatchResultWithPostInfo {
			let requester = ensure_signed(origin)?;
			ensure!(!classes.is_empty(), Error::<T>::EmptyClasses);
			let distinct: BTreeSet<u8> = classes.iter().copied().collect();
			ensure!(distinct.len() == classes.len(), Error::<T>::DuplicateClass);
			let (_, used) = Self::file(requester, start, classes, paradigm)?;
			Ok(Some(used).into())
		}



		/// Withdraws request `id`: only its requester, and only while no redaction advanced
		/// it (pending or waiting). Releases its locks (to the requests waiting for them),
		/// its owners' submissions and its deposit.
		#[pallet::call_index(1)]
		#[pallet::weight(Pallet::<T>::cancel_weight())]
		pub fn cancel_request(origin: OriginFor<T>, id: u64) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
			ensure!(request.requester == who, Error::<T>::NotRequester);
			ensure!(
				matches!(
					request.status,
					RequestStatus::Pending | RequestStatus::Waiting | RequestStatus::Computing
				),
				Error::<T>::RequestNotPending
			);
			request.status = RequestStatus::Cancelled;
			Self::close(id, request);
			Self::deposit_event(Event::RequestCancelled { id });
			Ok(())
		}

		/// Submits the new version of affected model `tx` for request `id`: `Replace(cid)`
		/// (the unlearned model, already in the live store) or, parallel and inherited
		/// only, `Unchanged`. Signed by the model's **owner**; in the parallel paradigm,
		/// once [`UpdateWindow`] has passed and every start model has its update, anyone may
		/// submit an inherited model's public-data update instead (flagged `fallback`).
		/// Sequential: only after every affected parent's update was applied. One update
		/// per model and request.
		#[pallet::call_index(2)]
		#[pallet::weight(<T as Config>::WeightInfo::submit_update()
			.saturating_add(Pallet::<T>::request_rw_weight(T::MaxAffected::get())))]
		pub fn submit_update(
			origin: OriginFor<T>,
			request: u64,
			tx: u64,
			update: ModelUpdate<UriOf<T>>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let mut r = Self::active_request(request)?;
			ensure!(r.affected.binary_search(&tx).is_ok(), Error::<T>::UpdateOutsideAffected);
			ensure!(!Updates::<T>::contains_key(request, tx), Error::<T>::AlreadySubmitted);
			let live = pallet_live_chain::Txs::<T>::get(tx).ok_or(Error::<T>::UnknownTx)?;
			let is_start = r.start.contains(&tx);
			let fallback = live.owner != who;
			if fallback {
				Self::check_fallback(request, &r, is_start, &update)?;
			}
			match &update {
				ModelUpdate::Replace(uri) => pallet_live_chain::Pallet::<T>::check_uri(uri)?,
				ModelUpdate::Unchanged => ensure!(
					r.paradigm == Paradigm::Parallel && !is_start,
					Error::<T>::MustChange
				),
			}
			if r.paradigm == Paradigm::Sequential {
				ensure!(!r.done.contains(&tx), Error::<T>::AlreadyUpdated);
				ensure!(
					live.refs
						.iter()
						.filter(|p| r.affected.binary_search(p).is_ok())
						.all(|p| r.done.contains(p)),
					Error::<T>::SequentialOutOfOrder
				);
			}

			r.submitted = r.submitted.checked_add(1).ok_or(Error::<T>::Overflow)?;
			if matches!(update, ModelUpdate::Unchanged) {
				// Kept ascending: the model needs no redaction.
				let at = r.skipped.binary_search(&tx).unwrap_or_else(|at| at);
				r.skipped.try_insert(at, tx).map_err(|_| Error::<T>::Overflow)?;
			}
			let complete = r.submitted as usize == r.affected.len();
			let (paradigm, uri) = (r.paradigm, update.uri().cloned());
			let used = <T as Config>::WeightInfo::submit_update()
				.saturating_add(Self::request_rw_weight(r.affected.len().saturated_into()));
			Updates::<T>::insert(
				request,
				tx,
				SubmittedUpdate {
					update,
					by: who.clone(),
					fallback,
					at: frame_system::Pallet::<T>::block_number(),
				},
			);
			Requests::<T>::insert(request, r);
			Self::deposit_event(Event::UpdateSubmitted { request, tx, by: who, uri, fallback });
			if complete && paradigm == Paradigm::Parallel {
				Self::deposit_event(Event::UpdatesComplete { id: request });
			}
			Ok(Some(used).into())
		}

		/// A **sample-level** request: asks that the `start` models (all owned by the
		/// signer) and every model that inherited from them forget specific training
		/// samples of the requester, committed to by `withdrawn` (a Merkle root and the
		/// number of samples; the samples stay private). Otherwise exactly
		/// `request_unlearning`: the same affected set, locks, deposit, paradigms, owners'
		/// submissions and committee redactions; its `classes` are empty and the
		/// commitment is stored in [`SampleWithdrawals`].
		#[pallet::call_index(3)]
		#[pallet::weight(Pallet::<T>::filing_step_weight()
			.saturating_add(T::DbWeight::get().writes(1)))]
		pub fn request_sample_unlearning(
			origin: OriginFor<T>,
			start: BoundedVec<u64, T::MaxStarts>,
			withdrawn: SampleCommitment,
			paradigm: Paradigm,
		) -> DispatchResultWithPostInfo {
			let requester = ensure_signed(origin)?;
			ensure!(
				withdrawn.samples > 0 && withdrawn.root != [0u8; 32],
				Error::<T>::EmptyWithdrawal
			);
			let (id, used) = Self::file(requester, start, BoundedVec::new(), paradigm)?;
			SampleWithdrawals::<T>::insert(id, withdrawn);
			Self::deposit_event(Event::SamplesCommitted { id, withdrawn });
			Ok(Some(used.saturating_add(T::DbWeight::get().writes(1))).into())
		}

		/// Runs the next step of the affected-set search of `Computing` request `id`
		/// (any signer; the requester's archive fee is held for the models found): finds
		/// at most [`Config::MaxFilingStep`] more models, locks the free ones, takes over
		/// those a later queued request holds, and waits for the others. When the set is
		/// complete the request becomes `Pending` (it holds every model) or `Waiting`; if
		/// it outgrows `MaxAffected` it is closed (`AffectedSetTooLarge`).
		#[pallet::call_index(4)]
		#[pallet::weight(Pallet::<T>::filing_step_weight())]
		pub fn extend_request(origin: OriginFor<T>, id: u64) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let mut request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
			ensure!(request.status == RequestStatus::Computing, Error::<T>::NotComputing);
			let mut frontier = Frontiers::<T>::get(id).ok_or(Error::<T>::NotComputing)?;
			let step = match Self::search_step(&request.affected, &mut frontier) {
				Ok(step) => step,
				Err(Error::<T>::TooManyAffected) => {
					let found = request.affected.len().saturated_into();
					request.status = RequestStatus::Cancelled;
					Self::close(id, request);
					Self::deposit_event(Event::AffectedSetTooLarge { id, found });
					return Ok(Some(Self::filing_step_weight().saturating_add(Self::close_weight())).into())
				},
				Err(e) => return Err(e.into()),
			};
			Self::take_found(id, &mut request, &step.found)?;
			let complete = frontier.is_done();
			if complete {
				Frontiers::<T>::remove(id);
				Self::finish_search(id, &mut request);
			} else {
				Frontiers::<T>::insert(id, frontier);
			}
			let affected = request.affected.len().saturated_into();
			Requests::<T>::insert(id, request);
			Self::deposit_event(Event::AffectedSetExtended { id, affected, complete });
			Ok(Some(Self::step_weight(step.found.len().saturated_into(), step.edges)).into())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Files a request (by classes, or sample-level with `classes` empty): checks the
		/// start models (distinct, the requester's), runs the first step of the
		/// affected-set search, holds the deposit (with the archive fee of the models found),
		/// locks the free models and stores it: `Pending` or `Waiting` if the set is
		/// complete, else `Computing` (listed in [`Waiting`], expiring like an active
		/// request if no one completes its set). Returns its id and the weight used.
		fn file(
			requester: T::AccountId,
			start: BoundedVec<u64, T::MaxStarts>,
			classes: BoundedVec<u8, T::MaxClasses>,
			paradigm: Paradigm,
		) -> Result<(u64, Weight), DispatchError> {
			let mut start = start;
			ensure!(!start.is_empty(), Error::<T>::EmptyStart);
			let mut seen = BTreeSet::new();
			for tx in start.iter() {
				ensure!(seen.insert(*tx), Error::<T>::DuplicateStart);
				let live = pallet_live_chain::Txs::<T>::get(tx).ok_or(Error::<T>::UnknownTx)?;
				ensure!(live.owner == requester, Error::<T>::NotOwner);
			}
			start.sort();

			let mut frontier = FrontierOf::<T>::default();
			frontier.queue =
				BoundedVec::try_from(start.to_vec()).map_err(|_| Error::<T>::TooManyAffected)?;
			let step = Self::search_step(&start, &mut frontier)?;
			let mut affected: Vec<u64> = start.iter().chain(step.found.iter()).copied().collect();
			affected.sort_unstable();
			let affected: BoundedVec<u64, T::MaxAffected> =
				affected.try_into().map_err(|_| Error::<T>::TooManyAffected)?;
			let count = affected.len().saturated_into::<u32>();
			let computing = !frontier.is_done();
			// Every open request is earlier than this one: nothing to take over.
			let held_elsewhere =
				affected.iter().filter(|tx| LockedBy::<T>::contains_key(tx)).count();

			let id = NextRequestId::<T>::get();
			id.checked_add(1).ok_or(Error::<T>::Overflow)?;
			let now = frame_system::Pallet::<T>::block_number();
			let queued = computing || held_elsewhere > 0;
			if queued {
				ensure!(
					Waiting::<T>::decode_len().unwrap_or(0) < T::MaxWaiting::get() as usize,
					Error::<T>::TooManyWaiting
				);
			}
			if computing || !queued {
				// Checked here so that a full block refuses the request before any write.
				ensure!(
					Expiries::<T>::decode_len(now.saturating_add(T::RequestTtl::get()))
						.unwrap_or(0) < T::MaxRequestsPerBlock::get() as usize,
					Error::<T>::TooManyRequestsThisBlock
				);
			}
			let deposit = T::RequestDeposit::get().saturating_add(
				T::ArchiveFee::get().saturating_mul(affected.len().saturated_into()),
			);
			T::DepositCurrency::hold(&HoldReason::RequestDeposit.into(), &requester, deposit)
				.map_err(|_| Error::<T>::InsufficientDeposit)?;
			let mut request = UnlearningRequest::filed(
				requester.clone(),
				start,
				classes,
				paradigm,
				affected,
				now,
				deposit,
			);
			Self::lock_free(id, &request.affected);
			NextRequestId::<T>::put(id.saturating_add(1));
			if queued {
				Waiting::<T>::try_append((id, held_elsewhere.saturated_into::<u32>()))
					.map_err(|_| Error::<T>::TooManyWaiting)?;
			}
			if computing {
				let (at, _) = Self::expiry_slot(id, now.saturating_add(T::RequestTtl::get()));
				request.status = RequestStatus::Computing;
				request.expires = Some(at);
				Frontiers::<T>::insert(id, frontier);
			} else if !queued {
				Self::schedule(id, &mut request);
			}
			Requests::<T>::insert(id, request);
			Self::deposit_event(Event::UnlearningRequested {
				id,
				requester,
				paradigm,
				affected: count,
				waiting: queued,
			});
			if computing {
				Self::deposit_event(Event::AffectedSetExtended { id, affected: count, complete: false });
			}
			Ok((id, Self::step_weight(step.found.len().saturated_into(), step.edges)))
		}

		/// Request `id` if owners may submit updates and redactions may advance it.
		fn active_request(id: u64) -> Result<RequestOf<T>, Error<T>> {
			let request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
			ensure!(request.status != RequestStatus::Completed, Error::<T>::RequestCompleted);
			ensure!(request.status != RequestStatus::Waiting, Error::<T>::RequestWaiting);
			ensure!(request.status != RequestStatus::Computing, Error::<T>::RequestComputing);
			ensure!(request.status.is_active(), Error::<T>::RequestClosed);
			Ok(request)
		}

		/// May someone other than the owner submit this update? Only the parallel
		/// paradigm's public-data update of an inherited model, after the owners' window,
		/// once every start model has its update, and never `Unchanged`.
		fn check_fallback(
			id: u64,
			r: &RequestOf<T>,
			is_start: bool,
			update: &ModelUpdate<UriOf<T>>,
		) -> Result<(), Error<T>> {
			ensure!(r.paradigm == Paradigm::Parallel && !is_start, Error::<T>::NotModelOwner);
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(r.fallback_from.is_some_and(|from| now >= from), Error::<T>::FallbackTooEarly);
			ensure!(
				r.start.iter().all(|s| Updates::<T>::contains_key(id, s)),
				Error::<T>::FallbackBeforeStarts
			);
			ensure!(*update != ModelUpdate::Unchanged, Error::<T>::FallbackUnchanged);
			Ok(())
		}

		/// The updates the next redaction of request `id` applies, read from the owners'
		/// submissions, in ascending id order. Parallel: every submitted new version not
		/// applied yet (each affected model must have its update; the committee approves
		/// them as one set and may apply it in chunks). Sequential: the first submitted update
		/// not applied yet, whose affected parents are applied and that is not in
		/// `queued` (models already in a queued proposal of this request).
		pub fn next_redaction(id: u64, queued: &[u64]) -> Result<Vec<(u64, UriOf<T>)>, Error<T>> {
			let r = Self::active_request(id)?;
			match r.paradigm {
				Paradigm::Parallel => {
					let done: BTreeSet<u64> = r.done.iter().copied().collect();
					let mut updates = Vec::with_capacity(r.affected.len());
					for tx in r.affected.iter().filter(|tx| !done.contains(tx)) {
						let sub = Updates::<T>::get(id, tx).ok_or(Error::<T>::UpdateMissing)?;
						if let ModelUpdate::Replace(uri) = sub.update {
							updates.push((*tx, uri));
						}
					}
					Ok(updates)
				},
				Paradigm::Sequential => r
					.affected
					.iter()
					.filter(|tx| !r.done.contains(tx) && !queued.contains(tx))
					.find_map(|tx| {
						let uri = Updates::<T>::get(id, tx)?.update.uri()?.clone();
						Self::validate_step(id, &[(*tx, uri.as_slice())]).ok()?;
						Some(alloc::vec![(*tx, uri)])
					})
					.ok_or(Error::<T>::NothingToPropose),
			}
		}

		/// Weight of `request_unlearning` over `affected` models: the benchmarked call plus
		/// one lock per affected model, the expiry entry and the deposit hold.
		pub fn request_weight(affected: u32) -> Weight {
			<T as Config>::WeightInfo::request_unlearning(affected).saturating_add(
				T::DbWeight::get().reads_writes(3, u64::from(affected).saturating_add(4)),
			)
		}

		/// Ends request `id` (whose new status the caller set): releases its locks (each
		/// to the earliest waiting request that needs it, activating those that then hold
		/// all theirs) and its submissions — at most `MaxReleasePerBlock` models now, the
		/// rest over the next blocks ([`Releasing`]) — and its deposit less the archive fee
		/// of the models it updated (burned), records the block and stores it.
		fn close(id: u64, mut request: RequestOf<T>) {
			Frontiers::<T>::remove(id);
			Self::release_from(id, &request.affected, 0);
			let models = request.done.len().saturated_into::<u32>();
			// Never more than what was held on top of the request deposit (a request filed
			// under other parameters pays at most what it was asked to hold).
			let fee = T::ArchiveFee::get()
				.saturating_mul(models.into())
				.min(request.deposit.saturating_sub(T::RequestDeposit::get()));
			// The deposit was held when the request was filed; a shortfall here could only
			// come from a slash no origin can cause, and is logged.
			let reason = HoldReason::RequestDeposit.into();
			if !fee.is_zero() {
				match T::DepositCurrency::burn_held(
					&reason,
					&request.requester,
					fee,
					Precision::BestEffort,
					Fortitude::Force,
				) {
					Ok(amount) => Self::deposit_event(Event::ArchiveFeePaid { id, models, amount }),
					Err(e) => log::warn!(target: "runtime::unlearning", "archive fee of {id}: {e:?}"),
				}
			}
			if let Err(e) = T::DepositCurrency::release(
				&reason,
				&request.requester,
				request.deposit.saturating_sub(fee),
				Precision::BestEffort,
			) {
				log::warn!(target: "runtime::unlearning", "releasing deposit of {id}: {e:?}");
			}
			request.completed = Some(frame_system::Pallet::<T>::block_number());
			Requests::<T>::insert(id, request);
		}

		/// Weight of `cancel_request`: the request read and written at its largest
		/// ([`Self::request_rw_weight`], the `request_rw` benchmark) and the close (the locks
		/// of at most `MaxReleasePerBlock` models handed on now: [`Self::close_weight`]).
		pub fn cancel_weight() -> Weight {
			Self::request_rw_weight(T::MaxAffected::get()).saturating_add(Self::close_weight())
		}

		/// Upper bound of closing a request beyond its own writes: the waiting requests
		/// read once (each decoded at `MaxAffected` models), each lock (of at most
		/// `MaxReleasePerBlock` models) read and handed on, each submission removed,
		/// activations scheduled, the rest listed in [`Releasing`]. The same bounds one
		/// block's [`Self::release_step`].
		pub fn close_weight() -> Weight {
			let waiting = u64::from(T::MaxWaiting::get());
			let affected = u64::from(T::MaxAffected::get().min(T::MaxReleasePerBlock::get()));
			T::DbWeight::get()
				.reads_writes(
					waiting.saturating_mul(2).saturating_add(2).saturating_add(affected),
					affected
						.saturating_mul(2)
						.saturating_add(waiting.saturating_mul(2))
						.saturating_add(3),
				)
				.saturating_add(
					Self::request_rw_weight(T::MaxAffected::get()).saturating_mul(waiting),
				)
		}

		/// Releases the locks and submissions of at most `MaxReleasePerBlock` models of closed
		/// request `id`, from position `from` of its `affected` set, and records in
		/// [`Releasing`] where the next block goes on (nothing once all are released).
		fn release_from(id: u64, affected: &[u64], from: usize) {
			let from = from.min(affected.len());
			let to = from.saturating_add(T::MaxReleasePerBlock::get() as usize).min(affected.len());
			let models = &affected[from..to];
			Self::release(id, models);
			for tx in models {
				Updates::<T>::remove(id, tx);
			}
			if to < affected.len() {
				Releasing::<T>::insert(id, to.saturated_into::<u32>());
			} else {
				Releasing::<T>::remove(id);
			}
		}

		/// One block's share of the closed requests' releases: up to `MaxReleasePerBlock`
		/// models of one request in [`Releasing`]; returns the weight used.
		fn release_step() -> Weight {
			let Some((id, from)) = Releasing::<T>::iter().next() else {
				return T::DbWeight::get().reads(1)
			};
			let Some(request) = Requests::<T>::get(id) else {
				Releasing::<T>::remove(id);
				return T::DbWeight::get().reads_writes(2, 1)
			};
			Self::release_from(id, &request.affected, from as usize);
			T::DbWeight::get().reads_writes(2, 1).saturating_add(Self::close_weight())
		}

		/// Moves request `id`'s expiry from block `n` (full) to the next block with room;
		/// returns the weight used.
		/// An entry of a request that no longer expires at `n` (a computing request's
		/// deadline, once it became pending or waiting) is dropped.
		fn postpone(id: u64, n: BlockNumberFor<T>) -> Weight {
			let Some(mut r) = Requests::<T>::get(id).filter(|r| Self::expires_at(r, n)) else {
				return T::DbWeight::get().reads(1)
			};
			let (at, tries) = Self::expiry_slot(id, n.saturating_add(1u32.into()));
			r.expires = Some(at);
			Requests::<T>::insert(id, r);
			let written = 2u64;
			log::debug!(target: "runtime::unlearning", "request {id}: expiry moved to {at:?}");
			T::DbWeight::get().reads_writes(u64::from(tries).saturating_add(1), written)
		}

		/// Whether `request` is due to expire at block `n`: active or computing, with its
		/// expiry at `n` (a computing request's deadline entry outlives its search).
		fn expires_at(request: &RequestOf<T>, n: BlockNumberFor<T>) -> bool {
			(request.status.is_active() || request.status == RequestStatus::Computing) &&
				request.expires == Some(n)
		}

		/// Expires request `id` if it is due at block `n`; returns the weight used.
		fn expire(id: u64, n: BlockNumberFor<T>) -> Weight {
			let Some(mut request) = Requests::<T>::get(id) else {
				return T::DbWeight::get().reads(1)
			};
			if !Self::expires_at(&request, n) {
				return T::DbWeight::get().reads(1)
			}
			let updated = request.done.len().saturated_into::<u32>();
			request.status = RequestStatus::Expired;
			Self::close(id, request);
			Self::deposit_event(Event::RequestExpired { id, updated });
			T::DbWeight::get().reads_writes(2, 3).saturating_add(Self::close_weight())
		}

		/// Checks that redacting `updates` (model, new URI) is a valid next step of request
		/// `id` and applies exactly what the models' owners submitted.
		fn validate_step(id: u64, updates: &[(u64, &[u8])]) -> Result<RequestOf<T>, Error<T>> {
			let request = Self::active_request(id)?;
			let affected = |tx: &u64| request.affected.binary_search(tx).is_ok();
			for (tx, uri) in updates {
				ensure!(affected(tx), Error::<T>::UpdateOutsideAffected);
				let sub = Updates::<T>::get(id, tx).ok_or(Error::<T>::UpdateNotSubmitted)?;
				let submitted = sub.update.uri().ok_or(Error::<T>::UpdateNotSubmitted)?;
				ensure!(submitted.as_slice() == *uri, Error::<T>::UriMismatch);
			}
			match request.paradigm {
				Paradigm::Parallel => {
					// One approval of the whole update set may be applied in chunks: any
					// submitted new versions not applied yet, once every update is in.
					ensure!(
						request.submitted as usize == request.affected.len(),
						Error::<T>::UpdateMissing
					);
					let done: BTreeSet<u64> = request.done.iter().copied().collect();
					ensure!(
						updates.iter().all(|(tx, _)| !done.contains(tx)),
						Error::<T>::AlreadyUpdated
					);
				},
				Paradigm::Sequential => {
					let [(tx, _)] = updates else { return Err(Error::<T>::SequentialStepNotSingle) };
					ensure!(!request.done.contains(tx), Error::<T>::AlreadyUpdated);
					let live = pallet_live_chain::Txs::<T>::get(tx).ok_or(Error::<T>::UnknownTx)?;
					// Parents done implies ancestors done: each parent was itself checked.
					ensure!(
						live.refs.iter().filter(|p| affected(p)).all(|p| request.done.contains(p)),
						Error::<T>::SequentialOutOfOrder
					);
				},
			}
			Ok(request)
		}

		/// Checks the request's invariants.
		///
		/// ## Expectations
		///
		/// - no request at or beyond `NextRequestId`;
		/// - `affected` is strictly ascending, holds every start model, and `done` and
		///   `skipped` are disjoint subsets of it;
		/// - `Completed` iff (parallel) `done ∪ skipped = affected`, in at least one
		///   redaction and at most one per model (chunks of one approval),
		///   or (sequential) `done` equals `affected` in size; `Pending`/`Waiting` iff no
		///   rounds;
		/// - every start model is owned by the requester;
		/// - an active request locks all its affected models; a waiting or computing one is
		///   listed in [`Waiting`] with the right count, and each of its (found) models is
		///   locked by it, by an earlier request or by one that is not queued (active or
		///   closing) — never by a later queued one, so the queue drains; a closed one locks
		///   none and keeps no submissions, except, while it is in [`Releasing`], those of
		///   the models it has not released yet;
		/// - exactly the computing requests have a [`Frontiers`] entry, whose models are in
		///   their found set, and an expiry;
		/// - `submitted` counts the request's submissions, and an open request's `skipped`
		///   (ascending) are exactly its `Unchanged` ones;
		/// - a request has empty `classes` iff it committed to samples ([`SampleWithdrawals`]).
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let next = NextRequestId::<T>::get();
			let waiting = Waiting::<T>::get();
			let queued = |h: u64| waiting.iter().any(|(w, _)| *w == h);
			for (id, _) in Frontiers::<T>::iter() {
				ensure!(
					Requests::<T>::get(id).is_some_and(|r| r.status == RequestStatus::Computing),
					"search state of a request that is not computing"
				);
			}
			for (id, r) in Requests::<T>::iter() {
				ensure!(id < next, "request beyond NextRequestId");
				ensure!(
					r.affected.windows(2).all(|w| matches!(w, [a, b] if a < b)),
					"affected set not in ascending order"
				);
				ensure!(
					r.start.iter().all(|s| r.affected.binary_search(s).is_ok()),
					"start model missing from affected set"
				);
				ensure!(
					r.done.iter().chain(r.skipped.iter()).all(|t| r.affected.binary_search(t).is_ok()),
					"done or skipped model outside affected set"
				);
				ensure!(
					r.done.iter().all(|t| !r.skipped.contains(t)),
					"model both done and skipped"
				);
				let covered = r.done.len().saturating_add(r.skipped.len()) == r.affected.len();
				match r.status {
					RequestStatus::Pending => ensure!(r.rounds == 0, "pending request with rounds"),
					RequestStatus::Waiting => ensure!(
						r.rounds == 0 && r.submitted == 0 && r.activated.is_none(),
						"waiting request with rounds, updates or activation"
					),
					RequestStatus::InProgress =>
						ensure!(r.rounds > 0 && !covered, "in-progress request inconsistent"),
					RequestStatus::Completed => ensure!(covered, "completed request not covered"),
					RequestStatus::Cancelled => ensure!(r.rounds == 0, "cancelled request with rounds"),
					RequestStatus::Expired => ensure!(!covered, "expired request was covered"),
					RequestStatus::Computing => {
						ensure!(
							r.rounds == 0 && r.submitted == 0 && r.activated.is_none(),
							"computing request with rounds, updates or activation"
						);
						ensure!(r.expires.is_some(), "computing request without a deadline");
						let frontier = Frontiers::<T>::get(id).ok_or("computing request without search state")?;
						ensure!(
							frontier
								.queue
								.iter()
								.chain(frontier.cursor.iter().map(|(node, _)| node))
								.all(|t| r.affected.binary_search(t).is_ok()),
							"search state outside the found set"
						);
					},
				}
				let listed = waiting.iter().find(|(w, _)| *w == id);
				ensure!(listed.is_some() == r.status.is_queued(), "Waiting list and status disagree");
				let mut missing = 0u32;
				// A closed request in `Releasing` may still hold the models from there on.
				let released = Releasing::<T>::get(id).map_or(r.affected.len(), |from| from as usize);
				for (position, tx) in r.affected.iter().enumerate() {
					let lock = LockedBy::<T>::get(tx);
					match r.status {
						RequestStatus::Pending | RequestStatus::InProgress =>
							ensure!(lock == Some(id), "affected model of an active request not locked by it"),
						RequestStatus::Waiting | RequestStatus::Computing => {
							ensure!(
								lock.is_some_and(|holder| holder <= id || !queued(holder)),
								"model of a queued request locked by a later queued request, or free"
							);
							if lock != Some(id) {
								missing = missing.saturating_add(1);
							}
						},
						_ => ensure!(
							lock != Some(id) || position >= released,
							"closed request still locks a model it released"
						),
					}
				}
				if let Some((_, count)) = listed {
					ensure!(*count == missing, "waiting request's missing count is wrong");
				}
				let stored = Updates::<T>::iter_prefix(id).count();
				if r.status.is_active() {
					ensure!(stored == r.submitted as usize, "submitted count is wrong");
					let unchanged: Vec<u64> = Updates::<T>::iter_prefix(id)
						.filter(|(_, s)| s.update.uri().is_none())
						.map(|(tx, _)| tx)
						.collect::<BTreeSet<u64>>()
						.into_iter()
						.collect();
					ensure!(r.skipped.to_vec() == unchanged, "skipped is not the Unchanged submissions");
				} else {
					let kept = Updates::<T>::iter_key_prefix(id)
						.all(|tx| r.affected.binary_search(&tx).is_ok_and(|p| p >= released));
					ensure!(kept, "inactive request keeps submissions it released");
				}
				if r.paradigm == Paradigm::Parallel && r.status == RequestStatus::Completed {
					ensure!(
						r.rounds >= 1 && r.rounds as usize <= r.done.len().max(1),
						"parallel request took no redaction, or more than one per model"
					);
				}
				ensure!(
					r.classes.is_empty() == SampleWithdrawals::<T>::contains_key(id),
					"a request names classes or commits to samples, exactly one"
				);
				for s in r.start.iter() {
					let live = pallet_live_chain::Txs::<T>::get(s).ok_or("start model missing")?;
					ensure!(live.owner == r.requester, "start model not owned by requester");
				}
			}
			Ok(())
		}
	}

	impl<T: Config> OnRedaction for Pallet<T> {
		fn validate(id: u64, updates: &[(u64, &[u8])]) -> DispatchResult {
			Self::validate_step(id, updates).map(|_| ()).map_err(Into::into)
		}

		fn locked_by(tx: u64) -> Option<u64> {
			LockedBy::<T>::get(tx)
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn open_bench_request<AccountId>(
			_who: &AccountId,
			updates: &[(u64, Vec<u8>)],
			more: u32,
		) -> u64 {
			// A parallel request over these models, each with its owner's update, and `more`
			// affected ids beyond every model's (never updated, so the request stays open),
			// stored directly (no deposit): the benchmarks then run with the hook's real
			// checks.
			let id = NextRequestId::<T>::get();
			let Some(requester) = updates
				.first()
				.and_then(|(tx, _)| pallet_live_chain::Txs::<T>::get(tx))
				.map(|live| live.owner)
			else {
				return id
			};
			let mut affected: Vec<u64> = updates.iter().map(|(tx, _)| *tx).collect();
			affected.extend((0..u64::from(more)).map(|i| u64::MAX - i));
			affected.sort();
			let now = frame_system::Pallet::<T>::block_number();
			let mut request = UnlearningRequest::filed(
				requester.clone(),
				BoundedVec::truncate_from(affected.first().copied().into_iter().collect()),
				BoundedVec::truncate_from(alloc::vec![1]),
				Paradigm::Parallel,
				BoundedVec::truncate_from(affected),
				now,
				Default::default(),
			);
			Self::lock_free(id, &request.affected);
			request.activate(now, now, now.saturating_add(T::RequestTtl::get()));
			for (tx, uri) in updates {
				Updates::<T>::insert(
					id,
					tx,
					SubmittedUpdate {
						update: ModelUpdate::Replace(BoundedVec::truncate_from(uri.clone())),
						by: requester.clone(),
						fallback: false,
						at: now,
					},
				);
			}
			// Every update counts as in (the `more` ones are applied later, as if by a
			// later chunk).
			request.submitted = updates.len().saturating_add(more as usize).saturated_into();
			Requests::<T>::insert(id, request);
			NextRequestId::<T>::put(id.saturating_add(1));
			id
		}

		fn on_redacted(id: u64, txs: &[u64]) -> Result<Weight, DispatchError> {
			// `validate` ran on these updates before the live chain wrote anything.
			let mut r = Self::active_request(id)?;
			r.rounds = r.rounds.checked_add(1).ok_or(Error::<T>::Overflow)?;
			match r.paradigm {
				Paradigm::Parallel => {
					for tx in txs {
						r.done.try_push(*tx).map_err(|_| Error::<T>::UpdateOutsideAffected)?;
					}
					// `skipped` holds the `Unchanged` submissions: every other affected model
					// has a new version, applied when it is in `done`.
					if r.done.len().saturating_add(r.skipped.len()) == r.affected.len() {
						r.done.sort();
						r.status = RequestStatus::Completed;
					} else {
						r.status = RequestStatus::InProgress;
					}
				},
				Paradigm::Sequential => {
					for tx in txs {
						r.done.try_push(*tx).map_err(|_| Error::<T>::UpdateOutsideAffected)?;
					}
					r.status = if r.done.len() == r.affected.len() {
						RequestStatus::Completed
					} else {
						RequestStatus::InProgress
					};
				},
			}
			let (rounds, skipped, size) =
				(r.rounds, r.skipped.len().saturated_into::<u32>(), r.affected.len());
			let completed = r.status == RequestStatus::Completed;
			if completed {
				Self::close(id, r);
			} else {
				Requests::<T>::insert(id, r);
			}
			Self::deposit_event(Event::RequestAdvanced {
				id,
				round: rounds,
				updated: txs.len().saturated_into(),
			});
			if completed {
				Self::deposit_event(Event::RequestCompleted { id, rounds, skipped });
			}
			// The request read and written, the updates' submissions read by validation, and
			// a closing request's release of at most `MaxReleasePerBlock` models (the rest
			// are charged to the next blocks' `release_step`).
			let used = Self::request_rw_weight(size.saturated_into())
				.saturating_add(T::DbWeight::get().reads((txs.len() as u64).saturating_mul(2)));
			Ok(if completed { used.saturating_add(Self::close_weight()) } else { used })
		}

		fn max_weight() -> Weight {
			// One redaction validates and records at most `MaxUpdates` updates: the
			// benchmark validates and completes a request of that many models (each
			// submission read, the locks of at most `MaxReleasePerBlock` handed on, the rest
			// over the next blocks, as the runtime does). The request itself may hold
			// `MaxAffected` models (`request_rw_weight`), its submissions are read again,
			// and the closing may hand locks to waiting requests (`close_weight`).
			let affected = T::MaxAffected::get();
			let updates = <T as pallet_live_chain::Config>::MaxUpdates::get();
			<T as Config>::WeightInfo::advance_request(updates)
				.saturating_add(Self::request_rw_weight(affected))
				.saturating_add(T::DbWeight::get().reads(u64::from(updates).saturating_mul(2)))
				.saturating_add(Self::close_weight())
		}
	}
}
