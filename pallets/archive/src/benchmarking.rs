//! Benchmarks of `pallet_model_archive`.

use super::*;
use alloc::vec;
use blockful_chameleon::{ChCheck, ChRandomness};
use frame_benchmarking::v2::*;
use frame_support::{pallet_prelude::Get, BoundedVec};

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Appending one record: `u` URI bytes, `r` references.
	#[benchmark]
	fn append(
		u: Linear<1, { T::MaxUriLen::get() }>,
		r: Linear<0, { T::MaxRefs::get() }>,
	) -> Result<(), BenchmarkError> {
		let owner: T::AccountId = whitelisted_caller();
		// One earlier record so the hash chain has a predecessor to link to.
		Pallet::<T>::append(
			0,
			0,
			BoundedVec::truncate_from(vec![b'a'; 1]),
			BoundedVec::new(),
			owner.clone(),
			ChCheck([1; 32]),
			ChRandomness([2; 64]),
			ArchiveReason::Published,
		)
		.map_err(|_| BenchmarkError::Stop("seed record"))?;
		let uri = BoundedVec::truncate_from(vec![b'b'; u as usize]);
		let refs = BoundedVec::truncate_from((0..u64::from(r)).collect::<alloc::vec::Vec<_>>());

		#[block]
		{
			Pallet::<T>::append(
				1,
				0,
				uri,
				refs,
				owner,
				ChCheck([3; 32]),
				ChRandomness([4; 64]),
				ArchiveReason::Redacted { request: 0 },
			)
			.map_err(|_| BenchmarkError::Stop("append"))?;
		}

		assert_eq!(NextSeq::<T>::get(), 2);
		assert_eq!(LineageLen::<T>::get(1), 1);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::ExtBuilder::default().build(), crate::mock::Test);
}
