//! The messages BlockFUL's chameleon hashes bind: one definition, used by the runtime
//! (archive and live chain pallets) and by every client (the worker's chain client; the
//! JavaScript clients implement the same bytes and are tested against the vectors below).

use alloc::vec::Vec;
use codec::Encode;

/// The message of a model transaction: SCALE `(uri, refs)` with `uri: Vec<u8>` and
/// `refs: Vec<u64>` (bounded vectors encode like plain ones).
pub fn model_message(uri: &[u8], refs: &[u64]) -> Vec<u8> {
	(uri, refs).encode()
}

/// The message of a live-block header: SCALE `(height: u64, version: u32)`.
pub fn header_message(height: u64, version: u32) -> Vec<u8> {
	(height, version).encode()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn encodings_are_fixed() {
		// compact(3) ‖ "abc" ‖ compact(2) ‖ 7u64 LE ‖ 9u64 LE
		assert_eq!(
			hex::encode(model_message(b"abc", &[7, 9])),
			concat!("0c616263", "08", "0700000000000000", "0900000000000000")
		);
		assert_eq!(hex::encode(model_message(b"", &[])), "0000");
		// 5u64 LE ‖ 1u32 LE
		assert_eq!(hex::encode(header_message(5, 1)), "050000000000000001000000");
	}
}
