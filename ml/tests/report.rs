//! The report's summary, targets and audit verdict on a hand-made report whose numbers are
//! known (no training).

use blockful_ml::mia::{Interval, Verdict};
use blockful_ml::provenance::Provenance;
use blockful_ml::report::{Report, METHODS};
use blockful_ml::synthetic::TINY;
use blockful_ml::topology::Topology;
use serde_json::json;

/// Two affected models (s is a start, y inherits) under the five methods; AD_r test and the
/// times are chosen so that every summary figure is known.
fn report(start_low: f64) -> Report {
	// (method, AD_r test of s, of y, AD_f test of s, of y, times of s, times of y)
	let rows = [
		("original", 0.80, 0.90, 0.95, 0.40, vec![], vec![]),
		("retrain", 0.85, 0.92, 0.0, 0.0, vec![1.0, 1.2, 1.1], vec![9.0, 11.0, 10.0]),
		("ga", 0.60, 0.91, 0.0, 0.10, vec![0.1, 0.1, 0.1], vec![0.5, 0.4, 0.6]),
		("ga_repair_starts", 0.84, 0.90, 0.0, 0.0, vec![0.3, 0.3, 0.3], vec![1.0, 1.0, 1.0]),
		("ga_repair", 0.86, 0.88, 0.0, 0.0, vec![0.3, 0.3, 0.3], vec![2.0, 2.0, 2.0]),
	];
	let mut results = Vec::new();
	for (method, rs, ry, fs, fy, ts, ty) in rows {
		for (id, r, f, t) in [("s", rs, fs, ts), ("y", ry, fy, ty)] {
			let time = blockful_ml::report::Timing::of(&t);
			let low = if id == "s" && method == "original" { start_low } else { 0.45 };
			results.push(json!({
				"model_id": id, "method": method,
				"ad_f_train": f, "ad_r_train": r, "ad_f_test": f, "ad_r_test": r, "ad_r_test_all": r,
				"mia": {"value": low + 0.05, "low": low, "high": low + 0.1},
				"seconds": time.median, "time": time,
			}));
		}
	}
	let timing = |xs: &[f64]| serde_json::to_value(blockful_ml::report::Timing::of(xs)).unwrap();
	let detail = |id: &str, start: bool| json!({
		"model_id": id, "owner": "u", "depth": if start { 0 } else { 1 }, "is_start": start,
		"coefficient": 1.0, "cids": {}, "l2_to_original": {}, "l2_to_retrain": {},
	});
	let mut r: Report = serde_json::from_value(json!({
		"dataset": "fashion-mnist", "model": "small-cnn", "forget_classes": [1],
		"forget_set": {"requesters": ["u"], "withdrawn_samples": 10, "other_holders": []},
		"results": results, "summary": [], "topology": "t", "device": "cpu",
		"start_models": ["s"], "report_models": ["y"], "alpha": 1.0, "epsilon": 0.0,
		"full_data": true,
		"options": {"full_data": true, "repeats": 3, "audit_references": 4, "central_reference": false},
		"train_samples_per_user": 10.0, "models": [detail("s", true), detail("y", false)],
		"skipped": [], "central": null, "audit": {"references": 4, "members": 10},
		"wall_seconds": {
			"train_dag": 1.0,
			"tasks": {
				"retrain": {"latency": timing(&[9.0, 11.0, 10.0]), "work": timing(&[12.0, 14.0, 13.0])},
				"ga": {"latency": timing(&[0.5, 0.4, 0.6]), "work": timing(&[0.6, 0.5, 0.7])},
				"ga_repair_starts": {"latency": timing(&[1.0, 1.0, 1.0]), "work": timing(&[1.3, 1.3, 1.3])},
				"ga_repair": {"latency": timing(&[2.0, 2.0, 2.0]), "work": timing(&[2.6, 2.6, 2.6])},
			},
			"references": 0.0, "evaluation": 0.0, "total": 0.0,
		},
		"layer_distances": {"model_id": "y", "to_original": {}},
		"steps": [{"method": "ga", "model_id": "s", "log": [{"kind": "ascent", "steps": 15, "budget": 200, "stop": "target-reached"}]}],
		"eval_sizes": {"own_test": {"u": 2500}, "forget_test": 900, "retain_test_all": 1000, "forget_train": 10},
		"provenance": Provenance::collect(&Topology::from_toml(TINY).unwrap(), tch::Device::Cpu),
	}))
	.unwrap();
	r.summary = r.summarise();
	r
}

#[test]
fn summary_figures_are_the_known_ones() {
	let r = report(0.55);
	// One entry per method that has results, in table order.
	assert_eq!(r.summary.iter().map(|m| m.method.as_str()).collect::<Vec<_>>(), METHODS[..5]);
	let get = |m: &str| r.summary.iter().find(|x| x.method == m).unwrap();
	let ga = get("ga");
	assert!((ga.ad_r_test_mean - 0.755).abs() < 1e-12);
	assert_eq!(ga.ad_r_test_worst, 0.60);
	assert_eq!(ga.ad_f_test_worst, 0.10);
	assert!((ga.ad_r_gap_to_retrain_worst - 0.25).abs() < 1e-12, "s: 0.85 − 0.60");
	assert_eq!((ga.latency.median, ga.work.median), (0.5, 0.6));
	assert!((ga.latency_speedup.unwrap() - 20.0).abs() < 1e-12, "10 / 0.5");
	assert!((ga.work_speedup.unwrap() - 13.0 / 0.6).abs() < 1e-12, "13 / 0.6: the same rule, summed");
	let starts = get("ga_repair_starts");
	assert!((starts.ad_r_gap_to_retrain_worst - 0.02).abs() < 1e-12, "y: 0.92 − 0.90");
	assert_eq!(starts.latency_speedup, Some(10.0));
	assert_eq!(starts.work_speedup, Some(10.0));
	// Better than re-training on s, 4 points short on y: the worst gap is y's.
	assert!((get("ga_repair").ad_r_gap_to_retrain_worst - 0.04).abs() < 1e-12);
	assert_eq!(get("original").latency_speedup, None);
	assert_eq!(get("retrain").latency_speedup, Some(1.0));
	let md = r.markdown();
	assert!(md.contains("| GA + repair at the starts (NegGrad+) | met (worst gap +2.0) | met (worst 0.0 %) | met (10.0×) |"), "{md}");
	assert!(md.contains("| Gradient ascent, fixed-norm steps, stop on held-out (parallel, paper) | **not met** (worst gap +25.0) | **not met** (worst 10.0 %) | met (20.0×) |"), "{md}");
	assert!(md.contains("| GA + repair everywhere | **not met** (worst gap +4.0) | met (worst 0.0 %) | **not met** (5.0×) |"), "{md}");
	assert!(md.contains("| ga | s | ascent 15/200 (target-reached) |"), "{md}");
	assert!(md.contains("**work** is their sum, **latency** the critical path"), "{md}");
	// The Pareto plot: one labelled point per method but the original.
	let svg = r.pareto_svg();
	assert_eq!(svg.matches("<circle").count(), 4, "{svg}");
	assert!(svg.contains(">ga_repair_starts</text>"));
	// A method that misses the AD_f target is drawn hollow and says so.
	assert!(svg.contains(">ga (AD_f 10 %: does not forget)</text>"), "{svg}");
	assert_eq!(svg.matches(r#"fill="white" stroke="#).count(), 1);
}

#[test]
fn audit_verdict_follows_the_start_models_original_interval() {
	assert_eq!(report(0.55).audit_verdict(), Some(Verdict::HasPower));
	assert!(report(0.55).markdown().contains("has power on the original version"));
	// The same AUCs with the start model's interval touching 0.5: inconclusive, said so.
	assert_eq!(report(0.49).audit_verdict(), Some(Verdict::Inconclusive));
	assert!(report(0.49).markdown().contains("**Membership audit: inconclusive.**"));
	let i = Interval { value: 0.6, low: 0.5, high: 0.7 };
	assert_eq!(blockful_ml::mia::Audit::verdict(i), Verdict::Inconclusive, "0.5 itself is no power");
}
