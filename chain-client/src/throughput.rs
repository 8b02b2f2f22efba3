//! Throughput in **real blocks**: sign many transactions offline (one account per stream,
//! consecutive nonces), hand them all to the node's pool at once, and count what the chain
//! finalizes, block by block, with the blocks' own timestamps. Used by `blockful-worker
//! chain-bench` to set `LiveChain.publish_model` beside `Balances.transfer_keep_alive` on
//! the same node in the same run.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use blockful_chameleon::{hash, ChPublicKey};
use rand_core::OsRng;
use sha2::{Digest, Sha256};
use subxt::config::{polkadot::PolkadotExtrinsicParamsBuilder, PolkadotConfig};
use subxt::rpcs::client::rpc_params;
use subxt::utils::{AccountId32, MultiAddress};
use subxt_signer::sr25519::Keypair;

use crate::api;
use crate::api::runtime_types::{blockful_chameleon as ch, bounded_collections::bounded_vec::BoundedVec};
use crate::client::{read_at, AtBlock, Chain};
use crate::error::{failed, ChainError, ChainResult};
use crate::tx_message;

/// A model URI the chain accepts for a synthetic model (a flood's, a calibration's): the
/// CID of the raw block holding `label`'s bytes, what `ipfs add --cid-version 1` gives a
/// file holding them. Distinct labels give distinct URIs.
pub fn label_uri(label: &str) -> String {
	let digest: [u8; 32] = Sha256::digest(label.as_bytes()).into();
	// The canonical CID string is lower-case base32 with a `b` prefix: ASCII, one char a byte.
	blockful_model_cid::raw_cid(digest).iter().map(|&b| char::from(b)).collect()
}

/// Which transactions a flood carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum FloodKind {
	/// `Balances.transfer_keep_alive` of 1 unit to the next account.
	Transfer,
	/// `LiveChain.publish_model` of a fresh URI ([`label_uri`]: a model CID, the only URIs
	/// the chain accepts; chameleon hash under the committee's key,
	/// computed here), referencing the models given to [`Chain::sign_flood`] (or each its
	/// own, [`Chain::sign_publishes`]).
	Publish,
	/// `Unlearning.submit_update`: owners' updates of one request ([`Chain::sign_updates`]).
	Update,
}

/// What the chain made of one flood.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Throughput {
	/// The transactions' kind.
	pub kind: FloodKind,
	/// Transactions handed to the pool.
	pub submitted: usize,
	/// Successful ones found in finalized blocks.
	pub included: usize,
	/// Failed ones found in finalized blocks (`System.ExtrinsicFailed` from the flood).
	pub failed: usize,
	/// Finalized blocks from the first to the last that held one of them.
	pub blocks: u64,
	/// Most of them in one block.
	pub max_per_block: usize,
	/// Chain time they took: timestamp of the last block holding one, minus that of the
	/// block before the first.
	pub chain_seconds: f64,
	/// `included / chain_seconds`.
	pub per_second: f64,
	/// Seconds to sign them (client side, before the clock above starts).
	pub sign_seconds: f64,
	/// Wall seconds from the first submission to the last one seen finalized.
	pub wall_seconds: f64,
	/// Publishes: the models published, `(tx, owner)`, in inclusion order.
	#[serde(skip)]
	pub published: Vec<(u64, [u8; 32])>,
}

impl Chain {
	/// Signs `per_account` transactions of `kind` for each of `accounts`, from each one's
	/// next nonce (publishes reference `refs`); returns the encoded extrinsics, interleaved
	/// across accounts.
	pub async fn sign_flood(
		&self,
		kind: FloodKind,
		accounts: &[Keypair],
		per_account: usize,
		refs: &[u64],
	) -> ChainResult<Vec<Vec<u8>>> {
		let key = match kind {
			FloodKind::Publish => Some(ChPublicKey(self.ch_public_key().await?)),
			FloodKind::Transfer | FloodKind::Update => None,
		};
		let mut at = self.at_best().await?;
		let mut streams = Vec::with_capacity(accounts.len());
		for (i, signer) in accounts.iter().enumerate() {
			let first = self.next_nonce(&signer.public_key().into()).await?;
			let next: AccountId32 = accounts[(i + 1) % accounts.len()].public_key().into();
			let mut stream = Vec::with_capacity(per_account);
			for k in 0..per_account as u64 {
				let params = PolkadotExtrinsicParamsBuilder::<PolkadotConfig>::new().nonce(first + k).build();
				let tx = match (kind, &key) {
					(FloodKind::Transfer, _) => {
						let call = api::transactions().balances().transfer_keep_alive(MultiAddress::Id(next), 1);
						sign(&mut at, &call, signer, params).await?
					},
					(FloodKind::Publish, Some(key)) => {
						let uri = label_uri(&format!("flood-{}-{i}-{}", hex::encode(&signer.public_key().0[..4]), first + k));
						let (check, rand) = hash(key, &tx_message(&uri, refs), &mut OsRng)
							.map_err(|e| ChainError::Invalid(format!("chameleon hash of {uri}: {e:?}")))?;
						let call = api::transactions().live_chain().publish_model(
							BoundedVec(uri.into_bytes()),
							BoundedVec(refs.to_vec()),
							ch::ChCheck(check.0),
							ch::ChRandomness(rand.0),
						);
						sign(&mut at, &call, signer, params).await?
					},
					(FloodKind::Publish, None) | (FloodKind::Update, _) =>
						return Err(ChainError::Invalid(format!("sign_flood cannot sign {kind:?} transactions"))),
				};
				stream.push(tx);
			}
			streams.push(stream.into_iter());
		}
		// Interleave, so that every account's stream reaches the pool early.
		let mut out = Vec::with_capacity(accounts.len() * per_account);
		while out.len() < accounts.len() * per_account {
			out.extend(streams.iter_mut().filter_map(Iterator::next));
		}
		Ok(out)
	}

	/// Signs, for each signer, its calls with consecutive nonces from its next one, offline;
	/// returns them interleaved across signers (each signer's in nonce order).
	pub async fn sign_each<Call: subxt::transactions::Payload>(
		&self,
		streams: Vec<(&Keypair, Vec<Call>)>,
	) -> ChainResult<Vec<Vec<u8>>> {
		let mut at = self.at_best().await?;
		let mut signed = Vec::with_capacity(streams.len());
		let mut total = 0;
		for (signer, calls) in streams {
			let first = self.next_nonce(&signer.public_key().into()).await?;
			let mut stream = Vec::with_capacity(calls.len());
			for (k, call) in calls.iter().enumerate() {
				let params = PolkadotExtrinsicParamsBuilder::<PolkadotConfig>::new().nonce(first + k as u64).build();
				stream.push(sign(&mut at, call, signer, params).await?);
			}
			total += stream.len();
			signed.push(stream.into_iter());
		}
		let mut out = Vec::with_capacity(total);
		while out.len() < total {
			out.extend(signed.iter_mut().filter_map(Iterator::next));
		}
		Ok(out)
	}

	/// Signs `LiveChain.publish_model` for each signer and each reference list of its own
	/// (a fresh [`label_uri`] per model, tagged `tag`; the chameleon hash under the
	/// committee's key computed here); interleaved as [`Chain::sign_each`].
	pub async fn sign_publishes(&self, tag: &str, streams: Vec<(&Keypair, Vec<Vec<u64>>)>) -> ChainResult<Vec<Vec<u8>>> {
		let key = ChPublicKey(self.ch_public_key().await?);
		let mut calls = Vec::with_capacity(streams.len());
		for (i, (signer, refs_each)) in streams.into_iter().enumerate() {
			let mut own = Vec::with_capacity(refs_each.len());
			for (k, refs) in refs_each.into_iter().enumerate() {
				let uri = label_uri(&format!("{tag}-{i}-{k}"));
				let (check, rand) = hash(&key, &tx_message(&uri, &refs), &mut OsRng)
					.map_err(|e| ChainError::Invalid(format!("chameleon hash of {uri}: {e:?}")))?;
				own.push(api::transactions().live_chain().publish_model(
					BoundedVec(uri.into_bytes()),
					BoundedVec(refs),
					ch::ChCheck(check.0),
					ch::ChRandomness(rand.0),
				));
			}
			calls.push((signer, own));
		}
		self.sign_each(calls).await
	}

	/// Signs `Unlearning.submit_update(request, tx, Replace(uri))` for each owner and each
	/// `(tx, uri)` of its own; interleaved as [`Chain::sign_each`].
	pub async fn sign_updates(&self, request: u64, streams: Vec<(&Keypair, Vec<(u64, Vec<u8>)>)>) -> ChainResult<Vec<Vec<u8>>> {
		use crate::api::runtime_types::pallet_unlearning::types::ModelUpdate;
		let calls = streams
			.into_iter()
			.map(|(owner, updates)| {
				let own = updates
					.into_iter()
					.map(|(tx, uri)| {
						api::transactions().unlearning().submit_update(request, tx, ModelUpdate::Replace(BoundedVec(uri)))
					})
					.collect();
				(owner, own)
			})
			.collect();
		self.sign_each(calls).await
	}

	/// Submits every one of `txs` (signed by `senders`, interleaved as [`Chain::sign_flood`]
	/// returns them; `author_submitExtrinsic`, one round per nonce) and follows the finalized blocks until all are in, none arrives for `stall`,
	/// or `timeout` passes. Only transfers from / publishes by `senders` are counted.
	pub async fn flood(
		&self,
		kind: FloodKind,
		senders: &[Keypair],
		txs: Vec<Vec<u8>>,
		sign_seconds: f64,
		stall: Duration,
		timeout: Duration,
	) -> ChainResult<Throughput> {
		self.flood_paced(kind, senders, txs, sign_seconds, Duration::ZERO, stall, timeout).await
	}

	/// [`Chain::flood`] with `gap` between two rounds of submissions (one transaction per
	/// sender each): a steady stream of transactions instead of one burst.
	#[allow(clippy::too_many_arguments)]
	pub async fn flood_paced(
		&self,
		kind: FloodKind,
		senders: &[Keypair],
		txs: Vec<Vec<u8>>,
		sign_seconds: f64,
		gap: Duration,
		stall: Duration,
		timeout: Duration,
	) -> ChainResult<Throughput> {
		let start_block = self.finalized_number().await?;
		let start = Instant::now();
		let submitted = txs.len();
		// One round per nonce: every sender's next transaction in flight together, so no
		// transaction reaches the pool before its predecessor (the pool's future queue is
		// small and drops what overflows it).
		for chunk in txs.chunks(senders.len().max(1)) {
			let sends = chunk.iter().map(|tx| {
				self.rpc.request::<serde_json::Value>("author_submitExtrinsic", rpc_params![format!("0x{}", hex::encode(tx))])
			});
			for r in futures::future::join_all(sends).await {
				r.map_err(failed("submitting a flood transaction"))?;
			}
			if !gap.is_zero() {
				tokio::time::sleep(gap).await;
			}
		}
		let mut out = Throughput {
			kind,
			submitted,
			included: 0,
			failed: 0,
			blocks: 0,
			max_per_block: 0,
			chain_seconds: 0.0,
			per_second: 0.0,
			sign_seconds,
			wall_seconds: 0.0,
			published: Vec::new(),
		};
		let (mut next, mut first, mut last) = (start_block + 1, None, None);
		let mut progress_at = Instant::now();
		let ours: BTreeSet<[u8; 32]> = senders.iter().map(|k| k.public_key().0).collect();
		while out.included + out.failed < submitted && start.elapsed() < timeout && progress_at.elapsed() < stall {
			let finalized = self.finalized_number().await?;
			while next <= finalized {
				let at = self.api.at_block(next).await.map_err(failed("reading a block"))?;
				let (ok, bad) = count_in_block(&at, kind, &ours, &mut out.published).await?;
				if ok + bad > 0 {
					first.get_or_insert(next);
					last = Some(next);
					progress_at = Instant::now();
				}
				out.included += ok;
				out.failed += bad;
				out.max_per_block = out.max_per_block.max(ok);
				next += 1;
			}
			tokio::time::sleep(Duration::from_millis(200)).await;
		}
		out.wall_seconds = start.elapsed().as_secs_f64();
		if let (Some(first), Some(last)) = (first, last) {
			out.blocks = last - first + 1;
			out.chain_seconds = (self.timestamp(last).await? - self.timestamp(first - 1).await?) as f64 / 1e3;
			out.per_second = out.included as f64 / out.chain_seconds.max(1e-9);
		}
		Ok(out)
	}

	/// Transfers (`Balances.Transfer` events) by `senders` in finalized block `number`.
	pub async fn transfers_in_block(&self, number: u64, senders: &[Keypair]) -> ChainResult<usize> {
		let ours: BTreeSet<[u8; 32]> = senders.iter().map(|k| k.public_key().0).collect();
		let at = self.api.at_block(number).await.map_err(failed("reading a block"))?;
		Ok(count_in_block(&at, FloodKind::Transfer, &ours, &mut Vec::new()).await?.0)
	}

	/// The last finalized block's number.
	async fn finalized_number(&self) -> ChainResult<u64> {
		Ok(self.api.at_current_block().await.map_err(failed("reading the finalized block"))?.block_number())
	}

	/// `Timestamp.Now` at block `number` (milliseconds).
	pub async fn timestamp(&self, number: u64) -> ChainResult<u64> {
		let what = format!("reading Timestamp.Now at block {number}");
		let at = self.api.at_block(number).await.map_err(failed(&what))?;
		Ok(read_at(&at, api::storage().timestamp().now(), (), &what).await?.unwrap_or(0))
	}
}

/// Signs one call with explicit parameters (nonce; immortal), offline: no request to
/// the node per transaction.
async fn sign<Call: subxt::transactions::Payload>(
	at: &mut AtBlock,
	call: &Call,
	signer: &Keypair,
	params: <<PolkadotConfig as subxt::config::Config>::TransactionExtensions as subxt::config::TransactionExtensions<PolkadotConfig>>::Params,
) -> ChainResult<Vec<u8>> {
	let mut signable = at.transactions().create_signable_offline(call, params).map_err(failed("signing"))?;
	Ok(signable.sign(signer).map_err(failed("signing"))?.into_encoded())
}

/// Successful extrinsics of `kind` by `ours` in one block, and failed extrinsics; the
/// models `ours` published are added to `published`.
async fn count_in_block(
	at: &AtBlock,
	kind: FloodKind,
	ours: &BTreeSet<[u8; 32]>,
	published: &mut Vec<(u64, [u8; 32])>,
) -> ChainResult<(usize, usize)> {
	let events = at.events().fetch().await.map_err(failed("reading a block's events"))?;
	let mut ok = 0;
	let mut failed_in: BTreeSet<u32> = BTreeSet::new();
	for ev in events.iter() {
		let ev = ev.map_err(failed("decoding an event"))?;
		let by: Option<AccountId32> = match kind {
			FloodKind::Transfer => ev
				.decode_fields_as::<api::balances::events::Transfer>()
				.transpose()
				.map_err(failed("decoding a transfer"))?
				.map(|t| t.from),
			FloodKind::Publish => ev
				.decode_fields_as::<api::live_chain::events::ModelPublished>()
				.transpose()
				.map_err(failed("decoding a publish"))?
				.map(|p| {
					if ours.contains(&p.owner.0) {
						published.push((p.tx, p.owner.0));
					}
					p.owner
				}),
			FloodKind::Update => ev
				.decode_fields_as::<api::unlearning::events::UpdateSubmitted>()
				.transpose()
				.map_err(failed("decoding an update"))?
				.map(|u| u.by),
		};
		ok += usize::from(by.is_some_and(|a| ours.contains(&a.0)));
		if ev.is::<api::system::events::ExtrinsicFailed>() {
			if let subxt::events::Phase::ApplyExtrinsic(i) = ev.phase() {
				failed_in.insert(i);
			}
		}
	}
	Ok((ok, failed_in.len()))
}

#[cfg(test)]
mod tests {
	use super::label_uri;

	#[test]
	fn label_uris_are_model_cids() {
		// What `printf a | ipfs add --cid-version 1 -Q` prints.
		assert_eq!(label_uri("a"), "bafkreigks6arfsq3xxfpvqrrwonchxcnu6do76auprhhfomao6c273sixm");
		for label in ["flood-0a1b2c3d-0-7", "calibration-3", "calibration-3-redacted"] {
			let uri = label_uri(label);
			assert!(blockful_model_cid::parse(uri.as_bytes()).is_ok(), "{uri}");
		}
		assert_ne!(label_uri("calibration-3"), label_uri("calibration-3-redacted"));
	}
}
