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
		let table = markdown(&a.url, &transfer, &publish);
		println!("{table}");
		if let Some(p) = &a.json {
			let json = serde_json::json!({ "url": a.url, "transfer": transfer, "publish": publish,
				"ratio": publish.per_second / transfer.per_second.max(1e-9) });
			std::fs::write(p, serde_json::to_string_pretty(&json)?)?;
		}
		anyhow::Ok(())
	})
}

/// Signs and floods `per_account` transactions of `kind` from every account.
async fn flood(chain: &Chain, kind: FloodKind, accounts: &[blockful_chain_client::Keypair], per_account: usize) -> Result<Throughput> {
	let t = Instant::now();
	let txs = chain.sign_flood(kind, accounts, per_account).await?;
	let sign_seconds = t.elapsed().as_secs_f64();
	println!("[chain-bench] {kind:?}: {} transactions signed in {sign_seconds:.1} s; submitting", txs.len());
	let r = chain.flood(kind, txs, sign_seconds, Duration::from_secs(60), Duration::from_secs(600)).await?;
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
