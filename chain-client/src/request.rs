//! Step 2: the **request** and the affected set. The requester files
//! `Unlearning.request_unlearning` (classes) or `Unlearning.request_sample_unlearning` (a
//! commitment to specific samples); the runtime computes every model that inherits from
//! the start models (topological order), which the client reads back from the chain. A set
//! larger than one filing step is computed over several: the client runs
//! `Unlearning.extend_request` until the chain reports it complete.

use std::time::Instant;

use subxt_signer::sr25519::Keypair;

use crate::api;
use crate::api::runtime_types::bounded_collections::bounded_vec::BoundedVec;
use crate::api::runtime_types::pallet_unlearning::types::SampleCommitment;
use crate::client::Chain;
use crate::error::{failed, ChainError, ChainResult};
use crate::types::{Paradigm, Request};

/// A filed request as the chain stored it.
#[derive(Clone, Debug)]
pub struct Filed {
	/// The request id.
	pub id: u64,
	/// The request, with the affected set the runtime computed.
	pub request: Request,
	/// Seconds from submission to the stored request (its affected set complete).
	pub seconds: f64,
	/// Number of the (best) block that included each filing step, in order (one step
	/// unless the affected set was larger than one).
	pub step_blocks: Vec<u64>,
}

impl Filed {
	/// Filing steps the affected set took.
	pub fn steps(&self) -> usize {
		self.step_blocks.len()
	}
}

impl Chain {
	/// `Unlearning.request_unlearning`; returns the request id.
	pub async fn request_unlearning(
		&self,
		signer: &Keypair,
		start: &[u64],
		classes: &[u8],
		paradigm: Paradigm,
	) -> ChainResult<u64> {
		let call = api::transactions().unlearning().request_unlearning(
			BoundedVec(start.to_vec()),
			BoundedVec(classes.to_vec()),
			paradigm.into(),
		);
		let what = format!("requesting unlearning of {classes:?} from {start:?}");
		Ok(self.submit_request(&what, &call, signer).await?.0)
	}

	/// `Unlearning.request_sample_unlearning`: a request that withdraws `samples` specific
	/// samples, committed to by the Merkle root `root`; returns the request id.
	pub async fn request_sample_unlearning(
		&self,
		signer: &Keypair,
		start: &[u64],
		root: [u8; 32],
		samples: u32,
		paradigm: Paradigm,
	) -> ChainResult<u64> {
		let call = api::transactions().unlearning().request_sample_unlearning(
			BoundedVec(start.to_vec()),
			SampleCommitment { root, samples },
			paradigm.into(),
		);
		let what = format!("requesting unlearning of {samples} committed samples from {start:?}");
		Ok(self.submit_request(&what, &call, signer).await?.0)
	}

	/// Submits a request call (either kind emits `UnlearningRequested`), then, if its
	/// affected set is larger than one filing step, runs the remaining steps; the request id
	/// and the blocks that included each filing step.
	async fn submit_request<Call: subxt::transactions::Payload>(
		&self,
		what: &str,
		call: &Call,
		signer: &Keypair,
	) -> ChainResult<(u64, Vec<u64>)> {
		let (events, block) = self.submit(what, call, signer, false).await?;
		let mut blocks = vec![self.header_number(Some(block)).await?];
		let filed = events
			.find_first::<api::unlearning::events::UnlearningRequested>()
			.transpose()
			.map_err(failed(what))?
			.ok_or_else(|| ChainError::Invalid(format!("{what}: no UnlearningRequested event")))?;
		let step = events
			.find_first::<api::unlearning::events::AffectedSetExtended>()
			.transpose()
			.map_err(failed(what))?;
		if step.is_some_and(|s| !s.complete) {
			blocks.extend(self.complete_affected_set(filed.id, signer).await?);
		}
		Ok((filed.id, blocks))
	}

	/// Runs `Unlearning.extend_request(id)` until request `id`'s affected set is complete
	/// (any account may; each step is one bounded extrinsic), printing the models found so
	/// far; an error if the set outgrows the runtime's `MaxAffected` (the chain then closes
	/// the request) or a step fails. Returns the number of the block that included each
	/// step run.
	pub async fn complete_affected_set(&self, id: u64, signer: &Keypair) -> ChainResult<Vec<u64>> {
		let mut blocks = Vec::new();
		loop {
			let what = format!("extending the affected set of request {id}");
			let call = api::transactions().unlearning().extend_request(id);
			let (events, block) = self.submit(&what, &call, signer, false).await?;
			blocks.push(self.header_number(Some(block)).await?);
			if let Some(e) = events
				.find_first::<api::unlearning::events::AffectedSetTooLarge>()
				.transpose()
				.map_err(failed(&what))?
			{
				return Err(ChainError::Invalid(format!(
					"request {id}: its affected set passed MaxAffected after {} models; the chain closed it",
					e.found
				)));
			}
			let step = events
				.find_first::<api::unlearning::events::AffectedSetExtended>()
				.transpose()
				.map_err(failed(&what))?
				.ok_or_else(|| ChainError::Invalid(format!("{what}: no AffectedSetExtended event")))?;
			eprintln!(
				"request {id}: affected set step {}: {} models found{}",
				blocks.len() + 1,
				step.affected,
				if step.complete { ", complete" } else { "" }
			);
			if step.complete {
				return Ok(blocks);
			}
		}
	}

	/// `Unlearning.SampleWithdrawals(id)`: a sample-level request's commitment (Merkle
	/// root, number of samples); `None` for a request by class or an unknown one.
	pub async fn sample_withdrawal(&self, id: u64) -> ChainResult<Option<([u8; 32], u32)>> {
		let what = format!("reading Unlearning.SampleWithdrawals({id})");
		let c = self.read(api::storage().unlearning().sample_withdrawals(), (id,), &what).await?;
		Ok(c.map(|c| (c.root, c.samples)))
	}

	/// Files a request and reads back the affected set; refuses a request that affects
	/// nothing.
	pub async fn file_request(
		&self,
		signer: &Keypair,
		start: &[u64],
		classes: &[u8],
		paradigm: Paradigm,
	) -> ChainResult<Filed> {
		let t = Instant::now();
		let call = api::transactions().unlearning().request_unlearning(
			BoundedVec(start.to_vec()),
			BoundedVec(classes.to_vec()),
			paradigm.into(),
		);
		let what = format!("requesting unlearning of {classes:?} from {start:?}");
		let (id, blocks) = self.submit_request(&what, &call, signer).await?;
		self.filed(id, blocks, t).await
	}

	/// [`Chain::file_request`] for a sample-level request
	/// ([`Chain::request_sample_unlearning`]).
	pub async fn file_sample_request(
		&self,
		signer: &Keypair,
		start: &[u64],
		root: [u8; 32],
		samples: u32,
		paradigm: Paradigm,
	) -> ChainResult<Filed> {
		let t = Instant::now();
		let call = api::transactions().unlearning().request_sample_unlearning(
			BoundedVec(start.to_vec()),
			SampleCommitment { root, samples },
			paradigm.into(),
		);
		let what = format!("requesting unlearning of {samples} committed samples from {start:?}");
		let (id, blocks) = self.submit_request(&what, &call, signer).await?;
		self.filed(id, blocks, t).await
	}

	/// Reads back request `id`, filed at `t` in steps included in `step_blocks`, with its
	/// affected set.
	async fn filed(&self, id: u64, step_blocks: Vec<u64>, t: Instant) -> ChainResult<Filed> {
		let request = self
			.request(id)
			.await?
			.ok_or_else(|| ChainError::Invalid(format!("request {id} is not on chain")))?;
		if request.affected.is_empty() {
			return Err(ChainError::Invalid(format!("request {id} has no affected models")));
		}
		Ok(Filed { id, request, seconds: t.elapsed().as_secs_f64(), step_blocks })
	}
}
