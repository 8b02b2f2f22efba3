//! Membership that takes effect: when the committee (e.g. `pallet-membership` after a
//! motion) no longer matches the active key's members, the runtime starts the resharing
//! itself, in the next block without a DKG run. A change it cannot act on (fewer than the
//! old threshold of old members stay, or a size outside `1..=MaxMembers`) is reported once
//! with [`Event::ResharingRefused`]; the old committee's staying members keep signing, and
//! removed members are refused from the moment they leave (`NotInCommittee`).

use crate::pallet::*;
use codec::Encode;
use frame_support::{
	traits::{Get, SortedMembers},
	weights::Weight,
};
use sp_runtime::SaturatedConversion;

impl<T: Config> Pallet<T> {
	/// Re-shares the active key to the current committee if it changed.
	pub(crate) fn follow_committee() -> Weight {
		let weight = T::DbWeight::get().reads(3);
		let Some(epoch) = ActiveEpoch::<T>::get() else { return weight };
		let Some(key) = Keys::<T>::get(epoch) else { return weight };
		let members = T::Committee::sorted_members();
		if members == key.members {
			return weight;
		}
		let digest = sp_io::hashing::blake2_256(&members.encode());
		if RefusedCommittee::<T>::get() == Some(digest) {
			return weight;
		}
		if let Err(error) = Self::begin_reshare(epoch) {
			RefusedCommittee::<T>::put(digest);
			Self::deposit_event(Event::ResharingRefused {
				members: members.len().saturated_into(),
				error,
			});
		}
		weight.saturating_add(T::DbWeight::get().reads_writes(2, 3))
	}
}
