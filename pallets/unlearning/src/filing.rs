//! Filing a request: its affected set computed in bounded steps.
//!
//! The affected set — the start models and every descendant — is found by a search over
//! the live chain's `Children` edges. One **step** finds at most
//! [`Config::MaxFilingStep`] new models and reads at most `MaxFilingStep × MaxRefs` edges
//! (as many as the filing benchmark's dense DAG has for that many models), so each step is
//! one bounded extrinsic: `request_unlearning` runs the first, and a request whose set is
//! larger stays [`RequestStatus::Computing`] while anyone runs the next ones with
//! `extend_request` (the requester's archive fee is held as the set grows). Other
//! transactions are included meanwhile: a step is an ordinary extrinsic.
//!
//! **Why the set stays complete over many blocks.** Every model found is locked in the step
//! that finds it (by this request, or it already was by another open one), and a locked
//! model cannot be referenced by a new model: the children of every found model are fixed
//! from then on. A model not found yet may gain children; they are found with it. A
//! computing request is listed in [`Waiting`] from its first step, so a model it found
//! that another request releases goes to it or to an earlier waiting request — never free.
//!
//! **Why the queue still drains.** A computing request takes over the models it finds that
//! a **later** waiting or computing request holds; so a queued request waits only for
//! earlier requests and for active ones (which wait for nothing), and the earliest queued
//! request is never blocked by another queued one.

use crate::pallet::*;
use crate::{Frontier, RequestStatus, WeightInfo};
use alloc::{collections::BTreeSet, vec::Vec};
use frame_support::{pallet_prelude::*, traits::fungible::MutateHold};
use pallet_live_chain::{Children, MaxRefsOf};
use sp_runtime::{SaturatedConversion, Saturating};

/// A computing request's search state as stored.
pub type FrontierOf<T> = Frontier<<T as Config>::MaxAffected>;

/// What one search step read and found.
pub(crate) struct Step {
	/// Models found in this step that were not known before, ascending.
	pub found: BTreeSet<u64>,
	/// `Children` edges read.
	pub edges: u32,
}

impl<T: Config> Pallet<T> {
	/// One bounded step of the affected-set search, reading only: takes models from the
	/// `frontier` and reads their children until the frontier is empty,
	/// `MaxFilingStep` new models were found or `MaxFilingStep × MaxRefs` edges were read,
	/// and leaves the frontier where the next step goes on. `known` (ascending) is the set
	/// found so far. Fails with `TooManyAffected` once the set would pass `MaxAffected`.
	pub(crate) fn search_step(known: &[u64], frontier: &mut FrontierOf<T>) -> Result<Step, Error<T>> {
		let most_models = T::MaxFilingStep::get() as usize;
		let most_edges = most_models.saturating_mul(MaxRefsOf::<T>::get() as usize);
		let room = (T::MaxAffected::get() as usize).saturating_sub(known.len());
		let mut step = Step { found: BTreeSet::new(), edges: 0 };
		let spent =
			|s: &Step| s.found.len() >= most_models || s.edges as usize >= most_edges;
		while !spent(&step) {
			let (node, after) = match frontier.cursor.take() {
				Some((node, last)) => (node, Some(last)),
				None => match frontier.queue.pop() {
					Some(node) => (node, None),
					None => break,
				},
			};
			let children = match after {
				Some(last) =>
					Children::<T>::iter_key_prefix_from(node, Children::<T>::hashed_key_for(node, last)),
				None => Children::<T>::iter_key_prefix(node),
			};
			for child in children {
				step.edges = step.edges.saturating_add(1);
				if known.binary_search(&child).is_err() && !step.found.contains(&child) {
					ensure!(step.found.len() < room, Error::<T>::TooManyAffected);
					step.found.insert(child);
					frontier.queue.try_push(child).map_err(|_| Error::<T>::TooManyAffected)?;
				}
				if spent(&step) {
					// Go on after this child next time (nothing left is harmless).
					frontier.cursor = Some((node, child));
					break;
				}
			}
		}
		Ok(step)
	}

	/// Adds the models `found` by a step to request `id`'s affected set (kept ascending):
	/// holds their archive fee from the requester, locks each free one, takes over each
	/// that a **later** queued request holds (that request now misses it), and counts the
	/// others — held by an earlier request or an active one — as missing in this request's
	/// [`Waiting`] entry. Fails, changing nothing, if the requester cannot pay the fee.
	pub(crate) fn take_found(
		id: u64,
		request: &mut RequestOf<T>,
		found: &BTreeSet<u64>,
	) -> Result<(), Error<T>> {
		let mut all: Vec<u64> = request.affected.to_vec();
		all.extend(found.iter().copied());
		all.sort_unstable();
		let affected: BoundedVec<u64, T::MaxAffected> =
			all.try_into().map_err(|_| Error::<T>::TooManyAffected)?;
		let fee = T::ArchiveFee::get().saturating_mul(found.len().saturated_into());
		T::DepositCurrency::hold(&HoldReason::RequestDeposit.into(), &request.requester, fee)
			.map_err(|_| Error::<T>::InsufficientDeposit)?;
		request.deposit = request.deposit.clone().saturating_add(fee);
		request.affected = affected;

		let mut waiting = Waiting::<T>::get();
		let mut missing = 0u32;
		for tx in found {
			let holder = LockedBy::<T>::get(tx);
			let later_queued = holder
				.filter(|h| *h > id)
				.and_then(|h| waiting.iter_mut().find(|(w, _)| *w == h));
			match (holder, later_queued) {
				(None, _) => LockedBy::<T>::insert(tx, id),
				(Some(_), Some(entry)) => {
					entry.1 = entry.1.saturating_add(1);
					LockedBy::<T>::insert(tx, id);
				},
				(Some(_), None) => missing = missing.saturating_add(1),
			}
		}
		if let Some(entry) = waiting.iter_mut().find(|(w, _)| *w == id) {
			entry.1 = entry.1.saturating_add(missing);
		}
		Waiting::<T>::put(waiting);
		Ok(())
	}

	/// The search of computing request `id` is complete: it becomes `Pending` (and leaves
	/// the [`Waiting`] list) if it holds every model, else `Waiting`.
	pub(crate) fn finish_search(id: u64, request: &mut RequestOf<T>) {
		let mut waiting = Waiting::<T>::get();
		let holds_all = waiting.iter().any(|(w, missing)| *w == id && *missing == 0);
		if holds_all {
			waiting.retain(|(w, _)| *w != id);
			Waiting::<T>::put(waiting);
			Self::schedule(id, request);
			Self::deposit_event(Event::RequestActivated { id });
		} else {
			request.status = RequestStatus::Waiting;
			request.expires = None;
		}
	}

	/// Weight of one filing step (`request_unlearning`, `extend_request`): the filing
	/// benchmark over `MaxFilingStep` models and one fan-in more (its dense DAG reads
	/// `MaxRefs` edges per model, as many as a step may read), plus the stored request and
	/// frontier read and written at their largest.
	pub fn filing_step_weight() -> Weight {
		Self::step_weight(T::MaxFilingStep::get(), 0)
	}

	/// Weight of a step that found `found` models and read `edges` edges.
	pub(crate) fn step_weight(found: u32, edges: u32) -> Weight {
		let fan_in = MaxRefsOf::<T>::get().max(1);
		let models = found.max(edges.div_ceil(fan_in)).min(T::MaxFilingStep::get());
		Self::request_weight(models.saturating_add(fan_in))
			.saturating_add(Self::request_rw_weight(T::MaxAffected::get()).saturating_mul(2))
	}

	/// A request with `affected` models (all of them done: its largest encoding) read,
	/// decoded, re-encoded and written back: the `request_rw` benchmark.
	pub fn request_rw_weight(affected: u32) -> Weight {
		<T as Config>::WeightInfo::request_rw(affected)
	}
}
