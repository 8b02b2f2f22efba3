//! Local training (eq. 3), evaluation, gradient ascent and the NegGrad+-style repair.

use crate::data::Dataset;
use crate::error::{Result, WorkerError};
use crate::models::Net;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use tch::nn::{self, OptimizerConfig};
use tch::{Kind, Tensor};

// Small enough that activations stay out of mmap-sized allocations on CPU.
const EVAL_BATCH: usize = 128;

/// Training settings ϕ (eq. 3).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainConfig {
	/// Passes over the local data.
	pub epochs: usize,
	/// Mini-batch size.
	pub batch_size: usize,
	/// SGD learning rate.
	pub lr: f64,
	/// SGD momentum.
	#[serde(default = "default_momentum")]
	pub momentum: f64,
	/// L2 weight decay.
	#[serde(default)]
	pub weight_decay: f64,
}

fn default_momentum() -> f64 {
	0.9
}

impl Default for TrainConfig {
	fn default() -> Self {
		TrainConfig { epochs: 3, batch_size: 32, lr: 0.02, momentum: 0.9, weight_decay: 0.0 }
	}
}

impl TrainConfig {
	/// Rejects settings that cannot train.
	pub fn validate(&self) -> Result<()> {
		if self.epochs == 0 || self.batch_size == 0 || !(self.lr > 0.0 && self.lr.is_finite()) {
			return Err(WorkerError::InvalidArgument(format!(
				"training needs epochs > 0, batch_size > 0 and a positive finite lr, got {self:?}"
			)));
		}
		if !(0.0..1.0).contains(&self.momentum) || self.weight_decay < 0.0 {
			return Err(WorkerError::InvalidArgument(format!(
				"momentum must be in [0,1), weight_decay ≥ 0: {self:?}"
			)));
		}
		Ok(())
	}
}

fn sgd(net: &Net, lr: f64, momentum: f64, wd: f64) -> Result<nn::Optimizer> {
	Ok(nn::Sgd { momentum, wd, ..Default::default() }.build(&net.vs, lr)?)
}

fn check_finite(loss: &Tensor, what: &str) -> Result<f64> {
	let v = loss.double_value(&[]);
	if !v.is_finite() {
		return Err(WorkerError::InvalidWeights(format!(
			"{what}: loss became {v}; lower the learning rate"
		)));
	}
	Ok(v)
}

/// Trains `net` on `data` with SGD; returns the mean loss of the last epoch. `on_epoch`
/// is called after each epoch (progress reporting).
pub fn train(
	net: &mut Net,
	data: &Dataset,
	cfg: &TrainConfig,
	seed: u64,
	mut on_epoch: impl FnMut(usize, f64),
) -> Result<f64> {
	cfg.validate()?;
	if data.is_empty() {
		return Err(WorkerError::InvalidArgument("training on an empty data set".into()));
	}
	let mut opt = sgd(net, cfg.lr, cfg.momentum, cfg.weight_decay)?;
	let mut rng = ChaCha8Rng::seed_from_u64(seed);
	let mut order: Vec<usize> = (0..data.len()).collect();
	let mut last = 0.0;
	for epoch in 0..cfg.epochs {
		order.shuffle(&mut rng);
		let (mut sum, mut count) = (0.0, 0usize);
		for chunk in order.chunks(cfg.batch_size) {
			let (x, y) = data.batch(chunk, net.device());
			let loss = net.forward(&x, true).cross_entropy_for_logits(&y);
			opt.backward_step(&loss);
			sum += check_finite(&loss, "training")? * chunk.len() as f64;
			count += chunk.len();
		}
		last = sum / count as f64;
		on_epoch(epoch, last);
	}
	Ok(last)
}

/// Top-1 accuracy in [0, 1]; `None` for an empty set.
pub fn accuracy(net: &Net, data: &Dataset) -> Option<f64> {
	if data.is_empty() {
		return None;
	}
	let correct: i64 = tch::no_grad(|| {
		let idx: Vec<usize> = (0..data.len()).collect();
		idx.chunks(EVAL_BATCH)
			.map(|chunk| {
				let (x, y) = data.batch(chunk, net.device());
				net.forward(&x, false)
					.argmax(-1, false)
					.eq_tensor(&y)
					.sum(Kind::Int64)
					.int64_value(&[])
			})
			.sum()
	});
	Some(correct as f64 / data.len() as f64)
}

/// Accuracy and per-sample cross-entropy losses in one pass; accuracy is `None` for an
/// empty set.
pub fn accuracy_and_losses(net: &Net, data: &Dataset) -> Result<(Option<f64>, Vec<f32>)> {
	tch::no_grad(|| {
		let idx: Vec<usize> = (0..data.len()).collect();
		let mut losses = Vec::with_capacity(data.len());
		let mut correct = 0i64;
		for chunk in idx.chunks(EVAL_BATCH) {
			let (x, y) = data.batch(chunk, net.device());
			let logits = net.forward(&x, false);
			correct += logits.argmax(-1, false).eq_tensor(&y).sum(Kind::Int64).int64_value(&[]);
			let l = logits
				.log_softmax(-1, Kind::Float)
				.gather(1, &y.unsqueeze(1), false)
				.neg()
				.view(-1);
			losses.extend(Vec::<f32>::try_from(&l.to_device(tch::Device::Cpu))?);
		}
		let acc = (!data.is_empty()).then(|| correct as f64 / data.len() as f64);
		Ok((acc, losses))
	})
}

/// Per-sample cross-entropy losses (for the membership-inference attack).
pub fn per_sample_losses(net: &Net, data: &Dataset) -> Result<Vec<f32>> {
	tch::no_grad(|| {
		let idx: Vec<usize> = (0..data.len()).collect();
		let mut out = Vec::with_capacity(data.len());
		for chunk in idx.chunks(EVAL_BATCH) {
			let (x, y) = data.batch(chunk, net.device());
			let l = net
				.forward(&x, false)
				.log_softmax(-1, Kind::Float)
				.gather(1, &y.unsqueeze(1), false)
				.neg()
				.view(-1);
			out.extend(Vec::<f32>::try_from(&l.to_device(tch::Device::Cpu))?);
		}
		Ok(out)
	})
}

/// Gradient-ascent unlearning of the start model: maximise the loss on the forgotten data.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AscentConfig {
	/// Upper bound on ascent steps.
	pub max_steps: usize,
	/// Learning rate (plain SGD, no momentum).
	pub lr: f64,
	/// Mini-batch size.
	pub batch_size: usize,
	/// Stop once accuracy on the forgotten data is at or below this fraction.
	pub target_accuracy: f64,
	/// Every ascent step is rescaled to this gradient norm (a fixed step length of
	/// `lr · clip_norm`), which neither stalls on saturated samples nor diverges.
	pub clip_norm: f64,
}

impl Default for AscentConfig {
	fn default() -> Self {
		AscentConfig {
			max_steps: 200,
			lr: 0.01,
			batch_size: 64,
			target_accuracy: 0.0,
			clip_norm: 5.0,
		}
	}
}

/// Rescales the gradients to global norm `norm`. On confidently classified samples the
/// cross-entropy gradient vanishes (softmax saturation), so plain ascent would stall for
/// hundreds of steps; a fixed step length moves at the same pace from any start.
fn normalize_gradients(net: &Net, norm: f64) {
	tch::no_grad(|| {
		let grads: Vec<Tensor> =
			net.vs.trainable_variables().iter().map(|v| v.grad()).filter(|g| g.defined()).collect();
		let total: f64 = grads
			.iter()
			.map(|g| g.square().sum(Kind::Double).double_value(&[]))
			.sum::<f64>()
			.sqrt();
		if total > 0.0 && total.is_finite() {
			for mut g in grads {
				let _ = g.g_mul_scalar_(norm / total);
			}
		}
	});
}

/// Runs gradient ascent on `forget` until its accuracy reaches `target_accuracy` (checked
/// every few steps) or `max_steps`; returns the steps taken. The stop rule reads the same
/// samples it ascends on; [`gradient_ascent_held_out`] separates them.
pub fn gradient_ascent(
	net: &mut Net,
	forget: &Dataset,
	cfg: &AscentConfig,
	seed: u64,
) -> Result<usize> {
	gradient_ascent_held_out(net, forget, forget, cfg, seed)
}

/// Gradient ascent on `ascend` that stops once the accuracy on `stop` — held-out forgotten
/// samples, not the ones ascended on and not the reported metric — reaches
/// `target_accuracy` (checked after every round of up to five steps, the first round
/// always taken), or after `max_steps`; returns the steps taken.
///
/// The network runs in **eval mode** during the ascent: BatchNorm normalises with its
/// running statistics and does not update them, so the ascent moves the learnable
/// parameters only (Δθ is zero on BatchNorm buffers) and never feeds the forgotten
/// batches into the statistics the model is evaluated with.
pub fn gradient_ascent_held_out(
	net: &mut Net,
	ascend: &Dataset,
	stop: &Dataset,
	cfg: &AscentConfig,
	seed: u64,
) -> Result<usize> {
	let forget = ascend;
	if forget.is_empty() || stop.is_empty() {
		return Err(WorkerError::InvalidArgument("gradient ascent needs forgotten samples".into()));
	}
	let mut opt = sgd(net, cfg.lr, 0.0, 0.0)?;
	let mut rng = ChaCha8Rng::seed_from_u64(seed);
	let mut order: Vec<usize> = (0..forget.len()).collect();
	let mut steps = 0;
	while steps < cfg.max_steps {
		// At least one round of steps: the model trained on the withdrawn samples, so it
		// changes even when the held-out ones already look unseen (a random subset of a
		// model that did not over-fit; the chain refuses `Unchanged` for a start model).
		if steps > 0 && accuracy(net, stop).unwrap_or(0.0) <= cfg.target_accuracy {
			break;
		}
		order.shuffle(&mut rng);
		for chunk in order.chunks(cfg.batch_size).take(5) {
			let (x, y) = forget.batch(chunk, net.device());
			let loss = -net.forward(&x, false).cross_entropy_for_logits(&y);
			check_finite(&loss, "gradient ascent")?;
			opt.zero_grad();
			loss.backward();
			normalize_gradients(net, cfg.clip_norm);
			opt.step();
			steps += 1;
			if steps >= cfg.max_steps {
				break;
			}
		}
	}
	Ok(steps)
}

/// Retained-accuracy repair (beyond the paper): a NegGrad+-style mix of descent on
/// retained data and bounded ascent on forgotten data, run by each owner independently
/// (so the parallel paradigm keeps its single consensus).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RepairConfig {
	/// SGD steps.
	pub steps: usize,
	/// Learning rate.
	pub lr: f64,
	/// Mini-batch size.
	pub batch_size: usize,
	/// Weight β of the retain term; the forget term gets 1 − β.
	pub beta: f64,
	/// The forget loss stops pushing once it exceeds this bound (nats), so the ascent
	/// cannot blow the weights up.
	pub forget_loss_bound: f64,
}

impl Default for RepairConfig {
	fn default() -> Self {
		RepairConfig { steps: 20, lr: 0.01, batch_size: 32, beta: 0.9, forget_loss_bound: 5.0 }
	}
}

/// Steps between two validations of the repair.
pub const VALIDATE_EVERY: usize = 5;

/// Runs the repair; `forget` may be empty (then it is plain retain descent, which for
/// class-level unlearning also pushes the forgotten logits further down).
///
/// With a non-empty `validation` set (the owner's local test data without the forgotten
/// classes — the data eq. 1 already uses to choose references) the accuracy on it is
/// checked before the first step and every [`VALIDATE_EVERY`] steps, and the best version
/// stays in `net` (the latest on ties, so that the repair goes as far as it does no harm):
/// a repair that would hurt the owner's model is not kept. Returns the number of steps of
/// the version kept.
pub fn repair(
	net: &mut Net,
	retain: &Dataset,
	forget: &Dataset,
	cfg: &RepairConfig,
	seed: u64,
	validation: &Dataset,
) -> Result<usize> {
	if retain.is_empty() {
		return Err(WorkerError::InvalidArgument("repair needs retained samples".into()));
	}
	if !(0.0..=1.0).contains(&cfg.beta) {
		return Err(WorkerError::InvalidArgument(format!(
			"repair beta {} not in [0, 1]",
			cfg.beta
		)));
	}
	let mut opt = sgd(net, cfg.lr, 0.9, 0.0)?;
	let mut rng = ChaCha8Rng::seed_from_u64(seed);
	let pick = |rng: &mut ChaCha8Rng, n: usize| -> Vec<usize> {
		(0..cfg.batch_size.min(n)).map(|_| rand::Rng::random_range(rng, 0..n)).collect()
	};
	let validate = |net: &Net| accuracy(net, validation).unwrap_or(0.0);
	let mut best = if validation.is_empty() { None } else { Some((validate(net), 0, net.weights()?)) };
	for step in 1..=cfg.steps {
		let (x, y) = retain.batch(&pick(&mut rng, retain.len()), net.device());
		let mut loss = net.forward(&x, true).cross_entropy_for_logits(&y) * cfg.beta;
		if !forget.is_empty() {
			let (xf, yf) = forget.batch(&pick(&mut rng, forget.len()), net.device());
			let lf = net
				.forward(&xf, true)
				.cross_entropy_for_logits(&yf)
				.clamp_max(cfg.forget_loss_bound);
			loss -= lf * (1.0 - cfg.beta);
		}
		check_finite(&loss, "repair")?;
		opt.backward_step_clip_norm(&loss, 5.0);
		if let Some((acc, kept, w)) = best.as_mut() {
			if step % VALIDATE_EVERY == 0 || step == cfg.steps {
				let now = validate(net);
				if now >= *acc {
					(*acc, *kept, *w) = (now, step, net.weights()?);
				}
			}
		}
	}
	match best {
		Some((_, kept, w)) if kept < cfg.steps => {
			w.load_into(&net.vs)?;
			Ok(kept)
		}
		_ => Ok(cfg.steps),
	}
}

/// SCRUB (Kurmanji et al., NeurIPS 2023), a retain-aware unlearning method run by a start
/// model's owner: the original model is the **teacher**, the unlearned one the
/// **student**. "Max" steps push the student's predictions on withdrawn samples away from
/// the teacher's (ascent on their KL divergence); "min" steps keep it close to the teacher
/// on retained samples (KL) while fitting their labels (cross-entropy).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScrubConfig {
	/// SGD steps in all (max + min).
	pub steps: usize,
	/// Every `max_every`-th step is a max step (on withdrawn samples), the others min steps.
	pub max_every: usize,
	/// Max steps stop after this many (SCRUB's `msteps`), leaving only min steps.
	pub max_steps: usize,
	/// Learning rate.
	pub lr: f64,
	/// Mini-batch size.
	pub batch_size: usize,
	/// Weight of the retained samples' KL term in a min step (SCRUB's α).
	pub alpha: f64,
	/// Weight of the retained samples' cross-entropy in a min step (SCRUB's γ).
	pub gamma: f64,
	/// Softmax temperature of the KL terms.
	pub temperature: f64,
}

impl Default for ScrubConfig {
	fn default() -> Self {
		ScrubConfig {
			steps: 60,
			max_every: 2,
			max_steps: 15,
			lr: 0.01,
			batch_size: 32,
			alpha: 1.0,
			gamma: 1.0,
			temperature: 4.0,
		}
	}
}

/// KL(teacher ‖ student) of tempered softmaxes, averaged over the batch.
fn kl_to_teacher(student_logits: &Tensor, teacher_logits: &Tensor, temperature: f64) -> Tensor {
	let s = (student_logits / temperature).log_softmax(-1, Kind::Float);
	let t = (teacher_logits / temperature).log_softmax(-1, Kind::Float);
	(t.exp() * (t - s)).sum_dim_intlist(-1, false, Kind::Float).mean(Kind::Float)
}

/// Runs SCRUB on `net` (the student, starting from the teacher's weights) with `teacher`
/// fixed; returns the steps taken. Both sets must be non-empty.
pub fn scrub(
	net: &mut Net,
	teacher: &Net,
	retain: &Dataset,
	forget: &Dataset,
	cfg: &ScrubConfig,
	seed: u64,
) -> Result<usize> {
	if retain.is_empty() || forget.is_empty() {
		return Err(WorkerError::InvalidArgument("SCRUB needs retained and withdrawn samples".into()));
	}
	if cfg.max_every == 0 || !(cfg.temperature > 0.0) {
		return Err(WorkerError::InvalidArgument(format!("SCRUB settings {cfg:?}: max_every and temperature must be positive")));
	}
	let mut opt = sgd(net, cfg.lr, 0.9, 0.0)?;
	let mut rng = ChaCha8Rng::seed_from_u64(seed);
	let pick = |rng: &mut ChaCha8Rng, n: usize| -> Vec<usize> {
		(0..cfg.batch_size.min(n)).map(|_| rand::Rng::random_range(rng, 0..n)).collect()
	};
	let mut max_done = 0;
	for step in 0..cfg.steps {
		// The student starts as the teacher, where the KL's gradient vanishes: a min step
		// comes first, then every `max_every`-th step is a max step.
		let max_step = step % cfg.max_every == cfg.max_every - 1 && max_done < cfg.max_steps;
		let data = if max_step { forget } else { retain };
		let (x, y) = data.batch(&pick(&mut rng, data.len()), net.device());
		let taught = tch::no_grad(|| teacher.forward(&x, false));
		let out = net.forward(&x, true);
		let kl = kl_to_teacher(&out, &taught, cfg.temperature);
		let loss = if max_step {
			max_done += 1;
			-kl
		} else {
			kl * cfg.alpha + out.cross_entropy_for_logits(&y) * cfg.gamma
		};
		check_finite(&loss, "SCRUB")?;
		opt.backward_step_clip_norm(&loss, 5.0);
	}
	Ok(cfg.steps)
}
