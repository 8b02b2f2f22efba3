//! Model weights as plain named `f32` buffers: the unit that is hashed, stored, averaged
//! (eq. 2) and moved along the DAG by gradient ascent (eqs. 7-8).
//!
//! Keeping weights outside libtorch makes the parallel update a streaming `axpy` over
//! bytes that are already in memory, independent of device and architecture.

use crate::error::{Result, WorkerError};
use safetensors::{Dtype, SafeTensors};
use serde::{Deserialize, Serialize};
use tch::{nn::VarStore, Device, Kind, Tensor};

/// One named tensor.
#[derive(Clone, Debug, PartialEq)]
pub struct WeightTensor {
	/// Variable name in the model (`layer1.0.conv1.weight`).
	pub name: String,
	/// Shape.
	pub shape: Vec<usize>,
	/// Row-major values.
	pub data: Vec<f32>,
}

/// All tensors of a model, sorted by name (so equal models have equal bytes and CIDs).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Weights {
	tensors: Vec<WeightTensor>,
}

/// L2 distance of one layer (paper Fig. 5).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LayerDistance {
	/// Variable name.
	pub layer: String,
	/// ‖a − b‖₂ over that tensor.
	pub l2: f64,
}

impl Weights {
	/// Builds weights from tensors; sorts them and checks names are unique and values finite.
	pub fn new(mut tensors: Vec<WeightTensor>) -> Result<Self> {
		tensors.sort_by(|a, b| a.name.cmp(&b.name));
		for pair in tensors.windows(2) {
			if pair[0].name == pair[1].name {
				return Err(WorkerError::InvalidWeights(format!(
					"duplicate tensor {}",
					pair[0].name
				)));
			}
		}
		for t in &tensors {
			let n: usize = t.shape.iter().product();
			if n != t.data.len() {
				return Err(WorkerError::InvalidWeights(format!(
					"tensor {} has shape {:?} but {} values",
					t.name,
					t.shape,
					t.data.len()
				)));
			}
			if let Some(pos) = t.data.iter().position(|v| !v.is_finite()) {
				return Err(WorkerError::InvalidWeights(format!(
					"tensor {} has a non-finite value ({}) at index {pos}",
					t.name, t.data[pos]
				)));
			}
		}
		Ok(Weights { tensors })
	}

	/// The tensors, sorted by name.
	pub fn tensors(&self) -> &[WeightTensor] {
		&self.tensors
	}

	/// Total number of scalars.
	pub fn num_params(&self) -> usize {
		self.tensors.iter().map(|t| t.data.len()).sum()
	}

	/// Copies every variable (trainable or not, e.g. BatchNorm running stats) out of `vs`.
	pub fn from_varstore(vs: &VarStore) -> Result<Self> {
		let mut tensors = Vec::new();
		tch::no_grad(|| -> Result<()> {
			for (name, t) in vs.variables() {
				let shape = t.size().iter().map(|&d| d as usize).collect();
				let flat = t.to_device(Device::Cpu).to_kind(Kind::Float).contiguous().view(-1);
				let data = Vec::<f32>::try_from(&flat)?;
				tensors.push(WeightTensor { name, shape, data });
			}
			Ok(())
		})?;
		Weights::new(tensors)
	}

	/// Copies these weights into `vs`; names and shapes must match exactly.
	pub fn load_into(&self, vs: &VarStore) -> Result<()> {
		let vars = vs.variables();
		if vars.len() != self.tensors.len() {
			return Err(WorkerError::InvalidWeights(format!(
				"model has {} variables, weights have {}",
				vars.len(),
				self.tensors.len()
			)));
		}
		tch::no_grad(|| -> Result<()> {
			for t in &self.tensors {
				let mut var = vars
					.get(&t.name)
					.ok_or_else(|| {
						WorkerError::InvalidWeights(format!("model has no variable {}", t.name))
					})?
					.shallow_clone();
				let shape: Vec<i64> = t.shape.iter().map(|&d| d as i64).collect();
				if var.size() != shape {
					return Err(WorkerError::InvalidWeights(format!(
						"variable {} has shape {:?}, weights {:?}",
						t.name,
						var.size(),
						shape
					)));
				}
				let src =
					Tensor::from_slice(&t.data).view(shape.as_slice()).to_device(var.device());
				var.f_copy_(&src)?;
			}
			Ok(())
		})
	}

	/// Serialises to safetensors (F32, little endian, deterministic byte order).
	pub fn to_safetensors(&self) -> Result<Vec<u8>> {
		let bytes: Vec<Vec<u8>> = self
			.tensors
			.iter()
			.map(|t| t.data.iter().flat_map(|v| v.to_le_bytes()).collect())
			.collect();
		let views = self
			.tensors
			.iter()
			.zip(&bytes)
			.map(|(t, b)| {
				Ok((
					t.name.clone(),
					safetensors::tensor::TensorView::new(Dtype::F32, t.shape.clone(), b)?,
				))
			})
			.collect::<Result<Vec<_>>>()?;
		Ok(safetensors::tensor::serialize(views, None)?)
	}

	/// Parses safetensors bytes; only F32 tensors with finite values are accepted.
	pub fn from_safetensors(bytes: &[u8]) -> Result<Self> {
		let st = SafeTensors::deserialize(bytes)?;
		let mut tensors = Vec::new();
		for (name, view) in st.tensors() {
			if view.dtype() != Dtype::F32 {
				return Err(WorkerError::InvalidWeights(format!(
					"tensor {name} has dtype {:?}, expected F32",
					view.dtype()
				)));
			}
			let data = view
				.data()
				.chunks_exact(4)
				.map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
				.collect();
			tensors.push(WeightTensor { name, shape: view.shape().to_vec(), data });
		}
		Weights::new(tensors)
	}

	/// Fails unless `other` has the same tensor names and shapes.
	pub fn check_compatible(&self, other: &Weights) -> Result<()> {
		if self.tensors.len() != other.tensors.len() {
			return Err(WorkerError::InvalidWeights(format!(
				"{} tensors vs {} tensors: models of different architectures",
				self.tensors.len(),
				other.tensors.len()
			)));
		}
		for (a, b) in self.tensors.iter().zip(&other.tensors) {
			if a.name != b.name || a.shape != b.shape {
				return Err(WorkerError::InvalidWeights(format!(
					"tensor {} {:?} does not match {} {:?}",
					a.name, a.shape, b.name, b.shape
				)));
			}
		}
		Ok(())
	}

	/// `self += a · x`.
	pub fn axpy(&mut self, a: f32, x: &Weights) -> Result<()> {
		self.check_compatible(x)?;
		for (dst, src) in self.tensors.iter_mut().zip(&x.tensors) {
			for (d, s) in dst.data.iter_mut().zip(&src.data) {
				*d += a * s;
			}
		}
		Ok(())
	}

	/// `self − other` (e.g. Δθ_s = w′_s − w_s).
	/// These weights with every tensor not named in `learnable` set to zero: an update Δθ
	/// restricted to the learnable parameters (BatchNorm running statistics are not
	/// propagated through the DAG; each model keeps its own).
	pub fn learnable_only(mut self, learnable: &std::collections::BTreeSet<String>) -> Weights {
		for t in self.tensors.iter_mut().filter(|t| !learnable.contains(&t.name)) {
			t.data.iter_mut().for_each(|x| *x = 0.0);
		}
		self
	}

	pub fn sub(&self, other: &Weights) -> Result<Weights> {
		let mut out = self.clone();
		out.axpy(-1.0, other)?;
		Ok(out)
	}

	/// Euclidean inner product over all scalars (accumulated in f64).
	pub fn dot(&self, other: &Weights) -> Result<f64> {
		self.check_compatible(other)?;
		Ok(self
			.tensors
			.iter()
			.zip(&other.tensors)
			.map(|(a, b)| {
				a.data.iter().zip(&b.data).map(|(x, y)| f64::from(*x) * f64::from(*y)).sum::<f64>()
			})
			.sum())
	}

	/// ‖self‖₂.
	pub fn norm(&self) -> f64 {
		self.tensors
			.iter()
			.flat_map(|t| t.data.iter())
			.map(|v| f64::from(*v).powi(2))
			.sum::<f64>()
			.sqrt()
	}

	/// Eq. 2: the plain mean of the referenced models, W̃ = Σ (1/N^R) w_n.
	pub fn mean(models: &[&Weights]) -> Result<Weights> {
		let first = models
			.first()
			.ok_or_else(|| WorkerError::InvalidArgument("mean of zero models".into()))?;
		let mut acc = (*first).clone();
		let scale = 1.0 / models.len() as f32;
		for t in &mut acc.tensors {
			t.data.iter_mut().for_each(|v| *v *= scale);
		}
		for m in &models[1..] {
			acc.axpy(scale, m)?;
		}
		Ok(acc)
	}

	/// Per-layer ‖self − other‖₂, in tensor-name order.
	pub fn layer_distances(&self, other: &Weights) -> Result<Vec<LayerDistance>> {
		self.check_compatible(other)?;
		Ok(self
			.tensors
			.iter()
			.zip(&other.tensors)
			.map(|(a, b)| LayerDistance {
				layer: a.name.clone(),
				l2: a
					.data
					.iter()
					.zip(&b.data)
					.map(|(x, y)| (f64::from(*x) - f64::from(*y)).powi(2))
					.sum::<f64>()
					.sqrt(),
			})
			.collect())
	}

	/// ‖self − other‖₂ over the whole model.
	pub fn distance(&self, other: &Weights) -> Result<f64> {
		Ok(self.layer_distances(other)?.iter().map(|d| d.l2 * d.l2).sum::<f64>().sqrt())
	}
}
