//! One owner's side of BlockFUL, on its own data only: what a participant process
//! computes. Every function is the single-process experiment's step for one model, with
//! the same seeds, so a participant's models are the experiment's models.
//!
//! - [`Owner::train`]: eqs. 2-3 — mean of the references (the genesis model for a root),
//!   trained on the owner's data;
//! - [`Owner::ascend`]: the requester's start model, gradient ascent on its own withdrawn
//!   samples (stop rule on a held-out fifth);
//! - [`propagated`]: eqs. 7-8 for one inherited model, w′ = w + α Σ_s c(s,y) Δθ_s — public
//!   data only, so anyone can compute (and check) it;
//! - [`Owner::repair`]: the optional repair of a propagated model on the owner's data;
//! - [`Owner::retrain`]: eqs. 17-18 — re-aggregated from the applied new versions of the
//!   references, re-trained without the withdrawn samples.

use crate::error::{Result, WorkerError};
use crate::fl::Worker;
use crate::models::{Arch, ModelSpec, Net};
use crate::shard::Shard;
use crate::topology::{ModelNode, Topology};
use crate::train::{accuracy, gradient_ascent_held_out, repair, train};
use crate::unlearn::{held_out_split, STOP_SAMPLES_MAX};
use crate::weights::Weights;
use crate::data::Dataset;
use tch::Device;

/// What a request withdraws, as an owner reads it from the chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Withdrawal<'a> {
	/// Classes (`Unlearning.request_unlearning`): the requester's samples of them.
	Classes(&'a [u8]),
	/// Specific samples (`Unlearning.request_sample_unlearning`, classes empty): the ones
	/// the requester's shard marks, which its commitment covers.
	Samples,
}

impl<'a> Withdrawal<'a> {
	/// The withdrawal of a request listing `classes`: samples when it lists none.
	pub fn of_request(classes: &'a [u8]) -> Withdrawal<'a> {
		if classes.is_empty() { Withdrawal::Samples } else { Withdrawal::Classes(classes) }
	}
}

/// One user of a topology with its shard.
#[derive(Debug)]
pub struct Owner {
	worker: Worker,
	me: usize,
}

impl Owner {
	/// The owner of `shard` in `topology`: refuses a shard of another topology or of a
	/// user the topology does not list.
	pub fn new(topology: Topology, shard: &Shard, device: Device, arch: Arch) -> Result<Owner> {
		if shard.info.topology != topology.name {
			return Err(WorkerError::InvalidArgument(format!(
				"the shard of {} was cut for topology {:?}, not {:?}",
				shard.info.user, shard.info.topology, topology.name
			)));
		}
		let me = topology.user_index(&shard.info.user)?;
		let (channels, height, width) = shard.train.image_shape();
		let spec = ModelSpec { arch, channels, height, width, num_classes: 10 };
		let data = shard.as_federated(&topology, me);
		Ok(Owner { worker: Worker { device, spec, data, topology }, me })
	}

	/// The topology.
	pub fn topology(&self) -> &Topology {
		&self.worker.topology
	}

	/// This owner's user id.
	pub fn user(&self) -> &str {
		&self.worker.topology.users[self.me].id
	}

	/// How many models the topology's DAG has (its list, or the organic growth's count).
	pub fn model_count(&self) -> usize {
		let t = &self.worker.topology;
		t.organic.map_or(t.models.len(), |o| o.models)
	}

	/// Model `i`'s id and owner: the topology's list, or in organic mode `m{i+1}` owned by
	/// user `i mod users` (as [`Worker::train_dag`] grows it).
	pub fn node(&self, i: usize) -> (String, String) {
		let t = &self.worker.topology;
		match t.organic {
			Some(_) => (format!("m{}", i + 1), t.users[i % t.users.len()].id.clone()),
			None => (t.models[i].id.clone(), t.models[i].owner.clone()),
		}
	}

	/// The models this owner publishes (indices), in publication order.
	pub fn models(&self) -> Vec<usize> {
		let user = self.user().to_string();
		(0..self.model_count()).filter(|i| self.node(*i).1 == user).collect()
	}

	/// The fixed topology's references of model `i` (indices); `None` in organic mode.
	pub fn fixed_refs(&self, i: usize) -> Option<Vec<usize>> {
		let t = &self.worker.topology;
		if t.organic.is_some() {
			return None;
		}
		let node: &ModelNode = &t.models[i];
		Some(node.refs.iter().filter_map(|r| t.models.iter().position(|m| &m.id == r)).collect())
	}

	/// Organic mode (eq. 1): the K candidate models (indices of earlier models) model `i`
	/// evaluates, drawn as [`Worker::train_dag`] draws them (its random sequence replayed).
	pub fn organic_candidates(&self, i: usize) -> Option<Vec<usize>> {
		use rand::seq::IndexedRandom;
		use rand::SeedableRng;
		let o = self.worker.topology.organic?;
		let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(self.worker.topology.seed ^ 0x0a11);
		let mut picked = Vec::new();
		for j in 0..=i {
			let pool: Vec<usize> = (0..j).collect();
			picked = pool.choose_multiple(&mut rng, o.candidates).copied().collect();
		}
		Some(picked)
	}

	/// Organic mode (eqs. 1-2): the top N of the scored candidates (accuracy on the owner's
	/// local test data, ties to the earlier model), ascending.
	pub fn organic_refs(&self, mut scored: Vec<(usize, f64)>) -> Vec<usize> {
		let top = self.worker.topology.organic.map_or(0, |o| o.top);
		scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
		let mut refs: Vec<usize> = scored.iter().take(top).map(|s| s.0).collect();
		refs.sort_unstable();
		refs
	}

	/// The shared genesis model (deterministic in the topology's seed).
	pub fn genesis(&self) -> Result<Weights> {
		self.worker.genesis()
	}

	fn data(&self) -> Dataset {
		self.worker.data.train_of(self.me)
	}

	/// What the owner withdraws when it is the requester: its samples of the classes, or
	/// the samples its shard marks.
	pub fn withdrawn(&self, what: Withdrawal<'_>) -> Dataset {
		match what {
			Withdrawal::Classes(classes) => self.data().filter_classes(classes, true),
			Withdrawal::Samples => self.worker.data.train.subset(&self.worker.data.marked),
		}
	}

	fn retained(&self, what: Withdrawal<'_>, requester: bool) -> Dataset {
		match what {
			_ if !requester => self.data(),
			Withdrawal::Classes(classes) => self.data().filter_classes(classes, false),
			Withdrawal::Samples => {
				let marked = &self.worker.data.marked;
				let kept: Vec<usize> =
					(0..self.worker.data.train.len()).filter(|i| marked.binary_search(i).is_err()).collect();
				self.worker.data.train.subset(&kept)
			}
		}
	}

	/// The owner's local test data the repair validates on: without the withdrawn classes.
	fn validation(&self, what: Withdrawal<'_>) -> Dataset {
		let test = self.worker.data.test_of(self.me);
		match what {
			Withdrawal::Classes(classes) => test.filter_classes(classes, false),
			Withdrawal::Samples => test,
		}
	}

	/// A sample-level request's commitment to the samples this owner withdraws (what it
	/// files as `Unlearning.request_sample_unlearning`); `None` when its shard marks none.
	pub fn commitment(&self) -> Option<crate::samples::Commitment> {
		crate::samples::commitment(&self.worker.data.train, &self.worker.data.marked)
	}

	/// Eqs. 2-3 for topology model `model`: the mean of `refs` (or the genesis model),
	/// trained on the owner's data with the experiment's seed.
	pub fn train(&self, model: usize, refs: &[Weights]) -> Result<Weights> {
		let genesis = self.genesis()?;
		self.worker.aggregate_and_train(refs, &genesis, &self.data(), self.worker.seed_for(model, 1), |_, _| {})
	}

	/// The requester's start model `model` (weights `w`): gradient ascent on its own
	/// withdrawn samples, stopped on a held-out fifth of them (for a random subset, once
	/// they look no better recognised than its unseen local test data, as in the
	/// experiment). Returns the new weights and the ascent steps taken.
	pub fn ascend(&self, model: usize, w: &Weights, what: Withdrawal<'_>) -> Result<(Weights, usize)> {
		let forget = self.withdrawn(what);
		if forget.is_empty() {
			return Err(WorkerError::InvalidArgument(format!(
				"{} holds none of the withdrawn samples ({what:?}): nothing to ascend on",
				self.user()
			)));
		}
		let mut net = Net::with_weights(self.worker.spec, self.worker.device, w)?;
		let seed = self.worker.topology.seed ^ model as u64;
		let (ascend, stop) = held_out_split(&forget, 0.2, STOP_SAMPLES_MAX, seed);
		let mut cfg = self.worker.topology.unlearning.ascent;
		if what == Withdrawal::Samples && self.worker.topology.unlearning.random_subset.is_some() {
			let unseen = accuracy(&net, &self.worker.data.test_of(self.me)).unwrap_or(0.0);
			cfg.target_accuracy = cfg.target_accuracy.max(unseen);
		}
		let steps = gradient_ascent_held_out(&mut net, &ascend, &stop, &cfg, seed)?;
		Ok((net.weights()?, steps))
	}

	/// The owner's repair of model `model` (weights `w`) on its retained data (and, as a
	/// requester, a bounded ascent on its withdrawn samples), the version kept chosen on its
	/// local test data without the withdrawn classes.
	pub fn repair(&self, model: usize, w: &Weights, what: Withdrawal<'_>, requester: bool) -> Result<Weights> {
		let retain = self.retained(what, requester);
		let forget = if requester { self.withdrawn(what) } else { self.data().take(0) };
		let validation = self.validation(what);
		let mut net = Net::with_weights(self.worker.spec, self.worker.device, w)?;
		let seed = self.worker.topology.seed ^ 0x4e9 ^ model as u64;
		repair(&mut net, &retain, &forget, &self.worker.topology.unlearning.repair, seed, &validation)?;
		net.weights()
	}

	/// Eqs. 17-18 for model `model`: the mean of the references' applied new versions
	/// (`refs`; the genesis model for a root), re-trained on the owner's data without its
	/// withdrawn samples (as a requester) or on all of it.
	pub fn retrain(&self, model: usize, refs: &[Weights], what: Withdrawal<'_>, requester: bool) -> Result<Weights> {
		let data = self.retained(what, requester);
		if data.is_empty() {
			return Err(WorkerError::InvalidArgument(format!("{} has no retained data to re-train on", self.user())));
		}
		let start = if refs.is_empty() { self.genesis()? } else { Weights::mean(&refs.iter().collect::<Vec<_>>())? };
		let mut net = Net::with_weights(self.worker.spec, self.worker.device, &start)?;
		train(&mut net, &data, &self.worker.topology.training, self.worker.topology.seed ^ (model as u64) << 4, |_, _| {})?;
		net.weights()
	}

	/// Δθ = `new` − `old` over the learnable parameters (BatchNorm running statistics stay
	/// each model's own, as in the experiment's propagation).
	pub fn delta(&self, old: &Weights, new: &Weights) -> Result<Weights> {
		let learnable = Net::with_weights(self.worker.spec, self.worker.device, old)?.learnable_names();
		Ok(new.sub(old)?.learnable_only(&learnable))
	}

	/// Accuracy of `w` on the owner's local test data (eq. 1's score).
	pub fn local_accuracy(&self, w: &Weights) -> Result<f64> {
		Ok(self.worker.accuracy_of(w, &self.worker.data.test_of(self.me))?.unwrap_or(0.0))
	}
}

/// Eqs. 7-8 for one inherited model: `old + α Σ c·Δθ` over `deltas` = (c(s, y), Δθ_s);
/// returns the new weights and the update's norm ‖α Σ c Δθ‖.
pub fn propagated(old: &Weights, deltas: &[(f64, &Weights)], alpha: f64) -> Result<(Weights, f64)> {
	let mut update: Option<Weights> = None;
	for (c, delta) in deltas.iter().filter(|(c, _)| *c != 0.0) {
		match update.as_mut() {
			None => {
				let mut u = (*delta).clone();
				u.axpy((alpha * c - 1.0) as f32, delta)?;
				update = Some(u);
			},
			Some(u) => u.axpy((alpha * c) as f32, delta)?,
		}
	}
	let Some(update) = update else { return Ok((old.clone(), 0.0)) };
	let norm = update.norm();
	let mut new = old.clone();
	new.axpy(1.0, &update)?;
	Ok((new, norm))
}
