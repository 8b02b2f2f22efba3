//! # Unlearning
//!
//! ## Overview
//!
//! Unlearning requests of BlockFUL (SPEC §5). The owner of some models (the start models W)
//! asks that they and every model that inherited from them forget some classes. The
//! runtime fixes the affected set — W plus all descendants N(W), from the on-chain
//! reference lists, in topological order and bounded by [`Config::MaxAffected`] — holds
//! [`Config::RequestDeposit`] from the requester and stores the request. Off-chain workers
//! compute the new models; the committee applies them with
//! `LiveChain.redact(id, updates, headers)`, which advances the request:
//!
//! - **Parallel**: one redaction completes the request. Its updates must lie in the
//!   affected set and include every start model; affected models it leaves out are the
//!   ones the worker skipped under ε and are recorded in `skipped`.
//! - **Sequential**: each redaction updates exactly one affected model, not yet updated,
//!   whose affected parents are all updated already (topological order); the request
//!   completes when every affected model is updated.
//!
//! `rounds` counts the committee motions a request took.
//!
//! While a request is open (pending or in progress) it **locks** its affected models
//! ([`LockedBy`]): no other request may include them, no other redaction may touch them
//! (a redaction must lie in its own request's affected set), and no new model may
//! reference them (`LiveChain.publish_model` fails with `RefLocked`), so the affected set
//! fixed at request time stays complete. A request ends by completing, by
//! `cancel_request` (requester, before any redaction) or by expiring
//! [`Config::RequestTtl`] blocks after it was filed; then the locks and the deposit are
//! released.
//!
//! The live chain reaches this pallet through its `OnRedaction` hook, which this pallet
//! implements: set `type OnRedaction = Unlearning` in `pallet_live_chain::Config`. The
//! hook validates before the live chain writes anything, so a redaction that violates the
//! request's paradigm changes nothing.
//!
//! ### Dispatchable Functions
//!
//! - `request_unlearning(start, classes, paradigm)` — signed by the owner of every start
//!   model; holds the request deposit.
//! - `cancel_request(id)` — signed by the requester while no redaction advanced the
//!   request; releases locks and deposit.

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
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

// The FRAME pallet macros expand to `expect` calls on spans of this module (storage
// prefixes, pallet-info, error metadata); our own code in it uses none (checked by
// `grep -n 'expect(' src/lib.rs`), and every other denied lint stays on.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::collections::BTreeSet;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, MutateHold},
			tokens::Precision,
		},
	};
	use frame_system::pallet_prelude::*;
	use pallet_live_chain::{AffectedError, OnRedaction};
	use sp_runtime::{SaturatedConversion, Saturating};

	/// A request as stored by this runtime.
	pub type RequestOf<T> = UnlearningRequest<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		BalanceOf<T>,
		<T as Config>::MaxStarts,
		<T as Config>::MaxClasses,
		<T as Config>::MaxAffected,
	>;

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
		/// Blocks after which an open request expires.
		#[pallet::constant]
		type RequestTtl: Get<BlockNumberFor<Self>>;
		/// Most requests that may expire in one block (so most filed in one block).
		#[pallet::constant]
		type MaxRequestsPerBlock: Get<u32>;
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
			/// Number of affected models (start models included).
			affected: u32,
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
		/// A parallel redaction leaves out a start model.
		StartNotUpdated,
		/// A sequential redaction must update exactly one model.
		SequentialStepNotSingle,
		/// A sequential redaction updates a model already updated for this request.
		AlreadyUpdated,
		/// A sequential redaction updates a model before all its affected parents.
		SequentialOutOfOrder,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Expires the open requests due at block `n`.
		fn on_initialize(n: BlockNumberFor<T>) -> Weight {
			let due = Expiries::<T>::take(n);
			let mut weight = T::DbWeight::get().reads_writes(1, 1);
			for id in due {
				weight = weight.saturating_add(Self::expire(id));
			}
			weight
		}

		fn integrity_test() {
			assert!(T::MaxRequestsPerBlock::get() >= 1, "MaxRequestsPerBlock must be at least 1");
			assert!(T::MaxAffected::get() >= T::MaxStarts::get(), "MaxAffected < MaxStarts");
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
		/// its affected set in topological order, locks the affected models (none may be
		/// locked by another open request), holds [`Config::RequestDeposit`] and schedules
		/// the expiry [`Config::RequestTtl`] blocks from now.
		#[pallet::call_index(0)]
		#[pallet::weight(Pallet::<T>::request_weight(T::MaxAffected::get()))]
		pub fn request_unlearning(
			origin: OriginFor<T>,
			start: BoundedVec<u64, T::MaxStarts>,
			classes: BoundedVec<u8, T::MaxClasses>,
			paradigm: Paradigm,
		) -> DispatchResultWithPostInfo {
			let requester = ensure_signed(origin)?;
			let mut start = start;
			ensure!(!start.is_empty(), Error::<T>::EmptyStart);
			let mut seen = BTreeSet::new();
			for tx in start.iter() {
				ensure!(seen.insert(*tx), Error::<T>::DuplicateStart);
				let live = pallet_live_chain::Txs::<T>::get(tx).ok_or(Error::<T>::UnknownTx)?;
				ensure!(live.owner == requester, Error::<T>::NotOwner);
			}
			start.sort();
			ensure!(!classes.is_empty(), Error::<T>::EmptyClasses);
			let distinct: BTreeSet<u8> = classes.iter().copied().collect();
			ensure!(distinct.len() == classes.len(), Error::<T>::DuplicateClass);

			let affected =
				pallet_live_chain::Pallet::<T>::affected_set(&start, T::MaxAffected::get())
					.map_err(|e| match e {
						AffectedError::UnknownTx => Error::<T>::UnknownTx,
						AffectedError::TooMany => Error::<T>::TooManyAffected,
					})?;
			let affected: BoundedVec<u64, T::MaxAffected> =
				affected.try_into().map_err(|_| Error::<T>::TooManyAffected)?;
			let count = affected.len().saturated_into::<u32>();
			ensure!(
				affected.iter().all(|tx| !LockedBy::<T>::contains_key(tx)),
				Error::<T>::AffectedModelLocked
			);

			let id = NextRequestId::<T>::get();
			id.checked_add(1).ok_or(Error::<T>::Overflow)?;
			let now = frame_system::Pallet::<T>::block_number();
			let expires = now.saturating_add(T::RequestTtl::get());
			Expiries::<T>::try_append(expires, id)
				.map_err(|_| Error::<T>::TooManyRequestsThisBlock)?;
			let deposit = T::RequestDeposit::get();
			T::DepositCurrency::hold(&HoldReason::RequestDeposit.into(), &requester, deposit)
				.map_err(|_| Error::<T>::InsufficientDeposit)?;
			Self::open(
				id,
				UnlearningRequest::pending(
					requester.clone(),
					start,
					classes,
					paradigm,
					affected,
					now,
					expires,
					deposit,
				),
			);
			Self::deposit_event(Event::UnlearningRequested {
				id,
				requester,
				paradigm,
				affected: count,
			});
			Ok(Some(Self::request_weight(count)).into())
		}

		/// Withdraws request `id`: only its requester, and only while it is pending (no
		/// redaction advanced it). Releases its locks and its deposit.
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::request_unlearning(T::MaxAffected::get()))]
		pub fn cancel_request(origin: OriginFor<T>, id: u64) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
			ensure!(request.requester == who, Error::<T>::NotRequester);
			ensure!(request.status == RequestStatus::Pending, Error::<T>::RequestNotPending);
			request.status = RequestStatus::Cancelled;
			Self::close(id, request);
			Self::deposit_event(Event::RequestCancelled { id });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Stores pending request `id` (the next id), locks its affected models and moves
		/// `NextRequestId` on.
		fn open(id: u64, request: RequestOf<T>) {
			for tx in request.affected.iter() {
				LockedBy::<T>::insert(tx, id);
			}
			Requests::<T>::insert(id, request);
			NextRequestId::<T>::put(id.saturating_add(1));
		}

		/// Weight of `request_unlearning` over `affected` models: the benchmarked call plus
		/// one lock per affected model, the expiry entry and the deposit hold.
		pub fn request_weight(affected: u32) -> Weight {
			<T as Config>::WeightInfo::request_unlearning(affected).saturating_add(
				T::DbWeight::get().reads_writes(2, u64::from(affected).saturating_add(3)),
			)
		}

		/// Ends request `id` (whose new status the caller set): releases its locks and its
		/// deposit, records the block and stores it.
		fn close(id: u64, mut request: RequestOf<T>) {
			for tx in request.affected.iter() {
				LockedBy::<T>::remove(tx);
			}
			// The deposit was held when the request was filed; a shortfall here could only
			// come from a slash no origin can cause, and is logged.
			if let Err(e) = T::DepositCurrency::release(
				&HoldReason::RequestDeposit.into(),
				&request.requester,
				request.deposit,
				Precision::BestEffort,
			) {
				log::warn!(target: "runtime::unlearning", "releasing deposit of {id}: {e:?}");
			}
			request.completed = Some(frame_system::Pallet::<T>::block_number());
			Requests::<T>::insert(id, request);
		}

		/// Expires request `id` if it is still open; returns the weight used.
		fn expire(id: u64) -> Weight {
			let Some(mut request) = Requests::<T>::get(id) else {
				return T::DbWeight::get().reads(1)
			};
			if !request.status.is_open() {
				return T::DbWeight::get().reads(1)
			}
			let updated = request.done.len().saturated_into::<u32>();
			let affected = request.affected.len().saturated_into::<u64>();
			request.status = RequestStatus::Expired;
			Self::close(id, request);
			Self::deposit_event(Event::RequestExpired { id, updated });
			T::DbWeight::get().reads_writes(2, affected.saturating_add(3))
		}

		/// Checks that redacting `txs` is a valid next step of request `id`.
		fn validate_step(id: u64, txs: &[u64]) -> Result<RequestOf<T>, Error<T>> {
			let request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
			ensure!(request.status != RequestStatus::Completed, Error::<T>::RequestCompleted);
			ensure!(request.status.is_open(), Error::<T>::RequestClosed);
			let affected = |tx: &u64| request.affected.binary_search(tx).is_ok();
			match request.paradigm {
				Paradigm::Parallel => {
					ensure!(txs.iter().all(affected), Error::<T>::UpdateOutsideAffected);
					ensure!(
						request.start.iter().all(|s| txs.contains(s)),
						Error::<T>::StartNotUpdated
					);
				},
				Paradigm::Sequential => {
					let [tx] = txs else { return Err(Error::<T>::SequentialStepNotSingle) };
					ensure!(affected(tx), Error::<T>::UpdateOutsideAffected);
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
		/// - `Completed` iff (parallel) one round was taken and `done ∪ skipped = affected`,
		///   or (sequential) `done` equals `affected` in size; `Pending` iff no rounds;
		/// - every start model is owned by the requester;
		/// - exactly the affected models of open requests are locked, each by its request.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let next = NextRequestId::<T>::get();
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
					RequestStatus::InProgress =>
						ensure!(r.rounds > 0 && !covered, "in-progress request inconsistent"),
					RequestStatus::Completed => ensure!(covered, "completed request not covered"),
					RequestStatus::Cancelled => ensure!(r.rounds == 0, "cancelled request with rounds"),
					RequestStatus::Expired => ensure!(!covered, "expired request was covered"),
				}
				for tx in r.affected.iter() {
					let lock = LockedBy::<T>::get(tx);
					if r.status.is_open() {
						ensure!(lock == Some(id), "affected model of an open request not locked by it");
					} else {
						ensure!(lock != Some(id), "closed request still locks a model");
					}
				}
				if r.paradigm == Paradigm::Parallel && r.status == RequestStatus::Completed {
					ensure!(r.rounds == 1, "parallel request took more than one round");
				}
				for s in r.start.iter() {
					let live = pallet_live_chain::Txs::<T>::get(s).ok_or("start model missing")?;
					ensure!(live.owner == r.requester, "start model not owned by requester");
				}
			}
			Ok(())
		}
	}

	impl<T: Config> OnRedaction for Pallet<T> {
		fn validate(id: u64, txs: &[u64]) -> DispatchResult {
			Self::validate_step(id, txs).map(|_| ()).map_err(Into::into)
		}

		fn locked_by(tx: u64) -> Option<u64> {
			LockedBy::<T>::get(tx)
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn open_bench_request<AccountId>(_who: &AccountId, txs: &[u64]) -> u64 {
			// A parallel request over exactly `txs`, stored directly (no deposit): the
			// live chain's `redact` benchmark then runs with the hook's real checks.
			let id = NextRequestId::<T>::get();
			let Some(requester) = txs
				.first()
				.and_then(|tx| pallet_live_chain::Txs::<T>::get(tx))
				.map(|live| live.owner)
			else {
				return id
			};
			let mut affected = txs.to_vec();
			affected.sort();
			let now = frame_system::Pallet::<T>::block_number();
			Self::open(
				id,
				UnlearningRequest::pending(
					requester,
					BoundedVec::truncate_from(affected.first().copied().into_iter().collect()),
					BoundedVec::truncate_from(alloc::vec![1]),
					Paradigm::Parallel,
					BoundedVec::truncate_from(affected),
					now,
					now.saturating_add(T::RequestTtl::get()),
					Default::default(),
				),
			);
			id
		}

		fn on_redacted(id: u64, txs: &[u64]) -> Result<Weight, DispatchError> {
			let mut r = Self::validate_step(id, txs)?;
			r.rounds = r.rounds.checked_add(1).ok_or(Error::<T>::Overflow)?;
			match r.paradigm {
				Paradigm::Parallel => {
					let mut done = txs.to_vec();
					done.sort();
					r.skipped = BoundedVec::truncate_from(
						r.affected.iter().filter(|t| done.binary_search(*t).is_err()).copied().collect(),
					);
					r.done = BoundedVec::truncate_from(done);
					r.status = RequestStatus::Completed;
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
			Ok(<T as Config>::WeightInfo::advance_request(size.saturated_into()))
		}

		fn max_weight() -> Weight {
			// Completion also unlocks every affected model and releases the deposit.
			<T as Config>::WeightInfo::advance_request(T::MaxAffected::get()).saturating_add(
				T::DbWeight::get()
					.writes(u64::from(T::MaxAffected::get()).saturating_add(2)),
			)
		}
	}
}
