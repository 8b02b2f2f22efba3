//! `blockful-worker`: train a model DAG, unlearn, evaluate, run the paper's experiment,
//! benchmark, and run the main job (`demo`) against a BlockFUL chain. A thin binary: the
//! ML lives in `blockful-ml`, the chain client in `blockful-chain-client`, and their
//! composition (the chain flow) in this crate's library (`blockful_worker::flow`).

mod chain_bench;
mod scale_bench;
mod cli;
mod commands;
mod consortium;
mod demo;

use anyhow::{bail, Result};
use clap::{Parser, Subcommand};
use cli::*;

/// BlockFUL worker: model-DAG federated learning and unlearning on libtorch, and the
/// unlearning flow on a BlockFUL chain.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Cli {
	/// libtorch intra-op threads. Default 1: the small models are dominated by per-op
	/// overhead, and OpenMP's spinning threads slow them down on a busy machine; raise it
	/// for ResNet18/MobileNetV2 on an idle multi-core CPU.
	#[arg(long, global = true, default_value_t = 1)]
	threads: i32,
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
	/// Train the models of a topology into a run directory (store + manifest.json).
	Train(TrainArgs),
	/// Unlearn classes from start models and every model that inherits from them.
	Unlearn(UnlearnArgs),
	/// Evaluate models of a run directory (accuracy on forgotten / retained classes).
	Eval(EvalArgs),
	/// Train, run sequential / parallel / parallel+repair unlearning, write a report.
	Experiment(ExperimentArgs),
	/// Micro-benchmarks: GA propagation vs memcpy, DP vs path enumeration, 1M-edge DP.
	Bench(BenchArgs),
	/// The main job: the experiment, then both paradigms through a BlockFUL chain
	/// (publish, request, redactions signed by the committee's off-chain workers, integrity
	/// check), with the cost table.
	Demo(DemoArgs),
	/// Split a topology's data set into one shard per user (what each participant holds).
	Partition(PartitionArgs),
	/// One owner's long-running process: trains and publishes its models, files its
	/// requests, computes and submits its updates, following finalized blocks.
	Participant(ParticipantArgs),
	/// Throughput in real blocks on a running node: a flood of `publish_model` beside a
	/// flood of `transfer_keep_alive`, counted in finalized blocks (ratio).
	ChainBench(ChainBenchArgs),
}

fn main() -> Result<()> {
	tracing_subscriber::fmt()
		.with_env_filter(
			tracing_subscriber::EnvFilter::try_from_default_env()
				.unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
		)
		.with_writer(std::io::stderr)
		.init();
	let cli = Cli::parse();
	if cli.threads < 1 {
		bail!("--threads must be at least 1");
	}
	blockful_ml::device::set_threads(cli.threads);
	match cli.command {
		Command::Train(a) => commands::cmd_train(a),
		Command::Unlearn(a) => commands::cmd_unlearn(a),
		Command::Eval(a) => commands::cmd_eval(a),
		Command::Experiment(a) => commands::cmd_experiment(a),
		Command::Demo(a) => demo::cmd_demo(a),
		Command::Bench(a) => commands::cmd_bench(a),
		Command::ChainBench(a) => chain_bench::cmd_chain_bench(a),
		Command::Partition(a) => consortium::cmd_partition(a),
		Command::Participant(a) => consortium::cmd_participant(a),
	}
}
