//! The configured maxima must be usable: a redaction carrying `MaxUpdates` updates, each in
//! its own live block (the heaviest shape the call accepts), plus the unlearning hook's
//! bound, must fit the committee's `MaxProposalWeight` — otherwise the largest redaction
//! the runtime allows could never be proposed — and a parallel request over `MaxAffected`
//! models must fit one redaction.

use blockful_runtime::{configs, LiveChain};
use frame_support::traits::Get;
use pallet_live_chain::OnRedaction;

#[test]
fn largest_redaction_fits_the_proposal_weight_cap() {
	let max = <configs::MaxUpdates as Get<u32>>::get() as usize;
	let worst = LiveChain::redact_weight(max, max)
		.saturating_add(<blockful_runtime::Unlearning as OnRedaction>::max_weight());
	let cap = configs::CommitteeMaxProposalWeight::get();
	assert!(
		worst.all_lte(cap),
		"redact({max} updates in {max} blocks) declares {worst:?}, above the proposal cap {cap:?}"
	);
	// And one more update would not fit: the maximum is as large as the cap allows,
	// within 10 %.
	let bigger = max + max / 10 + 1;
	let over = LiveChain::redact_weight(bigger, bigger)
		.saturating_add(<blockful_runtime::Unlearning as OnRedaction>::max_weight());
	assert!(!over.all_lte(cap), "MaxUpdates {max} could be at least {bigger}");
}

#[test]
fn a_parallel_request_fits_one_redaction() {
	let updates: u32 = configs::MaxUpdates::get();
	let affected: u32 = configs::MaxAffected::get();
	assert!(affected <= updates, "MaxAffected {affected} > MaxUpdates {updates}");
}
