//! Helpers that build valid publish and redact inputs under the **insecure** development
//! trapdoor (`blockful_chameleon::dev_secret_key`). For tests and benchmarks only: they are
//! compiled with `std` or `runtime-benchmarks` and are never called by the runtime itself.

use crate::{
	pallet::{Blocks, Config, MaxRefsOf, MaxUriLenOf, Txs},
	types::{header_message, HeaderUpdate, TxUpdate},
};
use alloc::{collections::BTreeSet, vec::Vec};
use blockful_chameleon::{
	adapt, dev_secret_key, hash_from_seed,
	rand_core::{CryptoRng, Error as RandError, RngCore},
	ChCheck, ChPublicKey, ChRandomness,
};
use frame_support::BoundedVec;
use pallet_model_archive::model_message;

/// A valid model URI for a test or benchmark fixture: the raw-block CID of the bytes of
/// `label` (e.g. `uri(b"m0")`), what `ipfs add --cid-version 1` gives a file holding them.
pub fn uri(label: &[u8]) -> Vec<u8> {
	blockful_model_cid::raw_cid(sp_io::hashing::sha2_256(label)).to_vec()
}

/// A deterministic RNG: blake2-256 in counter mode over a seed. Not for secrets; it only
/// feeds the hedged nonce of `adapt` in tests and benchmarks.
pub struct DetRng {
	seed: [u8; 32],
	counter: u64,
}

impl DetRng {
	/// An RNG whose stream is fixed by `seed`.
	pub fn new(seed: u64) -> Self {
		Self { seed: sp_io::hashing::blake2_256(&seed.to_le_bytes()), counter: 0 }
	}

	fn block(&mut self) -> [u8; 32] {
		let mut input = self.seed.to_vec();
		input.extend_from_slice(&self.counter.to_le_bytes());
		self.counter = self.counter.wrapping_add(1);
		sp_io::hashing::blake2_256(&input)
	}
}

impl RngCore for DetRng {
	fn next_u32(&mut self) -> u32 {
		let mut b = [0u8; 4];
		self.fill_bytes(&mut b);
		u32::from_le_bytes(b)
	}
	fn next_u64(&mut self) -> u64 {
		let mut b = [0u8; 8];
		self.fill_bytes(&mut b);
		u64::from_le_bytes(b)
	}
	fn fill_bytes(&mut self, dest: &mut [u8]) {
		for chunk in dest.chunks_mut(32) {
			let block = self.block();
			for (d, s) in chunk.iter_mut().zip(block.iter()) {
				*d = *s;
			}
		}
	}
	fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), RandError> {
		self.fill_bytes(dest);
		Ok(())
	}
}

impl CryptoRng for DetRng {}

/// The development public key, derived from the development trapdoor.
pub fn dev_key() -> ChPublicKey {
	dev_secret_key().public()
}

/// A chameleon hash of SCALE `(uri, refs)` under the development key.
pub fn publish_args(uri: &[u8], refs: &[u64], seed: u64) -> (ChCheck, ChRandomness) {
	let seed = sp_io::hashing::blake2_256(&seed.to_le_bytes());
	hash_from_seed(&dev_key(), &model_message(uri, refs), &seed).unwrap_or((
		ChCheck([0; 32]),
		ChRandomness([0; 64]),
	))
}

/// A collision opening `ch` to SCALE `(uri, refs)` under the development key.
pub fn collision(ch: &ChCheck, uri: &[u8], refs: &[u64], rng: &mut DetRng) -> ChRandomness {
	adapt(&dev_secret_key(), ch, &model_message(uri, refs), rng).unwrap_or(ChRandomness([0; 64]))
}

/// A collision opening `ch_curr` to SCALE `(height, version)`.
pub fn header_collision(ch: &ChCheck, height: u64, version: u32, rng: &mut DetRng) -> ChRandomness {
	adapt(&dev_secret_key(), ch, &header_message(height, version), rng)
		.unwrap_or(ChRandomness([0; 64]))
}

/// The `updates` and `headers` arguments of a valid `redact` that gives each listed
/// transaction its new URI, with collisions from the development trapdoor. Unknown
/// transactions are skipped.
pub fn redaction<T: Config>(
	changes: &[(u64, Vec<u8>)],
	rng: &mut DetRng,
) -> (Vec<TxUpdate<MaxUriLenOf<T>>>, Vec<HeaderUpdate>) {
	let mut updates = Vec::new();
	let mut touched = BTreeSet::new();
	for (tx, uri) in changes {
		let Some(live) = Txs::<T>::get(tx) else { continue };
		let refs: &BoundedVec<u64, MaxRefsOf<T>> = &live.refs;
		let rand = collision(&live.ch, uri, refs, rng);
		updates.push(TxUpdate { tx: *tx, uri: BoundedVec::truncate_from(uri.clone()), rand });
		touched.insert(live.height);
	}
	let headers = touched
		.into_iter()
		.filter_map(|height| {
			let block = Blocks::<T>::get(height)?;
			let version = block.version.saturating_add(1);
			Some(HeaderUpdate { height, rand: header_collision(&block.ch_curr, height, version, rng) })
		})
		.collect();
	(updates, headers)
}

/// Publishes a model with a valid CH under the development key without the call's checks,
/// sealing the pending live block first when it is full. Benchmark set-up only.
#[cfg(feature = "runtime-benchmarks")]
pub fn publish_unchecked<T: Config>(
	owner: &T::AccountId,
	refs: &[u64],
) -> Result<u64, sp_runtime::DispatchError> {
	use frame_support::pallet_prelude::Get;
	if crate::PendingTxs::<T>::get().len() >= T::MaxTxsPerBlock::get() as usize {
		crate::Pallet::<T>::seal_pending()?;
	}
	let next = crate::NextTxId::<T>::get();
	let uri = self::uri(alloc::format!("bench-{next}").as_bytes());
	let (ch, rand) = publish_args(&uri, refs, next);
	crate::Pallet::<T>::do_publish(
		owner.clone(),
		BoundedVec::try_from(uri).map_err(|_| "uri bound")?,
		BoundedVec::try_from(refs.to_vec()).map_err(|_| "refs bound")?,
		ch,
		rand,
	)
}

/// Seals the pending live block. Benchmark set-up only.
#[cfg(feature = "runtime-benchmarks")]
pub fn seal<T: Config>() -> Result<(), sp_runtime::DispatchError> {
	crate::Pallet::<T>::seal_pending()
}
