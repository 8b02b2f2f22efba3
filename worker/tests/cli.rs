//! The `blockful-worker` binary end to end on synthetic Fashion-MNIST-format files.

use blockful_ml::synthetic::{write_fashion_mnist, TINY};
use std::process::Command;

fn worker() -> Command {
	let mut c = Command::new(env!("CARGO_BIN_EXE_blockful-worker"));
	c.env("RUST_LOG", "warn");
	c
}

/// 1,500 training and 500 test images in Fashion-MNIST's format under `dir/data`.
fn data_dir(dir: &std::path::Path) -> std::path::PathBuf {
	let data = dir.join("data");
	std::fs::create_dir(&data).unwrap();
	write_fashion_mnist(&data, 1500, 500).unwrap();
	data
}

fn topology_file(dir: &std::path::Path) -> std::path::PathBuf {
	let p = dir.join("tiny.toml");
	std::fs::write(&p, TINY.replace("train_per_user = 150", "train_per_user = 100"))
		.unwrap();
	p
}

#[test]
fn experiment_command_produces_report_files() {
	let dir = tempfile::tempdir().unwrap();
	let data = data_dir(dir.path());
	let topo = topology_file(dir.path());
	let out = dir.path().join("report");
	let o = worker()
		.args(["experiment", "--device", "cpu", "--epochs", "2", "--repeats", "2", "--topology"])
		.arg(&topo)
		.arg("--data-dir")
		.arg(&data)
		.arg("--out")
		.arg(&out)
		.output()
		.unwrap();
	let stdout = String::from_utf8_lossy(&o.stdout);
	assert!(o.status.success(), "stderr: {}", String::from_utf8_lossy(&o.stderr));
	assert!(stdout.contains("AD_r ↑") && stdout.contains("Wall time"), "{stdout}");
	assert!(stdout.contains("trained centrally on all") && stdout.contains(", 2 runs)"), "{stdout}");
	let json: serde_json::Value =
		serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap()).unwrap();
	assert_eq!(json["options"]["repeats"], 2);
	assert!(json["central"]["test_accuracy"].as_f64().unwrap() > 0.5, "{}", json["central"]);
	for r in json["results"].as_array().unwrap() {
		let runs = r["time"]["runs"].as_u64().unwrap();
		assert_eq!(runs, if r["method"] == "original" { 0 } else { 2 }, "{r}");
		assert!(r["time"]["min"].as_f64().unwrap() <= r["time"]["max"].as_f64().unwrap());
	}
	for f in [
		"report.json",
		"report.md",
		"results.csv",
		"accuracy.svg",
		"time_vs_depth.svg",
		"weight_distance.svg",
	] {
		assert!(out.join(f).is_file(), "{f} missing");
	}
}

#[test]
fn experiment_over_seeds_judges_targets_on_intervals() {
	let dir = tempfile::tempdir().unwrap();
	let data = data_dir(dir.path());
	let topo = topology_file(dir.path());
	let out = dir.path().join("seeds");
	let o = worker()
		.args(["experiment", "--device", "cpu", "--epochs", "1", "--quick", "--seeds", "2", "--topology"])
		.arg(&topo)
		.arg("--data-dir")
		.arg(&data)
		.arg("--out")
		.arg(&out)
		.output()
		.unwrap();
	assert!(o.status.success(), "stderr: {}", String::from_utf8_lossy(&o.stderr));
	let study: serde_json::Value =
		serde_json::from_str(&std::fs::read_to_string(out.join("seeds.json")).unwrap()).unwrap();
	let seeds: Vec<u64> = study["seeds"].as_array().unwrap().iter().map(|s| s.as_u64().unwrap()).collect();
	assert_eq!(seeds.len(), 2);
	assert_eq!(seeds[1], seeds[0] + 1);
	// Each seed is its own experiment: another partition and initialisation.
	let manifest = |s: u64| std::fs::read_to_string(out.join(format!("seed-{s}/manifest.json"))).unwrap();
	assert_ne!(manifest(seeds[0]), manifest(seeds[1]));
	let methods = study["methods"].as_array().unwrap();
	assert!(methods.iter().any(|m| m["method"] == "ga_repair") && methods.iter().all(|m| m["method"] != "retrain"));
	for m in methods {
		for x in m["models"].as_array().unwrap() {
			let g = &x["ad_r_gap"];
			assert_eq!(g["n"], 2);
			assert!(g["low"].as_f64().unwrap() <= g["mean"].as_f64().unwrap() && g["mean"].as_f64().unwrap() <= g["high"].as_f64().unwrap(), "{g}");
		}
		assert!(["met", "not-met", "undecided"].contains(&m["ad_r_target"].as_str().unwrap()));
	}
	assert!(std::fs::read_to_string(out.join("seeds.md")).unwrap().contains("# Over 2 seeds"));
	// Out of range: refused before anything runs.
	let bad = worker().args(["experiment", "--seeds", "0", "--out"]).arg(dir.path().join("none")).output().unwrap();
	assert!(!bad.status.success() && !dir.path().join("none").exists());
}

#[test]
fn train_unlearn_eval_commands_work() {
	let dir = tempfile::tempdir().unwrap();
	let data = data_dir(dir.path());
	let topo = topology_file(dir.path());
	let run = dir.path().join("run");
	let ok = |c: &mut Command| {
		let o = c.output().unwrap();
		assert!(o.status.success(), "stderr: {}", String::from_utf8_lossy(&o.stderr));
		String::from_utf8_lossy(&o.stdout).to_string()
	};
	ok(worker()
		.args(["train", "--device", "cpu", "--topology"])
		.arg(&topo)
		.arg("--data-dir")
		.arg(&data)
		.arg("--out")
		.arg(&run));
	let before: serde_json::Value =
		serde_json::from_str(&std::fs::read_to_string(run.join("manifest.json")).unwrap()).unwrap();
	let text = ok(worker()
		.args(["unlearn", "--device", "cpu", "--paradigm", "parallel", "--run"])
		.arg(&run)
		.arg("--data-dir")
		.arg(&data));
	assert!(text.contains("| a2 | ✓ |"), "{text}");
	let after: serde_json::Value =
		serde_json::from_str(&std::fs::read_to_string(run.join("manifest.json")).unwrap()).unwrap();
	let old = before["models"][1]["cid"].as_str().unwrap();
	let new = after["models"][1]["cid"].as_str().unwrap();
	assert_ne!(old, new, "the start model was redacted");
	assert!(!run.join(format!("store/live/{old}.safetensors")).exists(), "old version left live");
	assert!(run.join(format!("store/archive/{old}.safetensors")).exists(), "old version archived");
	let text = ok(worker()
		.args(["eval", "--device", "cpu", "--models", "a2", "--run"])
		.arg(&run)
		.arg("--data-dir")
		.arg(&data));
	assert!(text.contains("| a2 | 0.00% |"), "{text}");
}

#[test]
fn bad_command_lines_fail_clearly() {
	let dir = tempfile::tempdir().unwrap();
	let o =
		worker().args(["experiment", "--topology", "nope", "--device", "cpu"]).output().unwrap();
	assert!(!o.status.success());
	assert!(String::from_utf8_lossy(&o.stderr).contains("neither a file nor a built-in topology"));
	let o = worker()
		.args(["experiment", "--device", "cpu", "--data-dir"])
		.arg(dir.path())
		.output()
		.unwrap();
	assert!(!o.status.success());
	assert!(String::from_utf8_lossy(&o.stderr).contains("train-images-idx3-ubyte"));
	let o = worker().args(["experiment", "--device", "tpu"]).output().unwrap();
	assert!(String::from_utf8_lossy(&o.stderr).contains("expected auto, cpu, cuda or cuda:N"));
	let o = worker().args(["unlearn", "--run"]).arg(dir.path()).output().unwrap();
	assert!(String::from_utf8_lossy(&o.stderr).contains("run `blockful-worker train` first"));
	let o = worker().args(["experiment", "--forget", "12"]).output().unwrap();
	assert!(String::from_utf8_lossy(&o.stderr).contains("out of range"));
}
