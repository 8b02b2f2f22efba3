//! Weights for `pallet_model_archive`.
//!
//! PLACEHOLDER UNTIL GENERATED: these numbers are conservative hand estimates in the shape
//! the node's `benchmark pallet` command writes (`--template` of the polkadot-sdk). They
//! must be replaced by running, on the release runtime:
//!
//! ```sh
//! blockful-node benchmark pallet --runtime <blockful_runtime.wasm> \
//!   --pallet pallet_model_archive --extrinsic '*' --steps 50 --repeat 20 \
//!   --output pallets/archive/src/weights.rs --template <frame-weight-template.hbs>
//! ```

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_model_archive`.
pub trait WeightInfo {
	/// Appending one record with a URI of `u` bytes and `r` references.
	fn append(u: u32, r: u32, ) -> Weight;
}

/// Weights for `pallet_model_archive` using the node's recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Archive::NextSeq` (r:1 w:1), `Archive::LineageLen` (r:1 w:1),
	/// `Archive::Head` (r:1 w:1), `Archive::Records` (r:0 w:1),
	/// `Archive::RecordHashes` (r:0 w:1), `Archive::Lineage` (r:0 w:1)
	/// The range of component `u` is `[1, 256]`.
	/// The range of component `r` is `[0, 64]`.
	fn append(u: u32, r: u32, ) -> Weight {
		Weight::from_parts(25_000_000, 1_600)
			.saturating_add(Weight::from_parts(2_000, 0).saturating_mul(u.into()))
			.saturating_add(Weight::from_parts(20_000, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 8).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn append(u: u32, r: u32, ) -> Weight {
		Weight::from_parts(25_000_000, 1_600)
			.saturating_add(Weight::from_parts(2_000, 0).saturating_mul(u.into()))
			.saturating_add(Weight::from_parts(20_000, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 8).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
}
