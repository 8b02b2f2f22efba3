//! # The BlockFUL flow on a running chain
//!
//! Drives a node through one unlearning task per paradigm, using models the worker has
//! already trained and unlearned (see [`crate::experiment::run_full`]):
//!
//! 1. every model is uploaded to the task's live store (content-addressed, CID) and
//!    published with `LiveChain.publish_model` by its owner's account, with a chameleon
//!    hash computed here under the on-chain public key over SCALE `(uri, refs)`;
//! 2. the requester files `Unlearning.request_unlearning`; the affected set is read back
//!    from the chain, not from the worker's memory;
//! 3. **parallel**: the new models are uploaded, the old files archived, and the requester
//!    files **one** redaction proposal; the committee nodes' off-chain workers compute a
//!    collision for every updated transaction and every touched live block with the
//!    two-round threshold protocol and the runtime applies them; **sequential**: one
//!    proposal (one threshold round) per model, in the chain's topological order. The
//!    worker holds no trapdoor and no committee key;
//! 4. afterwards `blockful_verifyLiveChain` must report the chain intact, the archive
//!    lineage of every updated model must show its old and new version, and the live store
//!    must serve the new models.
//!
//! Costs are measured, not modelled, per phase: proposal inclusion, round 1 (nonce
//! commitments until `t` signers are chosen), round 2 to the applied redaction (partial
//! shares, aggregation, on-chain verification), the weight the runtime charged for the
//! final message (verify + aggregate + apply), C_tran (bytes and time moved through the
//! model stores) and the number of consensus rounds.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::time::{Duration, Instant};

use blockful_chameleon::{hash, ChPublicKey};
use rand_core::OsRng;
use serde::Serialize;
use subxt_signer::{sr25519::Keypair, SecretUri};

use crate::chain::{tx_message, Chain, ChainError, Paradigm, ProposedUpdate};
use crate::fl::DagManifest;
use crate::store::{Cid, Stores};
use crate::unlearn::UnlearnOutcome;

/// Errors of the chain flow.
#[derive(Debug, thiserror::Error)]
pub enum FlowError {
	/// The chain refused or failed.
	#[error(transparent)]
	Chain(#[from] ChainError),
	/// The model store failed (e.g. a corrupted file).
	#[error(transparent)]
	Worker(#[from] crate::WorkerError),
	/// The chameleon hash failed.
	#[error("chameleon hash: {0}")]
	Ch(blockful_chameleon::ChError),
	/// The inputs cannot be used.
	#[error("{0}")]
	Invalid(String),
}

type FlowResult<T> = Result<T, FlowError>;

/// Who signs what.
pub struct Signers {
	/// Funds the users' accounts (dev: Alice). No committee key, no trapdoor: the
	/// committee's nodes sign redactions themselves.
	pub funder: Keypair,
	/// Prefix of the derived user accounts (`<prefix>//<user>`).
	pub account_prefix: String,
}

/// Measured costs and checks of one unlearning task.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ParadigmReport {
	/// `parallel` or `sequential`.
	pub paradigm: String,
	/// On-chain request id.
	pub request: u64,
	/// Affected transactions as the chain listed them (topological order).
	pub affected: Vec<u64>,
	/// Consensus rounds (threshold-signed redactions) the request took (read from the
	/// chain).
	pub rounds: u32,
	/// Models whose live version changed.
	pub models_updated: usize,
	/// Affected models left unchanged (parallel, update ≤ ε).
	pub models_skipped: usize,
	/// Live blocks whose header was redacted.
	pub blocks_touched: usize,
	/// Collisions the committee computed (transactions + headers).
	pub collisions: usize,
	/// Seconds from submitting each proposal to its inclusion, summed.
	pub propose_seconds: f64,
	/// Seconds from submitting each proposal to its round 1 closing, summed.
	pub round1_seconds: f64,
	/// Blocks from each proposal's block to its round 1 closing, summed.
	pub round1_blocks: u64,
	/// Seconds from submitting each proposal to the applied redaction, summed: the whole
	/// consensus, the committee's collision computation included.
	pub c_con_seconds: f64,
	/// Blocks from each proposal's block to the applied redaction, summed.
	pub c_con_blocks: u64,
	/// Reference time (ps) charged for the messages that verified the last partial
	/// shares, aggregated the collisions and applied each redaction, summed.
	pub apply_weight_ref_time: u128,
	/// Signing attempts, summed (one per redaction when nothing restarted).
	pub attempts: u32,
	/// Bytes moved through the model stores (uploads, archive copies, downloads).
	pub c_tran_bytes: u64,
	/// Seconds spent moving them.
	pub c_tran_seconds: f64,
	/// Model transfers (each one upload, archive copy or download).
	pub transfers: usize,
	/// Status the request reached.
	pub status: String,
	/// Every updated model's archive lineage holds its original and every later version
	/// (`version + 1` records), and its live version is the new one.
	pub lineage_ok: bool,
	/// The live store serves every new model under the URI the chain holds.
	pub live_store_ok: bool,
	/// `blockful_verifyLiveChain` after the task.
	pub verify_ok: bool,
}

/// The chain part of a report.
#[derive(Clone, Debug, Serialize)]
pub struct ChainReport {
	/// The node used.
	pub url: String,
	/// The parallel task.
	pub parallel: ParadigmReport,
	/// The sequential task.
	pub sequential: ParadigmReport,
	/// Integrity after both tasks.
	pub verify_ok: bool,
	/// Models published (both copies of the DAG).
	pub published: usize,
	/// Seconds to publish them.
	pub publish_seconds: f64,
}

/// A transfer counter for C_tran.
#[derive(Default)]
struct Tran {
	bytes: u64,
	seconds: f64,
	count: usize,
}

impl Tran {
	fn copy(&mut self, from: &Stores, to: &crate::store::ModelStore, cid: &Cid) -> FlowResult<()> {
		let t = Instant::now();
		let bytes = from.live.get(cid).or_else(|_| from.archive.get(cid))?;
		let put = to.put(&bytes)?;
		if put != *cid {
			return Err(FlowError::Invalid(format!("store returned {put} for {cid}")));
		}
		self.bytes += bytes.len() as u64;
		self.seconds += t.elapsed().as_secs_f64();
		self.count += 1;
		Ok(())
	}

	fn download(&mut self, store: &crate::store::ModelStore, cid: &Cid) -> FlowResult<()> {
		let t = Instant::now();
		let bytes = store.get(cid)?;
		self.bytes += bytes.len() as u64;
		self.seconds += t.elapsed().as_secs_f64();
		self.count += 1;
		Ok(())
	}
}

fn keypair(text: &str) -> FlowResult<Keypair> {
	let uri: SecretUri =
		text.parse().map_err(|e| FlowError::Invalid(format!("bad account URI {text}: {e}")))?;
	Keypair::from_uri(&uri).map_err(|e| FlowError::Invalid(format!("account {text}: {e}")))
}

/// Runs both paradigms through the chain. `parallel` and `sequential` are the worker's
/// outcomes for `manifest`'s unlearning request; `source` holds every model version they
/// name; `out` receives one store pair per task.
#[allow(clippy::too_many_arguments)]
pub async fn run(
	chain: &Chain,
	manifest: &DagManifest,
	source: &Stores,
	parallel: &UnlearnOutcome,
	sequential: &UnlearnOutcome,
	signers: &Signers,
	out: &Path,
	mut progress: impl FnMut(&str),
) -> FlowResult<ChainReport> {
	let un = &manifest.topology.unlearning;
	if un.start_models.is_empty() {
		return Err(FlowError::Invalid("the request names no start models: nothing to unlearn".into()));
	}
	// A fresh chain's committee makes its key by DKG in its first blocks.
	let waited = chain.wait_for_committee_key(Duration::from_secs(300)).await?;
	let chain_key = ChPublicKey(chain.ch_public_key().await?);
	progress(&format!(
		"committee key 0x{} (DKG by the committee's nodes; waited {waited:.1} s)",
		hex::encode(chain_key.0)
	));
	// Every model the flow will publish or apply must be present and intact.
	for cid in manifest
		.models
		.iter()
		.map(|m| m.cid)
		.chain(parallel.updates.iter().map(|u| u.new_cid))
		.chain(sequential.updates.iter().map(|u| u.new_cid))
	{
		source.get_weights(&cid)?;
	}

	// Accounts: one per user; the start models' owners act through one requester account
	// (the pallet requires the requester to own every start model).
	let start_owners: BTreeSet<&str> = un
		.start_models
		.iter()
		.map(|s| manifest.position(s).map(|i| manifest.models[i].owner.as_str()))
		.collect::<Result<_, _>>()?;
	let mut accounts: BTreeMap<String, Keypair> = BTreeMap::new();
	for m in &manifest.models {
		let name =
			if start_owners.contains(m.owner.as_str()) { "requester".to_string() } else { m.owner.clone() };
		if !accounts.contains_key(&m.owner) {
			accounts.insert(m.owner.clone(), keypair(&format!("{}//{name}", signers.account_prefix))?);
		}
	}
	let mut funded = BTreeSet::new();
	let unique: Vec<&Keypair> = accounts
		.values()
		.filter(|k| funded.insert(k.public_key().0))
		.collect();
	progress(&format!("funding {} user accounts", unique.len()));
	chain.fund(&signers.funder, &unique, 1_000_000_000_000_000).await?;

	let t_publish = Instant::now();
	let mut reports = Vec::new();
	let mut published = 0;
	for paradigm in [Paradigm::Parallel, Paradigm::Sequential] {
		let label = match paradigm {
			Paradigm::Parallel => "parallel",
			Paradigm::Sequential => "sequential",
		};
		let stores = Stores::open(out.join(label))?;
		let mut tran = Tran::default();
		// 1. Upload and publish, in waves whose references are already on chain.
		let dag = manifest.dag()?;
		let mut tx_of: HashMap<usize, u64> = HashMap::new();
		let depths = dag.depths();
		let max_depth = depths.iter().copied().max().unwrap_or(0);
		for depth in 0..=max_depth {
			let wave: Vec<usize> = (0..manifest.models.len()).filter(|&i| depths[i] == depth).collect();
			let mut jobs = Vec::new();
			for &i in &wave {
				let m = &manifest.models[i];
				tran.copy(source, &stores.live, &m.cid)?;
				tran.copy(source, &stores.archive, &m.cid)?;
				let refs: Vec<u64> = dag.parents(i).iter().map(|p| tx_of[p]).collect();
				let uri = m.cid.to_string();
				let (ch, rand) =
					hash(&chain_key, &tx_message(&uri, &refs), &mut OsRng).map_err(FlowError::Ch)?;
				let signer = &accounts[&m.owner];
				jobs.push(async move {
					let id = chain.publish_model(signer, &uri, &refs, ch.0, rand.0).await?;
					Ok::<_, FlowError>((i, id))
				});
			}
			// Each owner publishes at most one model per wave, so their nonces never collide.
			let mut by_owner: BTreeMap<[u8; 32], Vec<_>> = BTreeMap::new();
			for (job, &i) in jobs.into_iter().zip(&wave) {
				by_owner.entry(accounts[&manifest.models[i].owner].public_key().0).or_default().push(job);
			}
			loop {
				let round: Vec<_> = by_owner.values_mut().filter_map(|v| v.pop()).collect();
				if round.is_empty() {
					break;
				}
				for r in futures::future::join_all(round).await {
					let (i, id) = r?;
					tx_of.insert(i, id);
					published += 1;
				}
			}
			progress(&format!("{label}: published depth {depth} ({} models)", wave.len()));
		}
		let model_of: HashMap<u64, usize> = tx_of.iter().map(|(&i, &t)| (t, i)).collect();

		// 2. The request, and the affected set as the chain computed it.
		let requester = &accounts[&manifest.models[manifest.position(&un.start_models[0])?].owner];
		let start_txs: Vec<u64> = un
			.start_models
			.iter()
			.map(|s| manifest.position(s).map(|i| tx_of[&i]))
			.collect::<Result<_, _>>()?;
		let request = chain.request_unlearning(requester, &start_txs, &un.forget_classes, paradigm).await?;
		let on_chain = chain
			.request(request)
			.await?
			.ok_or_else(|| FlowError::Invalid(format!("request {request} is not on chain")))?;
		if on_chain.affected.is_empty() {
			return Err(FlowError::Invalid(format!("request {request} has no affected models")));
		}
		progress(&format!("{label}: request {request} affects txs {:?}", on_chain.affected));
		let outcome = match paradigm {
			Paradigm::Parallel => parallel,
			Paradigm::Sequential => sequential,
		};
		let mut report = ParadigmReport {
			paradigm: label.into(),
			request,
			affected: on_chain.affected.clone(),
			..Default::default()
		};
		// The new version of every affected model, in the chain's order.
		let mut plan: Vec<(u64, Cid, Cid)> = Vec::new();
		for &tx in &on_chain.affected {
			let i = *model_of.get(&tx).ok_or_else(|| {
				FlowError::Invalid(format!("the chain lists tx {tx}, which this run did not publish"))
			})?;
			let m = &manifest.models[i];
			match outcome.new_cid(&m.id) {
				Some(new) if new != m.cid => plan.push((tx, m.cid, new)),
				_ => report.models_skipped += 1,
			}
		}
		let motions: Vec<Vec<(u64, Cid, Cid)>> = match paradigm {
			Paradigm::Parallel => vec![plan],
			Paradigm::Sequential => plan.into_iter().map(|p| vec![p]).collect(),
		};
		let mut touched_blocks = BTreeSet::new();
		for batch in motions {
			// Transfers: download the old version (and, sequentially, the references the
			// owner re-aggregates from), upload the new one, archive the old one.
			for &(tx, old, new) in &batch {
				tran.download(&stores.live, &old)?;
				if paradigm == Paradigm::Sequential {
					for p in dag.parents(model_of[&tx]) {
						let live = chain
							.tx(tx_of[p])
							.await?
							.ok_or_else(|| FlowError::Invalid(format!("tx {} vanished", tx_of[p])))?;
						let cid: Cid = live.uri_str().parse()?;
						tran.download(&stores.live, &cid)?;
					}
				}
				tran.copy(source, &stores.live, &new)?;
				tran.copy(source, &stores.archive, &old)?;
			}
			// The proposal; the committee's off-chain workers compute the collisions.
			let mut updates = Vec::new();
			let mut heights = BTreeSet::new();
			for &(tx, _, new) in &batch {
				let live = chain
					.tx(tx)
					.await?
					.ok_or_else(|| FlowError::Invalid(format!("tx {tx} is not on chain")))?;
				updates.push(ProposedUpdate { tx, uri: new.to_string().into_bytes() });
				heights.insert(live.height);
			}
			let n = updates.len();
			report.collisions += n + heights.len();
			touched_blocks.extend(heights);
			let signed = chain
				.redact_by_threshold(requester, request, updates, Duration::from_secs(300))
				.await?;
			report.propose_seconds += signed.proposed_seconds;
			report.round1_seconds += signed.round1_seconds;
			report.round1_blocks += signed.round1_blocks;
			report.c_con_seconds += signed.seconds;
			report.c_con_blocks += signed.blocks;
			report.apply_weight_ref_time += signed.apply_weight_ref_time;
			report.attempts += signed.attempts;
			report.models_updated += n;
			for &(_, old, _) in &batch {
				stores.live.remove(&old)?;
			}
			progress(&format!(
				"{label}: the committee (members {:?}) signed and applied {n} update(s) in {:.1} s \
				 ({} blocks; round 1 closed after {} blocks)",
				signed.signers, signed.seconds, signed.blocks, signed.round1_blocks
			));
		}
		report.blocks_touched = touched_blocks.len();
		report.c_tran_bytes = tran.bytes;
		report.c_tran_seconds = tran.seconds;
		report.transfers = tran.count;

		// 3. Checks.
		let after = chain
			.request(request)
			.await?
			.ok_or_else(|| FlowError::Invalid(format!("request {request} vanished")))?;
		report.rounds = after.rounds;
		report.status = after.status.clone();
		let mut lineage_ok = true;
		let mut live_ok = true;
		for &tx in &on_chain.affected {
			let live = chain.tx(tx).await?.ok_or_else(|| FlowError::Invalid(format!("tx {tx} vanished")))?;
			if live.version == 0 {
				continue;
			}
			let cid: Cid = live.uri_str().parse()?;
			live_ok &= stores.live.get(&cid).is_ok();
			let lineage = chain.lineage(tx).await?;
			let uris: Vec<&str> = lineage
				.as_array()
				.map(|a| a.iter().filter_map(|v| v.get("uriText").and_then(|u| u.as_str())).collect())
				.unwrap_or_default();
			let original = manifest.models[model_of[&tx]].cid.to_string();
			let current = live.uri_str();
			// The archive holds every version once: the original (on publish) and each new
			// version as its redaction made it live, so the newest record is the live one.
			lineage_ok &= uris.len() as u64 == u64::from(live.version) + 1
				&& uris.first() == Some(&original.as_str())
				&& uris.last().copied() == Some(current.as_str())
				&& current != original;
		}
		report.lineage_ok = lineage_ok;
		report.live_store_ok = live_ok;
		let verify = chain.verify_live_chain().await?;
		report.verify_ok = verify.get("ok").and_then(|v| v.as_bool()).unwrap_or(false);
		progress(&format!(
			"{label}: request {request} {} after {} threshold-signed redaction(s); chain intact: {}",
			report.status, report.rounds, report.verify_ok
		));
		reports.push(report);
	}
	let publish_seconds = t_publish.elapsed().as_secs_f64();
	let verify = chain.verify_live_chain().await?;
	let mut it = reports.into_iter();
	let (Some(parallel), Some(sequential)) = (it.next(), it.next()) else {
		return Err(FlowError::Invalid("both paradigms must have run".into()));
	};
	Ok(ChainReport {
		url: chain.url().to_string(),
		parallel,
		sequential,
		verify_ok: verify.get("ok").and_then(|v| v.as_bool()).unwrap_or(false),
		published,
		publish_seconds,
	})
}

/// The cost table of a chain report.
pub fn cost_table(r: &ChainReport) -> String {
	let mut s = String::new();
	s.push_str("| Paradigm | consensus rounds | models updated | skipped | collisions | attempts | round 1 (s / blocks) | applied (s / blocks) | apply weight (ms) | C_tran (MB) | C_tran (s) | status | lineage | live store | chain intact |\n");
	s.push_str("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
	for p in [&r.parallel, &r.sequential] {
		s.push_str(&format!(
			"| {} | {} | {} | {} | {} | {} | {:.1} / {} | {:.1} / {} | {:.2} | {:.2} | {:.3} | {} | {} | {} | {} |\n",
			p.paradigm,
			p.rounds,
			p.models_updated,
			p.models_skipped,
			p.collisions,
			p.attempts,
			p.round1_seconds,
			p.round1_blocks,
			p.c_con_seconds,
			p.c_con_blocks,
			p.apply_weight_ref_time as f64 / 1e9,
			p.c_tran_bytes as f64 / 1e6,
			p.c_tran_seconds,
			p.status,
			ok(p.lineage_ok),
			ok(p.live_store_ok),
			ok(p.verify_ok),
		));
	}
	s
}

fn ok(b: bool) -> &'static str {
	if b {
		"ok"
	} else {
		"FAILED"
	}
}

/// Polls until the node at `url` answers, for a freshly started node.
pub async fn connect_with_retry(url: &str, timeout: Duration) -> Result<Chain, ChainError> {
	let start = Instant::now();
	loop {
		match Chain::connect(url).await {
			Ok(c) => return Ok(c),
			Err(e) if start.elapsed() > timeout => return Err(e),
			Err(_) => tokio::time::sleep(Duration::from_millis(1000)).await,
		}
	}
}
