//! One timing rule for every unlearning method.
//!
//! Every piece of an unlearning task — a start owner's ascent and repair, the committee's
//! propagation, an inherited owner's repair or re-training — is measured on its own. From
//! the pieces two figures follow, by the same rule for every method:
//!
//! * **work**: the sum of every piece (what all the owners and the committee spend
//!   together; what one machine doing everything would take);
//! * **latency**: the critical path with the parties working in parallel — a piece starts
//!   once its inputs exist and its party is free, and each party does its own pieces one
//!   after the other. Re-training is timed by this rule too: independent branches of the
//!   DAG re-train at the same time, a model waits for its parents.
//!
//! Neither includes the chain (consensus rounds, transfers): the chain's part is measured
//! by the chain flow and the participants' protocol.

use std::collections::HashMap;

/// Who computes a piece of an unlearning task.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Party {
	/// A data owner (index into the topology's users), on its own models.
	Owner(usize),
	/// The committee, which propagates eqs. 7-8 without data.
	Committee,
}

/// The critical-path clock of one task: when each party is next free, and the work so far.
#[derive(Clone, Debug, Default)]
pub struct Schedule {
	free: HashMap<Party, f64>,
	work: f64,
	latency: f64,
}

impl Schedule {
	/// A task that has not started.
	pub fn new() -> Schedule {
		Schedule::default()
	}

	/// Runs a piece of `seconds` (measured) by `party` once its inputs exist at `ready`;
	/// returns when it is done.
	pub fn run(&mut self, party: Party, ready: f64, seconds: f64) -> f64 {
		let start = self.free.get(&party).copied().unwrap_or(0.0).max(ready);
		let done = start + seconds;
		self.free.insert(party, done);
		self.work += seconds;
		self.latency = self.latency.max(done);
		done
	}

	/// The sum of every piece so far.
	pub fn work(&self) -> f64 {
		self.work
	}

	/// When the last piece so far is done.
	pub fn latency(&self) -> f64 {
		self.latency
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn parties_work_in_parallel_and_each_in_turn() {
		let mut s = Schedule::new();
		// Two owners start at once; the committee waits for both.
		let a = s.run(Party::Owner(0), 0.0, 2.0);
		let b = s.run(Party::Owner(1), 0.0, 3.0);
		let c = s.run(Party::Committee, a.max(b), 1.0);
		assert_eq!((a, b, c), (2.0, 3.0, 4.0));
		// Owner 0 is free at 2 but its input exists at 4; owner 1 then does two in turn.
		assert_eq!(s.run(Party::Owner(0), c, 0.5), 4.5);
		assert_eq!(s.run(Party::Owner(1), c, 0.5), 4.5);
		assert_eq!(s.run(Party::Owner(1), c, 0.5), 5.0);
		assert_eq!(s.work(), 7.5);
		assert_eq!(s.latency(), 5.0);
	}

	#[test]
	fn a_chain_of_one_owner_is_its_sum() {
		let mut s = Schedule::new();
		let mut done = 0.0;
		for t in [1.0, 2.0, 3.0] {
			done = s.run(Party::Owner(7), done, t);
		}
		assert_eq!((s.work(), s.latency()), (6.0, 6.0));
	}
}
