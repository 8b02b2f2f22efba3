//! `chain-bench`: publish vs transfer throughput in real, finalized blocks of a running
//! node, in the same run (`blockful_chain_client::throughput`).

use anyhow::{Context, Result};
use blockful_chain_client::throughput::{FloodKind, Throughput};
use blockful_chain_client::{connect_with_retry, keypair, Chain};
use std::fmt::Write as _;
use std::time::{Duration, Instant};

use crate::cli::ChainBenchArgs;

/// Funds the senders, then floods transfers and publishes, one after the other.
pub(crate) fn cmd_chain_bench(a: ChainBenchArgs) -> Result<()> {
	let rt = tokio::runtime::Runtime::new()?;
	let chain = rt
		.block_on(connect_with_retry(&a.url, Duration::from_secs(60)))
		.with_context(|| format!("no node at {}", a.url))?;
	let funder = keypair(&a.suri)?;
	let accounts = (0..a.accounts).map(|i| keypair(&format!("//Alice//bench//{i}"))).collect::<Result<Vec<_>, _>>()?;
	rt.block_on(async {
		chain.wait_for_committee_key(Duration::from_secs(120)).await?;
		println!("[chain-bench] funding {} accounts", accounts.len());
		chain.fund(&funder, &accounts.iter().collect::<Vec<_>>(), 1_000_000_000_000_000).await?;
		chain.wait_for_blocks(Duration::from_secs(60)).await?;
		let transfer = flood(&chain, FloodKind::Transfer, &accounts, a.per_account).await?;
		let publish = flood(&chain, FloodKind::Publish, &accounts, a.per_account).await?;
		let mut table = markdown(&a.url, &transfer, &publish);
		let (max_updates, max_affected) = chain.redaction_limits().await?;
		let dag = match a.dag {
			Some(models) => {
				let d = crate::scale_bench::run(&chain, &funder, &accounts, models, a.components, a.wave).await?;
				let _ = writeln!(
					table,
					"\nDAG of {} models ({} components, mean fan-in {:.1}) published in {} blocks ({:.0} s of chain time); \
					 one parallel request from an early model: **{} affected models**, its affected set computed in {} \
					 filing steps ({:.1} s; the blocks that included them also included {:?} of the other users' \
					 transfers sent meanwhile, {} of which were included in {} blocks); {} owners' updates in {} blocks ({:.0} s); **one approval** applied in {} chunks, \
					 {} collisions, {} signing attempts, {} restarts, the last chunk {} blocks / {:.1} s after the proposal \
					 (**{:.0} collisions per 6 s**); filing to the last chunk: {:.0} s; on-chain bytes: a live model {:.0}, a DAG \
					 edge {}, an archive record {:.0}; `blockful_verifyLiveChainSince` from the proposal, every page: {:.2} s ({} pages, \
					 {} txs, ok {}); the whole \
					 live chain: {:.2} s ({} txs, ok {})",
					d.models, d.components, d.mean_fan_in, d.publish_blocks, d.publish_chain_seconds, d.affected,
					d.filing_steps, d.filing_seconds, d.transfers_beside_steps, d.others_included, d.others_blocks, d.affected, d.update_blocks, d.update_chain_seconds,
					d.outcome.chunks, d.collisions, d.outcome.attempts, d.outcome.restarts, d.outcome.blocks,
					d.outcome.seconds, d.collisions as f64 / d.outcome.blocks.max(1) as f64 * 3.0, d.end_to_end_seconds,
					d.live_model_bytes, d.edge_bytes, d.archive_record_bytes, d.verify_since_seconds,
					d.verify_since["pages"], d.verify_since["txsChecked"], d.verify_since["ok"], d.verify_all_seconds, d.verify_all["txsChecked"],
					d.verify_all["ok"],
				);
				Some(d)
			},
			None => None,
		};
		let n = if dag.is_some() { 0 } else { a.redaction.unwrap_or(max_affected) };
		let redaction = if n > 0 {
			let r = one_block_redaction(&chain, &funder, &accounts, n, a.node_log.as_deref()).await?;
			let per_block = r.collisions as f64 / r.outcome.blocks.max(1) as f64;
			let _ = writeln!(
				table,
				"\none request over {} models, its affected set computed in {} filing step(s) in {:.1} s; \
				 owners' updates submitted in {:.1} s; one threshold redaction of {} models, one approval in {} chunk(s) (MaxUpdates {max_updates}, \
				 MaxAffected {max_affected}): {} collisions, the last chunk applied in block #{} ({} blocks / {:.1} s \
				 after the proposal: **{per_block:.0} collisions per block, {:.0} per 6 s** of chain time from \
				 proposal to the last chunk); weight charged for the last applying message {:.1} ms; its block took {} \
				 to build; `blockful_verifyLiveChainSince` from the proposal, every page: {:.2} s ({} pages, {} txs, {} blocks, \
				 ok {}); the whole live chain (`blockful_verifyLiveChain`): {:.2} s ({} txs, {} blocks, {} archive records, ok {})",
				r.models, r.filing_steps, r.filing_seconds, r.submit_seconds,
				r.models, r.outcome.chunks, r.collisions, r.outcome.applied_at, r.outcome.blocks, r.outcome.seconds,
				per_block * 3.0,
				r.outcome.apply_weight_ref_time as f64 / 1e9,
				r.block_ms.map_or("(no node log)".to_string(), |ms| format!("{ms} ms")),
				r.verify_seconds, r.verify["pages"], r.verify["txsChecked"], r.verify["blocksChecked"], r.verify["ok"],
				r.verify_all_seconds, r.verify_all["txsChecked"], r.verify_all["blocksChecked"],
				r.verify_all["archiveRecordsChecked"], r.verify_all["ok"],
			);
			Some(r)
		} else {
			None
		};
		println!("{table}");
		if let Some(p) = &a.json {
			let json = serde_json::json!({ "url": a.url, "transfer": transfer, "publish": publish,
				"ratio": publish.per_second / transfer.per_second.max(1e-9), "redaction": redaction, "dag": dag });
			std::fs::write(p, serde_json::to_string_pretty(&json)?)?;
		}
		anyhow::Ok(())
	})
}

/// Signs and floods `per_account` transactions of `kind` from every account.
async fn flood(chain: &Chain, kind: FloodKind, accounts: &[blockful_chain_client::Keypair], per_account: usize) -> Result<Throughput> {
	let t = Instant::now();
	let txs = chain.sign_flood(kind, accounts, per_account, &[]).await?;
	let sign_seconds = t.elapsed().as_secs_f64();
	println!("[chain-bench] {kind:?}: {} transactions signed in {sign_seconds:.1} s; submitting", txs.len());
	let r = chain.flood(kind, accounts, txs, sign_seconds, Duration::from_secs(60), Duration::from_secs(600)).await?;
	println!(
		"[chain-bench] {kind:?}: {} of {} in {} blocks, {:.1} s chain time: {:.0}/s",
		r.included, r.submitted, r.blocks, r.chain_seconds, r.per_second
	);
	Ok(r)
}

/// The results as a table with the ratio.
fn markdown(url: &str, transfer: &Throughput, publish: &Throughput) -> String {
	let mut s = format!(
		"| node {url} | submitted | finalized ok | failed | blocks | most in one block | chain s | **per second** |\n|---|---:|---:|---:|---:|---:|---:|---:|\n"
	);
	for r in [transfer, publish] {
		let _ = writeln!(
			s,
			"| {:?} | {} | {} | {} | {} | {} | {:.1} | **{:.0}** |",
			r.kind, r.submitted, r.included, r.failed, r.blocks, r.max_per_block, r.chain_seconds, r.per_second
		);
	}
	let _ = writeln!(s, "\npublish / transfer throughput: **{:.2}**", publish.per_second / transfer.per_second.max(1e-9));
	s
}

/// The largest redaction in one block.
#[derive(Debug, serde::Serialize)]
struct OneBlockRedaction {
	/// Models updated by the one redaction.
	models: usize,
	/// Filing steps of the affected set (`request_unlearning`, then `extend_request`s).
	filing_steps: u32,
	/// Wall seconds from filing to the complete affected set read back.
	filing_seconds: f64,
	/// Wall seconds for every owner's update to be submitted.
	submit_seconds: f64,
	/// Collisions the committee computed (models + touched live blocks).
	collisions: usize,
	/// The threshold rounds, measured.
	outcome: blockful_chain_client::ThresholdOutcome,
	/// Build time of the applying block, from the node's log.
	block_ms: Option<u64>,
	/// `blockful_verifyLiveChainSince(proposal block)` afterwards, every page (about 1,000
	/// changed models each): wall seconds and the merged report.
	verify_seconds: f64,
	verify: serde_json::Value,
	/// `blockful_verifyLiveChain` (every model, block and archive record) afterwards.
	verify_all_seconds: f64,
	verify_all: serde_json::Value,
}

/// A start model and `n - 1` children (the accounts' flood), one request over all `n`, one
/// threshold approval updating every one of them (in chunks when `n` exceeds one).
async fn one_block_redaction(
	chain: &Chain,
	requester: &blockful_chain_client::Keypair,
	accounts: &[blockful_chain_client::Keypair],
	n: u32,
	node_log: Option<&std::path::Path>,
) -> Result<OneBlockRedaction> {
	use blockful_chain_client::{throughput::label_uri, ChPublicKey, OwnerUpdate, Paradigm};
	let key = ChPublicKey(chain.ch_public_key().await?);
	let root_uri = label_uri(&format!("bench-root-{}", chain.next_tx_id().await?));
	let root = chain.publish_model(requester, &root_uri, &[], &key).await?;
	let per = (n as usize - 1).div_ceil(accounts.len());
	let senders = &accounts[..(n as usize - 1).div_ceil(per.max(1)).min(accounts.len())];
	let mut txs = chain.sign_flood(FloodKind::Publish, senders, per, &[root]).await?;
	txs.truncate(n as usize - 1);
	let children = chain.flood(FloodKind::Publish, senders, txs, 0.0, Duration::from_secs(60), Duration::from_secs(600)).await?;
	println!("[chain-bench] published a start model and {} children", children.included);
	let filed = chain.file_request(requester, &[root], &[1], Paradigm::Parallel).await?;
	println!("[chain-bench] request {} filed in {} step(s), {:.1} s", filed.id, filed.steps(), filed.seconds);
	let mut heights = std::collections::BTreeSet::new();
	let mut updates = Vec::new();
	// Each model's owner submits its update (the owners' updates come from a generator,
	// not from training).
	let owners: Vec<&blockful_chain_client::Keypair> = std::iter::once(requester).chain(accounts).collect();
	for &tx in &filed.request.affected {
		let live = chain.tx(tx).await?.ok_or_else(|| anyhow::anyhow!("tx {tx} vanished"))?;
		heights.insert(live.height);
		let owner = owners
			.iter()
			.find(|k| k.public_key().0 == live.owner.0)
			.ok_or_else(|| anyhow::anyhow!("no key for the owner of tx {tx}"))?;
		updates.push(OwnerUpdate { owner, tx, uri: Some(label_uri(&format!("bench-redacted-{tx}")).into_bytes()) });
	}
	let models = updates.len();
	println!("[chain-bench] request {} affects {models} models; owners submit, then one redaction", filed.id);
	let t = Instant::now();
	chain.submit_updates(filed.id, updates).await?;
	let submit_seconds = t.elapsed().as_secs_f64();
	let outcome = chain.redact_by_threshold(requester, filed.id, Duration::from_secs(1200)).await?;
	let block_ms = node_log.and_then(|p| build_ms(p, outcome.applied_at));
	let since = outcome.applied_at.saturating_sub(outcome.blocks);
	let t = Instant::now();
	let verify = chain.verify_live_chain_since_all(since).await?;
	let verify_seconds = t.elapsed().as_secs_f64();
	let t = Instant::now();
	let verify_all = chain.verify_live_chain().await?;
	let verify_all_seconds = t.elapsed().as_secs_f64();
	Ok(OneBlockRedaction {
		models,
		filing_steps: filed.steps() as u32,
		filing_seconds: filed.seconds,
		submit_seconds,
		collisions: models + heights.len(),
		outcome,
		block_ms,
		verify_seconds,
		verify,
		verify_all_seconds,
		verify_all,
	})
}

/// "Prepared block for proposing at {number} ({ms} ms)" from a node log.
fn build_ms(log: &std::path::Path, number: u64) -> Option<u64> {
	let text = std::fs::read_to_string(log).ok()?;
	let needle = format!("Prepared block for proposing at {number} (");
	let at = text.find(&needle)? + needle.len();
	text[at..].split(' ').next()?.parse().ok()
}
