//! Criterion benchmarks of the chameleon hash, each reported as a ratio to one
//! `RistrettoPoint::vartime_double_scalar_mul_basepoint` measured in the same run.
//!
//! ```text
//! cargo bench -p blockful-chameleon --bench chameleon -- --measurement-time 2 --warm-up-time 1
//! ```
//!
//! After the criterion output comes a markdown table of medians and ratios, also written to
//! `<criterion dir>/chameleon-ratios.md`.

use blockful_chameleon::{
	adapt, dev_secret_key, hash, hash_from_seed,
	threshold::{self, KeyShare, PartialShare, PublicKeyPackage, Session, SigningPackage},
	verify, ChCheck, PreparedPublicKey,
};
use criterion::{black_box, BatchSize, Criterion};
use curve25519_dalek::{ristretto::RistrettoPoint, scalar::Scalar};
use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};
use sha2::{Digest, Sha512};
use std::{
	fmt::Write as _,
	path::{Path, PathBuf},
	process::Command,
	time::SystemTime,
};

const GROUP: &str = "chameleon";
const BASELINE: &str = "baseline_double_scalar_mul";
/// A 100-byte message, about the size of a model transaction's hashed payload.
const MESSAGE: &[u8] = &[0x5a; 100];

struct Committee {
	t: u16,
	shares: Vec<KeyShare>,
	keys: PublicKeyPackage,
	check: ChCheck,
	package: SigningPackage,
	partials: Vec<PartialShare>,
}

fn committee(t: u16, n: u16, rng: &mut ChaCha20Rng) -> Committee {
	let (shares, keys) = threshold::trusted_dealer_keygen(t, n, rng).unwrap();
	let (check, _) = hash(&keys.group_key, b"original", rng).unwrap();
	let signers = &shares[..usize::from(t)];
	let (nonces, commitments): (Vec<_>, Vec<_>) =
		signers.iter().map(|s| threshold::round1(s, rng)).unzip();
	let package = SigningPackage::new(check, MESSAGE, &commitments).unwrap();
	let partials = signers
		.iter()
		.zip(nonces)
		.map(|(s, n)| threshold::round2(s, n, &package).unwrap())
		.collect();
	Committee { t, shares, keys, check, package, partials }
}

fn bench_single(c: &mut Criterion, rng: &mut ChaCha20Rng) {
	let sk = dev_secret_key();
	let pk = sk.public();
	let (check, rand) = hash(&pk, MESSAGE, rng).unwrap();
	let a = Scalar::random(rng);
	let b = Scalar::random(rng);
	let point = RistrettoPoint::random(rng);

	let mut group = c.benchmark_group(GROUP);
	group.bench_function(BASELINE, |bench| {
		bench.iter(|| {
			RistrettoPoint::vartime_double_scalar_mul_basepoint(
				black_box(&a),
				black_box(&point),
				black_box(&b),
			)
		})
	});
	// The parts verify adds on top of the baseline, to explain its ratio.
	let compressed = point.compress();
	group.bench_function("part_decompress", |bench| bench.iter(|| black_box(&compressed).decompress()));
	group.bench_function("part_compress", |bench| bench.iter(|| black_box(&point).compress()));
	group.bench_function("part_challenge_hash", |bench| {
		bench.iter(|| {
			let mut hasher = Sha512::new();
			hasher.update(b"blockful/ch/v1");
			hasher.update(black_box(&pk.0));
			hasher.update(black_box(&rand.0[..32]));
			hasher.update(black_box(MESSAGE));
			Scalar::from_hash(hasher)
		})
	});
	group.bench_function("verify", |bench| {
		bench.iter(|| verify(black_box(&pk), black_box(MESSAGE), black_box(&rand), black_box(&check)))
	});
	group.bench_function("prepare_public_key", |bench| {
		bench.iter(|| PreparedPublicKey::new(black_box(&pk)))
	});
	let prepared = PreparedPublicKey::new(&pk).unwrap();
	group.bench_function("verify_prepared", |bench| {
		bench.iter(|| prepared.verify(black_box(MESSAGE), black_box(&rand), black_box(&check)))
	});
	let mut hash_rng = rng.clone();
	group.bench_function("hash", |bench| {
		bench.iter(|| hash(black_box(&pk), black_box(MESSAGE), &mut hash_rng))
	});
	group.bench_function("hash_from_seed", |bench| {
		bench.iter(|| hash_from_seed(black_box(&pk), black_box(MESSAGE), black_box(&[7u8; 32])))
	});
	let mut adapt_rng = rng.clone();
	group.bench_function("adapt", |bench| {
		bench.iter(|| adapt(black_box(&sk), black_box(&check), black_box(MESSAGE), &mut adapt_rng))
	});
	group.finish();
}

fn bench_threshold(c: &mut Criterion, committee: &Committee, rng: &mut ChaCha20Rng) {
	let t = committee.t;
	let me = &committee.shares[0];
	let others: Vec<_> = committee.package.commitments()[1..].to_vec();
	let mut group = c.benchmark_group(GROUP);
	let mut round1_rng = rng.clone();
	group.bench_function(format!("round1_t{t}"), |bench| {
		bench.iter(|| threshold::round1(black_box(me), &mut round1_rng))
	});
	let mut round2_rng = rng.clone();
	group.bench_function(format!("round2_t{t}"), |bench| {
		bench.iter_batched(
			|| {
				// Fresh nonces each time: round 2 consumes them and checks they are in the
				// package. Setup is not timed.
				let (nonces, mine) = threshold::round1(me, &mut round2_rng);
				let mut all = others.clone();
				all.push(mine);
				(nonces, SigningPackage::new(committee.check, MESSAGE, &all).unwrap())
			},
			|(nonces, package)| threshold::round2(me, nonces, &package),
			BatchSize::SmallInput,
		)
	});
	let share = committee.partials[0];
	group.bench_function(format!("verify_share_t{t}"), |bench| {
		bench.iter(|| {
			threshold::verify_share(
				black_box(&committee.keys),
				black_box(&committee.package),
				black_box(&share),
			)
		})
	});
	let session = Session::new(&committee.keys, &committee.package).unwrap();
	group.bench_function(format!("session_verify_share_t{t}"), |bench| {
		bench.iter(|| session.verify_share(black_box(&share)))
	});
	group.bench_function(format!("aggregate_t{t}"), |bench| {
		bench.iter(|| {
			threshold::aggregate(
				black_box(&committee.keys),
				black_box(&committee.package),
				black_box(&committee.partials),
			)
		})
	});
	group.finish();
}

/// Where criterion writes its estimates, resolved the way criterion does.
fn criterion_dir() -> PathBuf {
	if let Some(home) = std::env::var_os("CRITERION_HOME") {
		return PathBuf::from(home)
	}
	if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
		return PathBuf::from(target).join("criterion")
	}
	let from_metadata = std::env::var_os("CARGO").and_then(|cargo| {
		let output =
			Command::new(cargo).args(["metadata", "--format-version", "1", "--no-deps"]).output().ok()?;
		let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).ok()?;
		Some(PathBuf::from(metadata["target_directory"].as_str()?).join("criterion"))
	});
	from_metadata.unwrap_or_else(|| PathBuf::from("target/criterion"))
}

/// Median of `name` in nanoseconds, if it was measured in this run (not left over from an
/// earlier, filtered one).
fn median_ns(dir: &Path, name: &str, started: SystemTime) -> Option<f64> {
	let path = dir.join(GROUP).join(name).join("new").join("estimates.json");
	if std::fs::metadata(&path).ok()?.modified().ok()? < started {
		return None
	}
	let estimates: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
	estimates["median"]["point_estimate"].as_f64()
}

fn report_ratios(started: SystemTime) {
	let dir = criterion_dir();
	let Some(baseline) = median_ns(&dir, BASELINE, started) else {
		println!("no baseline measured in this run; no ratio table");
		return
	};
	let rows = [
		("hash", "hash"),
		("hash_from_seed", "hash_from_seed"),
		("part_decompress", "part of verify: one point decompression"),
		("part_compress", "part of verify: one point compression"),
		("part_challenge_hash", "part of verify: challenge hash, 100-byte message"),
		("verify", "verify"),
		("prepare_public_key", "`PreparedPublicKey::new` (once per key)"),
		("verify_prepared", "verify with a `PreparedPublicKey`"),
		("adapt", "adapt"),
		("round1_t3", "threshold round 1 (one signer), t = 3"),
		("round2_t3", "threshold round 2 (one signer), t = 3"),
		("verify_share_t3", "share verification (incl. session setup), t = 3"),
		("session_verify_share_t3", "share verification (session reused), t = 3"),
		("aggregate_t3", "aggregation (incl. session setup), t = 3"),
		("round1_t5", "threshold round 1 (one signer), t = 5"),
		("round2_t5", "threshold round 2 (one signer), t = 5"),
		("verify_share_t5", "share verification (incl. session setup), t = 5"),
		("session_verify_share_t5", "share verification (session reused), t = 5"),
		("aggregate_t5", "aggregation (incl. session setup), t = 5"),
	];
	let mut table = String::new();
	let _ = writeln!(table, "| operation | median | ratio to baseline |");
	let _ = writeln!(table, "|---|---:|---:|");
	let _ = writeln!(
		table,
		"| baseline: `vartime_double_scalar_mul_basepoint` | {:.1} µs | 1.00 |",
		baseline / 1000.0
	);
	for (name, label) in rows {
		if let Some(ns) = median_ns(&dir, name, started) {
			let _ = writeln!(table, "| {label} | {:.1} µs | {:.2} |", ns / 1000.0, ns / baseline);
		}
	}
	println!("\nchameleon ratios (medians of this run):\n\n{table}");
	let out = dir.join("chameleon-ratios.md");
	if std::fs::write(&out, &table).is_ok() {
		println!("written to {}", out.display());
	}
}

fn main() {
	let started = SystemTime::now();
	let mut criterion = Criterion::default().configure_from_args();
	let mut rng = ChaCha20Rng::seed_from_u64(0xBE7C);
	bench_single(&mut criterion, &mut rng);
	for (t, n) in [(3u16, 4u16), (5, 7)] {
		let committee = committee(t, n, &mut rng);
		bench_threshold(&mut criterion, &committee, &mut rng);
	}
	criterion.final_summary();
	report_ratios(started);
}
