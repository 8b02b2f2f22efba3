//! # Chain client
//!
//! Talks to a BlockFUL node through [`subxt`] with **dynamic** calls and storage reads:
//! call and storage names are checked against the metadata the node serves at run time,
//! and values are encoded and decoded by name through `scale-encode` / `scale-decode`.
//! Dynamic access was chosen over generated code so that the worker never carries a
//! second, possibly stale, copy of the runtime's metadata: a renamed call or field is a
//! clear run-time error naming the call, not a silent mismatch.
//!
//! What it offers: reading the live chain (`LiveChain.ChPublicKey`, `LiveChain.Txs`,
//! `LiveChain.Blocks`), publishing models, filing unlearning requests, proposing a
//! redaction that the committee's off-chain workers sign (`Threshold.propose_redaction`,
//! then following its rounds to `Threshold.RedactionApplied`) and the `blockful_*` RPC
//! methods. It holds no trapdoor and no committee key: collisions exist only as the
//! committee's threshold signatures.

use std::time::{Duration, Instant};

use scale_decode::DecodeAsType;
use scale_encode::EncodeAsType;
use scale_value::{At, Value};
use subxt::{
	config::PolkadotConfig,
	dynamic,
	rpcs::client::{rpc_params, RpcClient},
	utils::AccountId32,
	OnlineClient,
};
use subxt_signer::sr25519::Keypair;

/// Errors of the chain client; every one says what was attempted.
#[derive(Debug, thiserror::Error)]
pub enum ChainError {
	/// The node could not be reached.
	#[error("cannot reach the node at {url}: {reason} (is `blockful-node` running? start one with `blockful-node --dev`)")]
	Unreachable {
		/// The URL tried.
		url: String,
		/// Why it failed.
		reason: String,
	},
	/// A call, storage read or RPC failed.
	#[error("{what}: {reason}")]
	Failed {
		/// What was attempted.
		what: String,
		/// Why it failed.
		reason: String,
	},
	/// A transaction was included but its dispatch failed.
	#[error("{what} was rejected by the runtime: {reason}")]
	Rejected {
		/// What was attempted.
		what: String,
		/// The runtime's error.
		reason: String,
	},
	/// The chain holds something the worker cannot accept.
	#[error("{0}")]
	Invalid(String),
}

/// Result of the chain client.
pub type ChainResult<T> = Result<T, ChainError>;

fn failed(what: impl Into<String>) -> impl FnOnce(String) -> ChainError {
	let what = what.into();
	move |reason| ChainError::Failed { what, reason }
}

/// A 64-byte chameleon-hash randomness `R ‖ s`, as the runtime's `ChRandomness`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EncodeAsType, DecodeAsType)]
#[encode_as_type(crate_path = "scale_encode")]
#[decode_as_type(crate_path = "scale_decode")]
pub struct ChRand(pub [u8; 64]);

/// A 32-byte chameleon-hash check value, as the runtime's `ChCheck`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EncodeAsType, DecodeAsType)]
#[encode_as_type(crate_path = "scale_encode")]
#[decode_as_type(crate_path = "scale_decode")]
pub struct ChCheckBytes(pub [u8; 32]);

/// A model transaction of the live chain as read from `LiveChain.Txs`.
#[derive(Clone, Debug, DecodeAsType)]
#[decode_as_type(crate_path = "scale_decode")]
pub struct LiveTx {
	/// Publisher.
	pub owner: AccountId32,
	/// Current model URI (CID bytes).
	pub uri: Vec<u8>,
	/// Referenced transaction ids.
	pub refs: Vec<u64>,
	/// Check value (never changes).
	pub ch: ChCheckBytes,
	/// Current randomness.
	pub rand: ChRand,
	/// Redactions so far.
	pub version: u32,
	/// Live block holding it.
	pub height: u64,
}

impl LiveTx {
	/// The URI as text.
	pub fn uri_str(&self) -> String {
		String::from_utf8_lossy(&self.uri).into_owned()
	}
}

/// A live-block header as read from `LiveChain.Blocks`.
#[derive(Clone, Debug, DecodeAsType)]
#[decode_as_type(crate_path = "scale_decode")]
pub struct LiveHeader {
	/// Check value binding SCALE `(height, version)`.
	pub ch_curr: ChCheckBytes,
	/// Current header randomness.
	pub r_curr: ChRand,
	/// Header version.
	pub version: u32,
}

/// One model replacement of a `Threshold.propose_redaction`.
#[derive(Clone, Debug, EncodeAsType)]
#[encode_as_type(crate_path = "scale_encode")]
pub struct ProposedUpdate {
	/// Transaction id.
	pub tx: u64,
	/// URI of the unlearned model.
	pub uri: Vec<u8>,
}

/// What one threshold redaction cost, phase by phase (measured on the chain).
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct ThresholdOutcome {
	/// Proposal id.
	pub proposal: u64,
	/// Seconds from submitting the proposal to its inclusion.
	pub proposed_seconds: f64,
	/// Blocks from the proposal's block to round 1 closing (`SignersChosen`).
	pub round1_blocks: u64,
	/// Seconds from submitting to round 1 closing.
	pub round1_seconds: f64,
	/// Blocks from the proposal's block to the applied redaction.
	pub blocks: u64,
	/// Seconds from submitting to the applied redaction (in a best block).
	pub seconds: f64,
	/// Signing attempts (1 = no restart).
	pub attempts: u32,
	/// Rounds restarted (timeouts, cheaters).
	pub restarts: u32,
	/// The members whose partial shares made the collisions.
	pub signers: Vec<u16>,
	/// Reference time (ps) charged for the member message that completed the shares: it
	/// verified them, aggregated every collision and applied the redaction.
	pub apply_weight_ref_time: u128,
}

/// The unlearning paradigm, as the runtime's `Paradigm`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EncodeAsType, DecodeAsType, serde::Serialize)]
#[encode_as_type(crate_path = "scale_encode")]
#[decode_as_type(crate_path = "scale_decode")]
pub enum Paradigm {
	/// Gradient ascent, one motion.
	Parallel,
	/// Re-training, one motion per model.
	Sequential,
}

/// An unlearning request as read from `Unlearning.Requests`.
#[derive(Clone, Debug)]
pub struct Request {
	/// Affected transaction ids in topological order.
	pub affected: Vec<u64>,
	/// Already updated.
	pub done: Vec<u64>,
	/// Status variant name (`Pending`, `InProgress`, `Completed`).
	pub status: String,
	/// Committee motions so far.
	pub rounds: u32,
}

/// Field `name` of a decoded event, whether it decoded as a composite of its fields or as
/// the event's variant.
fn field<'a>(v: &'a Value, name: &str) -> Option<&'a Value> {
	if let Some(x) = v.at(name) {
		return Some(x);
	}
	match &v.value {
		// `RuntimeEvent::Pallet(Event::Name { .. })`: descend through the outer variant.
		scale_value::ValueDef::Variant(var) => match &var.values {
			scale_value::Composite::Named(fields) =>
				fields.iter().find(|(n, _)| n == name).map(|(_, x)| x),
			scale_value::Composite::Unnamed(values) => match values.as_slice() {
				[inner] => field(inner, name),
				_ => None,
			},
		},
		_ => None,
	}
}


/// What one committee motion cost.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct MotionOutcome {
	/// Seconds from submitting the proposal to the finalized `close`.
	pub seconds: f64,
	/// Blocks from the proposal's block to the close's block.
	pub blocks: u64,
	/// Encoded length of the proposed call in bytes.
	pub call_bytes: usize,
	/// Reference time (ps) the runtime charged for the `close` that executed the call.
	pub weight_ref_time: u128,
}

/// A connection to a BlockFUL node.
pub struct Chain {
	api: OnlineClient<PolkadotConfig>,
	rpc: RpcClient,
	url: String,
}

impl Chain {
	/// Connects to `url` (e.g. `ws://127.0.0.1:9944`).
	pub async fn connect(url: &str) -> ChainResult<Self> {
		let unreachable = |reason: String| ChainError::Unreachable { url: url.to_string(), reason };
		let rpc =
			RpcClient::from_insecure_url(url).await.map_err(|e| unreachable(e.to_string()))?;
		let api = OnlineClient::<PolkadotConfig>::from_rpc_client(rpc.clone())
			.await
			.map_err(|e| unreachable(e.to_string()))?;
		Ok(Self { api, rpc, url: url.to_string() })
	}

	/// The node URL.
	pub fn url(&self) -> &str {
		&self.url
	}

	async fn fetch<K, V>(&self, pallet: &str, entry: &str, key: K) -> ChainResult<Option<V>>
	where
		K: subxt::ext::frame_decode::storage::IntoEncodableValues
			+ subxt::ext::frame_decode::storage::IntoDecodableValues,
		V: DecodeAsType,
	{
		let what = format!("reading {pallet}.{entry}");
		let at = self.at_best().await.map_err(|e| failed(&what)(e.to_string()))?;
		let addr = dynamic::storage::<K, V>(pallet, entry);
		let value =
			at.storage().try_fetch(addr, key).await.map_err(|e| failed(&what)(e.to_string()))?;
		value.map(|v| v.decode().map_err(|e| failed(&what)(e.to_string()))).transpose()
	}

	/// `LiveChain.ChPublicKey`.
	pub async fn ch_public_key(&self) -> ChainResult<[u8; 32]> {
		let key: Option<ChCheckBytes> = self.fetch("LiveChain", "ChPublicKey", ()).await?;
		key.map(|k| k.0).ok_or_else(|| {
			ChainError::Invalid(
				"the chain has no chameleon-hash public key (LiveChain.ChPublicKey)".into(),
			)
		})
	}

	/// `LiveChain.Txs(id)`.
	pub async fn tx(&self, id: u64) -> ChainResult<Option<LiveTx>> {
		self.fetch("LiveChain", "Txs", (id,)).await
	}

	/// `LiveChain.Blocks(height)`.
	pub async fn block(&self, height: u64) -> ChainResult<Option<LiveHeader>> {
		self.fetch("LiveChain", "Blocks", (height,)).await
	}

	/// `LiveChain.NextTxId`.
	pub async fn next_tx_id(&self) -> ChainResult<u64> {
		Ok(self.fetch::<_, u64>("LiveChain", "NextTxId", ()).await?.unwrap_or(0))
	}

	/// Committee members (`Committee.Members`).
	pub async fn committee(&self) -> ChainResult<Vec<AccountId32>> {
		Ok(self.fetch("Committee", "Members", ()).await?.unwrap_or_default())
	}

	/// `Unlearning.Requests(id)`.
	pub async fn request(&self, id: u64) -> ChainResult<Option<Request>> {
		let v: Option<Value> = self.fetch("Unlearning", "Requests", (id,)).await?;
		let Some(v) = v else { return Ok(None) };
		let ids = |field: &str| -> ChainResult<Vec<u64>> {
			let mut list = v
				.at(field)
				.ok_or_else(|| ChainError::Invalid(format!("request {id} has no field {field}")))?;
			// A BoundedVec decodes as a one-field composite around the sequence.
			while let scale_value::ValueDef::Composite(scale_value::Composite::Unnamed(inner)) = &list.value {
				match inner.as_slice() {
					[only] if matches!(only.value, scale_value::ValueDef::Composite(_)) => list = only,
					_ => break,
				}
			}
			let mut out = Vec::new();
			let mut i = 0;
			while let Some(x) = list.at(i) {
				out.push(x.as_u128().ok_or_else(|| {
					ChainError::Invalid(format!("request {id}: {field}[{i}] is not a number"))
				})? as u64);
				i += 1;
			}
			Ok(out)
		};
		let status = match v.at("status").map(|s| &s.value) {
			Some(scale_value::ValueDef::Variant(var)) => var.name.clone(),
			_ => return Err(ChainError::Invalid(format!("request {id} has no status"))),
		};
		let rounds = v.at("rounds").and_then(|r| r.as_u128()).unwrap_or(0) as u32;
		Ok(Some(Request { affected: ids("affected")?, done: ids("done")?, status, rounds }))
	}

	/// Signs, submits and waits for `call` to be included and succeed; returns its events.
	async fn submit<Call: subxt::transactions::Payload>(
		&self,
		what: &str,
		call: &Call,
		signer: &Keypair,
		finalized: bool,
	) -> ChainResult<(subxt::extrinsics::ExtrinsicEvents<PolkadotConfig>, subxt::utils::H256)> {
		let at = self.at_best().await.map_err(|e| failed(what)(e.to_string()))?;
		// The nonce comes from the node's pool-aware RPC: the client's view is the finalized
		// block, which lags behind transactions already in best blocks.
		let nonce = self.next_nonce(&signer.public_key().into()).await?;
		let params = subxt::config::polkadot::PolkadotExtrinsicParamsBuilder::<PolkadotConfig>::new()
			.nonce(nonce)
			.build();
		let progress = at
			.transactions()
			.sign_and_submit_then_watch(call, signer, params)
			.await
			.map_err(|e| failed(what)(e.to_string()))?;
		await_inclusion(what, progress, finalized).await
	}

	/// A client view at the best block. subxt's `at_current_block` is the last *finalized*
	/// block, which lags behind what this worker has just submitted.
	async fn at_best(
		&self,
	) -> Result<
		subxt::client::ClientAtBlock<PolkadotConfig, subxt::client::OnlineClientAtBlockImpl<PolkadotConfig>>,
		subxt::error::OnlineClientAtBlockError,
	> {
		match self.header_number(None).await.ok() {
			Some(n) => self.api.at_block(n).await,
			None => self.api.at_current_block().await,
		}
	}

	/// The next nonce of `who`, counting transactions in the pool (`system_accountNextIndex`).
	pub async fn next_nonce(&self, who: &AccountId32) -> ChainResult<u64> {
		self.rpc
			.request::<u64>("system_accountNextIndex", rpc_params![who.to_string()])
			.await
			.map_err(|e| failed(format!("reading the nonce of {who}"))(e.to_string()))
	}

	/// The number of block `hash`, or of the best block without one (`chain_getHeader`).
	async fn header_number(&self, hash: Option<subxt::utils::H256>) -> ChainResult<u64> {
		let header: serde_json::Value = self
			.rpc
			.request("chain_getHeader", rpc_params![hash])
			.await
			.map_err(|e| failed("chain_getHeader")(e.to_string()))?;
		header
			.get("number")
			.and_then(|n| n.as_str())
			.and_then(|n| u64::from_str_radix(n.trim_start_matches("0x"), 16).ok())
			.ok_or_else(|| ChainError::Invalid(format!("header of {hash:?} has no number")))
	}

	async fn block_number(&self, hash: subxt::utils::H256) -> ChainResult<u64> {
		self.header_number(Some(hash)).await
	}

	/// Transfers `amount` from `funder` to each of `to` (nonces assigned here, so all
	/// transfers travel together) and waits until every one is in a block.
	pub async fn fund(&self, funder: &Keypair, to: &[&Keypair], amount: u128) -> ChainResult<()> {
		let funder_id: AccountId32 = funder.public_key().into();
		let at = self.at_best().await.map_err(|e| failed("reading the best block")(e.to_string()))?;
		let first = self.next_nonce(&funder_id).await?;
		let mut progress = Vec::new();
		for (i, k) in to.iter().enumerate() {
			let dest: AccountId32 = k.public_key().into();
			let call = dynamic::tx(
				"Balances",
				"transfer_keep_alive",
				(subxt::utils::MultiAddress::<AccountId32, ()>::Id(dest.clone()), amount),
			);
			let params = subxt::config::polkadot::PolkadotExtrinsicParamsBuilder::<PolkadotConfig>::new()
				.nonce(first + i as u64)
				.build();
			let p = at
				.transactions()
				.sign_and_submit_then_watch(&call, funder, params)
				.await
				.map_err(|e| failed(format!("funding {dest}"))(e.to_string()))?;
			progress.push((dest, p));
		}
		for (dest, p) in progress {
			await_inclusion(&format!("funding {dest}"), p, false).await?;
		}
		Ok(())
	}

	/// `LiveChain.publish_model`; returns the new transaction id.
	pub async fn publish_model(
		&self,
		signer: &Keypair,
		uri: &str,
		refs: &[u64],
		ch: [u8; 32],
		rand: [u8; 64],
	) -> ChainResult<u64> {
		let call = dynamic::tx(
			"LiveChain",
			"publish_model",
			(uri.as_bytes().to_vec(), refs.to_vec(), ChCheckBytes(ch), ChRand(rand)),
		);
		let what = format!("publishing {uri}");
		let (events, _) = self.submit(&what, &call, signer, false).await?;
		for ev in events.iter() {
			let ev = ev.map_err(|e| failed(&what)(e.to_string()))?;
			if ev.pallet_name() == "LiveChain" && ev.event_name() == "ModelPublished" {
				let v: Value = ev.decode_as().map_err(|e| failed(&what)(e.to_string()))?;
				return field(&v, "tx")
					.and_then(|t| t.as_u128())
					.map(|t| t as u64)
					.ok_or_else(|| ChainError::Invalid(format!("ModelPublished without a tx id: {v}")));
			}
		}
		Err(ChainError::Invalid(format!("{what}: no ModelPublished event")))
	}

	/// `Unlearning.request_unlearning`; returns the request id.
	pub async fn request_unlearning(
		&self,
		signer: &Keypair,
		start: &[u64],
		classes: &[u8],
		paradigm: Paradigm,
	) -> ChainResult<u64> {
		let call = dynamic::tx(
			"Unlearning",
			"request_unlearning",
			(start.to_vec(), classes.to_vec(), paradigm),
		);
		let what = format!("requesting unlearning of {classes:?} from {start:?}");
		let (events, _) = self.submit(&what, &call, signer, false).await?;
		for ev in events.iter() {
			let ev = ev.map_err(|e| failed(&what)(e.to_string()))?;
			if ev.pallet_name() == "Unlearning" && ev.event_name() == "UnlearningRequested" {
				let v: Value = ev.decode_as().map_err(|e| failed(&what)(e.to_string()))?;
				if let Some(id) = field(&v, "id").and_then(|t| t.as_u128()) {
					return Ok(id as u64);
				}
			}
		}
		Err(ChainError::Invalid(format!("{what}: no request event")))
	}

	/// Proposes the redaction of `request` (`Threshold.propose_redaction`, signed by the
	/// requester) and follows the chain until the committee's off-chain workers have
	/// computed every collision and the runtime applied it (`Threshold.RedactionApplied`),
	/// or dropped the proposal (an error naming why). The worker computes no collision and
	/// holds no committee key. Gives up after `timeout`.
	pub async fn redact_by_threshold(
		&self,
		requester: &Keypair,
		request: u64,
		updates: Vec<ProposedUpdate>,
		timeout: Duration,
	) -> ChainResult<ThresholdOutcome> {
		let start = Instant::now();
		let call = dynamic::tx("Threshold", "propose_redaction", (request, updates));
		let what = format!("proposing the redaction of request {request}");
		let (events, block) = self.submit(&what, &call, requester, false).await?;
		let mut proposal = None;
		for ev in events.iter().flatten() {
			if ev.pallet_name() == "Threshold" && ev.event_name() == "RedactionProposed" {
				let v: Value = ev.decode_as().map_err(|e| failed(&what)(e.to_string()))?;
				proposal = field(&v, "proposal").and_then(|p| p.as_u128()).map(|p| p as u64);
			}
		}
		let proposal =
			proposal.ok_or_else(|| ChainError::Invalid(format!("{what}: no RedactionProposed event")))?;
		let proposed_at = self.block_number(block).await?;
		let mut out = ThresholdOutcome {
			proposal,
			proposed_seconds: start.elapsed().as_secs_f64(),
			..Default::default()
		};
		let mut next = proposed_at;
		while start.elapsed() < timeout {
			let best = self.header_number(None).await?;
			while next <= best {
				if self.scan_block(next, proposed_at, proposal, start, &mut out).await? {
					out.seconds = start.elapsed().as_secs_f64();
					return Ok(out);
				}
				next += 1;
			}
			tokio::time::sleep(Duration::from_millis(250)).await;
		}
		Err(ChainError::Failed {
			what: format!("waiting for the committee to sign proposal {proposal}"),
			reason: format!(
				"not applied after {timeout:?} (are at least t committee nodes running their off-chain workers?)"
			),
		})
	}

	/// Reads block `number`'s events for `proposal`; `Ok(true)` once it was applied.
	async fn scan_block(
		&self,
		number: u64,
		proposed_at: u64,
		proposal: u64,
		start: Instant,
		out: &mut ThresholdOutcome,
	) -> ChainResult<bool> {
		let what = format!("reading the events of block {number}");
		let at = self.api.at_block(number).await.map_err(|e| failed(&what)(e.to_string()))?;
		let events = at.events().fetch().await.map_err(|e| failed(&what)(e.to_string()))?;
		let ours = |v: &Value| field(v, "proposal").and_then(|p| p.as_u128()) == Some(proposal as u128);
		let mut applied_phase = None;
		let mut weights = Vec::new();
		for ev in events.iter() {
			let ev = ev.map_err(|e| failed(&what)(e.to_string()))?;
			let v: Value = ev.decode_as().map_err(|e| failed(&what)(e.to_string()))?;
			match (ev.pallet_name(), ev.event_name()) {
				("Threshold", "SignersChosen") if ours(&v) => {
					out.round1_blocks = number.saturating_sub(proposed_at);
					out.round1_seconds = start.elapsed().as_secs_f64();
				},
				("Threshold", "SigningRestarted") if ours(&v) => out.restarts += 1,
				("Threshold", "RedactionApplied") if ours(&v) => {
					out.blocks = number.saturating_sub(proposed_at);
					out.signers = field(&v, "signers")
						.map(|s| (0..).map_while(|i| s.at(i)?.as_u128()).map(|i| i as u16).collect())
						.unwrap_or_default();
					out.attempts = field(&v, "attempts").and_then(|a| a.as_u128()).unwrap_or(0) as u32;
					applied_phase = Some(format!("{:?}", ev.phase()));
				},
				("Threshold", "ProposalDropped") if ours(&v) =>
					return Err(ChainError::Rejected {
						what: format!("redaction proposal {proposal}"),
						reason: field(&v, "error").map(|e| e.to_string()).unwrap_or_default(),
					}),
				("System", "ExtrinsicSuccess") => {
					let w = field(&v, "dispatch_info")
						.and_then(|d| d.at("weight"))
						.and_then(|w| w.at("ref_time"))
						.and_then(|r| r.as_u128())
						.unwrap_or(0);
					weights.push((format!("{:?}", ev.phase()), w));
				},
				_ => {},
			}
		}
		let Some(phase) = applied_phase else { return Ok(false) };
		// The member message whose shares completed the set paid for verifying them,
		// aggregating every collision and applying the redaction.
		out.apply_weight_ref_time =
			weights.iter().find(|(p, _)| *p == phase).map(|(_, w)| *w).unwrap_or(0);
		Ok(true)
	}

	/// Waits until the committee's key is the live chain's (`Threshold.ActiveEpoch` set),
	/// e.g. after a fresh chain's genesis DKG; returns the seconds waited.
	pub async fn wait_for_committee_key(&self, timeout: Duration) -> ChainResult<f64> {
		let start = Instant::now();
		loop {
			let epoch: Option<u32> = self.fetch("Threshold", "ActiveEpoch", ()).await?;
			if epoch.is_some() {
				return Ok(start.elapsed().as_secs_f64());
			}
			if start.elapsed() > timeout {
				return Err(ChainError::Failed {
					what: "waiting for the committee's DKG".into(),
					reason: format!("no key after {timeout:?} (are the committee nodes running?)"),
				});
			}
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}

	async fn call_rpc(
		&self,
		method: &str,
		params: subxt::rpcs::client::RpcParams,
	) -> ChainResult<serde_json::Value> {
		self.rpc.request(method, params).await.map_err(|e| failed(method)(e.to_string()))
	}

	/// `blockful_verifyLiveChain`: the integrity report (with boolean `ok`).
	pub async fn verify_live_chain(&self) -> ChainResult<serde_json::Value> {
		self.call_rpc("blockful_verifyLiveChain", rpc_params![]).await
	}

	/// `blockful_lineage(tx)`: every archived version of a model.
	pub async fn lineage(&self, tx: u64) -> ChainResult<serde_json::Value> {
		self.call_rpc("blockful_lineage", rpc_params![tx]).await
	}

	/// Waits until the chain has finalized at least one block past the current best.
	pub async fn wait_for_blocks(&self, timeout: Duration) -> ChainResult<()> {
		let start = Instant::now();
		let first = self
			.api
			.at_current_block()
			.await
			.map_err(|e| failed("reading the best block")(e.to_string()))?
			.block_number();
		while start.elapsed() < timeout {
			tokio::time::sleep(Duration::from_millis(500)).await;
			let now = self
				.api
				.at_current_block()
				.await
				.map_err(|e| failed("reading the best block")(e.to_string()))?
				.block_number();
			if now > first {
				return Ok(());
			}
		}
		Err(ChainError::Failed {
			what: "waiting for blocks".into(),
			reason: format!("no new block in {timeout:?}"),
		})
	}
}

/// Follows a submitted transaction until it is in a best block (or, with `finalized`, a
/// finalized one) and its dispatch succeeded; returns its events and block hash.
async fn await_inclusion<C>(
	what: &str,
	mut progress: subxt::transactions::TransactionProgress<PolkadotConfig, C>,
	finalized: bool,
) -> ChainResult<(subxt::extrinsics::ExtrinsicEvents<PolkadotConfig>, subxt::utils::H256)>
where
	C: subxt::client::OnlineClientAtBlockT<PolkadotConfig>,
{
	use subxt::transactions::TransactionStatus as S;
	while let Some(status) = progress.next().await {
		let status = status.map_err(|e| failed(what)(e.to_string()))?;
		let in_block = match status {
			S::InBestBlock(b) if !finalized => b,
			S::InFinalizedBlock(b) => b,
			S::Error { message } | S::Invalid { message } | S::Dropped { message } =>
				return Err(ChainError::Failed { what: what.into(), reason: message }),
			_ => continue,
		};
		let block = in_block.block_hash();
		let events = in_block
			.wait_for_success()
			.await
			.map_err(|e| ChainError::Rejected { what: what.into(), reason: e.to_string() })?;
		return Ok((events, block));
	}
	Err(ChainError::Failed { what: what.into(), reason: "transaction status stream ended".into() })
}

/// SCALE `(uri, refs)`: the chameleon-hash message of a model transaction, as the runtime
/// defines it (`blockful_chameleon::messages`).
pub fn tx_message(uri: &str, refs: &[u64]) -> Vec<u8> {
	blockful_chameleon::messages::model_message(uri.as_bytes(), refs)
}

