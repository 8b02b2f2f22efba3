//! `chain-bench --dag N`: unlearning at DAG scale in real blocks. Publishes a DAG of `N`
//! models in components (each model references 1 to `MaxRefs` earlier models of its own
//! component, so every model of a component descends from its first), files one parallel
//! request from the first model of component 0 (every model of that component is affected:
//! the generator knows the answer the chain must compute), has every affected model's owner
//! submit its update (from a generator, not from training), and drives the request through
//! the committee's one approval to the end; then verifies the live chain.

use anyhow::{anyhow, bail, Result};
use blockful_chain_client::throughput::{label_uri, FloodKind, Throughput};
use blockful_chain_client::{ChPublicKey, Chain, Keypair, Paradigm};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// What the run measured.
#[derive(Debug, serde::Serialize)]
pub(crate) struct DagScale {
	/// Models published (the DAG).
	pub models: usize,
	/// Components of the DAG; the request's is component 0.
	pub components: usize,
	/// Mean references per model.
	pub mean_fan_in: f64,
	/// Publishing: finalized blocks and chain seconds, over all waves.
	pub publish_blocks: u64,
	pub publish_chain_seconds: f64,
	/// Models the request affects (the start model and its descendants).
	pub affected: usize,
	/// Filing: steps (`request_unlearning`, then `extend_request`s) and wall seconds.
	pub filing_steps: u32,
	pub filing_seconds: f64,
	/// Other users' transfers (a steady stream sent while the request is filed) included
	/// in each block that included a filing step; all of them: included, and in how many
	/// blocks.
	pub transfers_beside_steps: Vec<usize>,
	pub others_included: usize,
	pub others_blocks: u64,
	/// Owners' updates: finalized blocks and chain seconds.
	pub update_blocks: u64,
	pub update_chain_seconds: f64,
	/// The committee's one approval, applied in chunks.
	pub outcome: blockful_chain_client::ThresholdOutcome,
	/// Collisions (models + live blocks touched).
	pub collisions: usize,
	/// Seconds from filing to the last chunk applied (wall).
	pub end_to_end_seconds: f64,
	/// Encoded bytes on chain: a live model (`LiveChain.Txs` key + value, mean of a sample),
	/// one DAG edge (`LiveChain.Children` key), an archive record (`Archive.Records`
	/// and `RecordHashes` keys + values, `Lineage` entry).
	pub live_model_bytes: f64,
	pub edge_bytes: usize,
	pub archive_record_bytes: f64,
	/// `blockful_verifyLiveChainSince(proposal block)`, every page: wall seconds and the
	/// merged report.
	pub verify_since_seconds: f64,
	pub verify_since: serde_json::Value,
	/// `blockful_verifyLiveChain` over the whole chain: wall seconds and report.
	pub verify_all_seconds: f64,
	pub verify_all: serde_json::Value,
}

/// A small deterministic generator (xorshift64*): the DAG is the same for the same seed.
struct Rng(u64);
impl Rng {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
	}
	fn below(&mut self, n: usize) -> usize {
		(self.next() % n.max(1) as u64) as usize
	}
}

/// Rounds of other users' transfers (one per account each, half a second apart) sent
/// while the request is being filed: 30 s of traffic.
const OTHERS_ROUNDS: usize = 60;

/// Publishes the DAG, files the request, submits the updates and drives the redaction.
pub(crate) async fn run(
	chain: &Chain,
	requester: &Keypair,
	accounts: &[Keypair],
	n: usize,
	components: usize,
	wave: usize,
) -> Result<DagScale> {
	if components == 0 || accounts.len() < components || n < components {
		bail!("--dag needs at least --components models and accounts");
	}
	let fan_in = chain.max_refs().await? as usize;
	let key = ChPublicKey(chain.ch_public_key().await?);
	let mut rng = Rng(0x5eed_b10c_f0f0_0001);
	// Each component's first model, by the requester (component 0's is the start model).
	let mut members: Vec<Vec<u64>> = Vec::with_capacity(components);
	let base = chain.next_tx_id().await?;
	for c in 0..components {
		let tx = chain.publish_model(requester, &label_uri(&format!("dag-{base}-root-{c}")), &[], &key).await?;
		members.push(vec![tx]);
	}
	let mut owner_of: BTreeMap<u64, [u8; 32]> =
		members.iter().map(|m| (m[0], requester.public_key().0)).collect();
	let component_of: BTreeMap<[u8; 32], usize> =
		accounts.iter().enumerate().map(|(i, k)| (k.public_key().0, i % components)).collect();
	let (mut publish_blocks, mut publish_chain_seconds, mut refs_total) = (0u64, 0.0f64, 0usize);
	let mut left = n - components;
	let mut round = 0;
	while left > 0 {
		let this = left.min(wave);
		let mut streams: Vec<(&Keypair, Vec<Vec<u64>>)> = accounts.iter().map(|k| (k, Vec::new())).collect();
		for k in 0..this {
			let i = k % accounts.len();
			let pool = &members[i % components];
			let want = 1 + rng.below(fan_in);
			let mut refs: Vec<u64> = (0..want).map(|_| pool[rng.below(pool.len())]).collect();
			refs.sort_unstable();
			refs.dedup();
			refs_total += refs.len();
			streams[i].1.push(refs);
		}
		streams.retain(|(_, r)| !r.is_empty());
		let senders: Vec<Keypair> = streams.iter().map(|(k, _)| (*k).clone()).collect();
		let txs = chain.sign_publishes(&format!("dag-{base}-w{round}"), streams).await?;
		let r = chain.flood(FloodKind::Publish, &senders, txs, 0.0, Duration::from_secs(90), Duration::from_secs(1800)).await?;
		check_all(&r, this, "publishing the DAG")?;
		for (tx, owner) in &r.published {
			let c = component_of.get(owner).ok_or_else(|| anyhow!("model {tx} by an unknown owner"))?;
			members[*c].push(*tx);
			owner_of.insert(*tx, *owner);
		}
		publish_blocks += r.blocks;
		publish_chain_seconds += r.chain_seconds;
		left -= this;
		round += 1;
		println!("[chain-bench] DAG: {} of {n} models published ({} blocks, {:.0} s of chain time so far)", n - left, publish_blocks, publish_chain_seconds);
	}

	// The request: the generator knows the affected set the chain must compute. Meanwhile
	// other users send a steady stream of transfers (one per account every half second,
	// about 144 per 2-s block, about 75 ms of weight): the blocks that include the filing
	// steps must include some of them too.
	let transfers = chain.sign_flood(FloodKind::Transfer, accounts, OTHERS_ROUNDS, &[]).await?;
	let t = Instant::now();
	let start = [members[0][0]];
	let (filed, flood) = futures::join!(
		chain.file_request(requester, &start, &[1], Paradigm::Parallel),
		chain.flood_paced(
			FloodKind::Transfer,
			accounts,
			transfers,
			0.0,
			Duration::from_millis(500),
			Duration::from_secs(60),
			Duration::from_secs(600)
		),
	);
	let (filed, flood) = (filed?, flood?);
	let mut transfers_beside_steps = Vec::with_capacity(filed.step_blocks.len());
	for b in &filed.step_blocks {
		transfers_beside_steps.push(chain.transfers_in_block(*b, accounts).await?);
	}
	println!(
		"[chain-bench] filing steps in blocks {:?}, beside {:?} of {} transfers sent with them",
		filed.step_blocks, transfers_beside_steps, flood.included
	);
	let mut expected = members[0].clone();
	expected.sort_unstable();
	if filed.request.affected != expected {
		bail!("the chain's affected set ({} models) is not component 0 ({} models)", filed.request.affected.len(), expected.len());
	}
	let affected = expected.len();
	println!("[chain-bench] request {} affects {affected} models: filed in {} steps, {:.1} s", filed.id, filed.steps(), filed.seconds);

	// Every owner submits its models' updates (generated URIs), as one flood.
	let mut by_owner: BTreeMap<[u8; 32], Vec<(u64, Vec<u8>)>> = BTreeMap::new();
	for tx in &filed.request.affected {
		let owner = owner_of.get(tx).ok_or_else(|| anyhow!("no owner known for model {tx}"))?;
		by_owner.entry(*owner).or_default().push((*tx, label_uri(&format!("dag-{base}-unlearned-{tx}")).into_bytes()));
	}
	let keys: Vec<&Keypair> = std::iter::once(requester).chain(accounts).collect();
	let mut streams = Vec::new();
	for (owner, updates) in by_owner {
		let k = keys.iter().find(|k| k.public_key().0 == owner).ok_or_else(|| anyhow!("no key for an owner"))?;
		streams.push((*k, updates));
	}
	let senders: Vec<Keypair> = streams.iter().map(|(k, _)| (*k).clone()).collect();
	let txs = chain.sign_updates(filed.id, streams).await?;
	let updates = chain.flood(FloodKind::Update, &senders, txs, 0.0, Duration::from_secs(90), Duration::from_secs(1800)).await?;
	check_all(&updates, affected, "submitting the owners' updates")?;
	println!("[chain-bench] {affected} updates in {} blocks, {:.0} s of chain time", updates.blocks, updates.chain_seconds);

	let outcome = chain.redact_by_threshold(requester, filed.id, Duration::from_secs(3600)).await?;
	let end_to_end_seconds = t.elapsed().as_secs_f64();
	// The live blocks touched (one header collision each), read 32 at a time.
	use futures::StreamExt;
	let lives: Vec<_> = futures::stream::iter(filed.request.affected.iter().map(|tx| chain.tx(*tx)))
		.buffer_unordered(32)
		.collect()
		.await;
	let mut heights = std::collections::BTreeSet::new();
	for live in lives {
		if let Some(live) = live? {
			heights.insert(live.height);
		}
	}
	let (live_model_bytes, archive_record_bytes) = state_bytes(chain, &filed.request.affected).await?;
	let since = outcome.applied_at.saturating_sub(outcome.blocks);
	let t = Instant::now();
	let verify_since = chain.verify_live_chain_since_all(since).await?;
	let verify_since_seconds = t.elapsed().as_secs_f64();
	let t = Instant::now();
	let verify_all = chain.verify_live_chain().await?;
	let verify_all_seconds = t.elapsed().as_secs_f64();
	Ok(DagScale {
		models: n,
		components,
		mean_fan_in: refs_total as f64 / (n - components).max(1) as f64,
		publish_blocks,
		publish_chain_seconds,
		affected,
		filing_steps: filed.steps() as u32,
		filing_seconds: filed.seconds,
		transfers_beside_steps,
		others_included: flood.included,
		others_blocks: flood.blocks,
		update_blocks: updates.blocks,
		update_chain_seconds: updates.chain_seconds,
		collisions: affected + heights.len(),
		outcome,
		end_to_end_seconds,
		live_model_bytes,
		edge_bytes: EDGE_KEY_BYTES,
		archive_record_bytes,
		verify_since_seconds,
		verify_since,
		verify_all_seconds,
		verify_all,
	})
}

/// A `Twox64Concat(u64)` map key: pallet and item prefixes (16 + 16), hash (8), id (8).
const MAP_KEY_BYTES: usize = 48;
/// A `LiveChain.Children(parent, child)` key: the prefixes and two `Twox64Concat(u64)`.
const EDGE_KEY_BYTES: usize = 64;

/// Mean encoded bytes of a live model and of one of its archive records (keys by the
/// storage layout, values as encoded), over a sample of `txs`.
async fn state_bytes(chain: &Chain, txs: &[u64]) -> Result<(f64, f64)> {
	let sample: Vec<u64> = txs.iter().step_by((txs.len() / 100).max(1)).copied().collect();
	let (mut live, mut archive, mut records) = (0usize, 0usize, 0usize);
	for tx in &sample {
		live += MAP_KEY_BYTES + chain.tx_encoded_len(*tx).await?;
		for len in chain.archive_record_encoded_lens(*tx).await? {
			// The record, its hash (32) and its lineage entry (a double-map key and a u64).
			archive += MAP_KEY_BYTES + len + MAP_KEY_BYTES + 32 + (EDGE_KEY_BYTES - 4) + 8;
			records += 1;
		}
	}
	Ok((live as f64 / sample.len().max(1) as f64, archive as f64 / records.max(1) as f64))
}

/// Fails unless every one of `expected` transactions of a flood was included and none failed.
fn check_all(r: &Throughput, expected: usize, what: &str) -> Result<()> {
	if r.included != expected || r.failed > 0 {
		bail!("{what}: {} of {expected} included, {} failed", r.included, r.failed);
	}
	Ok(())
}
