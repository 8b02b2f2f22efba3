//! Benchmarks of `pallet_live_chain`. Collisions come from the development trapdoor, which
//! the benchmark installs as the CH public key.

use super::*;
use crate::testing::{self, DetRng};
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	pallet_prelude::Get,
	traits::{EnsureOrigin, Hooks},
	BoundedVec,
};
use frame_system::RawOrigin;
use blockful_chameleon::{ChCheck, ChRandomness};
use pallet_model_archive::model_message;

/// Installs the development key.
fn use_dev_key<T: Config>() {
	ChPublicKey::<T>::put(testing::dev_key());
}

/// Gives `who` enough to pay deposits.
fn fund<T: Config>(who: &T::AccountId) {
	use frame_support::traits::fungible::{Inspect, Mutate};
	use sp_runtime::Saturating;
	let amount = T::ModelDeposit::get()
		.saturating_mul(1_000u32.into())
		.saturating_add(T::Currency::minimum_balance().saturating_mul(1_000u32.into()));
	let _ = T::Currency::set_balance(who, amount);
}

/// Publishes a model with a valid CH, sealing first when the pending block is full.
fn publish<T: Config>(owner: &T::AccountId, refs: &[u64]) -> Result<u64, BenchmarkError> {
	testing::publish_unchecked::<T>(owner, refs).map_err(|_| BenchmarkError::Stop("publish"))
}

fn seal<T: Config>() -> Result<(), BenchmarkError> {
	testing::seal::<T>().map_err(|_| BenchmarkError::Stop("seal"))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// `publish_model` with `u` URI bytes and `r` references. Every URI `publish_model`
	/// accepts is a model CID of exactly 59 bytes, so `u` no longer changes the work: the
	/// URI is always the CID of a `u`-byte label, and the component stays only so that the
	/// weight function keeps its signature (its fitted slope should be about zero).
	#[benchmark]
	fn publish_model(
		u: Linear<1, { <T as pallet_model_archive::Config>::MaxUriLen::get() }>,
		r: Linear<0, { <T as pallet_model_archive::Config>::MaxRefs::get() }>,
	) -> Result<(), BenchmarkError> {
		use_dev_key::<T>();
		let caller: T::AccountId = whitelisted_caller();
		let refs = (0..r).map(|_| publish::<T>(&caller, &[])).collect::<Result<Vec<_>, _>>()?;
		seal::<T>()?;
		let uri = testing::uri(&vec![b'a'; u as usize]);
		let (ch, rand) = testing::publish_args(&uri, &refs, u64::MAX);
		let tx = NextTxId::<T>::get();
		fund::<T>(&caller);
		let uri: BoundedVec<_, _> = uri.try_into().map_err(|_| BenchmarkError::Stop("uri bound"))?;
		let refs: BoundedVec<_, _> = refs.try_into().map_err(|_| BenchmarkError::Stop("refs bound"))?;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), uri, refs, ch, rand);

		assert!(Txs::<T>::contains_key(tx));
		assert_eq!(PendingTxs::<T>::get().len(), 1);
		Ok(())
	}

	/// Sealing `n` pending models in `on_finalize`.
	#[benchmark]
	fn seal_block(n: Linear<1, { T::MaxTxsPerBlock::get() }>) -> Result<(), BenchmarkError> {
		use_dev_key::<T>();
		let caller: T::AccountId = whitelisted_caller();
		for _ in 0..n {
			publish::<T>(&caller, &[])?;
		}
		let height = NextHeight::<T>::get();

		#[block]
		{
			Pallet::<T>::on_finalize(frame_system::Pallet::<T>::block_number());
		}

		assert_eq!(BlockTxs::<T>::get(height).len() as u32, n);
		assert!(PendingTxs::<T>::get().is_empty());
		Ok(())
	}

	/// `redact` touching `h` live blocks, each with one updated model, plus `e` further
	/// updated models spread over those blocks.
	#[benchmark]
	fn redact(
		// Extras share live blocks with the per-block update, so a block holds at most
		// `MaxTxsPerBlock`; the weight formula extrapolates linearly beyond.
		e: Linear<
			0,
			{ T::MaxUpdates::get().saturating_div(2).min(T::MaxTxsPerBlock::get().saturating_sub(1)) },
		>,
		h: Linear<1, { T::MaxUpdates::get().saturating_div(2).max(1) }>,
	) -> Result<(), BenchmarkError> {
		use_dev_key::<T>();
		let caller: T::AccountId = whitelisted_caller();
		let mut changes = Vec::new();
		for block in 0..h {
			let parent = changes.last().map(|(tx, _): &(u64, Vec<u8>)| *tx);
			let refs: Vec<u64> = parent.into_iter().collect();
			changes.push((publish::<T>(&caller, &refs)?, Vec::new()));
			for _ in (block..e).step_by(h as usize) {
				changes.push((publish::<T>(&caller, &[])?, Vec::new()));
			}
			seal::<T>()?;
		}
		for (tx, uri) in changes.iter_mut() {
			*uri = testing::uri(alloc::format!("redacted-{tx}").as_bytes());
		}
		let (updates, headers) = testing::redaction::<T>(&changes, &mut DetRng::new(7));
		assert_eq!(headers.len() as u32, h);
		let updates: BoundedVec<_, T::MaxUpdates> =
			updates.try_into().map_err(|_| BenchmarkError::Stop("updates bound"))?;
		let headers: BoundedVec<_, T::MaxUpdates> =
			headers.try_into().map_err(|_| BenchmarkError::Stop("headers bound"))?;
		let origin =
			T::RedactOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let first = changes.first().map(|(tx, _)| *tx).unwrap_or_default();
		let request = T::OnRedaction::open_bench_request(&caller, &changes, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, request, updates, headers);

		assert_eq!(Txs::<T>::get(first).map(|t| t.version), Some(1));
		Ok(())
	}

	/// One chameleon-hash verification.
	#[benchmark]
	fn ch_verify() {
		let uri = testing::uri(b"bench-verify");
		let refs = vec![1u64, 2, 3];
		let (ch, rand) = testing::publish_args(&uri, &refs, 1);
		let key = testing::dev_key();
		let ok;

		#[block]
		{
			ok = blockful_chameleon::verify(&key, &model_message(&uri, &refs), &rand, &ch).is_ok();
		}

		assert!(ok);
	}

	/// Batch verification of `n` openings under one key, as `redact` runs it: divide by
	/// `n` for the per-item cost to compare with `ch_verify`.
	#[benchmark]
	fn ch_verify_batch(n: Linear<1, 64>) -> Result<(), BenchmarkError> {
		let refs = vec![1u64, 2, 3];
		let openings: Vec<(Vec<u8>, ChRandomness, ChCheck)> = (0..n)
			.map(|i| {
				let uri = testing::uri(alloc::format!("bench-verify-{i}").as_bytes());
				let (ch, rand) = testing::publish_args(&uri, &refs, u64::from(i));
				(model_message(&uri, &refs), rand, ch)
			})
			.collect();
		let key = blockful_chameleon::PreparedPublicKey::new(&testing::dev_key())
			.map_err(|_| BenchmarkError::Stop("dev key"))?;
		let items: Vec<blockful_chameleon::BatchItem<'_>> = openings
			.iter()
			.map(|(msg, rand, check)| blockful_chameleon::BatchItem { msg, rand, check })
			.collect();
		let ok;

		#[block]
		{
			ok = key.verify_batch(&items).is_ok();
		}

		assert!(ok);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::ExtBuilder::default().build(), crate::mock::Test);
}
