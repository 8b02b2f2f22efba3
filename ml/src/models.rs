//! Architectures: a small CNN for CPU runs, and small-image (CIFAR-style) AlexNet, ResNet18
//! and MobileNetV2. All accept any channel count and image size ≥ 8×8 (they end in an
//! adaptive average pool), so the same code serves Fashion-MNIST and CIFAR-10.

use crate::error::{Result, WorkerError};
use crate::weights::Weights;
use serde::{Deserialize, Serialize};
use tch::nn::{self, ModuleT};
use tch::{Device, Tensor};

/// Model architecture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[serde(rename_all = "kebab-case")]
pub enum Arch {
	/// Two conv layers + two linear layers (~30k parameters); seconds per model on a CPU.
	SmallCnn,
	/// AlexNet with 3×3 kernels and stride 1 for 28-32 px inputs.
	Alexnet,
	/// ResNet18 with a 3×3 stem and no max-pool (the usual CIFAR variant).
	Resnet18,
	/// MobileNetV2 (width 1.0) with stride-1 stem and second stage, for small images.
	Mobilenetv2,
}

impl Arch {
	/// Name used in reports.
	pub fn name(self) -> &'static str {
		match self {
			Arch::SmallCnn => "small-cnn",
			Arch::Alexnet => "alexnet",
			Arch::Resnet18 => "resnet18",
			Arch::Mobilenetv2 => "mobilenetv2",
		}
	}
}

/// Everything needed to instantiate a model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelSpec {
	/// Architecture.
	pub arch: Arch,
	/// Input channels.
	pub channels: usize,
	/// Input height.
	pub height: usize,
	/// Input width.
	pub width: usize,
	/// Output classes.
	pub num_classes: usize,
}

/// A model bound to its variables.
pub struct Net {
	/// The variables.
	pub vs: nn::VarStore,
	module: Box<dyn ModuleT>,
	/// What was built.
	pub spec: ModelSpec,
}

impl std::fmt::Debug for Net {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		f.debug_struct("Net").field("spec", &self.spec).finish()
	}
}

impl Net {
	/// A freshly initialised model; the initialisation is deterministic in `seed`.
	pub fn new(spec: ModelSpec, device: Device, seed: i64) -> Result<Net> {
		if spec.channels == 0 || spec.num_classes < 2 || spec.height < 8 || spec.width < 8 {
			return Err(WorkerError::InvalidArgument(format!("unsupported model spec {spec:?}")));
		}
		tch::manual_seed(seed);
		let vs = nn::VarStore::new(device);
		let module = build(&vs.root(), spec);
		Ok(Net { vs, module, spec })
	}

	/// A model holding `weights`.
	pub fn with_weights(spec: ModelSpec, device: Device, weights: &Weights) -> Result<Net> {
		let net = Net::new(spec, device, 0)?;
		weights.load_into(&net.vs)?;
		Ok(net)
	}

	/// Logits for a batch.
	pub fn forward(&self, xs: &Tensor, train: bool) -> Tensor {
		self.module.forward_t(xs, train)
	}

	/// The current weights.
	pub fn weights(&self) -> Result<Weights> {
		Weights::from_varstore(&self.vs)
	}

	/// Device of the variables.
	pub fn device(&self) -> Device {
		self.vs.device()
	}

	/// Names of the learnable parameters (those with gradients); the rest are buffers
	/// such as BatchNorm's running statistics.
	pub fn learnable_names(&self) -> std::collections::BTreeSet<String> {
		self.vs
			.variables()
			.into_iter()
			.filter(|(_, t)| t.requires_grad())
			.map(|(name, _)| name)
			.collect()
	}
}

fn build(p: &nn::Path, spec: ModelSpec) -> Box<dyn ModuleT> {
	let (c, k) = (spec.channels as i64, spec.num_classes as i64);
	match spec.arch {
		Arch::SmallCnn => Box::new(small_cnn(p, c, k)),
		Arch::Alexnet => Box::new(alexnet(p, c, k)),
		Arch::Resnet18 => Box::new(resnet18(p, c, k)),
		Arch::Mobilenetv2 => Box::new(mobilenet_v2(p, c, k)),
	}
}

fn conv(p: nn::Path, i: i64, o: i64, k: i64, stride: i64, padding: i64, bias: bool) -> nn::Conv2D {
	nn::conv2d(p, i, o, k, nn::ConvConfig { stride, padding, bias, ..Default::default() })
}

/// 3×3 depthwise convolution (one filter per channel), no bias.
fn depthwise(p: nn::Path, c: i64, stride: i64) -> nn::Conv2D {
	nn::conv2d(
		p,
		c,
		c,
		3,
		nn::ConvConfig { stride, padding: 1, groups: c, bias: false, ..Default::default() },
	)
}

fn small_cnn(p: &nn::Path, c: i64, k: i64) -> nn::SequentialT {
	nn::seq_t()
		.add(conv(p / "conv1", c, 16, 3, 1, 1, true))
		.add_fn(|x| x.relu().max_pool2d_default(2))
		.add(conv(p / "conv2", 16, 32, 3, 1, 1, true))
		.add_fn(|x| x.relu().max_pool2d_default(2).adaptive_avg_pool2d([4, 4]).flatten(1, -1))
		.add(nn::linear(p / "fc1", 32 * 16, 64, Default::default()))
		.add_fn(|x| x.relu())
		.add(nn::linear(p / "fc2", 64, k, Default::default()))
}

fn alexnet(p: &nn::Path, c: i64, k: i64) -> nn::SequentialT {
	let f = p / "features";
	let cl = p / "classifier";
	nn::seq_t()
		.add(conv(&f / "0", c, 64, 3, 1, 1, true))
		.add_fn(|x| x.relu().max_pool2d_default(2))
		.add(conv(&f / "3", 64, 192, 3, 1, 1, true))
		.add_fn(|x| x.relu().max_pool2d_default(2))
		.add(conv(&f / "6", 192, 384, 3, 1, 1, true))
		.add_fn(|x| x.relu())
		.add(conv(&f / "8", 384, 256, 3, 1, 1, true))
		.add_fn(|x| x.relu())
		.add(conv(&f / "10", 256, 256, 3, 1, 1, true))
		.add_fn(|x| x.relu().max_pool2d_default(2).adaptive_avg_pool2d([2, 2]).flatten(1, -1))
		.add_fn_t(|x, train| x.dropout(0.5, train))
		.add(nn::linear(&cl / "1", 256 * 4, 1024, Default::default()))
		.add_fn_t(|x, train| x.relu().dropout(0.5, train))
		.add(nn::linear(&cl / "4", 1024, 1024, Default::default()))
		.add_fn(|x| x.relu())
		.add(nn::linear(&cl / "6", 1024, k, Default::default()))
}

fn bn(p: nn::Path, c: i64) -> nn::BatchNorm {
	nn::batch_norm2d(p, c, Default::default())
}

fn basic_block(p: nn::Path, i: i64, o: i64, stride: i64) -> impl ModuleT {
	let conv1 = conv(&p / "conv1", i, o, 3, stride, 1, false);
	let bn1 = bn(&p / "bn1", o);
	let conv2 = conv(&p / "conv2", o, o, 3, 1, 1, false);
	let bn2 = bn(&p / "bn2", o);
	let down = if stride != 1 || i != o {
		Some((
			conv(&p / "downsample" / "0", i, o, 1, stride, 0, false),
			bn(&p / "downsample" / "1", o),
		))
	} else {
		None
	};
	nn::func_t(move |x, train| {
		let y = x.apply(&conv1).apply_t(&bn1, train).relu().apply(&conv2).apply_t(&bn2, train);
		let shortcut = match &down {
			Some((c, b)) => x.apply(c).apply_t(b, train),
			None => x.shallow_clone(),
		};
		(y + shortcut).relu()
	})
}

fn resnet18(p: &nn::Path, c: i64, k: i64) -> nn::SequentialT {
	let mut seq = nn::seq_t()
		.add(conv(p / "conv1", c, 64, 3, 1, 1, false))
		.add(bn(p / "bn1", 64))
		.add_fn(|x| x.relu());
	let mut in_c = 64;
	for (layer, (out_c, stride)) in [(64, 1), (128, 2), (256, 2), (512, 2)].into_iter().enumerate()
	{
		let lp = p / format!("layer{}", layer + 1);
		seq = seq.add(basic_block(&lp / "0", in_c, out_c, stride)).add(basic_block(
			&lp / "1",
			out_c,
			out_c,
			1,
		));
		in_c = out_c;
	}
	seq.add_fn(|x| x.adaptive_avg_pool2d([1, 1]).flatten(1, -1)).add(nn::linear(
		p / "fc",
		512,
		k,
		Default::default(),
	))
}

fn inverted_residual(p: nn::Path, i: i64, o: i64, stride: i64, expand: i64) -> impl ModuleT {
	let hidden = i * expand;
	let expand_layer = (expand != 1)
		.then(|| (conv(&p / "expand", i, hidden, 1, 1, 0, false), bn(&p / "expand_bn", hidden)));
	let dw = depthwise(&p / "dw", hidden, stride);
	let dw_bn = bn(&p / "dw_bn", hidden);
	let project = conv(&p / "project", hidden, o, 1, 1, 0, false);
	let project_bn = bn(&p / "project_bn", o);
	let residual = stride == 1 && i == o;
	nn::func_t(move |x, train| {
		let mut y = x.shallow_clone();
		if let Some((c, b)) = &expand_layer {
			y = y.apply(c).apply_t(b, train).clamp(0.0, 6.0);
		}
		y = y
			.apply(&dw)
			.apply_t(&dw_bn, train)
			.clamp(0.0, 6.0)
			.apply(&project)
			.apply_t(&project_bn, train);
		if residual {
			y + x
		} else {
			y
		}
	})
}

fn mobilenet_v2(p: &nn::Path, c: i64, k: i64) -> nn::SequentialT {
	// (expansion t, channels c, repeats n, stride s); strides of the first two stages are 1
	// for 28-32 px inputs instead of ImageNet's 2.
	const SETTINGS: [(i64, i64, i64, i64); 7] = [
		(1, 16, 1, 1),
		(6, 24, 2, 1),
		(6, 32, 3, 2),
		(6, 64, 4, 2),
		(6, 96, 3, 1),
		(6, 160, 3, 2),
		(6, 320, 1, 1),
	];
	let f = p / "features";
	let mut seq = nn::seq_t()
		.add(conv(&f / "stem", c, 32, 3, 1, 1, false))
		.add(bn(&f / "stem_bn", 32))
		.add_fn(|x| x.clamp(0.0, 6.0));
	let mut in_c = 32;
	let mut block = 0;
	for (t, out_c, n, s) in SETTINGS {
		for r in 0..n {
			let stride = if r == 0 { s } else { 1 };
			seq = seq.add(inverted_residual(&f / format!("b{block}"), in_c, out_c, stride, t));
			in_c = out_c;
			block += 1;
		}
	}
	seq.add(conv(&f / "head", in_c, 1280, 1, 1, 0, false))
		.add(bn(&f / "head_bn", 1280))
		.add_fn(|x| x.clamp(0.0, 6.0).adaptive_avg_pool2d([1, 1]).flatten(1, -1))
		.add_fn_t(|x, train| x.dropout(0.2, train))
		.add(nn::linear(p / "classifier", 1280, k, Default::default()))
}
