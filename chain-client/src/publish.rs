//! Step 1 of the paper's flow: **publish**. Every model goes on the live chain as a
//! `LiveChain.publish_model` transaction whose chameleon hash binds SCALE `(uri, refs)`
//! under the committee's public key; [`Chain::publish_dag`] publishes a whole model DAG in
//! waves whose references are already on chain.

use std::collections::BTreeMap;
use std::time::Instant;

use blockful_chameleon::{hash, ChPublicKey};
use rand_core::OsRng;
use subxt_signer::sr25519::Keypair;

use crate::api;
use crate::client::Chain;
use crate::error::{failed, ChainError, ChainResult};
use crate::tx_message;

/// One model of a DAG to publish.
#[derive(Clone, Debug)]
pub struct ModelToPublish<'a> {
	/// The owner's account, which signs the transaction.
	pub signer: &'a Keypair,
	/// The model's URI (its CID).
	pub uri: String,
	/// Indices (into the same list, all smaller than this model's) of the models it
	/// aggregated from.
	pub parents: Vec<usize>,
}

/// What publishing a DAG produced and cost.
#[derive(Clone, Debug, Default)]
pub struct Published {
	/// The transaction id of every model, in the input's order.
	pub txs: Vec<u64>,
	/// Seconds from the first submission to the last inclusion.
	pub seconds: f64,
	/// Waves (DAG depths) published one after the other.
	pub waves: usize,
}

impl Chain {
	/// `LiveChain.publish_model` with the chameleon hash of SCALE `(uri, refs)` under `key`
	/// (fresh randomness); returns the new transaction id.
	pub async fn publish_model(
		&self,
		signer: &Keypair,
		uri: &str,
		refs: &[u64],
		key: &ChPublicKey,
	) -> ChainResult<u64> {
		let (ch, rand) = hash(key, &tx_message(uri, refs), &mut OsRng)
			.map_err(|e| ChainError::Invalid(format!("chameleon hash of {uri}: {e:?}")))?;
		self.publish_model_with(signer, uri, refs, ch.0, rand.0).await
	}

	/// `LiveChain.publish_model` with a given check value and randomness (the runtime
	/// refuses a pair that does not open to SCALE `(uri, refs)`).
	pub async fn publish_model_with(
		&self,
		signer: &Keypair,
		uri: &str,
		refs: &[u64],
		ch: [u8; 32],
		rand: [u8; 64],
	) -> ChainResult<u64> {
		use api::runtime_types::{blockful_chameleon, bounded_collections::bounded_vec::BoundedVec};
		let call = api::transactions().live_chain().publish_model(
			BoundedVec(uri.as_bytes().to_vec()),
			BoundedVec(refs.to_vec()),
			blockful_chameleon::ChCheck(ch),
			blockful_chameleon::ChRandomness(rand),
		);
		let what = format!("publishing {uri}");
		let (events, _) = self.submit(&what, &call, signer, false).await?;
		let published = events
			.find_first::<api::live_chain::events::ModelPublished>()
			.transpose()
			.map_err(failed(&what))?
			.ok_or_else(|| ChainError::Invalid(format!("{what}: no ModelPublished event")))?;
		Ok(published.tx)
	}

	/// Publishes a DAG: one wave per depth (a model's references are on chain before it),
	/// each owner with at most one transaction in flight (so nonces never collide), the
	/// owners of a wave in parallel. `progress` hears one line per wave.
	pub async fn publish_dag(
		&self,
		models: &[ModelToPublish<'_>],
		key: &ChPublicKey,
		mut progress: impl FnMut(&str),
	) -> ChainResult<Published> {
		let depths = depths(models)?;
		let start = Instant::now();
		let mut txs: Vec<Option<u64>> = vec![None; models.len()];
		let max_depth = depths.iter().copied().max().map_or(0, |d| d + 1);
		for depth in 0..max_depth {
			let wave: Vec<usize> = (0..models.len()).filter(|&i| depths[i] == depth).collect();
			self.publish_wave(models, &wave, key, &mut txs).await?;
			progress(&format!("published depth {depth} ({} models)", wave.len()));
		}
		let txs = txs.into_iter().map(|t| t.expect("every depth was published")).collect();
		Ok(Published { txs, seconds: start.elapsed().as_secs_f64(), waves: max_depth })
	}

	/// Publishes the models `wave` (whose parents are in `txs`), one per owner at a time.
	async fn publish_wave(
		&self,
		models: &[ModelToPublish<'_>],
		wave: &[usize],
		key: &ChPublicKey,
		txs: &mut [Option<u64>],
	) -> ChainResult<()> {
		let mut by_owner: BTreeMap<[u8; 32], Vec<usize>> = BTreeMap::new();
		for &i in wave {
			by_owner.entry(models[i].signer.public_key().0).or_default().push(i);
		}
		loop {
			let round: Vec<usize> = by_owner.values_mut().filter_map(|v| v.pop()).collect();
			if round.is_empty() {
				return Ok(());
			}
			let jobs = round.iter().map(|&i| {
				let m = &models[i];
				let refs: Vec<u64> = m.parents.iter().map(|&p| txs[p].expect("parent published")).collect();
				async move { self.publish_model(m.signer, &m.uri, &refs, key).await.map(|id| (i, id)) }
			});
			for r in futures::future::join_all(jobs.collect::<Vec<_>>()).await {
				let (i, id) = r?;
				txs[i] = Some(id);
			}
		}
	}
}

/// Each model's depth (0 for roots); refuses a parent that is not listed before its child.
fn depths(models: &[ModelToPublish<'_>]) -> ChainResult<Vec<usize>> {
	let mut depths = Vec::with_capacity(models.len());
	for (i, m) in models.iter().enumerate() {
		let mut depth = 0;
		for &p in &m.parents {
			if p >= i {
				return Err(ChainError::Invalid(format!(
					"model {i} ({}) names parent {p}, which is not listed before it",
					m.uri
				)));
			}
			depth = depth.max(depths[p] + 1);
		}
		depths.push(depth);
	}
	Ok(depths)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn model<'a>(k: &'a Keypair, parents: Vec<usize>) -> ModelToPublish<'a> {
		ModelToPublish { signer: k, uri: "bafk".into(), parents }
	}

	#[test]
	fn depths_follow_the_longest_path() {
		let k = subxt_signer::sr25519::dev::alice();
		let dag = [model(&k, vec![]), model(&k, vec![0]), model(&k, vec![]), model(&k, vec![1, 2])];
		assert_eq!(depths(&dag).unwrap(), vec![0, 1, 0, 2]);
	}

	#[test]
	fn a_parent_listed_after_its_child_is_refused() {
		let k = subxt_signer::sr25519::dev::alice();
		let dag = [model(&k, vec![1]), model(&k, vec![])];
		let err = depths(&dag).unwrap_err();
		assert!(err.to_string().contains("not listed before it"), "{err}");
		let own = [model(&k, vec![0])];
		assert!(depths(&own).is_err(), "a model cannot reference itself");
	}
}
