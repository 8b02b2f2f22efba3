//! Step 2: the **request** and the affected set. The requester files
//! `Unlearning.request_unlearning` (classes) or `Unlearning.request_sample_unlearning` (a
//! commitment to specific samples); the runtime computes every model that inherits from
//! the start models (topological order), which the client reads back from the chain.

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
	/// Seconds from submission to the stored request.
	pub seconds: f64,
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
		self.submit_request(&what, &call, signer).await
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
		self.submit_request(&what, &call, signer).await
	}

	/// Submits a request call (either kind emits `UnlearningRequested`); the request id.
	async fn submit_request<Call: subxt::transactions::Payload>(
		&self,
		what: &str,
		call: &Call,
		signer: &Keypair,
	) -> ChainResult<u64> {
		let (events, _) = self.submit(what, call, signer, false).await?;
		let filed = events
			.find_first::<api::unlearning::events::UnlearningRequested>()
			.transpose()
			.map_err(failed(what))?
			.ok_or_else(|| ChainError::Invalid(format!("{what}: no UnlearningRequested event")))?;
		Ok(filed.id)
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
		let id = self.request_unlearning(signer, start, classes, paradigm).await?;
		self.filed(id, t).await
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
		let id = self.request_sample_unlearning(signer, start, root, samples, paradigm).await?;
		self.filed(id, t).await
	}

	/// Reads back request `id`, filed at `t`, with its affected set.
	async fn filed(&self, id: u64, t: Instant) -> ChainResult<Filed> {
		let request = self
			.request(id)
			.await?
			.ok_or_else(|| ChainError::Invalid(format!("request {id} is not on chain")))?;
		if request.affected.is_empty() {
			return Err(ChainError::Invalid(format!("request {id} has no affected models")));
		}
		Ok(Filed { id, request, seconds: t.elapsed().as_secs_f64() })
	}
}
