//! The CID a model's bytes have in IPFS.
//!
//! A model's URI is the CID that `ipfs add --cid-version 1 --raw-leaves --chunker
//! size-262144` (kubo's defaults for CIDv1) prints for its bytes:
//!
//! - the bytes are cut into chunks of [`CHUNK_SIZE`] (256 KiB); each chunk is a **raw**
//!   block (multicodec `raw`, 0x55) addressed by its sha2-256;
//! - a file of at most one chunk (the empty file included) *is* that raw block;
//! - a longer file is a **balanced** UnixFS DAG of `dag-pb` (0x70) nodes with at most
//!   [`MAX_LINKS`] (174) links each, filled left to right: a node of depth `d` over `n`
//!   leaves has children over `MAX_LINKS^(d-1)` leaves each (the last one partial), and the
//!   root has the smallest depth whose capacity holds every leaf — kubo's `balanced.Layout`.
//!
//! Every CID is version 1 with a sha2-256 multihash, written in multibase base32
//! lower-case (prefix `b`): `bafkrei…` for a raw block, `bafybei…` for a `dag-pb` root.
//!
//! The `cid` and `multihash` crates encode the CIDs. The two protobuf messages of a `dag-pb`
//! file node (`PBNode` with its `PBLink`s, and the UnixFS `Data` it carries) are encoded here
//! by hand, a few varint-prefixed fields in kubo's field order: no maintained crate encodes
//! UnixFS file nodes without bringing a whole IPFS implementation. `ml/tests/cid.rs`
//! checks the result against CIDs kubo printed for the same bytes, and the IPFS tests
//! against a running kubo.

use crate::error::{Result, WorkerError};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;
use std::str::FromStr;

/// Bytes per leaf block (kubo's `size-262144` chunker).
pub const CHUNK_SIZE: usize = 256 * 1024;
/// Links per `dag-pb` node (kubo's `Import.UnixFSFileMaxLinks` default).
pub const MAX_LINKS: usize = 174;

/// Multicodec of a raw block.
const RAW: u64 = 0x55;
/// Multicodec of a `dag-pb` block.
const DAG_PB: u64 = 0x70;
/// Multihash code of sha2-256.
const SHA2_256: u64 = 0x12;
/// The UnixFS `Data.DataType` of a file.
const UNIXFS_FILE: u64 = 2;

/// What a CID's block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BlockKind {
	/// A raw block: a whole file of at most one chunk, or one leaf of a longer file.
	Raw,
	/// A UnixFS `dag-pb` node: the root of a file of more than one chunk.
	DagPb,
}

/// A model's CID: version 1, codec `raw` or `dag-pb`, multihash sha2-256.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Cid {
	kind: BlockKind,
	digest: [u8; 32],
}

impl Cid {
	/// The CID `ipfs add --cid-version 1 --raw-leaves --chunker size-262144` gives `bytes`.
	pub fn of(bytes: &[u8]) -> Cid {
		let mut h = CidHasher::new();
		h.update(bytes);
		h.finalize()
	}

	/// The CID of one block of `kind` whose bytes are `block`.
	fn of_block(kind: BlockKind, block: &[u8]) -> Cid {
		Cid { kind, digest: Sha256::digest(block).into() }
	}

	/// What this CID's block is.
	pub fn kind(&self) -> BlockKind {
		self.kind
	}

	/// The sha2-256 digest of the block this CID names.
	pub fn digest(&self) -> &[u8; 32] {
		&self.digest
	}

	fn to_ipld(self) -> cid::Cid {
		let codec = match self.kind {
			BlockKind::Raw => RAW,
			BlockKind::DagPb => DAG_PB,
		};
		let mh = cid::multihash::Multihash::wrap(SHA2_256, &self.digest)
			.expect("a 32-byte digest fits a 64-byte multihash");
		cid::Cid::new_v1(codec, mh)
	}

	/// The binary CID (`01 <codec> 12 20 <digest>`), as a `PBLink.Hash` holds it.
	pub fn to_bytes(&self) -> Vec<u8> {
		self.to_ipld().to_bytes()
	}
}

impl fmt::Display for Cid {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		// CIDv1's default string form is multibase base32 lower-case.
		write!(f, "{}", self.to_ipld())
	}
}

impl fmt::Debug for Cid {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		write!(f, "Cid({self})")
	}
}

impl FromStr for Cid {
	type Err = WorkerError;

	/// Parses the canonical string of a model CID; refuses anything else (another base,
	/// version, codec or hash, upper case, trailing bytes).
	fn from_str(s: &str) -> Result<Self> {
		let bad = |reason: String| WorkerError::MalformedCid { cid: s.to_string(), reason };
		if !s.starts_with('b') {
			return Err(bad("expected multibase prefix 'b' (base32 lower-case)".into()));
		}
		if !s[1..].bytes().all(|c| matches!(c, b'a'..=b'z' | b'2'..=b'7')) {
			return Err(bad("contains characters outside the lower-case base32 alphabet".into()));
		}
		let parsed = cid::Cid::try_from(s).map_err(|e| bad(format!("not a CID: {e}")))?;
		if parsed.version() != cid::Version::V1 {
			return Err(bad("expected CID version 1".into()));
		}
		let kind = match parsed.codec() {
			RAW => BlockKind::Raw,
			DAG_PB => BlockKind::DagPb,
			c => return Err(bad(format!("codec {c:#x}, expected raw (0x55) or dag-pb (0x70)"))),
		};
		let mh = parsed.hash();
		if mh.code() != SHA2_256 || mh.size() != 32 {
			return Err(bad(format!("multihash {:#x}/{}, expected sha2-256/32", mh.code(), mh.size())));
		}
		let mut digest = [0u8; 32];
		digest.copy_from_slice(mh.digest());
		let cid = Cid { kind, digest };
		if cid.to_string() != s {
			return Err(bad("not the canonical encoding (trailing bits or bytes)".into()));
		}
		Ok(cid)
	}
}

impl TryFrom<String> for Cid {
	type Error = WorkerError;
	fn try_from(s: String) -> Result<Self> {
		s.parse()
	}
}

impl From<Cid> for String {
	fn from(c: Cid) -> String {
		c.to_string()
	}
}

/// One child of a `dag-pb` node: its CID, the file bytes under it and the bytes of every
/// block under it (`PBLink.Tsize`).
#[derive(Clone, Copy, Debug)]
struct Child {
	cid: Cid,
	file_size: u64,
	tree_size: u64,
}

/// Computes a CID while the bytes stream past: each 256 KiB leaf is hashed as it fills, and
/// only the leaves' digests are kept (36 bytes per 256 KiB), so a caller can hash the file
/// it writes chunk by chunk without holding a second copy.
#[derive(Clone)]
pub struct CidHasher {
	leaf: Sha256,
	leaf_len: usize,
	leaves: Vec<Child>,
}

impl Default for CidHasher {
	fn default() -> Self {
		Self::new()
	}
}

impl CidHasher {
	/// A hasher over no bytes yet.
	pub fn new() -> Self {
		CidHasher { leaf: Sha256::new(), leaf_len: 0, leaves: Vec::new() }
	}

	/// Feeds the next bytes of the file.
	pub fn update(&mut self, mut bytes: &[u8]) {
		while !bytes.is_empty() {
			let take = (CHUNK_SIZE - self.leaf_len).min(bytes.len());
			self.leaf.update(&bytes[..take]);
			self.leaf_len += take;
			bytes = &bytes[take..];
			if self.leaf_len == CHUNK_SIZE {
				self.close_leaf();
			}
		}
	}

	fn close_leaf(&mut self) {
		let digest = std::mem::take(&mut self.leaf).finalize().into();
		let size = self.leaf_len as u64;
		self.leaves.push(Child { cid: Cid { kind: BlockKind::Raw, digest }, file_size: size, tree_size: size });
		self.leaf_len = 0;
	}

	/// The CID of every byte fed so far.
	pub fn finalize(mut self) -> Cid {
		// The last, partial chunk is a leaf too; the empty file is one empty leaf.
		if self.leaf_len > 0 || self.leaves.is_empty() {
			self.close_leaf();
		}
		if self.leaves.len() == 1 {
			return self.leaves[0].cid;
		}
		let mut depth = 1;
		let mut capacity = MAX_LINKS;
		while capacity < self.leaves.len() {
			depth += 1;
			capacity = capacity.saturating_mul(MAX_LINKS);
		}
		balanced(&self.leaves, depth).cid
	}
}

/// The `dag-pb` node of depth `depth` (≥ 1) over `leaves`: children over `MAX_LINKS^(depth-1)`
/// leaves each, left to right.
fn balanced(leaves: &[Child], depth: u32) -> Child {
	if depth == 0 {
		return leaves[0];
	}
	let per_child = MAX_LINKS.pow(depth - 1);
	let children: Vec<Child> = leaves.chunks(per_child).map(|c| balanced(c, depth - 1)).collect();
	file_node(&children)
}

/// Encodes a UnixFS file node over `children` and returns it as a child of its parent.
fn file_node(children: &[Child]) -> Child {
	let file_size: u64 = children.iter().map(|c| c.file_size).sum();
	// UnixFS `Data`: Type = File (1), filesize (3), one blocksizes (4) per child (proto2,
	// not packed); no inline data (2).
	let mut data = Vec::with_capacity(4 + 6 * children.len());
	put_varint_field(&mut data, 1, UNIXFS_FILE);
	put_varint_field(&mut data, 3, file_size);
	for c in children {
		put_varint_field(&mut data, 4, c.file_size);
	}
	// `PBNode`: Links (2) first, then Data (1), as dag-pb's canonical form orders them.
	let mut node = Vec::with_capacity(data.len() + 48 * children.len());
	for c in children {
		// `PBLink`: Hash (1), Name (2, empty but present, as kubo writes it), Tsize (3).
		let mut link = Vec::with_capacity(48);
		put_bytes_field(&mut link, 1, &c.cid.to_bytes());
		put_bytes_field(&mut link, 2, b"");
		put_varint_field(&mut link, 3, c.tree_size);
		put_bytes_field(&mut node, 2, &link);
	}
	put_bytes_field(&mut node, 1, &data);
	let tree_size = node.len() as u64 + children.iter().map(|c| c.tree_size).sum::<u64>();
	Child { cid: Cid::of_block(BlockKind::DagPb, &node), file_size, tree_size }
}

fn put_varint(out: &mut Vec<u8>, v: u64) {
	let mut buf = unsigned_varint::encode::u64_buffer();
	out.extend_from_slice(unsigned_varint::encode::u64(v, &mut buf));
}

/// A protobuf varint field (wire type 0).
fn put_varint_field(out: &mut Vec<u8>, field: u64, v: u64) {
	put_varint(out, field << 3);
	put_varint(out, v);
}

/// A protobuf length-delimited field (wire type 2).
fn put_bytes_field(out: &mut Vec<u8>, field: u64, bytes: &[u8]) {
	put_varint(out, (field << 3) | 2);
	put_varint(out, bytes.len() as u64);
	out.extend_from_slice(bytes);
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn streaming_matches_one_shot_at_every_split() {
		let bytes: Vec<u8> = (0..3 * CHUNK_SIZE + 17).map(|i| (i * 31 % 251) as u8).collect();
		let whole = Cid::of(&bytes);
		for split in [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE + 5, bytes.len()] {
			let mut h = CidHasher::new();
			h.update(&bytes[..split]);
			h.update(&bytes[split..]);
			assert_eq!(h.finalize(), whole, "split at {split}");
		}
		assert_eq!(whole.kind(), BlockKind::DagPb);
	}

	#[test]
	fn one_chunk_is_a_raw_block() {
		let bytes = vec![7u8; CHUNK_SIZE];
		let cid = Cid::of(&bytes);
		assert_eq!(cid, Cid::of_block(BlockKind::Raw, &bytes));
		assert!(cid.to_string().starts_with("bafkrei"));
		let two = Cid::of(&[7u8; CHUNK_SIZE + 1]);
		assert!(two.to_string().starts_with("bafybei"), "{two}");
	}

	#[test]
	fn varints_are_protobuf_varints() {
		let mut v = Vec::new();
		put_varint_field(&mut v, 3, 300);
		assert_eq!(v, [0x18, 0xac, 0x02]);
	}
}
