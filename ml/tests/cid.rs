//! The store's CIDs are the ones IPFS gives: checked against CIDs kubo printed (committed in
//! `tests/vectors/unixfs-cids.json`; `tests/ipfs.rs` checks them against a running kubo too).

mod cid_files;

use blockful_ml::store::{BlockKind, Cid, CidHasher};
use blockful_ml::WorkerError;

#[test]
fn cids_match_the_ones_kubo_printed() {
	let files = cid_files::files();
	let committed = cid_files::committed();
	assert_eq!(committed.len(), files.len(), "one committed vector per file");
	for ((name, bytes), (vname, size, cid)) in files.iter().zip(&committed) {
		assert_eq!((*name, bytes.len()), (vname.as_str(), *size), "vector {vname}");
		assert_eq!(Cid::of(bytes).to_string(), *cid, "{name} ({} bytes)", bytes.len());
	}
}

#[test]
fn streamed_cid_matches_for_any_piece_size() {
	let bytes = cid_files::model_4mb();
	for piece in [1usize << 10, 64 << 10, 256 << 10, 1 << 20, 3_000_001] {
		let mut h = CidHasher::new();
		bytes.chunks(piece).for_each(|p| h.update(p));
		assert_eq!(h.finalize(), Cid::of(&bytes), "pieces of {piece} bytes");
	}
}

#[test]
fn cid_strings_round_trip() {
	for (_, bytes) in cid_files::files().iter().take(6) {
		let cid = Cid::of(bytes);
		let s = cid.to_string();
		assert_eq!(s.len(), 59);
		assert_eq!(s.parse::<Cid>().unwrap(), cid);
		let json = serde_json::to_string(&cid).unwrap();
		assert_eq!(serde_json::from_str::<Cid>(&json).unwrap(), cid);
		let expected = if bytes.len() <= cid_files::K { ("bafkrei", BlockKind::Raw) } else { ("bafybei", BlockKind::DagPb) };
		assert!(s.starts_with(expected.0), "{s}");
		assert_eq!(cid.kind(), expected.1);
	}
}

#[test]
fn malformed_cids_are_refused() {
	let good = Cid::of(b"x").to_string();
	let other = |codec: u64, hash: u64| {
		cid::Cid::new_v1(codec, cid::multihash::Multihash::<64>::wrap(hash, &[7; 32]).unwrap()).to_string()
	};
	for (bad, why) in [
		(good.replacen('b', "z", 1), "multibase prefix"),
		(good.to_uppercase(), "multibase prefix"),
		(format!("b{}", &good[1..].to_uppercase()), "lower-case base32"),
		(good[..good.len() - 8].to_string(), "not a CID"),
		("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH".to_string(), "multibase prefix"),
		// A dag-cbor (0x71) CID and a blake2b-256 one are CIDs, but not model CIDs.
		(other(0x71, 0x12), "codec 0x71"),
		(other(0x55, 0xb220), "multihash 0xb220"),
	] {
		let err = bad.parse::<Cid>().unwrap_err();
		assert!(matches!(err, WorkerError::MalformedCid { .. }), "{bad}: {err}");
		assert!(err.to_string().contains(why), "{bad}: {err}");
	}
}
