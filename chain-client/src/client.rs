//! A connection to a BlockFUL node: typed storage reads and signed submissions through the
//! generated [`crate::api`], plus the pool-aware nonce and best-block helpers every flow
//! uses. The flows themselves live in [`crate::publish`], [`crate::request`],
//! [`crate::redact`] and [`crate::verify`].

use std::time::{Duration, Instant};

use subxt::{
	client::{ClientAtBlock, OnlineClientAtBlockImpl},
	config::{polkadot::PolkadotExtrinsicParamsBuilder, PolkadotConfig},
	extrinsics::ExtrinsicEvents,
	rpcs::client::{rpc_params, RpcClient},
	utils::{AccountId32, MultiAddress, H256},
	OnlineClient,
};
use subxt_signer::sr25519::Keypair;

use crate::api;
use crate::error::{failed, ChainError, ChainResult};
use crate::types::{LiveHeader, LiveTx, Request};

/// A client view pinned at one block.
pub(crate) type AtBlock = ClientAtBlock<PolkadotConfig, OnlineClientAtBlockImpl<PolkadotConfig>>;

/// A connection to a BlockFUL node.
pub struct Chain {
	pub(crate) api: OnlineClient<PolkadotConfig>,
	pub(crate) rpc: RpcClient,
	url: String,
}

/// Connects to `url`, retrying until `timeout` (for a node that is still starting).
pub async fn connect_with_retry(url: &str, timeout: Duration) -> ChainResult<Chain> {
	let start = Instant::now();
	loop {
		match Chain::connect(url).await {
			Ok(c) => return Ok(c),
			Err(e) if start.elapsed() > timeout => return Err(e),
			Err(_) => tokio::time::sleep(Duration::from_millis(1000)).await,
		}
	}
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

	/// A client view at the best block. subxt's `at_current_block` is the last *finalized*
	/// block, which lags behind what this client has just submitted.
	pub(crate) async fn at_best(&self) -> ChainResult<AtBlock> {
		let what = "reading the best block";
		match self.header_number(None).await.ok() {
			Some(n) => self.api.at_block(n).await.map_err(failed(what)),
			None => self.api.at_current_block().await.map_err(failed(what)),
		}
	}

	/// Storage item `addr` at `keys`, read at the best block and decoded; `what` names it
	/// in errors.
	pub(crate) async fn read<Addr: subxt::storage::Address>(
		&self,
		addr: Addr,
		keys: Addr::KeyParts,
		what: &str,
	) -> ChainResult<Option<Addr::Value>> {
		read_at(&self.at_best().await?, addr, keys, what).await
	}

	/// `LiveChain.ChPublicKey`: the committee's chameleon-hash public key.
	pub async fn ch_public_key(&self) -> ChainResult<[u8; 32]> {
		let key = self.read(api::storage().live_chain().ch_public_key(), (), "reading LiveChain.ChPublicKey").await?;
		key.map(|k| k.0).ok_or_else(|| {
			ChainError::Invalid("the chain has no chameleon-hash public key (LiveChain.ChPublicKey)".into())
		})
	}

	/// `LiveChain.Txs(id)`.
	pub async fn tx(&self, id: u64) -> ChainResult<Option<LiveTx>> {
		let what = format!("reading LiveChain.Txs({id})");
		Ok(self.read(api::storage().live_chain().txs(), (id,), &what).await?.map(LiveTx::from))
	}

	/// `LiveChain.Blocks(height)`.
	pub async fn block(&self, height: u64) -> ChainResult<Option<LiveHeader>> {
		let what = format!("reading LiveChain.Blocks({height})");
		Ok(self.read(api::storage().live_chain().blocks(), (height,), &what).await?.map(LiveHeader::from))
	}

	/// `LiveChain.NextTxId`.
	pub async fn next_tx_id(&self) -> ChainResult<u64> {
		let next = self.read(api::storage().live_chain().next_tx_id(), (), "reading LiveChain.NextTxId").await?;
		Ok(next.unwrap_or(0))
	}

	/// `Archive.MaxRefs`: the most models one model may reference.
	pub async fn max_refs(&self) -> ChainResult<u32> {
		let at = self.at_best().await?;
		at.constants()
			.entry(api::constants().archive().max_refs())
			.map_err(failed("reading Archive.MaxRefs"))
	}

	/// Encoded bytes of model `id`'s `LiveChain.Txs` value (0 if there is none).
	pub async fn tx_encoded_len(&self, id: u64) -> ChainResult<usize> {
		let what = format!("reading LiveChain.Txs({id})");
		self.value_len(api::storage().live_chain().txs(), (id,), &what).await
	}

	/// Encoded bytes of each of model `id`'s archive records (`Archive.Records`).
	pub async fn archive_record_encoded_lens(&self, id: u64) -> ChainResult<Vec<usize>> {
		let what = format!("reading the archive records of model {id}");
		let n = self.read(api::storage().archive().lineage_len(), (id,), &what).await?.unwrap_or(0);
		let mut out = Vec::with_capacity(n as usize);
		for k in 0..n {
			if let Some(seq) = self.read(api::storage().archive().lineage(), (id, k), &what).await? {
				out.push(self.value_len(api::storage().archive().records(), (seq,), &what).await?);
			}
		}
		Ok(out)
	}

	/// Encoded bytes of a storage value at the best block (0 if absent).
	async fn value_len<Addr: subxt::storage::Address>(&self, addr: Addr, keys: Addr::KeyParts, what: &str) -> ChainResult<usize> {
		let at = self.at_best().await?;
		let value = at.storage().try_fetch(addr, keys).await.map_err(failed(what))?;
		Ok(value.map_or(0, |v| v.bytes().len()))
	}

	/// Committee members (`Committee.Members`).
	pub async fn committee(&self) -> ChainResult<Vec<AccountId32>> {
		let members = self.read(api::storage().committee().members(), (), "reading Committee.Members").await?;
		Ok(members.unwrap_or_default())
	}

	/// `Unlearning.Requests(id)`.
	pub async fn request(&self, id: u64) -> ChainResult<Option<Request>> {
		let what = format!("reading Unlearning.Requests({id})");
		let Some(r) = self.read(api::storage().unlearning().requests(), (id,), &what).await? else {
			return Ok(None);
		};
		Ok(Some(Request {
			affected: r.affected.0,
			done: r.done.0,
			status: format!("{:?}", r.status),
			rounds: r.rounds,
			created: u64::from(r.created),
			activated: r.activated.map(u64::from),
			completed: r.completed.map(u64::from),
		}))
	}

	/// `LiveChain.MaxUpdates` and `Unlearning.MaxAffected`: the most model updates one
	/// redaction may carry and the most models one request may affect.
	pub async fn redaction_limits(&self) -> ChainResult<(u32, u32)> {
		let at = self.at_best().await?;
		let c = at.constants();
		let updates = c.entry(api::constants().live_chain().max_updates()).map_err(failed("reading LiveChain.MaxUpdates"))?;
		let affected = c.entry(api::constants().unlearning().max_affected()).map_err(failed("reading Unlearning.MaxAffected"))?;
		Ok((updates, affected))
	}

	/// `Threshold.ActiveEpoch`: the epoch of the committee key in use, once its DKG ended.
	pub async fn active_epoch(&self) -> ChainResult<Option<u32>> {
		self.read(api::storage().threshold().active_epoch(), (), "reading Threshold.ActiveEpoch").await
	}

	/// Waits until the committee's key is the live chain's (`Threshold.ActiveEpoch` set),
	/// e.g. after a fresh chain's genesis DKG; returns the seconds waited.
	pub async fn wait_for_committee_key(&self, timeout: Duration) -> ChainResult<f64> {
		let start = Instant::now();
		while self.active_epoch().await?.is_none() {
			if start.elapsed() > timeout {
				return Err(ChainError::Failed {
					what: "waiting for the committee's DKG".into(),
					reason: format!("no key after {timeout:?} (are the committee nodes running?)"),
				});
			}
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
		Ok(start.elapsed().as_secs_f64())
	}

	/// Signs `call` with the pool-aware nonce, submits it and waits until it is in a best
	/// block (or, with `finalized`, a finalized one) and succeeded; returns its events and
	/// block hash.
	pub(crate) async fn submit<Call: subxt::transactions::Payload>(
		&self,
		what: &str,
		call: &Call,
		signer: &Keypair,
		finalized: bool,
	) -> ChainResult<(ExtrinsicEvents<PolkadotConfig>, H256)> {
		let at = self.at_best().await?;
		// The nonce comes from the node's pool-aware RPC: the client's view is the finalized
		// block, which lags behind transactions already in best blocks.
		let nonce = self.next_nonce(&signer.public_key().into()).await?;
		let params = PolkadotExtrinsicParamsBuilder::<PolkadotConfig>::new().nonce(nonce).build();
		let progress = at
			.transactions()
			.sign_and_submit_then_watch(call, signer, params)
			.await
			.map_err(failed(what))?;
		await_inclusion(what, progress, finalized).await
	}

	/// The next nonce of `who`, counting transactions in the pool (`system_accountNextIndex`).
	pub async fn next_nonce(&self, who: &AccountId32) -> ChainResult<u64> {
		self.rpc
			.request::<u64>("system_accountNextIndex", rpc_params![who.to_string()])
			.await
			.map_err(failed(format!("reading the nonce of {who}")))
	}

	/// The number of block `hash`, or of the best block without one (`chain_getHeader`).
	pub(crate) async fn header_number(&self, hash: Option<H256>) -> ChainResult<u64> {
		let header: serde_json::Value = self
			.rpc
			.request("chain_getHeader", rpc_params![hash])
			.await
			.map_err(failed("chain_getHeader"))?;
		header
			.get("number")
			.and_then(|n| n.as_str())
			.and_then(|n| u64::from_str_radix(n.trim_start_matches("0x"), 16).ok())
			.ok_or_else(|| ChainError::Invalid(format!("header of {hash:?} has no number")))
	}

	/// Transfers `amount` from `funder` to each of `to` (nonces assigned here, so all
	/// transfers travel together) and waits until every one is in a block.
	pub async fn fund(&self, funder: &Keypair, to: &[&Keypair], amount: u128) -> ChainResult<()> {
		let funder_id: AccountId32 = funder.public_key().into();
		let at = self.at_best().await?;
		let first = self.next_nonce(&funder_id).await?;
		let mut progress = Vec::new();
		for (i, k) in to.iter().enumerate() {
			let dest: AccountId32 = k.public_key().into();
			let call = api::transactions()
				.balances()
				.transfer_keep_alive(MultiAddress::Id(dest), amount);
			let params = PolkadotExtrinsicParamsBuilder::<PolkadotConfig>::new()
				.nonce(first + i as u64)
				.build();
			let p = at
				.transactions()
				.sign_and_submit_then_watch(&call, funder, params)
				.await
				.map_err(failed(format!("funding {dest}")))?;
			progress.push((dest, p));
		}
		for (dest, p) in progress {
			await_inclusion(&format!("funding {dest}"), p, false).await?;
		}
		Ok(())
	}

	/// Waits until the chain has finalized at least one block past the current finalized one.
	pub async fn wait_for_blocks(&self, timeout: Duration) -> ChainResult<()> {
		let start = Instant::now();
		let finalized = || async {
			let at = self.api.at_current_block().await.map_err(failed("reading the finalized block"))?;
			Ok::<_, ChainError>(at.block_number())
		};
		let first = finalized().await?;
		while start.elapsed() < timeout {
			tokio::time::sleep(Duration::from_millis(500)).await;
			if finalized().await? > first {
				return Ok(());
			}
		}
		Err(ChainError::Failed { what: "waiting for blocks".into(), reason: format!("no new block in {timeout:?}") })
	}
}

/// Storage item `addr` at `keys`, read at `at` and decoded; `what` names it in errors.
pub(crate) async fn read_at<Addr: subxt::storage::Address>(
	at: &AtBlock,
	addr: Addr,
	keys: Addr::KeyParts,
	what: &str,
) -> ChainResult<Option<Addr::Value>> {
	let value = at.storage().try_fetch(addr, keys).await.map_err(failed(what))?;
	value.map(|v| v.decode().map_err(failed(what))).transpose()
}

/// Follows a submitted transaction until it is in a best block (or, with `finalized`, a
/// finalized one) and its dispatch succeeded; returns its events and block hash.
async fn await_inclusion<C>(
	what: &str,
	mut progress: subxt::transactions::TransactionProgress<PolkadotConfig, C>,
	finalized: bool,
) -> ChainResult<(ExtrinsicEvents<PolkadotConfig>, H256)>
where
	C: subxt::client::OnlineClientAtBlockT<PolkadotConfig>,
{
	use subxt::transactions::TransactionStatus as S;
	while let Some(status) = progress.next().await {
		let status = status.map_err(failed(what))?;
		let in_block = match status {
			S::InBestBlock(b) if !finalized => b,
			S::InFinalizedBlock(b) => b,
			S::Error { message } | S::Invalid { message } | S::Dropped { message } =>
				return Err(ChainError::Failed { what: what.into(), reason: message }),
			_ => continue,
		};
		let block = in_block.block_hash();
		match in_block.wait_for_success().await {
			Ok(events) => return Ok((events, block)),
			// A best block that is gone by the time its events are read (retracted, or
			// pruned as a non-canonical fork): the stream goes on to the block that keeps
			// the transaction. Only the runtime's answer is a rejection.
			Err(
				subxt::error::TransactionEventsError::BlockNotFound { .. } |
				subxt::error::TransactionEventsError::CannotFetchBlockBody { .. } |
				subxt::error::TransactionEventsError::CannotInstantiateClientAtBlock(_),
			) if !finalized => continue,
			Err(e) => return Err(ChainError::Rejected { what: what.into(), reason: e.to_string() }),
		}
	}
	Err(ChainError::Failed { what: what.into(), reason: "transaction status stream ended".into() })
}
