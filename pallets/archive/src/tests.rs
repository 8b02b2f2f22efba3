//! Unit tests of the archive.

use crate::{mock::*, *};
use codec::Encode;
use blockful_chameleon::{ChCheck, ChRandomness};
use frame_support::{assert_noop, BoundedVec};
use sp_core::H256;

fn append(tx: u64, version: u32, uri: &[u8], refs: &[u64], reason: ArchiveReason) -> u64 {
	Archive::append(
		tx,
		version,
		BoundedVec::truncate_from(uri.to_vec()),
		BoundedVec::truncate_from(refs.to_vec()),
		7,
		ChCheck([tx as u8; 32]),
		ChRandomness([version as u8; 64]),
		reason,
	)
	.unwrap()
}

#[test]
fn append_links_records_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(append(0, 0, b"cid-a", &[], ArchiveReason::Published), 0);
		assert_eq!(append(1, 0, b"cid-b", &[0], ArchiveReason::Published), 1);
		let first = Records::<Test>::get(0).unwrap();
		let second = Records::<Test>::get(1).unwrap();
		assert_eq!(first.prev_hash, H256::zero());
		assert_eq!(second.prev_hash, RecordHashes::<Test>::get(0).unwrap());
		assert_eq!(RecordHashes::<Test>::get(1).unwrap(), record_hash(&second.prev_hash, &second));
		assert_eq!(Head::<Test>::get(), RecordHashes::<Test>::get(1).unwrap());
		assert_eq!(NextSeq::<Test>::get(), 2);
		assert_eq!(second.content_hash, content_hash(&(b"cid-b".to_vec(), vec![0u64]).encode()));
		System::assert_last_event(
			Event::RecordAppended { seq: 1, tx: 1, version: 0, hash: Head::<Test>::get() }.into(),
		);
	});
}

#[test]
fn lineage_lists_versions_oldest_first_works() {
	ExtBuilder::default().build_and_execute(|| {
		append(0, 0, b"v0", &[], ArchiveReason::Published);
		append(1, 0, b"other", &[0], ArchiveReason::Published);
		append(0, 1, b"v1", &[], ArchiveReason::Redacted { request: 2 });
		append(0, 2, b"v2", &[], ArchiveReason::Redacted { request: 3 });
		let lineage = Archive::lineage(0);
		assert_eq!(lineage.iter().map(|r| r.seq).collect::<Vec<_>>(), vec![0, 2, 3]);
		assert_eq!(lineage.iter().map(|r| r.version).collect::<Vec<_>>(), vec![0, 1, 2]);
		assert_eq!(lineage[2].reason, ArchiveReason::Redacted { request: 3 });
		assert!(Archive::lineage(9).is_empty());
	});
}

#[test]
fn verify_chain_detects_tampered_record_works() {
	ExtBuilder::default().build().execute_with(|| {
		for tx in 0..4 {
			append(tx, 0, b"cid", &[], ArchiveReason::Published);
		}
		assert_eq!(Archive::verify_chain(10), (4, vec![]));
		Records::<Test>::mutate(2, |r| {
			r.as_mut().unwrap().uri = BoundedVec::truncate_from(b"evil".to_vec())
		});
		assert_eq!(Archive::verify_chain(10), (4, vec![2]));
		assert!(Archive::do_try_state().is_err());
	});
}

#[test]
fn verify_chain_detects_removed_record_works() {
	ExtBuilder::default().build().execute_with(|| {
		for tx in 0..3 {
			append(tx, 0, b"cid", &[], ArchiveReason::Published);
		}
		Records::<Test>::remove(1);
		assert_eq!(Archive::verify_chain(10).1, vec![1]);
		assert!(Archive::do_try_state().is_err());
	});
}

#[test]
fn append_at_sequence_limit_fails() {
	ExtBuilder::default().build_and_execute(|| {
		NextSeq::<Test>::put(u64::MAX);
		assert_noop!(
			Archive::append(
				0,
				0,
				BoundedVec::truncate_from(b"cid".to_vec()),
				BoundedVec::new(),
				7,
				ChCheck([0; 32]),
				ChRandomness([0; 64]),
				ArchiveReason::Published,
			),
			Error::<Test>::ArchiveFull
		);
		// Restore a consistent state for the invariant check.
		NextSeq::<Test>::kill();
	});
}

#[test]
fn append_out_of_order_version_fails() {
	ExtBuilder::default().build_and_execute(|| {
		append(0, 0, b"v0", &[], ArchiveReason::Published);
		let try_append = |version: u32| {
			Archive::append(
				0,
				version,
				BoundedVec::truncate_from(b"vx".to_vec()),
				BoundedVec::new(),
				7,
				ChCheck([0; 32]),
				ChRandomness([0; 64]),
				ArchiveReason::Redacted { request: 0 },
			)
		};
		// Version 0 again (a duplicate), and version 2 (a gap): both refused, nothing written.
		assert_noop!(try_append(0), Error::<Test>::VersionOutOfOrder);
		assert_noop!(try_append(2), Error::<Test>::VersionOutOfOrder);
		assert_eq!(NextSeq::<Test>::get(), 1);
		assert_eq!(LineageLen::<Test>::get(0), 1);
	});
}
