//! # The BlockFUL flow on a running chain
//!
//! Composes the ML library's results with the chain client: one unlearning task per
//! paradigm, using models already trained and unlearned (see
//! [`blockful_ml::experiment::run_full`]). Each step is one function, in the paper's order:
//!
//! 1. [`publish`]: every model is uploaded to the task's live store (content-addressed,
//!    CID) and published by its owner's account ([`Chain::publish_dag`]: chameleon hash of
//!    SCALE `(uri, refs)` under the committee's key);
//! 2. [`file_request`]: the requester files the request; the **affected set** is read back
//!    from the chain, not from the worker's memory;
//! 3. [`plan`]: the new version of every affected model, batched per consensus — **one**
//!    batch for the parallel paradigm, one per model for the sequential one;
//! 4. [`redact`]: per batch, the model transfers (C_tran) and one redaction proposal; the
//!    committee nodes' off-chain workers compute every **collision** with the two-round
//!    threshold protocol and the runtime applies them. The worker holds no trapdoor and no
//!    committee key;
//! 5. [`check`]: `blockful_verifyLiveChain` must report the chain intact, the **archive
//!    lineage** of every updated model must show its old and new version, and the live
//!    store must serve the new models.
//!
//! Costs are measured, not modelled, per phase: proposal inclusion, round 1 (nonce
//! commitments until `t` signers are chosen), round 2 to the applied redaction (partial
//! shares, aggregation, on-chain verification), the weight the runtime charged for the
//! final message (verify + aggregate + apply), C_tran (bytes and time moved through the
//! model stores) and the number of consensus rounds.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::time::{Duration, Instant};

use blockful_chain_client::{
	keypair, publish::ModelToPublish, request::Filed, ChPublicKey, Chain, ChainError, Keypair, OwnerUpdate,
	Paradigm,
};

use blockful_ml::dag::Dag;
use blockful_ml::fl::DagManifest;
use blockful_ml::store::{Cid, ModelStore, StoreLocation, Stores};
use blockful_ml::unlearn::UnlearnOutcome;
use serde::Serialize;

use crate::cost_model::{self, Calibration, Prediction};

/// How long the committee may take to sign one redaction, or to make its key.
const COMMITTEE_TIMEOUT: Duration = Duration::from_secs(300);

/// Errors of the chain flow.
#[derive(Debug, thiserror::Error)]
pub enum FlowError {
	/// The chain refused or failed.
	#[error(transparent)]
	Chain(#[from] ChainError),
	/// The ML library failed (e.g. a corrupted file in the model store).
	#[error(transparent)]
	Ml(#[from] blockful_ml::WorkerError),
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
	/// Seconds to publish the task's copy of the DAG (all waves).
	pub publish_seconds: f64,
	/// Seconds from submitting the request to reading its affected set back.
	pub request_seconds: f64,
	/// Seconds for the final checks (request status, lineages, live store, integrity).
	pub check_seconds: f64,
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
	/// Bytes the unlearning moved through the model stores (downloads of the old versions
	/// and, sequentially, of the references; uploads of the new versions; archive copies of
	/// the old ones). Publishing is not counted.
	pub c_tran_bytes: u64,
	/// Seconds spent moving them.
	pub c_tran_seconds: f64,
	/// The unlearning's model transfers (each one upload, archive copy or download).
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
	/// Mean number of references of the updated models (N^R of Table II).
	pub mean_refs: f64,
	/// Table II's prediction from the calibrated unit costs, beside the measurement.
	pub table2: Prediction,
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
	/// Seconds to upload and publish them (both tasks).
	pub publish_seconds: f64,
	/// Table II's unit costs, measured before the tasks.
	pub calibration: Calibration,
}

/// Where a run keeps the models it publishes: by default a local directory pair per task
/// under the run's `out`; `--store ipfs=…` / `--archive-store ipfs=…` put the live and the
/// archive store on two kubo nodes (both tasks then share them; a pin is a CID's, so a
/// redacted version is unpinned from live only once no live transaction of the run names it).
#[derive(Clone, Debug, Default)]
pub struct ChainStores {
	/// The live store (`None`: `<out>/<task>/live`).
	pub live: Option<StoreLocation>,
	/// The archive store (`None`: `<out>/<task>/archive`).
	pub archive: Option<StoreLocation>,
}

impl ChainStores {
	/// Opens the store pair of the task `label`.
	fn open(&self, out: &Path, label: &str) -> FlowResult<Stores> {
		let dir = out.join(label);
		let live = self.live.clone().unwrap_or_else(|| StoreLocation::Dir(dir.join("live")));
		let archive = self.archive.clone().unwrap_or_else(|| StoreLocation::Dir(dir.join("archive")));
		Ok(blocking(|| Stores::at(&live, &archive))?)
	}
}

/// Runs a store call that may block on the network (an IPFS daemon) from async code.
/// Runs blocking store or ML work on this Tokio worker thread (multi-threaded runtime).
pub fn blocking<T>(f: impl FnOnce() -> T) -> T {
	tokio::task::block_in_place(f)
}

/// A transfer counter for C_tran.
#[derive(Default)]
struct Tran {
	bytes: u64,
	seconds: f64,
	count: usize,
}

impl Tran {
	fn copy(&mut self, from: &Stores, to: &ModelStore, cid: &Cid) -> FlowResult<()> {
		let t = Instant::now();
		let bytes = blocking(|| from.get(cid))?;
		let put = blocking(|| to.put(&bytes))?;
		if put != *cid {
			return Err(FlowError::Invalid(format!("store returned {put} for {cid}")));
		}
		self.bytes += bytes.len() as u64;
		self.seconds += t.elapsed().as_secs_f64();
		self.count += 1;
		Ok(())
	}

	fn download(&mut self, store: &ModelStore, cid: &Cid) -> FlowResult<()> {
		let t = Instant::now();
		let bytes = blocking(|| store.get(cid))?;
		self.bytes += bytes.len() as u64;
		self.seconds += t.elapsed().as_secs_f64();
		self.count += 1;
		Ok(())
	}
}

/// What every step of one run shares.
struct Context<'a, P: FnMut(&str)> {
	chain: &'a Chain,
	manifest: &'a DagManifest,
	/// The manifest's reference DAG, built once.
	dag: Dag,
	/// Holds every model version the outcomes name.
	source: &'a Stores,
	/// Where the published models go.
	stores: &'a ChainStores,
	/// How many live transactions of this run name each CID in each live store (by
	/// location). Both tasks publish the same original models, and on a shared IPFS node a
	/// pin belongs to a CID, not to a transaction: a redacted version leaves a live store
	/// only when no live transaction of the run names it there.
	live_refs: BTreeMap<(String, Cid), usize>,
	/// The users' accounts, by user id.
	accounts: BTreeMap<String, Keypair>,
	key: ChPublicKey,
	progress: P,
}

/// One task's transaction ids.
struct Published {
	/// Model index → transaction id.
	tx_of: HashMap<usize, u64>,
	/// Transaction id → model index.
	model_of: HashMap<u64, usize>,
}

/// One model replacement: transaction, old and new CID.
type Replacement = (u64, Cid, Cid);

/// Runs both paradigms through the chain. `parallel` and `sequential` are the ML
/// library's outcomes for `manifest`'s unlearning request; `source` holds every model
/// version they name; `out` receives one store pair per task.
#[allow(clippy::too_many_arguments)]
pub async fn run(
	chain: &Chain,
	manifest: &DagManifest,
	source: &Stores,
	parallel: &UnlearnOutcome,
	sequential: &UnlearnOutcome,
	signers: &Signers,
	stores: &ChainStores,
	out: &Path,
	mut progress: impl FnMut(&str),
) -> FlowResult<ChainReport> {
	check_inputs(manifest, source, [parallel, sequential])?;
	// The stores answer (an IPFS daemon that is down fails here), before anything goes on chain.
	stores.open(out, Paradigm::Parallel.label())?;
	let dag = manifest.dag()?;
	let waited = chain.wait_for_committee_key(COMMITTEE_TIMEOUT).await?;
	let key = ChPublicKey(chain.ch_public_key().await?);
	progress(&format!(
		"committee key 0x{} (DKG by the committee's nodes; waited {waited:.1} s)",
		hex::encode(key.0)
	));
	let accounts = accounts(manifest, &signers.account_prefix)?;
	fund(chain, &signers.funder, &accounts, &mut progress).await?;
	progress(&format!(
		"calibrating the unit costs: C_CH, {} one-model redactions for C_con, C_tran",
		cost_model::CONSENSUS_RUNS
	));
	let calibration =
		cost_model::calibrate(chain, &signers.funder, source, &manifest.models[0].cid, &out.join("calibration"), stores.live.as_ref())
			.await?;
	progress(&format!(
		"calibration: C_CH {:.2} ms, C_con {:.2} s ({:.2}–{:.2} s over {} runs, {} blocks), C_tran {:.1} ms per model",
		calibration.c_ch_seconds * 1e3,
		calibration.c_con_seconds,
		calibration.c_con_runs.min,
		calibration.c_con_runs.max,
		calibration.c_con_runs.runs,
		calibration.c_con_blocks,
		calibration.c_tran_seconds * 1e3
	));
	let mut cx = Context { chain, manifest, dag, source, stores, live_refs: BTreeMap::new(), accounts, key, progress };
	let mut parallel = run_task(&mut cx, Paradigm::Parallel, parallel, out).await?;
	let mut sequential = run_task(&mut cx, Paradigm::Sequential, sequential, out).await?;
	parallel.table2 = cost_model::predict(true, &calibration, &parallel, parallel.mean_refs);
	sequential.table2 = cost_model::predict(false, &calibration, &sequential, sequential.mean_refs);
	Ok(ChainReport {
		calibration,
		url: chain.url().to_string(),
		published: 2 * manifest.models.len(),
		publish_seconds: parallel.publish_seconds + sequential.publish_seconds,
		verify_ok: chain.live_chain_intact().await?,
		parallel,
		sequential,
	})
}

/// The request names start models, and every model the flow will publish or apply is
/// present and intact in `source`.
fn check_inputs(
	manifest: &DagManifest,
	source: &Stores,
	outcomes: [&UnlearnOutcome; 2],
) -> FlowResult<()> {
	if manifest.topology.unlearning.start_models.is_empty() {
		return Err(FlowError::Invalid("the request names no start models: nothing to unlearn".into()));
	}
	// A sample-level request is filed with its commitment, which both outcomes computed
	// from the same withdrawn samples; a request by class has none.
	let sample_level = manifest.topology.unlearning.is_sample_level();
	let [a, b] = outcomes;
	if a.withdrawn != b.withdrawn || a.withdrawn.is_some() != sample_level {
		return Err(FlowError::Invalid(format!(
			"the outcomes' withdrawal commitments ({:?}, {:?}) do not fit a {} request",
			a.withdrawn,
			b.withdrawn,
			if sample_level { "sample-level" } else { "by-class" }
		)));
	}
	let news = outcomes.iter().flat_map(|o| o.updates.iter().map(|u| u.new_cid));
	for cid in manifest.models.iter().map(|m| m.cid).chain(news) {
		source.get_weights(&cid)?;
	}
	Ok(())
}

/// One account per user (`<prefix>//<user>`); the start models' owners act through one
/// requester account (the pallet requires the requester to own every start model).
fn accounts(manifest: &DagManifest, prefix: &str) -> FlowResult<BTreeMap<String, Keypair>> {
	let un = &manifest.topology.unlearning;
	let start_owners: BTreeSet<&str> = un
		.start_models
		.iter()
		.map(|s| manifest.position(s).map(|i| manifest.models[i].owner.as_str()))
		.collect::<Result<_, _>>()?;
	let mut accounts = BTreeMap::new();
	for m in &manifest.models {
		let name = if start_owners.contains(m.owner.as_str()) { "requester" } else { m.owner.as_str() };
		if !accounts.contains_key(&m.owner) {
			accounts.insert(m.owner.clone(), keypair(&format!("{prefix}//{name}"))?);
		}
	}
	Ok(accounts)
}

/// Funds every distinct account from `funder`.
async fn fund(
	chain: &Chain,
	funder: &Keypair,
	accounts: &BTreeMap<String, Keypair>,
	progress: &mut impl FnMut(&str),
) -> FlowResult<()> {
	let mut seen = BTreeSet::new();
	let unique: Vec<&Keypair> = accounts.values().filter(|k| seen.insert(k.public_key().0)).collect();
	progress(&format!("funding {} user accounts", unique.len()));
	Ok(chain.fund(funder, &unique, 1_000_000_000_000_000).await?)
}

/// One paradigm's task, step by step, into its own store pair under `out`.
async fn run_task<P: FnMut(&str)>(
	cx: &mut Context<'_, P>,
	paradigm: Paradigm,
	outcome: &UnlearnOutcome,
	out: &Path,
) -> FlowResult<ParadigmReport> {
	let label = paradigm.label();
	let stores = cx.stores.open(out, label)?;
	let t = Instant::now();
	let published = publish(cx, &stores, &mut Tran::default(), label).await?;
	let publish_seconds = t.elapsed().as_secs_f64();
	// C_tran counts the unlearning's transfers only, as Table II does.
	let mut tran = Tran::default();
	let filed = file_request(cx, &published, paradigm, outcome).await?;
	let mut report = ParadigmReport {
		paradigm: label.into(),
		request: filed.id,
		affected: filed.request.affected.clone(),
		publish_seconds,
		request_seconds: filed.seconds,
		..Default::default()
	};
	let (batches, skipped) = plan(cx.manifest, &published, &filed, outcome, paradigm)?;
	report.models_skipped = skipped;
	report.mean_refs = mean_refs(&cx.dag, &published, &batches);
	let mut touched = BTreeSet::new();
	for batch in batches {
		transfer(cx, &stores, &published, &batch, paradigm, &mut tran).await?;
		redact(cx, &filed, &published, &batch, &mut report, &mut touched).await?;
		let at = stores.live.location().to_string();
		for &(_, old, new) in &batch {
			*cx.live_refs.entry((at.clone(), new)).or_default() += 1;
			let key = (at.clone(), old);
			let left = cx.live_refs.get_mut(&key).map(|n| {
				*n = n.saturating_sub(1);
				*n
			});
			if left.unwrap_or(0) == 0 {
				cx.live_refs.remove(&key);
				blocking(|| stores.live.remove(&old))?;
			}
		}
	}
	report.blocks_touched = touched.len();
	(report.c_tran_bytes, report.c_tran_seconds, report.transfers) = (tran.bytes, tran.seconds, tran.count);
	let t = Instant::now();
	check(cx, &stores, &published, &filed, &mut report).await?;
	report.check_seconds = t.elapsed().as_secs_f64();
	Ok(report)
}

/// Step 1: upload every model to the task's stores and publish the DAG.
async fn publish<P: FnMut(&str)>(
	cx: &mut Context<'_, P>,
	stores: &Stores,
	tran: &mut Tran,
	label: &str,
) -> FlowResult<Published> {
	let dag = &cx.dag;
	let order = dag.topo_order().to_vec();
	let slot: HashMap<usize, usize> = order.iter().enumerate().map(|(k, &i)| (i, k)).collect();
	let mut models = Vec::with_capacity(order.len());
	for &i in &order {
		let m = &cx.manifest.models[i];
		tran.copy(cx.source, &stores.live, &m.cid)?;
		tran.copy(cx.source, &stores.archive, &m.cid)?;
		models.push(ModelToPublish {
			signer: &cx.accounts[&m.owner],
			uri: m.cid.to_string(),
			parents: dag.parents(i).iter().map(|p| slot[p]).collect(),
		});
	}
	let progress = &mut cx.progress;
	let done = cx.chain.publish_dag(&models, &cx.key, |m| progress(&format!("{label}: {m}"))).await?;
	let at = stores.live.location().to_string();
	for &i in &order {
		*cx.live_refs.entry((at.clone(), cx.manifest.models[i].cid)).or_default() += 1;
	}
	let tx_of: HashMap<usize, u64> = order.iter().zip(&done.txs).map(|(&i, &t)| (i, t)).collect();
	let model_of = tx_of.iter().map(|(&i, &t)| (t, i)).collect();
	Ok(Published { tx_of, model_of })
}

/// Step 2: the request, and the affected set as the chain computed it. A sample-level
/// request (the outcome carries its commitment) files `request_sample_unlearning` with the
/// commitment and checks it reads back as sent; a request by class lists its classes.
async fn file_request<P: FnMut(&str)>(
	cx: &mut Context<'_, P>,
	published: &Published,
	paradigm: Paradigm,
	outcome: &UnlearnOutcome,
) -> FlowResult<Filed> {
	let un = &cx.manifest.topology.unlearning;
	let requester = requester_of(cx)?;
	let start: Vec<u64> = un
		.start_models
		.iter()
		.map(|s| cx.manifest.position(s).map(|i| published.tx_of[&i]))
		.collect::<Result<_, _>>()?;
	let filed = match &outcome.withdrawn {
		Some(c) => {
			let filed = cx.chain.file_sample_request(requester, &start, c.root, c.samples, paradigm).await?;
			let stored = cx.chain.sample_withdrawal(filed.id).await?;
			if stored != Some((c.root, c.samples)) {
				return Err(FlowError::Invalid(format!(
					"request {}: the chain stores commitment {stored:?}, not the one sent",
					filed.id
				)));
			}
			(cx.progress)(&format!(
				"{}: request {} withdraws {} samples, committed to by root 0x{}",
				paradigm.label(),
				filed.id,
				c.samples,
				hex::encode(c.root)
			));
			filed
		}
		None => cx.chain.file_request(requester, &start, &un.forget_classes, paradigm).await?,
	};
	(cx.progress)(&format!(
		"{}: request {} affects txs {:?}",
		paradigm.label(),
		filed.id,
		filed.request.affected
	));
	Ok(filed)
}

/// Step 3: the new version of every affected model, in the chain's order, batched per
/// consensus; also the number of affected models left unchanged (update ≤ ε).
fn plan(
	manifest: &DagManifest,
	published: &Published,
	filed: &Filed,
	outcome: &UnlearnOutcome,
	paradigm: Paradigm,
) -> FlowResult<(Vec<Vec<Replacement>>, usize)> {
	let mut plan = Vec::new();
	let mut skipped = 0;
	for &tx in &filed.request.affected {
		let i = *published.model_of.get(&tx).ok_or_else(|| {
			FlowError::Invalid(format!("the chain lists tx {tx}, which this run did not publish"))
		})?;
		let m = &manifest.models[i];
		match outcome.new_cid(&m.id) {
			Some(new) if new != m.cid => plan.push((tx, m.cid, new)),
			_ => skipped += 1,
		}
	}
	let batches = match paradigm {
		Paradigm::Parallel => vec![plan],
		Paradigm::Sequential => plan.into_iter().map(|p| vec![p]).collect(),
	};
	Ok((batches, skipped))
}

/// N^R: the mean number of references of the models `batches` update.
fn mean_refs(dag: &Dag, published: &Published, batches: &[Vec<Replacement>]) -> f64 {
	let refs: Vec<usize> = batches.iter().flatten().map(|(tx, _, _)| dag.parents(published.model_of[tx]).len()).collect();
	if refs.is_empty() {
		0.0
	} else {
		refs.iter().sum::<usize>() as f64 / refs.len() as f64
	}
}

/// Step 4a, C_tran: download the old version (and, sequentially, the references its owner
/// re-aggregates from, at their live versions), upload the new one, archive the old one.
async fn transfer<P: FnMut(&str)>(
	cx: &Context<'_, P>,
	stores: &Stores,
	published: &Published,
	batch: &[Replacement],
	paradigm: Paradigm,
	tran: &mut Tran,
) -> FlowResult<()> {
	for &(tx, old, new) in batch {
		tran.download(&stores.live, &old)?;
		if paradigm == Paradigm::Sequential {
			for p in cx.dag.parents(published.model_of[&tx]) {
				let parent = published.tx_of[p];
				let live = cx.chain.tx(parent).await?.ok_or_else(|| vanished(parent))?;
				tran.download(&stores.live, &live.uri_str().parse()?)?;
			}
		}
		tran.copy(cx.source, &stores.live, &new)?;
		tran.copy(cx.source, &stores.archive, &old)?;
	}
	Ok(())
}

/// Step 4b: each model's **owner** submits its new version (parallel: the owners of the
/// models left unchanged say so), then one redaction proposal; the committee's off-chain
/// workers compute the collisions (one per transaction, one per touched live block) and
/// the runtime applies exactly the owners' URIs.
async fn redact<P: FnMut(&str)>(
	cx: &mut Context<'_, P>,
	filed: &Filed,
	published: &Published,
	batch: &[Replacement],
	report: &mut ParadigmReport,
	touched: &mut BTreeSet<u64>,
) -> FlowResult<()> {
	let owner = |tx: u64| &cx.accounts[&cx.manifest.models[published.model_of[&tx]].owner];
	let mut updates = Vec::new();
	let mut heights = BTreeSet::new();
	for &(tx, _, new) in batch {
		let live = cx.chain.tx(tx).await?.ok_or_else(|| vanished(tx))?;
		updates.push(OwnerUpdate { owner: owner(tx), tx, uri: Some(new.to_string().into_bytes()) });
		heights.insert(live.height);
	}
	if report.paradigm == Paradigm::Parallel.label() {
		let changed: BTreeSet<u64> = batch.iter().map(|(tx, _, _)| *tx).collect();
		for &tx in filed.request.affected.iter().filter(|tx| !changed.contains(tx)) {
			updates.push(OwnerUpdate { owner: owner(tx), tx, uri: None });
		}
	}
	cx.chain.submit_updates(filed.id, updates).await?;
	report.collisions += batch.len() + heights.len();
	touched.extend(heights);
	let signer = requester_of(cx)?;
	let signed = cx.chain.redact_by_threshold(signer, filed.id, COMMITTEE_TIMEOUT).await?;
	report.propose_seconds += signed.proposed_seconds;
	report.round1_seconds += signed.round1_seconds;
	report.round1_blocks += signed.round1_blocks;
	report.c_con_seconds += signed.seconds;
	report.c_con_blocks += signed.blocks;
	report.apply_weight_ref_time += signed.apply_weight_ref_time;
	report.attempts += signed.attempts;
	report.models_updated += batch.len();
	(cx.progress)(&format!(
		"{}: the committee (members {:?}) signed and applied {} update(s) in {:.1} s \
		 ({} blocks; round 1 closed after {} blocks)",
		report.paradigm,
		signed.signers,
		batch.len(),
		signed.seconds,
		signed.blocks,
		signed.round1_blocks
	));
	Ok(())
}

/// The requester's account: the owner of the first start model.
fn requester_of<'c, P: FnMut(&str)>(cx: &'c Context<'_, P>) -> FlowResult<&'c Keypair> {
	let first = &cx.manifest.topology.unlearning.start_models[0];
	Ok(&cx.accounts[&cx.manifest.models[cx.manifest.position(first)?].owner])
}

/// Step 5: the request's final state, every updated model's lineage and live file, and
/// the chain's integrity.
async fn check<P: FnMut(&str)>(
	cx: &mut Context<'_, P>,
	stores: &Stores,
	published: &Published,
	filed: &Filed,
	report: &mut ParadigmReport,
) -> FlowResult<()> {
	let request = filed.id;
	let after = cx.chain.request(request).await?.ok_or_else(|| {
		FlowError::Invalid(format!("request {request} vanished"))
	})?;
	(report.rounds, report.status) = (after.rounds, after.status);
	report.lineage_ok = true;
	report.live_store_ok = true;
	for &tx in &filed.request.affected {
		let live = cx.chain.tx(tx).await?.ok_or_else(|| vanished(tx))?;
		if live.version == 0 {
			continue;
		}
		let cid: Cid = live.uri_str().parse()?;
		report.live_store_ok &= blocking(|| stores.live.get(&cid)).is_ok();
		let original = cx.manifest.models[published.model_of[&tx]].cid.to_string();
		report.lineage_ok &= cx.chain.lineage_holds(tx, &original).await?;
	}
	report.verify_ok = cx.chain.live_chain_intact().await?;
	(cx.progress)(&format!(
		"{}: request {request} {} after {} threshold-signed redaction(s); chain intact: {}",
		report.paradigm, report.status, report.rounds, report.verify_ok
	));
	Ok(())
}

fn vanished(tx: u64) -> FlowError {
	FlowError::Invalid(format!("tx {tx} is not on chain"))
}

/// The cost table of a chain report, then Table II as a prediction.
pub fn cost_table(r: &ChainReport) -> String {
	let mut s = phase_table(r);
	s.push('\n');
	s.push_str(&cost_model::table(&r.calibration, &[("parallel", &r.parallel.table2), ("sequential", &r.sequential.table2)]));
	s
}

/// Measured costs per phase.
fn phase_table(r: &ChainReport) -> String {
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
