//! The two signing rounds of a redaction: nonce commitments, then partial shares, then the
//! aggregated collisions applied through the live chain.

use crate::{pallet::*, types::*};
use alloc::{collections::BTreeSet, vec::Vec};
use blockful_chameleon::{
	threshold::{
		aggregate_batch, MemberIndex, PartialShare, Session, SigningCommitments, SigningPackage,
	},
	BatchError, ChCheck, ChError, ChRandomness,
};
use codec::Encode;
use frame_support::{pallet_prelude::*, traits::SortedMembers, weights::Weight};
use pallet_live_chain::{HeaderUpdate, TxUpdate, TxUpdateOf};
use sp_runtime::SaturatedConversion;


impl<T: Config> Pallet<T> {
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

	/// The stored round-1 commitments of `signers` for `proposal`.
	fn round1_of(
		proposal: u64,
		signers: &[MemberIndex],
	) -> Result<Vec<(MemberIndex, Vec<([u8; 32], [u8; 32])>)>, Error<T>> {
		signers
			.iter()
			.map(|i| SignCommitments::<T>::get(proposal, i).map(|c| (*i, c)).ok_or(Error::<T>::WrongPhase))
			.collect()
	}

	/// The signing packages of an attempt, one per item, from the stored commitments of
	/// `signers`.
	pub fn signing_packages(
		proposal: u64,
		p: &ProposalOf<T>,
		signers: &[MemberIndex],
	) -> Result<Vec<SigningPackage>, DispatchError> {
		Self::packages_of(p, &Self::round1_of(proposal, signers)?)
	}

	/// The signing packages of `p` from the signers' round-1 `commitments`.
	fn packages_of(
		p: &ProposalOf<T>,
		commitments: &[(MemberIndex, Vec<([u8; 32], [u8; 32])>)],
	) -> Result<Vec<SigningPackage>, DispatchError> {
		Self::items(p)?
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

	/// The digest that binds round 2 to one set of signing packages: the chain, the
	/// proposal (its request, key epoch, the root of its whole update set, the chunk and
	/// its updates and headers), the attempt, the signer set and
	/// every signer's round-1 commitments. Two forks that chose different signers or
	/// commitments give different digests.
	pub fn package_digest(
		proposal: u64,
		p: &ProposalOf<T>,
		signers: &[MemberIndex],
	) -> Result<[u8; 32], Error<T>> {
		Ok(Self::digest_of(proposal, p, &Self::round1_of(proposal, signers)?))
	}

	/// [`Self::package_digest`] of the signers' round-1 `commitments`.
	fn digest_of(
		proposal: u64,
		p: &ProposalOf<T>,
		commitments: &[(MemberIndex, Vec<([u8; 32], [u8; 32])>)],
	) -> [u8; 32] {
		sp_io::hashing::blake2_256(
			&(
				b"blockful/threshold/package",
				Self::genesis_hash(),
				proposal,
				p.request,
				p.epoch,
				p.root,
				(p.chunk, p.chunks),
				&p.updates,
				&p.heights,
				p.attempt,
				commitments,
			)
				.encode(),
		)
	}

	/// Round-1 commitments: for the head proposal's current attempt in round 1, from a
	/// committee member not excluded, one valid pair per collision, once.
	pub(crate) fn check_sign_commit(
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
		Self::validate_commitments(me, commitments)?;
		Ok(Self::commit_tag(proposal, p.chunk, attempt, me))
	}

	/// The pool tag of a member's round-1 commitments for one chunk and attempt (the same
	/// whether sent ahead or not: the pool keeps one).
	fn commit_tag(proposal: u64, chunk: u32, attempt: u32, me: MemberIndex) -> Vec<u8> {
		(b"sign-commit", proposal, chunk, attempt, me).encode()
	}

	/// Every pair is a valid non-identity point pair.
	fn validate_commitments(
		me: MemberIndex,
		commitments: &[([u8; 32], [u8; 32])],
	) -> Result<(), Error<T>> {
		for (hiding, binding) in commitments {
			SigningCommitments { signer: me, hiding: *hiding, binding: *binding }
				.validate()
				.map_err(|_| Error::<T>::InvalidNonceCommitment)?;
		}
		Ok(())
	}

	/// Is round 1 of `p`'s next chunk pipelined: may its commitments be sent ahead, while
	/// this chunk is in round 2, and does this chunk's completing share close that round?
	/// Only before the last chunk, and only when that share, closing it too, still fits one
	/// normal extrinsic at the key's threshold `t`
	/// ([`pipelines`](crate::costs::pipelines)).
	pub fn pipelined(p: &ProposalOf<T>, t: u64) -> bool {
		!p.is_last_chunk() &&
			crate::costs::pipelines::<T>(
				crate::costs::charged::<T>(p.items(), p.updates.len()),
				t,
				p.chunk_size,
			)
	}

	/// The collisions of `proposal`'s next chunk: its models and the headers of their live
	/// blocks (`None` when there is no next chunk or its heights are not known).
	pub fn next_items(proposal: u64, p: &ProposalOf<T>) -> Option<usize> {
		let models = PendingChunks::<T>::decode_len(proposal, p.chunk.saturating_add(1))?;
		let heights = NextHeights::<T>::decode_len(proposal)?;
		Some(models.saturating_add(heights))
	}

	/// Round-1 commitments sent ahead: for the head proposal's **next** chunk and attempt
	/// while its current chunk is in round 2 and pipelined, from a committee member not
	/// banned, one valid pair per collision of that chunk, once. Once the current chunk
	/// is applied (earlier in the same block) they are ordinary round-1 commitments of the
	/// new chunk and checked as such.
	pub(crate) fn check_sign_commit_ahead(
		proposal: u64,
		chunk: u32,
		attempt: u32,
		who: &T::AccountId,
		commitments: &[([u8; 32], [u8; 32])],
	) -> Result<Vec<u8>, Error<T>> {
		let current = Proposals::<T>::get(proposal).ok_or(Error::<T>::NotActiveProposal)?;
		if current.chunk == chunk {
			return Self::check_sign_commit(proposal, attempt, who, commitments);
		}
		let (p, me) = Self::signing_member(proposal, current.attempt, who)?;
		ensure!(
			chunk == p.chunk.saturating_add(1) && attempt == p.attempt.saturating_add(1),
			Error::<T>::WrongAttempt
		);
		ensure!(matches!(p.phase, SignPhase::Sign { .. }), Error::<T>::WrongPhase);
		ensure!(Self::pipelined(&p, Self::threshold_of(p.epoch)), Error::<T>::WrongPhase);
		ensure!(!p.banned.contains(&me), Error::<T>::Excluded);
		ensure!(!AheadCommitments::<T>::contains_key(proposal, me), Error::<T>::AlreadySubmitted);
		let items = Self::next_items(proposal, &p).ok_or(Error::<T>::WrongPhase)?;
		ensure!(commitments.len() == items, Error::<T>::WrongItemCount);
		Self::validate_commitments(me, commitments)?;
		Ok(Self::commit_tag(proposal, chunk, attempt, me))
	}

	/// Round-2 shares: for the head proposal's current attempt in round 2 and its package
	/// digest, from one of its signers, one per collision, once. (Their validity is checked
	/// in dispatch, so that a cheater is recorded; a share for another package never gets
	/// there: it is stale.)
	pub(crate) fn check_sign_share(
		proposal: u64,
		attempt: u32,
		who: &T::AccountId,
		package: &[u8; 32],
		shares: &[[u8; 32]],
	) -> Result<Vec<u8>, Error<T>> {
		let (p, me) = Self::signing_member(proposal, attempt, who)?;
		let SignPhase::Sign { signers, package: expected } = &p.phase else {
			return Err(Error::<T>::WrongPhase)
		};
		ensure!(signers.contains(&me), Error::<T>::NotSigner);
		ensure!(package == expected, Error::<T>::StalePackage);
		ensure!(!SignShares::<T>::contains_key(proposal, me), Error::<T>::AlreadySubmitted);
		ensure!(shares.len() == p.items(), Error::<T>::WrongItemCount);
		Ok((b"sign-share", proposal, attempt, me).encode())
	}

	/// The head proposal `proposal` at `attempt`, and `who`'s index in its key — `who` must
	/// still be on the committee (a removed member's old share signs nothing).
	pub(crate) fn signing_member(
		proposal: u64,
		attempt: u32,
		who: &T::AccountId,
	) -> Result<(ProposalOf<T>, MemberIndex), Error<T>> {
		ensure!(Queue::<T>::get().first() == Some(&proposal), Error::<T>::NotActiveProposal);
		let p = Proposals::<T>::get(proposal).ok_or(Error::<T>::NotActiveProposal)?;
		ensure!(p.attempt == attempt, Error::<T>::WrongAttempt);
		let key = Keys::<T>::get(p.epoch).ok_or(Error::<T>::NoCommitteeKey)?;
		let me = Self::index_of(&key.members, who).ok_or(Error::<T>::NotMember)?;
		ensure!(T::Committee::contains(who), Error::<T>::NotInCommittee);
		Ok((p, me))
	}

	/// Records round-1 commitments; the `t`-th closes the round ([`Self::close_round1`]).
	pub(crate) fn on_sign_commit(
		proposal: u64,
		who: &T::AccountId,
		commitments: Vec<([u8; 32], [u8; 32])>,
	) -> Result<Option<Weight>, DispatchError> {
		let mut p = Proposals::<T>::get(proposal).ok_or(Error::<T>::NotActiveProposal)?;
		let key = Keys::<T>::get(p.epoch).ok_or(Error::<T>::NoCommitteeKey)?;
		let me = Self::index_of(&key.members, who).ok_or(Error::<T>::NotMember)?;
		SignCommitments::<T>::insert(proposal, me, commitments);
		match Self::close_round1(proposal, &mut p, key.package.threshold) {
			Ok(false) => Ok(Some(crate::costs::commit_record_weight::<T>(p.items()))),
			Ok(true) => {
				Proposals::<T>::insert(proposal, p);
				Ok(None)
			},
			// Every commitment was checked on arrival, so the packages build; should the
			// live chain have changed under the proposal, drop it.
			Err(error) => {
				Self::drop_proposal(proposal, error);
				Ok(None)
			},
		}
	}

	/// Records commitments sent ahead for the next chunk; if that chunk is already being
	/// signed (its chunk before was applied earlier in this block), they are its ordinary
	/// round-1 commitments.
	pub(crate) fn on_sign_commit_ahead(
		proposal: u64,
		chunk: u32,
		who: &T::AccountId,
		commitments: Vec<([u8; 32], [u8; 32])>,
	) -> Result<Option<Weight>, DispatchError> {
		let p = Proposals::<T>::get(proposal).ok_or(Error::<T>::NotActiveProposal)?;
		if p.chunk == chunk {
			return Self::on_sign_commit(proposal, who, commitments);
		}
		let key = Keys::<T>::get(p.epoch).ok_or(Error::<T>::NoCommitteeKey)?;
		let me = Self::index_of(&key.members, who).ok_or(Error::<T>::NotMember)?;
		let items = commitments.len();
		AheadCommitments::<T>::insert(proposal, me, commitments);
		Ok(Some(crate::costs::commit_record_weight::<T>(items)))
	}

	/// Closes round 1 of `p`'s current attempt once `t` members committed: the first `t`
	/// by index sign, their package digest is fixed (`SignersChosen`). `Ok(false)` while
	/// fewer committed; an error when the packages do not build (the caller drops the
	/// proposal).
	pub(crate) fn close_round1(
		proposal: u64,
		p: &mut ProposalOf<T>,
		t: u16,
	) -> Result<bool, DispatchError> {
		let committed: Vec<MemberIndex> = SignCommitments::<T>::iter_key_prefix(proposal)
			.collect::<BTreeSet<_>>()
			.into_iter()
			.take(usize::from(t))
			.collect();
		if committed.len() < usize::from(t) {
			return Ok(false);
		}
		let round1 = Self::round1_of(proposal, &committed)?;
		Self::packages_of(p, &round1)?;
		let package = Self::digest_of(proposal, p, &round1);
		p.phase = SignPhase::Sign { signers: committed.clone(), package };
		p.deadline = Self::round_deadline(p, t);
		let attempt = p.attempt;
		Self::deposit_event(Event::SignersChosen { proposal, attempt, signers: committed });
		Ok(true)
	}

	/// Records `who`'s partial shares **unchecked** (optimistic: an honest round is
	/// verified once, by one batch over its aggregates); a share that does not complete the round is
	/// charged its record only. The last signer's message builds the sessions once and
	/// completes the round ([`Self::complete`]).
	pub(crate) fn on_sign_share(
		proposal: u64,
		who: &T::AccountId,
		shares: Vec<[u8; 32]>,
	) -> Result<Option<Weight>, DispatchError> {
		let p = Proposals::<T>::get(proposal).ok_or(Error::<T>::NotActiveProposal)?;
		let key = Keys::<T>::get(p.epoch).ok_or(Error::<T>::NoCommitteeKey)?;
		let me = Self::index_of(&key.members, who).ok_or(Error::<T>::NotMember)?;
		let SignPhase::Sign { signers, .. } = p.phase.clone() else {
			return Err(Error::<T>::WrongPhase.into());
		};
		SignShares::<T>::insert(proposal, me, shares);
		if !signers.iter().all(|i| SignShares::<T>::contains_key(proposal, i)) {
			return Ok(Some(crate::costs::share_record_weight::<T>(p.items(), signers.len())));
		}
		let sessions = match Self::signing_packages(proposal, &p, &signers).and_then(|packages| {
			Session::new_many(&key.package, &packages)
				.map_err(|_| DispatchError::from(Error::<T>::WrongItemCount))
		}) {
			Ok(sessions) => sessions,
			Err(error) => {
				Self::drop_proposal(proposal, error);
				return Ok(None);
			},
		};
		Self::complete(proposal, p, &key.members, &signers, &sessions)
	}

	/// The signers' partial shares of every collision, aggregated and checked in **one
	/// batch** ([`aggregate_batch`]: one multiscalar multiplication over the collisions'
	/// group commitments, no per-collision and no per-share check). Only when the batch
	/// fails is the first failing collision found (by bisection, about one more batch) and
	/// its partial shares checked, which names the first signer whose share does not verify
	/// against its `Y_i`: `Err((item, signer))`. Any other failure (a key package whose
	/// shares do not interpolate) is `Err((item, None))`.
	///
	/// The failing path costs no more than the honest one it replaces: the bisection's
	/// sub-batches (about `n` points in all) and `t` share checks, where the honest path
	/// goes on to the live chain's batch verification (`2n + 2` points, `2n` decompressions)
	/// and the chunk's writes.
	pub(crate) fn aggregate_all(
		sessions: &[Session],
		shares: &[(MemberIndex, Vec<[u8; 32]>)],
	) -> Result<Vec<ChRandomness>, (usize, Option<MemberIndex>)> {
		let per_item: Vec<Vec<PartialShare>> = (0..sessions.len())
			.map(|k| {
				shares
					.iter()
					.filter_map(|(signer, z)| z.get(k).map(|z| PartialShare { signer: *signer, z: *z }))
					.collect()
			})
			.collect();
		aggregate_batch(sessions, &per_item).map_err(|BatchError { index, error }| match error {
			ChError::InvalidShare { signer } => (index, Some(signer)),
			_ => (index, None),
		})
	}

	/// A signer whose partial share of collision `item` did not verify: named, counted in
	/// [`Misbehaviour`] and excluded; the attempt restarts with the others.
	fn punish_share(
		proposal: u64,
		mut p: ProposalOf<T>,
		members: &[T::AccountId],
		item: usize,
		cheater: MemberIndex,
	) {
		if let Some(member) = members.get(usize::from(cheater).saturating_sub(1)) {
			Misbehaviour::<T>::mutate(member, |n| *n = n.saturating_add(1));
			Self::deposit_event(Event::InvalidPartialShare {
				proposal,
				member: member.clone(),
				item: item.saturated_into(),
			});
		}
		p.banned.push(cheater);
		Self::restart(proposal, p);
	}

	/// Aggregates every collision ([`Self::aggregate_all`]: optimistic, one batch; a
	/// cheater is named and the attempt restarts) and applies the chunk atomically; then the proposal's next
	/// chunk is signed, or, after its last, it is finished.
	fn complete(
		proposal: u64,
		p: ProposalOf<T>,
		members: &[T::AccountId],
		signers: &[MemberIndex],
		sessions: &[Session],
	) -> Result<Option<Weight>, DispatchError> {
		let shares: Vec<(MemberIndex, Vec<[u8; 32]>)> = signers
			.iter()
			.filter_map(|i| SignShares::<T>::get(proposal, i).map(|s| (*i, s)))
			.collect();
		let rands = match Self::aggregate_all(sessions, &shares) {
			Ok(rands) => rands,
			Err((item, Some(cheater))) => {
				Self::punish_share(proposal, p, members, item, cheater);
				return Ok(None);
			},
			Err((item, None)) => {
				log::error!(target: "runtime::threshold", "aggregation of item {item} failed");
				Self::drop_proposal(proposal, Error::<T>::WrongItemCount.into());
				return Ok(None);
			},
		};
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
		let hook = match applied {
			Ok(hook) => hook,
			Err(error) => {
				Self::drop_proposal(proposal, error);
				return Ok(None);
			},
		};
		// Charged: the benchmark of this chunk's shape, plus, for the last chunk, what
		// closing this request really cost (the declared weight assumed the largest).
		let (last, t) = (p.is_last_chunk(), signers.len() as u64);
		let pipelined = Self::pipelined(&p, t);
		let mut used = crate::costs::sign_share_weight::<T>(
			crate::costs::charged::<T>(p.items(), p.updates.len()),
			t,
		)
		.saturating_add(if last { hook } else { crate::costs::next_chunk_weight::<T>(p.chunk_size) });
		let (chunk, chunks, models) = (p.chunk, p.chunks, p.updates.len().saturated_into());
		if chunks > 1 {
			let signers = signers.to_vec();
			Self::deposit_event(Event::ChunkApplied { proposal, request, chunk, chunks, models, signers });
		}
		let mut p = p;
		match Self::next_chunk(proposal, &mut p) {
			Ok(true) => {
				// Pipelined: the commitments sent ahead are the next chunk's round 1; with
				// `t` of them it closes here, and its shares can come in the next block.
				if pipelined {
					match Self::close_round1(proposal, &mut p, t.saturated_into()) {
						// Closed: the next chunk's packages were built.
						Ok(true) => used.saturating_accrue(crate::costs::ahead_weight::<T>(p.chunk_size, t)),
						// Fewer than `t` sent ahead: only their keys were read.
						Ok(false) => used.saturating_accrue(T::DbWeight::get().reads(t)),
						Err(error) => {
							used.saturating_accrue(crate::costs::ahead_weight::<T>(p.chunk_size, t));
							Self::drop_proposal(proposal, error);
							return Ok(Some(used));
						},
					}
				}
				Proposals::<T>::insert(proposal, p)
			},
			Ok(false) => {
				Self::deposit_event(Event::RedactionApplied {
					proposal,
					request,
					signers: signers.to_vec(),
					attempts: p.attempt.saturating_add(1),
				});
				Self::finish_proposal(proposal);
			},
			Err(error) => Self::drop_proposal(proposal, error),
		}
		Ok(Some(used))
	}
}

