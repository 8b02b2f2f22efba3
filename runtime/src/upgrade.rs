//! # Upgrade
//!
//! Runtime upgrades without root. The runtime has no sudo and no origin that dispatches as
//! root, so `System::authorize_upgrade` and `System::set_code` are unreachable. This pallet
//! gives the one root power the chain needs to a stricter committee origin
//! ([`Config::UpgradeOrigin`], in the runtime a **unanimous** committee motion):
//! `authorize_upgrade(code_hash)` records the hash of the new runtime; anyone may then
//! submit the code itself with `System::apply_authorized_upgrade`, which checks the hash
//! and the spec version.
//!
//! ### Dispatchable Functions
//!
//! - `authorize_upgrade(code_hash)` — [`Config::UpgradeOrigin`]: authorise a runtime
//!   upgrade to the code with this hash.

pub use pallet::*;

#[frame_support::pallet]
pub mod pallet {
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	/// Configuration of the upgrade pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Who may authorise an upgrade: in the runtime every committee member.
		type UpgradeOrigin: EnsureOrigin<Self::RuntimeOrigin>;
	}

	/// The upgrade pallet (no storage of its own: the authorisation lives in
	/// `System::AuthorizedUpgrade`).
	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Authorises a runtime upgrade to the code whose hash is `code_hash` (emits
		/// `System::UpgradeAuthorized`). The code is then applied by anyone with
		/// `System::apply_authorized_upgrade`, which checks the spec version.
		#[pallet::call_index(0)]
		#[pallet::weight(T::DbWeight::get().writes(1).saturating_add(Weight::from_parts(10_000_000, 0)))]
		pub fn authorize_upgrade(origin: OriginFor<T>, code_hash: T::Hash) -> DispatchResult {
			T::UpgradeOrigin::ensure_origin(origin)?;
			frame_system::Pallet::<T>::do_authorize_upgrade(code_hash, true);
			Ok(())
		}
	}
}
