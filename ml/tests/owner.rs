//! One owner's data and computations (what a participant process runs) against the
//! single-process experiment: the shards hold exactly the experiment's per-user data, and
//! an owner training on its shard gets the experiment's model, byte for byte.

use blockful_ml::fl::Worker;
use blockful_ml::models::Arch;
use blockful_ml::owner::{propagated, Owner, Withdrawal};
use blockful_ml::shard::Shard;
use blockful_ml::store::{Cid, Stores};
use blockful_ml::synthetic::{synthetic, PARTIES};
use blockful_ml::topology::Topology;
use tch::Device;

mod common;

fn worker() -> Worker {
	Worker::from_datasets(
		Topology::from_toml(PARTIES).unwrap(),
		synthetic(2000, 12, 1).unwrap(),
		synthetic(600, 12, 2).unwrap(),
		Device::Cpu,
		Arch::SmallCnn,
		false,
	)
	.unwrap()
}

#[test]
fn shards_round_trip_and_hold_only_their_users_data() {
	let w = worker();
	let dir = tempfile::tempdir().unwrap();
	let shards = Shard::split(&w.data, &w.topology, false);
	assert_eq!(shards.len(), 4);
	for (u, shard) in shards.iter().enumerate() {
		let at = Shard::dir_of(dir.path(), &shard.info.user);
		shard.save(&at).unwrap();
		let back = Shard::load(&at).unwrap();
		assert_eq!(back.info, shard.info);
		assert_eq!(back.train.labels(), w.data.train_of(u).labels());
		assert_eq!(back.train.pixels(), w.data.train_of(u).pixels());
		assert_eq!(back.test.labels(), w.data.test_of(u).labels());
	}
	// A missing or truncated shard is an error naming the file.
	let err = Shard::load(&dir.path().join("nobody")).unwrap_err().to_string();
	assert!(err.contains("shard.json"), "{err}");
	let file = Shard::dir_of(dir.path(), "u1").join("shard.safetensors");
	let bytes = std::fs::read(&file).unwrap();
	std::fs::write(&file, &bytes[..bytes.len() / 2]).unwrap();
	assert!(Shard::load(&Shard::dir_of(dir.path(), "u1")).is_err());
	// A shard of another topology is refused.
	let mut other = Topology::from_toml(PARTIES).unwrap();
	other.name = "other".into();
	let err = Owner::new(other, &shards[1], Device::Cpu, Arch::SmallCnn).unwrap_err().to_string();
	assert!(err.contains("topology"), "{err}");
}

#[test]
fn an_owner_on_its_shard_trains_the_experiments_models() {
	let _rng = common::torch_rng();
	tch::set_num_threads(1);
	let mut w = worker();
	let dir = tempfile::tempdir().unwrap();
	let stores = Stores::open(dir.path()).unwrap();
	let manifest = w.train_dag(&stores, false, |_| {}).unwrap();
	let shards = Shard::split(&w.data, &w.topology, false);
	let owner = |u: usize| Owner::new(w.topology.clone(), &shards[u], Device::Cpu, Arch::SmallCnn).unwrap();
	// u1's root a1 from the genesis model, u2's a2 from a1: the experiment's CIDs.
	let a1 = owner(0).train(0, &[]).unwrap();
	assert_eq!(Cid::of(&a1.to_safetensors().unwrap()), manifest.models[0].cid);
	let a2 = owner(1).train(1, &[a1.clone()]).unwrap();
	assert_eq!(Cid::of(&a2.to_safetensors().unwrap()), manifest.models[1].cid);
	assert_eq!(owner(0).models(), vec![0, 4]);

	// The requester's ascent lowers its model's accuracy on the forgotten class.
	let u2 = owner(1);
	let (a2_new, steps) = u2.ascend(1, &a2, Withdrawal::Classes(&[1])).unwrap();
	assert!(steps >= 1);
	let delta = u2.delta(&a2, &a2_new).unwrap();
	assert!(delta.norm() > 0.0);
	// Eqs. 7-8 by hand: a3 = a3 + α c Δθ with c(a2, a3) = 1.
	let a3 = stores.get_weights(&manifest.models[2].cid).unwrap();
	let (a3_new, norm) = propagated(&a3, &[(1.0, &delta)], 1.0).unwrap();
	assert!((norm - delta.norm()).abs() < 1e-6 * delta.norm().max(1.0), "{norm} vs {}", delta.norm());
	assert!((a3_new.distance(&a3).unwrap() - norm).abs() < 1e-4 * norm.max(1.0));
	// Nothing to propagate: unchanged.
	let (same, zero) = propagated(&a3, &[(0.0, &delta)], 1.0).unwrap();
	assert_eq!((same.distance(&a3).unwrap(), zero), (0.0, 0.0));
	// Re-training from the applied parent, without the withdrawn samples (u2 is the requester).
	let retrained = u2.retrain(1, &[a1], Withdrawal::Classes(&[1]), true).unwrap();
	assert_ne!(Cid::of(&retrained.to_safetensors().unwrap()), manifest.models[1].cid);
	// An owner without the class has nothing to ascend on.
	assert!(owner(2).ascend(2, &a3, Withdrawal::Classes(&[1])).is_err());
}

#[test]
fn organic_owners_choose_and_train_the_experiments_models() {
	let _rng = common::torch_rng();
	tch::set_num_threads(1);
	let text = PARTIES.split("[[models]]").next().unwrap().to_string()
		+ "\n[organic]\nmodels = 6\ncandidates = 3\ntop = 2\n";
	let topo = Topology::from_toml(&text.replace("start_models = [\"a2\"]", "start_models = [\"m2\"]")).unwrap();
	let mut w = Worker::from_datasets(
		topo.clone(),
		synthetic(2000, 12, 1).unwrap(),
		synthetic(600, 12, 2).unwrap(),
		Device::Cpu,
		Arch::SmallCnn,
		false,
	)
	.unwrap();
	let dir = tempfile::tempdir().unwrap();
	let stores = Stores::open(dir.path()).unwrap();
	let manifest = w.train_dag(&stores, false, |_| {}).unwrap();
	let shards = Shard::split(&w.data, &w.topology, false);
	let owners: Vec<Owner> =
		shards.iter().map(|s| Owner::new(topo.clone(), s, Device::Cpu, Arch::SmallCnn).unwrap()).collect();
	assert_eq!(owners[1].models(), vec![1, 5]);
	for (i, m) in manifest.models.iter().enumerate() {
		let owner = &owners[i % owners.len()];
		assert_eq!(owner.node(i), (m.id.clone(), m.owner.clone()));
		// Eq. 1: the same candidates, scored on the owner's own local test data.
		let candidates = owner.organic_candidates(i).unwrap();
		let scored: Vec<(usize, f64)> = candidates
			.iter()
			.map(|&c| (c, owner.local_accuracy(&stores.get_weights(&manifest.models[c].cid).unwrap()).unwrap()))
			.collect();
		let mut names: Vec<String> = scored.iter().map(|(c, _)| manifest.models[*c].id.clone()).collect();
		let mut expected: Vec<String> = m.candidates.iter().map(|(id, _)| id.clone()).collect();
		names.sort();
		expected.sort();
		assert_eq!(names, expected, "model {i}");
		let refs = owner.organic_refs(scored);
		assert_eq!(refs.iter().map(|r| manifest.models[*r].id.clone()).collect::<Vec<_>>(), m.refs, "model {i}");
		// Eqs. 2-3: the same model.
		let parents: Vec<_> = refs.iter().map(|r| stores.get_weights(&manifest.models[*r].cid).unwrap()).collect();
		let trained = owner.train(i, &parents).unwrap();
		assert_eq!(Cid::of(&trained.to_safetensors().unwrap()), m.cid, "model {i}");
	}
}

#[test]
fn a_sample_level_shard_marks_the_experiments_withdrawn_samples_and_its_owner_commits_to_them() {
	let _rng = common::torch_rng();
	tch::set_num_threads(1);
	let text = PARTIES.replace("forget_classes = [1]", "[unlearning.random_subset]\nfraction = 0.2");
	let topo = Topology::from_toml(&text).unwrap();
	let w = Worker::from_datasets(
		topo.clone(),
		synthetic(2000, 12, 1).unwrap(),
		synthetic(600, 12, 2).unwrap(),
		Device::Cpu,
		Arch::SmallCnn,
		false,
	)
	.unwrap();
	let u2 = topo.user_index("u2").unwrap();
	let dir = tempfile::tempdir().unwrap();
	let shards = Shard::split(&w.data, &topo, false);
	for (u, shard) in shards.iter().enumerate() {
		// Only the requester's shard marks samples, and they survive the round trip.
		assert_eq!(shard.info.withdrawn.is_empty(), u != u2, "user {u}");
		let at = Shard::dir_of(dir.path(), &shard.info.user);
		shard.save(&at).unwrap();
		assert_eq!(Shard::load(&at).unwrap().info.withdrawn, shard.info.withdrawn);
	}
	// The owner withdraws exactly the experiment's withdrawn samples of u2 and commits to
	// them as the single-process run does.
	let owner = Owner::new(topo.clone(), &shards[u2], Device::Cpu, Arch::SmallCnn).unwrap();
	let forget = blockful_ml::forget::ForgetSet {
		requesters: vec![u2],
		classes: vec![],
		backdoor: None,
		random_subset: topo.unlearning.random_subset,
	};
	assert_eq!(owner.withdrawn(Withdrawal::Samples).pixels(), forget.withdrawn(&w.data, u2).pixels());
	assert_eq!(owner.commitment(), forget.commitment(&w.data));
	assert!(owner.commitment().unwrap().samples > 0);
	// Another owner withdraws nothing and commits to nothing.
	let other = Owner::new(topo.clone(), &shards[0], Device::Cpu, Arch::SmallCnn).unwrap();
	assert_eq!(other.commitment(), None);
	assert!(other.withdrawn(Withdrawal::Samples).is_empty());
	// A request without classes is a sample-level one.
	assert_eq!(Withdrawal::of_request(&[]), Withdrawal::Samples);
	assert_eq!(Withdrawal::of_request(&[1]), Withdrawal::Classes(&[1]));
	// A shard whose marks point outside its samples is refused.
	let at = Shard::dir_of(dir.path(), "u2");
	let info = at.join("shard.json");
	let mut json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&info).unwrap()).unwrap();
	json["withdrawn"] = serde_json::json!([shards[u2].info.train]);
	std::fs::write(&info, json.to_string()).unwrap();
	assert!(Shard::load(&at).unwrap_err().to_string().contains("withdrawn"));
}
