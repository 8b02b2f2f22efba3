//! Eqs. 7-8 at memory speed: the parallel paradigm's data-free step, streamed from the
//! model store to the model store.
//!
//! For every model y it touches, [`StreamingUpdate::apply`] maps the stored safetensors
//! file once and, at the same time on two cores,
//! 1. hashes it with the sha2-256 that must reproduce y's CID (a corrupt file is refused and
//!    nothing is written), and
//! 2. chunk by chunk while the chunk is in cache, writes `w_y + Σ_s a_s Δθ_s` into the
//!    output buffer (the header is copied: the layout of an update never changes), refusing
//!    non-finite results, and feeds the output chunk to the sha2-256 that becomes the new
//!    CID.
//!
//! No per-value parsing into intermediate `Weights`, no second read of any file, and no
//! per-file `fsync`: the files are written with [`ModelStore::put_unsynced`] and made
//! durable by one [`ModelStore::sync`] per task.

use crate::error::{Result, WorkerError};
use crate::store::{Cid, CidHasher, ModelStore, Stores};
use crate::weights::Weights;

/// Bytes processed per step: small enough that input, output and deltas stay in L2.
const CHUNK: usize = 64 * 1024;

/// The update deltas Δθ_s, laid out as the model files are (one flat little-endian `f32`
/// sequence behind one safetensors header).
pub struct StreamingUpdate {
	/// The safetensors header (length prefix and JSON) every model file must share.
	header: Vec<u8>,
	/// Each delta's values in file order.
	deltas: Vec<Vec<f32>>,
}

impl StreamingUpdate {
	/// Lays out `deltas` (all of one architecture) as the store's files are.
	pub fn new(deltas: &[&Weights]) -> Result<Self> {
		let first = deltas
			.first()
			.ok_or_else(|| WorkerError::InvalidArgument("no update deltas to propagate".into()))?;
		let mut header = None;
		let mut flat = Vec::with_capacity(deltas.len());
		for d in deltas {
			first.check_compatible(d)?;
			let bytes = d.to_safetensors()?;
			let n = header_len(&bytes)?;
			header.get_or_insert_with(|| bytes[..n].to_vec());
			flat.push(bytes[n..].chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect());
		}
		Ok(StreamingUpdate { header: header.unwrap_or_default(), deltas: flat })
	}

	/// Bytes of one model file.
	pub fn file_len(&self) -> usize {
		self.header.len() + 4 * self.deltas.first().map_or(0, Vec::len)
	}

	/// Reads `cid` (live store first, then the archive), verifies it and returns the new
	/// file `w + Σ scales[s] · Δθ_s` with its CID. `scales` pairs a delta index with its
	/// factor α·c(s, y).
	pub fn apply(&self, stores: &Stores, cid: &Cid, scales: &[(usize, f32)]) -> Result<(Vec<u8>, Cid)> {
		let (location, bytes) = stores.map(cid)?;
		let input: &[u8] = &bytes;
		if input.len() != self.file_len() || input[..self.header.len()] != self.header[..] {
			return Err(WorkerError::InvalidWeights(format!(
				"model {cid} ({}) does not have the layout of the update (another architecture?)",
				location
			)));
		}
		if let Some(&(s, _)) = scales.iter().find(|(s, _)| *s >= self.deltas.len()) {
			return Err(WorkerError::InvalidArgument(format!("no delta {s}")));
		}
		// The old CID is verified on the second core while this one computes the new file.
		let (actual, written) = std::thread::scope(|scope| {
			let verify = scope.spawn(|| Cid::of(input));
			let written = self.updated_file(input, scales);
			(verify.join(), written)
		});
		let actual = actual.map_err(|_| WorkerError::InvalidArgument("the verifying thread panicked".into()))?;
		if actual != *cid {
			return Err(WorkerError::CorruptModel { location, expected: cid.to_string(), actual: actual.to_string() });
		}
		let (output, new) = written.ok_or_else(|| {
			WorkerError::InvalidWeights(format!("the update of {cid} produces a non-finite value"))
		})?;
		Ok((output, new))
	}

	/// The new file `input + Σ a_s Δθ_s` and its CID, hashed chunk by chunk while each
	/// chunk is in cache; `None` if a value is not finite.
	fn updated_file(&self, input: &[u8], scales: &[(usize, f32)]) -> Option<(Vec<u8>, Cid)> {
		let n = self.header.len();
		let mut output = vec![0u8; input.len()];
		output[..n].copy_from_slice(&input[..n]);
		let mut written = CidHasher::new();
		written.update(&input[..n]);
		for (k, (src, dst)) in input[n..].chunks(CHUNK).zip(output[n..].chunks_mut(CHUNK)).enumerate() {
			if !self.axpy_chunk(src, dst, k * CHUNK / 4, scales) {
				return None;
			}
			written.update(&*dst);
		}
		let cid = written.finalize();
		Some((output, cid))
	}

	/// `dst = src + Σ a_s Δθ_s[first..]` on one chunk; false if a result is not finite.
	fn axpy_chunk(&self, src: &[u8], dst: &mut [u8], first: usize, scales: &[(usize, f32)]) -> bool {
		let mut finite = true;
		for (i, (s, d)) in src.chunks_exact(4).zip(dst.chunks_exact_mut(4)).enumerate() {
			let mut v = f32::from_le_bytes([s[0], s[1], s[2], s[3]]);
			for &(delta, a) in scales {
				v += a * self.deltas[delta][first + i];
			}
			finite &= v.is_finite();
			d.copy_from_slice(&v.to_le_bytes());
		}
		finite
	}

	/// Applies the update to `cid` and stores the result in `store` without syncing it
	/// (call [`ModelStore::sync`] once when the task is done); returns the new CID.
	pub fn apply_into(
		&self,
		stores: &Stores,
		cid: &Cid,
		scales: &[(usize, f32)],
		store: &ModelStore,
	) -> Result<Cid> {
		let (bytes, new) = self.apply(stores, cid, scales)?;
		store.put_unsynced(&bytes, &new)?;
		Ok(new)
	}
}

/// Length of a safetensors file's header including its 8-byte length prefix.
fn header_len(bytes: &[u8]) -> Result<usize> {
	let prefix: [u8; 8] = bytes
		.get(..8)
		.and_then(|b| b.try_into().ok())
		.ok_or_else(|| WorkerError::InvalidWeights("safetensors file shorter than its length prefix".into()))?;
	let n = usize::try_from(u64::from_le_bytes(prefix))
		.ok()
		.and_then(|h| h.checked_add(8))
		.filter(|&n| n <= bytes.len())
		.ok_or_else(|| WorkerError::InvalidWeights("safetensors header longer than the file".into()))?;
	if !(bytes.len() - n).is_multiple_of(4) {
		return Err(WorkerError::InvalidWeights("safetensors data is not a whole number of f32".into()));
	}
	Ok(n)
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::weights::WeightTensor;

	fn weights(values: &[(&str, Vec<f32>)]) -> Weights {
		Weights::new(
			values
				.iter()
				.map(|(n, v)| WeightTensor { name: n.to_string(), shape: vec![v.len()], data: v.clone() })
				.collect(),
		)
		.unwrap()
	}

	fn model(seed: f32, n: usize) -> Weights {
		weights(&[
			("a.weight", (0..n).map(|i| seed + i as f32 * 0.25).collect()),
			("b.bias", (0..3).map(|i| seed - i as f32).collect()),
		])
	}

	#[test]
	fn streamed_update_equals_the_in_memory_one_bit_for_bit() {
		let dir = tempfile::tempdir().unwrap();
		let stores = Stores::open(dir.path()).unwrap();
		// Larger than one chunk, so chunk boundaries are crossed.
		let n = 3 * CHUNK / 4 + 17;
		let w = model(1.0, n);
		let (d1, d2) = (model(0.5, n), model(-2.0, n));
		let cid = stores.publish(&w).unwrap();
		let update = StreamingUpdate::new(&[&d1, &d2]).unwrap();
		let new = update.apply_into(&stores, &cid, &[(0, 0.3), (1, -0.7)], &stores.live).unwrap();
		stores.live.sync().unwrap();
		let mut expected = w.clone();
		expected.axpy(0.3, &d1).unwrap();
		expected.axpy(-0.7, &d2).unwrap();
		assert_eq!(new, Cid::of(&expected.to_safetensors().unwrap()));
		assert_eq!(stores.live.get_weights(&new).unwrap(), expected);
	}

	#[test]
	fn corrupt_model_is_refused_and_nothing_is_written() {
		let dir = tempfile::tempdir().unwrap();
		let stores = Stores::open(dir.path()).unwrap();
		let w = model(1.0, 100);
		let cid = stores.live.put_weights(&w).unwrap();
		let path = stores.live.local_path(&cid).unwrap();
		let mut bytes = std::fs::read(&path).unwrap();
		let last = bytes.len() - 1;
		bytes[last] ^= 1;
		std::fs::write(&path, &bytes).unwrap();
		let update = StreamingUpdate::new(&[&model(0.5, 100)]).unwrap();
		let before = stores.live.list().unwrap();
		let err = update.apply_into(&stores, &cid, &[(0, 1.0)], &stores.live).unwrap_err();
		assert!(matches!(err, WorkerError::CorruptModel { .. }), "{err}");
		assert_eq!(stores.live.list().unwrap(), before);
	}

	#[test]
	fn other_architecture_and_non_finite_results_are_refused() {
		let dir = tempfile::tempdir().unwrap();
		let stores = Stores::open(dir.path()).unwrap();
		let update = StreamingUpdate::new(&[&model(0.5, 100)]).unwrap();
		let other = stores.publish(&model(1.0, 101)).unwrap();
		let err = update.apply(&stores, &other, &[(0, 1.0)]).unwrap_err();
		assert!(err.to_string().contains("layout of the update"), "{err}");
		let huge = stores.publish(&weights(&[("a.weight", vec![f32::MAX; 100]), ("b.bias", vec![0.0; 3])])).unwrap();
		let up = StreamingUpdate::new(&[&weights(&[("a.weight", vec![f32::MAX; 100]), ("b.bias", vec![0.0; 3])])]).unwrap();
		let err = up.apply(&stores, &huge, &[(0, 1.0)]).unwrap_err();
		assert!(err.to_string().contains("non-finite"), "{err}");
		let err = up.apply(&stores, &huge, &[(3, 1.0)]).unwrap_err();
		assert!(err.to_string().contains("no delta 3"), "{err}");
		assert!(StreamingUpdate::new(&[]).is_err(), "no deltas");
		let missing = Cid::of(b"absent");
		assert!(matches!(update.apply(&stores, &missing, &[]), Err(WorkerError::ModelNotFound { .. })));
	}
}
