//! Weights of the members' messages and the length of a signing round.
//!
//! The two signing messages are benchmarked (`weights.rs`) with a 3-of-4 committee, in
//! their heaviest shape. What grows with the committee is estimated here from those
//! benchmarks and the live chain's benchmarked `ch_verify` (one CH verification: a
//! two-point multiscalar multiplication and a hash):
//!
//! - per signer and collision, building a signing session (the binding factor and the
//!   signer's part of the group commitment `D_i + ρ_i·E_i`) costs half a verification,
//!   decoding its two nonce points a tenth;
//! - checking one partial share costs one verification;
//! - a DKG key package costs half a verification per member and coefficient (`n·t`
//!   scalar multiplications), a proof of knowledge or DLEQ proof one or two.
//!
//! A message is charged what it can cost at most; a round-2 share that does not complete
//! the round and a round-1 commitment that does not close it are refunded to what they
//! did. A round lasts `RoundTimeout` blocks beyond the blocks its `t` messages need at the
//! normal block weight when each is charged in full ([`round_blocks`]).

use crate::{pallet::*, types::*, WeightInfo};
use frame_support::{dispatch::DispatchClass, traits::Get, weights::Weight};
use pallet_live_chain::WeightInfo as _;
use sp_runtime::SaturatedConversion;

/// Signers the benchmarks ran with.
const BENCHMARKED_SIGNERS: u64 = 3;

fn verify<T: Config>() -> Weight {
	<T as pallet_live_chain::Config>::WeightInfo::ch_verify()
}

/// Building a signing session, per signer and collision (estimate: half a verification).
fn session_per_signer<T: Config>() -> Weight {
	verify::<T>().saturating_div(2)
}

/// Decoding a signer's nonce commitments, per collision (estimate: a tenth of one).
fn decode_per_signer<T: Config>() -> Weight {
	verify::<T>().saturating_div(10)
}

/// The key package of a run of `n` members and threshold `t`.
fn key_package<T: Config>(n: u64, t: u64) -> Weight {
	session_per_signer::<T>()
		.saturating_add(decode_per_signer::<T>())
		.saturating_mul(n.saturating_mul(t))
}

/// The largest threshold the runtime allows (`t` of `MaxMembers`).
pub fn max_threshold<T: Config>() -> u64 {
	u64::from(threshold_for(T::MaxMembers::get().saturated_into()))
}

/// Round 1, the `t`-th commitment (it builds every signing package): the benchmark plus
/// the decoding of the signers beyond the benchmark's three.
pub fn sign_commit_weight<T: Config>(items: usize, t: u64) -> Weight {
	let u = items as u64;
	<T as Config>::WeightInfo::sign_commit(items.saturated_into()).saturating_add(
		decode_per_signer::<T>().saturating_mul(u.saturating_mul(t.saturating_sub(BENCHMARKED_SIGNERS))),
	)
}

/// Round 1, a commitment that does not close the round: its checks and one write.
pub fn commit_record_weight<T: Config>(items: usize) -> Weight {
	T::DbWeight::get()
		.reads_writes(5, 2)
		.saturating_add(decode_per_signer::<T>().saturating_mul(items as u64))
}

/// Round 2, the last signer's share (it verifies, aggregates every collision and applies
/// the redaction): the benchmark plus the sessions of the signers beyond three.
pub fn sign_share_weight<T: Config>(items: usize, t: u64) -> Weight {
	let u = items as u64;
	<T as Config>::WeightInfo::sign_share(items.saturated_into()).saturating_add(
		session_per_signer::<T>()
			.saturating_mul(u.saturating_mul(t.saturating_sub(BENCHMARKED_SIGNERS))),
	)
}

/// Round 2, a share that does not complete the round: the sessions of every collision
/// and one share check each, the reads of the items and one write.
pub fn share_check_weight<T: Config>(items: usize, signers: usize) -> Weight {
	let (u, t) = (items as u64, signers as u64);
	T::DbWeight::get()
		.reads_writes(6u64.saturating_add(2u64.saturating_mul(u)).saturating_add(t), 1)
		.saturating_add(session_per_signer::<T>().saturating_mul(u.saturating_mul(t)))
		.saturating_add(verify::<T>().saturating_mul(u))
}

/// Blocks that `t` round-2 messages of `items` collisions need when each is charged in
/// full against the normal block weight (at least one per block).
pub fn round_blocks<T: Config>(items: usize, t: u64) -> u64 {
	let full = sign_share_weight::<T>(items, t)
		.max(sign_commit_weight::<T>(items, t))
		.ref_time()
		.max(1);
	let capacity = <T as frame_system::Config>::BlockWeights::get()
		.get(DispatchClass::Normal)
		.max_total
		.unwrap_or_else(|| <T as frame_system::Config>::BlockWeights::get().max_block)
		.ref_time();
	let per_block = (capacity / full).max(1);
	t.div_ceil(per_block)
}

/// A DKG phase's end: the key package and the reads and writes of the run's messages.
pub fn dkg_phase_weight<T: Config>(n: u64, t: u64) -> Weight {
	T::DbWeight::get()
		.reads_writes(3u64.saturating_mul(n).saturating_add(6), n.saturating_add(8))
		.saturating_add(key_package::<T>(n, t))
}

impl<T: Config> Pallet<T> {
	/// Weight of a member message, charged before dispatch: the most it can cost (see the
	/// module docs). The committee size is the run's or the proposal's key's (the most
	/// the runtime allows if neither is known).
	pub fn submit_weight(message: &Message) -> Weight {
		let db = T::DbWeight::get();
		let run = || {
			Dkg::<T>::get()
				.map(|r| (r.members.len() as u64, u64::from(r.threshold)))
				.unwrap_or((u64::from(T::MaxMembers::get()), max_threshold::<T>()))
		};
		let threshold_of = |proposal: &u64| {
			Proposals::<T>::get(proposal)
				.and_then(|p| Keys::<T>::get(p.epoch))
				.map(|k| u64::from(k.package.threshold))
				.unwrap_or_else(max_threshold::<T>)
		};
		match message {
			Message::DkgCommit { commitment, .. } => db
				.reads_writes(4, 3)
				.saturating_add(verify::<T>())
				.saturating_add(decode_per_signer::<T>().saturating_mul(commitment.package.commitment.len() as u64)),
			Message::DkgShare { .. } => {
				let (n, t) = run();
				db.reads_writes(3u64.saturating_add(2u64.saturating_mul(n)), 3)
					.saturating_add(dkg_phase_weight::<T>(n, t))
			},
			Message::DkgComplain { .. } => {
				let (n, t) = run();
				db.reads_writes(7, 5u64.saturating_add(n))
					.saturating_add(verify::<T>().saturating_mul(2))
					.saturating_add(session_per_signer::<T>().saturating_mul(t))
					.saturating_add(dkg_phase_weight::<T>(n, t))
			},
			Message::DkgConfirm { .. } => {
				let (n, t) = run();
				db.reads_writes(5, 2)
					.saturating_add(verify::<T>())
					.saturating_add(dkg_phase_weight::<T>(n, t))
			},
			Message::SignCommit { proposal, commitments, .. } =>
				sign_commit_weight::<T>(commitments.len(), threshold_of(proposal)),
			Message::SignShare { proposal, shares, .. } =>
				sign_share_weight::<T>(shares.len(), threshold_of(proposal)),
		}
	}

	/// Weight of `propose_redaction`: the reads of `MaxUpdates` updates and the unlearning
	/// hook's check.
	pub fn propose_weight() -> Weight {
		use pallet_live_chain::OnRedaction;
		T::DbWeight::get()
			.reads_writes(
				4u64.saturating_add(T::MaxQueued::get().into())
					.saturating_add(3u64.saturating_mul(u64::from(T::MaxUpdates::get()))),
				3,
			)
			.saturating_add(<T as pallet_live_chain::Config>::OnRedaction::max_weight())
	}
}
