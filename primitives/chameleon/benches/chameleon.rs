//! Criterion benchmarks of the chameleon hash, each reported as a ratio to one
//! `RistrettoPoint::vartime_double_scalar_mul_basepoint` measured in the same run.
//!
//! ```text
//! cargo bench -p blockful-chameleon --bench chameleon -- --measurement-time 2 --warm-up-time 1
//! ```
//!
//! After the criterion output comes a markdown table, also written to
//! `<criterion dir>/chameleon-ratios.md`, with two numbers per operation:
//!
//! - the criterion median divided by the criterion median of the baseline;
//! - an *interleaved* ratio: batches of the operation and of the baseline alternate, and the
//!   median of the per-pair ratios is reported. Load from other processes drifts over the
//!   seconds criterion spends on each benchmark, and the interleaved ratio cancels that
//!   drift; on a busy machine it is the number to trust.

use blockful_chameleon::{
	BatchItem,
	adapt, dev_secret_key, hash, hash_from_seed,
	threshold::{self, KeyShare, PartialShare, PublicKeyPackage, Session, SigningPackage},
	verify, ChCheck, ChPublicKey, ChRandomness, ChSecretKey, PreparedPublicKey,
};
use criterion::{black_box, BatchSize, Criterion};
use curve25519_dalek::{
	ristretto::{CompressedRistretto, RistrettoPoint},
	scalar::Scalar,
};
use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};
use sha2::{Digest, Sha512};
use std::{
	fmt::Write as _,
	path::{Path, PathBuf},
	process::Command,
	time::{Duration, Instant, SystemTime},
};

const GROUP: &str = "chameleon";
const BASELINE: &str = "baseline_double_scalar_mul";
/// A 100-byte message, about the size of a model transaction's hashed payload.
const MESSAGE: &[u8] = &[0x5a; 100];

/// Everything the benchmarks work on, built once from a fixed seed.
/// Openings in the batch-verification benchmark.
const BATCH_ITEMS: usize = 64;

struct Fixture {
	/// `BATCH_ITEMS` valid openings under `pk`.
	batch: Vec<(Vec<u8>, ChRandomness, ChCheck)>,
	rng: ChaCha20Rng,
	sk: ChSecretKey,
	pk: ChPublicKey,
	check: ChCheck,
	rand: ChRandomness,
	prepared: PreparedPublicKey,
	a: Scalar,
	b: Scalar,
	point: RistrettoPoint,
	compressed: CompressedRistretto,
	committees: Vec<Committee>,
}

struct Committee {
	t: u16,
	shares: Vec<KeyShare>,
	keys: PublicKeyPackage,
	check: ChCheck,
	package: SigningPackage,
	partials: Vec<PartialShare>,
	session: Session,
	/// One signing round of `BATCH_ITEMS` collisions by the same signers: each
	/// collision's package and partial shares.
	round: Vec<(SigningPackage, Vec<PartialShare>)>,
}

impl Committee {
	fn new(t: u16, n: u16, rng: &mut ChaCha20Rng) -> Self {
		let (shares, keys) = threshold::trusted_dealer_keygen(t, n, rng).unwrap();
		let (check, _) = hash(&keys.group_key, b"original", rng).unwrap();
		let signers = &shares[..usize::from(t)];
		let (package, partials) = Self::sign(signers, check, rng);
		let session = Session::new(&keys, &package).unwrap();
		let round = (0..BATCH_ITEMS)
			.map(|i| {
				let (check, _) = hash(&keys.group_key, format!("model-{i}").as_bytes(), rng).unwrap();
				Self::sign(signers, check, rng)
			})
			.collect();
		Self { t, shares, keys, check, package, partials, session, round }
	}

	/// Both rounds by `signers` for `check` and `MESSAGE`: the package and the shares.
	fn sign(
		signers: &[KeyShare],
		check: ChCheck,
		rng: &mut ChaCha20Rng,
	) -> (SigningPackage, Vec<PartialShare>) {
		let (nonces, commitments): (Vec<_>, Vec<_>) =
			signers.iter().map(|s| threshold::round1(s, rng)).unzip();
		let package = SigningPackage::new(check, MESSAGE, &commitments).unwrap();
		let partials = signers
			.iter()
			.zip(nonces)
			.map(|(s, n)| threshold::round2(s, n, &package).unwrap())
			.collect();
		(package, partials)
	}

	/// Fresh nonces for member 1 and a package holding their commitments, as round 2 needs.
	fn round2_input(&self, rng: &mut ChaCha20Rng) -> (threshold::SigningNonces, SigningPackage) {
		let (nonces, mine) = threshold::round1(&self.shares[0], rng);
		let mut all = self.package.commitments()[1..].to_vec();
		all.push(mine);
		(nonces, SigningPackage::new(self.check, MESSAGE, &all).unwrap())
	}
}

impl Fixture {
	fn new() -> Self {
		let mut rng = ChaCha20Rng::seed_from_u64(0xBE7C);
		let sk = dev_secret_key();
		let pk = sk.public();
		let (check, rand) = hash(&pk, MESSAGE, &mut rng).unwrap();
		let point = RistrettoPoint::random(&mut rng);
		let committees = [(3u16, 4u16), (5, 7), (22, 32)]
			.into_iter()
			.map(|(t, n)| Committee::new(t, n, &mut rng))
			.collect();
		let batch = (0..BATCH_ITEMS)
			.map(|i| {
				let msg = format!("model-{i}").into_bytes();
				let (check, rand) = hash(&pk, &msg, &mut rng).unwrap();
				(msg, rand, check)
			})
			.collect();
		Self {
			batch,
			prepared: PreparedPublicKey::new(&pk).unwrap(),
			a: Scalar::random(&mut rng),
			b: Scalar::random(&mut rng),
			compressed: point.compress(),
			point,
			sk,
			pk,
			check,
			rand,
			committees,
			rng,
		}
	}
}

/// One measured operation: its criterion name, its label in the table, and a closure that
/// runs it `iterations` times and returns the time taken (setup excluded).
struct Operation<'a> {
	name: String,
	label: String,
	run: Box<dyn FnMut(u32) -> Duration + 'a>,
}

fn timed(iterations: u32, mut body: impl FnMut()) -> Duration {
	let start = Instant::now();
	for _ in 0..iterations {
		body();
	}
	start.elapsed()
}

fn operation<'a>(
	name: impl Into<String>,
	label: impl Into<String>,
	run: impl FnMut(u32) -> Duration + 'a,
) -> Operation<'a> {
	Operation { name: name.into(), label: label.into(), run: Box::new(run) }
}

fn operations(f: &Fixture) -> Vec<Operation<'_>> {
	let mut ops = vec![
		operation(BASELINE, "baseline: `vartime_double_scalar_mul_basepoint`", |n| {
			timed(n, || {
				black_box(RistrettoPoint::vartime_double_scalar_mul_basepoint(
					black_box(&f.a),
					black_box(&f.point),
					black_box(&f.b),
				));
			})
		}),
		operation("hash", "hash", {
			let mut rng = f.rng.clone();
			move |n| {
				timed(n, || {
					let _ = black_box(hash(black_box(&f.pk), MESSAGE, &mut rng));
				})
			}
		}),
		operation("hash_from_seed", "hash_from_seed", |n| {
			timed(n, || {
				let _ = black_box(hash_from_seed(black_box(&f.pk), MESSAGE, &[7u8; 32]));
			})
		}),
		operation("verify", "**verify**", |n| {
			timed(n, || {
				let _ = black_box(verify(black_box(&f.pk), MESSAGE, &f.rand, &f.check));
			})
		}),
		operation("prepare_public_key", "`PreparedPublicKey::new` (once per key)", |n| {
			timed(n, || {
				let _ = black_box(PreparedPublicKey::new(black_box(&f.pk)));
			})
		}),
		operation("verify_prepared", "verify with a `PreparedPublicKey`", |n| {
			timed(n, || {
				let _ = black_box(f.prepared.verify(black_box(MESSAGE), &f.rand, &f.check));
			})
		}),
		operation("verify_batch_64_per_item", "verify_batch of 64 openings, per opening", |n| {
			let items: Vec<BatchItem<'_>> = f
				.batch
				.iter()
				.map(|(msg, rand, check)| BatchItem { msg, rand, check })
				.collect();
			timed(n, || {
				let _ = black_box(f.prepared.verify_batch(black_box(&items)));
			}) / BATCH_ITEMS as u32
		}),
		operation("adapt", "adapt", {
			let mut rng = f.rng.clone();
			move |n| {
				timed(n, || {
					let _ = black_box(adapt(black_box(&f.sk), &f.check, MESSAGE, &mut rng));
				})
			}
		}),
		operation("part_decompress", "part of verify: one point decompression", |n| {
			timed(n, || {
				let _ = black_box(black_box(&f.compressed).decompress());
			})
		}),
		operation("part_compress", "part of verify: one point compression", |n| {
			timed(n, || {
				let _ = black_box(black_box(&f.point).compress());
			})
		}),
		operation(
			"part_challenge_hash",
			"part of verify: challenge hash (100-byte message)",
			|n| {
				timed(n, || {
					let mut hasher = Sha512::new();
					hasher.update(b"blockful/ch/v1");
					hasher.update(black_box(f.pk.0));
					hasher.update(black_box(f.rand.r_bytes()));
					hasher.update(black_box(MESSAGE));
					black_box(Scalar::from_hash(hasher));
				})
			},
		),
	];
	for c in &f.committees {
		let t = c.t;
		ops.push(operation(format!("round1_t{t}"), format!("round 1, one signer, t = {t}"), {
			let mut rng = f.rng.clone();
			move |n| {
				timed(n, || {
					let _ = black_box(threshold::round1(black_box(&c.shares[0]), &mut rng));
				})
			}
		}));
		ops.push(operation(format!("round2_t{t}"), format!("round 2, one signer, t = {t}"), {
			let mut rng = f.rng.clone();
			move |n| {
				let inputs: Vec<_> = (0..n).map(|_| c.round2_input(&mut rng)).collect();
				let start = Instant::now();
				for (nonces, package) in inputs {
					black_box(
						threshold::round2(&c.shares[0], nonces, black_box(&package)).unwrap(),
					);
				}
				start.elapsed()
			}
		}));
		ops.push(operation(
			format!("verify_share_t{t}"),
			format!("share verification, standalone (`verify_share`), t = {t}"),
			|n| {
				timed(n, || {
					let _ = black_box(threshold::verify_share(
						&c.keys,
						&c.package,
						black_box(&c.partials[0]),
					));
				})
			},
		));
		ops.push(operation(
			format!("session_verify_share_t{t}"),
			format!("share verification, `Session` reused, t = {t}"),
			|n| {
				timed(n, || {
					let _ = black_box(c.session.verify_share(black_box(&c.partials[0])));
				})
			},
		));
		// The runtime's work per collision over one signing round, by each rule: every
		// signer's message built the sessions and checked its own share, the last also
		// aggregated (checked); or the shares are stored unchecked and the last message
		// builds the session once and checks only the aggregate (optimistic).
		ops.push(operation(
			format!("round2_checked_t{t}"),
			format!("a round's work per collision, every share checked, t = {t}"),
			|n| {
				timed(n, || {
					// Each message builds the session and checks its own share; the last
					// aggregates with the session it built.
					let mut last = None;
					for share in &c.partials {
						let session = Session::new(&c.keys, &c.package).unwrap();
						let _ = black_box(session.verify_share(black_box(share)));
						last = Some(session);
					}
					let _ = black_box(last.unwrap().aggregate(black_box(&c.partials)));
				})
			},
		));
		ops.push(operation(
			format!("round2_optimistic_t{t}"),
			format!("a round's work per collision, optimistic (aggregate only), t = {t}"),
			|n| {
				timed(n, || {
					let session = Session::new(&c.keys, &c.package).unwrap();
					let _ = black_box(session.aggregate(black_box(&c.partials)));
				})
			},
		));
		// The completing message's work per collision over a round of `BATCH_ITEMS`
		// collisions: a session per package and each aggregate checked on its own (spec
		// 114–118), or the sessions built together and every aggregate checked in one
		// batch (`aggregate_batch`, spec 119).
		ops.push(operation(
			format!("round2_each_64_t{t}"),
			format!("a round of 64 collisions, per collision: `Session::new` + `aggregate` each, t = {t}"),
			|n| {
				timed(n, || {
					for (package, partials) in &c.round {
						let session = Session::new(&c.keys, package).unwrap();
						let _ = black_box(session.aggregate(black_box(partials)));
					}
				}) / BATCH_ITEMS as u32
			},
		));
		ops.push(operation(
			format!("round2_batch_64_t{t}"),
			format!("a round of 64 collisions, per collision: `Session::new_many` + `aggregate_batch`, t = {t}"),
			|n| {
				let packages: Vec<SigningPackage> = c.round.iter().map(|(p, _)| p.clone()).collect();
				let partials: Vec<Vec<PartialShare>> = c.round.iter().map(|(_, z)| z.clone()).collect();
				timed(n, || {
					let sessions = Session::new_many(&c.keys, black_box(&packages)).unwrap();
					let _ = black_box(threshold::aggregate_batch(&sessions, black_box(&partials)));
				}) / BATCH_ITEMS as u32
			},
		));
		ops.push(operation(
			format!("aggregate_t{t}"),
			format!("aggregation of t shares (`aggregate`), t = {t}"),
			|n| {
				timed(n, || {
					let _ = black_box(threshold::aggregate(
						&c.keys,
						&c.package,
						black_box(&c.partials),
					));
				})
			},
		));
	}
	ops
}

fn run_criterion(criterion: &mut Criterion, f: &Fixture) {
	let mut group = criterion.benchmark_group(GROUP);
	for mut op in operations(f) {
		group.bench_function(op.name.as_str(), |bench| {
			bench.iter_custom(|n| (op.run)(u32::try_from(n).unwrap_or(u32::MAX)))
		});
	}
	group.finish();
	// One benchmark through criterion's own batching, to cross-check `iter_custom` setup
	// exclusion for round 2.
	let c = &f.committees[0];
	let mut rng = f.rng.clone();
	criterion.bench_function("chameleon_crosscheck/round2_t3_iter_batched", |bench| {
		bench.iter_batched(
			|| c.round2_input(&mut rng),
			|(nonces, package)| threshold::round2(&c.shares[0], nonces, &package),
			BatchSize::SmallInput,
		)
	});
}

/// Where criterion writes its estimates, resolved the way criterion does.
fn criterion_dir() -> PathBuf {
	if let Some(home) = std::env::var_os("CRITERION_HOME") {
		return PathBuf::from(home);
	}
	if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
		return PathBuf::from(target).join("criterion");
	}
	let from_metadata = std::env::var_os("CARGO").and_then(|cargo| {
		let output = Command::new(cargo)
			.args(["metadata", "--format-version", "1", "--no-deps"])
			.output()
			.ok()?;
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
		return None;
	}
	let estimates: serde_json::Value =
		serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
	estimates["median"]["point_estimate"].as_f64()
}

fn median(mut values: Vec<f64>) -> f64 {
	values.sort_by(f64::total_cmp);
	values[values.len() / 2]
}

/// Alternates batches of `op` and `baseline` (order flipped every pair) and returns the
/// median ratio of their times.
fn interleaved_ratio(op: &mut Operation, baseline: &mut Operation) -> f64 {
	const PAIRS: usize = 101;
	const BATCH: u32 = 16;
	let ratios = (0..PAIRS)
		.map(|pair| {
			let (op_time, base_time) = if pair % 2 == 0 {
				let op_time = (op.run)(BATCH);
				(op_time, (baseline.run)(BATCH))
			} else {
				let base_time = (baseline.run)(BATCH);
				((op.run)(BATCH), base_time)
			};
			op_time.as_secs_f64() / base_time.as_secs_f64()
		})
		.collect();
	median(ratios)
}

fn report_ratios(f: &Fixture, started: SystemTime) {
	let dir = criterion_dir();
	let Some(baseline_ns) = median_ns(&dir, BASELINE, started) else {
		println!("no baseline measured in this run; no ratio table");
		return;
	};
	let mut ops = operations(f);
	let mut baseline = ops.remove(0);
	let mut table = String::new();
	let _ =
		writeln!(table, "| operation | criterion median | ratio (medians) | ratio (interleaved) |");
	let _ = writeln!(table, "|---|---:|---:|---:|");
	let _ =
		writeln!(table, "| {} | {:.1} µs | 1.00 | 1.00 |", baseline.label, baseline_ns / 1000.0);
	for op in &mut ops {
		let Some(ns) = median_ns(&dir, &op.name, started) else {
			continue;
		};
		let interleaved = interleaved_ratio(op, &mut baseline);
		let _ = writeln!(
			table,
			"| {} | {:.1} µs | {:.2} | {:.2} |",
			op.label,
			ns / 1000.0,
			ns / baseline_ns,
			interleaved
		);
	}
	println!("\nchameleon ratios to the baseline, this run:\n\n{table}");
	let out = dir.join("chameleon-ratios.md");
	if std::fs::write(&out, &table).is_ok() {
		println!("written to {}", out.display());
	}
}

fn main() {
	let started = SystemTime::now();
	let fixture = Fixture::new();
	let mut criterion = Criterion::default().configure_from_args();
	run_criterion(&mut criterion, &fixture);
	criterion.final_summary();
	// `cargo test --benches` runs each benchmark once, without `--bench`: no table then.
	if std::env::args().any(|arg| arg == "--bench") {
		report_ratios(&fixture, started);
	}
}
