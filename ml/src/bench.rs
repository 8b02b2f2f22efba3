//! `blockful-worker bench`: the numbers the crate README reports.
//!
//! * GA propagation (w_y += α c(s,y) Δθ_s over K models, the inner loop of the parallel
//!   paradigm) against one `memcpy` of the same bytes, in the same run. Models rotate
//!   through a ring of buffers each larger than the last-level cache, so both sides
//!   stream from DRAM; the end-to-end variant adds the store (read, sha2-256 verify,
//!   parse, serialise, hash, write).
//! * DP coefficients (O(V+E)) against path enumeration on layered DAGs of depth 10/15/20,
//!   where the path count doubles per layer.
//! * DP on a random DAG with about a million edges.

use crate::dag::Dag;
use crate::error::Result;
use crate::store::{Cid, Stores};
use crate::unlearn::{propagate, ParallelConfig};
use crate::weights::{WeightTensor, Weights};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Instant;

const RING: usize = 4;

/// GA propagation vs memcpy.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PropagationBench {
	/// K.
	pub models: usize,
	/// Parameters per model.
	pub params: usize,
	/// Seconds for K in-memory axpy updates.
	pub axpy_seconds: f64,
	/// Seconds to memcpy the same K models.
	pub memcpy_seconds: f64,
	/// axpy / memcpy.
	pub ratio: f64,
	/// GB/s of model bytes updated.
	pub axpy_gbps: f64,
}

/// End-to-end propagation through the store.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StoreBench {
	/// Models propagated.
	pub models: usize,
	/// Parameters per model.
	pub params: usize,
	/// Seconds for `propagate` (load, verify, axpy, serialise, hash, write) over all models.
	pub propagate_seconds: f64,
	/// Seconds to memcpy the same bytes.
	pub memcpy_seconds: f64,
	/// propagate / memcpy.
	pub ratio: f64,
}

/// DP vs enumeration at one depth.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DpBench {
	/// Layers below the start.
	pub depth: usize,
	/// Paths from the start to the target.
	pub paths: u64,
	/// Seconds for the DP (all nodes).
	pub dp_seconds: f64,
	/// Seconds to enumerate every path to the target.
	pub enumeration_seconds: f64,
	/// enumeration / DP.
	pub speedup: f64,
}

/// DP on a large DAG.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LargeDagBench {
	/// Nodes.
	pub nodes: usize,
	/// Edges.
	pub edges: usize,
	/// Seconds to validate and order the DAG.
	pub build_seconds: f64,
	/// Seconds for N(W) of one start.
	pub inherited_seconds: f64,
	/// Seconds for the DP coefficients of one start.
	pub dp_seconds: f64,
	/// |N(W)|.
	pub inherited: usize,
}

/// All benchmark results.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct BenchReport {
	/// In-memory propagation.
	pub propagation: PropagationBench,
	/// Store-backed propagation.
	pub store: StoreBench,
	/// DP vs enumeration.
	pub dp: Vec<DpBench>,
	/// Large DAG.
	pub large: LargeDagBench,
}

fn weights_of(params: usize, seed: u64) -> Result<Weights> {
	let mut rng = ChaCha8Rng::seed_from_u64(seed);
	Weights::new(vec![WeightTensor {
		name: "w".into(),
		shape: vec![params],
		data: (0..params).map(|_| rng.random::<f32>() - 0.5).collect(),
	}])
}

/// GA propagation vs memcpy, in memory.
pub fn propagation(models: usize, params: usize) -> Result<PropagationBench> {
	let delta = weights_of(params, 1)?;
	let mut ring: Vec<Weights> =
		(0..RING).map(|i| weights_of(params, 10 + i as u64)).collect::<Result<_>>()?;
	let src: Vec<Vec<f32>> = ring.iter().map(|w| w.tensors()[0].data.clone()).collect();
	let mut dst: Vec<Vec<f32>> = vec![vec![0.0; params]; RING];
	// Warm up both paths (page faults, frequency).
	for i in 0..RING {
		ring[i].axpy(1e-3, &delta)?;
		dst[i].copy_from_slice(&src[i]);
	}
	let mut best_axpy = f64::INFINITY;
	let mut best_copy = f64::INFINITY;
	for _ in 0..3 {
		let t = Instant::now();
		for k in 0..models {
			ring[k % RING].axpy(1e-3 / (1 + k % 3) as f32, &delta)?;
		}
		black_box(&ring);
		best_axpy = best_axpy.min(t.elapsed().as_secs_f64());
		let t = Instant::now();
		for k in 0..models {
			dst[k % RING].copy_from_slice(&src[k % RING]);
			black_box(&dst[k % RING]);
		}
		best_copy = best_copy.min(t.elapsed().as_secs_f64());
	}
	Ok(PropagationBench {
		models,
		params,
		axpy_seconds: best_axpy,
		memcpy_seconds: best_copy,
		ratio: best_axpy / best_copy,
		axpy_gbps: (models * params * 4) as f64 / best_axpy / 1e9,
	})
}

/// `propagate` over a chain of `models` models stored on disk, vs memcpy of their bytes.
pub fn store_propagation(models: usize, params: usize) -> Result<StoreBench> {
	let dir = std::env::temp_dir().join(format!("blockful-bench-{}", std::process::id()));
	let stores = Stores::open(&dir)?;
	let n = models + 1;
	let dag = Dag::new((0..n).map(|i| if i == 0 { vec![] } else { vec![i - 1] }).collect())?;
	let mut cids: Vec<Cid> = Vec::with_capacity(n);
	for i in 0..n {
		cids.push(stores.publish(&weights_of(params, 100 + i as u64)?)?);
	}
	let delta = weights_of(params, 2)?;
	let cfg = ParallelConfig { alpha: 1.0, epsilon: 0.0 };
	let t = Instant::now();
	let (done, _) = propagate(&dag, &cids, &[(0, delta)], cfg, &stores, |_| {})?;
	let propagate_seconds = t.elapsed().as_secs_f64();
	let src = vec![1u8; params * 4];
	let mut dst = vec![0u8; params * 4];
	let t = Instant::now();
	for _ in 0..done.len() {
		dst.copy_from_slice(&src);
		black_box(&dst);
	}
	let memcpy_seconds = t.elapsed().as_secs_f64();
	let _ = std::fs::remove_dir_all(&dir);
	Ok(StoreBench {
		models: done.len(),
		params,
		propagate_seconds,
		memcpy_seconds,
		ratio: propagate_seconds / memcpy_seconds,
	})
}

/// Layered DAG: a start node, then `depth` layers of two nodes, each referencing both
/// nodes of the previous layer (the first layer references the start).
fn layered(depth: usize) -> Result<Dag> {
	let mut parents = vec![vec![]];
	for layer in 0..depth {
		for _ in 0..2 {
			parents.push(if layer == 0 {
				vec![0]
			} else {
				vec![1 + 2 * (layer - 1), 2 + 2 * (layer - 1)]
			});
		}
	}
	Dag::new(parents)
}

/// DP vs enumeration at the given depths.
pub fn dp_vs_enumeration(depths: &[usize]) -> Result<Vec<DpBench>> {
	let mut out = Vec::new();
	for &depth in depths {
		let dag = layered(depth)?;
		let target = dag.len() - 1;
		let t = Instant::now();
		let c = black_box(dag.coefficients(0)?);
		let dp_seconds = t.elapsed().as_secs_f64();
		let t = Instant::now();
		let e = black_box(dag.path_sum_enumerated(0, target, u64::MAX)?);
		let enumeration_seconds = t.elapsed().as_secs_f64();
		debug_assert!((c[target] - e).abs() < 1e-9);
		out.push(DpBench {
			depth,
			paths: 1u64 << (depth - 1),
			dp_seconds,
			enumeration_seconds,
			speedup: enumeration_seconds / dp_seconds.max(1e-9),
		});
	}
	Ok(out)
}

/// A random DAG of `nodes` nodes with fan-in 4 (≈ 4·nodes edges), DP timed.
pub fn large_dag(nodes: usize) -> Result<LargeDagBench> {
	let mut rng = ChaCha8Rng::seed_from_u64(5);
	let parents: Vec<Vec<usize>> = (0..nodes)
		.map(|y| {
			let mut ps = Vec::with_capacity(4);
			while ps.len() < 4.min(y) {
				let p = rng.random_range(y.saturating_sub(64)..y);
				if !ps.contains(&p) {
					ps.push(p);
				}
			}
			ps
		})
		.collect();
	let t = Instant::now();
	let dag = Dag::new(parents)?;
	let build_seconds = t.elapsed().as_secs_f64();
	let t = Instant::now();
	let inherited = dag.inherited(&[0])?.len();
	let inherited_seconds = t.elapsed().as_secs_f64();
	let t = Instant::now();
	black_box(dag.coefficients(0)?);
	let dp_seconds = t.elapsed().as_secs_f64();
	Ok(LargeDagBench {
		nodes,
		edges: dag.num_edges(),
		build_seconds,
		inherited_seconds,
		dp_seconds,
		inherited,
	})
}

/// Runs everything.
pub fn run(models: usize, params: usize, nodes: usize) -> Result<BenchReport> {
	Ok(BenchReport {
		propagation: propagation(models, params)?,
		store: store_propagation(8.min(models), params.min(2_000_000))?,
		dp: dp_vs_enumeration(&[10, 15, 20])?,
		large: large_dag(nodes)?,
	})
}

impl BenchReport {
	/// Markdown tables.
	pub fn markdown(&self) -> String {
		let mut s = String::new();
		let p = &self.propagation;
		let _ = writeln!(
            s,
            "| GA propagation, K = {} models × {} params | seconds |\n|---|---:|\n| w_y += αc·Δθ (axpy) | {:.4} |\n| memcpy of the same bytes | {:.4} |\n| **ratio** | **{:.2}×** |\n| axpy throughput | {:.2} GB/s |\n",
            p.models, p.params, p.axpy_seconds, p.memcpy_seconds, p.ratio, p.axpy_gbps
        );
		let st = &self.store;
		let _ = writeln!(
            s,
            "| End-to-end `propagate`, {} models × {} params (read, verify CID, axpy, write, hash) | seconds |\n|---|---:|\n| propagate | {:.4} |\n| memcpy of the same bytes | {:.4} |\n| ratio | {:.1}× |\n",
            st.models, st.params, st.propagate_seconds, st.memcpy_seconds, st.ratio
        );
		let _ = writeln!(
			s,
			"| depth | paths | DP (s) | enumeration (s) | speed-up |\n|---:|---:|---:|---:|---:|"
		);
		for d in &self.dp {
			let _ = writeln!(
				s,
				"| {} | {} | {:.2e} | {:.2e} | {:.0}× |",
				d.depth, d.paths, d.dp_seconds, d.enumeration_seconds, d.speedup
			);
		}
		let l = &self.large;
		let _ = writeln!(
            s,
            "\n| large DAG | value |\n|---|---:|\n| nodes | {} |\n| edges | {} |\n| build + topological order (s) | {:.3} |\n| N(W) of one start (s) | {:.3} |\n| DP coefficients of one start (s) | {:.3} |\n| inherited models | {} |",
            l.nodes, l.edges, l.build_seconds, l.inherited_seconds, l.dp_seconds, l.inherited
        );
		s
	}
}
