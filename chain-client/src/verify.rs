//! The last step: **verify** the live chain (`blockful_verifyLiveChain`: every check value
//! opens, every header links) and the **archive lineage** of every updated model
//! (`blockful_lineage`: the original and each later version, the newest being live).

use subxt::rpcs::client::{rpc_params, RpcParams};

use crate::client::Chain;
use crate::error::{failed, ChainError, ChainResult};

impl Chain {
	async fn call_rpc(&self, method: &str, params: RpcParams) -> ChainResult<serde_json::Value> {
		self.rpc.request(method, params).await.map_err(failed(method))
	}

	/// `blockful_verifyLiveChainSince(block)`: the integrity report of one page of what
	/// changed at or after `block` (with boolean `ok`; `next` the block the next page starts
	/// at, `null` at the end).
	pub async fn verify_live_chain_since(&self, block: u64) -> ChainResult<serde_json::Value> {
		self.call_rpc("blockful_verifyLiveChainSince", rpc_params![block]).await
	}

	/// Every page of what changed at or after `block` ([`Chain::verify_live_chain_since`]
	/// from each report's `next`), merged into one report with the number of `pages`.
	pub async fn verify_live_chain_since_all(&self, block: u64) -> ChainResult<serde_json::Value> {
		let mut merged = PagedReport::default();
		let mut since = block;
		loop {
			let page = self.verify_live_chain_since(since).await?;
			match merged.add(&page)? {
				Some(next) if next > since => since = next,
				Some(next) => {
					return Err(ChainError::Invalid(format!(
						"blockful_verifyLiveChainSince({since}) returned next = {next}, not a later block"
					)))
				},
				None => return Ok(merged.into_json()),
			}
		}
	}

	/// `blockful_verifyLiveChain`: the integrity report (with boolean `ok`).
	pub async fn verify_live_chain(&self) -> ChainResult<serde_json::Value> {
		self.call_rpc("blockful_verifyLiveChain", rpc_params![]).await
	}

	/// Whether `blockful_verifyLiveChain` reports the live chain intact.
	pub async fn live_chain_intact(&self) -> ChainResult<bool> {
		let report = self.verify_live_chain().await?;
		Ok(report.get("ok").and_then(|v| v.as_bool()).unwrap_or(false))
	}

	/// `blockful_lineage(tx)`: every archived version of a model.
	pub async fn lineage(&self, tx: u64) -> ChainResult<serde_json::Value> {
		self.call_rpc("blockful_lineage", rpc_params![tx]).await
	}

	/// The URIs of every archived version of `tx`, oldest first.
	pub async fn lineage_uris(&self, tx: u64) -> ChainResult<Vec<String>> {
		let lineage = self.lineage(tx).await?;
		let records = lineage
			.as_array()
			.ok_or_else(|| ChainError::Invalid(format!("blockful_lineage({tx}) is not a list: {lineage}")))?;
		Ok(records
			.iter()
			.filter_map(|r| r.get("uriText").and_then(|u| u.as_str()).map(str::to_string))
			.collect())
	}

	/// Whether `tx`'s lineage holds `original` first and every later version once, the
	/// newest being the live one, which differs from the original (`false` for a model
	/// never redacted).
	pub async fn lineage_holds(&self, tx: u64, original: &str) -> ChainResult<bool> {
		let live = self.tx(tx).await?.ok_or_else(|| ChainError::Invalid(format!("tx {tx} is not on chain")))?;
		let uris = self.lineage_uris(tx).await?;
		let current = live.uri_str();
		Ok(lineage_is_complete(&uris, original, &current, live.version))
	}
}

/// The archive holds every version once: the original (on publish) and each new version as
/// its redaction made it live, so `version + 1` records, first the original, last the live
/// one.
pub fn lineage_is_complete(uris: &[String], original: &str, current: &str, version: u32) -> bool {
	uris.len() as u64 == u64::from(version) + 1
		&& uris.first().map(String::as_str) == Some(original)
		&& uris.last().map(String::as_str) == Some(current)
		&& current != original
}

/// Integrity reports of consecutive pages, merged.
#[derive(Default)]
struct PagedReport {
	pages: u64,
	ok: bool,
	txs: u64,
	blocks: u64,
	records: u64,
	failures: Vec<serde_json::Value>,
	truncated: bool,
}

impl PagedReport {
	/// Adds one page's report; its `next` (`None` at the end).
	fn add(&mut self, page: &serde_json::Value) -> ChainResult<Option<u64>> {
		let count = |key: &str| {
			page.get(key).and_then(|v| v.as_u64()).ok_or_else(|| {
				ChainError::Invalid(format!("integrity report without a numeric `{key}`: {page}"))
			})
		};
		self.ok = (self.pages == 0 || self.ok) && page.get("ok").and_then(|v| v.as_bool()) == Some(true);
		self.pages += 1;
		self.txs += count("txsChecked")?;
		self.blocks += count("blocksChecked")?;
		self.records += count("archiveRecordsChecked")?;
		if let Some(failures) = page.get("failures").and_then(|v| v.as_array()) {
			self.failures.extend(failures.iter().cloned());
		}
		self.truncated |= page.get("truncated").and_then(|v| v.as_bool()).unwrap_or(false);
		Ok(page.get("next").and_then(|v| v.as_u64()))
	}

	/// The merged report, in the RPC's JSON shape plus `pages`.
	fn into_json(self) -> serde_json::Value {
		serde_json::json!({
			"ok": self.ok,
			"pages": self.pages,
			"txsChecked": self.txs,
			"blocksChecked": self.blocks,
			"archiveRecordsChecked": self.records,
			"next": null,
			"failures": self.failures,
			"truncated": self.truncated,
		})
	}
}

#[cfg(test)]
mod tests {
	use super::{lineage_is_complete, PagedReport};

	fn v(s: &[&str]) -> Vec<String> {
		s.iter().map(|x| x.to_string()).collect()
	}

	#[test]
	fn complete_lineage_holds() {
		assert!(lineage_is_complete(&v(&["a", "b"]), "a", "b", 1));
		assert!(lineage_is_complete(&v(&["a", "b", "c"]), "a", "c", 2));
	}

	#[test]
	fn incomplete_or_wrong_lineage_fails() {
		assert!(!lineage_is_complete(&v(&["a"]), "a", "a", 0), "never redacted");
		assert!(!lineage_is_complete(&v(&["a", "c"]), "a", "c", 2), "a version missing");
		assert!(!lineage_is_complete(&v(&["x", "b"]), "a", "b", 1), "another original");
		assert!(!lineage_is_complete(&v(&["a", "b"]), "a", "c", 1), "live is not the newest");
	}

	fn page(ok: bool, txs: u64, next: Option<u64>) -> serde_json::Value {
		serde_json::json!({ "ok": ok, "txsChecked": txs, "blocksChecked": 2, "archiveRecordsChecked": 2 * txs,
			"next": next, "failures": if ok { vec![] } else { vec![serde_json::json!({ "kind": "txCheck", "tx": 3 })] },
			"truncated": false })
	}

	#[test]
	fn paged_reports_merge_counts_and_any_failure_works() {
		let mut merged = PagedReport::default();
		assert_eq!(merged.add(&page(true, 1000, Some(9))).unwrap(), Some(9));
		assert_eq!(merged.add(&page(false, 5, Some(12))).unwrap(), Some(12));
		assert_eq!(merged.add(&page(true, 7, None)).unwrap(), None);
		let json = merged.into_json();
		assert_eq!(json["pages"], 3);
		assert_eq!(json["ok"], false);
		assert_eq!((json["txsChecked"].as_u64(), json["archiveRecordsChecked"].as_u64()), (Some(1012), Some(2024)));
		assert_eq!(json["failures"].as_array().map(Vec::len), Some(1));
	}

	#[test]
	fn a_page_without_counts_is_an_error() {
		let mut merged = PagedReport::default();
		assert!(merged.add(&serde_json::json!({ "ok": true })).is_err());
	}
}
