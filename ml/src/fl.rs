//! Model-DAG federated learning (eqs. 1-3): partition the data over users, train the
//! models in publication order, each from the mean of its references, into a store.

use crate::dag::Dag;
use crate::data::{partition_by_class, Dataset, DatasetKind, ShareSize};
use crate::error::{Result, WorkerError};
use crate::models::{ModelSpec, Net};
use crate::store::{Cid, Stores};
use crate::topology::{ModelNode, Topology};
use crate::train::{accuracy, train};
use crate::weights::Weights;
use rand::seq::IndexedRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;
use tch::Device;

/// The data set split over the users of a topology.
#[derive(Debug, Clone)]
pub struct FederatedData {
	/// Which data set.
	pub kind: DatasetKind,
	/// The full training split.
	pub train: Dataset,
	/// The full test split.
	pub test: Dataset,
	/// Per-user indices into `train`.
	pub user_train: Vec<Vec<usize>>,
	/// Per-user indices into `test` (the local test data of eq. 1).
	pub user_test: Vec<Vec<usize>>,
	/// Indices into `train` of the samples a sample-level request withdraws, sorted: those
	/// carrying its backdoor ([`crate::samples`]) or its random subset of the requesters'
	/// samples; empty for a request by class.
	pub marked: Vec<usize>,
}

impl FederatedData {
	/// Partitions `train`/`test` by the users' classes. With `full`, every training sample
	/// of a class is shared among its holders; otherwise each user gets the topology's
	/// `train_per_user`. A sample-level request marks what it withdraws from the start
	/// models' owners' data: a backdoor is planted ([`crate::samples::BackdoorSpec::poison`])
	/// or a random subset drawn ([`crate::samples::RandomSubsetSpec::draw`]).
	pub fn partition(
		kind: DatasetKind,
		train: Dataset,
		test: Dataset,
		topo: &Topology,
		full: bool,
	) -> Result<Self> {
		let classes: Vec<Vec<u8>> = topo.users.iter().map(|u| u.classes.clone()).collect();
		let size =
			if full { ShareSize::Full } else { ShareSize::PerUser(topo.data.train_per_user) };
		let (bg, private) = (topo.data.background, &topo.data.private);
		let user_train =
			partition_by_class(train.labels(), &classes, size, bg, private, topo.seed)?;
		let user_test = partition_by_class(
			test.labels(),
			&classes,
			ShareSize::PerUser(topo.data.test_per_user),
			bg,
			private,
			topo.seed ^ 0x7e57,
		)?;
		let un = &topo.unlearning;
		let (train, user_train, marked) = match (&un.backdoor, &un.random_subset) {
			(Some(b), _) => b.poison(&train, &user_train, &topo.poisoners()?, topo.seed)?,
			(None, Some(r)) => {
				let marked = r.draw(&user_train, &topo.poisoners()?, topo.seed)?;
				(train, user_train, marked)
			}
			(None, None) => (train, user_train, Vec::new()),
		};
		Ok(FederatedData { kind, train, test, user_train, user_test, marked })
	}

	/// A user's training data.
	pub fn train_of(&self, user: usize) -> Dataset {
		self.train.subset(&self.user_train[user])
	}

	/// A user's local test data.
	pub fn test_of(&self, user: usize) -> Dataset {
		self.test.subset(&self.user_test[user])
	}
}

/// Everything a worker needs to train: device, architecture, data, settings.
#[derive(Debug)]
pub struct Worker {
	/// Where tensors live.
	pub device: Device,
	/// The architecture and input shape.
	pub spec: ModelSpec,
	/// The partitioned data.
	pub data: FederatedData,
	/// The topology (with the realised model list in organic mode).
	pub topology: Topology,
}

/// One trained model in a manifest.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ManifestModel {
	/// Model id.
	pub id: String,
	/// Owning user.
	pub owner: String,
	/// Referenced model ids.
	pub refs: Vec<String>,
	/// URI of the weights.
	pub cid: Cid,
	/// Accuracy on the owner's local test data (the AC of §III-B4).
	pub local_test_accuracy: f64,
	/// Seconds spent aggregating and training.
	pub train_seconds: f64,
	/// Organic mode: the K candidates evaluated (eq. 1) with their accuracies.
	#[serde(default, skip_serializing_if = "Vec::is_empty")]
	pub candidates: Vec<(String, f64)>,
}

/// A trained DAG: what a chain client would publish, one transaction per model.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DagManifest {
	/// The topology, with the realised model list.
	pub topology: Topology,
	/// Input/architecture spec.
	pub spec: ModelSpec,
	/// Whether the full data set was partitioned.
	pub full_data: bool,
	/// The shared initial model (the task's creation node GV).
	pub genesis: Cid,
	/// Models in publication order.
	pub models: Vec<ManifestModel>,
}

impl DagManifest {
	/// The reference DAG (indices follow `models`).
	pub fn dag(&self) -> Result<Dag> {
		let index = self.index();
		let parents = self
			.models
			.iter()
			.map(|m| {
				m.refs
					.iter()
					.map(|r| {
						index.get(r.as_str()).copied().ok_or_else(|| {
							WorkerError::InvalidTopology(format!(
								"model {} references unknown {r}",
								m.id
							))
						})
					})
					.collect::<Result<Vec<_>>>()
			})
			.collect::<Result<Vec<_>>>()?;
		Dag::new(parents)
	}

	/// Model id → index.
	pub fn index(&self) -> HashMap<&str, usize> {
		self.models.iter().enumerate().map(|(i, m)| (m.id.as_str(), i)).collect()
	}

	/// Index of a model id, with a clear error.
	pub fn position(&self, id: &str) -> Result<usize> {
		self.models
			.iter()
			.position(|m| m.id == id)
			.ok_or_else(|| WorkerError::InvalidArgument(format!("no model {id:?} in the manifest")))
	}

	/// Writes `manifest.json`.
	pub fn save(&self, path: &Path) -> Result<()> {
		let text = serde_json::to_string_pretty(self)?;
		std::fs::write(path, text).map_err(|e| WorkerError::io(path, e))
	}

	/// Reads `manifest.json`.
	pub fn load(path: &Path) -> Result<DagManifest> {
		let text = std::fs::read_to_string(path).map_err(|e| WorkerError::io(path, e))?;
		Ok(serde_json::from_str(&text)?)
	}
}

/// Progress events for a UI.
#[derive(Clone, Debug)]
pub enum Progress<'a> {
	/// A model is about to be trained (index, total, id).
	Model(usize, usize, &'a str),
	/// An epoch finished (epoch, mean loss).
	Epoch(usize, f64),
}

impl Worker {
	/// Loads the data set from `data_dir` and partitions it for `topology`.
	pub fn new(
		topology: Topology,
		data_dir: &Path,
		device: Device,
		arch: crate::models::Arch,
		full_data: bool,
	) -> Result<Self> {
		let kind = topology.dataset;
		let (train, test) = kind.load(data_dir)?;
		Self::from_datasets(topology, train, test, device, arch, full_data)
	}

	/// Like [`Worker::new`] with data already in memory.
	pub fn from_datasets(
		topology: Topology,
		train: Dataset,
		test: Dataset,
		device: Device,
		arch: crate::models::Arch,
		full_data: bool,
	) -> Result<Self> {
		let (channels, height, width) = train.image_shape();
		let spec = ModelSpec { arch, channels, height, width, num_classes: 10 };
		let data = FederatedData::partition(topology.dataset, train, test, &topology, full_data)?;
		Ok(Worker { device, spec, data, topology })
	}

	/// The training seed of topology model `model` (what [`Worker::train_dag`] uses).
	pub fn seed_for(&self, model: usize, salt: u64) -> u64 {
		self.topology
			.seed
			.wrapping_mul(0x9E37_79B9_7F4A_7C15)
			.wrapping_add((model as u64) << 8 | salt)
	}

	/// Eq. 2 + eq. 3: averages `refs` (or starts from `genesis`), trains on `data`.
	pub fn aggregate_and_train(
		&self,
		refs: &[Weights],
		genesis: &Weights,
		data: &Dataset,
		seed: u64,
		on_epoch: impl FnMut(usize, f64),
	) -> Result<Weights> {
		let start = if refs.is_empty() {
			genesis.clone()
		} else {
			Weights::mean(&refs.iter().collect::<Vec<_>>())?
		};
		let mut net = Net::with_weights(self.spec, self.device, &start)?;
		train(&mut net, data, &self.topology.training, seed, on_epoch)?;
		net.weights()
	}

	/// Accuracy of `weights` on `data`.
	pub fn accuracy_of(&self, weights: &Weights, data: &Dataset) -> Result<Option<f64>> {
		let net = Net::with_weights(self.spec, self.device, weights)?;
		Ok(accuracy(&net, data))
	}

	/// The genesis model (deterministic in the topology seed).
	pub fn genesis(&self) -> Result<Weights> {
		Net::new(self.spec, self.device, self.topology.seed as i64)?.weights()
	}

	/// Trains the whole DAG (fixed list or organic growth) into `stores`.
	pub fn train_dag(
		&mut self,
		stores: &Stores,
		full_data: bool,
		mut progress: impl FnMut(Progress<'_>),
	) -> Result<DagManifest> {
		let genesis_w = self.genesis()?;
		let genesis = stores.publish(&genesis_w)?;
		let organic = self.topology.organic;
		let total = organic.map(|o| o.models).unwrap_or(self.topology.models.len());
		let mut models: Vec<ManifestModel> = Vec::with_capacity(total);
		let mut rng = ChaCha8Rng::seed_from_u64(self.topology.seed ^ 0x0a11);
		for i in 0..total {
			let t0 = Instant::now();
			let (node, candidates) = match organic {
				None => (self.topology.models[i].clone(), Vec::new()),
				Some(o) => {
					let owner = i % self.topology.users.len();
					let test = self.data.test_of(owner);
					let pool: Vec<usize> = (0..models.len()).collect();
					let picked: Vec<usize> =
						pool.choose_multiple(&mut rng, o.candidates).copied().collect();
					let mut scored = Vec::with_capacity(picked.len());
					for &c in &picked {
						let w = stores.get_weights(&models[c].cid)?;
						scored.push((c, self.accuracy_of(&w, &test)?.unwrap_or(0.0)));
					}
					scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
					let mut refs: Vec<usize> = scored.iter().take(o.top).map(|s| s.0).collect();
					refs.sort_unstable();
					(
						ModelNode {
							id: format!("m{}", i + 1),
							owner: self.topology.users[owner].id.clone(),
							refs: refs.iter().map(|&r| models[r].id.clone()).collect(),
						},
						scored.iter().map(|&(c, a)| (models[c].id.clone(), a)).collect(),
					)
				}
			};
			progress(Progress::Model(i, total, &node.id));
			let owner = self.topology.user_index(&node.owner)?;
			let index: HashMap<&str, usize> =
				models.iter().enumerate().map(|(k, m)| (m.id.as_str(), k)).collect();
			let refs = node
				.refs
				.iter()
				.map(|r| {
					let k = index.get(r.as_str()).ok_or_else(|| {
						WorkerError::InvalidTopology(format!("{} references unknown {r}", node.id))
					})?;
					stores.get_weights(&models[*k].cid)
				})
				.collect::<Result<Vec<_>>>()?;
			let data = self.data.train_of(owner);
			let w =
				self.aggregate_and_train(&refs, &genesis_w, &data, self.seed_for(i, 1), |e, l| {
					progress(Progress::Epoch(e, l))
				})?;
			let cid = stores.publish(&w)?;
			let acc = self.accuracy_of(&w, &self.data.test_of(owner))?.unwrap_or(0.0);
			models.push(ManifestModel {
				id: node.id.clone(),
				owner: node.owner.clone(),
				refs: node.refs.clone(),
				cid,
				local_test_accuracy: acc,
				train_seconds: t0.elapsed().as_secs_f64(),
				candidates,
			});
		}
		if organic.is_some() {
			self.topology.models = models
				.iter()
				.map(|m| ModelNode {
					id: m.id.clone(),
					owner: m.owner.clone(),
					refs: m.refs.clone(),
				})
				.collect();
			self.topology.organic = None;
		}
		Ok(DagManifest {
			topology: self.topology.clone(),
			spec: self.spec,
			full_data,
			genesis,
			models,
		})
	}
}
