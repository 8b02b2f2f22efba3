//! Benchmarks of `pallet_unlearning`.

use super::*;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{pallet_prelude::Get, BoundedVec};
use frame_system::RawOrigin;
use pallet_live_chain::{testing, OnRedaction};

/// Gives `who` enough to pay deposits: a thousand requests' base deposits and the archive
/// fee of the largest affected set.
fn fund<T: Config>(who: &T::AccountId) {
	use frame_support::traits::fungible::{Inspect, Mutate};
	use sp_runtime::Saturating;
	let amount = T::RequestDeposit::get()
		.saturating_mul(1_000u32.into())
		.saturating_add(T::ArchiveFee::get().saturating_mul(T::MaxAffected::get().saturating_add(1).into()))
		.saturating_add(<T as Config>::DepositCurrency::minimum_balance().saturating_mul(1_000u32.into()));
	let _ = <T as Config>::DepositCurrency::set_balance(who, amount);
}

/// A chain of `a` models owned by `owner`, each referencing the previous one, sealed.
fn chain<T: Config>(owner: &T::AccountId, a: u32) -> Result<Vec<u64>, BenchmarkError> {
	pallet_live_chain::ChPublicKey::<T>::put(testing::dev_key());
	let mut txs: Vec<u64> = Vec::new();
	for _ in 0..a {
		let refs: Vec<u64> = txs.last().copied().into_iter().collect();
		txs.push(
			testing::publish_unchecked::<T>(owner, &refs)
				.map_err(|_| BenchmarkError::Stop("publish"))?,
		);
	}
	testing::seal::<T>().map_err(|_| BenchmarkError::Stop("seal"))?;
	Ok(txs)
}

/// `a` models, each referencing the previous `MaxRefs` (or all earlier ones): the densest
/// DAG the live chain accepts, so that the affected-set search pays for the most edges.
fn dense<T: Config>(owner: &T::AccountId, a: u32) -> Result<Vec<u64>, BenchmarkError> {
	pallet_live_chain::ChPublicKey::<T>::put(testing::dev_key());
	let fan_in = pallet_live_chain::MaxRefsOf::<T>::get() as usize;
	let mut txs: Vec<u64> = Vec::new();
	for _ in 0..a {
		let refs: Vec<u64> = txs.iter().rev().take(fan_in).copied().collect();
		txs.push(
			testing::publish_unchecked::<T>(owner, &refs)
				.map_err(|_| BenchmarkError::Stop("publish"))?,
		);
	}
	testing::seal::<T>().map_err(|_| BenchmarkError::Stop("seal"))?;
	Ok(txs)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A request whose affected set is `a` models of a dense DAG (fan-in `MaxRefs`): the
	/// worst case of one filing step for `a` models (`extend_request` is charged by it).
	#[benchmark]
	fn request_unlearning(a: Linear<1, { T::MaxFilingStep::get() }>) -> Result<(), BenchmarkError> {
		let caller: T::AccountId = whitelisted_caller();
		let txs = dense::<T>(&caller, a)?;
		let start = txs.first().copied().into_iter().collect::<Vec<_>>();
		let classes = (0..T::MaxClasses::get().min(255) as u8).collect::<Vec<_>>();
		fund::<T>(&caller);
		let start: BoundedVec<_, _> = start.try_into().map_err(|_| BenchmarkError::Stop("starts"))?;
		let classes: BoundedVec<_, _> = classes.try_into().map_err(|_| BenchmarkError::Stop("classes"))?;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), start, classes, Paradigm::Parallel);

		let request = Requests::<T>::get(0).ok_or(BenchmarkError::Stop("no request"))?;
		assert_eq!(request.affected.len() as u32, a);
		Ok(())
	}

	/// The redaction hook completing a parallel request over `a` affected models.
	#[benchmark]
	fn advance_request(a: Linear<1, { T::MaxAffected::get() }>) -> Result<(), BenchmarkError> {
		let caller: T::AccountId = whitelisted_caller();
		let txs = chain::<T>(&caller, a)?;
		let start = txs.first().copied().into_iter().collect::<Vec<_>>();
		fund::<T>(&caller);
		Pallet::<T>::request_unlearning(
			RawOrigin::Signed(caller.clone()).into(),
			start.try_into().map_err(|_| BenchmarkError::Stop("starts"))?,
			vec![1].try_into().map_err(|_| BenchmarkError::Stop("classes"))?,
			Paradigm::Parallel,
		)
		.map_err(|_| BenchmarkError::Stop("request"))?;
		// A set larger than one filing step is computed over several.
		while Requests::<T>::get(0).is_some_and(|r| r.status == RequestStatus::Computing) {
			Pallet::<T>::extend_request(RawOrigin::Signed(caller.clone()).into(), 0)
				.map_err(|_| BenchmarkError::Stop("extend"))?;
		}

		let uris: Vec<(u64, Vec<u8>)> = txs
			.iter()
			.map(|tx| (*tx, testing::uri(alloc::format!("unlearned-{tx}").as_bytes())))
			.collect();
		// The owners' submissions, stored as `submit_update` stores them (calling it `a`
		// times would decode the request `a` times: minutes of setup at `MaxAffected`).
		let now = frame_system::Pallet::<T>::block_number();
		for (tx, uri) in &uris {
			let uri: UriOf<T> = uri.clone().try_into().map_err(|_| BenchmarkError::Stop("uri"))?;
			Updates::<T>::insert(
				0,
				tx,
				SubmittedUpdate { update: ModelUpdate::Replace(uri), by: caller.clone(), fallback: false, at: now },
			);
		}
		Requests::<T>::mutate(0, |r| {
			if let Some(r) = r {
				r.submitted = a;
			}
		});
		let updates: Vec<(u64, &[u8])> = uris.iter().map(|(tx, uri)| (*tx, uri.as_slice())).collect();

		#[block]
		{
			<Pallet<T> as OnRedaction>::validate(0, &updates)
				.map_err(|_| BenchmarkError::Stop("validate"))?;
			<Pallet<T> as OnRedaction>::on_redacted(0, &txs)
				.map_err(|_| BenchmarkError::Stop("advance"))?;
		}

		let request = Requests::<T>::get(0).ok_or(BenchmarkError::Stop("no request"))?;
		assert_eq!(request.status, RequestStatus::Completed);
		Ok(())
	}

	/// An owner's update of the last model of a chain of `MaxStarts + 1` models, filed
	/// from its first: the heaviest checks (URI, affected set, the request re-encoded).
	#[benchmark]
	fn submit_update() -> Result<(), BenchmarkError> {
		let caller: T::AccountId = whitelisted_caller();
		let txs = chain::<T>(&caller, T::MaxStarts::get().saturating_add(1).min(T::MaxAffected::get()))?;
		let start = txs.first().copied().into_iter().collect::<Vec<_>>();
		let last = txs.last().copied().ok_or(BenchmarkError::Stop("no model"))?;
		fund::<T>(&caller);
		Pallet::<T>::request_unlearning(
			RawOrigin::Signed(caller.clone()).into(),
			start.try_into().map_err(|_| BenchmarkError::Stop("starts"))?,
			vec![1].try_into().map_err(|_| BenchmarkError::Stop("classes"))?,
			Paradigm::Parallel,
		)
		.map_err(|_| BenchmarkError::Stop("request"))?;
		let uri: UriOf<T> = testing::uri(b"bench-update")
			.try_into()
			.map_err(|_| BenchmarkError::Stop("uri"))?;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), 0, last, ModelUpdate::Replace(uri));

		assert!(Updates::<T>::contains_key(0, last));
		Ok(())
	}

	/// Reading a request of `a` affected models, every one of them done (its largest
	/// encoding), and writing it back: what each step that touches a request pays for it
	/// (`Pallet::request_rw_weight`).
	#[benchmark]
	fn request_rw(a: Linear<1, { T::MaxAffected::get() }>) -> Result<(), BenchmarkError> {
		let caller: T::AccountId = whitelisted_caller();
		let models: Vec<u64> = (0..u64::from(a)).collect();
		let mut request = UnlearningRequest::filed(
			caller,
			BoundedVec::truncate_from(vec![0]),
			BoundedVec::truncate_from(vec![1]),
			Paradigm::Parallel,
			BoundedVec::truncate_from(models.clone()),
			frame_system::Pallet::<T>::block_number(),
			Default::default(),
		);
		request.done = BoundedVec::truncate_from(models);
		Requests::<T>::insert(0, request);

		#[block]
		{
			let request = Requests::<T>::get(0).ok_or(BenchmarkError::Stop("no request"))?;
			Requests::<T>::insert(0, request);
		}

		assert_eq!(Requests::<T>::get(0).map(|r| r.done.len() as u32), Some(a));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::ExtBuilder::default().build(), crate::mock::Test);
}
