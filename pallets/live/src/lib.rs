//! # Live Chain
//!
//! ## Overview
//!
//! The **live chain** of BlockFUL (SPEC §4). Federated-learning participants publish model
//! transactions whose payload, SCALE `(uri, refs)`, is bound by a chameleon hash (CH) under
//! the chain's CH public key [`ChPublicKey`]. Every model published in one block is sealed
//! in `on_finalize` into one *live block* whose header carries its own CH over SCALE
//! `(height, version)`, a Merkle root over the transactions' check values and a link to the
//! previous header. Because only `uri`, `rand` and the header's `version`/`r_curr` change
//! on redaction, every check value, Merkle root and parent link stays valid.
//!
//! A redaction replaces the URI of one or more models. It needs [`Config::RedactOrigin`]
//! (in the runtime a 2/3 committee motion), an unlearning request it advances (checked by
//! [`Config::OnRedaction`], implemented by `pallet-unlearning`) and a CH collision for
//! every replaced model and every touched live block, which only the trapdoor holders can
//! produce. Each new version goes to the archive (`pallet-model-archive`) as it becomes
//! live, so the archive holds versions `0..=version` of every model, once each.
//!
//! Publishing holds [`Config::ModelDeposit`] from the publisher (`fungible::hold`, reason
//! [`HoldReason::ModelDeposit`]) for as long as the model lives, which is for ever: models
//! are never removed. A model that an open unlearning request is unlearning cannot be
//! referenced until the request ends ([`Error::RefLocked`]).
//!
//! Transaction ids are `u64`, assigned 0, 1, 2, … in publish order. A model may only
//! reference existing, distinct ids, so the model DAG is acyclic by construction and
//! ascending id order is a topological order.
//!
//! ### Dispatchable Functions
//!
//! - `publish_model(uri, refs, ch, rand)` — signed: append a model transaction, holding
//!   the model deposit.
//! - `redact(request, updates, headers)` — [`Config::RedactOrigin`]: replace model URIs
//!   with verified CH collisions for unlearning request `request`, atomically.
//!
//! ### Public functions
//!
//! - [`Pallet::affected_set`]: start models plus all their descendants, topologically.
//! - [`Pallet::verify_integrity`]: full check of the live chain and the archive (for the
//!   runtime API `blockful_verifyLiveChain`); [`Pallet::verify_page`] and
//!   [`Pallet::verify_since`] check one page of transactions, or one page of what changed
//!   since a block, at a cost proportional to what they cover; `next` continues either.

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
#[cfg(any(feature = "std", feature = "runtime-benchmarks"))]
pub mod testing;
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
	use alloc::{collections::BTreeSet, vec::Vec};
	use blockful_chameleon::{ChCheck, ChError, ChPublicKey as ChKey, ChRandomness};
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate, MutateHold},
			UnixTime,
		},
	};
	use frame_system::pallet_prelude::*;
	use pallet_model_archive::{model_message, ArchiveReason};
	use sp_core::H256;
	use sp_runtime::SaturatedConversion;

	/// URI bound shared with the archive.
	pub type MaxUriLenOf<T> = <T as pallet_model_archive::Config>::MaxUriLen;
	/// Reference bound shared with the archive.
	pub type MaxRefsOf<T> = <T as pallet_model_archive::Config>::MaxRefs;
	/// A live transaction as stored by this runtime.
	pub type LiveTxOf<T> =
		LiveTx<<T as frame_system::Config>::AccountId, MaxUriLenOf<T>, MaxRefsOf<T>>;
	/// A model update as the `redact` call takes it.
	pub type TxUpdateOf<T> = TxUpdate<MaxUriLenOf<T>>;
	/// Balance of the deposit currency.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	/// Configuration of the live chain.
	#[pallet::config]
	pub trait Config: frame_system::Config + pallet_model_archive::Config {
		/// Who may redact: in the runtime a committee motion with at least 2/3 of members.
		type RedactOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Source of the live-block timestamp (unix milliseconds).
		type TimeProvider: UnixTime;
		/// Most models that one block (and so one live block) may hold.
		#[pallet::constant]
		type MaxTxsPerBlock: Get<u32>;
		/// Most model updates, and most header updates, in one redaction.
		#[pallet::constant]
		type MaxUpdates: Get<u32>;
		/// Told about every redaction; `pallet-unlearning` advances its requests with it and
		/// says which models are locked by an open request.
		type OnRedaction: OnRedaction;
		/// The currency the model deposit is held in.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ Mutate<Self::AccountId>;
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;
		/// Deposit held from the publisher of every model, for as long as the model lives.
		#[pallet::constant]
		type ModelDeposit: Get<BalanceOf<Self>>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a published model.
		ModelDeposit,
	}

	/// The live-chain pallet.
	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The chameleon-hash public key every transaction and header verifies under.
	#[pallet::storage]
	pub type ChPublicKey<T: Config> = StorageValue<_, ChKey, OptionQuery>;

	/// Live model transactions by id.
	#[pallet::storage]
	pub type Txs<T: Config> = StorageMap<_, Twox64Concat, u64, LiveTxOf<T>, OptionQuery>;

	/// Id the next published model gets; equals the number of models.
	#[pallet::storage]
	pub type NextTxId<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// Live-block headers by height.
	#[pallet::storage]
	pub type Blocks<T: Config> = StorageMap<_, Twox64Concat, u64, LiveBlockHeader, OptionQuery>;

	/// Transaction ids of each live block, in order (the Merkle leaves).
	#[pallet::storage]
	pub type BlockTxs<T: Config> =
		StorageMap<_, Twox64Concat, u64, BoundedVec<u64, T::MaxTxsPerBlock>, ValueQuery>;

	/// Height the next live block gets; equals the number of live blocks.
	#[pallet::storage]
	pub type NextHeight<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// Models published in the current block, sealed into a live block in `on_finalize`.
	#[pallet::storage]
	pub type PendingTxs<T: Config> =
		StorageValue<_, BoundedVec<u64, T::MaxTxsPerBlock>, ValueQuery>;

	/// DAG edges, parent to child: `(parent, child) -> ()` for every reference.
	#[pallet::storage]
	pub type Children<T: Config> =
		StorageDoubleMap<_, Twox64Concat, u64, Twox64Concat, u64, (), OptionQuery>;

	/// Genesis: the chameleon-hash public key.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Compressed ristretto255 public key; all zeros leaves the key unset (every
		/// publish then fails with `NoPublicKey`).
		pub ch_public_key: [u8; 32],
		#[serde(skip)]
		/// Type marker.
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if self.ch_public_key != [0u8; 32] {
				ChPublicKey::<T>::put(ChKey(self.ch_public_key));
			}
		}
	}

	/// Events of the live chain.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A model was published.
		ModelPublished {
			/// Its transaction id.
			tx: u64,
			/// Its publisher.
			owner: T::AccountId,
			/// Its URI (CID).
			uri: BoundedVec<u8, MaxUriLenOf<T>>,
			/// The live block it will be sealed into.
			height: u64,
		},
		/// The models of this block were sealed into a live block.
		LiveBlockSealed {
			/// Height of the live block.
			height: u64,
			/// Number of transactions.
			txs: u32,
			/// Merkle root over their check values.
			merkle_root: H256,
		},
		/// A model's URI was replaced by a redaction.
		ModelRedacted {
			/// Transaction id.
			tx: u64,
			/// The new version.
			version: u32,
			/// The new URI.
			uri: BoundedVec<u8, MaxUriLenOf<T>>,
			/// Archive sequence number of the new version's record.
			archived: u64,
		},
		/// A live-block header got a new version because a transaction of it was redacted.
		LiveBlockRedacted {
			/// Height of the live block.
			height: u64,
			/// The new header version.
			version: u32,
		},
		/// A redaction was applied.
		Redacted {
			/// The unlearning request it advanced.
			request: u64,
			/// Number of models replaced.
			txs: u32,
			/// Number of live-block headers updated.
			blocks: u32,
		},
		/// A chameleon-hash public key was installed (the committee's DKG group key).
		PublicKeyInstalled {
			/// The key.
			key: ChKey,
		},
	}

	/// Errors of the live chain.
	#[pallet::error]
	pub enum Error<T> {
		/// The URI is empty.
		EmptyUri,
		/// The URI is not a model CID: the canonical base32 string of an IPFS CIDv1 with codec
		/// `raw` or `dag-pb` and a sha2-256 multihash (`bafkrei…` / `bafybei…`, 59 characters),
		/// the CID `ipfs add --cid-version 1` gives the model's bytes.
		MalformedUri,
		/// The same transaction is referenced twice.
		DuplicateRef,
		/// A reference names no existing transaction.
		UnknownRef,
		/// No chameleon-hash public key is configured.
		NoPublicKey,
		/// The configured chameleon-hash public key is invalid.
		InvalidPublicKey,
		/// The randomness point `R` is not a valid ristretto255 encoding.
		InvalidRandomnessPoint,
		/// The randomness scalar `s` is not canonically encoded.
		NonCanonicalScalar,
		/// The check value is not a valid ristretto255 encoding.
		InvalidCheck,
		/// The randomness does not open the check value to SCALE `(uri, refs)`.
		ChMismatch,
		/// The pending live block holds `MaxTxsPerBlock` models. (`publish_model` does not
		/// return it: it seals a full live block and starts the next.)
		LiveBlockFull,
		/// A counter (transaction id, height or version) would overflow.
		Overflow,
		/// A redaction without any model update.
		NoUpdates,
		/// More than `MaxUpdates` updates.
		TooManyUpdates,
		/// The same transaction is updated twice in one redaction.
		DuplicateUpdate,
		/// An update names no existing transaction.
		UnknownTx,
		/// The collision of the model update at `index` does not verify.
		TxCollisionInvalid {
			/// Position in `updates`.
			index: u16,
		},
		/// The collision of the header update at `index` does not verify.
		HeaderCollisionInvalid {
			/// Position in `headers`.
			index: u16,
		},
		/// A live block with a redacted transaction has no header update.
		MissingHeaderUpdate,
		/// The header update at `index` is for a live block no update touches.
		UntouchedHeaderUpdate {
			/// Position in `headers`.
			index: u16,
		},
		/// Two header updates for the same live block.
		DuplicateHeaderUpdate,
		/// A header update names no existing live block.
		UnknownBlock,
		/// A reference names a model that an open unlearning request is unlearning; it can
		/// be inherited from once the request completes, is cancelled or expires.
		RefLocked,
		/// The publisher cannot cover the model deposit.
		InsufficientDeposit,
		/// Models are bound to the current chameleon-hash key; it cannot be replaced.
		KeyInUse,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Accounts for `on_finalize`: reading the pending list and the fixed part of sealing
		/// it. The per-model part is paid by the `publish_model` calls that filled it.
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			T::DbWeight::get().reads(1).saturating_add(<T as Config>::WeightInfo::seal_block(0))
		}

		fn on_finalize(_n: BlockNumberFor<T>) {
			if let Err(e) = Self::seal_pending() {
				log::error!(target: "runtime::live-chain", "sealing live block failed: {e:?}");
			}
		}

		fn integrity_test() {
			assert!(T::MaxUpdates::get() >= 1, "MaxUpdates must be at least 1");
			assert!(
				T::MaxUpdates::get() <= u32::from(u16::MAX),
				"MaxUpdates must fit the u16 error index"
			);
			assert!(T::MaxTxsPerBlock::get() >= 1, "MaxTxsPerBlock must be at least 1");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Publishes a model: `uri` its CID, `refs` the distinct ids of the models it
		/// aggregated (none of them locked by an open unlearning request), `(ch, rand)` a
		/// chameleon hash of SCALE `(uri, refs)` under [`ChPublicKey`]. Holds
		/// [`Config::ModelDeposit`] from the signer. The model joins the pending live block
		/// (sealed at the end of the chain block, or as soon as it holds `MaxTxsPerBlock`
		/// models) and the archive (as version 0).
		#[pallet::call_index(0)]
		#[pallet::weight(
			<T as Config>::WeightInfo::publish_model(
				uri.len().saturated_into::<u32>(),
				refs.len().saturated_into::<u32>(),
			)
			.saturating_add(Pallet::<T>::seal_share())
		)]
		pub fn publish_model(
			origin: OriginFor<T>,
			uri: BoundedVec<u8, MaxUriLenOf<T>>,
			refs: BoundedVec<u64, MaxRefsOf<T>>,
			ch: ChCheck,
			rand: ChRandomness,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::check_uri(&uri)?;
			let mut seen = BTreeSet::new();
			for r in refs.iter() {
				ensure!(seen.insert(*r), Error::<T>::DuplicateRef);
				ensure!(Txs::<T>::contains_key(r), Error::<T>::UnknownRef);
				ensure!(T::OnRedaction::locked_by(*r).is_none(), Error::<T>::RefLocked);
			}
			let pk = Self::public_key()?;
			blockful_chameleon::verify(&pk, &model_message(&uri, &refs), &rand, &ch)
				.map_err(Self::ch_error)?;
			T::Currency::hold(&HoldReason::ModelDeposit.into(), &owner, T::ModelDeposit::get())
				.map_err(|_| Error::<T>::InsufficientDeposit)?;
			Self::do_publish(owner, uri, refs, ch, rand)?;
			Ok(())
		}

		/// Replaces model URIs for unlearning request `request`, which the redaction must
		/// advance (checked by [`Config::OnRedaction`]). Each of `updates` carries a
		/// collision under the model's unchanged `ch` for SCALE `(new uri, old refs)`;
		/// `headers` has exactly one collision per touched live block, for SCALE
		/// `(height, version + 1)`. Atomic: any failing check changes nothing and the error
		/// names it. Each new version is archived as it becomes live.
		#[pallet::call_index(1)]
		#[pallet::weight(Pallet::<T>::redact_weight(updates.len(), headers.len())
			.saturating_add(T::OnRedaction::max_weight()))]
		pub fn redact(
			origin: OriginFor<T>,
			request: u64,
			updates: BoundedVec<TxUpdateOf<T>, T::MaxUpdates>,
			headers: BoundedVec<HeaderUpdate, T::MaxUpdates>,
		) -> DispatchResultWithPostInfo {
			T::RedactOrigin::ensure_origin(origin)?;
			ensure!(!updates.is_empty(), Error::<T>::NoUpdates);
			let hook_weight = Self::do_redact(request, &updates, &headers)?;
			Ok(Some(
				Self::redact_weight(updates.len(), headers.len()).saturating_add(hook_weight),
			)
			.into())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Weight of `redact` itself: the benchmark's components are the updates beyond
		/// one per header and the headers.
		pub fn redact_weight(updates: usize, headers: usize) -> Weight {
			let extra = updates.saturating_sub(headers).saturated_into::<u32>();
			<T as Config>::WeightInfo::redact(extra, headers.saturated_into::<u32>())
		}

		/// The configured CH public key.
		pub fn public_key() -> Result<ChKey, Error<T>> {
			ChPublicKey::<T>::get().ok_or(Error::<T>::NoPublicKey)
		}

		/// Maps a chameleon-hash failure to this pallet's error.
		pub fn ch_error(e: ChError) -> Error<T> {
			match e {
				ChError::InvalidPublicKey | ChError::IdentityPublicKey =>
					Error::<T>::InvalidPublicKey,
				ChError::InvalidRandomnessPoint => Error::<T>::InvalidRandomnessPoint,
				ChError::NonCanonicalScalar => Error::<T>::NonCanonicalScalar,
				ChError::InvalidCheck => Error::<T>::InvalidCheck,
				_ => Error::<T>::ChMismatch,
			}
		}

		/// Checks a URI: a model CID ([`blockful_model_cid::parse`]), so that every URI on
		/// chain names bytes any IPFS node can serve and verify.
		pub fn check_uri(uri: &[u8]) -> Result<(), Error<T>> {
			ensure!(!uri.is_empty(), Error::<T>::EmptyUri);
			blockful_model_cid::parse(uri).map_err(|_| Error::<T>::MalformedUri)?;
			Ok(())
		}

		/// What one `publish_model` pays towards sealing its live block: the per-model part
		/// of `seal_block` plus `1 / MaxTxsPerBlock` of its fixed part. The `MaxTxsPerBlock`
		/// publishes that fill a live block sealed mid-block pay its fixed part together; the
		/// block's last live block has its fixed part charged in `on_initialize`.
		pub fn seal_share() -> Weight {
			let fixed = <T as Config>::WeightInfo::seal_block(0);
			let per_model = <T as Config>::WeightInfo::seal_block(1).saturating_sub(fixed);
			let share = fixed.saturating_add(Weight::from_parts(
				u64::from(T::MaxTxsPerBlock::get()).saturating_sub(1),
				u64::from(T::MaxTxsPerBlock::get()).saturating_sub(1),
			));
			per_model.saturating_add(share.saturating_div(u64::from(T::MaxTxsPerBlock::get()).max(1)))
		}

		/// Appends a checked model: id, edges, pending list, archive record, event.
		pub(crate) fn do_publish(
			owner: T::AccountId,
			uri: BoundedVec<u8, MaxUriLenOf<T>>,
			refs: BoundedVec<u64, MaxRefsOf<T>>,
			ch: ChCheck,
			rand: ChRandomness,
		) -> Result<u64, DispatchError> {
			let tx = NextTxId::<T>::get();
			let next = tx.checked_add(1).ok_or(Error::<T>::Overflow)?;
			// A full live block is sealed here and the model opens the next one, so a chain
			// block can carry several live blocks' worth of models. Sealing is paid by the
			// publishes that filled the block (`seal_share`).
			if PendingTxs::<T>::decode_len().unwrap_or(0) >= T::MaxTxsPerBlock::get() as usize {
				Self::seal_pending()?;
			}
			let height = NextHeight::<T>::get();
			PendingTxs::<T>::try_mutate(|pending| pending.try_push(tx))
				.map_err(|_| Error::<T>::LiveBlockFull)?;
			pallet_model_archive::Pallet::<T>::append(
				tx,
				0,
				uri.clone(),
				refs.clone(),
				owner.clone(),
				ch,
				rand,
				ArchiveReason::Published,
			)?;
			for parent in refs.iter() {
				Children::<T>::insert(parent, tx, ());
			}
			Txs::<T>::insert(
				tx,
				LiveTx { owner: owner.clone(), uri: uri.clone(), refs, ch, rand, version: 0, height },
			);
			NextTxId::<T>::put(next);
			Self::deposit_event(Event::ModelPublished { tx, owner, uri, height });
			Ok(tx)
		}

		/// Seals the pending models into a new live block. Nothing happens without pending
		/// models. The header's CH over SCALE `(height, 0)` uses randomness derived from the
		/// parent block hash, the height and the Merkle root.
		pub(crate) fn seal_pending() -> DispatchResult {
			let pending = PendingTxs::<T>::take();
			if pending.is_empty() {
				return Ok(())
			}
			let height = NextHeight::<T>::get();
			let next = height.checked_add(1).ok_or(Error::<T>::Overflow)?;
			let leaves: Vec<ChCheck> =
				pending.iter().filter_map(|tx| Txs::<T>::get(tx).map(|t| t.ch)).collect();
			let merkle_root = merkle_root(&leaves);
			let parent = match height.checked_sub(1).and_then(Blocks::<T>::get) {
				Some(previous) => header_hash(&previous),
				None => H256::zero(),
			};
			let seed = sp_io::hashing::blake2_256(
				&(
					b"blockful/live/header-seed",
					frame_system::Pallet::<T>::parent_hash(),
					height,
					merkle_root,
				)
					.encode(),
			);
			let pk = Self::public_key()?;
			let (ch_curr, r_curr) =
				blockful_chameleon::hash_from_seed(&pk, &header_message(height, 0), &seed)
					.map_err(Self::ch_error)?;
			let timestamp = T::TimeProvider::now().as_millis().saturated_into::<u64>();
			let txs = pending.len().saturated_into::<u32>();
			Blocks::<T>::insert(
				height,
				LiveBlockHeader { parent, ch_curr, r_curr, version: 0, merkle_root, timestamp },
			);
			BlockTxs::<T>::insert(height, pending);
			NextHeight::<T>::put(next);
			Self::deposit_event(Event::LiveBlockSealed { height, txs, merkle_root });
			Ok(())
		}

		/// Installs the chameleon-hash public key that new models and live blocks are bound
		/// to (the committee's DKG group key). Refused once any model is bound to the
		/// current key: old transactions must keep verifying.
		pub fn install_public_key(key: ChKey) -> DispatchResult {
			ensure!(
				NextTxId::<T>::get() == 0 || ChPublicKey::<T>::get().is_none(),
				Error::<T>::KeyInUse
			);
			blockful_chameleon::PreparedPublicKey::new(&key).map_err(Self::ch_error)?;
			ChPublicKey::<T>::put(key);
			Self::deposit_event(Event::PublicKeyInstalled { key });
			Ok(())
		}

		/// Checks every part of a redaction, then applies it; for the committee's threshold
		/// signing, which computed the collisions itself. Returns the hook's weight.
		pub fn apply_redaction(
			request: u64,
			updates: &[TxUpdateOf<T>],
			headers: &[HeaderUpdate],
		) -> Result<Weight, DispatchError> {
			ensure!(!updates.is_empty(), Error::<T>::NoUpdates);
			Self::do_redact(request, updates, headers)
		}

		/// Checks every part of a redaction, then applies it. Returns the hook's weight.
		fn do_redact(
			request: u64,
			updates: &[TxUpdateOf<T>],
			headers: &[HeaderUpdate],
		) -> Result<Weight, DispatchError> {
			let pk = Self::public_key()?;
			// Structure first (cheap), collisions last (expensive).
			let mut seen = BTreeSet::new();
			let mut touched = BTreeSet::new();
			let mut current = Vec::with_capacity(updates.len());
			for update in updates {
				ensure!(seen.insert(update.tx), Error::<T>::DuplicateUpdate);
				let live = Txs::<T>::get(update.tx).ok_or(Error::<T>::UnknownTx)?;
				Self::check_uri(&update.uri)?;
				live.version.checked_add(1).ok_or(Error::<T>::Overflow)?;
				touched.insert(live.height);
				current.push(live);
			}
			let mut headed = BTreeSet::new();
			let mut blocks = Vec::with_capacity(headers.len());
			for (index, header) in headers.iter().enumerate() {
				let index = index.saturated_into::<u16>();
				ensure!(headed.insert(header.height), Error::<T>::DuplicateHeaderUpdate);
				let block = Blocks::<T>::get(header.height).ok_or(Error::<T>::UnknownBlock)?;
				ensure!(
					touched.contains(&header.height),
					Error::<T>::UntouchedHeaderUpdate { index }
				);
				block.version.checked_add(1).ok_or(Error::<T>::Overflow)?;
				blocks.push(block);
			}
			ensure!(touched == headed, Error::<T>::MissingHeaderUpdate);
			let txs: Vec<u64> = updates.iter().map(|u| u.tx).collect();
			let consented: Vec<(u64, &[u8])> =
				updates.iter().map(|u| (u.tx, u.uri.as_slice())).collect();
			T::OnRedaction::validate(request, &consented)?;
			Self::verify_collisions(&pk, updates, &current, headers, &blocks)?;

			// Every check passed: archive each new version and make it live.
			for (update, live) in updates.iter().zip(current) {
				let version = live.version.saturating_add(1);
				let archived = pallet_model_archive::Pallet::<T>::append(
					update.tx,
					version,
					update.uri.clone(),
					live.refs.clone(),
					live.owner.clone(),
					live.ch,
					update.rand,
					ArchiveReason::Redacted { request },
				)?;
				Txs::<T>::insert(
					update.tx,
					LiveTx { uri: update.uri.clone(), rand: update.rand, version, ..live },
				);
				Self::deposit_event(Event::ModelRedacted {
					tx: update.tx,
					version,
					uri: update.uri.clone(),
					archived,
				});
			}
			for (header, block) in headers.iter().zip(blocks) {
				let version = block.version.saturating_add(1);
				Blocks::<T>::insert(
					header.height,
					LiveBlockHeader { version, r_curr: header.rand, ..block },
				);
				Self::deposit_event(Event::LiveBlockRedacted { height: header.height, version });
			}
			let hook_weight = T::OnRedaction::on_redacted(request, &txs)?;
			Self::deposit_event(Event::Redacted {
				request,
				txs: updates.len().saturated_into(),
				blocks: headers.len().saturated_into(),
			});
			Ok(hook_weight)
		}

		/// Verifies every collision of a redaction — each update's under its transaction's
		/// `ch`, each header's for `(height, version + 1)` under its `ch_curr` — with one
		/// batch verification (one multiscalar multiplication), naming the first failing
		/// one when the batch fails.
		fn verify_collisions(
			pk: &ChKey,
			updates: &[TxUpdateOf<T>],
			current: &[LiveTxOf<T>],
			headers: &[HeaderUpdate],
			blocks: &[LiveBlockHeader],
		) -> DispatchResult {
			let key = blockful_chameleon::PreparedPublicKey::new(pk).map_err(Self::ch_error)?;
			let tx_messages: Vec<Vec<u8>> = updates
				.iter()
				.zip(current.iter())
				.map(|(update, live)| model_message(&update.uri, &live.refs))
				.collect();
			let header_messages: Vec<Vec<u8>> = headers
				.iter()
				.zip(blocks.iter())
				.map(|(header, block)| header_message(header.height, block.version.saturating_add(1)))
				.collect();
			let items: Vec<blockful_chameleon::BatchItem<'_>> = updates
				.iter()
				.zip(current.iter())
				.zip(tx_messages.iter())
				.map(|((update, live), msg)| blockful_chameleon::BatchItem {
					msg,
					rand: &update.rand,
					check: &live.ch,
				})
				.chain(headers.iter().zip(blocks.iter()).zip(header_messages.iter()).map(
					|((header, block), msg)| blockful_chameleon::BatchItem {
						msg,
						rand: &header.rand,
						check: &block.ch_curr,
					},
				))
				.collect();
			key.verify_batch(&items).map_err(|e| {
				match e.index.checked_sub(updates.len()) {
					None => Error::<T>::TxCollisionInvalid { index: e.index.saturated_into() },
					Some(index) =>
						Error::<T>::HeaderCollisionInvalid { index: index.saturated_into() },
				}
				.into()
			})
		}

		/// The start models plus every model that (transitively) references one of them,
		/// in ascending id order, which is a topological order of the DAG. Fails with
		/// [`AffectedError::UnknownTx`] for an unknown start and with
		/// [`AffectedError::TooMany`] as soon as the set exceeds `cap` models, so the work
		/// is bounded by `cap` times the fan-out.
		pub fn affected_set(starts: &[u64], cap: u32) -> Result<Vec<u64>, AffectedError> {
			let mut set = BTreeSet::new();
			let mut queue = Vec::new();
			for start in starts {
				ensure!(Txs::<T>::contains_key(start), AffectedError::UnknownTx);
				if set.insert(*start) {
					queue.push(*start);
				}
			}
			ensure!(set.len() <= cap as usize, AffectedError::TooMany);
			while let Some(node) = queue.pop() {
				for child in Children::<T>::iter_key_prefix(node) {
					if set.insert(child) {
						ensure!(set.len() <= cap as usize, AffectedError::TooMany);
						queue.push(child);
					}
				}
			}
			Ok(set.into_iter().collect())
		}

		/// Whether `tx` exists, for the runtime API: by reading its value, not by
		/// `contains_key`. A light client (smoldot) executes runtime calls on the call proof
		/// a full node sends, and a proof of `exists` on a hashed value (state version 1)
		/// lacks the value node smoldot looks for (`MissingProofEntry`); a read puts it in.
		fn api_tx_exists(tx: u64) -> bool {
			Txs::<T>::get(tx).is_some()
		}

		/// Runtime API: descendants of `tx` (without `tx`), topologically ordered.
		pub fn api_descendants(tx: u64) -> Result<Vec<u64>, QueryError> {
			ensure!(Self::api_tx_exists(tx), QueryError::UnknownTx);
			let mut set = Self::affected_set(&[tx], MAX_QUERY_DESCENDANTS.saturating_add(1))
				.map_err(|e| match e {
					AffectedError::UnknownTx => QueryError::UnknownTx,
					AffectedError::TooMany => QueryError::TooManyDescendants,
				})?;
			set.retain(|t| *t != tx);
			Ok(set)
		}

		/// Runtime API: the current version of model `tx`.
		pub fn api_live_model(tx: u64) -> Result<LiveModel<T::AccountId>, QueryError> {
			let live = Txs::<T>::get(tx).ok_or(QueryError::UnknownTx)?;
			Ok(LiveModel {
				tx,
				owner: live.owner,
				uri: live.uri.into_inner(),
				refs: live.refs.into_inner(),
				ch: live.ch,
				rand: live.rand,
				version: live.version,
				height: live.height,
			})
		}

		/// Runtime API: every archived version of model `tx`, oldest first.
		pub fn api_lineage(tx: u64) -> Result<Vec<ArchivedVersion<T::AccountId>>, QueryError> {
			ensure!(Self::api_tx_exists(tx), QueryError::UnknownTx);
			Ok(pallet_model_archive::Pallet::<T>::lineage(tx)
				.into_iter()
				.map(|r| ArchivedVersion {
					seq: r.seq,
					hash: pallet_model_archive::RecordHashes::<T>::get(r.seq).unwrap_or_default(),
					prev_hash: r.prev_hash,
					tx: r.tx,
					version: r.version,
					uri: r.uri.into_inner(),
					content_hash: r.content_hash,
					refs: r.refs.into_inner(),
					owner: r.owner,
					ch: r.ch,
					rand: r.rand,
					reason: r.reason,
					block_number: r.block_number.saturated_into::<u64>(),
				})
				.collect())
		}

		/// Full check of the live chain and the archive: every transaction ([`Self::check_tx`]),
		/// every live block ([`Self::check_block`]) and the archive's whole hash chain, in
		/// which every record must open its `ch`. Lists at most [`MAX_REPORTED_FAILURES`]
		/// failures. Cost: linear in the number of transactions, live blocks and archive
		/// records (one CH verification each); clients that poll should use
		/// [`Self::verify_page`] or [`Self::verify_since`].
		pub fn verify_integrity() -> IntegrityReport {
			// The whole archive is walked below, so the lineage checks skip each record's
			// opening and hash link instead of checking them a second time.
			let mut check = Self::integrity_check(ArchiveScope::Walked);
			let tx_count = NextTxId::<T>::get();
			for tx in 0..tx_count {
				Self::check_tx(tx, &mut check);
			}
			let block_count = NextHeight::<T>::get();
			for height in 0..block_count {
				Self::check_block(height, &mut check);
			}
			let (records, broken) =
				pallet_model_archive::Pallet::<T>::verify_chain(MAX_REPORTED_FAILURES);
			for seq in broken {
				check.log.fail(IntegrityFailure::ArchiveLink { seq });
			}
			for (seq, record) in pallet_model_archive::Records::<T>::iter() {
				if !check.opens(&model_message(&record.uri, &record.refs), &record.rand, &record.ch) {
					check.log.fail(IntegrityFailure::ArchiveVersionCheck { seq });
				}
			}
			check.log.finish(tx_count, block_count, records, None)
		}

		/// A new check under the chain's CH public key, decoded once for all its
		/// verifications (no key, or an invalid one, fails every opening).
		fn integrity_check(archive: ArchiveScope) -> IntegrityCheck {
			let key = ChPublicKey::<T>::get()
				.and_then(|pk| blockful_chameleon::PreparedPublicKey::new(&pk).ok());
			IntegrityCheck { key, archive, log: FailureLog::default() }
		}

		/// Checks transactions `from..from + count` (at most [`MAX_VERIFY_PAGE`]) with
		/// [`Self::check_tx`] and the live blocks that hold them with
		/// [`Self::check_block`]. `next` in the report is where the next page starts. Cost:
		/// linear in `count` plus the archive records of those transactions.
		pub fn verify_page(from: u64, count: u64) -> IntegrityReport {
			let end = from.saturating_add(count.min(MAX_VERIFY_PAGE)).min(NextTxId::<T>::get());
			let mut check = Self::integrity_check(ArchiveScope::Lineages);
			let mut heights = BTreeSet::new();
			for tx in from..end {
				if let Some(height) = Self::check_tx(tx, &mut check) {
					heights.insert(height);
				}
			}
			let blocks = Self::check_blocks(&heights, &mut check);
			let records = Self::lineage_records(from..end);
			let next = (end < NextTxId::<T>::get()).then_some(end);
			check.log.finish(end.saturating_sub(from), blocks, records, next)
		}

		/// Checks what changed at or after block `since`: every transaction published or
		/// redacted since then (found from the archive records appended since, by binary
		/// search over their block numbers), the live blocks holding them, and the archive
		/// records appended since. One call covers whole blocks of changes until at least
		/// [`MAX_VERIFY_PAGE`] transactions are covered; `next` in the report is then the
		/// block to continue from (`None` when everything since `since` was covered). Cost:
		/// linear in what it covers, at most [`MAX_VERIFY_PAGE`] transactions plus one
		/// block's changes.
		pub fn verify_since(since: BlockNumberFor<T>) -> IntegrityReport {
			Self::verify_since_page(since, MAX_VERIFY_PAGE)
		}

		/// [`Self::verify_since`] with a page of `limit` transactions.
		pub(crate) fn verify_since_page(since: BlockNumberFor<T>, limit: u64) -> IntegrityReport {
			let mut check = Self::integrity_check(ArchiveScope::Lineages);
			let (changed, next) = Self::changed_since(since, limit, &mut check);
			let mut heights = BTreeSet::new();
			for tx in changed.iter() {
				if let Some(height) = Self::check_tx(*tx, &mut check) {
					heights.insert(height);
				}
			}
			let blocks = Self::check_blocks(&heights, &mut check);
			let records = Self::lineage_records(changed.iter().copied());
			let next = next.map(|block| block.saturated_into::<u64>());
			check.log.finish(changed.len() as u64, blocks, records, next)
		}

		/// The transactions that archive records appended at or after block `since` name,
		/// taking whole blocks of records until `limit` transactions are reached; and the
		/// block of the first record left out, if any. A missing record fails the check.
		fn changed_since(
			since: BlockNumberFor<T>,
			limit: u64,
			check: &mut IntegrityCheck,
		) -> (BTreeSet<u64>, Option<BlockNumberFor<T>>) {
			let mut changed = BTreeSet::new();
			let mut last_block = None;
			for seq in Self::first_record_since(since)..pallet_model_archive::NextSeq::<T>::get() {
				let Some(record) = pallet_model_archive::Records::<T>::get(seq) else {
					check.log.fail(IntegrityFailure::ArchiveLink { seq });
					continue
				};
				let new_block = last_block.is_some_and(|b| b != record.block_number);
				if new_block && changed.len() as u64 >= limit {
					return (changed, Some(record.block_number))
				}
				last_block = Some(record.block_number);
				changed.insert(record.tx);
			}
			(changed, None)
		}

		/// The first archive sequence number appended at or after block `since`.
		fn first_record_since(since: BlockNumberFor<T>) -> u64 {
			let (mut lo, mut hi) = (0u64, pallet_model_archive::NextSeq::<T>::get());
			while lo < hi {
				let mid = lo.saturating_add(hi.saturating_sub(lo) / 2);
				let before = pallet_model_archive::Records::<T>::get(mid)
					.is_some_and(|r| r.block_number < since);
				if before {
					lo = mid.saturating_add(1);
				} else {
					hi = mid;
				}
			}
			lo
		}

		/// Checks the given live blocks; returns how many.
		fn check_blocks(heights: &BTreeSet<u64>, check: &mut IntegrityCheck) -> u64 {
			for height in heights.iter() {
				Self::check_block(*height, check);
			}
			heights.len() as u64
		}

		/// Number of archive records of the given transactions.
		fn lineage_records(txs: impl Iterator<Item = u64>) -> u64 {
			txs.map(|tx| u64::from(pallet_model_archive::LineageLen::<T>::get(tx)))
				.fold(0u64, |a, b| a.saturating_add(b))
		}

		/// Checks one transaction: it exists, its CH opens to its payload, its live block
		/// (or the pending list) lists it, and its archive lineage is versions `0..=version`
		/// once each, every record opening `ch`, linked to its predecessor and agreeing with
		/// the live transaction (tx, owner, ch, refs; the newest holds the live uri and
		/// rand). Returns the live block height of a sealed transaction.
		pub fn check_tx(tx: u64, check: &mut IntegrityCheck) -> Option<u64> {
			let Some(live) = Txs::<T>::get(tx) else {
				check.log.fail(IntegrityFailure::TxMissing { tx });
				return None
			};
			if !check.opens(&model_message(&live.uri, &live.refs), &live.rand, &live.ch) {
				check.log.fail(IntegrityFailure::TxCheck { tx });
			}
			let sealed = live.height < NextHeight::<T>::get();
			let listed = if sealed {
				BlockTxs::<T>::get(live.height).contains(&tx)
			} else {
				PendingTxs::<T>::get().contains(&tx)
			};
			if !listed {
				check.log.fail(IntegrityFailure::TxNotInBlock { tx });
			}
			Self::check_lineage(tx, &live, check);
			sealed.then_some(live.height)
		}

		/// The lineage part of [`Self::check_tx`]. A record's opening and hash link are
		/// checked here unless the whole archive is walked ([`ArchiveScope::Walked`]).
		fn check_lineage(tx: u64, live: &LiveTxOf<T>, check: &mut IntegrityCheck) {
			let len = pallet_model_archive::LineageLen::<T>::get(tx);
			if u64::from(len) != u64::from(live.version).saturating_add(1) {
				check.log.fail(IntegrityFailure::LineageLength { tx });
			}
			for n in 0..len {
				let Some(seq) = pallet_model_archive::Lineage::<T>::get(tx, n) else {
					check.log.fail(IntegrityFailure::LineageLength { tx });
					continue
				};
				let Some(record) = pallet_model_archive::Records::<T>::get(seq) else {
					check.log.fail(IntegrityFailure::ArchiveLink { seq });
					continue
				};
				let newest = n.saturating_add(1) == len;
				let agrees = record.tx == tx &&
					record.version == n &&
					record.owner == live.owner &&
					record.ch == live.ch &&
					record.refs == live.refs &&
					(!newest || (record.uri == live.uri && record.rand == live.rand));
				if !agrees {
					check.log.fail(IntegrityFailure::LineageMismatch { tx, seq });
				}
				if check.archive == ArchiveScope::Walked {
					continue
				}
				if !check.opens(&model_message(&record.uri, &record.refs), &record.rand, &record.ch)
				{
					check.log.fail(IntegrityFailure::ArchiveVersionCheck { seq });
				}
				let prev = match seq.checked_sub(1) {
					Some(p) => pallet_model_archive::RecordHashes::<T>::get(p),
					None => Some(H256::zero()),
				};
				let linked = prev == Some(record.prev_hash) &&
					pallet_model_archive::RecordHashes::<T>::get(seq) ==
						Some(pallet_model_archive::record_hash(&record.prev_hash, &record));
				if !linked {
					check.log.fail(IntegrityFailure::ArchiveLink { seq });
				}
			}
		}

		/// Checks one live block: it exists, its `parent` is the hash of the previous
		/// header, its CH opens to SCALE `(height, version)`, and its Merkle root is the
		/// root over its transactions' `ch`.
		pub fn check_block(height: u64, check: &mut IntegrityCheck) {
			let Some(header) = Blocks::<T>::get(height) else {
				check.log.fail(IntegrityFailure::BlockMissing { height });
				return
			};
			let parent = match height.checked_sub(1) {
				Some(previous) => Blocks::<T>::get(previous).map(|h| header_hash(&h)),
				None => Some(H256::zero()),
			};
			if parent != Some(header.parent) {
				check.log.fail(IntegrityFailure::ParentLink { height });
			}
			if !check.opens(&header_message(height, header.version), &header.r_curr, &header.ch_curr)
			{
				check.log.fail(IntegrityFailure::HeaderCheck { height });
			}
			let leaves: Vec<ChCheck> = BlockTxs::<T>::get(height)
				.iter()
				.filter_map(|tx| Txs::<T>::get(tx).map(|t| t.ch))
				.collect();
			if leaves.is_empty() || merkle_root(&leaves) != header.merkle_root {
				check.log.fail(IntegrityFailure::MerkleRoot { height });
			}
		}

		/// Checks the live chain's invariants.
		///
		/// ## Expectations
		///
		/// - [`Pallet::verify_integrity`] finds nothing: every transaction's and header's CH
		///   verifies, Merkle roots and parent links match, the archive chain is intact and
		///   holds `version + 1` records per model;
		/// - no transaction exists at or beyond `NextTxId`, no header at or beyond
		///   `NextHeight`;
		/// - every reference of a transaction is a smaller id with a matching `Children`
		///   edge, and the number of edges equals the number of references.
		#[cfg(any(feature = "try-runtime", feature = "std"))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			pallet_model_archive::Pallet::<T>::do_try_state()?;
			let report = Self::verify_integrity();
			if !report.ok {
				log::error!(target: "runtime::live-chain", "integrity: {:?}", report.failures);
				return Err("live chain integrity check failed".into())
			}
			let next_tx = NextTxId::<T>::get();
			let mut refs_total: u64 = 0;
			for (tx, live) in Txs::<T>::iter() {
				ensure!(tx < next_tx, "transaction beyond NextTxId");
				for parent in live.refs.iter() {
					ensure!(*parent < tx, "reference to a later transaction");
					ensure!(Children::<T>::contains_key(parent, tx), "missing DAG edge");
				}
				refs_total = refs_total.saturating_add(live.refs.len() as u64);
			}
			ensure!(
				Children::<T>::iter_keys().count() as u64 == refs_total,
				"DAG edges do not match references"
			);
			let next_height = NextHeight::<T>::get();
			ensure!(Blocks::<T>::iter_keys().all(|h| h < next_height), "header beyond NextHeight");
			Ok(())
		}
	}

	/// Why [`Pallet::affected_set`] failed.
	#[derive(Clone, Copy, PartialEq, Eq, Debug)]
	pub enum AffectedError {
		/// A start names no transaction.
		UnknownTx,
		/// The set is larger than the cap.
		TooMany,
	}
}
