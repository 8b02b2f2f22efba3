//! # The model CIDs a BlockFUL chain accepts
//!
//! A model's URI on chain is the CID IPFS gives its bytes (`ipfs add --cid-version 1`,
//! raw leaves, 256 KiB chunks): a **CIDv1** in multibase **base32 lower-case** (prefix `b`)
//! with codec `raw` (0x55, a model of at most one chunk) or `dag-pb` (0x70, the root of a
//! longer one) and a **sha2-256** multihash — 59 characters, `bafkrei…` or `bafybei…`.
//!
//! [`parse`] accepts exactly the canonical strings of such CIDs and nothing else: no other
//! base, version, codec or hash, no upper case, no padding, no trailing bytes or bits. It is
//! `no_std` and allocation-free, for the runtime; its tests check it against the `cid`
//! crate, which the off-chain store uses to write the same strings.

#![cfg_attr(not(feature = "std"), no_std)]

/// Length of a model CID's string: `b` + base32 of its 36 bytes.
pub const CID_STR_LEN: usize = 59;
/// Length of its binary form: version, codec, hash code, digest length, digest.
const CID_BYTES: usize = 36;
/// The base32 alphabet of multibase `b` (RFC 4648, lower case).
const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";

/// What a model CID's block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
	/// `raw` (0x55): a model file of at most 256 KiB.
	Raw,
	/// `dag-pb` (0x70): the UnixFS root of a longer model file.
	DagPb,
}

/// A parsed model CID.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModelCid {
	/// The block's codec.
	pub codec: Codec,
	/// The sha2-256 digest of the block.
	pub digest: [u8; 32],
}

/// Why a URI is not a model CID.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CidError {
	/// Not 59 characters long.
	Length,
	/// Does not start with `b` (base32 lower-case).
	Multibase,
	/// A character outside the lower-case base32 alphabet.
	Alphabet,
	/// The last character carries bits beyond the 36 bytes (not the canonical encoding).
	TrailingBits,
	/// Not CID version 1.
	Version,
	/// Neither `raw` nor `dag-pb`.
	Codec,
	/// Not a 32-byte sha2-256 multihash.
	Multihash,
}

/// Parses `uri` as a model CID.
pub fn parse(uri: &[u8]) -> Result<ModelCid, CidError> {
	if uri.len() != CID_STR_LEN {
		return Err(CidError::Length);
	}
	if uri[0] != b'b' {
		return Err(CidError::Multibase);
	}
	let bytes = decode_base32(&uri[1..])?;
	// Version 1, codec and multihash code are each one-byte varints for these values.
	if bytes[0] != 0x01 {
		return Err(CidError::Version);
	}
	let codec = match bytes[1] {
		0x55 => Codec::Raw,
		0x70 => Codec::DagPb,
		_ => return Err(CidError::Codec),
	};
	if bytes[2] != 0x12 || bytes[3] != 0x20 {
		return Err(CidError::Multihash);
	}
	let mut digest = [0u8; 32];
	digest.copy_from_slice(&bytes[4..]);
	Ok(ModelCid { codec, digest })
}

/// Decodes 58 base32 characters into 36 bytes (290 bits: the last 2 must be zero).
fn decode_base32(chars: &[u8]) -> Result<[u8; CID_BYTES], CidError> {
	let mut out = [0u8; CID_BYTES];
	let (mut acc, mut bits, mut n) = (0u32, 0u32, 0usize);
	for &c in chars {
		let v = ALPHABET.iter().position(|&a| a == c).ok_or(CidError::Alphabet)? as u32;
		acc = (acc << 5) | v;
		bits += 5;
		if bits >= 8 {
			bits -= 8;
			out[n] = (acc >> bits) as u8;
			n += 1;
			acc &= (1 << bits) - 1;
		}
	}
	if acc != 0 {
		return Err(CidError::TrailingBits);
	}
	Ok(out)
}

/// The canonical string of a model CID (what [`parse`] accepts).
pub fn encode(cid: &ModelCid) -> [u8; CID_STR_LEN] {
	let mut bytes = [0u8; CID_BYTES];
	bytes[..4].copy_from_slice(&[0x01, if cid.codec == Codec::Raw { 0x55 } else { 0x70 }, 0x12, 0x20]);
	bytes[4..].copy_from_slice(&cid.digest);
	let mut out = [0u8; CID_STR_LEN];
	out[0] = b'b';
	let (mut acc, mut bits, mut n) = (0u32, 0u32, 1usize);
	for b in bytes {
		acc = (acc << 8) | u32::from(b);
		bits += 8;
		while bits >= 5 {
			bits -= 5;
			out[n] = ALPHABET[((acc >> bits) & 31) as usize];
			n += 1;
		}
		acc &= (1 << bits) - 1;
	}
	if bits > 0 {
		out[n] = ALPHABET[((acc << (5 - bits)) & 31) as usize];
	}
	out
}

/// The canonical string of the raw-block CID whose sha2-256 digest is `digest` (a model of
/// at most 256 KiB, or a test fixture's URI).
pub fn raw_cid(digest: [u8; 32]) -> [u8; CID_STR_LEN] {
	encode(&ModelCid { codec: Codec::Raw, digest })
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	fn reference(codec: u64, digest: &[u8; 32]) -> String {
		let mh = cid::multihash::Multihash::<64>::wrap(0x12, digest).unwrap();
		cid::Cid::new_v1(codec, mh).to_string()
	}

	#[test]
	fn kubo_cids_parse() {
		// Printed by kubo 0.43.1 (`ipfs add --cid-version 1`) for the empty file and for
		// 256 KiB + 1 bytes (ml/tests/vectors/unixfs-cids.json).
		let raw = parse(b"bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku").unwrap();
		assert_eq!(raw.codec, Codec::Raw);
		assert_eq!(raw.digest[..4], [0xe3, 0xb0, 0xc4, 0x42], "sha2-256 of the empty string");
		let root = parse(b"bafybeia64zkkh472l3nzlqjdb4vmmpragop23z24t5axwmsgfqxya253uq").unwrap();
		assert_eq!(root.codec, Codec::DagPb);
	}

	#[test]
	fn malformed_cids_are_refused() {
		let good = *b"bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";
		let with = |i: usize, c: u8| {
			let mut s = good;
			s[i] = c;
			s
		};
		let upper = good.map(|c| c.to_ascii_uppercase());
		let cidv0 = b"QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH";
		let sha512 = b"bafkrgqhhyivzstcz3hhswshfjgy6ertgmnqeleynhwt4dlfsthi4hn7zgh4uvlsb5xncykzapi3ocd4lzogukir6ksdy6wzrnz6ohnv4aglcs";
		let cases: [(&[u8], CidError); 10] = [
			(b"", CidError::Length),
			(&good[..58], CidError::Length),
			(&with(7, b'-'), CidError::Alphabet),
			(&with(0, b'z'), CidError::Multibase),
			(&upper, CidError::Multibase),
			(&with(10, b'1'), CidError::Alphabet),
			(&with(10, b'A'), CidError::Alphabet),
			(&with(58, b'v'), CidError::TrailingBits),
			(cidv0, CidError::Length),
			(sha512, CidError::Length),
		];
		for (uri, err) in cases {
			assert_eq!(parse(uri), Err(err), "{}", String::from_utf8_lossy(uri));
		}
		let codec = reference(0x71, &[7; 32]); // dag-cbor
		assert_eq!(parse(codec.as_bytes()), Err(CidError::Codec));
		let blake3 = cid::Cid::new_v1(0x55, cid::multihash::Multihash::<64>::wrap(0x1e, &[7; 32]).unwrap()).to_string();
		assert_eq!(parse(blake3.as_bytes()), Err(CidError::Multihash));
	}

	proptest! {
		#[test]
		fn agrees_with_the_cid_crate(digest in any::<[u8; 32]>(), dag_pb in any::<bool>()) {
			let codec = if dag_pb { 0x70 } else { 0x55 };
			let s = reference(codec, &digest);
			let parsed = parse(s.as_bytes()).unwrap();
			prop_assert_eq!(parsed.digest, digest);
			prop_assert_eq!(parsed.codec, if dag_pb { Codec::DagPb } else { Codec::Raw });
			prop_assert_eq!(&encode(&parsed)[..], s.as_bytes());
		}

		#[test]
		fn any_one_character_change_is_refused_or_another_cid(
			digest in any::<[u8; 32]>(), at in 0usize..CID_STR_LEN, c in 0x21u8..0x7f,
		) {
			let s = reference(0x55, &digest);
			let mut b = s.clone().into_bytes();
			b[at] = c;
			match parse(&b) {
				// Whatever is accepted is the canonical string of what it parsed to.
				Ok(p) => prop_assert_eq!(&encode(&p)[..], &b[..]),
				Err(_) => {}
			}
		}
	}
}
