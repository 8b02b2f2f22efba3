//! Redaction proposals: queueing the owners' updates, the head's round clock, restarts,
//! the end of a proposal, and moving the queue to a new committee's key.

use crate::{pallet::*, types::*};
use alloc::{collections::BTreeSet, vec::Vec};
use frame_support::{pallet_prelude::*, weights::Weight};
use pallet_live_chain::OnRedaction;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Saturating, UniqueSaturatedFrom},
	SaturatedConversion,
};

impl<T: Config> Pallet<T> {
	/// Queues the next redaction of `request` (see `propose_redaction`).
	pub(crate) fn propose(who: T::AccountId, request: u64) -> DispatchResult {
		let epoch = Self::active_epoch()?;
		let filed =
			pallet_unlearning::Requests::<T>::get(request).ok_or(Error::<T>::UnknownRequest)?;
		let queue = Queue::<T>::get();
		ensure!(queue.len() < T::MaxQueued::get() as usize, Error::<T>::QueueFull);
		let queued: Vec<ProposalOf<T>> = queue.iter().filter_map(Proposals::<T>::get).collect();
		let held: Vec<u64> = queued
			.iter()
			.filter(|p| p.request == request)
			.flat_map(|p| p.updates.iter().map(|(tx, _)| *tx))
			.collect();
		if filed.paradigm == pallet_unlearning::Paradigm::Parallel {
			ensure!(held.is_empty(), Error::<T>::AlreadyProposed);
		}
		let by_requester = queued
			.iter()
			.filter(|p| {
				pallet_unlearning::Requests::<T>::get(p.request)
					.is_some_and(|r| r.requester == filed.requester)
			})
			.count();
		ensure!(by_requester < T::MaxQueuedPerRequester::get() as usize, Error::<T>::TooManyQueued);
		let updates = pallet_unlearning::Pallet::<T>::next_redaction(request, &held)
			.map_err(DispatchError::from)?;
		ensure!(!updates.is_empty(), Error::<T>::NoUpdates);
		let models = updates.len();
		let root = update_set_root(updates.iter().map(|(tx, uri)| (*tx, uri.as_slice())));
		// One approval, applied in chunks in ascending id order: the whole set is checked
		// now (once: the parallel hook accepts any part of it not applied yet), and each
		// chunk again when it is applied.
		let consented: Vec<(u64, &[u8])> =
			updates.iter().map(|(tx, uri)| (*tx, uri.as_slice())).collect();
		<T as pallet_live_chain::Config>::OnRedaction::validate(request, &consented)?;
		let mut chunks: Vec<Vec<(u64, Vec<u8>)>> = Vec::new();
		let mut rest = &updates[..];
		let chunk_size = crate::costs::chunk_len::<T>(Self::threshold_of(epoch));
		for size in Self::chunk_sizes(updates.len(), chunk_size) {
			let (chunk, tail) = rest.split_at(size.min(rest.len()));
			chunks.push(chunk.iter().map(|(tx, uri)| (*tx, uri.to_vec())).collect());
			rest = tail;
		}
		let first = chunks.remove(0);
		let heights = Self::heights_of(&first)?;
		let next_heights = chunks.first().map(|next| Self::heights_of(next)).transpose()?;

		let id = NextProposalId::<T>::get();
		let count = chunks.len().saturating_add(1).saturated_into::<u32>();
		let mut proposal = Proposal {
			request,
			proposer: who,
			epoch,
			updates: first,
			heights,
			root,
			chunk: 0,
			chunks: count,
			chunk_size,
			attempt: 0,
			banned: Vec::new(),
			skipped: Vec::new(),
			phase: SignPhase::Commit,
			deadline: frame_system::Pallet::<T>::block_number(),
		};
		proposal.deadline = Self::round_deadline(&proposal, Self::threshold_of(epoch));
		let items = proposal.items().saturated_into();
		for (k, chunk) in chunks.into_iter().enumerate() {
			PendingChunks::<T>::insert(id, k.saturating_add(1).saturated_into::<u32>(), chunk);
		}
		if let Some(heights) = next_heights {
			NextHeights::<T>::insert(id, heights);
		}
		Proposals::<T>::insert(id, proposal);
		Queue::<T>::append(id);
		NextProposalId::<T>::put(id.saturating_add(1));
		Self::deposit_event(Event::RedactionProposed {
			proposal: id,
			request,
			items,
			models: models.saturated_into(),
			chunks: count,
			root,
		});
		Ok(())
	}

	/// How a proposal of `models` models is cut: chunks of `chunk_size` (its key's
	/// [`chunk_len`](crate::costs::chunk_len)), then a last one of at most `MaxFinalChunk`
	/// (its message also closes the request). One chunk when the models fit the last.
	pub fn chunk_sizes(models: usize, chunk_size: u32) -> Vec<usize> {
		let full = (chunk_size as usize).max(1);
		let last = (T::MaxFinalChunk::get() as usize).clamp(1, full);
		let before = models.saturating_sub(last);
		let mut sizes: Vec<usize> = (0..before.div_ceil(full))
			.map(|k| full.min(before.saturating_sub(k.saturating_mul(full))))
			.collect();
		sizes.push(models.min(last));
		sizes
	}

	/// The live blocks holding the models of `updates` (each header gets a new version),
	/// ascending.
	pub(crate) fn heights_of(updates: &[(u64, Vec<u8>)]) -> Result<Vec<u64>, DispatchError> {
		let mut heights = BTreeSet::new();
		for (tx, _) in updates.iter() {
			let live = pallet_live_chain::Txs::<T>::get(tx).ok_or(Error::<T>::UnknownTx)?;
			heights.insert(live.height);
		}
		Ok(heights.into_iter().collect())
	}

	/// After chunk `p.chunk` of `proposal` was applied: the next chunk's updates and
	/// headers become the proposal's, signed from a fresh attempt (round 1; the cheaters
	/// it banned stay banned) whose commitments sent ahead are its first round-1
	/// commitments; the heights of the chunk after it are looked up. `false` when it was
	/// the last chunk.
	pub(crate) fn next_chunk(proposal: u64, p: &mut ProposalOf<T>) -> Result<bool, DispatchError> {
		if p.is_last_chunk() {
			return Ok(false);
		}
		let next = p.chunk.saturating_add(1);
		let updates = PendingChunks::<T>::take(proposal, next).ok_or(Error::<T>::NoUpdates)?;
		p.heights = match NextHeights::<T>::take(proposal) {
			Some(heights) => heights,
			None => Self::heights_of(&updates)?,
		};
		if let Some(after) = PendingChunks::<T>::get(proposal, next.saturating_add(1)) {
			NextHeights::<T>::insert(proposal, Self::heights_of(&after)?);
		}
		p.updates = updates;
		p.chunk = next;
		let ahead: Vec<_> = AheadCommitments::<T>::drain_prefix(proposal).collect();
		Self::clear_attempt(proposal);
		for (member, commitments) in ahead {
			SignCommitments::<T>::insert(proposal, member, commitments);
		}
		p.attempt = p.attempt.saturating_add(1);
		p.skipped.clear();
		p.phase = SignPhase::Commit;
		p.deadline = Self::round_deadline(p, Self::threshold_of(p.epoch));
		Ok(true)
	}

	/// The threshold of `epoch`'s key (the most the runtime allows if it is gone).
	pub(crate) fn threshold_of(epoch: u32) -> u64 {
		Keys::<T>::get(epoch)
			.map(|k| u64::from(k.package.threshold))
			.unwrap_or_else(crate::costs::max_threshold::<T>)
	}

	/// The last block of a round of `p` by a key of threshold `t`: `RoundTimeout` beyond
	/// the blocks its `t` messages need ([`round_blocks`](crate::costs::round_blocks)),
	/// the completing one charged with what ends the chunk
	/// ([`chunk_end_of`](crate::costs::chunk_end_of)).
	pub(crate) fn round_deadline(p: &ProposalOf<T>, t: impl Into<u64>) -> BlockNumberFor<T> {
		let (items, t) = (crate::costs::charged::<T>(p.items(), p.updates.len()), t.into());
		let end = crate::costs::chunk_end_of::<T>(Some(p), t);
		let needed = crate::costs::round_blocks::<T>(items, t, end);
		frame_system::Pallet::<T>::block_number()
			.saturating_add(T::RoundTimeout::get())
			.saturating_add(BlockNumberFor::<T>::unique_saturated_from(needed))
	}

	/// Removes the round-1 and round-2 messages of `proposal`'s current attempt, and the
	/// commitments sent ahead for the attempt after it.
	fn clear_attempt(proposal: u64) {
		let _ = SignCommitments::<T>::clear_prefix(proposal, u32::MAX, None);
		let _ = SignShares::<T>::clear_prefix(proposal, u32::MAX, None);
		let _ = AheadCommitments::<T>::clear_prefix(proposal, u32::MAX, None);
	}

	/// Clears an attempt's messages and starts the next attempt.
	pub(crate) fn restart(proposal: u64, mut p: ProposalOf<T>) {
		Self::clear_attempt(proposal);
		p.attempt = p.attempt.saturating_add(1);
		p.phase = SignPhase::Commit;
		p.deadline = Self::round_deadline(&p, Self::threshold_of(p.epoch));
		let attempt = p.attempt;
		Proposals::<T>::insert(proposal, p);
		Self::deposit_event(Event::SigningRestarted { proposal, attempt });
	}

	/// Ends `proposal` without applying it.
	pub(crate) fn drop_proposal(proposal: u64, error: DispatchError) {
		Self::deposit_event(Event::ProposalDropped { proposal, error });
		Self::finish_proposal(proposal);
	}

	/// Removes a proposal (all its state, its chunks not applied included) and starts the
	/// clock of the new head.
	pub(crate) fn finish_proposal(proposal: u64) {
		Self::clear_attempt(proposal);
		let _ = PendingChunks::<T>::clear_prefix(proposal, u32::MAX, None);
		NextHeights::<T>::remove(proposal);
		Proposals::<T>::remove(proposal);
		Queue::<T>::mutate(|queue| queue.retain(|id| *id != proposal));
		if let Some(next) = Queue::<T>::get().first() {
			Proposals::<T>::mutate(next, |p| {
				if let Some(p) = p {
					p.deadline = Self::round_deadline(p, Self::threshold_of(p.epoch));
				}
			});
		}
	}

	/// After a resharing to epoch `epoch`: every queued proposal is signed by the new
	/// committee; the head starts a fresh attempt (its old signers' messages are void),
	/// exclusions by the old key's indices are forgotten. A proposal cut into chunks larger
	/// than the new key's threshold can sign ([`chunk_len`](crate::costs::chunk_len)) is
	/// dropped (`ChunkTooLargeForKey`): its requester proposes the rest again, cut for the
	/// new key (the parallel hook accepts any part not applied yet).
	pub(crate) fn move_queue_to(epoch: u32) {
		let most = crate::costs::chunk_len::<T>(Self::threshold_of(epoch));
		for id in Queue::<T>::get() {
			if Proposals::<T>::get(id).is_some_and(|p| p.epoch != epoch && p.chunk_size > most) {
				Self::drop_proposal(id, Error::<T>::ChunkTooLargeForKey.into());
			}
		}
		let queue = Queue::<T>::get();
		for (position, id) in queue.iter().enumerate() {
			let Some(mut p) = Proposals::<T>::get(id) else { continue };
			if p.epoch == epoch {
				continue;
			}
			p.epoch = epoch;
			p.banned.clear();
			p.skipped.clear();
			Self::deposit_event(Event::ProposalMoved { proposal: *id, epoch });
			if position == 0 {
				Self::restart(*id, p);
			} else {
				Proposals::<T>::insert(id, p);
			}
		}
	}

	/// The head proposal: drop it if its request closed; restart a round past its
	/// deadline (signers that did not answer sit out the next attempt).
	pub(crate) fn signing_timeout(proposal: u64, now: BlockNumberFor<T>) -> Weight {
		let weight = crate::costs::timeout_check_weight::<T>();
		let Some(mut p) = Proposals::<T>::get(proposal) else {
			Queue::<T>::mutate(|queue| queue.retain(|id| *id != proposal));
			return weight;
		};
		let consented: Vec<(u64, &[u8])> =
			p.updates.iter().map(|(tx, uri)| (*tx, uri.as_slice())).collect();
		if let Err(error) =
			<T as pallet_live_chain::Config>::OnRedaction::validate(p.request, &consented)
		{
			Self::drop_proposal(proposal, error);
			return weight;
		}
		if now <= p.deadline {
			return weight;
		}
		p.skipped = match &p.phase {
			SignPhase::Commit => Vec::new(),
			SignPhase::Sign { signers, .. } => signers
				.iter()
				.filter(|i| !SignShares::<T>::contains_key(proposal, i))
				.copied()
				.collect(),
		};
		Self::restart(proposal, p);
		weight
	}
}


