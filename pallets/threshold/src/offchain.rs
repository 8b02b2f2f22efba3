//! The committee member's side, run by its node's off-chain worker on every new block.
//!
//! For every local `bkfl` key that holds a seat, the worker posts whatever the chain
//! waits for from that member: its DKG commitment, its encrypted shares, complaints about
//! bad shares it received or else its key confirmation, and for the redaction being
//! signed its round-1 commitments and round-2 partial shares. Everything is idempotent:
//! the chain's state says what is still missing, the pool refuses a second copy of a
//! message, and a `StorageLock` keeps two worker runs of one node apart.
//!
//! Secrets: the member's DKG polynomial and channel key are re-derived from deterministic
//! signatures of the node's `bkfe` key; its trapdoor share `x_i` is recomputed from them
//! and the public transcript when needed and never stored. Which `bkfe` key: the member's
//! commitment of each epoch names it on chain and the node uses exactly that key for that
//! epoch; for a new epoch, the key of the member's last commitment while the keystore
//! holds it, else the smallest. A key inserted or rotated later changes nothing.
//!
//! Signing nonces are random and must survive between the rounds: they are kept in the
//! node's persistent offchain storage, encrypted with a pad derived from the `bkfe` key,
//! and replaced by the public answer — with the digest of the signing packages it answered
//! — once used, so a nonce is never used twice, even across forks: on a fork whose round 2
//! has other packages the member stays silent until the next attempt. Records of finished
//! proposals and of past attempts are deleted.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use blockful_chameleon::threshold::{
	channel::{ChannelKey, SeededRng},
	dkg, round1, round2, KeyShare, MemberIndex, SigningCommitments, SigningNonces,
};
use codec::{Decode, Encode};
use frame_system::{
	offchain::{CreateBare, SubmitTransaction},
	pallet_prelude::BlockNumberFor,
};
use rand_core::RngCore;
use sp_runtime::{
	offchain::{
		storage::StorageValueRef,
		storage_lock::{StorageLock, Time},
		Duration,
	},
	traits::Convert,
	RuntimeAppPublic,
};

/// Offchain-local key of the lock between worker runs of one node.
pub const LOCK_KEY: &[u8] = b"blockful/threshold/lock";
/// Offchain-local key: any value pauses every member of this node (withheld consent).
pub const PAUSED_KEY: &[u8] = b"blockful/threshold/paused";
/// Offchain-local key: any value withholds this node's members' consent to redactions
/// (they sign nothing) while they still take part in key generation and resharing.
pub const WITHHOLD_KEY: &[u8] = b"blockful/threshold/withhold";
/// Prefix of the per-member pause flag: `PAUSED_KEY ‖ "/" ‖ SCALE(account)`.
pub fn member_paused_key<A: Encode>(account: &A) -> Vec<u8> {
	let mut key = PAUSED_KEY.to_vec();
	key.push(b'/');
	key.extend(account.encode());
	key
}

type OcwResult = Result<(), &'static str>;

/// One local member: its seat key, account and the node's `bkfe` keys.
struct Member<T: Config> {
	key: T::MemberKey,
	account: T::AccountId,
	/// The node's `bkfe` keys, smallest first.
	secrets: Vec<T::SecretKey>,
}

/// Entry point of the off-chain worker.
pub(crate) fn run<T: Config>(now: BlockNumberFor<T>) {
	if flag_set(PAUSED_KEY) {
		return;
	}
	let keys = T::MemberKey::all();
	if keys.is_empty() {
		return;
	}
	let mut secrets = T::SecretKey::all();
	if secrets.is_empty() {
		log::warn!(target: "runtime::threshold", "member key(s) but no `bkfe` key in the keystore");
		return;
	}
	secrets.sort_by_key(|k| k.to_raw_vec());
	let mut lock = StorageLock::<Time>::with_deadline(LOCK_KEY, Duration::from_millis(20_000));
	let Ok(_guard) = lock.try_lock() else { return };
	for key in keys {
		let account = T::MemberAccount::convert(key.clone());
		if flag_set(&member_paused_key(&account)) {
			continue;
		}
		let member = Member::<T> { key, account, secrets: secrets.clone() };
		if let Err(e) = dkg_step(&member) {
			log::warn!(target: "runtime::threshold", "block {now:?}: DKG step: {e}");
		}
		if flag_set(WITHHOLD_KEY) {
			continue;
		}
		if let Err(e) = sign_step(&member) {
			log::warn!(target: "runtime::threshold", "block {now:?}: signing step: {e}");
		}
	}
}

/// Is the offchain-local flag `key` set (any non-empty raw value, e.g. written with the
/// node's `offchain_localStorageSet` RPC)?
fn flag_set(key: &[u8]) -> bool {
	sp_io::offchain::local_storage_get(sp_core::offchain::StorageKind::PERSISTENT, key)
		.is_some_and(|v| !v.is_empty())
}

impl<T: Config> Member<T> {
	/// The `bkfe` key this member uses in run `epoch`: the one its commitment of that
	/// epoch names; before it committed, the one of its last commitment if the keystore
	/// holds it, else the smallest.
	fn secret(&self, epoch: u32) -> Result<&T::SecretKey, &'static str> {
		let committed = Dkg::<T>::get()
			.filter(|run| run.epoch == epoch)
			.map(|run| run.members)
			.or_else(|| Keys::<T>::get(epoch).map(|k| k.members))
			.and_then(|members| Pallet::<T>::index_of(&members, &self.account))
			.and_then(|me| DkgCommitments::<T>::get(epoch, me))
			.map(|c| c.secret_key);
		let find = |raw: &[u8]| self.secrets.iter().find(|k| k.to_raw_vec() == raw);
		match committed {
			Some(raw) => find(&raw).ok_or("the `bkfe` key named in this member's commitment is not in the keystore"),
			None => BoundSecretKeys::<T>::get(&self.account)
				.and_then(|raw| find(&raw))
				.or_else(|| self.secrets.first())
				.ok_or("no `bkfe` key"),
		}
	}

	/// A secret only this node can compute: `blake2(sign_bkfe(tag ‖ genesis ‖ account ‖
	/// epoch ‖ purpose ‖ extra))`, with the epoch's `bkfe` key.
	fn seed(&self, purpose: &[u8], epoch: u32, extra: &[u8]) -> Result<[u8; 32], &'static str> {
		let message = (
			b"blockful/threshold/seed",
			Pallet::<T>::genesis_hash(),
			&self.account,
			epoch,
			purpose,
			extra,
		)
			.encode();
		let signature = self.secret(epoch)?.sign(&message).ok_or("the `bkfe` key cannot sign")?;
		Ok(sp_io::hashing::blake2_256(&signature.encode()))
	}

	fn channel(&self, epoch: u32) -> Result<ChannelKey, &'static str> {
		Ok(ChannelKey::from_seed(&self.seed(b"channel", epoch, &[])?))
	}

	/// This member's dealing in run `epoch` (member `me` of `members`, threshold
	/// `threshold`): a fresh random polynomial from its seed, or in a resharing of
	/// `reshare`'s key one whose constant is its old share; `None` for a new member of a
	/// resharing, who deals nothing. Re-derived on every call, never stored.
	fn dealing(
		&self,
		epoch: u32,
		me: MemberIndex,
		threshold: u16,
		members: usize,
		reshare: Option<u32>,
	) -> Result<Option<(dkg::Round1Secret, dkg::Round1Package)>, &'static str> {
		let n = u16::try_from(members).map_err(|_| "committee too large")?;
		let mut rng = SeededRng::new(self.seed(b"polynomial", epoch, &[])?);
		let context = Pallet::<T>::dkg_context(epoch);
		let dealt = match reshare {
			None => dkg::part1(me, threshold, n, &context, &mut rng),
			Some(old) => {
				let Some(old_key) = Keys::<T>::get(old) else { return Err("no key to re-share") };
				if Pallet::<T>::index_of(&old_key.members, &self.account).is_none() {
					return Ok(None);
				}
				let share = key_share(self, old, &old_key)?;
				dkg::reshare_part1(&share, me, threshold, n, &context, &mut rng)
			},
		};
		dealt.map(Some).map_err(|_| "DKG dealing failed")
	}

	fn send(&self, message: Message) -> OcwResult {
		let payload = Pallet::<T>::signed_payload(&message);
		let signature = self.key.sign(&payload).ok_or("the `bkfl` key cannot sign")?;
		let call = Call::<T>::submit {
			submission: Submission { member: self.key.clone(), message },
			signature,
		};
		let xt = <T as CreateBare<Call<T>>>::create_bare(call.into());
		SubmitTransaction::<T, Call<T>>::submit_transaction(xt)
			.map_err(|_| "the pool refused the message (probably already queued)")
	}
}

/// Posts what the DKG run waits for from this member.
fn dkg_step<T: Config>(m: &Member<T>) -> OcwResult {
	let Some(run) = Dkg::<T>::get() else { return Ok(()) };
	let Some(me) = Pallet::<T>::index_of(&run.members, &m.account) else { return Ok(()) };
	let epoch = run.epoch;
	let context = Pallet::<T>::dkg_context(epoch);
	match run.phase {
		DkgPhase::Commit => {
			if DkgCommitments::<T>::contains_key(epoch, me) {
				return Ok(());
			}
			let secret_key = m.secret(epoch)?.to_raw_vec();
			let package =
				match m.dealing(epoch, me, run.threshold, run.members.len(), run.reshare)? {
					Some((_, package)) => package,
					// A new member of a resharing only receives.
					None => dkg::Round1Package {
						sender: me,
						commitment: Vec::new(),
						proof_r: [0u8; 32],
						proof_mu: [0u8; 32],
					},
				};
			let commitment =
				DkgCommitment { package, channel: m.channel(epoch)?.public(), secret_key };
			m.send(Message::DkgCommit { epoch, commitment })
		},
		DkgPhase::Share => {
			let dealer = DkgCommitments::<T>::get(epoch, me)
				.is_some_and(|c| !c.package.commitment.is_empty());
			if !dealer || DkgShares::<T>::contains_key(epoch, me) {
				return Ok(());
			}
			let Some((polynomial, _)) =
				m.dealing(epoch, me, run.threshold, run.members.len(), run.reshare)?
			else {
				return Ok(());
			};
			let channel = m.channel(epoch)?;
			let mut receivers: Vec<(MemberIndex, DkgCommitment)> =
				DkgCommitments::<T>::iter_prefix(epoch).filter(|(j, _)| *j != me).collect();
			receivers.sort_by_key(|(j, _)| *j);
			let mut shares = Vec::with_capacity(receivers.len());
			for (j, theirs) in receivers {
				let cipher = channel
					.encrypt_share(&theirs.channel, &context, me, j, &polynomial.share_for(j))
					.map_err(|_| "a member's channel key is invalid")?;
				shares.push((j, cipher));
			}
			m.send(Message::DkgShare { epoch, shares })
		},
		DkgPhase::Confirm => confirm_step(m, epoch, me, &context),
	}
}

/// Confirm phase: complain about every bad share received (once per dealer); with none,
/// prove knowledge of this member's share of the pending key.
fn confirm_step<T: Config>(m: &Member<T>, epoch: u32, me: MemberIndex, context: &[u8]) -> OcwResult {
	let channel = m.channel(epoch)?;
	let mut complained = false;
	for (dealer, shares) in DkgShares::<T>::iter_prefix(epoch) {
		if dealer == me || Disqualified::<T>::contains_key(epoch, dealer) {
			continue;
		}
		let Some(cipher) = shares.iter().find(|(j, _)| *j == me).map(|(_, c)| *c) else {
			continue;
		};
		let Some(theirs) = DkgCommitments::<T>::get(epoch, dealer) else { continue };
		let valid = channel
			.decrypt_share(&theirs.channel, context, dealer, me, &cipher)
			.and_then(|s| dkg::check_dealt_share(&theirs.package.commitment, dealer, me, &s))
			.is_ok();
		if !valid {
			complained = true;
			if DkgComplaints::<T>::contains_key(epoch, (me, dealer)) {
				continue;
			}
			let proof = channel
				.prove_shared_key(&theirs.channel, context)
				.map_err(|_| "cannot prove the channel key")?;
			m.send(Message::DkgComplain { epoch, dealer, proof })?;
		}
	}
	if complained || DkgConfirmed::<T>::contains_key(epoch, me) {
		return Ok(());
	}
	let Some(pending) = DkgPending::<T>::get() else { return Ok(()) };
	let share = key_share(m, epoch, &pending)?;
	let digest = Pallet::<T>::key_digest(&pending.package);
	let mut rng = SeededRng::new(sp_io::hashing::blake2_256(
		&(sp_io::offchain::random_seed(), m.seed(b"confirm", epoch, &digest)?).encode(),
	));
	let proof = dkg::confirm_share(&share, context, &mut rng);
	m.send(Message::DkgConfirm { epoch, key: digest, proof })
}

/// A member of the tests' node with one `bkfe` key.
#[cfg(test)]
fn test_member<T: Config>(key: T::MemberKey, secret: T::SecretKey) -> Member<T> {
	let account = T::MemberAccount::convert(key.clone());
	Member::<T> { key, account, secrets: alloc::vec![secret] }
}

/// A member's channel key of `epoch` (for tests).
#[cfg(test)]
pub(crate) fn channel_of<T: Config>(
	key: T::MemberKey,
	secret: T::SecretKey,
	epoch: u32,
) -> Result<ChannelKey, &'static str> {
	test_member::<T>(key, secret).channel(epoch)
}

/// This member's trapdoor share of `epoch` (for tests: what a node would compute).
#[cfg(test)]
pub(crate) fn key_share_of<T: Config>(
	key: T::MemberKey,
	secret: T::SecretKey,
	epoch: u32,
) -> Result<KeyShare, &'static str> {
	let committee = Keys::<T>::get(epoch).ok_or("no key for the epoch")?;
	key_share(&test_member::<T>(key, secret), epoch, &committee)
}

/// This member's trapdoor share of `key` (run `epoch`, installed or pending): its own
/// polynomial at its index plus every other qualified dealer's decrypted share, checked
/// against the key package.
fn key_share<T: Config>(
	m: &Member<T>,
	epoch: u32,
	key: &CommitteeKeyOf<T>,
) -> Result<KeyShare, &'static str> {
	let me = Pallet::<T>::index_of(&key.members, &m.account).ok_or("not a member")?;
	let context = Pallet::<T>::dkg_context(epoch);
	let channel = m.channel(epoch)?;
	let own = m.dealing(epoch, me, key.package.threshold, key.members.len(), key.reshared_from)?;
	let mut shares = Vec::with_capacity(key.qualified.len());
	for dealer in &key.qualified {
		if *dealer == me {
			let (polynomial, _) = own.as_ref().ok_or("qualified without a dealing")?;
			shares.push(polynomial.share_for(me));
			continue;
		}
		let cipher = DkgShares::<T>::get(epoch, dealer)
			.and_then(|s| s.iter().find(|(j, _)| *j == me).map(|(_, c)| *c))
			.ok_or("a qualified dealer sent this member no share")?;
		let theirs = DkgCommitments::<T>::get(epoch, dealer).ok_or("dealer without commitment")?;
		shares.push(
			channel
				.decrypt_share(&theirs.channel, &context, *dealer, me, &cipher)
				.map_err(|_| "cannot decrypt a share")?,
		);
	}
	let combined = match key.reshared_from {
		None => dkg::combine_shares(me, &shares, &key.package),
		Some(old) => {
			// Weight each dealer's share by its Lagrange coefficient in the old key.
			let old_key = Keys::<T>::get(old).ok_or("the re-shared key is gone")?;
			let weighted: Vec<(MemberIndex, [u8; 32])> = key
				.qualified
				.iter()
				.zip(shares)
				.map(|(dealer, share)| {
					let who = key.members.get(usize::from(*dealer).checked_sub(1)?)?;
					Some((Pallet::<T>::index_of(&old_key.members, who)?, share))
				})
				.collect::<Option<_>>()
				.ok_or("a dealer was not a member of the old key")?;
			dkg::combine_reshared(me, &weighted, &key.package)
		},
	};
	combined.map_err(|_| "shares do not match the key")
}

/// What a member keeps between the rounds of one signing attempt.
#[derive(Encode, Decode)]
enum NonceRecord {
	/// Round-1 nonces, `d ‖ e` per collision, encrypted with the member's pad.
	Fresh { sealed: Vec<[u8; 64]>, commitments: Vec<([u8; 32], [u8; 32])> },
	/// The nonces were used for the signing packages with digest `package`: the partial
	/// shares computed with them (public; empty while being computed).
	Answered { package: [u8; 32], shares: Vec<[u8; 32]> },
}

/// Offchain key of a member's nonce record for `(proposal, chunk, attempt)`.
pub(crate) fn nonce_key<A: Encode>(account: &A, proposal: u64, chunk: u32, attempt: u32) -> Vec<u8> {
	(b"blockful/threshold/nonces", account, proposal, chunk, attempt).encode()
}

/// Which signing attempt a nonce record is for: `(proposal, chunk, attempt)`.
type AttemptId = (u64, u32, u32);

/// Offchain key of the list of a member's nonce records.
fn nonce_index_key<A: Encode>(account: &A) -> Vec<u8> {
	(b"blockful/threshold/nonce-index", account).encode()
}

/// Local storage of one member's nonces for one attempt.
struct NonceStore {
	key: Vec<u8>,
	pad_seed: [u8; 32],
}

impl NonceStore {
	fn new<T: Config>(
		member: &Member<T>,
		epoch: u32,
		(proposal, chunk, attempt): AttemptId,
	) -> Result<Self, &'static str> {
		let key = nonce_key(&member.account, proposal, chunk, attempt);
		let pad_seed = member.seed(b"nonce-pad", epoch, &(proposal, chunk, attempt).encode())?;
		Ok(Self { key, pad_seed })
	}

	fn load(&self) -> Option<NonceRecord> {
		StorageValueRef::persistent(&self.key).get::<NonceRecord>().ok().flatten()
	}

	fn save(&self, record: &NonceRecord) {
		StorageValueRef::persistent(&self.key).set(record);
	}

	/// XORs the `d ‖ e` blocks with the member's keystream (sealing and opening alike).
	fn apply_pad(&self, blocks: &mut [[u8; 64]]) {
		let mut rng = SeededRng::new(self.pad_seed);
		for block in blocks.iter_mut() {
			let mut pad = [0u8; 64];
			rng.fill_bytes(&mut pad);
			for (b, p) in block.iter_mut().zip(pad.iter()) {
				*b ^= p;
			}
		}
	}

	/// The round-1 commitments of this attempt: fresh nonces on first use, the saved ones
	/// afterwards; `None` once they were used.
	fn commitments(&self, share: &KeyShare, items: usize) -> Option<Vec<([u8; 32], [u8; 32])>> {
		match self.load() {
			Some(NonceRecord::Fresh { commitments, .. }) => Some(commitments),
			Some(NonceRecord::Answered { .. }) => None,
			None => {
				// Fresh randomness, hedged with the member's per-attempt secret: even a broken
				// RNG gives different nonces for different attempts.
				let mut rng = SeededRng::new(sp_io::hashing::blake2_256(
					&(sp_io::offchain::random_seed(), self.pad_seed).encode(),
				));
				let mut sealed = Vec::with_capacity(items);
				let mut commitments = Vec::with_capacity(items);
				for _ in 0..items {
					let (nonces, c) = round1(share, &mut rng);
					sealed.push(nonces.to_secret_bytes());
					commitments.push((c.hiding, c.binding));
				}
				self.apply_pad(&mut sealed);
				self.save(&NonceRecord::Fresh { sealed, commitments: commitments.clone() });
				Some(commitments)
			},
		}
	}
}

/// Deletes this member's nonce records except those of `keep` (the head proposal's
/// current attempt and the next chunk's, whose commitments may be sent ahead), and
/// remembers those: records of finished proposals and past attempts are never needed
/// again (a re-org back to a past attempt finds no nonces, so the member stays silent in
/// it rather than reuse any).
fn prune_nonces<T: Config>(m: &Member<T>, keep: &[AttemptId]) {
	let index_key = nonce_index_key(&m.account);
	let index = StorageValueRef::persistent(&index_key);
	let known: Vec<AttemptId> = index.get().ok().flatten().unwrap_or_default();
	for (proposal, chunk, attempt) in known.iter().filter(|k| !keep.contains(k)) {
		StorageValueRef::persistent(&nonce_key(&m.account, *proposal, *chunk, *attempt)).clear();
	}
	if keep != known.as_slice() {
		index.set(&keep.to_vec());
	}
}

/// Posts this member's round-1 commitments or round-2 shares for the head proposal and,
/// while a chunk is in round 2 and the next one is pipelined, the next chunk's round-1
/// commitments ahead.
fn sign_step<T: Config>(m: &Member<T>) -> OcwResult {
	let head = Queue::<T>::get().first().copied().and_then(|id| Proposals::<T>::get(id).map(|p| (id, p)));
	let keep: Vec<AttemptId> = head
		.iter()
		.flat_map(|(id, p)| {
			[(*id, p.chunk, p.attempt), (*id, p.chunk.saturating_add(1), p.attempt.saturating_add(1))]
		})
		.collect();
	prune_nonces(m, &keep);
	let Some((proposal, p)) = head else { return Ok(()) };
	let Some(key) = Keys::<T>::get(p.epoch) else { return Ok(()) };
	let Some(me) = Pallet::<T>::index_of(&key.members, &m.account) else { return Ok(()) };
	match &p.phase {
		SignPhase::Commit => commit(m, proposal, &p, &key, me),
		SignPhase::Sign { signers, package } => {
			let answered = answer(m, proposal, &p, &key, me, signers, package);
			let ahead = commit_ahead(m, proposal, &p, &key, me);
			answered.and(ahead)
		},
	}
}

/// Round 1 of the current attempt: this member's commitments, unless it is excluded or
/// they are on chain already (sent ahead, say).
fn commit<T: Config>(m: &Member<T>, proposal: u64, p: &ProposalOf<T>, key: &CommitteeKeyOf<T>, me: MemberIndex) -> OcwResult {
	if !p.may_commit(me) || SignCommitments::<T>::contains_key(proposal, me) {
		return Ok(());
	}
	let store = NonceStore::new(m, p.epoch, (proposal, p.chunk, p.attempt))?;
	let share = key_share(m, p.epoch, key)?;
	let Some(commitments) = store.commitments(&share, p.items()) else { return Ok(()) };
	m.send(Message::SignCommit { proposal, attempt: p.attempt, commitments })
}

/// Round 1 of the next chunk, sent ahead while this chunk is in round 2 (pipelined): its
/// attempt is the current one plus one, its nonces a record of their own.
fn commit_ahead<T: Config>(m: &Member<T>, proposal: u64, p: &ProposalOf<T>, key: &CommitteeKeyOf<T>, me: MemberIndex) -> OcwResult {
	if !Pallet::<T>::pipelined(p, u64::from(key.package.threshold)) ||
		p.banned.contains(&me) ||
		AheadCommitments::<T>::contains_key(proposal, me)
	{
		return Ok(());
	}
	let Some(items) = Pallet::<T>::next_items(proposal, p) else { return Ok(()) };
	let (chunk, attempt) = (p.chunk.saturating_add(1), p.attempt.saturating_add(1));
	let store = NonceStore::new(m, p.epoch, (proposal, chunk, attempt))?;
	let share = key_share(m, p.epoch, key)?;
	let Some(commitments) = store.commitments(&share, items) else { return Ok(()) };
	m.send(Message::SignCommitAhead { proposal, chunk, attempt, commitments })
}

/// Round 2: this member's partial shares for the attempt's signing packages, computed
/// once with nonces marked used before the computation (see the module docs).
fn answer<T: Config>(
	m: &Member<T>,
	proposal: u64,
	p: &ProposalOf<T>,
	key: &CommitteeKeyOf<T>,
	me: MemberIndex,
	signers: &[MemberIndex],
	package: &[u8; 32],
) -> OcwResult {
	if !signers.contains(&me) || SignShares::<T>::contains_key(proposal, me) {
		return Ok(());
	}
	let attempt = p.attempt;
	let store = NonceStore::new(m, p.epoch, (proposal, p.chunk, attempt))?;
	let shares = match store.load() {
		Some(NonceRecord::Answered { package: answered, shares }) if answered == *package =>
			shares,
		Some(NonceRecord::Answered { .. }) =>
			return Err("this attempt's nonces answered other signing packages (a fork); waiting for the next attempt"),
		Some(NonceRecord::Fresh { commitments, .. })
			if SignCommitments::<T>::get(proposal, me).as_ref() != Some(&commitments) =>
			return Err("this fork holds other commitments of this member for the attempt; waiting for the next attempt"),
		Some(NonceRecord::Fresh { mut sealed, commitments }) => {
			// Mark the nonces used before computing with them.
			store.save(&NonceRecord::Answered { package: *package, shares: Vec::new() });
			let share = key_share(m, p.epoch, key)?;
			let packages = Pallet::<T>::signing_packages(proposal, p, signers)
				.map_err(|_| "cannot rebuild the signing packages")?;
			store.apply_pad(&mut sealed);
			let mut shares = Vec::with_capacity(packages.len());
			for ((secret, (hiding, binding)), signing) in
				sealed.into_iter().zip(commitments).zip(packages.iter())
			{
				let c = SigningCommitments { signer: me, hiding, binding };
				let nonces = SigningNonces::from_secret_bytes(secret, c)
					.map_err(|_| "stored nonces are corrupt")?;
				let z = round2(&share, nonces, signing).map_err(|_| "round 2 failed")?;
				shares.push(z.z);
			}
			store.save(&NonceRecord::Answered { package: *package, shares: shares.clone() });
			shares
		},
		None => return Ok(()),
	};
	if shares.len() != p.items() {
		return Err("nonces were used without an answer; waiting for the next attempt");
	}
	m.send(Message::SignShare { proposal, attempt, package: *package, shares })
}
