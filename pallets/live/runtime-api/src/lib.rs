//! # BlockFUL live-chain runtime API
//!
//! The runtime side of the `blockful_*` RPC methods (crate `blockful-live-rpc`). The
//! runtime implements [`LiveChainApi`] by delegating to `pallet-live-chain`:
//!
//! - [`LiveChainApi::verify_live_chain`]: every transaction CH, header CH, Merkle root,
//!   parent link and the archive's hash chain, as an [`IntegrityReport`];
//!   [`LiveChainApi::verify_live_chain_page`] and [`LiveChainApi::verify_live_chain_since`]:
//!   the same checks on one page of transactions or on what changed since a block;
//! - [`LiveChainApi::descendants`]: all models that inherit from a model;
//! - [`LiveChainApi::lineage`]: every archived version of a model;
//! - [`LiveChainApi::live_model`]: the current version of a model.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;

pub use pallet_live_chain::{
	ArchivedVersion, IntegrityFailure, IntegrityReport, LiveModel, QueryError,
};

sp_api::decl_runtime_apis! {
	/// Read access to the live chain and the archive for clients and auditors.
	pub trait LiveChainApi<AccountId> where AccountId: Codec {
		/// Full integrity check of the live chain and the archive (linear in their size).
		fn verify_live_chain() -> IntegrityReport;
		/// Integrity check of transactions `from..from + count` (at most 1,000), their live
		/// blocks and archive lineages; `next` says where the next page starts.
		fn verify_live_chain_page(from: u64, count: u64) -> IntegrityReport;
		/// Integrity check of what changed at or after block `since`: the transactions
		/// published or redacted since, their live blocks and archive lineages, in pages of
		/// whole blocks (about 1,000 transactions); `next` is the block the next page starts at.
		fn verify_live_chain_since(since: u64) -> IntegrityReport;
		/// Descendants of `tx` (without `tx`) in topological order.
		fn descendants(tx: u64) -> Result<Vec<u64>, QueryError>;
		/// Every archived version of `tx`, oldest first.
		fn lineage(tx: u64) -> Result<Vec<ArchivedVersion<AccountId>>, QueryError>;
		/// The current version of `tx`.
		fn live_model(tx: u64) -> Result<LiveModel<AccountId>, QueryError>;
	}
}
