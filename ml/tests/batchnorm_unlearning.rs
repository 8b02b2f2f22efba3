//! BatchNorm models in the parallel paradigm (issue 13, item 3): gradient ascent runs in
//! eval mode, so it moves the learnable parameters only and leaves every BatchNorm running
//! statistic unchanged; Δθ is taken over the learnable parameters; propagating it into a
//! descendant (eqs. 7-8 with α = c = 1) leaves the descendant's eval-mode accuracy on
//! retained classes sane. ResNet18 and MobileNetV2 at 16×16 grey input, CPU.


use blockful_ml::models::{Arch, ModelSpec, Net};
use blockful_ml::train::{accuracy, gradient_ascent, train, AscentConfig, TrainConfig};
use blockful_ml::synthetic::synthetic;
use tch::Device;

mod common;

fn propagated_update_keeps_the_descendant_sane(arch: Arch) {
	tch::set_num_threads(2);
	let spec = ModelSpec { arch, channels: 1, height: 16, width: 16, num_classes: 10 };
	let data = synthetic(600, 16, 1).unwrap();
	let test = synthetic(300, 16, 2).unwrap();
	let retained_test = test.filter_classes(&[1], false);
	let forget = data.filter_classes(&[1], true);
	let cfg = TrainConfig { epochs: 3, batch_size: 32, lr: 0.05, momentum: 0.9, weight_decay: 0.0 };

	// The start model, and a descendant that aggregated it and trained on.
	let mut start = Net::new(spec, Device::Cpu, 1).unwrap();
	train(&mut start, &data, &cfg, 1, |_, _| {}).unwrap();
	let remembered = accuracy(&start, &forget).unwrap();
	assert!(remembered > 0.5, "{arch:?}: the start model knows the class ({remembered})");
	let before = start.weights().unwrap();
	let mut child = Net::with_weights(spec, Device::Cpu, &before).unwrap();
	train(&mut child, &data, &TrainConfig { epochs: 1, ..cfg }, 2, |_, _| {}).unwrap();
	let child_before = accuracy(&child, &retained_test).unwrap();
	assert!(child_before > 0.8, "{arch:?}: the descendant learned ({child_before})");

	// Gradient ascent on the start model's forgotten class.
	let ascent = AscentConfig { max_steps: 30, ..AscentConfig::default() };
	gradient_ascent(&mut start, &forget, &ascent, 3).unwrap();
	let learnable = start.learnable_names();
	let after = start.weights().unwrap();
	let buffers: Vec<_> =
		after.tensors().iter().filter(|t| !learnable.contains(&t.name)).collect();
	assert!(
		buffers.iter().any(|t| t.name.contains("running_mean")),
		"{arch:?} has BatchNorm buffers"
	);
	for (a, b) in after.tensors().iter().zip(before.tensors()) {
		if !learnable.contains(&a.name) {
			assert_eq!(a.data, b.data, "{arch:?}: the ascent left {} unchanged", a.name);
		}
	}
	let delta = after.sub(&before).unwrap().learnable_only(&learnable);
	assert!(delta.norm() > 0.0, "{arch:?}: the ascent moved the parameters");
	assert!(delta
		.tensors()
		.iter()
		.filter(|t| !learnable.contains(&t.name))
		.all(|t| t.data.iter().all(|x| *x == 0.0)));

	// Eqs. 7-8 into the descendant.
	let mut w = child.weights().unwrap();
	w.axpy(1.0, &delta).unwrap();
	let updated = Net::with_weights(spec, Device::Cpu, &w).unwrap();
	let child_after = accuracy(&updated, &retained_test).unwrap();
	assert!(
		child_after.is_finite() && child_after > 0.5,
		"{arch:?}: retained accuracy after the propagated update is sane \
		 ({child_before:.3} -> {child_after:.3})"
	);
	let forgotten = accuracy(&start, &forget).unwrap();
	eprintln!(
		"{arch:?}: start model on the forgotten class {remembered:.3} -> {forgotten:.3}; \
		 descendant retained accuracy {child_before:.3} -> {child_after:.3}"
	);
}

#[test]
fn resnet18_propagated_update_keeps_batchnorm_sane() {
	let _rng = common::torch_rng();
	propagated_update_keeps_the_descendant_sane(Arch::Resnet18);
}

#[test]
fn mobilenetv2_propagated_update_keeps_batchnorm_sane() {
	let _rng = common::torch_rng();
	propagated_update_keeps_the_descendant_sane(Arch::Mobilenetv2);
}
