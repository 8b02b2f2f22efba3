//! Unit costs of the paper's Table II, measured on their own (issue 13): the flow measures
//! them in a calibration step **before** a task and predicts the task's totals from them,
//! so the prediction is checked against numbers it was not derived from.
//!
//! - [`collision_seconds`]: C_CH, one chameleon-hash collision computed the committee's way
//!   (t-of-n: every signer's round 1 and round 2, the share checks, the aggregation and the
//!   final verification), natively, with throw-away shares — a cost, not a key.
//! - [`Chain::one_model_redaction`]: C_con, the smallest consensus a redaction needs on this
//!   chain: one model, one request, one threshold redaction, proposal to applied.

use std::time::{Duration, Instant};

use blockful_chameleon::threshold::{self, Session, SigningPackage};
use blockful_chameleon::{hash, ChPublicKey};
use rand_core::OsRng;
use subxt_signer::sr25519::Keypair;

use crate::client::Chain;
use crate::error::{ChainError, ChainResult};
use crate::throughput::label_uri;
use crate::types::{Paradigm, ThresholdOutcome};

/// Median seconds of one t-of-n collision (`runs` repetitions), computed natively.
pub fn collision_seconds(t: u16, n: u16, runs: usize) -> ChainResult<f64> {
	let bad = |e: blockful_chameleon::ChError| ChainError::Invalid(format!("calibration collision: {e:?}"));
	let (shares, keys) = threshold::trusted_dealer_keygen(t, n, &mut OsRng).map_err(bad)?;
	let (check, _) = hash(&keys.group_key, b"calibration: original", &mut OsRng).map_err(bad)?;
	let signers = &shares[..usize::from(t)];
	let mut times = Vec::with_capacity(runs.max(1));
	for run in 0..runs.max(1) {
		let message = format!("calibration: version {run}").into_bytes();
		let start = Instant::now();
		let (nonces, commitments): (Vec<_>, Vec<_>) = signers.iter().map(|s| threshold::round1(s, &mut OsRng)).unzip();
		let package = SigningPackage::new(check, &message, &commitments).map_err(bad)?;
		let partials = signers
			.iter()
			.zip(nonces)
			.map(|(s, nonce)| threshold::round2(s, nonce, &package))
			.collect::<Result<Vec<_>, _>>()
			.map_err(bad)?;
		let session = Session::new(&keys, &package).map_err(bad)?;
		for p in &partials {
			session.verify_share(p).map_err(bad)?;
		}
		let rand = session.aggregate(&partials).map_err(bad)?;
		blockful_chameleon::verify(&keys.group_key, &message, &rand, &check).map_err(bad)?;
		times.push(start.elapsed().as_secs_f64());
	}
	times.sort_by(f64::total_cmp);
	Ok(times[times.len() / 2])
}

impl Chain {
	/// C_con: publishes one model as `requester`, files a request on it and has the
	/// committee redact it in one threshold redaction; returns what that took (proposal to
	/// applied, with its two collisions).
	pub async fn one_model_redaction(&self, requester: &Keypair, timeout: Duration) -> ChainResult<ThresholdOutcome> {
		let key = ChPublicKey(self.ch_public_key().await?);
		// The chain accepts only model CIDs as URIs: those of two distinct labels.
		let label = format!("calibration-{}", self.next_tx_id().await?);
		let uri = label_uri(&label);
		let tx = self.publish_model(requester, &uri, &[], &key).await?;
		let filed = self.file_request(requester, &[tx], &[0], Paradigm::Parallel).await?;
		let new = label_uri(&format!("{label}-redacted")).into_bytes();
		self.submit_update(requester, filed.id, tx, Some(new)).await?;
		self.redact_by_threshold(requester, filed.id, timeout).await
	}
}
