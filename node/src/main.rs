//! BlockFUL node: a Substrate full node (Aura + GRANDPA) for the BlockFUL runtime.

#![warn(missing_docs)]

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
