//! Weights for `pallet_unlearning`.
//!
//! PLACEHOLDER UNTIL GENERATED: conservative hand estimates in the shape the node's
//! `benchmark pallet` command writes. Regenerate on the release runtime with:
//!
//! ```sh
//! blockful-node benchmark pallet --runtime <blockful_runtime.wasm> \
//!   --genesis-builder-preset development --pallet pallet_unlearning --extrinsic '*' \
//!   --steps 50 --repeat 20 --output pallets/unlearning/src/weights.rs \
//!   --template <frame-weight-template.hbs>
//! ```

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_unlearning`.
pub trait WeightInfo {
	/// `request_unlearning` whose affected set has `a` models.
	fn request_unlearning(a: u32, ) -> Weight;
	/// The redaction hook advancing a request with `a` affected models.
	fn advance_request(a: u32, ) -> Weight;
}

/// Weights for `pallet_unlearning` using the node's recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `LiveChain::Txs` (r:1), `LiveChain::Children` (r:a),
	/// `Unlearning::NextRequestId` (r:1 w:1), `Unlearning::Requests` (w:1).
	/// The range of component `a` is `[1, 256]`.
	fn request_unlearning(a: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 4_000)
			.saturating_add(Weight::from_parts(12_000_000, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 2_600).saturating_mul(a.into()))
	}
	/// Storage: `Unlearning::Requests` (r:2 w:1), `LiveChain::Txs` (r:1).
	/// The range of component `a` is `[1, 256]`.
	fn advance_request(a: u32, ) -> Weight {
		Weight::from_parts(30_000_000, 6_000)
			.saturating_add(Weight::from_parts(500_000, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 24).saturating_mul(a.into()))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn request_unlearning(a: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 4_000)
			.saturating_add(Weight::from_parts(12_000_000, 0).saturating_mul(a.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(a.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 2_600).saturating_mul(a.into()))
	}
	fn advance_request(a: u32, ) -> Weight {
		Weight::from_parts(30_000_000, 6_000)
			.saturating_add(Weight::from_parts(500_000, 0).saturating_mul(a.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 24).saturating_mul(a.into()))
	}
}
