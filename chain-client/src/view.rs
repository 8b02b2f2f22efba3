//! A read-only view of the chain at one **finalized** block: what a participant acts on,
//! so that nothing it does rests on a block that a re-org could take back.

use subxt::utils::AccountId32;

use crate::api;
use crate::api::runtime_types::bounded_collections::bounded_vec::BoundedVec;
use crate::api::runtime_types::pallet_unlearning::types::{ModelUpdate, Paradigm as ApiParadigm, RequestStatus};
use crate::client::{read_at, AtBlock, Chain};
use crate::error::{failed, ChainResult};
use crate::types::{LiveTx, Paradigm};

/// An unlearning request as a participant needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestView {
	/// Request id.
	pub id: u64,
	/// Who filed it.
	pub requester: AccountId32,
	/// Start models (ascending).
	pub start: Vec<u64>,
	/// Forgotten classes.
	pub classes: Vec<u8>,
	/// Parallel or sequential.
	pub paradigm: Paradigm,
	/// Affected models, ascending (topological).
	pub affected: Vec<u64>,
	/// Models already updated for it.
	pub done: Vec<u64>,
	/// `Pending`, `InProgress`, `Completed`, `Cancelled`, `Expired`, `Waiting` or
	/// `Computing`.
	pub status: String,
	/// Parallel: first block at which anyone may submit a silent owner's public-data update.
	pub fallback_from: Option<u64>,
}

impl RequestView {
	/// Owners may submit and redactions may advance it.
	pub fn is_active(&self) -> bool {
		matches!(self.status.as_str(), "Pending" | "InProgress")
	}
}

/// The chain at one finalized block.
pub struct Finalized {
	at: AtBlock,
	/// Its number.
	pub number: u64,
}

impl Chain {
	/// A view at the last finalized block.
	pub async fn finalized(&self) -> ChainResult<Finalized> {
		let at = self.api.at_current_block().await.map_err(failed("reading the finalized block"))?;
		let number = at.block_number();
		Ok(Finalized { at, number })
	}
}

impl Finalized {
	/// The nonce of `who` at this block (`System.Account`): below the pool-aware
	/// [`Chain::next_nonce`] while some of its transactions are not final yet.
	pub async fn account_nonce(&self, who: &AccountId32) -> ChainResult<u64> {
		let what = format!("reading System.Account({who})");
		let info = read_at(&self.at, api::storage().system().account(), (who.clone(),), &what).await?;
		Ok(info.map_or(0, |i| u64::from(i.nonce)))
	}

	/// `LiveChain.NextTxId`.
	pub async fn next_tx_id(&self) -> ChainResult<u64> {
		Ok(read_at(&self.at, api::storage().live_chain().next_tx_id(), (), "reading LiveChain.NextTxId").await?.unwrap_or(0))
	}

	/// `LiveChain.Txs(id)`.
	pub async fn tx(&self, id: u64) -> ChainResult<Option<LiveTx>> {
		let what = format!("reading LiveChain.Txs({id})");
		Ok(read_at(&self.at, api::storage().live_chain().txs(), (id,), &what).await?.map(LiveTx::from))
	}

	/// `Unlearning.NextRequestId`.
	pub async fn next_request_id(&self) -> ChainResult<u64> {
		Ok(read_at(&self.at, api::storage().unlearning().next_request_id(), (), "reading Unlearning.NextRequestId")
			.await?
			.unwrap_or(0))
	}

	/// `Unlearning.Requests(id)`.
	pub async fn request(&self, id: u64) -> ChainResult<Option<RequestView>> {
		let what = format!("reading Unlearning.Requests({id})");
		let Some(r) = read_at(&self.at, api::storage().unlearning().requests(), (id,), &what).await? else {
			return Ok(None);
		};
		let status = match r.status {
			RequestStatus::Pending => "Pending",
			RequestStatus::InProgress => "InProgress",
			RequestStatus::Completed => "Completed",
			RequestStatus::Cancelled => "Cancelled",
			RequestStatus::Expired => "Expired",
			RequestStatus::Waiting => "Waiting",
			RequestStatus::Computing => "Computing",
		};
		Ok(Some(RequestView {
			id,
			requester: r.requester,
			start: r.start.0,
			classes: r.classes.0,
			paradigm: match r.paradigm {
				ApiParadigm::Parallel => Paradigm::Parallel,
				ApiParadigm::Sequential => Paradigm::Sequential,
			},
			affected: r.affected.0,
			done: r.done.0,
			status: status.into(),
			fallback_from: r.fallback_from.map(u64::from),
		}))
	}

	/// `Unlearning.Updates(request, tx)`: the submitted update (`Some(None)` = unchanged)
	/// and whether it was a fallback.
	pub async fn update(&self, request: u64, tx: u64) -> ChainResult<Option<(Option<Vec<u8>>, bool)>> {
		let what = format!("reading Unlearning.Updates({request}, {tx})");
		Ok(read_at(&self.at, api::storage().unlearning().updates(), (request, tx), &what).await?.map(|u| {
			let uri = match u.update {
				ModelUpdate::Replace(BoundedVec(uri)) => Some(uri),
				ModelUpdate::Unchanged => None,
			};
			(uri, u.fallback)
		}))
	}

	/// The models of `request` held by queued redaction proposals (`Threshold.Queue`).
	pub async fn queued_for(&self, request: u64) -> ChainResult<Vec<u64>> {
		let queue = read_at(&self.at, api::storage().threshold().queue(), (), "reading Threshold.Queue").await?.unwrap_or_default();
		let mut txs = Vec::new();
		for id in queue {
			let what = format!("reading Threshold.Proposals({id})");
			if let Some(p) = read_at(&self.at, api::storage().threshold().proposals(), (id,), &what).await? {
				if p.request == request {
					txs.extend(p.updates.iter().map(|(tx, _)| *tx));
				}
			}
		}
		Ok(txs)
	}
}
