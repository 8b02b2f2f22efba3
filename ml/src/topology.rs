//! Topology files (TOML): users and their data shares, models and their references,
//! hyperparameters and the unlearning request. See `topologies/fig4.toml` for a full
//! example. Models are listed in publication order, so a reference must name an earlier
//! model — which rules out cycles and references to future models by construction.

use crate::dag::Dag;
use crate::data::DatasetKind;
use crate::error::{Result, WorkerError};
use crate::models::Arch;
use crate::train::{AscentConfig, RepairConfig, ScrubConfig, TrainConfig};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// Topologies compiled into the binary: (name, TOML text).
pub const BUILTIN: &[(&str, &str)] = &[
	("fig4", include_str!("../topologies/fig4.toml")),
	("dag40", include_str!("../topologies/dag40.toml")),
	// Four users, five models: the participants' tests (with `partition --synthetic`).
	("parties", crate::synthetic::PARTIES),
];

/// A whole topology file.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topology {
	/// Name used in reports.
	pub name: String,
	/// Free text.
	#[serde(default)]
	pub description: String,
	/// Default data set.
	#[serde(default = "default_dataset")]
	pub dataset: DatasetKind,
	/// Default architecture.
	#[serde(default = "default_arch")]
	pub model: Arch,
	/// Seed for partitioning, initialisation and shuffling.
	#[serde(default)]
	pub seed: u64,
	/// Per-user data sizes.
	#[serde(default)]
	pub data: DataShares,
	/// Local training settings ϕ.
	#[serde(default)]
	pub training: TrainConfig,
	/// The unlearning request and its methods' settings.
	pub unlearning: UnlearningSpec,
	/// Participants.
	pub users: Vec<UserSpec>,
	/// Models in publication order (absent in organic mode).
	#[serde(default)]
	pub models: Vec<ModelNode>,
	/// Organic growth instead of a fixed model list.
	#[serde(default)]
	pub organic: Option<OrganicSpec>,
}

fn default_dataset() -> DatasetKind {
	DatasetKind::FashionMnist
}

fn default_arch() -> Arch {
	Arch::SmallCnn
}

/// Data share sizes.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataShares {
	/// Training samples per user (split evenly over its classes); ignored with full data.
	pub train_per_user: usize,
	/// Local test samples per user.
	pub test_per_user: usize,
	/// Share of each user's samples drawn evenly from every class not in `private` (the
	/// rest comes from the user's own classes); 0 = strictly non-IID by class.
	#[serde(default)]
	pub background: f64,
	/// Classes held only by the users that list them: background shares are drawn from
	/// the other classes. Makes "the requester's samples of class c" and "class c"
	/// the same data when only the requesters hold c.
	#[serde(default)]
	pub private: Vec<u8>,
	/// Use every training sample by default (each class split among its holders in
	/// proportion to their demand; `train_per_user` then applies only to a per-user run,
	/// such as the worker's `--quick`).
	#[serde(default)]
	pub full: bool,
}

impl Default for DataShares {
	fn default() -> Self {
		DataShares {
			train_per_user: 600,
			test_per_user: 200,
			background: 0.0,
			private: Vec::new(),
			full: false,
		}
	}
}

/// One participant.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserSpec {
	/// Unique id.
	pub id: String,
	/// Classes whose samples this user holds (non-IID by class).
	pub classes: Vec<u8>,
}

/// One model of the DAG.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelNode {
	/// Unique id.
	pub id: String,
	/// Owning user.
	pub owner: String,
	/// Earlier models it aggregates (eq. 2); empty = starts from the genesis model.
	#[serde(default)]
	pub refs: Vec<String>,
}

/// Organic growth (eqs. 1-3 with candidate selection).
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganicSpec {
	/// Models to grow (owners taken round-robin over the users).
	pub models: usize,
	/// K: candidates evaluated on the owner's local test data.
	pub candidates: usize,
	/// N: top candidates referenced and averaged.
	pub top: usize,
}

/// How the start models are unlearned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[serde(rename_all = "kebab-case")]
pub enum StartMethod {
	/// Re-aggregate from the references and re-train on the retained data.
	Retrain,
	/// Gradient ascent on the forgotten data.
	GradientAscent,
	/// SCRUB: teacher-student unlearning on the withdrawn and retained data
	/// ([`crate::train::scrub`]).
	Scrub,
}

/// The unlearning request and method settings.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnlearningSpec {
	/// The requester's models that saw the withdrawn data (W).
	pub start_models: Vec<String>,
	/// Classes to forget (empty when the request withdraws a backdoor instead).
	#[serde(default)]
	pub forget_classes: Vec<u8>,
	/// Sample-level withdrawal instead of classes: the requesters' data carries this
	/// backdoor and the request withdraws exactly the poisoned samples.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub backdoor: Option<crate::samples::BackdoorSpec>,
	/// Sample-level withdrawal instead of classes: a random subset of the requesters'
	/// training samples.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub random_subset: Option<crate::samples::RandomSubsetSpec>,
	/// Discount α of eqs. 7-8.
	#[serde(default = "default_alpha")]
	pub alpha: f64,
	/// Threshold ε: models whose update norm is at most ε are left untouched.
	#[serde(default = "default_epsilon")]
	pub epsilon: f64,
	/// How the start models are unlearned in the parallel paradigm.
	#[serde(default = "default_start_method")]
	pub start_method: StartMethod,
	/// Gradient-ascent settings.
	#[serde(default)]
	pub ascent: AscentConfig,
	/// Repair settings.
	#[serde(default)]
	pub repair: RepairConfig,
	/// SCRUB settings (the `scrub` method and `start_method = "scrub"`).
	#[serde(default)]
	pub scrub: ScrubConfig,
	/// Models shown in the paper-shaped table (default: up to three affected models at
	/// increasing depth).
	#[serde(default)]
	pub report_models: Vec<String>,
}

impl UnlearningSpec {
	/// The request withdraws samples (a backdoor's or a random subset), not classes.
	pub fn is_sample_level(&self) -> bool {
		self.backdoor.is_some() || self.random_subset.is_some()
	}
}

fn default_alpha() -> f64 {
	1.0
}

fn default_epsilon() -> f64 {
	1e-3
}

fn default_start_method() -> StartMethod {
	StartMethod::GradientAscent
}

impl Topology {
	/// The topology as TOML (what [`Topology::from_toml`] reads back).
	pub fn to_toml(&self) -> Result<String> {
		toml::to_string(self).map_err(|e| WorkerError::InvalidTopology(e.to_string()))
	}

	/// Parses and validates TOML text.
	pub fn from_toml(text: &str) -> Result<Topology> {
		let t: Topology =
			toml::from_str(text).map_err(|e| WorkerError::InvalidTopology(e.to_string()))?;
		t.validate()?;
		Ok(t)
	}

	/// A built-in topology by name, or a TOML file.
	pub fn load(name_or_path: &str) -> Result<Topology> {
		let path = Path::new(name_or_path);
		if path.is_file() {
			let text = std::fs::read_to_string(path).map_err(|e| WorkerError::io(path, e))?;
			return Topology::from_toml(&text)
				.map_err(|e| WorkerError::InvalidTopology(format!("{}: {e}", path.display())));
		}
		match BUILTIN.iter().find(|(n, _)| *n == name_or_path) {
			Some((_, text)) => Topology::from_toml(text),
			None => Err(WorkerError::InvalidTopology(format!(
				"{name_or_path:?} is neither a file nor a built-in topology ({})",
				BUILTIN.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
			))),
		}
	}

	/// Checks every cross-reference; each problem has its own message.
	pub fn validate(&self) -> Result<()> {
		let err = |m: String| Err(WorkerError::InvalidTopology(m));
		if self.users.is_empty() {
			return err("no users".into());
		}
		let mut users = HashSet::new();
		for u in &self.users {
			if !users.insert(u.id.as_str()) {
				return err(format!("duplicate user id {:?}", u.id));
			}
			if u.classes.is_empty() {
				return err(format!("user {:?} holds no class", u.id));
			}
			let mut seen = HashSet::new();
			for &c in &u.classes {
				if c >= 10 {
					return err(format!("user {:?}: class {c} not in 0..10", u.id));
				}
				if !seen.insert(c) {
					return err(format!("user {:?}: class {c} listed twice", u.id));
				}
			}
		}
		match (&self.organic, self.models.is_empty()) {
			(Some(_), false) => return err("give either [[models]] or [organic], not both".into()),
			(None, true) => return err("no models: give [[models]] or [organic]".into()),
			_ => {}
		}
		if let Some(o) = &self.organic {
			if o.models == 0 || o.candidates == 0 || o.top == 0 || o.top > o.candidates {
				return err(format!(
					"organic: need models > 0 and 0 < top ≤ candidates, got {o:?}"
				));
			}
		}
		let mut position: HashMap<&str, usize> = HashMap::new();
		for (i, m) in self.models.iter().enumerate() {
			if !users.contains(m.owner.as_str()) {
				return err(format!("model {:?}: unknown owner {:?}", m.id, m.owner));
			}
			let mut refs = HashSet::new();
			for r in &m.refs {
				if r == &m.id {
					return err(format!("model {:?} references itself", m.id));
				}
				if !refs.insert(r.as_str()) {
					return err(format!("model {:?} references {r:?} twice", m.id));
				}
				if !position.contains_key(r.as_str()) {
					let later = self.models.iter().any(|o| &o.id == r);
					return err(if later {
						format!("model {:?} references {r:?}, which is published later (future reference)", m.id)
					} else {
						format!("model {:?} references unknown model {r:?}", m.id)
					});
				}
			}
			if position.insert(m.id.as_str(), i).is_some() {
				return err(format!("duplicate model id {:?}", m.id));
			}
		}
		let un = &self.unlearning;
		let kinds = usize::from(!un.forget_classes.is_empty())
			+ usize::from(un.backdoor.is_some())
			+ usize::from(un.random_subset.is_some());
		if kinds > 1 {
			return err("unlearning: withdraw one of classes (forget_classes), a backdoor or a random subset, not several".into());
		}
		if kinds == 0 {
			return err("unlearning.forget_classes is empty".into());
		}
		if un.is_sample_level() && self.organic.is_some() {
			return err("a sample-level withdrawal needs a fixed model list (its samples are the start models' owners')".into());
		}
		if let Some(b) = &un.backdoor {
			b.validate()?;
		}
		if let Some(r) = &un.random_subset {
			r.validate()?;
		}
		let mut fc = HashSet::new();
		for &c in &un.forget_classes {
			if c >= 10 || !fc.insert(c) {
				return err(format!(
					"unlearning.forget_classes: class {c} out of range or repeated"
				));
			}
		}
		if un.forget_classes.len() >= 10 {
			return err("cannot forget every class".into());
		}
		if un.start_models.is_empty() {
			return err("unlearning.start_models is empty".into());
		}
		if self.organic.is_none() {
			for s in un.start_models.iter().chain(&un.report_models) {
				if !position.contains_key(s.as_str()) {
					return err(format!("unlearning names unknown model {s:?}"));
				}
			}
		}
		if !(un.alpha.is_finite() && un.alpha >= 0.0 && un.epsilon.is_finite() && un.epsilon >= 0.0)
		{
			return err(format!(
				"unlearning: alpha must be ≥ 0 and epsilon ≥ 0 (got {}, {})",
				un.alpha, un.epsilon
			));
		}
		if let Some(c) = self.data.private.iter().find(|&&c| c >= 10) {
			return err(format!("data.private: class {c} not in 0..10"));
		}
		if !(0.0..=1.0).contains(&self.data.background) {
			return err(format!("data.background {} not in [0, 1]", self.data.background));
		}
		if self.data.train_per_user == 0 || self.data.test_per_user == 0 {
			return err("data.train_per_user and data.test_per_user must be positive".into());
		}
		self.training.validate()?;
		Ok(())
	}

	/// The users whose samples a sample-level request withdraws (its backdoor's poisoners):
	/// the owners of the start models (empty for a request by class).
	pub fn poisoners(&self) -> Result<Vec<usize>> {
		if !self.unlearning.is_sample_level() {
			return Ok(Vec::new());
		}
		let mut users = self
			.unlearning
			.start_models
			.iter()
			.map(|s| {
				let m = self.models.iter().find(|m| &m.id == s).ok_or_else(|| {
					WorkerError::InvalidTopology(format!("unlearning names unknown model {s:?}"))
				})?;
				self.user_index(&m.owner)
			})
			.collect::<Result<Vec<_>>>()?;
		users.sort_unstable();
		users.dedup();
		Ok(users)
	}

	/// Index of a user id.
	pub fn user_index(&self, id: &str) -> Result<usize> {
		self.users
			.iter()
			.position(|u| u.id == id)
			.ok_or_else(|| WorkerError::InvalidTopology(format!("unknown user {id:?}")))
	}

	/// The fixed model list as a DAG (parent indices), in file order.
	pub fn dag(&self) -> Result<Dag> {
		let index: HashMap<&str, usize> =
			self.models.iter().enumerate().map(|(i, m)| (m.id.as_str(), i)).collect();
		let parents = self
			.models
			.iter()
			.map(|m| {
				m.refs
					.iter()
					.map(|r| {
						index.get(r.as_str()).copied().ok_or_else(|| {
							WorkerError::InvalidTopology(format!(
								"model {:?} references unknown model {r:?}",
								m.id
							))
						})
					})
					.collect::<Result<Vec<_>>>()
			})
			.collect::<Result<Vec<_>>>()?;
		Dag::new(parents)
	}
}
