//! Data loaders, partitioning, the model store, weights and the DAG coefficients.
//! Everything here is CPU-only and runs in well under a second per test.

use blockful_ml::dag::Dag;
use blockful_ml::data::{
	load_cifar10, load_fashion_mnist, parse_idx_images, partition_by_class, split_forget_retain,
	DatasetKind, ShareSize,
};
use blockful_ml::mia::{auc_interval, Audit, Verdict};
use blockful_ml::report::Timing;
use blockful_ml::store::{Cid, ModelStore, Stores};
use blockful_ml::topology::Topology;
use blockful_ml::weights::{WeightTensor, Weights};
use blockful_ml::WorkerError;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::io::Write;
use std::path::Path;

fn idx_images(n: u32, rows: u32, cols: u32) -> Vec<u8> {
	let mut v = Vec::new();
	v.extend(0x0803u32.to_be_bytes());
	v.extend(n.to_be_bytes());
	v.extend(rows.to_be_bytes());
	v.extend(cols.to_be_bytes());
	v.extend((0..n * rows * cols).map(|i| (i % 251) as u8));
	v
}

fn idx_labels(n: u32) -> Vec<u8> {
	let mut v = Vec::new();
	v.extend(0x0801u32.to_be_bytes());
	v.extend(n.to_be_bytes());
	v.extend((0..n).map(|i| (i % 10) as u8));
	v
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
	let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
	e.write_all(bytes).unwrap();
	e.finish().unwrap()
}

fn write_fmnist(dir: &Path, gz: bool) {
	let files = [
		("train-images-idx3-ubyte", idx_images(30, 28, 28)),
		("train-labels-idx1-ubyte", idx_labels(30)),
		("t10k-images-idx3-ubyte", idx_images(20, 28, 28)),
		("t10k-labels-idx1-ubyte", idx_labels(20)),
	];
	for (name, bytes) in files {
		if gz {
			std::fs::write(dir.join(format!("{name}.gz")), gzip(&bytes)).unwrap();
		} else {
			std::fs::write(dir.join(name), bytes).unwrap();
		}
	}
}

fn cifar_records(n: usize) -> Vec<u8> {
	let mut v = Vec::new();
	for i in 0..n {
		v.push((i % 10) as u8);
		v.extend((0..3072).map(|p| ((p + i) % 256) as u8));
	}
	v
}

#[test]
fn fashion_mnist_gzip_and_plain_load_works() {
	for gz in [true, false] {
		let dir = tempfile::tempdir().unwrap();
		write_fmnist(dir.path(), gz);
		let (train, test) = load_fashion_mnist(dir.path()).unwrap();
		assert_eq!((train.len(), test.len()), (30, 20));
		assert_eq!(train.image_shape(), (1, 28, 28));
		assert_eq!(train.labels()[..3], [0, 1, 2]);
	}
}

/// The embedded default data set. `scripts/bootstrap.sh` installs it (Debian's
/// `dataset-fashion-mnist`), so a missing copy is a broken set-up and fails here with the
/// fix, instead of passing silently.
#[test]
fn real_fashion_mnist_loads() {
	let dir = DatasetKind::FashionMnist.default_dir().unwrap();
	assert!(
		dir.join("train-images-idx3-ubyte.gz").is_file(),
		"Fashion-MNIST is missing from {}: run scripts/bootstrap.sh (it installs Debian's \
		 dataset-fashion-mnist)",
		dir.display()
	);
	let (train, test) = load_fashion_mnist(&dir).unwrap();
	assert_eq!((train.len(), test.len()), (60_000, 10_000));
	let mut counts = [0usize; 10];
	train.labels().iter().for_each(|&l| counts[l as usize] += 1);
	assert!(counts.iter().all(|&c| c == 6000), "{counts:?}");
}

#[test]
fn idx_wrong_magic_fails() {
	let mut bytes = idx_images(2, 28, 28);
	bytes[3] = 0x01;
	let err = parse_idx_images(&bytes, Path::new("x")).unwrap_err();
	assert!(err.to_string().contains("wrong IDX image magic"), "{err}");
}

#[test]
fn idx_truncated_file_fails() {
	let dir = tempfile::tempdir().unwrap();
	write_fmnist(dir.path(), false);
	let p = dir.path().join("train-images-idx3-ubyte");
	let bytes = std::fs::read(&p).unwrap();
	std::fs::write(&p, &bytes[..bytes.len() - 5]).unwrap();
	let err = load_fashion_mnist(dir.path()).unwrap_err();
	assert!(matches!(err, WorkerError::Dataset { .. }));
	assert!(err.to_string().contains("header promises 30 images"), "{err}");
	let err = parse_idx_images(&bytes[..10], Path::new("short")).unwrap_err();
	assert!(err.to_string().contains("truncated IDX image header"), "{err}");
}

#[test]
fn idx_label_count_mismatch_fails() {
	let dir = tempfile::tempdir().unwrap();
	write_fmnist(dir.path(), true);
	std::fs::write(dir.path().join("t10k-labels-idx1-ubyte.gz"), gzip(&idx_labels(19))).unwrap();
	let err = load_fashion_mnist(dir.path()).unwrap_err();
	assert!(err.to_string().contains("19 labels for 20 images"), "{err}");
}

#[test]
fn corrupt_gzip_fails() {
	let dir = tempfile::tempdir().unwrap();
	write_fmnist(dir.path(), true);
	let p = dir.path().join("train-labels-idx1-ubyte.gz");
	let mut bytes = std::fs::read(&p).unwrap();
	bytes.truncate(12);
	std::fs::write(&p, bytes).unwrap();
	let err = load_fashion_mnist(dir.path()).unwrap_err();
	assert!(err.to_string().contains("corrupt gzip"), "{err}");
}

#[test]
fn missing_data_dir_fails() {
	let err = load_fashion_mnist(Path::new("/nonexistent/blockful")).unwrap_err();
	assert!(err.to_string().contains("not a directory"), "{err}");
}

/// Writes the five training batches (`n` records each) and a test batch of `t` records.
fn write_cifar(dir: &std::path::Path, n: usize, t: usize) {
	for i in 1..=5 {
		std::fs::write(dir.join(format!("data_batch_{i}.bin")), cifar_records(n)).unwrap();
	}
	std::fs::write(dir.join("test_batch.bin"), cifar_records(t)).unwrap();
}

#[test]
fn cifar10_binary_load_works() {
	let dir = tempfile::tempdir().unwrap();
	write_cifar(dir.path(), 4, 5);
	let (train, test) = load_cifar10(dir.path()).unwrap();
	assert_eq!((train.len(), test.len()), (20, 5));
	assert_eq!(train.image_shape(), (3, 32, 32));
	assert_eq!(train.labels()[4], 0);
}

#[test]
fn cifar10_with_a_missing_batch_fails() {
	let dir = tempfile::tempdir().unwrap();
	write_cifar(dir.path(), 2, 1);
	std::fs::remove_file(dir.path().join("data_batch_3.bin")).unwrap();
	std::fs::remove_file(dir.path().join("data_batch_5.bin")).unwrap();
	let err = load_cifar10(dir.path()).unwrap_err().to_string();
	assert!(err.contains("missing: data_batch_3.bin, data_batch_5.bin"), "{err}");
}

#[test]
fn cifar10_truncated_record_fails() {
	let dir = tempfile::tempdir().unwrap();
	write_cifar(dir.path(), 2, 1);
	let mut b = cifar_records(3);
	b.pop();
	std::fs::write(dir.path().join("data_batch_1.bin"), b).unwrap();
	let err = load_cifar10(dir.path()).unwrap_err();
	assert!(err.to_string().contains("not a positive multiple of the 3073-byte"), "{err}");
}

#[test]
fn cifar10_bad_label_and_missing_files_fail() {
	let dir = tempfile::tempdir().unwrap();
	let err = load_cifar10(dir.path()).unwrap_err();
	assert!(err.to_string().contains("missing: data_batch_1.bin"), "{err}");
	write_cifar(dir.path(), 2, 1);
	let mut b = cifar_records(2);
	b[3073] = 10;
	std::fs::write(dir.path().join("data_batch_1.bin"), b).unwrap();
	let err = load_cifar10(dir.path()).unwrap_err();
	assert!(err.to_string().contains("record 1 has label 10"), "{err}");
	std::fs::write(dir.path().join("data_batch_1.bin"), cifar_records(2)).unwrap();
	std::fs::remove_file(dir.path().join("test_batch.bin")).unwrap();
	let err = load_cifar10(dir.path()).unwrap_err();
	assert!(err.to_string().contains("missing: test_batch.bin"), "{err}");
}

#[test]
fn partition_is_class_correct_and_disjoint() {
	let labels: Vec<u8> = (0..1000).map(|i| (i % 10) as u8).collect();
	let classes = vec![vec![0, 1], vec![1, 2, 3], vec![9]];
	let parts = partition_by_class(&labels, &classes, ShareSize::PerUser(30), 0.0, &[], 1).unwrap();
	let mut seen = std::collections::HashSet::new();
	for (u, idx) in parts.iter().enumerate() {
		assert_eq!(idx.len(), 30);
		for &i in idx {
			assert!(classes[u].contains(&labels[i]), "user {u} got class {}", labels[i]);
			assert!(seen.insert(i), "sample {i} given twice");
		}
	}
	// Even split over the user's classes.
	assert_eq!(parts[1].iter().filter(|&&i| labels[i] == 2).count(), 10);
	let full = partition_by_class(&labels, &classes, ShareSize::Full, 0.0, &[], 1).unwrap();
	assert_eq!(full[2].len(), 100);
	// Class 1 is wanted by user 0 (weight 1/2) and user 1 (weight 1/3): split 60 / 40.
	assert_eq!(full[0].iter().filter(|&&i| labels[i] == 1).count(), 60);
	assert_eq!(full[1].iter().filter(|&&i| labels[i] == 1).count(), 40);
	assert_eq!(
		full.iter().map(Vec::len).sum::<usize>(),
		100 * 5,
		"classes 4-8 are wanted by nobody"
	);
	let mixed = partition_by_class(&labels, &classes, ShareSize::PerUser(40), 0.5, &[], 2).unwrap();
	let foreign = mixed[2].iter().filter(|&&i| labels[i] != 9).count();
	assert_eq!(foreign, 18, "half of 40 is background, 2 of those 20 are class 9 itself");
	assert!(mixed.iter().all(|p| p.len() == 40));
	// Class 1 private: background comes from the other nine classes, so users 0 and 1
	// (who list class 1) are its only holders.
	let private =
		partition_by_class(&labels, &classes, ShareSize::PerUser(36), 0.5, &[1], 2).unwrap();
	assert_eq!(private[2].iter().filter(|&&i| labels[i] == 1).count(), 0);
	assert_eq!(private[2].iter().filter(|&&i| labels[i] != 9).count(), 16, "18 background, 2 of them class 9");
	assert!(private[0].iter().any(|&i| labels[i] == 1));
	let (f, r) = split_forget_retain(&parts[1], &labels, &[1]);
	assert!(f.iter().all(|&i| labels[i] == 1) && r.iter().all(|&i| labels[i] != 1));
	assert_eq!(f.len() + r.len(), 30);
}

#[test]
fn partition_oversubscribed_class_fails() {
	let labels: Vec<u8> = (0..100).map(|i| (i % 10) as u8).collect();
	let err = partition_by_class(&labels, &[vec![0], vec![0]], ShareSize::PerUser(6), 0.0, &[], 1)
		.unwrap_err();
	assert!(err.to_string().contains("only 4 left"), "{err}");
	let err = partition_by_class(&labels, &[vec![11]], ShareSize::PerUser(6), 0.0, &[], 1).unwrap_err();
	assert!(err.to_string().contains("class 11"), "{err}");
	let err = partition_by_class(&labels, &[vec![1]], ShareSize::PerUser(6), 1.5, &[], 1).unwrap_err();
	assert!(err.to_string().contains("background share"), "{err}");
	let all: Vec<u8> = (0..10).collect();
	let err =
		partition_by_class(&labels, &[vec![1]], ShareSize::PerUser(6), 0.5, &all, 1).unwrap_err();
	assert!(err.to_string().contains("not private"), "{err}");
}

fn sample_weights(seed: u64) -> Weights {
	let mut rng = ChaCha8Rng::seed_from_u64(seed);
	Weights::new(vec![
		WeightTensor {
			name: "b.weight".into(),
			shape: vec![2, 3],
			data: (0..6).map(|_| rng.random()).collect(),
		},
		WeightTensor {
			name: "a.bias".into(),
			shape: vec![4],
			data: (0..4).map(|_| rng.random()).collect(),
		},
	])
	.unwrap()
}

#[test]
fn safetensors_round_trip_is_deterministic() {
	let w = sample_weights(1);
	let bytes = w.to_safetensors().unwrap();
	assert_eq!(bytes, sample_weights(1).to_safetensors().unwrap());
	let back = Weights::from_safetensors(&bytes).unwrap();
	assert_eq!(back, w);
	assert_eq!(back.tensors()[0].name, "a.bias", "sorted by name");
}

#[test]
fn nan_weights_fail() {
	let err = Weights::new(vec![WeightTensor {
		name: "w".into(),
		shape: vec![2],
		data: vec![1.0, f32::NAN],
	}])
	.unwrap_err();
	assert!(err.to_string().contains("non-finite"), "{err}");
	let err =
		Weights::new(vec![WeightTensor { name: "w".into(), shape: vec![3], data: vec![1.0] }])
			.unwrap_err();
	assert!(err.to_string().contains("shape [3] but 1 values"), "{err}");
}

#[test]
fn weights_arithmetic_works() {
	let mut a = sample_weights(1);
	let b = sample_weights(2);
	let mean = Weights::mean(&[&a, &b]).unwrap();
	let mut manual = a.clone();
	manual.axpy(1.0, &b).unwrap();
	for (m, s) in mean.tensors().iter().zip(manual.tensors()) {
		for (x, y) in m.data.iter().zip(&s.data) {
			assert!((x - y / 2.0).abs() < 1e-6);
		}
	}
	let d = a.sub(&b).unwrap();
	assert!((d.norm() - a.distance(&b).unwrap()).abs() < 1e-9);
	assert!((d.dot(&d).unwrap().sqrt() - d.norm()).abs() < 1e-9);
	assert_eq!(a.layer_distances(&a).unwrap().iter().map(|l| l.l2).sum::<f64>(), 0.0);
	let other =
		Weights::new(vec![WeightTensor { name: "x".into(), shape: vec![1], data: vec![0.0] }])
			.unwrap();
	assert!(a.axpy(1.0, &other).unwrap_err().to_string().contains("different architectures"));
}

#[test]
fn store_put_get_and_redact_work() {
	let dir = tempfile::tempdir().unwrap();
	let stores = Stores::open(dir.path()).unwrap();
	let w1 = sample_weights(1);
	let c1 = stores.publish(&w1).unwrap();
	assert_eq!(c1, Cid::of(&w1.to_safetensors().unwrap()));
	assert!(stores.live.contains(&c1).unwrap() && stores.archive.contains(&c1).unwrap());
	assert_eq!(stores.get_weights(&c1).unwrap(), w1);
	let c2 = stores.stage(&sample_weights(2)).unwrap();
	stores.redact(&c1, &c2).unwrap();
	assert!(!stores.live.contains(&c1).unwrap(), "old version leaves live");
	assert!(
		stores.archive.contains(&c1).unwrap() && stores.archive.contains(&c2).unwrap(),
		"archive keeps every version"
	);
	assert_eq!(stores.get_weights(&c1).unwrap(), w1, "old version still readable from the archive");
	assert_eq!(stores.live.list().unwrap(), vec![c2]);
}

#[test]
fn corrupted_store_file_is_refused() {
	let dir = tempfile::tempdir().unwrap();
	let store = ModelStore::open(dir.path(), "live").unwrap();
	let cid = store.put_weights(&sample_weights(3)).unwrap();
	let path = store.local_path(&cid).unwrap();
	let mut bytes = std::fs::read(&path).unwrap();
	let last = bytes.len() - 1;
	bytes[last] ^= 0x01;
	std::fs::write(&path, bytes).unwrap();
	let err = store.get_weights(&cid).unwrap_err();
	assert!(matches!(err, WorkerError::CorruptModel { .. }), "{err}");
	assert!(err.to_string().contains(&format!("corrupt model {cid}")), "{err}");
	let missing = Cid::of(b"nope");
	assert!(matches!(store.get(&missing).unwrap_err(), WorkerError::ModelNotFound { .. }));
}

fn random_dag(n: usize, max_fan_in: usize, rng: &mut ChaCha8Rng) -> Dag {
	let parents = (0..n)
		.map(|y| {
			if y == 0 {
				return Vec::new();
			}
			let k = rng.random_range(1..=max_fan_in.min(y));
			let mut ps: Vec<usize> = Vec::new();
			while ps.len() < k {
				let p = rng.random_range(y.saturating_sub(6)..y);
				if !ps.contains(&p) {
					ps.push(p);
				}
			}
			ps
		})
		.collect();
	Dag::new(parents).unwrap()
}

#[test]
fn dp_coefficients_equal_path_sums() {
	let mut rng = ChaCha8Rng::seed_from_u64(7);
	for _ in 0..40 {
		let n = rng.random_range(2..25);
		let dag = random_dag(n, 3, &mut rng);
		let s = rng.random_range(0..n);
		let c = dag.coefficients(s).unwrap();
		for (y, &cy) in c.iter().enumerate() {
			let brute = dag.path_sum_enumerated(s, y, 10_000_000).unwrap();
			assert!((cy - brute).abs() < 1e-12, "c({s},{y}) = {cy}, paths give {brute}");
		}
		let inherited = dag.inherited(&[s]).unwrap();
		for (y, &cy) in c.iter().enumerate() {
			assert_eq!(cy > 0.0 && y != s, inherited.contains(&y));
		}
	}
}

#[test]
fn coefficients_avoiding_other_starts_skip_their_paths() {
	// 0 → 1 → 3, 0 → 2 → 3, 3 → 4: with starts {0, 1}, c(0, ·) may not go through 1.
	let dag = Dag::new(vec![vec![], vec![0], vec![0], vec![1, 2], vec![3]]).unwrap();
	let plain = dag.coefficients(0).unwrap();
	assert_eq!(plain, vec![1.0, 1.0, 1.0, 1.0, 1.0]);
	let avoiding = dag.coefficients_avoiding(0, &[0, 1]).unwrap();
	assert_eq!(avoiding, vec![1.0, 0.0, 1.0, 0.5, 0.5], "only the path through 2 counts");
	let from_1 = dag.coefficients_avoiding(1, &[0, 1]).unwrap();
	assert_eq!(from_1, vec![0.0, 1.0, 0.0, 0.5, 0.5]);
	// One start: the same as the plain coefficients.
	let mut rng = ChaCha8Rng::seed_from_u64(3);
	for _ in 0..20 {
		let n = rng.random_range(2..30);
		let dag = random_dag(n, 3, &mut rng);
		let s = rng.random_range(0..n);
		assert_eq!(dag.coefficients(s).unwrap(), dag.coefficients_avoiding(s, &[s]).unwrap());
	}
	assert!(dag.coefficients_avoiding(99, &[]).is_err());
}

#[test]
fn timing_and_auc_intervals_work() {
	let t = Timing::of(&[3.0, 1.0, 2.0, 10.0, 4.0]);
	assert_eq!((t.median, t.min, t.max, t.runs), (3.0, 1.0, 10.0, 5));
	assert_eq!(Timing::of(&[1.0, 2.0]).median, 1.5);
	assert_eq!(Timing::of(&[]), Timing::default());
	// Separable scores: AUC 1 and a degenerate interval; overlapping: an interval around
	// the point estimate that is deterministic in the seed.
	let members: Vec<f32> = (0..50).map(|i| i as f32 / 100.0).collect();
	let others: Vec<f32> = (0..50).map(|i| 1.0 + i as f32 / 100.0).collect();
	let sep = auc_interval(&members, &others, 100, 1);
	assert_eq!((sep.value, sep.low, sep.high), (1.0, 1.0, 1.0));
	let mixed: Vec<f32> = (0..50).map(|i| 0.3 + i as f32 / 100.0).collect();
	let i = auc_interval(&members, &mixed, 200, 7);
	assert!(i.low < i.value && i.value < i.high, "{i:?}");
	assert!(i.low > 0.5 && i.high <= 1.0, "{i:?}");
	assert_eq!(i, auc_interval(&members, &mixed, 200, 7));
	let same = auc_interval(&members, &members, 200, 7);
	assert!(same.low < 0.5 && same.high > 0.5, "no signal: {same:?}");
	assert_eq!(Audit::verdict(same), Verdict::Inconclusive);
	assert_eq!(Audit::verdict(i), Verdict::HasPower);
}

#[test]
fn dp_coefficients_on_100k_nodes_work() {
	let mut rng = ChaCha8Rng::seed_from_u64(9);
	let dag = random_dag(100_000, 3, &mut rng);
	let s = (10..100).find(|&s| dag.children(s).len() >= 2).unwrap();
	let c = dag.coefficients(s).unwrap();
	// c is an average of parents' values, so it stays in [0, 1].
	assert!(c.iter().all(|&v| (0.0..=1.0).contains(&v)));
	assert_eq!(c[s], 1.0);
	assert!(c[..s].iter().all(|&v| v == 0.0), "nodes published before the start are unaffected");
	let reach = dag.inherited(&[s]).unwrap().len();
	assert!(reach > 10_000, "only {reach} descendants");
	assert!(c.iter().filter(|&&v| v > 0.0).count() > 1_000);
	assert!(dag.depths().iter().max().copied().unwrap() > 1000);
}

#[test]
fn dag_cycles_and_bad_references_fail() {
	assert!(Dag::new(vec![vec![1], vec![0]]).unwrap_err().to_string().contains("cycle"));
	assert!(Dag::new(vec![vec![0]]).unwrap_err().to_string().contains("itself"));
	assert!(Dag::new(vec![vec![], vec![0, 0]]).unwrap_err().to_string().contains("twice"));
	assert!(Dag::new(vec![vec![5]]).unwrap_err().to_string().contains("unknown node 5"));
}

#[test]
fn fig4_topology_has_the_required_shape() {
	let t = Topology::load("fig4").unwrap();
	assert_eq!(t.users.len(), 14);
	let dag = t.dag().unwrap();
	assert!(dag.depths().into_iter().max().unwrap() >= 4);
	for y in 0..dag.len() {
		assert!(dag.parents(y).len() <= 3);
	}
	let forget = &t.unlearning.forget_classes;
	let holders: Vec<&str> = t
		.users
		.iter()
		.filter(|u| u.classes.iter().any(|c| forget.contains(c)))
		.map(|u| u.id.as_str())
		.collect();
	assert_eq!(holders, ["user5", "user7"]);
	assert_eq!(t.data.private, [1], "no background share hands class 1 to anyone else");
	assert!(t.data.full, "fig4 uses every training sample by default");
	let starts: Vec<usize> = t
		.unlearning
		.start_models
		.iter()
		.map(|s| t.models.iter().position(|m| &m.id == s).unwrap())
		.collect();
	assert_eq!(dag.inherited(&starts).unwrap().len(), 6);
}

#[test]
fn dag40_topology_is_the_larger_dag() {
	let t = Topology::load("dag40").unwrap();
	assert_eq!(t.models.len(), 40);
	let dag = t.dag().unwrap();
	assert!(dag.depths().into_iter().max().unwrap() >= 6, "depth at least 6");
	let start = t.models.iter().position(|m| m.id == t.unlearning.start_models[0]).unwrap();
	let owner = &t.models[start].owner;
	let holds = |u: &str| t.users.iter().find(|x| x.id == u).unwrap().classes.contains(&1);
	assert!(holds(owner), "the requester holds the forgotten class");
	assert!(dag.inherited(&[start]).unwrap().len() >= 20, "most of the DAG inherits from the start");
	// The forget set's rules: the requester is the only holder of the private class, and
	// every model it owns is a start model.
	let holders: Vec<&str> = t.users.iter().filter(|u| holds(&u.id)).map(|u| u.id.as_str()).collect();
	assert_eq!(holders, [owner.as_str()]);
	assert_eq!(t.data.private, [1]);
	let owned: Vec<&str> =
		t.models.iter().filter(|m| &m.owner == owner).map(|m| m.id.as_str()).collect();
	assert_eq!(owned, t.unlearning.start_models);
	assert!(t.data.full, "dag40 uses every training sample by default");
}

fn fig4_with(edit: impl Fn(&str) -> String) -> Result<Topology, WorkerError> {
	Topology::from_toml(&edit(blockful_ml::topology::BUILTIN[0].1))
}

#[test]
fn bad_topologies_fail() {
	type Edit = Box<dyn Fn(&str) -> String>;
	let cases: Vec<(Edit, &str)> = vec![
		(Box::new(|t| t.replace("refs = [\"m5\"]", "refs = [\"m99\"]")), "unknown model \"m99\""),
		(Box::new(|t| t.replace("refs = [\"m1\"]\n", "refs = [\"m9\"]\n")), "future reference"),
		(Box::new(|t| t.replace("refs = [\"m5\"]", "refs = [\"m5\", \"m5\"]")), "twice"),
		(Box::new(|t| t.replace("id = \"m14\"", "id = \"m13\"")), "duplicate model id"),
		(Box::new(|t| t.replace("owner = \"user14\"", "owner = \"nobody\"")), "unknown owner"),
		(Box::new(|t| t.replace("forget_classes = [1]", "forget_classes = [12]")), "out of range"),
		(
			Box::new(|t| t.replace("start_models = [\"m5\", \"m7\"]", "start_models = [\"m50\"]")),
			"unknown model \"m50\"",
		),
		(Box::new(|t| t.replace("classes = [0, 6, 9]", "classes = [0, 6, 6]")), "listed twice"),
		(Box::new(|t| t.replace("alpha = 1.0", "alpha = -1.0")), "alpha"),
		(Box::new(|t| t.replace("epochs = 3", "epochs = 0")), "epochs > 0"),
		(Box::new(|t| format!("{t}\nbogus = 1\n")), "unknown field"),
	];
	for (edit, needle) in cases {
		let err = fig4_with(edit).unwrap_err();
		assert!(err.to_string().contains(needle), "expected {needle:?} in: {err}");
	}
	assert!(Topology::load("no-such-topology").unwrap_err().to_string().contains("built-in"));
}
