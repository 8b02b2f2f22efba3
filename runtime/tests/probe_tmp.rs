//! Temporary: prints the capacities the committed weights give (not committed).
use blockful_runtime::{configs, LiveChain, Runtime, Unlearning};
use frame_support::{dispatch::DispatchClass, traits::Get, weights::Weight};
use pallet_live_chain::OnRedaction;
use pallet_threshold::costs;

fn max_extrinsic() -> Weight {
	configs::RuntimeBlockWeights::get().get(DispatchClass::Normal).max_extrinsic.unwrap()
}
fn largest(lo: u32, hi: u32, fits: impl Fn(u32) -> bool) -> u32 {
	let (mut lo, mut hi) = (lo, hi);
	if !fits(lo) { return 0 }
	while lo < hi { let mid = lo + (hi - lo).div_ceil(2); if fits(mid) { lo = mid } else { hi = mid - 1 } }
	lo
}
#[test]
fn probe() {
	let committees = [4u16, 7, 16, 32];
	let motion = |u: u32| LiveChain::redact_weight(u as usize, u as usize)
		.saturating_add(<Unlearning as OnRedaction>::max_weight())
		.all_lte(configs::CommitteeMaxProposalWeight::get());
	let signing = |u: u32, n: u16| { let t = u64::from(pallet_threshold::threshold_for(n));
		costs::completing_share_weight::<Runtime>(2 * u as usize, t).all_lte(max_extrinsic()) &&
		costs::sign_commit_weight::<Runtime>(2 * u as usize, t).all_lte(max_extrinsic()) };
	println!("motion path: {}", largest(1, 5000, motion));
	for n in committees { println!("n={n} signing: {}", largest(1, 5000, |u| signing(u, n))); }
	let closing = <Unlearning as OnRedaction>::max_weight();
	println!("closing {:.1} ms", closing.ref_time() as f64 / 1e9);
	for n in committees { let t = u64::from(pallet_threshold::threshold_for(n));
		println!("n={n} final: {}", largest(1, 5000, |u| costs::completing_share_weight::<Runtime>(2 * u as usize, t).saturating_add(closing).all_lte(max_extrinsic()))); }
	let fits3 = |m: u32| costs::pipelines::<Runtime>(2 * m as usize, 3, m);
	println!("t=3 capacity: {}", largest(1, 5000, fits3));
	let affected: u32 = configs::MaxAffected::get();
	let fan_in = pallet_live_chain::MaxRefsOf::<Runtime>::get();
	let step = |m: u32, a: u32| Unlearning::request_weight(m + fan_in).saturating_add(Unlearning::request_rw_weight(a).saturating_mul(2)).all_lte(max_extrinsic());
	println!("filing step at MaxAffected {affected}: {}", largest(1, 20000, |m| step(m, affected)));
	for a in [6000u32, 8000, 10000, 11000] { println!("filing step at affected {a}: {}", largest(1, 20000, |m| step(m, a))); }
	println!("request_rw(MaxAffected) {:.1} ms; cancel {:.1}; propose {:.1}",
		Unlearning::request_rw_weight(affected).ref_time() as f64/1e9, Unlearning::cancel_weight().ref_time() as f64/1e9,
		blockful_runtime::Threshold::propose_weight().ref_time() as f64/1e9);
	println!("request_unlearning(1) {:.2} ms, slope {:.3} ms", Unlearning::request_weight(1).ref_time() as f64/1e9,
		(Unlearning::request_weight(1001).ref_time() - Unlearning::request_weight(1).ref_time()) as f64/1e12);
}
