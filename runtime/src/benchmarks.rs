//! The pallets whose benchmarks the node's `benchmark pallet` command runs.

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_collective, Committee]
	[pallet_membership, CommitteeMembership]
	[pallet_model_archive, Archive]
	[pallet_live_chain, LiveChain]
	[pallet_unlearning, Unlearning]
	[pallet_threshold, Threshold]
);
