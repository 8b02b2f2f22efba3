//! The configured maxima must be usable: a redaction carrying `MaxUpdates` updates, each in
//! its own live block (the heaviest shape the call accepts), plus the unlearning hook's
//! bound, must fit the committee's `MaxProposalWeight` — otherwise the largest redaction
//! the runtime allows could never be proposed — its last round-2 message must fit one
//! normal extrinsic for every committee size the runtime allows (4 to 32 members), its
//! `t` round-2 messages must fit the round, the last chunk of a redaction must fit with the
//! closing of the largest request, each filing step of a request's affected set and the
//! cancelling, proposing and each owner's update of a request over `MaxAffected` models must
//! fit one normal extrinsic each.

use blockful_runtime::{configs, LiveChain};
use frame_support::{traits::Get, weights::Weight};
use pallet_live_chain::OnRedaction;

/// Committee sizes the checks run for: the smallest allowed, 7, 16 and the largest.
const COMMITTEES: [u16; 4] = [4, 7, 16, 32];

fn max_extrinsic() -> frame_support::weights::Weight {
	use frame_support::dispatch::DispatchClass;
	configs::RuntimeBlockWeights::get()
		.get(DispatchClass::Normal)
		.max_extrinsic
		.expect("normal extrinsics are bounded")
}

/// Whether a redaction of `updates` models, each in its own live block (the heaviest shape),
/// fits both paths that can apply it: a committee motion (`LiveChain.redact` plus the
/// unlearning hook under `CommitteeMaxProposalWeight`) and the committee's threshold
/// signing for every allowed committee size (the last signer's round-2 message verifies,
/// aggregates and applies one collision per model and per live block, and must fit one
/// normal extrinsic; the `t`-th round-1 message builds every signing package).
fn redaction_fits(updates: usize) -> bool {
	let motion = LiveChain::redact_weight(updates, updates)
		.saturating_add(<blockful_runtime::Unlearning as OnRedaction>::max_weight());
	let signing = COMMITTEES.iter().all(|n| {
		let t = u64::from(pallet_threshold::threshold_for(*n));
		costs::completing_share_weight::<Runtime>(2 * updates, t)
			.all_lte(max_extrinsic()) &&
			costs::sign_commit_weight::<Runtime>(2 * updates, t).all_lte(max_extrinsic())
	});
	motion.all_lte(configs::CommitteeMaxProposalWeight::get()) && signing
}

use blockful_runtime::Runtime;
use pallet_threshold::costs;

#[test]
fn the_t_round_two_messages_of_the_largest_redaction_fit_the_round_for_every_committee_size() {
	use frame_support::dispatch::DispatchClass;
	let items = 2 * <configs::MaxUpdates as Get<u32>>::get() as usize;
	let capacity = configs::RuntimeBlockWeights::get()
		.get(DispatchClass::Normal)
		.max_total
		.expect("normal class bounded")
		.ref_time();
	assert!(
		u32::from(COMMITTEES[3]) == <configs::MaxThresholdMembers as Get<u32>>::get(),
		"the largest committee checked is the largest allowed"
	);
	for n in COMMITTEES {
		let t = u64::from(pallet_threshold::threshold_for(n));
		// A full chunk of this key's size (`chunk_len`), before the last: its completing
		// share also hands over to the next.
		let m = costs::chunk_len::<Runtime>(t);
		let items = items.max(2 * m as usize);
		let handover = costs::chunk_handover_weight::<Runtime>(items, t, m);
		let full = costs::completing_share_weight::<Runtime>(items, t)
			.saturating_add(handover)
			.ref_time();
		let record = costs::share_record_weight::<Runtime>(items, t as usize).ref_time();
		let blocks = costs::round_blocks::<Runtime>(items, t, handover);
		assert!(full <= capacity, "n = {n}: one round-2 message does not fit a block");
		// Each block takes messages while the full charge fits what is left; all but the
		// completing one are refunded to their record (stored unchecked).
		let per_block = (1 + (capacity - full) / record)
			.min(u64::from(<configs::MaxThresholdMessagesPerBlock as Get<u32>>::get()));
		assert!(per_block * blocks >= t, "n = {n}: {t} messages need more than {blocks} blocks");
		// Optimistic round 2: the `t` shares of the largest chunk fit one block at every
		// committee size (they took one block per signer while each share was checked).
		assert_eq!(blocks, 1, "n = {n}: round 2 takes {blocks} blocks");
		// And the round stays short: under two minutes of 2-s blocks with the wait for
		// silent members.
		let round = blocks + u64::from(configs::RoundTimeout::get());
		assert!(round <= 60, "n = {n}: a round of {round} blocks");
		println!(
			"n = {n:2}, t = {t:2}: round-2 message {:.0} ms charged, {:.2} ms refunded to; round {blocks} + {} blocks",
			full as f64 / 1e9,
			record as f64 / 1e9,
			configs::RoundTimeout::get()
		);
	}
}

#[test]
fn largest_redaction_fits_the_proposal_weight_cap() {
	let max = <configs::MaxUpdates as Get<u32>>::get() as usize;
	assert!(redaction_fits(max), "a redaction of MaxUpdates = {max} models does not fit");
	// And the maximum is as large as the caps allow, within 10 %.
	let bigger = max + max / 10 + 1;
	assert!(!redaction_fits(bigger), "MaxUpdates {max} could be at least {bigger}");
}

/// Whether the last chunk of a redaction, `updates` models each in its own live block,
/// fits one normal extrinsic for every allowed committee size: its completing round-2
/// message is charged the chunk's benchmark plus the closing of the largest request.
fn final_chunk_fits(updates: usize) -> bool {
	let closing = <blockful_runtime::Unlearning as OnRedaction>::max_weight();
	COMMITTEES.iter().all(|n| {
		let t = u64::from(pallet_threshold::threshold_for(*n));
		costs::completing_share_weight::<Runtime>(2 * updates, t)
			.saturating_add(closing)
			.all_lte(max_extrinsic())
	})
}

#[test]
fn the_final_chunk_fits_with_the_closing_of_the_largest_request() {
	let last = <configs::MaxFinalChunk as Get<u32>>::get() as usize;
	let full = <configs::MaxUpdates as Get<u32>>::get() as usize;
	assert!(last <= full, "MaxFinalChunk {last} > MaxUpdates {full}");
	assert!(final_chunk_fits(last), "a final chunk of {last} models does not fit");
	let bigger = last + last / 10 + 1;
	assert!(!final_chunk_fits(bigger), "MaxFinalChunk {last} could be at least {bigger}");
	let closing = <blockful_runtime::Unlearning as OnRedaction>::max_weight();
	assert_eq!(costs::closing_weight::<Runtime>(), closing);
	// Its round 2, the completing share charged with the closing, takes one block too.
	for n in COMMITTEES {
		let t = u64::from(pallet_threshold::threshold_for(n));
		assert_eq!(costs::round_blocks::<Runtime>(2 * last, t, closing), 1, "n = {n}");
	}
	println!("the last chunk's message also closes the request: {:.0} ms", closing.ref_time() as f64 / 1e9);
}

#[test]
fn the_largest_request_is_filed_cancelled_and_proposed_within_one_extrinsic() {
	use blockful_runtime::{Runtime, RuntimeCall, Unlearning};
	use frame_support::dispatch::GetDispatchInfo;
	let affected: u32 = configs::MaxAffected::get();
	let step = Unlearning::filing_step_weight();
	let cancel = Unlearning::cancel_weight();
	let propose = blockful_runtime::Threshold::propose_weight();
	let submit = RuntimeCall::Unlearning(pallet_unlearning::Call::<Runtime>::submit_update {
		request: 0,
		tx: 0,
		update: pallet_unlearning::ModelUpdate::Unchanged,
	})
	.get_dispatch_info()
	.call_weight;
	for (what, w) in [
		("a filing step", step),
		("cancel_request", cancel),
		("propose_redaction", propose),
		("submit_update", submit),
	] {
		assert!(w.all_lte(max_extrinsic()), "{what} over {affected} models: {w:?} > {:?}", max_extrinsic());
		println!("{what} over MaxAffected = {affected}: {:.1} ms of {:.0} ms", w.ref_time() as f64 / 1e9, max_extrinsic().ref_time() as f64 / 1e9);
	}
	// `MaxFilingStep` is as large as one extrinsic allows with the request and its search
	// state at their largest, within 10 %.
	let models: u32 = configs::MaxFilingStep::get();
	let bigger = models + models / 10 + 1;
	let over = Unlearning::request_weight(bigger + pallet_live_chain::MaxRefsOf::<Runtime>::get())
		.saturating_add(Unlearning::request_rw_weight(affected).saturating_mul(2));
	assert!(!over.all_lte(max_extrinsic()), "MaxFilingStep {models} could be at least {bigger}");
	let steps = affected.div_ceil(models);
	println!("{affected} models: filed in at most {steps} steps of {models}");
	// A request is cut into at most this many chunks, one committee approval for all.
	// (chunks of `MaxUpdates`, the smallest a key's threshold gives).
	let chunks = blockful_runtime::Threshold::chunk_sizes(affected as usize, configs::MaxUpdates::get());
	assert_eq!(chunks.iter().sum::<usize>(), affected as usize);
	assert!(chunks.iter().all(|c| *c <= configs::MaxUpdates::get() as usize));
	assert!(*chunks.last().unwrap() <= configs::MaxFinalChunk::get() as usize);
	println!("{affected} models: {} chunks", chunks.len());
}

type LiveWeights = <blockful_runtime::Runtime as pallet_live_chain::Config>::WeightInfo;
type ArchiveWeights = <blockful_runtime::Runtime as pallet_model_archive::Config>::WeightInfo;

#[test]
fn redact_per_update_slope_covers_a_verification_and_an_archive_append() {
	use pallet_live_chain::WeightInfo as _;
	use pallet_model_archive::WeightInfo as _;
	// Each further update of a redaction verifies one more collision (in the batch) and
	// appends one archive record, so its slope cannot be below those two benchmarks'.
	let slope = LiveWeights::redact(101, 10).saturating_sub(LiveWeights::redact(100, 10));
	let verify = LiveWeights::ch_verify_batch(64).saturating_sub(LiveWeights::ch_verify_batch(63));
	// A CIDv1 (59 bytes) with one reference, the typical archived record. The archive's
	// sequence counter and head (one read and one write each) are shared by all appends of
	// one redaction, so the benchmark of one `redact` counts them once, not per update.
	let shared = <blockful_runtime::Runtime as frame_system::Config>::DbWeight::get().reads_writes(2, 2);
	let append = ArchiveWeights::append(59, 1).saturating_sub(shared);
	let floor = verify.saturating_add(append);
	assert!(
		floor.ref_time() <= slope.ref_time(),
		"redact's per-update slope {slope:?} is below one batched verification {verify:?} plus one archive append {append:?}"
	);
	// The batch is what makes a redaction cheap: per item well below a single verify.
	assert!(verify.ref_time() < LiveWeights::ch_verify().ref_time());
}

#[test]
fn each_signer_beyond_three_pays_its_reads_and_writes_even_for_a_tiny_redaction() {
	// The benchmark over the signers runs at 40 collisions and its slope is charged per
	// collision; a signer's own commitment and share entries do not shrink with the
	// redaction, so they are charged on top, once per signer.
	let db = <Runtime as frame_system::Config>::DbWeight::get().reads_writes(38, 38);
	let extra = costs::sign_share_weight::<Runtime>(2, 22)
		.saturating_sub(costs::sign_share_weight::<Runtime>(2, 3));
	assert!(extra.all_gte(db), "{extra:?} < {db:?}");
}

/// The block weight the committee's messages spend on one redaction of `items` collisions
/// by `t` signers, as charged after refunds: `t − 1` round-1 commitments recorded and the
/// `t`-th building every signing package; `t − 1` round-2 shares stored unchecked and the
/// last aggregating, checking each sum and applying the redaction.
fn committee_weight(items: usize, t: u64) -> frame_support::weights::Weight {
	let others = t.saturating_sub(1);
	costs::commit_record_weight::<Runtime>(items)
		.saturating_mul(others)
		.saturating_add(costs::sign_commit_weight::<Runtime>(items, t))
		.saturating_add(costs::share_record_weight::<Runtime>(items, t as usize).saturating_mul(others))
		.saturating_add(costs::sign_share_weight::<Runtime>(items, t))
}

#[test]
fn the_archive_fee_pays_for_the_committees_blocks_at_every_committee_size() {
	use frame_support::weights::WeightToFee;
	// The members' messages are free (unsigned), so a request loop's redactions would fill
	// blocks at nobody's cost: the archive fee burned per updated model must cover its
	// archive record plus what its two collisions (the model's transaction and its live
	// block, the heaviest shape) cost the block space, at the runtime's own weight-to-fee,
	// for every committee size and request size.
	let models = <configs::MaxUpdates as Get<u32>>::get() as usize;
	let fee: u128 = <configs::ArchiveFee as Get<u128>>::get();
	// The archive record itself: about a model's live record, never freed.
	let record: u128 = <configs::ModelDeposit as Get<u128>>::get();
	let mut short = Vec::new();
	for n in COMMITTEES {
		let t = u64::from(pallet_threshold::threshold_for(n));
		for size in [1usize, models / 4, models] {
			let per_model = committee_weight(2 * size, t).ref_time() / size as u64;
			let cost = <Runtime as pallet_transaction_payment::Config>::WeightToFee::weight_to_fee(
				&frame_support::weights::Weight::from_parts(per_model, 0),
			);
			println!(
				"n = {n:2}, t = {t:2}, {size:3} models: {:.1} ms of committee block weight per model = {:.1} mBFL; archive fee {:.1} mBFL",
				per_model as f64 / 1e9,
				cost as f64 / 1e9,
				fee as f64 / 1e9
			);
			if fee < cost + record {
				short.push((n, size, cost));
			}
		}
	}
	assert!(short.is_empty(), "the archive fee {fee} does not pay the committee's blocks: (n, models, planks) {short:?}");
}

#[test]
fn the_expiries_of_one_block_take_at_most_a_quarter_of_it() {
	// Each expiry closes a request of up to `MaxAffected` models; at most
	// `MaxExpiriesPerBlock` close in one block's `on_initialize`, the rest move on.
	let db = <Runtime as frame_system::Config>::DbWeight::get();
	// The same block also goes on releasing a closed request (one `release_step`).
	let close = blockful_runtime::Unlearning::close_weight();
	let one = db.reads_writes(2, 3).saturating_add(close);
	let most = u64::from(<configs::MaxExpiriesPerBlock as Get<u32>>::get());
	let all = one.saturating_mul(most).saturating_add(db.reads_writes(2, 1)).saturating_add(close);
	let block = configs::RuntimeBlockWeights::get().max_block;
	println!(
		"{most} expiries of {:.0} ms and a release step: {:.0} ms of {:.0} ms",
		one.ref_time() as f64 / 1e9,
		all.ref_time() as f64 / 1e9,
		block.ref_time() as f64 / 1e9
	);
	assert!(all.ref_time() <= block.ref_time() / 4, "on_initialize may take more than a quarter block");
}

#[test]
fn chunks_are_as_large_as_each_committees_key_can_sign_one_per_block() {
	let floor = <configs::MaxUpdates as Get<u32>>::get();
	let top = <configs::MaxThresholdChunk as Get<u32>>::get();
	for n in COMMITTEES {
		let t = u64::from(pallet_threshold::threshold_for(n));
		let m = costs::chunk_len::<Runtime>(t);
		let items = 2 * m as usize;
		let pipelined = costs::pipelines::<Runtime>(items, t, m);
		let with_next = costs::completing_share_weight::<Runtime>(items, t)
			.saturating_add(costs::next_chunk_weight::<Runtime>(m))
			.saturating_add(costs::ahead_weight::<Runtime>(m, t));
		// Pipelined exactly when that whole charge fits one normal extrinsic.
		assert_eq!(pipelined, with_next.all_lte(max_extrinsic()), "n = {n}");
		// The largest chunk that pipelines, up to the bound; `MaxUpdates` where none does.
		assert!((floor..=top).contains(&m), "n = {n}: chunks of {m}");
		if pipelined {
			let more = m + 1;
			assert!(m == top || !costs::pipelines::<Runtime>(2 * more as usize, t, more), "n = {n}");
		} else {
			assert_eq!(m, floor, "n = {n}");
		}
		// The hand-over charged (and counted by the round's length) is the same rule.
		let ahead = if pipelined { costs::ahead_weight::<Runtime>(m, t) } else { Weight::zero() };
		let handover = costs::chunk_handover_weight::<Runtime>(items, t, m);
		assert_eq!(handover, costs::next_chunk_weight::<Runtime>(m).saturating_add(ahead), "n = {n}");
		// Round 1's closing message fits, and round 2 (the completing share charged with
		// the hand-over) takes one block.
		assert!(costs::sign_commit_weight::<Runtime>(items, t).all_lte(max_extrinsic()), "n = {n}");
		assert_eq!(costs::round_blocks::<Runtime>(items, t, handover), 1, "n = {n}");
		println!(
			"n = {n:2}, t = {t:2}: chunks of {m} models; completing share with the next chunk's round 1 {:.0} ms of {:.0} ms: {}",
			with_next.ref_time() as f64 / 1e9,
			max_extrinsic().ref_time() as f64 / 1e9,
			if pipelined { "pipelined, one chunk per block" } else { "not pipelined, two blocks per chunk" }
		);
	}
	// The bound is what the dev chain's key (four members, t = 3) can sign, within 10 %
	// either way: little of its capacity is left unused, and the signing benchmarks (whose
	// range the bound sets) do not measure far beyond the chunks in use.
	let capacity = {
		let fits = |m: u32| costs::pipelines::<Runtime>(2 * m as usize, 3, m);
		let (mut lo, mut hi) = (floor, 10 * top);
		while lo < hi {
			let mid = lo + (hi - lo).div_ceil(2);
			if fits(mid) { lo = mid } else { hi = mid - 1 }
		}
		lo
	};
	assert_eq!(costs::chunk_len::<Runtime>(3), capacity.min(top));
	assert!(
		top * 10 >= capacity * 9 && top * 10 <= capacity * 11,
		"MaxThresholdChunk {top}: t = 3 can sign chunks of {capacity}"
	);
	println!("t = 3 can sign chunks of {capacity} models; MaxThresholdChunk {top}");
}

#[test]
fn the_head_proposals_check_in_every_block_covers_its_reads_and_a_drop() {
	// Every block re-checks the head proposal's chunk against its request: one submission
	// read per model of the largest chunk, and the drop of a proposal of the largest request.
	let db = <Runtime as frame_system::Config>::DbWeight::get();
	let check = costs::timeout_check_weight::<Runtime>();
	let chunk = u64::from(<configs::MaxThresholdChunk as Get<u32>>::get());
	let chunks = u64::from(<configs::MaxAffected as Get<u32>>::get())
		.div_ceil(u64::from(<configs::MaxFinalChunk as Get<u32>>::get()));
	let least = db.reads_writes(chunk, chunks + 3 * u64::from(<configs::MaxThresholdMembers as Get<u32>>::get()));
	assert!(least.all_lte(check), "{check:?} does not cover {least:?}");
	let block = configs::RuntimeBlockWeights::get().max_block;
	println!("the head proposal's check: {:.1} ms of {:.0} ms", check.ref_time() as f64 / 1e9, block.ref_time() as f64 / 1e9);
	assert!(check.ref_time() <= block.ref_time() / 20, "the head's check may take more than 5 % of a block");
}
