//! What the ML test binaries share.

use std::sync::{Mutex, MutexGuard};

/// Serialises the tests of one test binary that touch libtorch's global random generator.
///
/// `Net::new` seeds that generator (`tch::manual_seed`) and dropout draws from it, so two
/// tests training at the same time in one process change each other's models, and their
/// results depend on thread scheduling (a run-to-run flake, not a property of the code
/// under test). Every such test holds this guard for its whole run; a test that panicked
/// while holding it does not fail the others.
pub fn torch_rng() -> MutexGuard<'static, ()> {
	static LOCK: Mutex<()> = Mutex::new(());
	LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
