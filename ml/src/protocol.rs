//! How much an experiment measures (data, repeats, reference models). Shared by the
//! experiment that runs it and the report that records it.

use serde::{Deserialize, Serialize};

/// How much to measure: data, repeats of every timed task, reference models.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Options {
	/// Use every training sample (each class split among its holders).
	pub full_data: bool,
	/// Runs of every unlearning method; times are reported as median, min and max.
	pub repeats: usize,
	/// Reference models of the calibrated membership-inference audit (0 = no audit).
	pub audit_references: usize,
	/// Train the centrally trained reference model (same architecture, all users' data).
	pub central_reference: bool,
}

impl Options {
	/// The full protocol: 5 runs of every method, 16 audit references, the central model.
	pub fn full(full_data: bool) -> Options {
		Options { full_data, repeats: 5, audit_references: 16, central_reference: true }
	}

	/// One run of every method, 2 audit references, no central model (a smoke run; the
	/// report says so).
	pub fn quick(full_data: bool) -> Options {
		Options { full_data, repeats: 1, audit_references: 2, central_reference: false }
	}
}
