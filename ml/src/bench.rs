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
use crate::report::Timing;
use crate::store::{Cid, KuboOptions, ModelStore, Stores};
use crate::unlearn::{propagate_unsynced, ParallelConfig};
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

/// End-to-end propagation on one DAG: [`propagate`] from the store to the store against
/// the memory-speed baseline, in the same run, repeated.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StoreBench {
	/// Which DAG (`fig4`, `random-200`).
	pub dag: String,
	/// The live store's backend: `local` (a directory) or `kubo` (an IPFS node's RPC API).
	#[serde(default)]
	pub backend: String,
	/// Models in the DAG.
	pub dag_models: usize,
	/// Start models (deltas).
	pub starts: usize,
	/// Models propagated (|N(W)|).
	pub models: usize,
	/// Parameters per model.
	pub params: usize,
	/// Bytes read (= bytes written) per run.
	pub bytes: u64,
	/// Runs of each side.
	pub repeats: usize,
	/// `propagate`: map + verify CID + eqs. 7-8 + hash new CID + write, one sync at the end.
	pub propagate: Timing,
	/// Baseline: per model one sequential read of the file, one memcpy of its bytes, one
	/// write of them to a new file; one sync at the end.
	pub baseline: Timing,
	/// propagate / baseline (medians).
	pub ratio: f64,
	/// The same without the final sync on either side (what the CPU does).
	pub propagate_unsynced: Timing,
	/// Baseline without the final sync.
	pub baseline_unsynced: Timing,
	/// Unsynced ratio (medians).
	pub ratio_unsynced: f64,
	/// sha2-256 over the same bytes once (median): the content addressing's share; the
	/// pipeline hashes every byte twice (verify the old CID, make the new one).
	pub sha256: Timing,
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
	/// Store-backed propagation, end to end, per DAG and backend.
	pub store: Vec<StoreBench>,
	/// Model add and read: raw copy, local store, kubo.
	#[serde(default)]
	pub store_io: Vec<StoreIoBench>,
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

/// The fig4 topology's DAG and its start models.
fn fig4_dag() -> Result<(Dag, Vec<usize>)> {
	let topo = crate::topology::Topology::load("fig4")?;
	let index: std::collections::HashMap<&str, usize> =
		topo.models.iter().enumerate().map(|(i, m)| (m.id.as_str(), i)).collect();
	let parents = topo.models.iter().map(|m| m.refs.iter().map(|r| index[r.as_str()]).collect()).collect();
	let starts = topo.unlearning.start_models.iter().map(|s| index[s.as_str()]).collect();
	Ok((Dag::new(parents)?, starts))
}

/// A random DAG of `n` models, each referencing 1-3 of the previous 16, all inheriting
/// from model 0 (the start).
fn random_dag(n: usize) -> Result<(Dag, Vec<usize>)> {
	let mut rng = ChaCha8Rng::seed_from_u64(9);
	let parents = (0..n)
		.map(|y| {
			let mut ps: Vec<usize> = Vec::new();
			let want = if y == 0 { 0 } else { rng.random_range(1..=3usize).min(y) };
			while ps.len() < want {
				let p = rng.random_range(y.saturating_sub(16)..y);
				if !ps.contains(&p) {
					ps.push(p);
				}
			}
			ps
		})
		.collect();
	Ok((Dag::new(parents)?, vec![0]))
}

/// Per model: one sequential read of its file (in the local store `files`), one memcpy, one
/// write to `out`.
fn baseline_pass(files: &ModelStore, cids: &[Cid], nodes: &[usize], out: &std::path::Path) -> Result<()> {
	for &y in nodes {
		let path = files.local_path(&cids[y]).expect("a local store");
		let bytes = std::fs::read(&path).map_err(|e| crate::WorkerError::io(&path, e))?;
		let copy = black_box(bytes.clone());
		let dst = out.join(format!("{y}.bin"));
		std::fs::write(&dst, &copy).map_err(|e| crate::WorkerError::io(&dst, e))?;
	}
	Ok(())
}

/// [`propagate`] on `dag` (models of `params` parameters, in a local live store, or on the
/// kubo node whose API is `kubo`) against the baseline (read a local file, memcpy, write a
/// local file), alternating, `repeats` times each.
pub fn store_propagation(
	name: &str,
	dag: Dag,
	starts: Vec<usize>,
	params: usize,
	repeats: usize,
	kubo: Option<&str>,
) -> Result<StoreBench> {
	let dir = std::env::temp_dir().join(format!("blockful-bench-{}-{name}-{}", std::process::id(), kubo.is_some()));
	let mut stores = Stores::open(dir.join("store"))?;
	// The baseline reads local files: the local live store, or a mirror of the IPFS one.
	let files = stores.live.clone();
	if let Some(api) = kubo {
		stores.live = ModelStore::ipfs(api, "live", KuboOptions::default())?;
	}
	let mut cids = Vec::with_capacity(dag.len());
	for i in 0..dag.len() {
		let bytes = weights_of(params, 100 + i as u64)?.to_safetensors()?;
		cids.push(stores.live.put(&bytes)?);
		if kubo.is_some() {
			files.put(&bytes)?;
		}
	}
	let deltas: Vec<(usize, Weights)> =
		starts.iter().map(|&s| Ok((s, weights_of(params, 7 + s as u64)?))).collect::<Result<_>>()?;
	let nodes = dag.inherited(&starts)?;
	let cfg = ParallelConfig { alpha: 1e-3, epsilon: 0.0 };
	let base = crate::store::ModelStore::open(dir.join("baseline"), "baseline")?;
	let (mut prop, mut prop_cpu, mut copy, mut copy_cpu, mut hash) = (vec![], vec![], vec![], vec![], vec![]);
	// What the bench wrote, removed again before each run (never anything else on a node).
	let mut written: Vec<Cid> = Vec::new();
	for _ in 0..repeats.max(1) {
		for cid in written.drain(..) {
			if !cids.contains(&cid) {
				stores.live.remove(&cid)?;
			}
		}
		stores.live.sync()?;
		let t = Instant::now();
		let (done, _) = propagate_unsynced(&dag, &cids, &deltas, cfg, &stores, |_| {})?;
		written.extend(done.iter().map(|p| p.new_cid));
		prop_cpu.push(t.elapsed().as_secs_f64());
		stores.live.sync()?;
		prop.push(t.elapsed().as_secs_f64());
		debug_assert_eq!(done.len(), nodes.len());
		let t = Instant::now();
		baseline_pass(&files, &cids, &nodes, base.root().expect("a local store"))?;
		let cpu = t.elapsed().as_secs_f64();
		base.sync()?;
		copy.push(t.elapsed().as_secs_f64());
		copy_cpu.push(cpu);
		let t = Instant::now();
		for &y in &nodes {
			black_box(Cid::of(&std::fs::read(files.local_path(&cids[y]).expect("a local store")).unwrap_or_default()));
		}
		hash.push(t.elapsed().as_secs_f64());
	}
	if kubo.is_some() {
		for cid in written.iter().chain(&cids) {
			stores.live.remove(cid)?;
		}
	}
	let _ = std::fs::remove_dir_all(&dir);
	let (p, b, pc, bc) = (Timing::of(&prop), Timing::of(&copy), Timing::of(&prop_cpu), Timing::of(&copy_cpu));
	Ok(StoreBench {
		backend: if kubo.is_some() { "kubo" } else { "local" }.into(),
		dag: name.into(),
		dag_models: dag.len(),
		starts: starts.len(),
		models: nodes.len(),
		params,
		bytes: (nodes.len() * params * 4) as u64,
		repeats: repeats.max(1),
		ratio: p.median / b.median,
		ratio_unsynced: pc.median / bc.median,
		propagate: p,
		baseline: b,
		propagate_unsynced: pc,
		baseline_unsynced: bc,
		sha256: Timing::of(&hash),
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

/// One store operation on one model size, against a raw copy of the same bytes.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StoreIoBench {
	/// Model bytes.
	pub bytes: usize,
	/// Runs of each (each run stores other bytes of the same size).
	pub repeats: usize,
	/// `cp`: `std::fs::copy` of the model file to a new file, then `fsync` of it.
	pub cp: Timing,
	/// Local store `put` (CID + write + `fsync` + rename).
	pub local_put: Timing,
	/// Local store `get` (read + CID check).
	pub local_get: Timing,
	/// kubo `add` through the RPC API (pinned; the answer checked against the CID computed here).
	pub kubo_add: Option<Timing>,
	/// kubo `cat` through the RPC API (the bytes checked against their CID).
	pub kubo_cat: Option<Timing>,
}

/// Runs `f`, appending its wall time in seconds to `times`.
fn timed<T>(times: &mut Vec<f64>, f: impl FnOnce() -> Result<T>) -> Result<T> {
	let t = Instant::now();
	let out = f();
	times.push(t.elapsed().as_secs_f64());
	out
}

/// Add and read of models of each of `sizes` bytes: `cp`, the local store and (with `kubo`)
/// a kubo node, interleaved in one run, `repeats` times each.
pub fn store_io(sizes: &[usize], repeats: usize, kubo: Option<&str>) -> Result<Vec<StoreIoBench>> {
	let dir = std::env::temp_dir().join(format!("blockful-bench-io-{}", std::process::id()));
	let local = ModelStore::open(dir.join("local"), "bench")?;
	let ipfs = kubo.map(|api| ModelStore::ipfs(api, "bench", KuboOptions::default())).transpose()?;
	let mut out = Vec::new();
	for &size in sizes {
		let (mut cp, mut put, mut get, mut add, mut cat) = (vec![], vec![], vec![], vec![], vec![]);
		for run in 0..repeats.max(1) {
			let mut rng = ChaCha8Rng::seed_from_u64((size + run) as u64);
			let bytes: Vec<u8> = (0..size).map(|_| rng.random()).collect();
			let src = dir.join("source.bin");
			std::fs::write(&src, &bytes).map_err(|e| crate::WorkerError::io(&src, e))?;
			let dst = dir.join(format!("copy-{run}.bin"));
			timed(&mut cp, || {
				std::fs::copy(&src, &dst).map_err(|e| crate::WorkerError::io(&dst, e))?;
				std::fs::File::open(&dst).and_then(|f| f.sync_all()).map_err(|e| crate::WorkerError::io(&dst, e))
			})?;
			let cid = timed(&mut put, || local.put(&bytes))?;
			black_box(timed(&mut get, || local.get(&cid))?);
			if let Some(ipfs) = &ipfs {
				let c = timed(&mut add, || ipfs.put(&bytes))?;
				black_box(timed(&mut cat, || ipfs.get(&c))?);
				ipfs.remove(&c)?;
			}
			local.remove(&cid)?;
			let _ = std::fs::remove_file(&dst);
		}
		let repeats = repeats.max(1);
		let timing = |v: &[f64]| (!v.is_empty()).then(|| Timing::of(v));
		out.push(StoreIoBench {
			bytes: size,
			repeats,
			cp: Timing::of(&cp),
			local_put: Timing::of(&put),
			local_get: Timing::of(&get),
			kubo_add: timing(&add),
			kubo_cat: timing(&cat),
		});
	}
	let _ = std::fs::remove_dir_all(&dir);
	Ok(out)
}

/// Runs everything: in-memory propagation of `models` × `params`, end-to-end propagation
/// on fig4 and a 200-model DAG with `store_params` per model (`repeats` runs each; with
/// `kubo`, also with the live store on that IPFS node), the store I/O benchmark (4 MB and
/// 45 MB models), DP benchmarks, and the DP on a DAG of `nodes` nodes.
pub fn run(
	models: usize,
	params: usize,
	store_params: usize,
	repeats: usize,
	nodes: usize,
	kubo: Option<&str>,
) -> Result<BenchReport> {
	let mut store = Vec::new();
	let backends = if kubo.is_some() { vec![None, kubo] } else { vec![None] };
	for backend in backends {
		let (dag, starts) = fig4_dag()?;
		store.push(store_propagation("fig4", dag, starts, store_params, repeats, backend)?);
		let (dag, starts) = random_dag(200)?;
		store.push(store_propagation("random-200", dag, starts, store_params, repeats, backend)?);
	}
	Ok(BenchReport {
		propagation: propagation(models, params)?,
		store,
		store_io: store_io(&[4_000_000, 45_000_000], repeats, kubo)?,
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
		let _ = writeln!(
			s,
			"| End-to-end propagation (store → store) | live store | models | MB | propagate (s) median [min, max] | baseline (s) median [min, max] | **ratio** | ratio without the final sync | CID hash once (s) |\n|---|---|---:|---:|---:|---:|---:|---:|---:|"
		);
		let t = |x: &Timing| format!("{:.3} [{:.3}, {:.3}]", x.median, x.min, x.max);
		for st in &self.store {
			let _ = writeln!(
				s,
				"| {} ({} models, {} start(s), {} params each, {} runs) | {} | {} | {:.0} | {} | {} | **{:.2}×** | {:.2}× | {:.3} |",
				st.dag, st.dag_models, st.starts, st.params, st.repeats, st.backend, st.models, st.bytes as f64 / 1e6,
				t(&st.propagate), t(&st.baseline), st.ratio, st.ratio_unsynced, st.sha256.median
			);
		}
		let _ = writeln!(s);
		if !self.store_io.is_empty() {
			let _ = writeln!(
				s,
				"| Model I/O (s, median [min, max]) | MB | runs | cp + fsync | local put | local get | kubo add | kubo cat | kubo add / cp |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|"
			);
			for io in &self.store_io {
				let opt = |x: &Option<Timing>| x.as_ref().map_or("–".to_string(), t);
				let ratio = io.kubo_add.as_ref().map_or("–".to_string(), |a| format!("{:.1}×", a.median / io.cp.median));
				let _ = writeln!(
					s,
					"| {:.0} MB model | {:.0} | {} | {} | {} | {} | {} | {} | {} |",
					io.bytes as f64 / 1e6, io.bytes as f64 / 1e6, io.repeats, t(&io.cp), t(&io.local_put), t(&io.local_get),
					opt(&io.kubo_add), opt(&io.kubo_cat), ratio
				);
			}
			let _ = writeln!(s);
		}
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
