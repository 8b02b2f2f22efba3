//! Step 2: the **request** and the affected set. The requester files
//! `Unlearning.request_unlearning`; the runtime computes every model that inherits from
//! the start models (topological order), which the client reads back from the chain.

use std::time::Instant;

use subxt_signer::sr25519::Keypair;

use crate::api;
use crate::api::runtime_types::bounded_collections::bounded_vec::BoundedVec;
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
		let (events, _) = self.submit(&what, &call, signer, false).await?;
		let filed = events
			.find_first::<api::unlearning::events::UnlearningRequested>()
			.transpose()
			.map_err(failed(&what))?
			.ok_or_else(|| ChainError::Invalid(format!("{what}: no UnlearningRequested event")))?;
		Ok(filed.id)
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
