//! Step 3: **the owners' updates**. Every affected model's new version is submitted by its
//! owner (`Unlearning.submit_update`): the requester its start models, every other owner
//! its inherited models. The committee later applies exactly these URIs; nobody else can
//! choose them (in the parallel paradigm, after the owners' window, anyone may submit the
//! public-data update of an owner who did not answer: [`Chain::submit_update`] with a
//! signer who is not the owner).

use std::collections::BTreeMap;

use subxt_signer::sr25519::Keypair;

use crate::api;
use crate::api::runtime_types::bounded_collections::bounded_vec::BoundedVec;
use crate::api::runtime_types::pallet_unlearning::types::ModelUpdate;
use crate::client::Chain;
use crate::error::{failed, ChainError, ChainResult};
use crate::types::ProposedUpdate;

/// An owner's update of one model, to be signed by `owner`.
pub struct OwnerUpdate<'a> {
	/// The model's owner (or, for a fallback, whoever submits it).
	pub owner: &'a Keypair,
	/// The model and its new URI; `None` submits `Unchanged` (parallel, inherited models).
	pub tx: u64,
	/// New URI (CID), or `None` for unchanged.
	pub uri: Option<Vec<u8>>,
}

impl Chain {
	/// `Unlearning.submit_update(request, tx, Replace(uri) | Unchanged)` signed by `owner`;
	/// returns whether it was submitted as a fallback (the signer is not the owner) and the
	/// number of the block that included it.
	pub async fn submit_update(
		&self,
		owner: &Keypair,
		request: u64,
		tx: u64,
		uri: Option<Vec<u8>>,
	) -> ChainResult<(bool, u64)> {
		let update = match uri {
			Some(uri) => ModelUpdate::Replace(BoundedVec(uri)),
			None => ModelUpdate::Unchanged,
		};
		let call = api::transactions().unlearning().submit_update(request, tx, update);
		let what = format!("submitting the update of model {tx} for request {request}");
		let (events, block) = self.submit(&what, &call, owner, false).await?;
		let submitted = events
			.find_first::<api::unlearning::events::UpdateSubmitted>()
			.transpose()
			.map_err(failed(&what))?
			.ok_or_else(|| ChainError::Invalid(format!("{what}: no UpdateSubmitted event")))?;
		Ok((submitted.fallback, self.header_number(Some(block)).await?))
	}

	/// Submits many owners' updates: each owner's in turn (one nonce after the other),
	/// different owners at the same time. Returns the highest including block number.
	pub async fn submit_updates(&self, request: u64, updates: Vec<OwnerUpdate<'_>>) -> ChainResult<u64> {
		let mut by_owner: BTreeMap<[u8; 32], Vec<OwnerUpdate<'_>>> = BTreeMap::new();
		for u in updates {
			by_owner.entry(u.owner.public_key().0).or_default().push(u);
		}
		let runs = by_owner.into_values().map(|own| async move {
			let mut last = 0;
			for u in own {
				last = last.max(self.submit_update(u.owner, request, u.tx, u.uri).await?.1);
			}
			ChainResult::Ok(last)
		});
		let blocks = futures::future::try_join_all(runs).await?;
		Ok(blocks.into_iter().max().unwrap_or_default())
	}

	/// The updates submitted so far for `request`, as `(tx, uri)` (`None` = unchanged),
	/// read at the best block.
	pub async fn submitted_updates(&self, request: u64) -> ChainResult<Vec<(u64, Option<Vec<u8>>)>> {
		let what = format!("reading the submitted updates of request {request}");
		let at = self.at_best().await?;
		let mut out = Vec::new();
		let mut entries = at
			.storage()
			.iter(api::storage().unlearning().updates(), (request,))
			.await
			.map_err(failed(&what))?;
		while let Some(entry) = entries.next().await {
			let entry = entry.map_err(failed(&what))?;
			let key = entry.key_bytes();
			// Twox64Concat(request) ++ Twox64Concat(tx): the tx is the last 8 bytes.
			let tx = key
				.get(key.len().saturating_sub(8)..)
				.and_then(|b| <[u8; 8]>::try_from(b).ok())
				.map(u64::from_le_bytes)
				.ok_or_else(|| ChainError::Invalid(format!("{what}: short storage key")))?;
			let uri = match entry.value().decode().map_err(failed(&what))?.update {
				ModelUpdate::Replace(BoundedVec(uri)) => Some(uri),
				ModelUpdate::Unchanged => None,
			};
			out.push((tx, uri));
		}
		out.sort_by_key(|(tx, _)| *tx);
		Ok(out)
	}
}

impl ProposedUpdate {
	/// This update, signed by `owner`.
	pub fn by<'a>(&self, owner: &'a Keypair) -> OwnerUpdate<'a> {
		OwnerUpdate { owner, tx: self.tx, uri: Some(self.uri.clone()) }
	}
}
