//! Locks of affected models and the queue of overlapping requests.
//!
//! Every affected model of an open request is locked ([`LockedBy`]) by that request or by
//! an earlier open one, so no new model can reference it while the request is open. A
//! request takes the free models of its affected set when it is filed; a model released
//! by a closing request goes to the earliest waiting request that needs it (a computing
//! request's set being the part found so far), and a waiting request that then holds its
//! whole affected set becomes active.

use crate::pallet::*;
use crate::RequestStatus;
use alloc::vec::Vec;
use frame_support::pallet_prelude::*;
use sp_runtime::{SaturatedConversion, Saturating};

impl<T: Config> Pallet<T> {
	/// Locks, for request `id`, every model of `affected` that no open request holds.
	pub(crate) fn lock_free(id: u64, affected: &[u64]) {
		for tx in affected {
			if !LockedBy::<T>::contains_key(tx) {
				LockedBy::<T>::insert(tx, id);
			}
		}
	}

	/// Releases the models request `id` holds: each goes to the earliest waiting request
	/// whose affected set has it, or becomes free. Then removes `id` from the waiting list
	/// (a cancelled waiting request) and activates every waiting request that now holds
	/// all its models, in filing order.
	pub(crate) fn release(id: u64, affected: &[u64]) {
		let mut waiting = Waiting::<T>::get();
		waiting.retain(|(w, _)| *w != id);
		// A computing request's set is the part found so far; it cannot activate yet.
		let sets: Vec<(u64, Vec<u64>, bool)> = waiting
			.iter()
			.filter_map(|(w, _)| {
				Requests::<T>::get(w)
					.map(|r| (*w, r.affected.into_inner(), r.status == RequestStatus::Computing))
			})
			.collect();
		for tx in affected {
			if LockedBy::<T>::get(tx) != Some(id) {
				continue;
			}
			match sets.iter().find(|(_, set, _)| set.binary_search(tx).is_ok()) {
				Some((next, _, _)) => {
					LockedBy::<T>::insert(tx, next);
					if let Some(entry) = waiting.iter_mut().find(|(w, _)| w == next) {
						entry.1 = entry.1.saturating_sub(1);
					}
				},
				None => LockedBy::<T>::remove(tx),
			}
		}
		let computing = |w: &u64| sets.iter().any(|(s, _, computing)| s == w && *computing);
		let ready: Vec<u64> = waiting
			.iter()
			.filter(|(w, missing)| *missing == 0 && !computing(w))
			.map(|(w, _)| *w)
			.collect();
		waiting.retain(|(w, _)| !ready.contains(w));
		Waiting::<T>::put(waiting);
		for w in ready {
			if let Some(mut request) = Requests::<T>::get(w) {
				Self::schedule(w, &mut request);
				Requests::<T>::insert(w, request);
				Self::deposit_event(Event::RequestActivated { id: w });
			}
		}
	}

	/// Lists request `id` to expire at the first block from `from` whose [`Expiries`]
	/// have room, trying at most `MaxWaiting + MaxRequestsPerBlock + 1` blocks; returns the
	/// block and the blocks tried.
	pub(crate) fn expiry_slot(
		id: u64,
		from: frame_system::pallet_prelude::BlockNumberFor<T>,
	) -> (frame_system::pallet_prelude::BlockNumberFor<T>, u32) {
		let mut at = from;
		let tries = T::MaxWaiting::get().saturating_add(T::MaxRequestsPerBlock::get());
		for tried in 0..=tries {
			if Expiries::<T>::try_append(at, id).is_ok() {
				return (at, tried.saturating_add(1));
			}
			at = at.saturating_add(1u32.into());
		}
		(at, tries.saturating_add(1))
	}

	/// Makes request `id` (which holds all its models) pending: owners' updates from now,
	/// the fallback after [`UpdateWindow`], expiry [`Config::RequestTtl`] blocks from now
	/// (or the first later block with room in [`Expiries`]).
	pub(crate) fn schedule(id: u64, request: &mut RequestOf<T>) {
		let now = frame_system::Pallet::<T>::block_number();
		let (expires, _) = Self::expiry_slot(id, now.saturating_add(T::RequestTtl::get()));
		request.activate(now, now.saturating_add(UpdateWindow::<T>::get()), expires);
		debug_assert_eq!(request.status, RequestStatus::Pending);
		log::debug!(
			target: "runtime::unlearning",
			"request {id} active: {} models, expires at {:?}",
			request.affected.len().saturated_into::<u32>(),
			expires
		);
	}
}
