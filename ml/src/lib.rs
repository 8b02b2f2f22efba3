//! # BlockFUL ML library
//!
//! The off-chain machine-learning half of BlockFUL (Liu et al., *Enabling Unlearning in Blockchained Federated
//! Learning*): data sets, models, model-DAG federated learning (eqs. 1-3), the parallel
//! (gradient ascent, eqs. 7-8) and sequential (re-training, eqs. 17-18) unlearning
//! paradigms, metrics, and the content-addressed model store whose CIDs go on chain.
//!
//! It has no chain dependency: the `blockful-chain-client` crate talks to the chain and
//! the `blockful-worker` binary composes the two. A worker drives it through [`fl::Worker`]: [`fl::Worker::train_dag`] trains a
//! DAG into a [`store::Stores`] and returns a [`fl::DagManifest`] (one CID per model);
//! [`fl::Worker::unlearn_parallel`] / [`fl::Worker::unlearn_sequential`] compute the new
//! versions for a request and return old/new CIDs with timings; [`unlearn::propagate`] is
//! the data-free committee step; [`fl::Worker::retrain_model`] re-trains one model for
//! the sequential paradigm.

pub mod bench;
pub mod dag;
pub mod data;
pub mod device;
pub mod error;
pub mod experiment;
pub mod fl;
pub mod forget;
pub mod methods;
pub mod metrics;
pub mod mia;
pub mod models;
pub mod owner;
pub mod propagation;
pub mod protocol;
pub mod provenance;
pub mod report;
pub mod samples;
pub mod schedule;
pub mod seeds;
pub mod shard;
pub mod store;
pub mod synthetic;
pub mod topology;
pub mod train;
pub mod unlearn;
pub mod weights;

pub use error::{Result, WorkerError};
/// Where tensors live (libtorch's device), re-exported so that callers need no `tch` dependency.
pub use tch::Device;
