//! # Model Archive
//!
//! ## Overview
//!
//! The **archive chain** of BlockFUL (SPEC §4): an append-only, hash-linked log of every
//! model version that was ever live, each exactly once and in order. The live-chain pallet
//! appends version 0 of a model when it is published and version `k + 1` when a committee
//! redaction makes it live. A model redacted `k` times therefore has the `1 + k` records
//! of versions `0..=k` here — the `n`-th record of a transaction is always its version `n`
//! ([`Pallet::append`] refuses anything else) — and the record hashes form a chain:
//! `hash(n) = blake2_256(hash(n - 1) ‖ SCALE(record n))`, `hash(-1) = 0`.
//!
//! ### Dispatchable Functions
//!
//! None, on purpose: no origin, root included, can modify or delete a record. Records are
//! appended only through [`Pallet::append`], called by other pallets of the runtime.
//!
//! ### Public functions
//!
//! - [`Pallet::append`]: append a record (used by `pallet-live-chain`).
//! - [`Pallet::lineage`]: every archived record of one transaction, oldest first.
//! - [`Pallet::verify_chain`]: recompute the hash chain and report broken links.

#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(
	not(test),
	deny(
		clippy::unwrap_used,
		clippy::expect_used,
		clippy::indexing_slicing,
		clippy::arithmetic_side_effects
	)
)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

// The FRAME pallet macros expand to `expect` calls on spans of this module (storage
// prefixes, pallet-info, error metadata); our own code in it uses none (checked by
// `grep -n 'expect(' src/lib.rs`), and every other denied lint stays on.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use blockful_chameleon::{ChCheck, ChRandomness};
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_core::H256;

	/// A record as stored by this pallet's runtime.
	pub type RecordOf<T> = ArchiveRecord<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxUriLen,
		<T as Config>::MaxRefs,
	>;

	/// Configuration of the archive.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Longest model URI (CID) in bytes, for the archive and the live chain.
		#[pallet::constant]
		type MaxUriLen: Get<u32>;
		/// Most references (parent models) one model may have.
		#[pallet::constant]
		type MaxRefs: Get<u32>;
		/// Weights of this pallet's operations.
		type WeightInfo: WeightInfo;
	}

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	/// The archive pallet.
	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Archived model versions by sequence number.
	#[pallet::storage]
	pub type Records<T: Config> = StorageMap<_, Twox64Concat, u64, RecordOf<T>, OptionQuery>;

	/// Hash of each record (`blake2_256(prev_hash ‖ SCALE(record))`).
	#[pallet::storage]
	pub type RecordHashes<T: Config> = StorageMap<_, Twox64Concat, u64, H256, OptionQuery>;

	/// Sequence number the next record gets; equals the number of records.
	#[pallet::storage]
	pub type NextSeq<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// Hash of the newest record (`H256::zero()` while the archive is empty).
	#[pallet::storage]
	pub type Head<T: Config> = StorageValue<_, H256, ValueQuery>;

	/// Sequence numbers of a transaction's records: `(tx, n) -> seq` for its `n`-th record.
	#[pallet::storage]
	pub type Lineage<T: Config> =
		StorageDoubleMap<_, Twox64Concat, u64, Twox64Concat, u32, u64, OptionQuery>;

	/// Number of records a transaction has in the archive.
	#[pallet::storage]
	pub type LineageLen<T: Config> = StorageMap<_, Twox64Concat, u64, u32, ValueQuery>;

	/// Events of the archive.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A model version was appended to the archive.
		RecordAppended {
			/// Sequence number of the record.
			seq: u64,
			/// Live-chain transaction id of the model.
			tx: u64,
			/// Archived version of the model.
			version: u32,
			/// Hash of the record, the new head of the hash chain.
			hash: H256,
		},
	}

	/// Errors of the archive.
	#[pallet::error]
	pub enum Error<T> {
		/// The sequence number or a lineage counter would overflow.
		ArchiveFull,
		/// The appended version is not the next version of the transaction (the `n`-th
		/// record of a transaction must be its version `n`).
		VersionOutOfOrder,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	impl<T: Config> Pallet<T> {
		/// Appends one model version and links it to the head of the hash chain.
		///
		/// Returns the new record's sequence number. Fails, before anything is written, when
		/// `version` is not the transaction's next version or a counter would overflow.
		#[allow(clippy::too_many_arguments)]
		pub fn append(
			tx: u64,
			version: u32,
			uri: BoundedVec<u8, T::MaxUriLen>,
			refs: BoundedVec<u64, T::MaxRefs>,
			owner: T::AccountId,
			ch: ChCheck,
			rand: ChRandomness,
			reason: ArchiveReason,
		) -> Result<u64, DispatchError> {
			let seq = NextSeq::<T>::get();
			let next_seq = seq.checked_add(1).ok_or(Error::<T>::ArchiveFull)?;
			let n = LineageLen::<T>::get(tx);
			ensure!(version == n, Error::<T>::VersionOutOfOrder);
			let next_n = n.checked_add(1).ok_or(Error::<T>::ArchiveFull)?;
			let prev_hash = Head::<T>::get();
			let record = ArchiveRecord {
				seq,
				prev_hash,
				tx,
				version,
				content_hash: content_hash(&model_message(&uri, &refs)),
				uri,
				refs,
				owner,
				ch,
				rand,
				reason,
				block_number: frame_system::Pallet::<T>::block_number(),
			};
			let hash = record_hash(&prev_hash, &record);
			Records::<T>::insert(seq, record);
			RecordHashes::<T>::insert(seq, hash);
			Head::<T>::put(hash);
			NextSeq::<T>::put(next_seq);
			Lineage::<T>::insert(tx, n, seq);
			LineageLen::<T>::insert(tx, next_n);
			Self::deposit_event(Event::RecordAppended { seq, tx, version, hash });
			Ok(seq)
		}

		/// Every record of transaction `tx`, oldest first (empty for an unknown `tx`).
		pub fn lineage(tx: u64) -> Vec<RecordOf<T>> {
			(0..LineageLen::<T>::get(tx))
				.filter_map(|n| Lineage::<T>::get(tx, n))
				.filter_map(Records::<T>::get)
				.collect()
		}

		/// Recomputes the whole hash chain. Returns the number of records checked and the
		/// sequence numbers of at most `max_failures` records that are missing, whose
		/// `seq` or `prev_hash` is wrong, or whose stored hash differs from the recomputed
		/// one.
		pub fn verify_chain(max_failures: u32) -> (u64, Vec<u64>) {
			let mut failures = Vec::new();
			let mut prev = H256::zero();
			let next = NextSeq::<T>::get();
			for seq in 0..next {
				let ok = match (Records::<T>::get(seq), RecordHashes::<T>::get(seq)) {
					(Some(record), Some(stored)) => {
						let hash = record_hash(&prev, &record);
						let ok = record.seq == seq &&
							record.prev_hash == prev &&
							hash == stored &&
							record.content_hash ==
								content_hash(&model_message(&record.uri, &record.refs));
						prev = stored;
						ok
					},
					// A missing record fails alone: its stored hash, if any, still links the next.
					(None, Some(stored)) => {
						prev = stored;
						false
					},
					_ => false,
				};
				if !ok && failures.len() < max_failures as usize {
					failures.push(seq);
				}
			}
			if next > 0 && Head::<T>::get() != prev && failures.len() < max_failures as usize {
				failures.push(next.saturating_sub(1));
			}
			(next, failures)
		}

		/// Checks the archive's invariants.
		///
		/// ## Expectations
		///
		/// - records `0..NextSeq` all exist, each links to its predecessor's hash, its stored
		///   hash is `blake2_256(prev_hash ‖ SCALE(record))` and `Head` is the last hash;
		/// - no record exists at or beyond `NextSeq`;
		/// - every `Lineage` entry points to a record of that transaction whose version is its
		///   position (versions `0, 1, 2, …` once each, in order), and the lineage lengths
		///   sum to the number of records.
		#[cfg(any(feature = "try-runtime", feature = "std"))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let (count, failures) = Self::verify_chain(1);
			ensure!(failures.is_empty(), "archive hash chain is broken");
			ensure!(
				Records::<T>::iter_keys().all(|seq| seq < count),
				"archive record beyond NextSeq"
			);
			let mut total: u64 = 0;
			for (tx, len) in LineageLen::<T>::iter() {
				for n in 0..len {
					let seq = Lineage::<T>::get(tx, n).ok_or("lineage entry missing")?;
					let record = Records::<T>::get(seq).ok_or("lineage points to no record")?;
					ensure!(record.tx == tx, "lineage points to another transaction's record");
					ensure!(record.version == n, "lineage versions are not 0, 1, 2, … in order");
				}
				total = total.saturating_add(u64::from(len));
			}
			ensure!(total == count, "lineage lengths do not add up to the record count");
			Ok(())
		}
	}
}
