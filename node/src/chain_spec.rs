//! Chain specifications built from the runtime's genesis presets.

use std::{borrow::Cow, sync::OnceLock};

use sc_service::ChainType;
use sp_maybe_compressed_blob::CODE_BLOB_BOMB_LIMIT;

/// The chain specification of this node (no extensions).
pub type ChainSpec = sc_service::GenericChainSpec;

/// The runtime as it goes into genesis (`:code`): the production WASM (built without
/// `runtime-benchmarks` and `try-runtime`, in the release profile), zstd-compressed. A
/// release build's `WASM_BINARY` is compressed already; a debug build's is the same
/// release-profile WASM uncompressed, compressed here at the level the WASM builder uses
/// (once per process).
fn wasm() -> Result<&'static [u8], String> {
	static CODE: OnceLock<Result<Vec<u8>, String>> = OnceLock::new();
	CODE.get_or_init(|| {
		let code = blockful_runtime::WASM_BINARY.ok_or_else(|| {
			"the runtime's WASM binary is not available: the node was built with SKIP_WASM_BUILD"
				.to_string()
		})?;
		match sp_maybe_compressed_blob::decompress(code, CODE_BLOB_BOMB_LIMIT) {
			Ok(Cow::Owned(_)) => Ok(code.to_vec()),
			Ok(Cow::Borrowed(_)) => sp_maybe_compressed_blob::compress_strongly(code, CODE_BLOB_BOMB_LIMIT)
				.ok_or_else(|| "the runtime's WASM is larger than the code bomb limit".to_string()),
			Err(e) => Err(format!("the runtime's WASM binary does not decompress: {e:?}")),
		}
	})
	.as_deref()
	.map_err(Clone::clone)
}

/// `--dev`: one validator (Alice), committee Alice..Dave.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("BlockFUL Development")
		.with_id("blockful_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `--chain local`: validators Alice, Bob, Charlie and Dave, committee Alice..Dave.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("BlockFUL Local Testnet")
		.with_id("blockful_local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `--chain local-7` (insecure): the `local` chain's four validators (Alice, Bob, Charlie,
/// Dave) and a committee of seven: those four, Eve, Ferdie and One (//One), whose nodes
/// join as full nodes running their off-chain workers. The committee's DKG at genesis
/// gives t = 5: redactions survive two members down, not three
/// (`zombienet/local-7.toml`).
pub fn local7_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("BlockFUL Local Testnet (7 members)")
		.with_id("blockful_local7")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_patch(local7_patch()?)
		.with_properties(properties())
		.build())
}

/// The genesis patch of [`local7_chain_spec`].
pub fn local7_patch() -> Result<serde_json::Value, String> {
	use sp_keyring::{Ed25519Keyring as Ed, Sr25519Keyring as Sr};
	let validators = [(Sr::Alice, Ed::Alice), (Sr::Bob, Ed::Bob), (Sr::Charlie, Ed::Charlie), (Sr::Dave, Ed::Dave)];
	let authorities =
		validators.into_iter().map(|(aura, grandpa)| (aura.public().into(), grandpa.public().into())).collect();
	let committee = [Sr::Alice, Sr::Bob, Sr::Charlie, Sr::Dave, Sr::Eve, Sr::Ferdie, Sr::One]
		.into_iter()
		.map(|k| k.to_account_id())
		.collect();
	let endowed = Sr::well_known().chain([Sr::One, Sr::Two]).map(|k| (k.to_account_id(), 1u128 << 60)).collect();
	let mut patch =
		blockful_runtime::genesis_config_presets::consortium_genesis(authorities, endowed, committee, [0u8; 32])?;
	patch["unlearning"] =
		serde_json::json!({ "updateWindow": blockful_runtime::genesis_config_presets::DEV_UPDATE_WINDOW });
	Ok(patch)
}

/// `--chain consortium:<config.json>`: a chain whose validators, committee, endowments and
/// chameleon-hash public key come from a configuration file, with no development key:
///
/// ```json
/// {
///   "name": "Hospital consortium", "id": "hospitals",
///   "authorities": [{ "aura": "5Grw…", "grandpa": "5FA9…" }],
///   "committee": ["5Grw…", "5FHn…", "5FLS…", "5DAA…"],
///   "endowed": [["5Grw…", "1000000000000000"]],
///   "chPublicKey": "0x…32 bytes…"
/// }
/// ```
///
/// Addresses are SS58; amounts are decimal strings (or JSON numbers) in the smallest unit.
pub fn consortium_chain_spec(path: &std::path::Path) -> Result<ChainSpec, String> {
	let text = std::fs::read_to_string(path)
		.map_err(|e| format!("reading the consortium config {}: {e}", path.display()))?;
	let config: serde_json::Value = serde_json::from_str(&text)
		.map_err(|e| format!("the consortium config {} is not JSON: {e}", path.display()))?;
	let patch = consortium_patch(&config)?;
	let text_field = |key: &str, default: &str| {
		config.get(key).and_then(|v| v.as_str()).unwrap_or(default).to_string()
	};
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name(&text_field("name", "BlockFUL consortium"))
		.with_id(&text_field("id", "blockful_consortium"))
		.with_chain_type(ChainType::Live)
		.with_genesis_config_patch(patch)
		.with_properties(properties())
		.build())
}

/// The runtime genesis patch of a consortium configuration (see [`consortium_chain_spec`]).
pub fn consortium_patch(config: &serde_json::Value) -> Result<serde_json::Value, String> {
	use sp_core::crypto::Ss58Codec;
	fn list<'a>(config: &'a serde_json::Value, key: &str) -> Result<&'a Vec<serde_json::Value>, String> {
		config.get(key).and_then(|v| v.as_array()).ok_or_else(|| format!("`{key}` must be a list"))
	}
	fn ss58<T: Ss58Codec>(v: &serde_json::Value, what: &str) -> Result<T, String> {
		let s = v.as_str().ok_or_else(|| format!("{what} must be an SS58 string"))?;
		T::from_ss58check(s).map_err(|e| format!("{what} `{s}` is not a valid SS58 address: {e:?}"))
	}
	let authorities = list(config, "authorities")?
		.iter()
		.enumerate()
		.map(|(i, a)| {
			let aura: sp_consensus_aura::sr25519::AuthorityId =
				ss58(&a["aura"], &format!("authorities[{i}].aura"))?;
			let grandpa: sp_consensus_grandpa::AuthorityId =
				ss58(&a["grandpa"], &format!("authorities[{i}].grandpa"))?;
			Ok((aura, grandpa))
		})
		.collect::<Result<Vec<_>, String>>()?;
	let committee = list(config, "committee")?
		.iter()
		.enumerate()
		.map(|(i, m)| ss58::<blockful_runtime::AccountId>(m, &format!("committee[{i}]")))
		.collect::<Result<Vec<_>, String>>()?;
	let endowed = match config.get("endowed") {
		None => Vec::new(),
		Some(_) => list(config, "endowed")?
			.iter()
			.enumerate()
			.map(|(i, e)| {
				let who = ss58::<blockful_runtime::AccountId>(&e[0], &format!("endowed[{i}][0]"))?;
				let amount = match &e[1] {
					serde_json::Value::String(s) => s.parse::<u128>().ok(),
					serde_json::Value::Number(n) => n.as_u64().map(u128::from),
					_ => None,
				}
				.ok_or_else(|| format!("endowed[{i}][1] must be a non-negative integer amount"))?;
				Ok((who, amount))
			})
			.collect::<Result<Vec<_>, String>>()?,
	};
	// Usually absent: the committee's DKG makes the key at genesis. Present only for a
	// key from an external ceremony.
	let ch_public_key: [u8; 32] = match config.get("chPublicKey") {
		None | Some(serde_json::Value::Null) => [0u8; 32],
		Some(value) => {
			let key_hex = value
				.as_str()
				.ok_or("`chPublicKey` must be a 0x-prefixed hex string of 32 bytes")?;
			let digits = key_hex.strip_prefix("0x").unwrap_or(key_hex);
			let bytes = (0..digits.len())
				.step_by(2)
				.map(|i| digits.get(i..i + 2).and_then(|d| u8::from_str_radix(d, 16).ok()))
				.collect::<Option<Vec<u8>>>()
				.ok_or("`chPublicKey` is not hex")?;
			let key: [u8; 32] =
				bytes.try_into().map_err(|_| "`chPublicKey` must be 32 bytes".to_string())?;
			if key == blockful_chameleon_dev_key() {
				return Err(
					"`chPublicKey` is the public development key, whose trapdoor everybody knows"
						.into(),
				)
			}
			key
		},
	};
	blockful_runtime::genesis_config_presets::consortium_genesis(
		authorities,
		endowed,
		committee,
		ch_public_key,
	)
	.map_err(str::to_string)
}

/// The development CH public key, refused for consortium chains.
fn blockful_chameleon_dev_key() -> [u8; 32] {
	blockful_chameleon::dev_public_key().0
}

fn properties() -> sc_service::Properties {
	let mut p = sc_service::Properties::new();
	p.insert("tokenSymbol".into(), "BFL".into());
	p.insert("tokenDecimals".into(), 12.into());
	p.insert("ss58Format".into(), 42.into());
	p
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_core::{crypto::Ss58Codec, ed25519, sr25519, Pair};

	fn account(seed: &str) -> String {
		let public = sr25519::Pair::from_string(seed, None).unwrap().public();
		sp_runtime::AccountId32::from(public).to_ss58check()
	}

	fn config(committee: usize, key: &str) -> serde_json::Value {
		serde_json::json!({
			"name": "Test consortium",
			"authorities": [{
				"aura": sr25519::Pair::from_string("//v1", None).unwrap().public().to_ss58check(),
				"grandpa": ed25519::Pair::from_string("//v1", None).unwrap().public().to_ss58check(),
			}],
			"committee": (0..committee).map(|i| account(&format!("//member{i}"))).collect::<Vec<_>>(),
			"endowed": [[account("//member0"), "1000000000000000"]],
			"chPublicKey": key,
		})
	}

	const KEY: &str = "0x0707070707070707070707070707070707070707070707070707070707070707";

	#[test]
	fn consortium_config_becomes_a_patch_without_dev_keys_works() {
		let patch = consortium_patch(&config(4, KEY)).unwrap();
		assert_eq!(patch["liveChain"]["chPublicKey"], serde_json::to_value([7u8; 32]).unwrap());
		assert_eq!(patch["committeeMembership"]["members"].as_array().unwrap().len(), 4);
		assert_eq!(patch["aura"]["authorities"].as_array().unwrap().len(), 1);
		let text = patch.to_string();
		let alice = sp_keyring::Sr25519Keyring::Alice.to_account_id().to_ss58check();
		assert!(!text.contains(&alice));
	}

	#[test]
	fn local7_has_seven_members_four_validators_and_a_genesis_dkg_works() {
		let patch = local7_patch().unwrap();
		let members = patch["committeeMembership"]["members"].as_array().unwrap();
		assert_eq!(members.len(), 7);
		let one = serde_json::to_value(sp_keyring::Sr25519Keyring::One.to_account_id()).unwrap();
		assert!(members.contains(&one));
		assert_eq!(patch["aura"]["authorities"].as_array().unwrap().len(), 4);
		assert_eq!(patch["grandpa"]["authorities"].as_array().unwrap().len(), 4);
		assert_eq!(patch["threshold"]["startDkg"], serde_json::json!(true));
		assert_eq!(patch["liveChain"]["chPublicKey"], serde_json::to_value([0u8; 32]).unwrap());
	}

	#[test]
	fn consortium_config_with_bad_input_fails() {
		assert!(consortium_patch(&config(3, KEY)).unwrap_err().contains("four members"));
		assert!(consortium_patch(&config(4, "0x07")).unwrap_err().contains("32 bytes"));
		assert!(consortium_patch(&config(4, "0xzz")).unwrap_err().contains("not hex"));
		let dev = format!("0x{}", blockful_chameleon_dev_key().iter().map(|b| format!("{b:02x}")).collect::<String>());
		assert!(consortium_patch(&config(4, &dev)).unwrap_err().contains("development key"));
		let mut bad = config(4, KEY);
		bad["committee"][0] = serde_json::json!("not-an-address");
		assert!(consortium_patch(&bad).unwrap_err().contains("committee[0]"));
	}
}
