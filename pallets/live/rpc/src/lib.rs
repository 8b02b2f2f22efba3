//! # BlockFUL live-chain RPC
//!
//! JSON-RPC methods over the [`LiveChainApi`] runtime API, each taking an optional block
//! hash `at` (default: the best block):
//!
//! | method | returns |
//! |---|---|
//! | `blockful_verifyLiveChain(at?)` | [`IntegrityReportJson`]: `ok`, counts, failures (full walk: linear in the chain) |
//! | `blockful_verifyLiveChainPage(from, count, at?)` | the same for txs `from..from+count` (≤ 1,000), `next` for the next page |
//! | `blockful_verifyLiveChainSince(block, at?)` | the same for what changed at or after `block`, whole blocks up to about 1,000 txs a page, `next` the block the next page starts at |
//! | `blockful_descendants(tx, at?)` | descendant tx ids, topological order |
//! | `blockful_lineage(tx, at?)` | [`ArchivedVersionJson`] list, oldest first |
//! | `blockful_liveModel(tx, at?)` | [`LiveModelJson`] |
//!
//! Errors carry the codes of [`Error`]. Byte strings are `0x`-prefixed hex; URIs are also
//! given as UTF-8 text (`uriText`) when they decode.

use std::{marker::PhantomData, sync::Arc};

use codec::Codec;
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::ErrorObjectOwned,
};
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

pub use blockful_live_runtime_api::LiveChainApi;
use blockful_live_runtime_api::{
	ArchivedVersion, IntegrityFailure, IntegrityReport, LiveModel, QueryError,
};
use pallet_model_archive::ArchiveReason;

/// Errors of the `blockful_*` methods, with their JSON-RPC codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Error {
	/// The runtime API call failed (e.g. unknown block hash, missing API). Code 1.
	RuntimeError,
	/// No model with this transaction id. Code 2.
	UnknownTx,
	/// The descendant set is too large to return. Code 3.
	TooManyDescendants,
}

impl Error {
	/// The JSON-RPC error code.
	pub fn code(self) -> i32 {
		match self {
			Error::RuntimeError => 1,
			Error::UnknownTx => 2,
			Error::TooManyDescendants => 3,
		}
	}

	fn object(self, message: impl Into<String>, data: Option<String>) -> ErrorObjectOwned {
		ErrorObjectOwned::owned(self.code(), message.into(), data)
	}
}

impl From<Error> for i32 {
	fn from(e: Error) -> i32 {
		e.code()
	}
}

fn query_error(e: QueryError, tx: u64) -> ErrorObjectOwned {
	match e {
		QueryError::UnknownTx => Error::UnknownTx.object(format!("unknown transaction {tx}"), None),
		QueryError::TooManyDescendants =>
			Error::TooManyDescendants.object(format!("too many descendants of {tx}"), None),
	}
}

fn runtime_error(e: impl std::fmt::Debug) -> ErrorObjectOwned {
	Error::RuntimeError.object("runtime API call failed", Some(format!("{e:?}")))
}

fn hex0x(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

/// JSON form of one integrity failure: `{ "kind": "txCheck", "tx": 3 }`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum IntegrityFailureJson {
	/// See [`IntegrityFailure::TxMissing`].
	TxMissing { tx: u64 },
	/// See [`IntegrityFailure::TxCheck`].
	TxCheck { tx: u64 },
	/// See [`IntegrityFailure::TxNotInBlock`].
	TxNotInBlock { tx: u64 },
	/// See [`IntegrityFailure::BlockMissing`].
	BlockMissing { height: u64 },
	/// See [`IntegrityFailure::HeaderCheck`].
	HeaderCheck { height: u64 },
	/// See [`IntegrityFailure::MerkleRoot`].
	MerkleRoot { height: u64 },
	/// See [`IntegrityFailure::ParentLink`].
	ParentLink { height: u64 },
	/// See [`IntegrityFailure::ArchiveLink`].
	ArchiveLink { seq: u64 },
	/// See [`IntegrityFailure::ArchiveVersionCheck`].
	ArchiveVersionCheck { seq: u64 },
	/// See [`IntegrityFailure::LineageLength`].
	LineageLength { tx: u64 },
	/// See [`IntegrityFailure::LineageMismatch`].
	LineageMismatch { tx: u64, seq: u64 },
}

impl From<IntegrityFailure> for IntegrityFailureJson {
	fn from(f: IntegrityFailure) -> Self {
		match f {
			IntegrityFailure::TxMissing { tx } => Self::TxMissing { tx },
			IntegrityFailure::TxCheck { tx } => Self::TxCheck { tx },
			IntegrityFailure::TxNotInBlock { tx } => Self::TxNotInBlock { tx },
			IntegrityFailure::BlockMissing { height } => Self::BlockMissing { height },
			IntegrityFailure::HeaderCheck { height } => Self::HeaderCheck { height },
			IntegrityFailure::MerkleRoot { height } => Self::MerkleRoot { height },
			IntegrityFailure::ParentLink { height } => Self::ParentLink { height },
			IntegrityFailure::ArchiveLink { seq } => Self::ArchiveLink { seq },
			IntegrityFailure::ArchiveVersionCheck { seq } => Self::ArchiveVersionCheck { seq },
			IntegrityFailure::LineageLength { tx } => Self::LineageLength { tx },
			IntegrityFailure::LineageMismatch { tx, seq } => Self::LineageMismatch { tx, seq },
		}
	}
}

/// JSON form of the integrity report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IntegrityReportJson {
	/// True iff nothing failed.
	pub ok: bool,
	/// Transactions checked.
	pub txs_checked: u64,
	/// Live blocks checked.
	pub blocks_checked: u64,
	/// Archive records checked.
	pub archive_records_checked: u64,
	/// Paged checks: where the next page starts (`null` at the end) — a transaction id for
	/// `verifyLiveChainPage`, a block number for `verifyLiveChainSince`.
	pub next: Option<u64>,
	/// Failures found.
	pub failures: Vec<IntegrityFailureJson>,
	/// More failures exist than listed.
	pub truncated: bool,
}

impl From<IntegrityReport> for IntegrityReportJson {
	fn from(r: IntegrityReport) -> Self {
		Self {
			ok: r.ok,
			txs_checked: r.txs_checked,
			blocks_checked: r.blocks_checked,
			archive_records_checked: r.archive_records_checked,
			next: r.next,
			failures: r.failures.into_iter().map(Into::into).collect(),
			truncated: r.truncated,
		}
	}
}

/// JSON form of a live model.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LiveModelJson<AccountId> {
	/// Transaction id.
	pub tx: u64,
	/// Publisher.
	pub owner: AccountId,
	/// URI bytes, hex.
	pub uri: String,
	/// URI as UTF-8, if it is.
	pub uri_text: Option<String>,
	/// Referenced ids.
	pub refs: Vec<u64>,
	/// Check value, hex.
	pub ch: String,
	/// Randomness `R ‖ s`, hex.
	pub rand: String,
	/// Current version.
	pub version: u32,
	/// Live block height.
	pub height: u64,
}

impl<AccountId> From<LiveModel<AccountId>> for LiveModelJson<AccountId> {
	fn from(m: LiveModel<AccountId>) -> Self {
		Self {
			tx: m.tx,
			owner: m.owner,
			uri: hex0x(&m.uri),
			uri_text: String::from_utf8(m.uri).ok(),
			refs: m.refs,
			ch: hex0x(&m.ch.0),
			rand: hex0x(&m.rand.0),
			version: m.version,
			height: m.height,
		}
	}
}

/// JSON form of an archived version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArchivedVersionJson<AccountId> {
	/// Archive sequence number.
	pub seq: u64,
	/// Record hash, hex.
	pub hash: String,
	/// Previous record hash, hex.
	pub prev_hash: String,
	/// Transaction id.
	pub tx: u64,
	/// Archived version.
	pub version: u32,
	/// URI bytes, hex.
	pub uri: String,
	/// URI as UTF-8, if it is.
	pub uri_text: Option<String>,
	/// blake2-256 of SCALE `(uri, refs)`, hex.
	pub content_hash: String,
	/// Referenced ids.
	pub refs: Vec<u64>,
	/// Publisher.
	pub owner: AccountId,
	/// Check value, hex.
	pub ch: String,
	/// Randomness of that version, hex.
	pub rand: String,
	/// `published` (version 0) or `redacted` (a version a redaction made live).
	pub reason: String,
	/// The unlearning request of a redacted version.
	pub request: Option<u64>,
	/// Block number of the append.
	pub block_number: u64,
}

impl<AccountId> From<ArchivedVersion<AccountId>> for ArchivedVersionJson<AccountId> {
	fn from(v: ArchivedVersion<AccountId>) -> Self {
		let (reason, request) = match v.reason {
			ArchiveReason::Published => ("published".to_string(), None),
			ArchiveReason::Redacted { request } => ("redacted".to_string(), Some(request)),
		};
		Self {
			seq: v.seq,
			hash: hex0x(v.hash.as_bytes()),
			prev_hash: hex0x(v.prev_hash.as_bytes()),
			tx: v.tx,
			version: v.version,
			uri: hex0x(&v.uri),
			uri_text: String::from_utf8(v.uri).ok(),
			content_hash: hex0x(v.content_hash.as_bytes()),
			refs: v.refs,
			owner: v.owner,
			ch: hex0x(&v.ch.0),
			rand: hex0x(&v.rand.0),
			reason,
			request,
			block_number: v.block_number,
		}
	}
}

/// The `blockful_*` JSON-RPC methods.
#[rpc(client, server)]
pub trait BlockfulApi<BlockHash, AccountId> {
	/// Checks every transaction CH, header CH, Merkle root, parent link and the archive.
	/// Linear in the size of the chain; poll with the page or since variants instead.
	#[method(name = "blockful_verifyLiveChain")]
	fn verify_live_chain(&self, at: Option<BlockHash>) -> RpcResult<IntegrityReportJson>;

	/// The same checks for transactions `from..from + count` (at most 1,000), their live
	/// blocks and archive lineages; `next` in the report starts the next page.
	#[method(name = "blockful_verifyLiveChainPage")]
	fn verify_live_chain_page(
		&self,
		from: u64,
		count: u64,
		at: Option<BlockHash>,
	) -> RpcResult<IntegrityReportJson>;

	/// The same checks for what changed at or after block `since`, in pages of whole
	/// blocks (about 1,000 transactions); `next` in the report is the block the next page
	/// starts at.
	#[method(name = "blockful_verifyLiveChainSince")]
	fn verify_live_chain_since(
		&self,
		since: u64,
		at: Option<BlockHash>,
	) -> RpcResult<IntegrityReportJson>;

	/// Descendants of `tx` (without `tx`), topological order.
	#[method(name = "blockful_descendants")]
	fn descendants(&self, tx: u64, at: Option<BlockHash>) -> RpcResult<Vec<u64>>;

	/// Every archived version of `tx`, oldest first.
	#[method(name = "blockful_lineage")]
	fn lineage(&self, tx: u64, at: Option<BlockHash>)
		-> RpcResult<Vec<ArchivedVersionJson<AccountId>>>;

	/// The current version of `tx`.
	#[method(name = "blockful_liveModel")]
	fn live_model(&self, tx: u64, at: Option<BlockHash>) -> RpcResult<LiveModelJson<AccountId>>;
}

/// Implementation of [`BlockfulApiServer`] over a client.
pub struct LiveChain<C, Block, AccountId> {
	client: Arc<C>,
	_marker: PhantomData<(Block, AccountId)>,
}

impl<C, Block, AccountId> LiveChain<C, Block, AccountId> {
	/// Serves the methods from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: PhantomData }
	}
}

impl<C, Block, AccountId> LiveChain<C, Block, AccountId>
where
	Block: BlockT,
	C: HeaderBackend<Block>,
{
	/// The block a query runs at: `at`, or the best block.
	fn at_or_best(&self, at: Option<Block::Hash>) -> Block::Hash {
		at.unwrap_or_else(|| self.client.info().best_hash)
	}
}

impl<C, Block, AccountId> BlockfulApiServer<<Block as BlockT>::Hash, AccountId>
	for LiveChain<C, Block, AccountId>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: LiveChainApi<Block, AccountId>,
	AccountId: Codec + Serialize + Clone + Send + Sync + 'static,
{
	fn verify_live_chain(&self, at: Option<Block::Hash>) -> RpcResult<IntegrityReportJson> {
		let at = self.at_or_best(at);
		let report = self.client.runtime_api().verify_live_chain(at).map_err(runtime_error)?;
		Ok(report.into())
	}

	fn verify_live_chain_page(
		&self,
		from: u64,
		count: u64,
		at: Option<Block::Hash>,
	) -> RpcResult<IntegrityReportJson> {
		let at = self.at_or_best(at);
		let report = self
			.client
			.runtime_api()
			.verify_live_chain_page(at, from, count)
			.map_err(runtime_error)?;
		Ok(report.into())
	}

	fn verify_live_chain_since(
		&self,
		since: u64,
		at: Option<Block::Hash>,
	) -> RpcResult<IntegrityReportJson> {
		let at = self.at_or_best(at);
		let report = self
			.client
			.runtime_api()
			.verify_live_chain_since(at, since)
			.map_err(runtime_error)?;
		Ok(report.into())
	}

	fn descendants(&self, tx: u64, at: Option<Block::Hash>) -> RpcResult<Vec<u64>> {
		let at = self.at_or_best(at);
		self.client
			.runtime_api()
			.descendants(at, tx)
			.map_err(runtime_error)?
			.map_err(|e| query_error(e, tx))
	}

	fn lineage(
		&self,
		tx: u64,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<ArchivedVersionJson<AccountId>>> {
		let at = self.at_or_best(at);
		let versions = self
			.client
			.runtime_api()
			.lineage(at, tx)
			.map_err(runtime_error)?
			.map_err(|e| query_error(e, tx))?;
		Ok(versions.into_iter().map(Into::into).collect())
	}

	fn live_model(&self, tx: u64, at: Option<Block::Hash>) -> RpcResult<LiveModelJson<AccountId>> {
		let at = self.at_or_best(at);
		let model = self
			.client
			.runtime_api()
			.live_model(at, tx)
			.map_err(runtime_error)?
			.map_err(|e| query_error(e, tx))?;
		Ok(model.into())
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn error_codes_are_distinct_works() {
		let codes = [Error::RuntimeError, Error::UnknownTx, Error::TooManyDescendants].map(i32::from);
		assert_eq!(codes, [1, 2, 3]);
	}

	#[test]
	fn report_serializes_with_ok_field_works() {
		let report = IntegrityReport {
			ok: false,
			txs_checked: 3,
			blocks_checked: 2,
			archive_records_checked: 4,
			next: Some(7),
			failures: vec![IntegrityFailure::TxCheck { tx: 1 }],
			truncated: false,
		};
		let json = serde_json::to_value(IntegrityReportJson::from(report)).unwrap();
		assert_eq!(json["ok"], false);
		assert_eq!(json["txsChecked"], 3);
		assert_eq!(json["failures"][0]["kind"], "txCheck");
		assert_eq!(json["failures"][0]["tx"], 1);
		assert_eq!(json["next"], 7);
	}

	#[test]
	fn query_errors_map_to_codes_works() {
		assert_eq!(query_error(QueryError::UnknownTx, 5).code(), 2);
		assert_eq!(query_error(QueryError::TooManyDescendants, 5).code(), 3);
	}
}
