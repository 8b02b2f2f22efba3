//! The worker's command-line arguments (clap).

use blockful_ml::data::DatasetKind;
use blockful_ml::models::Arch;
use blockful_ml::topology::StartMethod;
use blockful_ml::store::StoreLocation;
use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(Args, Debug)]
pub(crate) struct DemoArgs {
	#[command(flatten)]
	pub(crate) setup: TrainSetup,
	#[command(flatten)]
	pub(crate) request: RequestArgs,
	#[command(flatten)]
	pub(crate) common: Common,
	#[command(flatten)]
	pub(crate) protocol: Protocol,
	/// WebSocket URL of a running node. Default: start `blockful-node --dev --tmp` and
	/// stop it at the end.
	#[arg(long)]
	pub(crate) url: Option<String>,
	/// The node binary to start when no --url is given (default: `blockful-node` beside
	/// this binary, then on PATH).
	#[arg(long)]
	pub(crate) node_bin: Option<PathBuf>,
	/// Report directory.
	#[arg(long, default_value = "blockful-demo")]
	pub(crate) out: PathBuf,
	/// Apply the repaired gradient-ascent models in the parallel task: `starts` (NegGrad+
	/// at the start models, propagated) or `all` (and every inherited owner's repair;
	/// `--repair` alone). Default: the paper's plain gradient ascent.
	#[arg(long, value_enum, num_args = 0..=1, default_missing_value = "all")]
	pub(crate) repair: Option<RepairArg>,
	/// Account that funds the users' accounts. The worker holds no committee key and no
	/// trapdoor: the committee's nodes compute every collision.
	#[arg(long, default_value = "//Alice")]
	pub(crate) suri: String,
	/// Where the chain tasks' live store keeps the published models: `ipfs=<kubo RPC API
	/// URL>` (e.g. `ipfs=http://127.0.0.1:5001`; `scripts/ipfs.sh` starts two nodes) or
	/// `dir=<path>`. Default: a directory per task under `<out>/chain/`.
	#[arg(long, value_name = "ipfs=URL|dir=PATH")]
	pub(crate) store: Option<StoreLocation>,
	/// The archive store, which must be another instance than the live one (another kubo
	/// node: a pin belongs to one node). Default: a directory per task under `<out>/chain/`.
	#[arg(long, value_name = "ipfs=URL|dir=PATH")]
	pub(crate) archive_store: Option<StoreLocation>,
	/// Skip the consortium run (one `participant` process per user, both paradigms, timed
	/// on the protocol); by default the demo runs it after the single-process chain tasks.
	#[arg(long)]
	pub(crate) skip_consortium: bool,
}

/// How much the experiment measures.
#[derive(Args, Debug, Clone)]
pub(crate) struct Protocol {
	/// A smoke run: one run of every method (no median), two audit reference models, no
	/// central reference model. The report says so.
	#[arg(long)]
	pub(crate) quick: bool,
	/// Runs of every unlearning method (times: median, min, max); default 5, 1 with --quick.
	#[arg(long)]
	pub(crate) repeats: Option<usize>,
	/// Reference models of the calibrated membership audit (default 16, 2 with --quick;
	/// 0 skips the audit and its positive control).
	#[arg(long)]
	pub(crate) audit_references: Option<usize>,
}

impl Protocol {
	pub(crate) fn options(&self, full_data: bool) -> blockful_ml::experiment::Options {
		let mut o = if self.quick {
			blockful_ml::experiment::Options::quick(full_data)
		} else {
			blockful_ml::experiment::Options::full(full_data)
		};
		if let Some(r) = self.repeats {
			o.repeats = r.max(1);
		}
		if let Some(n) = self.audit_references {
			o.audit_references = n;
		}
		o
	}
}

/// Where data comes from and where tensors live.
#[derive(Args, Debug, Clone)]
pub(crate) struct Common {
	/// Directory with the data set files (default for Fashion-MNIST:
	/// /usr/share/datasets/fashion-mnist).
	#[arg(long)]
	pub(crate) data_dir: Option<PathBuf>,
	/// auto, cpu, cuda or cuda:N.
	#[arg(long, default_value = "auto")]
	pub(crate) device: String,
}

/// What to train.
#[derive(Args, Debug, Clone)]
pub(crate) struct TrainSetup {
	/// A built-in topology name (fig4) or a TOML file.
	#[arg(long, default_value = "fig4")]
	pub(crate) topology: String,
	/// Override the topology's data set.
	#[arg(long, value_enum)]
	pub(crate) dataset: Option<DatasetKind>,
	/// Override the topology's architecture.
	#[arg(long, value_enum)]
	pub(crate) model: Option<Arch>,
	/// Use the whole data set (each class split among its holders) instead of the
	/// topology's per-user subset (the default where the topology says `full = true`, as
	/// fig4 and dag40 do, except with --quick).
	#[arg(long)]
	pub(crate) full_data: bool,
	/// Override local training epochs.
	#[arg(long)]
	pub(crate) epochs: Option<usize>,
	/// Override the per-user training subset size.
	#[arg(long)]
	pub(crate) train_per_user: Option<usize>,
	/// Override the seed.
	#[arg(long)]
	pub(crate) seed: Option<u64>,
}

impl TrainSetup {
	/// Whether to use every training sample: `--full-data`, or the topology's
	/// `[data] full = true` unless `--quick` or `--train-per-user` asks for the per-user
	/// subset.
	pub(crate) fn use_full_data(&self, topo: &blockful_ml::topology::Topology, quick: bool) -> bool {
		self.full_data || (topo.data.full && !quick && self.train_per_user.is_none())
	}
}

#[derive(Args, Debug)]
pub(crate) struct TrainArgs {
	#[command(flatten)]
	pub(crate) setup: TrainSetup,
	#[command(flatten)]
	pub(crate) common: Common,
	/// Run directory to create (store/live, store/archive, manifest.json).
	#[arg(long)]
	pub(crate) out: PathBuf,
}

/// Who repairs in the parallel paradigm (`blockful_ml::unlearn::Repair`).
#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum RepairArg {
	/// The start models' owners (NegGrad+), propagated by eqs. 7-8.
	Starts,
	/// The start models' owners and every inherited model's owner.
	All,
}

/// The library's [`blockful_ml::unlearn::Repair`] for `--repair [starts|all]`.
pub(crate) fn repair_of(r: Option<RepairArg>) -> blockful_ml::unlearn::Repair {
	match r {
		None => blockful_ml::unlearn::Repair::None,
		Some(RepairArg::Starts) => blockful_ml::unlearn::Repair::Starts,
		Some(RepairArg::All) => blockful_ml::unlearn::Repair::All,
	}
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum Paradigm {
	/// Gradient ascent propagated along the DAG (eqs. 7-8); one consensus.
	Parallel,
	/// Re-training in topological order (eqs. 17-18); one consensus per model.
	Sequential,
}

/// Request overrides shared by `unlearn` and `experiment`.
#[derive(Args, Debug, Clone)]
pub(crate) struct RequestArgs {
	/// Start models (comma separated); default: the topology's.
	#[arg(long, value_delimiter = ',')]
	pub(crate) start: Option<Vec<String>>,
	/// Classes to forget (comma separated); default: the topology's.
	#[arg(long, value_delimiter = ',')]
	pub(crate) forget: Option<Vec<u8>>,
	/// Sample-level withdrawal instead of classes (`experiment` and `unlearn` only): the
	/// start models' owners' data carries a backdoor — a trigger patch relabelled to this
	/// class — and the request withdraws exactly the poisoned samples; AD_f (test) becomes
	/// the attack success rate.
	#[arg(long, conflicts_with = "forget", value_parser = clap::value_parser!(u8).range(0..10))]
	pub(crate) backdoor: Option<u8>,
	/// Share of the requesters' samples of other classes the backdoor poisons.
	#[arg(long, requires = "backdoor")]
	pub(crate) backdoor_fraction: Option<f64>,
	/// Sample-level withdrawal instead of classes (`experiment` and `unlearn` only): the
	/// requesters withdraw this share of their training samples, drawn at random; AD_f
	/// (train) is then judged against re-training's, not 0.
	#[arg(long, conflicts_with_all = ["forget", "backdoor"])]
	pub(crate) withdraw_random: Option<f64>,
	/// Discount α.
	#[arg(long)]
	pub(crate) alpha: Option<f64>,
	/// Threshold ε.
	#[arg(long)]
	pub(crate) epsilon: Option<f64>,
	/// How start models are unlearned in the parallel paradigm.
	#[arg(long, value_enum)]
	pub(crate) start_method: Option<StartMethod>,
}

#[derive(Args, Debug)]
pub(crate) struct UnlearnArgs {
	/// Run directory written by `train`.
	#[arg(long)]
	pub(crate) run: PathBuf,
	/// Which paradigm.
	#[arg(long, value_enum, default_value = "parallel")]
	pub(crate) paradigm: Paradigm,
	/// Parallel only: who repairs after the ascent — `starts` (NegGrad+ at the start
	/// models, then propagated) or `all` (and every inherited model's owner). `--repair`
	/// alone means `all`.
	#[arg(long, value_enum, num_args = 0..=1, default_missing_value = "all")]
	pub(crate) repair: Option<RepairArg>,
	/// Only stage the new versions in the live store; do not redact the old ones.
	#[arg(long)]
	pub(crate) dry_run: bool,
	#[command(flatten)]
	pub(crate) request: RequestArgs,
	#[command(flatten)]
	pub(crate) common: Common,
}

#[derive(Args, Debug)]
pub(crate) struct EvalArgs {
	/// Run directory written by `train`.
	#[arg(long)]
	pub(crate) run: PathBuf,
	/// Models to evaluate (comma separated ids); default: all.
	#[arg(long, value_delimiter = ',')]
	pub(crate) models: Option<Vec<String>>,
	/// Evaluate this CID instead (from the live or archive store).
	#[arg(long)]
	pub(crate) cid: Option<String>,
	/// Forgotten classes for the AD_f / AD_r split; default: the topology's.
	#[arg(long, value_delimiter = ',')]
	pub(crate) forget: Option<Vec<u8>>,
	#[command(flatten)]
	pub(crate) common: Common,
}

#[derive(Args, Debug)]
pub(crate) struct ExperimentArgs {
	#[command(flatten)]
	pub(crate) setup: TrainSetup,
	#[command(flatten)]
	pub(crate) request: RequestArgs,
	#[command(flatten)]
	pub(crate) common: Common,
	#[command(flatten)]
	pub(crate) protocol: Protocol,
	/// Run the whole experiment once per seed (the topology's seed, +1, +2, …: partition,
	/// initialisation, shuffles and draws), each into `OUT/seed-<s>/`, and judge every
	/// target on the 95 % interval over the seeds (`OUT/seeds.md`, `OUT/seeds.json`).
	#[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..=30))]
	pub(crate) seeds: u64,
	/// Report directory.
	#[arg(long, default_value = "blockful-report")]
	pub(crate) out: PathBuf,
}

#[derive(Args, Debug)]
pub(crate) struct BenchArgs {
	/// Models in the GA-propagation benchmark.
	#[arg(long, default_value_t = 64)]
	pub(crate) models: usize,
	/// Parameters per model in the GA-propagation benchmark (default: ResNet18 size).
	#[arg(long, default_value_t = 11_173_962)]
	pub(crate) params: usize,
	/// Parameters per model in the end-to-end (store → store) propagation benchmark, run on
	/// the fig4 DAG and on a random 200-model DAG.
	#[arg(long, default_value_t = 1_000_000)]
	pub(crate) store_params: usize,
	/// Runs of each side of the end-to-end benchmark (median, min, max reported).
	#[arg(long, default_value_t = 5)]
	pub(crate) repeats: usize,
	/// Nodes of the large DP benchmark DAG (~4 edges per node).
	#[arg(long, default_value_t = 250_000)]
	pub(crate) nodes: usize,
	/// Also measure the model store on IPFS: start a loopback kubo node for the run (the
	/// one `scripts/bootstrap.sh` builds) and run the end-to-end propagation and the model
	/// I/O benchmark with the live store on it, beside the local store.
	#[arg(long)]
	pub(crate) ipfs: bool,
	/// Write the results as JSON here too.
	#[arg(long)]
	pub(crate) json: Option<PathBuf>,
}


#[derive(Args, Debug)]
pub(crate) struct ChainBenchArgs {
	/// WebSocket URL of a running node (for meaningful figures: a release build,
	/// `scripts/chain-bench.sh` starts one).
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	pub(crate) url: String,
	/// Sending accounts (`//Alice//bench//<i>`), funded by `--suri`.
	#[arg(long, default_value_t = 32)]
	pub(crate) accounts: usize,
	/// Transactions per account and kind.
	#[arg(long, default_value_t = 100)]
	pub(crate) per_account: usize,
	/// Account that funds the senders.
	#[arg(long, default_value = "//Alice")]
	pub(crate) suri: String,
	/// Models in the redaction (a star: a start model and its children, one request, one
	/// threshold approval applied in chunks of `MaxUpdates`); default: the runtime's
	/// maximum, `MaxAffected`; 0 skips it.
	#[arg(long)]
	pub(crate) redaction: Option<u32>,
	/// Instead of the star: publish a DAG of this many models in `--components`
	/// components, file one parallel request from the first model of component 0 (all of
	/// its component is affected) and drive it to the end (`scale_bench`).
	#[arg(long)]
	pub(crate) dag: Option<usize>,
	/// Components of the `--dag` (each about `dag / components` models; component 0's
	/// must fit `MaxAffected`).
	#[arg(long, default_value_t = 9)]
	pub(crate) components: usize,
	/// Models published per flood while building the `--dag` (within the node's pool).
	#[arg(long, default_value_t = 8000)]
	pub(crate) wave: usize,
	/// The node's log, to read the applying block's build time from ("Prepared block for
	/// proposing at N (X ms)"; a node that authored the block).
	#[arg(long)]
	pub(crate) node_log: Option<PathBuf>,
	/// Write the results as JSON here too.
	#[arg(long)]
	pub(crate) json: Option<PathBuf>,
}

/// `partition`: one data shard per user of a topology.
#[derive(Args, Debug)]
pub(crate) struct PartitionArgs {
	#[command(flatten)]
	pub(crate) setup: TrainSetup,
	#[command(flatten)]
	pub(crate) common: Common,
	/// Use the topology's per-user subset even where it says `full = true` (what `--quick`
	/// runs use).
	#[arg(long)]
	pub(crate) quick: bool,
	/// Directory to write, one `<user>/` per user (`shard.safetensors`, `shard.json`).
	#[arg(long)]
	pub(crate) out: PathBuf,
	/// Partition synthetic images instead of a data set (`TRAIN,TEST` samples, 28×28, the
	/// tests' data): for network tests on machines without the data sets.
	#[arg(long, value_delimiter = ',', value_name = "TRAIN,TEST")]
	pub(crate) synthetic: Option<Vec<usize>>,
}

/// `participant`: one owner's long-running process.
#[derive(Args, Debug)]
pub(crate) struct ParticipantArgs {
	/// A built-in topology name (fig4, dag40) or a TOML file: the same for every participant.
	#[arg(long, default_value = "fig4")]
	pub(crate) topology: String,
	/// The owner's data shard, `<partition out>/<user>` (its `shard.json` names the user).
	#[arg(long)]
	pub(crate) data: PathBuf,
	/// The owner's account: a secret URI (`//Alice//blockful//user5`, a mnemonic) or
	/// `@FILE` to read it from a file.
	#[arg(long)]
	pub(crate) suri: String,
	/// JSON object `{ "<user>": "<SS58 account>" }` naming every user's account, the same
	/// file for every participant (models are found on chain by their owner's account).
	#[arg(long)]
	pub(crate) directory: PathBuf,
	/// WebSocket URL of a node.
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	pub(crate) url: String,
	/// The live model store: `ipfs=URL` or `dir=PATH` (shared by the consortium).
	#[arg(long, value_name = "ipfs=URL|dir=PATH")]
	pub(crate) store: StoreLocation,
	/// The archive store (another instance).
	#[arg(long, value_name = "ipfs=URL|dir=PATH")]
	pub(crate) archive_store: StoreLocation,
	/// One DAG copy per task, unlearned under that paradigm (comma-separated), the same
	/// list for every participant; the owners of start models file the requests.
	#[arg(long, value_enum, value_delimiter = ',', default_value = "parallel,sequential")]
	pub(crate) tasks: Vec<ParadigmArg>,
	/// Also submit, after the owners' window, the public-data update (eqs. 7-8) of an
	/// inherited model whose owner is silent (parallel paradigm).
	#[arg(long)]
	pub(crate) fallback: bool,
	/// Repair propagated models on the owner's data (parallel paradigm).
	#[arg(long)]
	pub(crate) repair: bool,
	/// Where to log what this participant did (JSON, read back on restart). Default:
	/// `<data>/participant.json`.
	#[arg(long)]
	pub(crate) log: Option<PathBuf>,
	/// Exit once every task's request has finished.
	#[arg(long)]
	pub(crate) exit_when_done: bool,
	/// Milliseconds between reads of the finalized block.
	#[arg(long, default_value_t = 1000)]
	pub(crate) poll_ms: u64,
	/// Seconds to keep retrying an unreachable node before giving up (exit code 3).
	#[arg(long, default_value_t = 120)]
	pub(crate) reconnect_s: u64,
	/// auto, cpu, cuda or cuda:N.
	#[arg(long, default_value = "auto")]
	pub(crate) device: String,
}

/// A paradigm on the command line.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum ParadigmArg {
	/// Gradient ascent at the start models, eqs. 7-8 elsewhere; one consensus.
	Parallel,
	/// Re-training in topological order; one consensus per model.
	Sequential,
}
