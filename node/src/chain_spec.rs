//! Chain specifications built from the runtime's genesis presets.

use sc_service::ChainType;

/// The chain specification of this node (no extensions).
pub type ChainSpec = sc_service::GenericChainSpec;

fn wasm() -> Result<&'static [u8], String> {
	blockful_runtime::WASM_BINARY.ok_or_else(|| {
		"the runtime's WASM binary is not available: the node was built with SKIP_WASM_BUILD"
			.to_string()
	})
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

/// `--chain local`: validators Alice and Bob, committee Alice..Dave.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("BlockFUL Local Testnet")
		.with_id("blockful_local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

fn properties() -> sc_service::Properties {
	let mut p = sc_service::Properties::new();
	p.insert("tokenSymbol".into(), "BFL".into());
	p.insert("tokenDecimals".into(), 12.into());
	p.insert("ss58Format".into(), 42.into());
	p
}
