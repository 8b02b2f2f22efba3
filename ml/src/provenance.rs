//! What a run needs to be reproduced: seeds, every hyperparameter, the software and the
//! machine it ran on. Recorded in `report.json`.

use crate::device::device_name;
use crate::topology::{StartMethod, Topology};
use crate::train::{AscentConfig, RepairConfig, TrainConfig};
use serde::{Deserialize, Serialize};
use std::process::Command;

/// The settings and environment of one experiment run.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Provenance {
	/// The topology seed: the partition, the genesis model, every training, ascent and
	/// repair seed derive from it.
	pub seed: u64,
	/// Local training (eq. 3) and re-training.
	pub training: TrainConfig,
	/// Gradient ascent at the start models.
	pub ascent: AscentConfig,
	/// The owners' repair, and the step budget of the fine-tune and truncated re-training
	/// baselines.
	pub repair: RepairConfig,
	/// SCRUB's settings (the `scrub` method).
	#[serde(default)]
	pub scrub: crate::train::ScrubConfig,
	/// How start models unlearn in the parallel paradigm.
	pub start_method: StartMethod,
	/// The held-out fraction of withdrawn samples the ascent's stop rule reads, and its cap.
	pub stop_fraction: f64,
	/// See [`crate::unlearn::STOP_SAMPLES_MAX`].
	pub stop_samples_max: usize,
	/// libtorch's version (from `$LIBTORCH/version.py`), or `unknown`.
	pub libtorch: String,
	/// The device the tensors lived on.
	pub device: String,
	/// libtorch's intra-op threads.
	pub threads: i32,
	/// The checkout's commit when the run started (`-dirty` with uncommitted changes), or
	/// `unknown` outside a git checkout.
	pub commit: String,
	/// `blockful-ml`'s version.
	pub crate_version: String,
}

impl Provenance {
	/// Records the settings of `topology` and this process's environment.
	pub fn collect(topology: &Topology, device: tch::Device) -> Provenance {
		let un = &topology.unlearning;
		Provenance {
			seed: topology.seed,
			training: topology.training,
			ascent: un.ascent,
			repair: un.repair,
			scrub: un.scrub,
			start_method: un.start_method,
			stop_fraction: crate::unlearn::STOP_FRACTION,
			stop_samples_max: crate::unlearn::STOP_SAMPLES_MAX,
			libtorch: libtorch_version().unwrap_or_else(|| "unknown".into()),
			device: device_name(device),
			threads: tch::get_num_threads(),
			commit: commit().unwrap_or_else(|| "unknown".into()),
			crate_version: env!("CARGO_PKG_VERSION").into(),
		}
	}
}

/// `__version__` of the libtorch the process was pointed at (`LIBTORCH`, at run time or
/// at build time).
fn libtorch_version() -> Option<String> {
	let dir = std::env::var("LIBTORCH").ok().or_else(|| option_env!("LIBTORCH").map(String::from))?;
	let text = std::fs::read_to_string(std::path::Path::new(&dir).join("version.py")).ok()?;
	let line = text.lines().find(|l| l.starts_with("__version__"))?;
	Some(line.split(['\'', '"']).nth(1)?.to_string())
}

/// `git rev-parse HEAD` of the checkout the run starts in (cargo's `CARGO_MANIFEST_DIR`
/// under `cargo run` / `cargo test`, else the working directory), `-dirty` when it has
/// uncommitted changes to tracked files. Read at run time: a binary built at another path
/// (a CI clone) must not name that path's commit.
fn commit() -> Option<String> {
	let dir = std::env::var_os("CARGO_MANIFEST_DIR")
		.map(std::path::PathBuf::from)
		.or_else(|| std::env::current_dir().ok())?;
	let git = |args: &[&str]| Command::new("git").arg("-C").arg(&dir).args(args).output().ok();
	let head = git(&["rev-parse", "HEAD"]).filter(|o| o.status.success())?;
	let mut id = String::from_utf8(head.stdout).ok()?.trim().to_string();
	if git(&["status", "--porcelain", "--untracked-files=no"]).is_some_and(|o| !o.stdout.is_empty()) {
		id.push_str("-dirty");
	}
	Some(id)
}
