//! Genesis presets and the genesis of a real consortium.
//!
//! - `development` (one validator, Alice) and `local_testnet` (Alice, Bob, Charlie and Dave
//!   validate, so GRANDPA survives one fault) are **insecure development chains**: their
//!   committee is Alice, Bob, Charlie and Dave, whose keys everybody knows. Their
//!   chameleon-hash key is made by the committee's DKG in the first blocks (each member's
//!   share lives only in its node), so even here nobody holds the trapdoor — but anyone
//!   with the well-known dev keys can impersonate the members.
//! - [`consortium_genesis`] builds the genesis patch of a real chain from configuration:
//!   its authorities, committee and endowments (the node's `--chain
//!   consortium:<config.json>` uses it); its key comes from the same genesis DKG, or from
//!   an external ceremony's public key if the configuration names one. It contains no
//!   development key.
//!
//! No preset has a sudo key: the runtime has no sudo.

use crate::{
	AccountId, Balance, BalancesConfig, CommitteeMembershipConfig, LiveChainConfig,
	RuntimeGenesisConfig, ThresholdConfig,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// Balance each endowed dev account starts with.
const ENDOWMENT: crate::Balance = 1u128 << 60;

/// The committee of both dev presets.
pub fn dev_committee() -> Vec<AccountId> {
	[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Dave]
		.into_iter()
		.map(|k| k.to_account_id())
		.collect()
}

/// The genesis patch of a chain with these validators (Aura and GRANDPA keys), endowed
/// accounts and committee (at least four members). `ch_public_key` all zero (the usual
/// case) starts the committee's DKG at genesis; otherwise it installs that key (from an
/// external key ceremony) and no DKG runs.
pub fn consortium_genesis(
	authorities: Vec<(AuraId, GrandpaId)>,
	endowed: Vec<(AccountId, Balance)>,
	committee: Vec<AccountId>,
	ch_public_key: [u8; 32],
) -> Result<Value, &'static str> {
	if committee.len() < crate::configs::MIN_COMMITTEE {
		return Err("the committee needs at least four members (n = 3f + 1, f >= 1)")
	}
	if authorities.is_empty() {
		return Err("the chain needs at least one validator")
	}
	let start_dkg = ch_public_key == [0u8; 32];
	let members = committee.try_into().map_err(|_| "the committee exceeds MaxMembers")?;
	Ok(build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances: endowed },
		aura: pallet_aura::GenesisConfig {
			authorities: authorities.iter().map(|x| x.0.clone()).collect::<Vec<_>>(),
		},
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: authorities.iter().map(|x| (x.1.clone(), 1)).collect::<Vec<_>>(),
		},
		committee_membership: CommitteeMembershipConfig { members },
		live_chain: LiveChainConfig { ch_public_key },
		threshold: ThresholdConfig { start_dkg },
	}))
}

/// Owners' update window of the dev chains, in blocks (one minute): long enough for a
/// participant on this machine, short enough that tests see the parallel fallback.
pub const DEV_UPDATE_WINDOW: crate::BlockNumber = 30;

/// An insecure development chain: dev accounts endowed, the dev committee, the
/// committee's DKG at genesis (no development trapdoor) and a one-minute update window.
fn testnet_genesis(initial_authorities: Vec<(AuraId, GrandpaId)>) -> Value {
	let endowed = Sr25519Keyring::well_known().map(|k| (k.to_account_id(), ENDOWMENT)).collect();
	let mut patch = consortium_genesis(initial_authorities, endowed, dev_committee(), [0u8; 32])
		.expect("the dev committee has four members and one validator; qed");
	patch["unlearning"] = serde_json::json!({ "updateWindow": DEV_UPDATE_WINDOW });
	patch
}

fn authority(aura: Sr25519Keyring, grandpa: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(aura.public().into(), grandpa.public().into())
}

/// The `development` preset (insecure): Alice validates alone.
pub fn development_config_genesis() -> Value {
	testnet_genesis(vec![authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice)])
}

/// The `local_testnet` preset (insecure): Alice, Bob, Charlie and Dave validate, so
/// finality survives one of them failing (GRANDPA needs more than 2/3 of 4).
pub fn local_config_genesis() -> Value {
	testnet_genesis(vec![
		authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
		authority(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		authority(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		authority(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
	])
}

/// The genesis patch of a named preset.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work; qed")
			.into_bytes(),
	)
}

/// The names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
