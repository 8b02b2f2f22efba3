//! `--device auto|cpu|cuda[:N]`.

use crate::error::{Result, WorkerError};
use tch::Device;

/// Parses a device name. `auto` picks CUDA device 0 when libtorch sees one, else the CPU;
/// an explicit `cuda[:N]` fails when that device does not exist rather than silently
/// falling back, so a GPU run never turns into a CPU run unnoticed.
pub fn parse_device(name: &str) -> Result<Device> {
	let name = name.trim().to_ascii_lowercase();
	match name.as_str() {
		"auto" => Ok(Device::cuda_if_available()),
		"cpu" => Ok(Device::Cpu),
		_ => {
			let index = match name.strip_prefix("cuda") {
				Some("") => 0,
				Some(rest) => rest
					.strip_prefix(':')
					.and_then(|n| n.parse::<usize>().ok())
					.ok_or_else(|| {
						WorkerError::InvalidArgument(format!(
							"device {name:?}: expected auto, cpu, cuda or cuda:N"
						))
					})?,
				None => {
					return Err(WorkerError::InvalidArgument(format!(
						"device {name:?}: expected auto, cpu, cuda or cuda:N"
					)))
				}
			};
			let available = tch::Cuda::device_count();
			if (index as i64) >= available {
				return Err(WorkerError::InvalidArgument(format!(
					"device cuda:{index} requested but libtorch sees {available} CUDA device(s)"
				)));
			}
			Ok(Device::Cuda(index))
		}
	}
}

/// Human-readable device name for reports.
pub fn device_name(device: Device) -> String {
	match device {
		Device::Cpu => "cpu".to_string(),
		Device::Cuda(i) => format!("cuda:{i}"),
		other => format!("{other:?}").to_lowercase(),
	}
}

/// Sets libtorch's intra-op thread count for this process.
pub fn set_threads(n: i32) {
	tch::set_num_threads(n);
}
