//! # A participant: one owner's process
//!
//! A consortium runs one participant per owner. Each holds only its own account key, its
//! own data shard (`blockful-worker partition`) and the model store's address; it talks to
//! the others only through the chain and the store. It follows **finalized** blocks and does
//! its part of the paper's protocol:
//!
//! 1. **Training** (eqs. 2-3): for each copy of the topology's DAG (one per task), it
//!    trains its models in publication order once their references are on chain — the mean
//!    of the references' live versions read from the store, trained on its shard — uploads
//!    each and publishes it (`LiveChain.publish_model`).
//! 2. **Requests**: an owner of start models files, once its copy of the DAG is on chain,
//!    the request of that copy's task for **its own** start models (`--tasks`).
//! 3. **Updates**: on every active request that affects its models it computes and
//!    submits their new versions (`Unlearning.submit_update`): as the requester, gradient
//!    ascent on its own withdrawn samples; as an inherited owner in the parallel paradigm,
//!    eqs. 7-8 from the start models' Δθ (their old and submitted versions in the store,
//!    coefficients from the on-chain references), optionally repaired on its data (`ε`:
//!    `Unchanged`); in the sequential paradigm, once its model's affected parents were
//!    applied, re-aggregated from their new versions and re-trained. With `--fallback` it
//!    also submits, after the owners' window, the public-data update (eqs. 7-8) of an
//!    inherited model whose owner is silent.
//! 4. **Proposals**: whenever a request it takes part in is ready and nothing of it is
//!    queued, it queues the redaction (`Threshold.propose_redaction(request)`); the
//!    committee's off-chain workers do the rest.
//!
//! **Models are named by order**: an owner's k-th published transaction is copy
//! `k / m` of its `k mod m`-th model (m = its number of models), so every participant maps
//! the chain to the topology from the directory of accounts alone. The accounts must be
//! used for nothing else.
//!
//! **Restarts**: the chain holds the truth (what is published, what is submitted); the
//! participant re-derives its position from it and recomputes what was lost (every step is
//! deterministic, so a recomputed model has the same CID). Its log file keeps the measured
//! compute seconds across restarts. A dropped connection is retried.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use blockful_chain_client::{
	connect_with_retry, AccountId32, ChPublicKey, Chain, ChainError, Finalized, Keypair, LiveTx, Paradigm,
	RequestView,
};
use blockful_ml::dag::Dag;
use blockful_ml::owner::{propagated, Owner, Withdrawal};
use blockful_ml::store::{Cid, Stores};
use blockful_ml::weights::Weights;
use serde::{Deserialize, Serialize};

use crate::flow::blocking;

/// How a participant failed; each kind has its own exit code.
#[derive(Debug, thiserror::Error)]
pub enum ParticipantError {
	/// Bad configuration (key, directory, shard, topology): exit code 2.
	#[error("configuration: {0}")]
	Config(String),
	/// The node could not be reached (after retrying): exit code 3.
	#[error("node: {0}")]
	Node(ChainError),
	/// The model store failed: exit code 4.
	#[error("model store: {0}")]
	Store(blockful_ml::WorkerError),
	/// The chain refused something it should not have: exit code 5.
	#[error("chain: {0}")]
	Chain(ChainError),
}

impl ParticipantError {
	/// The process exit code of this failure.
	pub fn exit_code(&self) -> i32 {
		match self {
			ParticipantError::Config(_) => 2,
			ParticipantError::Node(_) => 3,
			ParticipantError::Store(_) => 4,
			ParticipantError::Chain(_) => 5,
		}
	}
}

impl From<ChainError> for ParticipantError {
	fn from(e: ChainError) -> Self {
		match e {
			ChainError::Unreachable { .. } => ParticipantError::Node(e),
			ChainError::Failed { .. } => ParticipantError::Node(e),
			other => ParticipantError::Chain(other),
		}
	}
}

impl From<blockful_ml::WorkerError> for ParticipantError {
	fn from(e: blockful_ml::WorkerError) -> Self {
		ParticipantError::Store(e)
	}
}

type Result<T> = std::result::Result<T, ParticipantError>;

/// Everything one participant needs.
pub struct Setup {
	/// The owner's ML side (topology, shard).
	pub owner: Owner,
	/// Its account key.
	pub signer: Keypair,
	/// Every user's account (`user id → account`), the same file for every participant.
	pub directory: BTreeMap<String, AccountId32>,
	/// The model stores (live, archive).
	pub stores: Stores,
	/// One DAG copy per task: copy i is unlearned under `tasks[i]`.
	pub tasks: Vec<Paradigm>,
	/// Submit silent owners' public-data updates after the owners' window.
	pub fallback: bool,
	/// Repair propagated models on the owner's data (parallel paradigm).
	pub repair: bool,
	/// Node URL.
	pub url: String,
	/// How often to read the finalized block.
	pub poll: Duration,
	/// Where the participant logs what it did (JSON; read back on restart).
	pub log: PathBuf,
	/// Exit once every task's request completed (else run until killed).
	pub exit_when_done: bool,
	/// How long to keep retrying an unreachable node.
	pub reconnect: Duration,
}

/// One model the participant trained and published.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PublishedModel {
	/// DAG copy.
	pub copy: usize,
	/// Model id.
	pub model: String,
	/// Transaction id.
	pub tx: u64,
	/// Its CID.
	pub cid: String,
	/// Seconds aggregating and training.
	pub seconds: f64,
}

/// One update the participant submitted.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SubmittedModel {
	/// Request id.
	pub request: u64,
	/// Transaction id.
	pub tx: u64,
	/// `ascent`, `propagation`, `propagation+repair`, `unchanged`, `retrain`, `fallback`.
	pub kind: String,
	/// The new CID (`None` for unchanged).
	pub cid: Option<String>,
	/// Seconds of ML compute (reading the models included, the chain not).
	pub seconds: f64,
}

/// What a participant did, as written to its log file.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Log {
	/// The user.
	pub user: String,
	/// Models it published.
	pub published: Vec<PublishedModel>,
	/// Updates it submitted (its own, and fallbacks).
	pub submitted: Vec<SubmittedModel>,
	/// Requests it filed: (request id, start models).
	pub filed: Vec<(u64, Vec<u64>)>,
	/// Redactions it queued (request ids).
	pub proposed: Vec<u64>,
	/// Times it was (re)started.
	pub starts: u32,
	/// Peak resident memory in KiB (`VmHWM`), at the last write.
	pub peak_rss_kib: u64,
}

impl Log {
	/// Total ML compute seconds.
	pub fn compute_seconds(&self) -> f64 {
		self.published.iter().map(|p| p.seconds).sum::<f64>() + self.submitted.iter().map(|s| s.seconds).sum::<f64>()
	}
}

/// The chain's models as a participant sees them, cached: transactions never change owner
/// or references.
#[derive(Default)]
struct Ledger {
	txs: Vec<LiveTx>,
	/// Per owner account: its transactions, ascending.
	by_owner: BTreeMap<[u8; 32], Vec<u64>>,
}

impl Ledger {
	async fn sync(&mut self, view: &Finalized) -> Result<()> {
		let next = view.next_tx_id().await?;
		for id in self.txs.len() as u64..next {
			let tx = view.tx(id).await?.ok_or_else(|| ChainError::Invalid(format!("tx {id} vanished")))?;
			self.by_owner.entry(tx.owner.0).or_default().push(id);
			self.txs.push(tx);
		}
		Ok(())
	}

	fn owner(&self, tx: u64) -> Option<[u8; 32]> {
		self.txs.get(tx as usize).map(|t| t.owner.0)
	}
}

/// A running participant.
pub struct Participant {
	setup: Setup,
	chain: Chain,
	key: ChPublicKey,
	ledger: Ledger,
	log: Log,
	me: [u8; 32],
	/// Per user: its models' topology indices in publication order.
	models_of: BTreeMap<String, Vec<usize>>,
	/// What this process already sent (the finalized view lags behind it).
	sent: BTreeSet<(u64, u64)>,
	/// Requests seen closed (they never change again), with their start models.
	closed: BTreeMap<u64, Vec<u64>>,
	/// The finalized block at which this process last queued a request's redaction.
	proposed_at: BTreeMap<u64, u64>,
}

/// Logs a line as the participant.
fn say(user: &str, line: impl AsRef<str>) {
	tracing::info!(target: "participant", "[{user}] {}", line.as_ref());
}

impl Participant {
	/// Checks the configuration, connects and reads the log file of an earlier run.
	pub async fn start(setup: Setup) -> Result<Participant> {
		let user = setup.owner.user().to_string();
		let me = setup.signer.public_key().0;
		match setup.directory.get(&user) {
			Some(a) if a.0 == me => {},
			Some(a) => {
				return Err(ParticipantError::Config(format!(
					"the key given is account {}, but the directory lists {a} for {user}",
					AccountId32::from(me)
				)))
			},
			None => return Err(ParticipantError::Config(format!("the directory has no account for {user}"))),
		}
		let topology = setup.owner.topology();
		for u in &topology.users {
			if !setup.directory.contains_key(&u.id) {
				return Err(ParticipantError::Config(format!("the directory has no account for {}", u.id)));
			}
		}
		if setup.tasks.is_empty() {
			return Err(ParticipantError::Config("no task: --tasks needs at least one paradigm".into()));
		}
		let mut models_of: BTreeMap<String, Vec<usize>> = BTreeMap::new();
		for i in 0..setup.owner.model_count() {
			models_of.entry(setup.owner.node(i).1).or_default().push(i);
		}
		let mut log: Log = match std::fs::read_to_string(&setup.log) {
			Ok(text) => serde_json::from_str(&text)
				.map_err(|e| ParticipantError::Config(format!("log {}: {e}", setup.log.display())))?,
			Err(_) => Log { user: user.clone(), ..Default::default() },
		};
		log.starts += 1;
		let chain = connect_with_retry(&setup.url, setup.reconnect).await.map_err(ParticipantError::Node)?;
		chain.wait_for_committee_key(setup.reconnect).await?;
		let key = ChPublicKey(chain.ch_public_key().await?);
		let sent = log.submitted.iter().map(|s| (s.request, s.tx)).collect();
		say(&user, format!("started (run {}), node {}, {} model(s) per DAG copy, tasks {:?}", log.starts, setup.url,
			models_of.get(&user).map_or(0, |m| m.len()), setup.tasks));
		Ok(Participant {
			setup,
			chain,
			key,
			ledger: Ledger::default(),
			log,
			me,
			models_of,
			sent,
			closed: BTreeMap::new(),
			proposed_at: BTreeMap::new(),
		})
	}

	fn user(&self) -> String {
		self.setup.owner.user().to_string()
	}

	fn save_log(&mut self) -> Result<()> {
		self.log.peak_rss_kib = peak_rss_kib();
		let text = serde_json::to_string_pretty(&self.log).map_err(|e| ParticipantError::Config(e.to_string()))?;
		std::fs::write(&self.setup.log, text)
			.map_err(|e| ParticipantError::Config(format!("writing {}: {e}", self.setup.log.display())))
	}

	/// Runs until done (with `exit_when_done`) or killed; reconnects on a lost node.
	pub async fn run(mut self) -> Result<Log> {
		loop {
			match self.step().await {
				Ok(true) if self.setup.exit_when_done => {
					self.save_log()?;
					say(&self.user(), format!("done: {:.1} s of compute, peak memory {} KiB", self.log.compute_seconds(), self.log.peak_rss_kib));
					return Ok(self.log);
				},
				Ok(_) => {},
				Err(ParticipantError::Node(e)) => {
					say(&self.user(), format!("lost the node ({e}); reconnecting"));
					self.chain = connect_with_retry(&self.setup.url, self.setup.reconnect).await.map_err(ParticipantError::Node)?;
				},
				Err(e) => return Err(e),
			}
			tokio::time::sleep(self.setup.poll).await;
		}
	}

	/// One pass over the finalized state; true once every task's request completed.
	async fn step(&mut self) -> Result<bool> {
		let view = self.chain.finalized().await?;
		// Something this account sent is not final yet (also one sent before a restart):
		// act only on a state that includes it, so nothing is done twice.
		let me = AccountId32::from(self.me);
		if self.chain.next_nonce(&me).await? > view.account_nonce(&me).await? {
			return Ok(false);
		}
		self.ledger.sync(&view).await?;
		if self.publish_next(&view).await? {
			return Ok(false);
		}
		self.file_requests(&view).await?;
		let done = self.serve_requests(&view).await?;
		Ok(done)
	}

	/// The account of `user`.
	fn account(&self, user: &str) -> [u8; 32] {
		self.setup.directory.get(user).map(|a| a.0).unwrap_or_default()
	}

	/// The tx of copy `copy` of topology model `model`, if published.
	fn tx_of(&self, copy: usize, model: usize) -> Option<u64> {
		let owner = self.setup.owner.node(model).1;
		let list = self.models_of.get(&owner)?;
		let k = list.iter().position(|m| *m == model)?;
		self.ledger.by_owner.get(&self.account(&owner))?.get(copy * list.len() + k).copied()
	}

	/// The index of the model with id `id`.
	fn model_by_id(&self, id: &str) -> Option<usize> {
		(0..self.setup.owner.model_count()).find(|i| self.setup.owner.node(*i).0 == id)
	}

	/// (copy, model) of a transaction of the DAG copies.
	fn model_of(&self, tx: u64) -> Option<(usize, usize)> {
		let owner = self.ledger.owner(tx)?;
		let list = self.models_of.iter().find(|(u, _)| self.account(u) == owner)?.1;
		let k = self.ledger.by_owner.get(&owner)?.iter().position(|t| *t == tx)?;
		Some((k / list.len(), list[k % list.len()]))
	}

	fn weights_of(&self, tx: &LiveTx) -> Result<Weights> {
		self.weights_at(&tx.uri)
	}

	fn weights_at(&self, uri: &[u8]) -> Result<Weights> {
		let cid: Cid = String::from_utf8_lossy(uri).parse()?;
		let stores = &self.setup.stores;
		Ok(blocking(|| stores.get_weights(&cid))?)
	}

	fn upload(&self, w: &Weights) -> Result<Cid> {
		let stores = &self.setup.stores;
		Ok(blocking(|| stores.publish(w))?)
	}

	/// Step 1: trains and publishes the next of its models whose references are all on
	/// chain (one per pass); true if it published one.
	async fn publish_next(&mut self, view: &Finalized) -> Result<bool> {
		let mine = self.models_of.get(&self.user()).cloned().unwrap_or_default();
		let published = self.ledger.by_owner.get(&self.me).map_or(0, |v| v.len());
		let total = mine.len() * self.setup.tasks.len();
		if published >= total {
			return Ok(false);
		}
		let (copy, model) = (published / mine.len(), mine[published % mine.len()]);
		let (id, _) = self.setup.owner.node(model);
		let t = Instant::now();
		let refs: Vec<u64> = match self.setup.owner.fixed_refs(model) {
			Some(fixed) => {
				let mut refs = Vec::new();
				for r in fixed {
					match self.tx_of(copy, r) {
						Some(tx) => refs.push(tx),
						None => return Ok(false),
					}
				}
				refs
			},
			None => {
				// Organic (eq. 1): every earlier model of the copy must be on chain; score
				// the K candidates on the owner's local test data, reference the top N.
				if (0..model).any(|m| self.tx_of(copy, m).is_none()) {
					return Ok(false);
				}
				let mut scored = Vec::new();
				for c in self.setup.owner.organic_candidates(model).unwrap_or_default() {
					let tx = self.tx_of(copy, c).unwrap_or_default();
					let w = self.weights_of(&self.current(view, tx).await?)?;
					scored.push((c, self.setup.owner.local_accuracy(&w)?));
				}
				let picked = self.setup.owner.organic_refs(scored);
				picked.iter().filter_map(|c| self.tx_of(copy, *c)).collect()
			},
		};
		let parents = refs.iter().map(|r| self.weights_of(&self.ledger.txs[*r as usize])).collect::<Result<Vec<_>>>()?;
		let w = self.setup.owner.train(model, &parents)?;
		let seconds = t.elapsed().as_secs_f64();
		let cid = self.upload(&w)?;
		let tx = self.chain.publish_model(&self.setup.signer, &cid.to_string(), &refs, &self.key).await?;
		say(&self.user(), format!("copy {copy}: trained {id} in {seconds:.1} s, published as tx {tx} (refs {refs:?})"));
		self.log.published.push(PublishedModel { copy, model: id, tx, cid: cid.to_string(), seconds });
		self.save_log()?;
		self.wait_final(view.number, |v| v.ledger_has(tx)).await?;
		Ok(true)
	}

	/// Waits until a finalized block after `after` satisfies `ready` (what this process
	/// sent is then part of the state it reads).
	async fn wait_final(&self, after: u64, ready: impl Fn(&FinalCheck) -> bool) -> Result<()> {
		let start = Instant::now();
		loop {
			let view = self.chain.finalized().await?;
			let check = FinalCheck { next_tx: view.next_tx_id().await? };
			if view.number > after && ready(&check) {
				return Ok(());
			}
			if start.elapsed() > Duration::from_secs(120) {
				return Err(ParticipantError::Node(ChainError::Failed {
					what: "waiting for finality".into(),
					reason: "nothing finalized for 120 s".into(),
				}));
			}
			tokio::time::sleep(self.setup.poll).await;
		}
	}

	/// Step 2: as an owner of start models, files each task's request for its own start
	/// models of that copy, once the copy is entirely on chain.
	async fn file_requests(&mut self, view: &Finalized) -> Result<()> {
		let topology = self.setup.owner.topology().clone();
		let user = self.user();
		let my_starts: Vec<usize> = topology
			.unlearning
			.start_models
			.iter()
			.filter_map(|id| self.model_by_id(id))
			.filter(|i| self.setup.owner.node(*i).1 == user)
			.collect();
		if my_starts.is_empty() {
			return Ok(());
		}
		let next = view.next_request_id().await?;
		for (copy, paradigm) in self.setup.tasks.clone().into_iter().enumerate() {
			if (0..self.setup.owner.model_count()).any(|m| self.tx_of(copy, m).is_none()) {
				continue;
			}
			let start: Vec<u64> = my_starts.iter().filter_map(|m| self.tx_of(copy, *m)).collect();
			let mut filed = false;
			for id in 0..next {
				if let Some(r) = view.request(id).await? {
					filed |= r.requester.0 == self.me && r.start == start;
				}
			}
			if filed || self.log.filed.iter().any(|(_, s)| *s == start) {
				continue;
			}
			let id = match self.setup.owner.commitment() {
				// A sample-level request: the commitment to this owner's withdrawn samples.
				Some(c) if topology.unlearning.is_sample_level() => {
					self.chain.request_sample_unlearning(&self.setup.signer, &start, c.root, c.samples, paradigm).await?
				}
				None if topology.unlearning.is_sample_level() => {
					return Err(ParticipantError::Config(format!(
						"{user}: the request withdraws samples, but this owner's shard marks none (partition it again)"
					)))
				}
				_ => {
					self.chain
						.request_unlearning(&self.setup.signer, &start, &topology.unlearning.forget_classes, paradigm)
						.await?
				}
			};
			say(&user, format!("copy {copy}: filed {} request {id} for my start models {start:?}", paradigm.label()));
			self.log.filed.push((id, start));
			self.save_log()?;
		}
		Ok(())
	}

	/// Steps 3-4 on every request; true once every task's request finished (and every
	/// model of this owner is published).
	async fn serve_requests(&mut self, view: &Finalized) -> Result<bool> {
		let next = view.next_request_id().await?;
		for id in 0..next {
			if self.closed.contains_key(&id) {
				continue;
			}
			let Some(r) = view.request(id).await? else { continue };
			if !r.is_active() {
				if !matches!(r.status.as_str(), "Waiting" | "Computing") {
					if r.status != "Completed" && self.involved(&r) {
						say(&self.user(), format!("request {id} ended {} (not completed)", r.status));
					}
					self.closed.insert(id, r.start.clone());
				}
				continue;
			}
			if self.involved(&r) {
				self.serve(view, &r).await?;
			}
		}
		let mine = self.models_of.get(&self.user()).map_or(0, |m| m.len()) * self.setup.tasks.len();
		if self.ledger.by_owner.get(&self.me).map_or(0, |v| v.len()) < mine {
			return Ok(false);
		}
		let topology = self.setup.owner.topology();
		let finished: BTreeSet<u64> = self.closed.values().flatten().copied().collect();
		for copy in 0..self.setup.tasks.len() {
			for id in &topology.unlearning.start_models {
				let Some(m) = self.model_by_id(id) else { continue };
				match self.tx_of(copy, m) {
					Some(tx) if finished.contains(&tx) => {},
					_ => return Ok(false),
				}
			}
		}
		Ok(true)
	}

	/// Whether this participant has something to do for `r`: one of its models is affected,
	/// or it stands in for silent owners.
	fn involved(&self, r: &RequestView) -> bool {
		self.setup.fallback || r.affected.iter().any(|t| self.ledger.owner(*t) == Some(self.me))
	}

	/// Computes and submits what it can for `r`, then queues the redaction if it is ready.
	async fn serve(&mut self, view: &Finalized, r: &RequestView) -> Result<()> {
		let mut starts_submitted = true;
		let mut submitted = BTreeMap::new();
		for tx in &r.affected {
			if let Some(u) = view.update(r.id, *tx).await? {
				submitted.insert(*tx, u.0);
			} else if r.start.contains(tx) {
				starts_submitted = false;
			}
		}
		for &tx in &r.affected {
			if submitted.contains_key(&tx) || self.sent.contains(&(r.id, tx)) {
				continue;
			}
			let mine = self.ledger.owner(tx) == Some(self.me);
			let is_start = r.start.contains(&tx);
			let t = Instant::now();
			let computed = match r.paradigm {
				Paradigm::Parallel if mine && is_start => Some(self.ascend(view, r, tx).await?),
				Paradigm::Parallel if starts_submitted && !is_start && mine => {
					Some(self.propagate(view, r, tx, &submitted, self.setup.repair).await?)
				},
				Paradigm::Parallel
					if starts_submitted
						&& !is_start && self.setup.fallback
						&& r.fallback_from.is_some_and(|f| view.number >= f) =>
				{
					let (w, _) = self.propagate(view, r, tx, &submitted, false).await?;
					Some((w.or(Some(self.weights_of(&self.current(view, tx).await?)?)), "fallback"))
				},
				Paradigm::Sequential if mine && self.parents_done(r, tx) => Some(self.retrain(view, r, tx).await?),
				_ => None,
			};
			let Some((weights, kind)) = computed else { continue };
			let seconds = t.elapsed().as_secs_f64();
			let cid = weights.as_ref().map(|w| self.upload(w)).transpose()?;
			let uri = cid.map(|c| c.to_string().into_bytes());
			match self.chain.submit_update(&self.setup.signer, r.id, tx, uri).await {
				Ok((fallback, block)) => say(&self.user(), format!(
					"request {}: submitted {kind} update of tx {tx} ({}) in #{block} after {seconds:.1} s of compute{}",
					r.id,
					cid.map_or("unchanged".into(), |c| c.to_string()),
					if fallback { ", as a fallback for its silent owner" } else { "" }
				)),
				Err(ChainError::Rejected { reason, .. }) => {
					say(&self.user(), format!("request {}: the update of tx {tx} was refused: {reason}", r.id));
				},
				Err(e) => return Err(e.into()),
			}
			self.sent.insert((r.id, tx));
			self.log.submitted.push(SubmittedModel { request: r.id, tx, kind: kind.into(), cid: cid.map(|c| c.to_string()), seconds });
			self.save_log()?;
			self.propose(view, r).await?;
		}
		if self.ready_unqueued(view, r, &submitted).await? {
			self.propose(view, r).await?;
		}
		Ok(())
	}

	/// Whether a redaction of `r` is ready, this participant is the one to queue it (the
	/// requester in the parallel paradigm, the model's owner in the sequential one) and no
	/// proposal holds it.
	async fn ready_unqueued(&self, view: &Finalized, r: &RequestView, submitted: &BTreeMap<u64, Option<Vec<u8>>>) -> Result<bool> {
		let ready = match r.paradigm {
			Paradigm::Parallel => r.requester.0 == self.me && submitted.len() == r.affected.len(),
			Paradigm::Sequential => submitted.iter().any(|(tx, uri)| {
				uri.is_some() && !r.done.contains(tx) && self.ledger.owner(*tx) == Some(self.me) && self.parents_done(r, *tx)
			}),
		};
		if !ready {
			return Ok(false);
		}
		let queued = view.queued_for(r.id).await?;
		Ok(match r.paradigm {
			Paradigm::Parallel => queued.is_empty(),
			Paradigm::Sequential => submitted.keys().any(|tx| {
				!r.done.contains(tx) && !queued.contains(tx) && self.ledger.owner(*tx) == Some(self.me) && self.parents_done(r, *tx)
			}),
		})
	}

	/// Queues `r`'s next redaction, at most once per finalized block; a refusal (already
	/// queued, not ready yet) is logged, not fatal.
	async fn propose(&mut self, view: &Finalized, r: &RequestView) -> Result<()> {
		if self.proposed_at.get(&r.id).is_some_and(|at| view.number <= at + 2) {
			return Ok(());
		}
		self.proposed_at.insert(r.id, view.number);
		match self.chain.propose_redaction(&self.setup.signer, r.id).await {
			Ok((proposal, block)) => {
				say(&self.user(), format!("request {}: queued redaction proposal {proposal} in #{block}", r.id));
				self.log.proposed.push(r.id);
				self.save_log()?;
			},
			Err(ChainError::Rejected { reason, .. }) => {
				tracing::debug!(target: "participant", "request {}: proposal refused: {reason}", r.id);
			},
			Err(e) => return Err(e.into()),
		}
		Ok(())
	}

	fn parents_done(&self, r: &RequestView, tx: u64) -> bool {
		self.ledger.txs[tx as usize].refs.iter().filter(|p| r.affected.contains(p)).all(|p| r.done.contains(p))
	}

	async fn current(&self, view: &Finalized, tx: u64) -> Result<LiveTx> {
		Ok(view.tx(tx).await?.ok_or_else(|| ChainError::Invalid(format!("tx {tx} vanished")))?)
	}

	fn model_index(&self, tx: u64) -> Result<usize> {
		self.model_of(tx)
			.map(|(_, m)| m)
			.ok_or_else(|| ParticipantError::Config(format!("tx {tx} is not a model of the topology's DAG copies")))
	}

	/// The requester's start model: gradient ascent on its own withdrawn samples.
	async fn ascend(&self, view: &Finalized, r: &RequestView, tx: u64) -> Result<(Option<Weights>, &'static str)> {
		let old = self.weights_of(&self.current(view, tx).await?)?;
		let (w, steps) = self.setup.owner.ascend(self.model_index(tx)?, &old, Withdrawal::of_request(&r.classes))?;
		tracing::debug!(target: "participant", "ascent on tx {tx}: {steps} steps");
		Ok((Some(w), "ascent"))
	}

	/// Eqs. 7-8 for inherited model `tx` from the start models' old and submitted
	/// versions; `None` when the update is at most ε (and no repair is asked for).
	async fn propagate(
		&self,
		view: &Finalized,
		r: &RequestView,
		tx: u64,
		submitted: &BTreeMap<u64, Option<Vec<u8>>>,
		repair: bool,
	) -> Result<(Option<Weights>, &'static str)> {
		let parents: Vec<Vec<usize>> =
			self.ledger.txs.iter().map(|t| t.refs.iter().map(|p| *p as usize).collect()).collect();
		let dag = Dag::new(parents)?;
		let starts: Vec<usize> = r.start.iter().map(|s| *s as usize).collect();
		let mut deltas = Vec::new();
		for &s in &r.start {
			let new_uri = submitted.get(&s).cloned().flatten().ok_or_else(|| {
				ChainError::Invalid(format!("start model {s} of request {} has no new version", r.id))
			})?;
			let old = self.weights_of(&self.current(view, s).await?)?;
			let new = self.weights_at(&new_uri)?;
			let c = dag.coefficients_avoiding(s as usize, &starts)?[tx as usize];
			deltas.push((c, self.setup.owner.delta(&old, &new)?));
		}
		let old = self.weights_of(&self.current(view, tx).await?)?;
		let alpha = self.setup.owner.topology().unlearning.alpha;
		let refs: Vec<(f64, &Weights)> = deltas.iter().map(|(c, d)| (*c, d)).collect();
		let (w, norm) = propagated(&old, &refs, alpha)?;
		if repair {
			let requester = r.requester.0 == self.me;
			let repaired = self.setup.owner.repair(self.model_index(tx)?, &w, Withdrawal::of_request(&r.classes), requester)?;
			return Ok((Some(repaired), "propagation+repair"));
		}
		if norm <= self.setup.owner.topology().unlearning.epsilon {
			return Ok((None, "unchanged"));
		}
		Ok((Some(w), "propagation"))
	}

	/// Sequential: re-aggregated from the references' applied versions, re-trained.
	async fn retrain(&self, view: &Finalized, r: &RequestView, tx: u64) -> Result<(Option<Weights>, &'static str)> {
		let mut parents = Vec::new();
		for p in &self.ledger.txs[tx as usize].refs {
			parents.push(self.weights_of(&self.current(view, *p).await?)?);
		}
		let requester = r.requester.0 == self.me;
		let w = self.setup.owner.retrain(self.model_index(tx)?, &parents, Withdrawal::of_request(&r.classes), requester)?;
		Ok((Some(w), "retrain"))
	}
}

/// What [`Participant::wait_final`] checks.
struct FinalCheck {
	next_tx: u64,
}

impl FinalCheck {
	fn ledger_has(&self, tx: u64) -> bool {
		self.next_tx > tx
	}
}

/// Peak resident memory of this process in KiB (`VmHWM` in `/proc/self/status`).
pub fn peak_rss_kib() -> u64 {
	std::fs::read_to_string("/proc/self/status")
		.ok()
		.and_then(|s| {
			s.lines()
				.find(|l| l.starts_with("VmHWM:"))
				.and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
		})
		.unwrap_or(0)
}
