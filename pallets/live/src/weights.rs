//! Weights for `pallet_live_chain`.
//!
//! PLACEHOLDER UNTIL GENERATED: conservative hand estimates in the shape the node's
//! `benchmark pallet` command writes. Regenerate on the release runtime with:
//!
//! ```sh
//! blockful-node benchmark pallet --runtime <blockful_runtime.wasm> \
//!   --genesis-builder-preset development --pallet pallet_live_chain --extrinsic '*' \
//!   --steps 50 --repeat 20 --output pallets/live/src/weights.rs \
//!   --template <frame-weight-template.hbs>
//! ```

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_live_chain`.
pub trait WeightInfo {
	/// `publish_model` with a URI of `u` bytes and `r` references.
	fn publish_model(u: u32, r: u32, ) -> Weight;
	/// Sealing `n` pending models into a live block in `on_finalize`.
	fn seal_block(n: u32, ) -> Weight;
	/// `redact` with `h` header updates, one model update per touched block, and `e`
	/// further model updates.
	fn redact(e: u32, h: u32, ) -> Weight;
	/// One chameleon-hash verification inside the runtime.
	fn ch_verify() -> Weight;
}

/// Weights for `pallet_live_chain` using the node's recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `LiveChain::ChPublicKey` (r:1), `LiveChain::Txs` (r:r w:1),
	/// `LiveChain::NextTxId` (r:1 w:1), `LiveChain::NextHeight` (r:1),
	/// `LiveChain::PendingTxs` (r:1 w:1), `LiveChain::Children` (w:r), archive append
	/// (r:3 w:6).
	/// The range of component `u` is `[1, 256]`.
	/// The range of component `r` is `[0, 32]`.
	fn publish_model(u: u32, r: u32, ) -> Weight {
		Weight::from_parts(400_000_000, 4_000)
			.saturating_add(Weight::from_parts(4_000, 0).saturating_mul(u.into()))
			.saturating_add(Weight::from_parts(8_000_000, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(10_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 2_600).saturating_mul(r.into()))
	}
	/// Storage: `LiveChain::PendingTxs` (r:1 w:1), `LiveChain::Txs` (r:n),
	/// `LiveChain::NextHeight` (r:1 w:1), `LiveChain::Blocks` (r:1 w:1),
	/// `LiveChain::ChPublicKey` (r:1), `LiveChain::BlockTxs` (w:1), `Timestamp::Now` (r:1).
	/// The range of component `n` is `[1, 256]`.
	fn seal_block(n: u32, ) -> Weight {
		Weight::from_parts(450_000_000, 4_000)
			.saturating_add(Weight::from_parts(6_000_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(Weight::from_parts(0, 2_600).saturating_mul(n.into()))
	}
	/// Storage: `LiveChain::ChPublicKey` (r:1), `LiveChain::Txs` (r:e+h w:e+h),
	/// `LiveChain::Blocks` (r:h w:h), archive append per model (r:3 w:6).
	/// The range of component `e` is `[0, 256]`.
	/// The range of component `h` is `[1, 256]`.
	fn redact(e: u32, h: u32, ) -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(Weight::from_parts(420_000_000, 0).saturating_mul(e.into()))
			.saturating_add(Weight::from_parts(800_000_000, 0).saturating_mul(h.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(e.into())))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(h.into())))
			.saturating_add(T::DbWeight::get().writes((7_u64).saturating_mul(e.into())))
			.saturating_add(T::DbWeight::get().writes((8_u64).saturating_mul(h.into())))
			.saturating_add(Weight::from_parts(0, 3_000).saturating_mul(e.into()))
			.saturating_add(Weight::from_parts(0, 5_000).saturating_mul(h.into()))
	}
	fn ch_verify() -> Weight {
		Weight::from_parts(350_000_000, 0)
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn publish_model(u: u32, r: u32, ) -> Weight {
		Weight::from_parts(400_000_000, 4_000)
			.saturating_add(Weight::from_parts(4_000, 0).saturating_mul(u.into()))
			.saturating_add(Weight::from_parts(8_000_000, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 2_600).saturating_mul(r.into()))
	}
	fn seal_block(n: u32, ) -> Weight {
		Weight::from_parts(450_000_000, 4_000)
			.saturating_add(Weight::from_parts(6_000_000, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
			.saturating_add(Weight::from_parts(0, 2_600).saturating_mul(n.into()))
	}
	fn redact(e: u32, h: u32, ) -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(Weight::from_parts(420_000_000, 0).saturating_mul(e.into()))
			.saturating_add(Weight::from_parts(800_000_000, 0).saturating_mul(h.into()))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(e.into())))
			.saturating_add(RocksDbWeight::get().reads((5_u64).saturating_mul(h.into())))
			.saturating_add(RocksDbWeight::get().writes((7_u64).saturating_mul(e.into())))
			.saturating_add(RocksDbWeight::get().writes((8_u64).saturating_mul(h.into())))
			.saturating_add(Weight::from_parts(0, 3_000).saturating_mul(e.into()))
			.saturating_add(Weight::from_parts(0, 5_000).saturating_mul(h.into()))
	}
	fn ch_verify() -> Weight {
		Weight::from_parts(350_000_000, 0)
	}
}
