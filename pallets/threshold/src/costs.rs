//! Weights of the members' messages and the length of a signing round.
//!
//! The messages that do the heavy work are benchmarked (`weights.rs`) over the committee
//! size `n` (with `t = t(n)` signers) and, for signing, the collisions `u`, in their
//! heaviest shape: the `t`-th round-1 commitment (builds every signing package), the last
//! signer's round-2 share (verifies, aggregates and applies the redaction), the last DKG
//! commitment, the last dealer's shares (the key package from `n·t` points) and the last
//! key confirmation (installs the key). What is not benchmarked is estimated from the live
//! chain's benchmarked `ch_verify` (one CH verification: a two-point multiscalar
//! multiplication and a hash):
//!
//! - per signer and collision, building a signing session (the binding factor and the
//!   signer's part of the group commitment `D_i + ρ_i·E_i`) costs half a verification
//!   (0.47 measured natively), decoding its two nonce points a tenth;
//! - checking one partial share costs one verification; a complaint two and a key
//!   package.
//!
//! Round 2 is optimistic: shares are stored unchecked and the completing message checks
//! every collision's aggregate in one batch; only when the batch fails is the failing
//! collision found and its `t` partial shares checked, to name the cheater
//! ([`blame_weight`]).
//!
//! Pipelined chunks: when the completing share of a chunk can also close round 1 of the
//! next one within one normal extrinsic ([`pipelines`]), the members send the next chunk's
//! commitments ahead with this chunk's shares, and the completing share is charged for
//! taking the next chunk and building its packages too ([`chunk_handover_weight`]).
//!
//! A message is charged what it can cost at most; a round-2 share that does not complete
//! the round and a round-1 commitment that does not close it are refunded to what they
//! did. A round lasts `RoundTimeout` blocks beyond the blocks its `t` messages need at the
//! normal block weight ([`round_blocks`]).

use crate::{pallet::*, types::*, WeightInfo};
use frame_support::{dispatch::DispatchClass, traits::Get, weights::Weight};
use pallet_live_chain::WeightInfo as _;
use sp_runtime::SaturatedConversion;

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

/// The largest committee the runtime allows.
pub fn max_members<T: Config>() -> u64 {
	u64::from(T::MaxMembers::get())
}

/// The largest threshold the runtime allows (`t` of `MaxMembers`).
pub fn max_threshold<T: Config>() -> u64 {
	u64::from(threshold_for(T::MaxMembers::get().saturated_into()))
}

/// The threshold of a committee of `n`.
fn threshold_of_size(n: u64) -> u64 {
	u64::from(threshold_for(n.saturated_into()))
}

/// Collisions of the signing benchmarks over the number of signers: 40, or the most a
/// redaction can carry if that is fewer.
pub fn signers_bench_items<T: Config>() -> u32 {
	T::MaxUpdates::get().saturating_mul(2).min(40)
}

/// Signers the benchmarks over `u` ran with.
const BENCHMARKED_SIGNERS: u64 = 3;

/// What each signer beyond three adds per collision, `u·(t − 3)` times: the slope of a
/// benchmark over the signers `s` (3 to the largest threshold, at
/// [`signers_bench_items`] collisions) per collision.
fn extra_signers<T: Config>(over_signers: impl Fn(u32) -> Weight, items: usize, t: u64) -> Weight {
	let top = max_threshold::<T>().max(BENCHMARKED_SIGNERS + 1);
	let per = over_signers(top.saturated_into())
		.saturating_sub(over_signers(BENCHMARKED_SIGNERS as u32))
		.saturating_div(
			(top - BENCHMARKED_SIGNERS).saturating_mul(u64::from(signers_bench_items::<T>())),
		);
	per.saturating_mul((items as u64).saturating_mul(t.saturating_sub(BENCHMARKED_SIGNERS)))
}

/// Round 1, the `t`-th commitment (it builds every signing package): the benchmark at
/// three signers plus what the signers beyond three add (benchmarked over the signers).
pub fn sign_commit_weight<T: Config>(items: usize, t: u64) -> Weight {
	let extra = t.saturating_sub(BENCHMARKED_SIGNERS);
	<T as Config>::WeightInfo::sign_commit(items.saturated_into())
		.saturating_add(extra_signers::<T>(<T as Config>::WeightInfo::sign_commit_signers, items, t))
		// Each further signer's commitments are read once, whatever the collisions.
		.saturating_add(T::DbWeight::get().reads(extra))
}

/// Round 1, a commitment that does not close the round: its checks and one write.
pub fn commit_record_weight<T: Config>(items: usize) -> Weight {
	T::DbWeight::get()
		.reads_writes(5, 2)
		.saturating_add(decode_per_signer::<T>().saturating_mul(items as u64))
}

/// Round 2, the last signer's share (it aggregates every collision, checks each sum and
/// applies the redaction): the benchmark at three signers plus what the signers beyond
/// three add (benchmarked over the signers). The figures in `weights.rs` were measured
/// while the completing share also checked its own partial shares (one verification per
/// collision more than it does now): an upper bound until they are regenerated. They were
/// measured over `u` ∈ [2, 420] and are linear in `u` (the same work per collision); chunks
/// cut for a small key's threshold ([`chunk_len`]) use the fit up to `2·MaxChunk`.
pub fn sign_share_weight<T: Config>(items: usize, t: u64) -> Weight {
	let extra = t.saturating_sub(BENCHMARKED_SIGNERS);
	<T as Config>::WeightInfo::sign_share(items.saturated_into())
		.saturating_add(extra_signers::<T>(<T as Config>::WeightInfo::sign_share_signers, items, t))
		// Each further signer's commitments and shares are read and removed once,
		// whatever the collisions.
		.saturating_add(T::DbWeight::get().reads_writes(2u64.saturating_mul(extra), 2u64.saturating_mul(extra)))
}

/// The collisions a signing message is charged for: the benchmarks' shape has one model
/// per live block (a model's writes and reads per two collisions); a proposal with more
/// models than block headers does more per collision, so it is charged two collisions
/// per model, at most the benchmarked range.
fn charged_items<T: Config>(proposal: &u64, items: usize) -> usize {
	let models = Proposals::<T>::get(proposal).map(|p| p.updates.len()).unwrap_or(0);
	charged::<T>(items, models)
}

/// [`charged_items`] of a proposal of `items` collisions over `models` models.
pub fn charged<T: Config>(items: usize, models: usize) -> usize {
	let most = max_chunk::<T>().saturating_mul(2) as usize;
	items.max(models.saturating_mul(2).min(most))
}

/// What the completing round-2 message of a proposal's **last** chunk adds to the
/// benchmark (whose chunk leaves its request open): closing a request of up to
/// `MaxAffected` models (the unlearning hook's bound).
pub fn closing_weight<T: Config>() -> Weight {
	use pallet_live_chain::OnRedaction;
	<T as pallet_live_chain::Config>::OnRedaction::max_weight()
}

/// Round 2, a share that does not complete the round: it is stored unchecked (the round
/// is verified by its aggregates), so its member's signature, the checks of its place
/// (the proposal, key, membership, every signer's share present) and one write.
pub fn share_record_weight<T: Config>(items: usize, signers: usize) -> Weight {
	let (u, t) = (items as u64, signers as u64);
	T::DbWeight::get()
		.reads_writes(6u64.saturating_add(t), 2)
		.saturating_add(verify::<T>())
		.saturating_add(decode_per_signer::<T>().saturating_mul(u))
}

/// Round 2, what naming a cheater may add to the completing share: the one batch over
/// every aggregate failed, the first failing collision is found by bisection and each of
/// its `t` partial shares is checked; nothing is applied then. The bisection's sub-batches
/// (about one more batch over the chunk's group commitments) replace work the benchmarked
/// honest path does and the failing one does not — the live chain's batch verification
/// (twice the points, with decompressions) and the chunk's writes — so only the `t` share
/// checks are added.
pub fn blame_weight<T: Config>(t: u64) -> Weight {
	verify::<T>().saturating_mul(t)
}

/// Round 2, the completing share of `items` collisions signed by `t` (before closing a
/// request): the benchmark ([`sign_share_weight`]) and naming a cheater ([`blame_weight`]).
pub fn completing_share_weight<T: Config>(items: usize, t: u64) -> Weight {
	sign_share_weight::<T>(items, t).saturating_add(blame_weight::<T>(t))
}

/// What the completing share of a chunk before the last adds to the benchmark (which
/// signed a proposal of one chunk): taking the next chunk (of up to `chunk` models),
/// looking up the live blocks of the one after it (a live record per model), clearing the
/// attempt's messages and moving the commitments sent ahead (each member's, at most).
pub fn next_chunk_weight<T: Config>(chunk: u32) -> Weight {
	let (models, members) = (u64::from(chunk), max_members::<T>());
	T::DbWeight::get().reads_writes(
		models.saturating_add(4).saturating_add(members.saturating_mul(2)),
		members.saturating_mul(4).saturating_add(4),
	)
}

/// Round 1 of the next chunk closed by the completing share of this one (pipelined):
/// building the signing packages of a chunk of `chunk` models, each in its own live block.
pub fn ahead_weight<T: Config>(chunk: u32, t: u64) -> Weight {
	sign_commit_weight::<T>(chunk.saturating_mul(2) as usize, t)
}

/// Whether the completing share of a chunk of `items` charged collisions, signed by `t`,
/// in a proposal cut into chunks of `chunk` models, can also take the next chunk and close
/// its round 1 within one normal extrinsic: then the members send their next round-1
/// commitments ahead, with this chunk's shares, and a chunk is applied per block instead
/// of one per two.
pub fn pipelines<T: Config>(items: usize, t: u64, chunk: u32) -> bool {
	completing_share_weight::<T>(items, t)
		.saturating_add(next_chunk_weight::<T>(chunk))
		.saturating_add(ahead_weight::<T>(chunk, t))
		.all_lte(max_extrinsic::<T>())
}

/// The most models any chunk may carry: the runtime's `MaxChunk`, at least `MaxUpdates`.
pub fn max_chunk<T: Config>() -> u32 {
	T::MaxChunk::get().max(T::MaxUpdates::get())
}

/// Models per chunk (every chunk but the last) of a proposal signed by a key of threshold
/// `t`: the most, up to [`max_chunk`], for which a full chunk still pipelines — its
/// completing share, with the next chunk's hand-over and packages, fits one normal
/// extrinsic — so that a small threshold applies larger chunks, one per block. When not
/// even `MaxUpdates` pipelines (the largest committees), `MaxUpdates`: the size that fits
/// one round-2 message at every committee size.
pub fn chunk_len<T: Config>(t: u64) -> u32 {
	let fits = |m: u32| pipelines::<T>(m.saturating_mul(2) as usize, t, m);
	let (floor, top) = (T::MaxUpdates::get().max(1), max_chunk::<T>());
	if !fits(floor) {
		return floor;
	}
	// Weights grow with the chunk: the largest fitting size by bisection, `lo` fits.
	let (mut lo, mut hi) = (floor, top);
	while lo < hi {
		let mid = lo.saturating_add(hi.saturating_sub(lo).div_ceil(2));
		if fits(mid) {
			lo = mid;
		} else {
			hi = mid.saturating_sub(1);
		}
	}
	lo
}

/// The most one normal extrinsic may weigh.
fn max_extrinsic<T: Config>() -> Weight {
	let weights = <T as frame_system::Config>::BlockWeights::get();
	weights.get(DispatchClass::Normal).max_extrinsic.unwrap_or(weights.max_block)
}

/// What the completing share of a chunk before the last does once the chunk is applied,
/// for a chunk of `items` charged collisions signed by `t` in a proposal cut into chunks
/// of `chunk` models: taking the next chunk ([`next_chunk_weight`]) and, when pipelined
/// ([`pipelines`]), closing its round 1 ([`ahead_weight`]).
pub fn chunk_handover_weight<T: Config>(items: usize, t: u64, chunk: u32) -> Weight {
	let next = next_chunk_weight::<T>(chunk);
	if pipelines::<T>(items, t, chunk) {
		next.saturating_add(ahead_weight::<T>(chunk, t))
	} else {
		next
	}
}

/// What the completing share of `p`'s current chunk adds to the benchmark at threshold
/// `t`: before the last chunk, handing over to the next one ([`chunk_handover_weight`]);
/// for the last, closing the request ([`closing_weight`]). `None` (the proposal is gone)
/// is charged as a last chunk.
pub fn chunk_end_of<T: Config>(p: Option<&ProposalOf<T>>, t: u64) -> Weight {
	match p {
		Some(p) if !p.is_last_chunk() => chunk_handover_weight::<T>(
			charged::<T>(p.items(), p.updates.len()),
			t,
			p.chunk_size,
		),
		_ => closing_weight::<T>(),
	}
}

/// [`chunk_end_of`] the proposal stored under `proposal`.
pub fn chunk_end_weight<T: Config>(proposal: &u64, t: u64) -> Weight {
	chunk_end_of::<T>(Proposals::<T>::get(proposal).as_ref(), t)
}

/// Blocks that the `t` messages of one signing round of `items` collisions need at the
/// normal block weight, when the completing share also does `end` after applying its
/// chunk ([`chunk_end_of`]): a message is included only while its full charge (the most
/// it can cost: the completing one's) fits what the block has left, and every message
/// but the completing one is refunded to its record (round 2's shares are stored
/// unchecked, round 1's commitments are checked on arrival); at least one and at most
/// `MaxMessagesPerBlock` messages per block.
pub fn round_blocks<T: Config>(items: usize, t: u64, end: Weight) -> u64 {
	let full = completing_share_weight::<T>(items, t)
		.saturating_add(end)
		.max(sign_commit_weight::<T>(items, t))
		.ref_time()
		.max(1);
	let record = share_record_weight::<T>(items, t.saturated_into())
		.max(commit_record_weight::<T>(items))
		.ref_time()
		.max(1);
	let capacity = <T as frame_system::Config>::BlockWeights::get()
		.get(DispatchClass::Normal)
		.max_total
		.unwrap_or_else(|| <T as frame_system::Config>::BlockWeights::get().max_block)
		.ref_time();
	let per_block = capacity
		.saturating_sub(full)
		.saturating_div(record)
		.saturating_add(1)
		.min(u64::from(T::MaxMessagesPerBlock::get()))
		.max(1);
	t.div_ceil(per_block)
}

/// The key package's work grows with its `n·t` points, faster than the linear fit over
/// `n` the benchmark gives: charged the larger of that fit and the largest committee's
/// figure scaled by the points.
fn by_points(benchmark: impl Fn(u32) -> Weight, n: u64, max_n: u64) -> Weight {
	let points = n.saturating_mul(threshold_of_size(n));
	let max_points = max_n.saturating_mul(threshold_of_size(max_n)).max(1);
	let scaled = benchmark(max_n.saturated_into())
		.saturating_mul(points)
		.saturating_div(max_points);
	benchmark(n.saturated_into()).max(scaled)
}

/// A DKG phase's end in a run of `n` members: the heavier of the two benchmarked phase
/// ends (the key package when the shares are in, installing the key when the
/// confirmations are).
pub fn dkg_phase_weight<T: Config>(n: u64) -> Weight {
	dkg_share_weight::<T>(n)
		.max(<T as Config>::WeightInfo::dkg_confirm(n.saturated_into()))
		.saturating_add(dkg_end_extra::<T>(n))
}

/// What a run's end may do beyond the benchmarked fresh-key install: a failed run deletes
/// its transcript (about `3n` entries), a resharing moves every queued proposal to the new
/// key (a read and a write each, and the head's restart) or drops it when its chunks are
/// too large for the new key (its chunks, attempt state and queue entry:
/// [`drop_writes`] each).
fn dkg_end_extra<T: Config>(n: u64) -> Weight {
	let queued = u64::from(T::MaxQueued::get());
	T::DbWeight::get().reads_writes(
		queued.saturating_mul(3).saturating_add(2),
		n.saturating_mul(3)
			.saturating_add(queued.saturating_mul(drop_writes::<T>().saturating_add(2)))
			.saturating_add(2),
	)
}

/// The head proposal's check in every block's `on_initialize`: the hook re-reads the
/// request (decoded at up to `MaxAffected` models) and the submission of each of the
/// chunk's models (at most [`max_chunk`]); a closed request drops the proposal
/// ([`drop_writes`]), a past deadline restarts it.
pub fn timeout_check_weight<T: Config>() -> Weight {
	T::DbWeight::get()
		.reads_writes(
			4u64.saturating_add(u64::from(max_chunk::<T>())),
			4u64.saturating_add(drop_writes::<T>()),
		)
		.saturating_add(pallet_unlearning::Pallet::<T>::request_rw_weight(
			<T as pallet_unlearning::Config>::MaxAffected::get(),
		))
}

/// Writes of dropping a proposal: each chunk of the largest request (at least
/// `MaxFinalChunk` models each), every member's round-1, round-2 and ahead message, the
/// proposal, its next heights and the queue.
pub fn drop_writes<T: Config>() -> u64 {
	let affected = u64::from(<T as pallet_unlearning::Config>::MaxAffected::get());
	let chunks = affected.div_ceil(u64::from(T::MaxFinalChunk::get().max(1)));
	chunks.saturating_add(max_members::<T>().saturating_mul(3)).saturating_add(4)
}

/// The last dealer's shares of a run of `n` (closes the share phase: the key package).
pub fn dkg_share_weight<T: Config>(n: u64) -> Weight {
	by_points(<T as Config>::WeightInfo::dkg_share, n, max_members::<T>())
}

impl<T: Config> Pallet<T> {
	/// Weight of a member message, charged before dispatch: the most it can cost (see the
	/// module docs). The committee size is the run's or the proposal's key's (the most
	/// the runtime allows if neither is known).
	pub fn submit_weight(message: &Message) -> Weight {
		let run_size = || {
			Dkg::<T>::get().map(|r| r.members.len() as u64).unwrap_or_else(max_members::<T>)
		};
		let threshold_of = |proposal: &u64| {
			Proposals::<T>::get(proposal)
				.and_then(|p| Keys::<T>::get(p.epoch))
				.map(|k| u64::from(k.package.threshold))
				.unwrap_or_else(max_threshold::<T>)
		};
		match message {
			Message::DkgCommit { .. } =>
				<T as Config>::WeightInfo::dkg_commit(run_size().saturated_into()),
			Message::DkgShare { .. } => dkg_share_weight::<T>(run_size()),
			Message::DkgComplain { .. } => {
				let n = run_size();
				T::DbWeight::get()
					.reads_writes(7, 5u64.saturating_add(n))
					.saturating_add(verify::<T>().saturating_mul(2))
					.saturating_add(session_per_signer::<T>().saturating_mul(threshold_of_size(n)))
					.saturating_add(dkg_phase_weight::<T>(n))
			},
			Message::DkgConfirm { .. } => {
				let n = run_size();
				<T as Config>::WeightInfo::dkg_confirm(n.saturated_into())
					.saturating_add(dkg_end_extra::<T>(n))
			},
			Message::SignCommit { proposal, commitments, .. } => sign_commit_weight::<T>(
				charged_items::<T>(proposal, commitments.len()),
				threshold_of(proposal),
			),
			Message::SignShare { proposal, shares, .. } => {
				let (t, items) = (threshold_of(proposal), charged_items::<T>(proposal, shares.len()));
				completing_share_weight::<T>(items, t).saturating_add(chunk_end_weight::<T>(proposal, t))
			},
			// Arriving after its chunk before was applied, it may close that chunk's round 1.
			Message::SignCommitAhead { proposal, commitments, .. } => sign_commit_weight::<T>(
				charged::<T>(commitments.len(), commitments.len()),
				threshold_of(proposal),
			),
		}
	}

	/// Weight of `propose_redaction`: up to `MaxAffected` models, each with its submission
	/// and live record read (sequential: each candidate's step check),
	/// the unlearning hook's check of every chunk (the request and the chunk's
	/// submissions) and the writes of the chunks after the first (at most: chunks of
	/// `MaxUpdates`, the smallest a key's threshold gives), the key read for the threshold.
	pub fn propose_weight() -> Weight {
		let affected = u64::from(<T as pallet_unlearning::Config>::MaxAffected::get());
		let chunks = (Pallet::<T>::chunk_sizes(affected.saturated_into(), T::MaxUpdates::get()).len()
			as u64)
			.max(1);
		T::DbWeight::get().reads_writes(
			5u64.saturating_add(2u64.saturating_mul(T::MaxQueued::get().into()))
				.saturating_add(affected.saturating_mul(5))
				.saturating_add(chunks),
			3u64.saturating_add(chunks),
		)
	}
}
