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
//! `LiveChain.Blocks`), publishing models, filing unlearning requests, running a committee
//! motion (`Committee.propose` of `LiveChain.redact`, aye votes, `close`) and the
//! `blockful_*` RPC methods.

use std::time::{Duration, Instant};

use codec::{Compact, Encode};
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

/// A model replacement inside `LiveChain.redact`.
#[derive(Clone, Debug, EncodeAsType)]
#[encode_as_type(crate_path = "scale_encode")]
pub struct TxUpdate {
	/// Transaction id.
	pub tx: u64,
	/// New URI.
	pub uri: Vec<u8>,
	/// Collision for SCALE `(uri, old refs)`.
	pub rand: ChRand,
}

/// A header update inside `LiveChain.redact`.
#[derive(Clone, Debug, EncodeAsType)]
#[encode_as_type(crate_path = "scale_encode")]
pub struct HeaderUpdate {
	/// Live-block height.
	pub height: u64,
	/// Collision for SCALE `(height, version + 1)`.
	pub rand: ChRand,
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

/// A raw, already SCALE-encoded runtime call (a motion's proposal).
struct RawCall(Vec<u8>);

impl EncodeAsType for RawCall {
	fn encode_as_type_to<R: scale_encode::TypeResolver>(
		&self,
		_type_id: R::TypeId,
		_types: &R,
		out: &mut Vec<u8>,
	) -> Result<(), scale_encode::Error> {
		out.extend_from_slice(&self.0);
		Ok(())
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
		let best = match self.rpc.request::<serde_json::Value>("chain_getHeader", rpc_params![]).await {
			Ok(h) => h
				.get("number")
				.and_then(|n| n.as_str())
				.and_then(|n| u64::from_str_radix(n.trim_start_matches("0x"), 16).ok()),
			Err(_) => None,
		};
		match best {
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

	async fn block_number(&self, hash: subxt::utils::H256) -> ChainResult<u64> {
		let header: serde_json::Value = self
			.rpc
			.request("chain_getHeader", rpc_params![hash])
			.await
			.map_err(|e| failed("chain_getHeader")(e.to_string()))?;
		header
			.get("number")
			.and_then(|n| n.as_str())
			.and_then(|n| u64::from_str_radix(n.trim_start_matches("0x"), 16).ok())
			.ok_or_else(|| ChainError::Invalid(format!("block {hash:?} has no number")))
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

	/// Runs one committee motion that applies `LiveChain.redact(request, updates, headers)`:
	/// `members[0]` proposes with threshold `members.len()`, every member votes aye, and
	/// the proposer closes it. Fails (changing nothing) if the motion does not execute or
	/// its execution fails.
	pub async fn redact_by_committee(
		&self,
		members: &[Keypair],
		request: u64,
		updates: Vec<TxUpdate>,
		headers: Vec<HeaderUpdate>,
	) -> ChainResult<MotionOutcome> {
		let proposer = members
			.first()
			.ok_or_else(|| ChainError::Invalid("a motion needs at least one member".into()))?;
		let seated = self.committee().await?;
		for m in members {
			let id: AccountId32 = m.public_key().into();
			if !seated.contains(&id) {
				return Err(ChainError::Invalid(format!(
					"{id} is not a committee member; the committee is {}",
					seated.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
				)));
			}
		}
		let redact = dynamic::tx("LiveChain", "redact", (request, updates, headers));
		let at = self.at_best().await.map_err(|e| failed("reading the best block")(e.to_string()))?;
		let call_data = at
			.transactions()
			.call_data(&redact)
			.map_err(|e| failed("encoding LiveChain.redact")(e.to_string()))?;
		let length_bound = call_data.len() as u32;
		let proposal_hash = subxt::utils::H256(sp_crypto_hashing::blake2_256(&call_data));
		let start = Instant::now();
		let threshold = members.len() as u32;
		let propose = dynamic::tx(
			"Committee",
			"propose",
			(threshold, RawCall(call_data.clone()), length_bound),
		);
		let (events, first_block) =
			self.submit("proposing the redaction motion", &propose, proposer, false).await?;
		let mut index = None;
		for ev in events.iter().flatten() {
			if ev.pallet_name() == "Committee" && ev.event_name() == "Proposed" {
				let v: Value = ev
					.decode_as()
					.map_err(|e| failed("decoding Committee.Proposed")(e.to_string()))?;
				index = field(&v, "proposal_index").and_then(|i| i.as_u128()).map(|i| i as u32);
			}
		}
		let index = index.ok_or_else(|| {
			ChainError::Invalid("the proposal executed at once or emitted no Proposed event".into())
		})?;
		let votes = members.iter().map(|m| {
			let vote = dynamic::tx("Committee", "vote", (proposal_hash, Compact(index), true));
			async move {
				let who: AccountId32 = m.public_key().into();
				self.submit(&format!("vote of {who}"), &vote, m, false).await
			}
		});
		for r in futures::future::join_all(votes).await {
			r?;
		}
		let weight_bound = Value::named_composite([
			("ref_time", Value::u128(u64::MAX as u128 / 4)),
			("proof_size", Value::u128(u64::MAX as u128 / 4)),
		]);
		let bound = self.max_proposal_weight().await.unwrap_or(weight_bound);
		let close = dynamic::tx(
			"Committee",
			"close",
			(proposal_hash, Compact(index), bound, Compact(length_bound)),
		);
		let (events, last_block) =
			self.submit("closing the redaction motion", &close, proposer, true).await?;
		let mut executed = None;
		let mut weight_ref_time = 0u128;
		for ev in events.iter().flatten() {
			if ev.pallet_name() == "System" && ev.event_name() == "ExtrinsicSuccess" {
				if let Ok(v) = ev.decode_as::<Value>() {
					weight_ref_time = field(&v, "dispatch_info")
						.and_then(|d| d.at("weight"))
						.and_then(|w| w.at("ref_time"))
						.and_then(|r| r.as_u128())
						.unwrap_or(0);
				}
			}
			if ev.pallet_name() == "Committee" {
				match ev.event_name() {
					"Executed" => {
						let v: Value = ev
							.decode_as()
							.map_err(|e| failed("decoding Committee.Executed")(e.to_string()))?;
						let ok = matches!(
							field(&v, "result").map(|r| &r.value),
							Some(scale_value::ValueDef::Variant(var)) if var.name == "Ok"
						);
						executed = Some(if ok {
							Ok(())
						} else {
							Err(format!(
								"{}",
								field(&v, "result").map(|r| r.to_string()).unwrap_or_default()
							))
						});
					}
					"Disapproved" => {
						executed = Some(Err("the committee disapproved the motion".into()))
					}
					_ => {}
				}
			}
		}
		match executed {
			Some(Ok(())) => {}
			Some(Err(reason)) => {
				return Err(ChainError::Rejected { what: "the redaction motion".into(), reason })
			}
			None => {
				return Err(ChainError::Rejected {
					what: "the redaction motion".into(),
					reason: "closing did not execute it (not enough ayes?)".into(),
				})
			}
		}
		let seconds = start.elapsed().as_secs_f64();
		let blocks = self
			.block_number(last_block)
			.await?
			.saturating_sub(self.block_number(first_block).await?);
		Ok(MotionOutcome { seconds, blocks, call_bytes: call_data.len(), weight_ref_time })
	}

	async fn max_proposal_weight(&self) -> Option<Value> {
		let at = self.at_best().await.ok()?;
		at.constants().entry(dynamic::constant::<Value>("Committee", "MaxProposalWeight")).ok()
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

/// SCALE `(uri, refs)`: the chameleon-hash message of a model transaction.
pub fn tx_message(uri: &str, refs: &[u64]) -> Vec<u8> {
	(uri.as_bytes(), refs).encode()
}

/// SCALE `(height, version)`: the chameleon-hash message of a live-block header.
pub fn header_message(height: u64, version: u32) -> Vec<u8> {
	(height, version).encode()
}
