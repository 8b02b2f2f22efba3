//! Step 4: **collisions and consensus**. Once the owners submitted their updates
//! ([`crate::update`]), anyone files `Threshold.propose_redaction(request)`, which queues
//! those URIs (the caller chooses none); the committee nodes' off-chain
//! workers post nonce commitments (round 1, until `t` signers are chosen) and partial
//! shares (round 2), the runtime verifies each share, aggregates every collision and
//! applies the redaction (`Threshold.RedactionApplied`). The client only proposes and
//! follows the rounds, measuring each phase.

use std::time::{Duration, Instant};

use subxt::config::PolkadotConfig;
use subxt_signer::sr25519::Keypair;

use crate::api;
use crate::client::Chain;
use crate::error::{failed, ChainError, ChainResult};
use crate::types::ThresholdOutcome;

use api::threshold::events::{
	ChunkApplied, ProposalDropped, RedactionApplied, RedactionProposed, SignersChosen, SigningRestarted,
};

/// Where a proposal's follower stands after reading one block.
enum Followed {
	/// Not applied yet.
	Pending,
	/// Applied in this block.
	Applied,
}

impl Chain {
	/// `Threshold.propose_redaction(request)`, signed by `who` (anyone: the updates are the
	/// owners' submissions); returns the proposal id and the number of the block that
	/// included it.
	pub async fn propose_redaction(&self, who: &Keypair, request: u64) -> ChainResult<(u64, u64)> {
		let call = api::transactions().threshold().propose_redaction(request);
		let what = format!("proposing the redaction of request {request}");
		let (events, block) = self.submit(&what, &call, who, false).await?;
		let proposed = events
			.find_first::<RedactionProposed>()
			.transpose()
			.map_err(failed(&what))?
			.ok_or_else(|| ChainError::Invalid(format!("{what}: no RedactionProposed event")))?;
		Ok((proposed.proposal, self.header_number(Some(block)).await?))
	}

	/// Proposes the next redaction of `request` (its owners' submitted updates) and follows
	/// the chain until the committee's off-chain workers have computed every collision and
	/// the runtime applied it, or dropped the proposal (an error naming why). The client
	/// computes no collision and holds no committee key. Gives up after `timeout`.
	pub async fn redact_by_threshold(
		&self,
		who: &Keypair,
		request: u64,
		timeout: Duration,
	) -> ChainResult<ThresholdOutcome> {
		let start = Instant::now();
		let (proposal, proposed_at) = self.propose_redaction(who, request).await?;
		let mut out = ThresholdOutcome {
			proposal,
			proposed_seconds: start.elapsed().as_secs_f64(),
			..Default::default()
		};
		let mut next = proposed_at;
		while start.elapsed() < timeout {
			let best = self.header_number(None).await?;
			while next <= best {
				if let Followed::Applied = self.follow_block(next, proposed_at, start, &mut out).await? {
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

	/// Reads block `number`'s events for `out.proposal`, recording each phase it reached.
	async fn follow_block(
		&self,
		number: u64,
		proposed_at: u64,
		start: Instant,
		out: &mut ThresholdOutcome,
	) -> ChainResult<Followed> {
		let what = format!("reading the events of block {number}");
		let at = self.api.at_block(number).await.map_err(failed(&what))?;
		let events = at.events().fetch().await.map_err(failed(&what))?;
		let proposal = out.proposal;
		let mut applied_phase = None;
		let mut weights = Vec::new();
		for ev in events.iter() {
			let ev = ev.map_err(failed(&what))?;
			let phase = format!("{:?}", ev.phase());
			if let Some(e) = decode::<SignersChosen>(&ev, &what)? {
				if e.proposal == proposal {
					out.round1_blocks = number.saturating_sub(proposed_at);
					out.round1_seconds = start.elapsed().as_secs_f64();
				}
			} else if let Some(e) = decode::<SigningRestarted>(&ev, &what)? {
				out.restarts += u32::from(e.proposal == proposal);
			} else if let Some(e) = decode::<ChunkApplied>(&ev, &what)? {
				if e.proposal == proposal {
					out.chunks += 1;
				}
			} else if let Some(e) = decode::<RedactionApplied>(&ev, &what)? {
				if e.proposal == proposal {
					out.blocks = number.saturating_sub(proposed_at);
					out.applied_at = number;
					out.signers = e.signers;
					out.attempts = e.attempts;
					out.chunks = out.chunks.max(1);
					applied_phase = Some(phase);
				}
			} else if let Some(e) = decode::<ProposalDropped>(&ev, &what)? {
				if e.proposal == proposal {
					return Err(ChainError::Rejected {
						what: format!("redaction proposal {proposal}"),
						reason: format!("{:?}", e.error),
					});
				}
			} else if let Some(e) = decode::<api::system::events::ExtrinsicSuccess>(&ev, &what)? {
				weights.push((phase, u128::from(e.dispatch_info.weight.ref_time)));
			}
		}
		let Some(phase) = applied_phase else { return Ok(Followed::Pending) };
		// The member message whose shares completed the set paid for verifying them,
		// aggregating every collision and applying the redaction.
		out.apply_weight_ref_time = weights.iter().find(|(p, _)| *p == phase).map_or(0, |(_, w)| *w);
		Ok(Followed::Applied)
	}
}

/// The event as `E`, if it is one.
fn decode<E: subxt::events::DecodeAsEvent>(
	ev: &subxt::events::Event<'_, PolkadotConfig>,
	what: &str,
) -> ChainResult<Option<E>> {
	ev.decode_fields_as::<E>().transpose().map_err(failed(what))
}
