//! Weights for `pallet_threshold`: **estimates**, written by hand from the 3-of-4
//! benchmarks of 2026-11-26 and the live chain's `ch_verify`, until
//! `scripts/bench-weights.sh` regenerates this file on a `release`-profile node build.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_threshold`.
pub trait WeightInfo {
	fn sign_commit(u: u32, ) -> Weight;
	fn sign_commit_signers(s: u32, ) -> Weight;
	fn sign_share(u: u32, ) -> Weight;
	fn sign_share_signers(s: u32, ) -> Weight;
	fn dkg_commit(n: u32, ) -> Weight;
	fn dkg_share(n: u32, ) -> Weight;
	fn dkg_confirm(n: u32, ) -> Weight;
}

/// Weights for `pallet_threshold` measured with the runtime's own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn sign_commit(u: u32, ) -> Weight {
		Weight::from_parts(199_371_653, 11425)
			.saturating_add(Weight::from_parts(51_236_701, 0).saturating_mul(u.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(u.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 1446).saturating_mul(u.into()))
	}
	fn sign_commit_signers(s: u32, ) -> Weight {
		Weight::from_parts(1_700_000_000, 11425)
			.saturating_add(Weight::from_parts(192_000_000, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn sign_share(u: u32, ) -> Weight {
		Weight::from_parts(1_140_711_000, 14249)
			.saturating_add(Weight::from_parts(422_926_431, 0).saturating_mul(u.into()))
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(u.into())))
			.saturating_add(T::DbWeight::get().writes(10_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(u.into())))
			.saturating_add(Weight::from_parts(0, 1446).saturating_mul(u.into()))
	}
	fn sign_share_signers(s: u32, ) -> Weight {
		Weight::from_parts(15_100_000_000, 14249)
			.saturating_add(Weight::from_parts(960_000_000, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn dkg_commit(n: u32, ) -> Weight {
		Weight::from_parts(60_000_000, 3000)
			.saturating_add(Weight::from_parts(3_300_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn dkg_share(n: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 3000)
			.saturating_add(Weight::from_parts(620_000_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(11_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2000).saturating_mul(n.into()))
	}
	fn dkg_confirm(n: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 3000)
			.saturating_add(Weight::from_parts(10_000_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(Weight::from_parts(0, 500).saturating_mul(n.into()))
	}
}

// For tests and mocks: the same figures with ParityDB database weights.
impl WeightInfo for () {
	fn sign_commit(u: u32, ) -> Weight {
		Weight::from_parts(199_371_653, 11425)
			.saturating_add(Weight::from_parts(51_236_701, 0).saturating_mul(u.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(u.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 1446).saturating_mul(u.into()))
	}
	fn sign_commit_signers(s: u32, ) -> Weight {
		Weight::from_parts(1_700_000_000, 11425)
			.saturating_add(Weight::from_parts(192_000_000, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn sign_share(u: u32, ) -> Weight {
		Weight::from_parts(1_140_711_000, 14249)
			.saturating_add(Weight::from_parts(422_926_431, 0).saturating_mul(u.into()))
			.saturating_add(ParityDbWeight::get().reads(13_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(u.into())))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(u.into())))
			.saturating_add(Weight::from_parts(0, 1446).saturating_mul(u.into()))
	}
	fn sign_share_signers(s: u32, ) -> Weight {
		Weight::from_parts(15_100_000_000, 14249)
			.saturating_add(Weight::from_parts(960_000_000, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(13_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
	}
	fn dkg_commit(n: u32, ) -> Weight {
		Weight::from_parts(60_000_000, 3000)
			.saturating_add(Weight::from_parts(3_300_000, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn dkg_share(n: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 3000)
			.saturating_add(Weight::from_parts(620_000_000, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().reads((5_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(11_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2000).saturating_mul(n.into()))
	}
	fn dkg_confirm(n: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 3000)
			.saturating_add(Weight::from_parts(10_000_000, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(Weight::from_parts(0, 500).saturating_mul(n.into()))
	}
}
