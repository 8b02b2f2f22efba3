//! The configured maxima must be usable: a redaction carrying `MaxUpdates` updates, each in
//! its own live block (the heaviest shape the call accepts), plus the unlearning hook's
//! bound, must fit the committee's `MaxProposalWeight` — otherwise the largest redaction
//! the runtime allows could never be proposed — and a parallel request over `MaxAffected`
//! models must fit one redaction.

use blockful_runtime::{configs, LiveChain};
use frame_support::traits::Get;
use pallet_live_chain::OnRedaction;

/// Whether a redaction of `updates` models, each in its own live block (the heaviest shape),
/// fits both paths that can apply it: a committee motion (`LiveChain.redact` plus the
/// unlearning hook under `CommitteeMaxProposalWeight`) and the committee's threshold
/// signing (the last signer's round-2 message verifies, aggregates and applies one
/// collision per model and per live block, and must fit one normal extrinsic).
fn redaction_fits(updates: usize) -> bool {
	use frame_support::dispatch::DispatchClass;
	use pallet_threshold::WeightInfo as _;
	let motion = LiveChain::redact_weight(updates, updates)
		.saturating_add(<blockful_runtime::Unlearning as OnRedaction>::max_weight());
	let signing = ThresholdWeights::sign_share(2 * updates as u32);
	let max_extrinsic = configs::RuntimeBlockWeights::get()
		.get(DispatchClass::Normal)
		.max_extrinsic
		.expect("normal extrinsics are bounded");
	motion.all_lte(configs::CommitteeMaxProposalWeight::get()) && signing.all_lte(max_extrinsic)
}

#[test]
fn largest_redaction_fits_the_proposal_weight_cap() {
	let max = <configs::MaxUpdates as Get<u32>>::get() as usize;
	assert!(redaction_fits(max), "a redaction of MaxUpdates = {max} models does not fit");
	// And the maximum is as large as the caps allow, within 10 %.
	let bigger = max + max / 10 + 1;
	assert!(!redaction_fits(bigger), "MaxUpdates {max} could be at least {bigger}");
}

#[test]
fn a_parallel_request_fits_one_redaction() {
	let updates: u32 = configs::MaxUpdates::get();
	let affected: u32 = configs::MaxAffected::get();
	assert!(affected <= updates, "MaxAffected {affected} > MaxUpdates {updates}");
}

type LiveWeights = <blockful_runtime::Runtime as pallet_live_chain::Config>::WeightInfo;
type ArchiveWeights = <blockful_runtime::Runtime as pallet_model_archive::Config>::WeightInfo;
type ThresholdWeights = <blockful_runtime::Runtime as pallet_threshold::Config>::WeightInfo;

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
