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

	/// `blockful_verifyLiveChainSince(block)`: the integrity report of what changed at or
	/// after `block` (with boolean `ok`).
	pub async fn verify_live_chain_since(&self, block: u64) -> ChainResult<serde_json::Value> {
		self.call_rpc("blockful_verifyLiveChainSince", rpc_params![block]).await
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

#[cfg(test)]
mod tests {
	use super::lineage_is_complete;

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
}
