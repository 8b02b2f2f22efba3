//! Known-answer tests in `test-vectors.json`, so that other implementations (a TypeScript
//! client, a Python auditor) can check themselves against this one.
//!
//! The file is generated from a fixed-seed RNG. `cargo test` regenerates it in memory and
//! requires it to match the committed file byte for byte (after JSON parsing), and checks
//! every entry with `verify`. To rewrite the file after an intended change of the encoding:
//! `BLOCKFUL_REGEN_VECTORS=1 cargo test -p blockful-chameleon --test vectors`.
//!
//! Each entry: `y` public key, `m` message, `r ‖ s` randomness opening `c` to `m`, and
//! `r2 ‖ s2` a collision opening the same `c` to `m2`; all hex without `0x`. An entry with
//! `"valid": false` has one field altered (named in `comment`) so that at least one of the
//! two openings must be rejected, with the error named in `error`.

use blockful_chameleon::{
	adapt, dev_secret_key, hash, verify, ChCheck, ChError, ChPublicKey, ChRandomness, ChSecretKey,
};
use rand_chacha::{
	rand_core::{RngCore, SeedableRng},
	ChaCha20Rng,
};
use serde_json::{json, Value};
use std::path::PathBuf;

const SEED: u64 = 0xB10C_F001;
const VALID_ENTRIES: usize = 16;

fn vectors_path() -> PathBuf {
	// Read at run time (cargo sets it for tests): a test binary reused from a build of the
	// same sources at another path must still read this checkout's file.
	PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("run by cargo test")).join("test-vectors.json")
}

fn regenerating() -> bool {
	std::env::var_os("BLOCKFUL_REGEN_VECTORS").is_some_and(|v| v == "1")
}

fn random_message(rng: &mut ChaCha20Rng, len: usize) -> Vec<u8> {
	let mut m = vec![0u8; len];
	rng.fill_bytes(&mut m);
	m
}

struct Entry {
	y: ChPublicKey,
	m: Vec<u8>,
	rand: ChRandomness,
	c: ChCheck,
	m2: Vec<u8>,
	rand2: ChRandomness,
}

impl Entry {
	fn generate(sk: &ChSecretKey, m: Vec<u8>, m2: Vec<u8>, rng: &mut ChaCha20Rng) -> Self {
		let (c, rand) = hash(&sk.public(), &m, rng).unwrap();
		let rand2 = adapt(sk, &c, &m2, rng).unwrap();
		Self { y: sk.public(), m, rand, c, m2, rand2 }
	}

	fn to_json(&self) -> serde_json::Map<String, Value> {
		let value = json!({
			"y": hex::encode(self.y.0),
			"m": hex::encode(&self.m),
			"r": hex::encode(self.rand.r_bytes()),
			"s": hex::encode(self.rand.s_bytes()),
			"c": hex::encode(self.c.0),
			"m2": hex::encode(&self.m2),
			"r2": hex::encode(self.rand2.r_bytes()),
			"s2": hex::encode(self.rand2.s_bytes()),
		});
		match value {
			Value::Object(map) => map,
			_ => unreachable!(),
		}
	}
}

/// `s + l`: the same residue as `s`, not canonical.
fn plus_group_order(s: [u8; 32]) -> [u8; 32] {
	const L: [u8; 32] = [
		0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde,
		0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
	];
	let mut out = [0u8; 32];
	let mut carry = 0u16;
	for ((o, a), b) in out.iter_mut().zip(s).zip(L) {
		let sum = u16::from(a) + u16::from(b) + carry;
		*o = (sum & 0xff) as u8;
		carry = sum >> 8;
	}
	out
}

fn generate() -> Value {
	let mut rng = ChaCha20Rng::seed_from_u64(SEED);
	let dev = dev_secret_key();
	let lengths = [0usize, 1, 7, 32, 33, 64, 100, 257];
	let mut entries = Vec::new();
	for i in 0..VALID_ENTRIES {
		let random_key;
		let sk = if i % 2 == 0 {
			&dev
		} else {
			random_key = ChSecretKey::generate(&mut rng);
			&random_key
		};
		let m = random_message(&mut rng, lengths[i % lengths.len()]);
		let m2 = random_message(&mut rng, lengths[(i + 3) % lengths.len()]);
		let mut map = Entry::generate(sk, m, m2, &mut rng).to_json();
		map.insert("valid".into(), Value::Bool(true));
		entries.push(Value::Object(map));
	}

	type Tamper = fn(&mut Entry);
	let invalid: [(&str, &str, Tamper); 4] = [
		("m2 altered: first byte flipped", "Mismatch", |e| e.m2[0] ^= 0x01),
		("s altered: s + l, same residue but not canonical", "NonCanonicalScalar", |e| {
			e.rand = ChRandomness::from_parts(e.rand.r_bytes(), plus_group_order(e.rand.s_bytes()))
		}),
		("r2 altered: not a ristretto255 encoding", "InvalidRandomnessPoint", |e| {
			e.rand2 = ChRandomness::from_parts([0xff; 32], e.rand2.s_bytes())
		}),
		("y altered: the identity point", "IdentityPublicKey", |e| e.y = ChPublicKey([0; 32])),
	];
	for (i, (comment, error, tamper)) in invalid.into_iter().enumerate() {
		let sk = if i % 2 == 0 { dev_secret_key() } else { ChSecretKey::generate(&mut rng) };
		let m = random_message(&mut rng, 16);
		let m2 = random_message(&mut rng, 24);
		let mut entry = Entry::generate(&sk, m, m2, &mut rng);
		tamper(&mut entry);
		let mut map = entry.to_json();
		map.insert("valid".into(), Value::Bool(false));
		map.insert("comment".into(), Value::String(comment.into()));
		map.insert("error".into(), Value::String(error.into()));
		entries.push(Value::Object(map));
	}
	Value::Array(entries)
}

fn field<const N: usize>(entry: &Value, name: &str) -> [u8; N] {
	hex::decode(entry[name].as_str().unwrap()).unwrap().try_into().unwrap()
}

fn bytes(entry: &Value, name: &str) -> Vec<u8> {
	hex::decode(entry[name].as_str().unwrap()).unwrap()
}

/// Both openings of an entry, as `verify` judges them.
fn check_entry(entry: &Value) -> (Result<(), ChError>, Result<(), ChError>) {
	let y = ChPublicKey(field(entry, "y"));
	let c = ChCheck(field(entry, "c"));
	let first = ChRandomness::from_parts(field(entry, "r"), field(entry, "s"));
	let second = ChRandomness::from_parts(field(entry, "r2"), field(entry, "s2"));
	(verify(&y, &bytes(entry, "m"), &first, &c), verify(&y, &bytes(entry, "m2"), &second, &c))
}

#[test]
fn test_vectors_match_the_committed_file() {
	let generated = generate();
	let path = vectors_path();
	if regenerating() {
		let text = serde_json::to_string_pretty(&generated).unwrap() + "\n";
		std::fs::write(&path, text).unwrap();
	}
	let committed: Value = serde_json::from_str(
		&std::fs::read_to_string(&path)
			.expect("test-vectors.json missing: run with BLOCKFUL_REGEN_VECTORS=1"),
	)
	.unwrap();
	assert_eq!(committed, generated, "encoding changed: regenerate only if intended");
}

#[test]
fn committed_test_vectors_verify() {
	// While regenerating, the file may be half written by the other test: check the
	// in-memory vectors instead.
	let committed: Value = if regenerating() {
		generate()
	} else {
		serde_json::from_str(&std::fs::read_to_string(vectors_path()).unwrap()).unwrap()
	};
	let entries = committed.as_array().unwrap();
	let dev = hex::encode(dev_secret_key().public().0);
	let valid: Vec<&Value> = entries.iter().filter(|e| e["valid"] == Value::Bool(true)).collect();
	let invalid: Vec<&Value> =
		entries.iter().filter(|e| e["valid"] == Value::Bool(false)).collect();
	assert!(valid.len() >= 16);
	assert!(valid.iter().filter(|e| e["y"] == dev.as_str()).count() >= valid.len() / 2);
	assert_eq!(invalid.len(), 4);
	for entry in valid {
		assert_eq!(check_entry(entry), (Ok(()), Ok(())), "{entry}");
		assert_ne!(entry["m"], entry["m2"]);
	}
	for entry in invalid {
		let (first, second) = check_entry(entry);
		let error = first.err().or(second.err()).unwrap_or_else(|| panic!("accepted: {entry}"));
		assert_eq!(format!("{error:?}"), entry["error"].as_str().unwrap(), "{entry}");
	}
}
