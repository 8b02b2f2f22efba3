//! The paper's Table II as a **prediction** (issue 13). The unit costs are measured in a
//! calibration step before the tasks and apart from them ([`calibrate`]); each task's totals
//! are then predicted from the table's equations ([`predict`]) and set beside what the task
//! measured, term by term:
//!
//! | paradigm | CH | consensus | transfers |
//! |---|---|---|---|
//! | parallel | (K + L) C_CH | C_con | 2K C_tran |
//! | sequential | 2K C_CH | K C_con | (2K + N^R (K − 1)) C_tran |
//!
//! K models updated, L live blocks touched, N^R the mean number of references an updated
//! model is re-aggregated from. On this chain the committee computes the collisions inside
//! the consensus, so the measured consensus time contains the CH term: the two are compared
//! together. The flow moves each updated model three times (download the old version,
//! upload the new one, copy the old one to the archive), where Table II counts two (up and
//! down): the transfer term's error shows that difference in the model, not noise.

use std::path::Path;
use std::time::{Duration, Instant};

use blockful_chain_client::{calibrate, Chain, Keypair};
use blockful_ml::report::Timing;
use blockful_ml::store::{Cid, ModelStore, StoreLocation, Stores};
use serde::Serialize;

use crate::flow::{FlowError, ParadigmReport};

/// The unit costs, measured on their own.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Calibration {
	/// C_CH: one 3-of-4 collision computed natively the committee's way (median of 21).
	pub c_ch_seconds: f64,
	/// C_con: a one-model threshold redaction, proposal to applied, less its 2 C_CH
	/// (median of [`CONSENSUS_RUNS`]).
	pub c_con_seconds: f64,
	/// The C_con runs: median, min, max (s).
	pub c_con_runs: Timing,
	/// Blocks that redaction took (median of the runs).
	pub c_con_blocks: u64,
	/// C_tran: one model moved between stores (read and verify, write and sync; median of 5).
	pub c_tran_seconds: f64,
	/// Bytes of the model used for C_tran.
	pub model_bytes: u64,
}

/// One task's Table II prediction beside its measurement.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Prediction {
	/// Models updated (K).
	pub k: usize,
	/// Live blocks touched (L).
	pub l: usize,
	/// Mean references per updated model (N^R).
	pub n_r: f64,
	/// Predicted CH term (s).
	pub ch_seconds: f64,
	/// Predicted consensus term (s).
	pub con_seconds: f64,
	/// Predicted transfers (count) and their term (s).
	pub transfers: f64,
	/// Predicted transfer term (s).
	pub tran_seconds: f64,
	/// Predicted total (s).
	pub total_seconds: f64,
	/// Measured consensus, the committee's collisions included (s).
	pub measured_con_seconds: f64,
	/// Measured transfers (count) and their time (s).
	pub measured_transfers: usize,
	/// Measured transfer time (s).
	pub measured_tran_seconds: f64,
	/// Measured total (s).
	pub measured_total_seconds: f64,
	/// (predicted CH + consensus − measured consensus) / measured consensus.
	pub error_con: f64,
	/// (predicted − measured) / measured transfer time.
	pub error_tran: f64,
	/// (predicted − measured) / measured total.
	pub error_total: f64,
}

/// One-model redactions C_con is the median of (each publishes a model, files a request
/// on it and has the committee redact it: about 10 s of wall time on a 2-s-block chain).
pub const CONSENSUS_RUNS: usize = 5;

/// Measures C_CH, C_con (with `requester`, which must be funded) and C_tran (with `model`
/// from `source`, into `live` when it is an IPFS store, else through a scratch directory
/// under `dir`).
pub async fn calibrate(
	chain: &Chain,
	requester: &Keypair,
	source: &Stores,
	model: &Cid,
	dir: &Path,
	live: Option<&StoreLocation>,
) -> Result<Calibration, FlowError> {
	let c_ch = calibrate::collision_seconds(3, 4, 21)?;
	let mut seconds = Vec::with_capacity(CONSENSUS_RUNS);
	let mut blocks = Vec::with_capacity(CONSENSUS_RUNS);
	for _ in 0..CONSENSUS_RUNS {
		let run = chain.one_model_redaction(requester, Duration::from_secs(300)).await?;
		seconds.push((run.seconds - 2.0 * c_ch).max(0.0));
		blocks.push(run.blocks);
	}
	blocks.sort_unstable();
	let c_con = Timing::of(&seconds);
	let (c_tran, bytes) = tokio::task::block_in_place(|| transfer_seconds(source, model, dir, live))?;
	Ok(Calibration {
		c_ch_seconds: c_ch,
		c_con_seconds: c_con.median,
		c_con_runs: c_con,
		c_con_blocks: blocks[blocks.len() / 2],
		c_tran_seconds: c_tran,
		model_bytes: bytes,
	})
}

/// Median seconds of one model transfer (verified read from `source`, durable write to a
/// scratch directory, or an add to the live IPFS node), over 5 runs, and the model's size.
fn transfer_seconds(
	source: &Stores,
	model: &Cid,
	dir: &Path,
	live: Option<&StoreLocation>,
) -> Result<(f64, u64), FlowError> {
	let mut times = Vec::new();
	let mut bytes = 0;
	for run in 0..5 {
		let store = match live {
			Some(ipfs @ StoreLocation::Ipfs(_)) => ModelStore::at(ipfs, "calibration")?,
			_ => ModelStore::open(dir.join(format!("transfer-{run}")), "calibration")?,
		};
		// A node kept between runs may hold the model pinned already: leave such a pin alone.
		let pinned_before = store.root().is_none() && store.contains(model)?;
		let t = Instant::now();
		let data = source.get(model)?;
		let cid = store.put(&data)?;
		times.push(t.elapsed().as_secs_f64());
		bytes = data.len() as u64;
		match store.root() {
			Some(root) => drop(std::fs::remove_dir_all(root)),
			None if !pinned_before => store.remove(&cid)?,
			None => {}
		}
	}
	Ok((Timing::of(&times).median, bytes))
}

/// Table II's prediction for a finished task, beside what it measured. `n_r` is the mean
/// number of references of its updated models.
pub fn predict(parallel: bool, cal: &Calibration, r: &ParadigmReport, n_r: f64) -> Prediction {
	let (k, l) = (r.models_updated, r.blocks_touched);
	let (kf, lf) = (k as f64, l as f64);
	let (ch, con, transfers) = if parallel {
		((kf + lf) * cal.c_ch_seconds, cal.c_con_seconds, 2.0 * kf)
	} else {
		(2.0 * kf * cal.c_ch_seconds, kf * cal.c_con_seconds, 2.0 * kf + n_r * (kf - 1.0).max(0.0))
	};
	let tran = transfers * cal.c_tran_seconds;
	let measured_total = r.c_con_seconds + r.c_tran_seconds;
	let rel = |p: f64, m: f64| if m > 0.0 { (p - m) / m } else { f64::NAN };
	Prediction {
		k,
		l,
		n_r,
		ch_seconds: ch,
		con_seconds: con,
		transfers,
		tran_seconds: tran,
		total_seconds: ch + con + tran,
		measured_con_seconds: r.c_con_seconds,
		measured_transfers: r.transfers,
		measured_tran_seconds: r.c_tran_seconds,
		measured_total_seconds: measured_total,
		error_con: rel(ch + con, r.c_con_seconds),
		error_tran: rel(tran, r.c_tran_seconds),
		error_total: rel(ch + con + tran, measured_total),
	}
}

/// The calibration and both predictions as markdown.
pub fn table(cal: &Calibration, rows: &[(&str, &Prediction)]) -> String {
	let mut s = format!(
		"## Table II as a prediction\n\nUnit costs measured before the tasks, apart from them: \
		 C_CH = {:.2} ms (one 3-of-4 collision, native, median of 21), C_con = {:.2} s \
		 ({:.2}–{:.2} s over {} runs, median {} blocks: a one-model threshold redaction, less \
		 its collisions), C_tran = {:.1} ms per model ({:.2} MB, \
		 verified read + synced write, median of 5).\n\n\
		 | paradigm | K | L | N^R | predicted CH + consensus (s) | measured consensus (s) | error | predicted transfers (n / s) | measured transfers (n / s) | error | predicted total (s) | measured total (s) | error |\n\
		 |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
		cal.c_ch_seconds * 1e3,
		cal.c_con_seconds,
		cal.c_con_runs.min,
		cal.c_con_runs.max,
		cal.c_con_runs.runs,
		cal.c_con_blocks,
		cal.c_tran_seconds * 1e3,
		cal.model_bytes as f64 / 1e6
	);
	for (name, p) in rows {
		s.push_str(&format!(
			"| {name} | {} | {} | {:.2} | {:.2} | {:.2} | {:+.0}% | {:.0} / {:.3} | {} / {:.3} | {:+.0}% | {:.2} | {:.2} | {:+.0}% |\n",
			p.k,
			p.l,
			p.n_r,
			p.ch_seconds + p.con_seconds,
			p.measured_con_seconds,
			p.error_con * 100.0,
			p.transfers,
			p.tran_seconds,
			p.measured_transfers,
			p.measured_tran_seconds,
			p.error_tran * 100.0,
			p.total_seconds,
			p.measured_total_seconds,
			p.error_total * 100.0,
		));
	}
	s
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn predictions_follow_table_two() {
		let cal = Calibration {
			c_ch_seconds: 0.001,
			c_con_seconds: 4.0,
			c_con_runs: Timing::of(&[4.0, 3.9, 4.2, 4.0, 4.1]),
			c_con_blocks: 2,
			c_tran_seconds: 0.01,
			model_bytes: 1,
		};
		let r = ParadigmReport {
			models_updated: 8,
			blocks_touched: 5,
			c_con_seconds: 5.0,
			c_tran_seconds: 0.2,
			transfers: 24,
			..Default::default()
		};
		let p = predict(true, &cal, &r, 1.5);
		assert!((p.ch_seconds - 0.013).abs() < 1e-12, "(K + L) C_CH");
		assert_eq!(p.con_seconds, 4.0, "one consensus");
		assert_eq!(p.transfers, 16.0, "2K");
		assert!((p.error_con - (4.013 - 5.0) / 5.0).abs() < 1e-12);
		let s = predict(false, &cal, &r, 1.5);
		assert!((s.ch_seconds - 0.016).abs() < 1e-12, "2K C_CH");
		assert_eq!(s.con_seconds, 32.0, "K consensus rounds");
		assert_eq!(s.transfers, 16.0 + 1.5 * 7.0, "2K + N^R (K - 1)");
		let empty = ParadigmReport::default();
		assert!(predict(true, &cal, &empty, 0.0).error_total.is_nan(), "nothing measured: no error");
	}
}
