//! Key generation and resharing: the committee's on-chain DKG (commit, share, confirm).
//!
//! Every function here reads as one step of the run described in the crate docs: the
//! `check_*` functions decide whether a member's message fits the run (they change
//! nothing, the pool calls them too), the `on_*` functions record it, and the phase
//! functions move the run on at its deadline or as soon as everyone expected has posted.

use crate::{pallet::*, types::*};
use alloc::{collections::BTreeSet, vec::Vec};
use blockful_chameleon::threshold::{
	channel::{open_share, ChannelKey, SharedKeyProof},
	dkg::{self as ch_dkg, KeyConfirmation},
	MemberIndex, PublicKeyPackage,
};
use codec::Encode;
use frame_support::{pallet_prelude::*, traits::SortedMembers, weights::Weight};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Saturating, SaturatedConversion};

/// Longest raw `bkfe` public key a commitment may name.
pub const MAX_SECRET_KEY_LEN: usize = 64;

impl<T: Config> Pallet<T> {
	/// Starts a DKG run with the current committee (a resharing of `reshare`'s key, or a
	/// fresh key). Refused for a committee outside `1..=MaxMembers`.
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
			deadline: Self::phase_deadline(),
			reshare,
		});
		RefusedCommittee::<T>::kill();
		Self::deposit_event(Event::DkgStarted { epoch, members: n.into(), threshold });
		Ok(())
	}

	/// Starts a resharing of `epoch`'s key to the current committee: at least the old
	/// threshold of the old key's members must stay, so that they can interpolate it.
	pub(crate) fn begin_reshare(epoch: u32) -> DispatchResult {
		let old = Keys::<T>::get(epoch).ok_or(Error::<T>::NoCommitteeKey)?;
		let staying =
			T::Committee::sorted_members().iter().filter(|m| old.members.contains(m)).count();
		ensure!(staying >= usize::from(old.package.threshold), Error::<T>::NotEnoughDealers);
		Self::begin_dkg(Some(epoch))
	}

	fn phase_deadline() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number().saturating_add(T::DkgPhaseLength::get())
	}

	// ---- Checks (no state change) -----------------------------------------------------

	/// A DKG commitment: the sender's own index, a valid proof of knowledge, a usable
	/// channel key, a `bkfe` key named, once. In a resharing an old member's constant term
	/// must be its verification share in the old key, and a new member deals nothing.
	pub(crate) fn check_dkg_commit(
		epoch: u32,
		who: &T::AccountId,
		commitment: &DkgCommitment,
	) -> Result<Vec<u8>, Error<T>> {
		let (run, me) = Self::dkg_member(epoch, who, DkgPhase::Commit)?;
		ensure!(!DkgCommitments::<T>::contains_key(epoch, me), Error::<T>::AlreadySubmitted);
		ensure!(commitment.package.sender == me, Error::<T>::InvalidCommitment);
		ensure!(
			!commitment.secret_key.is_empty() && commitment.secret_key.len() <= MAX_SECRET_KEY_LEN,
			Error::<T>::InvalidCommitment
		);
		let n = u16::try_from(run.members.len()).map_err(|_| Error::<T>::BadCommittee)?;
		let context = Self::dkg_context(epoch);
		let package = &commitment.package;
		let checked = match Self::old_share_of(&run, who) {
			None if run.reshare.is_some() => package.commitment.is_empty(),
			None => ch_dkg::check_round1_package(&context, run.threshold, n, package).is_ok(),
			Some(y_o) =>
				ch_dkg::check_reshare_package(&context, run.threshold, n, package, &y_o).is_ok(),
		};
		ensure!(checked, Error::<T>::InvalidCommitment);
		ensure!(ChannelKey::check_public(&commitment.channel), Error::<T>::InvalidCommitment);
		Ok((b"dkg-commit", epoch, me).encode())
	}

	/// Encrypted shares: from a committed dealer, exactly one per other committed member in
	/// ascending order, once.
	pub(crate) fn check_dkg_share(
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

	/// A complaint (confirm phase): about another qualified dealer that sent the sender a
	/// share, with a valid DLEQ proof for the two channel keys, once per (sender, dealer).
	pub(crate) fn check_dkg_complaint(
		epoch: u32,
		who: &T::AccountId,
		dealer: MemberIndex,
		proof: &SharedKeyProof,
	) -> Result<Vec<u8>, Error<T>> {
		let (_, me) = Self::dkg_member(epoch, who, DkgPhase::Confirm)?;
		ensure!(dealer != me, Error::<T>::UnknownDealer);
		ensure!(!Disqualified::<T>::contains_key(epoch, dealer), Error::<T>::AlreadyDisqualified);
		ensure!(
			!DkgComplaints::<T>::contains_key(epoch, (me, dealer)),
			Error::<T>::AlreadySubmitted
		);
		let shares = DkgShares::<T>::get(epoch, dealer).ok_or(Error::<T>::UnknownDealer)?;
		ensure!(shares.iter().any(|(j, _)| *j == me), Error::<T>::UnknownDealer);
		let mine = DkgCommitments::<T>::get(epoch, me).ok_or(Error::<T>::NotMember)?;
		let theirs = DkgCommitments::<T>::get(epoch, dealer).ok_or(Error::<T>::UnknownDealer)?;
		proof
			.verify(&mine.channel, &theirs.channel, &Self::dkg_context(epoch))
			.map_err(|_| Error::<T>::InvalidComplaint)?;
		Ok((b"dkg-complain", epoch, me, dealer).encode())
	}

	/// A key confirmation (confirm phase): for the pending key as it is now, a valid proof
	/// of knowledge of the sender's `x_j` against its `Y_j`, once per pending key.
	pub(crate) fn check_dkg_confirm(
		epoch: u32,
		who: &T::AccountId,
		key: &[u8; 32],
		proof: &KeyConfirmation,
	) -> Result<Vec<u8>, Error<T>> {
		let (_, me) = Self::dkg_member(epoch, who, DkgPhase::Confirm)?;
		let pending = DkgPending::<T>::get().ok_or(Error::<T>::WrongPhase)?;
		ensure!(Self::key_digest(&pending.package) == *key, Error::<T>::StaleKey);
		ensure!(!DkgConfirmed::<T>::contains_key(epoch, me), Error::<T>::AlreadySubmitted);
		ch_dkg::check_confirmation(&pending.package, me, &Self::dkg_context(epoch), proof)
			.map_err(|_| Error::<T>::InvalidConfirmation)?;
		Ok((b"dkg-confirm", epoch, me, key).encode())
	}

	/// The run `epoch` in `phase`, and `who`'s index in it.
	pub(crate) fn dkg_member(
		epoch: u32,
		who: &T::AccountId,
		phase: DkgPhase,
	) -> Result<(DkgRunOf<T>, MemberIndex), Error<T>> {
		let run = Dkg::<T>::get().filter(|r| r.epoch == epoch).ok_or(Error::<T>::WrongEpoch)?;
		ensure!(run.phase == phase, Error::<T>::WrongPhase);
		let me = Self::index_of(&run.members, who).ok_or(Error::<T>::NotMember)?;
		Ok((run, me))
	}

	/// In a resharing run, `who`'s verification share `Y_o` in the key being re-shared
	/// (`who` is then a dealer); `None` for a new member or a fresh run.
	fn old_share_of(run: &DkgRunOf<T>, who: &T::AccountId) -> Option<blockful_chameleon::ChPublicKey> {
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

	/// How many qualified dealers a run needs: the new threshold for a fresh key, the old
	/// key's threshold for a resharing (to interpolate the old shares).
	fn dealers_needed(run: &DkgRunOf<T>) -> usize {
		match run.reshare.and_then(Keys::<T>::get) {
			Some(old) => usize::from(old.package.threshold),
			None => usize::from(run.threshold),
		}
	}

	// ---- Recording messages -----------------------------------------------------------

	pub(crate) fn on_dkg_commit(
		epoch: u32,
		who: &T::AccountId,
		commitment: DkgCommitment,
	) -> Result<Option<Weight>, DispatchError> {
		let (run, me) = Self::dkg_member(epoch, who, DkgPhase::Commit)?;
		BoundSecretKeys::<T>::insert(who, commitment.secret_key.clone());
		DkgCommitments::<T>::insert(epoch, me, commitment);
		if DkgCommitments::<T>::iter_key_prefix(epoch).count() == run.members.len() {
			Self::enter_phase(run, DkgPhase::Share);
		}
		Ok(None)
	}

	pub(crate) fn on_dkg_share(
		epoch: u32,
		who: &T::AccountId,
		shares: Vec<(MemberIndex, [u8; 32])>,
	) -> Result<Option<Weight>, DispatchError> {
		let (run, me) = Self::dkg_member(epoch, who, DkgPhase::Share)?;
		DkgShares::<T>::insert(epoch, me, shares);
		if DkgShares::<T>::iter_key_prefix(epoch).count() == Self::committed_dealers(epoch) {
			Self::enter_confirm(run);
		}
		Ok(None)
	}

	/// Decrypts the disputed share with the revealed channel point and blames whoever
	/// lied: the dealer (share does not match its commitment: disqualified, the pending key
	/// is recomputed without it and the confirm phase starts over) or the complainer.
	pub(crate) fn on_dkg_complaint(
		epoch: u32,
		who: &T::AccountId,
		dealer: MemberIndex,
		proof: SharedKeyProof,
	) -> Result<Option<Weight>, DispatchError> {
		let (run, me) = Self::dkg_member(epoch, who, DkgPhase::Confirm)?;
		let shares = DkgShares::<T>::get(epoch, dealer).ok_or(Error::<T>::UnknownDealer)?;
		let cipher =
			shares.iter().find(|(j, _)| *j == me).map(|(_, c)| *c).ok_or(Error::<T>::UnknownDealer)?;
		let dealt = DkgCommitments::<T>::get(epoch, dealer).ok_or(Error::<T>::UnknownDealer)?;
		let dealer_account = run
			.members
			.get(usize::from(dealer).saturating_sub(1))
			.cloned()
			.ok_or(Error::<T>::UnknownDealer)?;
		DkgComplaints::<T>::insert(epoch, (me, dealer), ());
		let justified = match open_share(&proof.shared, &Self::dkg_context(epoch), dealer, me, &cipher)
		{
			Ok(share) =>
				ch_dkg::check_dealt_share(&dealt.package.commitment, dealer, me, &share).is_err(),
			Err(_) => true,
		};
		if justified {
			Disqualified::<T>::insert(epoch, dealer, me);
			Misbehaviour::<T>::mutate(&dealer_account, |n| *n = n.saturating_add(1));
			Self::deposit_event(Event::DealerDisqualified { epoch, dealer: dealer_account, by: who.clone() });
			// The key changes: confirmations of the old one are void, and everybody gets a
			// full phase to confirm the new one.
			let _ = DkgConfirmed::<T>::clear_prefix(epoch, u32::MAX, None);
			Self::enter_confirm(run);
		} else {
			Misbehaviour::<T>::mutate(who, |n| *n = n.saturating_add(1));
			Self::deposit_event(Event::FalseComplaint { epoch, by: who.clone() });
		}
		Ok(None)
	}

	/// Records a key confirmation; the key is installed as soon as every member confirmed.
	pub(crate) fn on_dkg_confirm(
		epoch: u32,
		who: &T::AccountId,
		_proof: KeyConfirmation,
	) -> Result<Option<Weight>, DispatchError> {
		let (run, me) = Self::dkg_member(epoch, who, DkgPhase::Confirm)?;
		DkgConfirmed::<T>::insert(epoch, me, ());
		if DkgConfirmed::<T>::iter_key_prefix(epoch).count() == run.members.len() {
			Self::finish_dkg(run);
		}
		Ok(None)
	}

	// ---- Phases -----------------------------------------------------------------------

	fn enter_phase(mut run: DkgRunOf<T>, phase: DkgPhase) {
		run.phase = phase;
		run.deadline = Self::phase_deadline();
		let epoch = run.epoch;
		Dkg::<T>::put(run);
		Self::deposit_event(Event::DkgPhaseChanged { epoch, phase });
	}

	/// The shares are in (or a dealer was disqualified): the qualified dealers' commitments
	/// give the pending key, which the members now confirm for a full phase. Too few
	/// qualified dealers, a key that does not form, or a resharing that would change the
	/// key: the run fails.
	fn enter_confirm(run: DkgRunOf<T>) {
		let epoch = run.epoch;
		let qualified: Vec<(MemberIndex, DkgCommitment)> = DkgCommitments::<T>::iter_prefix(epoch)
			.filter(|(i, c)| {
				!c.package.commitment.is_empty() &&
					DkgShares::<T>::contains_key(epoch, i) &&
					!Disqualified::<T>::contains_key(epoch, i)
			})
			.collect::<alloc::collections::BTreeMap<_, _>>()
			.into_iter()
			.collect();
		let count = qualified.len().saturated_into::<u32>();
		if qualified.len() < Self::dealers_needed(&run) {
			return Self::fail_dkg(run, count);
		}
		let Some(package) = Self::key_package(&run, &qualified) else {
			return Self::fail_dkg(run, count);
		};
		let keeps_key = pallet_live_chain::ChPublicKey::<T>::get() == Some(package.group_key);
		if run.reshare.is_some() && !keeps_key {
			return Self::fail_dkg(run, count);
		}
		DkgPending::<T>::put(CommitteeKey {
			members: run.members.clone(),
			qualified: qualified.iter().map(|(i, _)| *i).collect(),
			package,
			reshared_from: run.reshare,
			confirmed: Vec::new(),
		});
		Self::enter_phase(run, DkgPhase::Confirm);
	}

	/// A DKG phase's deadline passed: move on with those that posted, or finish.
	pub(crate) fn dkg_timeout(run: DkgRunOf<T>, _now: BlockNumberFor<T>) -> Weight {
		let n = run.members.len() as u64;
		match run.phase {
			DkgPhase::Commit if Self::committed_dealers(run.epoch) >= Self::dealers_needed(&run) =>
				Self::enter_phase(run, DkgPhase::Share),
			DkgPhase::Commit => Self::fail_dkg(run, 0),
			DkgPhase::Share => Self::enter_confirm(run),
			DkgPhase::Confirm => Self::finish_dkg(run),
		}
		crate::costs::dkg_phase_weight::<T>(n)
	}

	/// Installs the pending key if at least `t` members confirmed it: a fresh key on the
	/// live chain, a re-shared one (the same key) for the new committee, whose queued
	/// proposals move to it. Members that did not confirm are named.
	fn finish_dkg(run: DkgRunOf<T>) {
		let epoch = run.epoch;
		let Some(mut key) = DkgPending::<T>::take() else { return Self::fail_dkg(run, 0) };
		let qualified = key.qualified.len().saturated_into::<u32>();
		key.confirmed = DkgConfirmed::<T>::iter_key_prefix(epoch)
			.collect::<BTreeSet<_>>()
			.into_iter()
			.collect();
		if key.confirmed.len() < usize::from(run.threshold) {
			return Self::fail_dkg(run, qualified);
		}
		let installed = match run.reshare {
			Some(_) => pallet_live_chain::ChPublicKey::<T>::get() == Some(key.package.group_key),
			None => pallet_live_chain::Pallet::<T>::install_public_key(key.package.group_key).is_ok(),
		};
		if !installed {
			return Self::fail_dkg(run, qualified);
		}
		let unconfirmed: Vec<T::AccountId> = (1..)
			.zip(key.members.iter())
			.filter(|(j, _)| key.confirmed.binary_search(j).is_err())
			.map(|(_, m)| m.clone())
			.collect();
		let group_key = key.package.group_key;
		Keys::<T>::insert(epoch, key);
		ActiveEpoch::<T>::put(epoch);
		Dkg::<T>::kill();
		Self::clear_run_scratch(epoch);
		Self::deposit_event(Event::KeyGenerated { epoch, key: group_key, qualified });
		if !unconfirmed.is_empty() {
			Self::deposit_event(Event::Unconfirmed { epoch, members: unconfirmed });
		}
		if run.reshare.is_some() {
			Self::move_queue_to(epoch);
		}
	}

	/// The public key package of a run: from the qualified dealers' commitments,
	/// Lagrange-weighted by their old indices for a resharing.
	fn key_package(
		run: &DkgRunOf<T>,
		qualified: &[(MemberIndex, DkgCommitment)],
	) -> Option<PublicKeyPackage> {
		let n = u16::try_from(run.members.len()).ok()?;
		match run.reshare {
			None => {
				let commitments: Vec<(MemberIndex, &[[u8; 32]])> = qualified
					.iter()
					.map(|(i, c)| (*i, c.package.commitment.as_slice()))
					.collect();
				ch_dkg::public_key_package(run.threshold, n, &commitments).ok()
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
				ch_dkg::reshared_public_key_package(run.threshold, n, &commitments).ok()
			},
		}
	}

	/// Ends a run without a key and deletes its transcript; a fresh key generation starts
	/// again with the current committee (a failed resharing is retried by
	/// [`Self::follow_committee`] in the next block).
	pub(crate) fn fail_dkg(run: DkgRunOf<T>, qualified: u32) {
		let epoch = run.epoch;
		Dkg::<T>::kill();
		DkgPending::<T>::kill();
		Self::clear_run_scratch(epoch);
		let _ = DkgCommitments::<T>::clear_prefix(epoch, u32::MAX, None);
		let _ = DkgShares::<T>::clear_prefix(epoch, u32::MAX, None);
		let _ = Disqualified::<T>::clear_prefix(epoch, u32::MAX, None);
		Self::deposit_event(Event::DkgFailed { epoch, qualified });
		if run.reshare.is_none() && ActiveEpoch::<T>::get().is_none() {
			let _ = Self::begin_dkg(None);
		}
	}

	/// Deletes what only the run itself needed (complaints processed, confirmations); the
	/// commitments and encrypted shares of an installed key stay: its members' nodes
	/// re-derive their shares from them.
	fn clear_run_scratch(epoch: u32) {
		let _ = DkgComplaints::<T>::clear_prefix(epoch, u32::MAX, None);
		let _ = DkgConfirmed::<T>::clear_prefix(epoch, u32::MAX, None);
	}
}
