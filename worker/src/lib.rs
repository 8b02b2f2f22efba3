//! # BlockFUL worker
//!
//! The composition of the ML library (`blockful-ml`) and the chain client
//! (`blockful-chain-client`): [`flow`] runs the paper's unlearning flow for both paradigms
//! on a running chain, from the models and outcomes the ML library produced. The
//! `blockful-worker` binary adds the command line, progress and output.

pub mod cost_model;
pub mod flow;
pub mod participant;
