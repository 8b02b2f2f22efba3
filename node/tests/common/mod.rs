//! Helpers for tests that run real `blockful-node` processes: free ports, a process guard
//! that kills its node on drop (also when the test fails), and a minimal JSON-RPC client
//! over HTTP (the node serves HTTP and WebSocket on its RPC port).

#![allow(dead_code)]

use std::{
	io::{BufRead, BufReader, Read, Write},
	net::{TcpListener, TcpStream},
	path::PathBuf,
	process::{Child, Command, Stdio},
	sync::{Arc, Mutex},
	time::{Duration, Instant},
};

use serde_json::{json, Value};

/// Path of the node binary cargo built for these tests.
pub fn node_binary() -> PathBuf {
	PathBuf::from(env!("CARGO_BIN_EXE_blockful-node"))
}

/// A TCP port that was free a moment ago.
pub fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("bind")
}

/// A running node; killed and reaped on drop.
pub struct Node {
	pub name: String,
	pub rpc_port: u16,
	pub p2p_port: u16,
	child: Child,
	log: Arc<Mutex<Vec<String>>>,
}

impl Node {
	/// Starts the node with `args` (plus free RPC/P2P/Prometheus ports and `--tmp`).
	pub fn start(name: &str, args: &[&str]) -> Node {
		let rpc_port = free_port();
		let p2p_port = free_port();
		let prom_port = free_port();
		let mut cmd = Command::new(node_binary());
		cmd.args(args)
			.args([
				"--tmp",
				"--rpc-port",
				&rpc_port.to_string(),
				"--port",
				&p2p_port.to_string(),
				"--prometheus-port",
				&prom_port.to_string(),
				"--no-telemetry",
				"--no-mdns",
				"--rpc-cors",
				"all",
			])
			.stdout(Stdio::null())
			.stderr(Stdio::piped());
		let mut child = cmd.spawn().expect("spawn blockful-node");
		let log = Arc::new(Mutex::new(Vec::new()));
		let stderr = child.stderr.take().expect("stderr piped");
		let sink = log.clone();
		std::thread::spawn(move || {
			for line in BufReader::new(stderr).lines().map_while(Result::ok) {
				if let Ok(mut l) = sink.lock() {
					l.push(line);
				}
			}
		});
		Node { name: name.into(), rpc_port, p2p_port, child, log }
	}

	/// The last lines the node logged, for failure messages.
	pub fn log_tail(&self, n: usize) -> String {
		let l = self.log.lock().map(|l| l.clone()).unwrap_or_default();
		l[l.len().saturating_sub(n)..].join("\n")
	}

	/// Calls a JSON-RPC method over HTTP; `Err` if the node does not answer (yet).
	pub fn rpc(&self, method: &str, params: Value) -> Result<Value, String> {
		rpc_call(self.rpc_port, method, params)
	}

	/// Waits until the RPC answers, panicking with the node's log after `timeout`.
	pub fn wait_for_rpc(&mut self, timeout: Duration) {
		let start = Instant::now();
		loop {
			if self.rpc("system_health", json!([])).is_ok() {
				return;
			}
			if let Ok(Some(status)) = self.child.try_wait() {
				panic!("{} exited with {status}:\n{}", self.name, self.log_tail(40));
			}
			if start.elapsed() > timeout {
				panic!("{}: RPC did not answer within {timeout:?}:\n{}", self.name, self.log_tail(40));
			}
			std::thread::sleep(Duration::from_millis(500));
		}
	}

	/// Number of the best block.
	pub fn best_number(&self) -> Result<u64, String> {
		let header = self.rpc("chain_getHeader", json!([]))?;
		parse_number(&header)
	}

	/// Number of the last finalized block.
	pub fn finalized_number(&self) -> Result<u64, String> {
		let hash = self.rpc("chain_getFinalizedHead", json!([]))?;
		let header = self.rpc("chain_getHeader", json!([hash]))?;
		parse_number(&header)
	}

	/// Waits until at least `n` blocks are finalized.
	pub fn wait_for_finalized(&mut self, n: u64, timeout: Duration) -> u64 {
		let start = Instant::now();
		loop {
			if let Ok(f) = self.finalized_number() {
				if f >= n {
					return f;
				}
			}
			if let Ok(Some(status)) = self.child.try_wait() {
				panic!("{} exited with {status}:\n{}", self.name, self.log_tail(40));
			}
			if start.elapsed() > timeout {
				panic!(
					"{}: fewer than {n} blocks finalized after {timeout:?} (best {:?}):\n{}",
					self.name,
					self.best_number(),
					self.log_tail(40)
				);
			}
			std::thread::sleep(Duration::from_millis(500));
		}
	}

	/// Stops the node with SIGTERM and waits for it to exit; returns whether it exited
	/// within the grace period.
	pub fn stop(mut self) -> bool {
		let pid = self.child.id().to_string();
		let _ = Command::new("kill").args(["-TERM", &pid]).status();
		let start = Instant::now();
		while start.elapsed() < Duration::from_secs(20) {
			if let Ok(Some(_)) = self.child.try_wait() {
				return true;
			}
			std::thread::sleep(Duration::from_millis(200));
		}
		false
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
	}
}

fn parse_number(header: &Value) -> Result<u64, String> {
	let n = header.get("number").and_then(Value::as_str).ok_or("header without number")?;
	u64::from_str_radix(n.trim_start_matches("0x"), 16).map_err(|e| e.to_string())
}

/// One JSON-RPC call over HTTP/1.1 on localhost.
pub fn rpc_call(port: u16, method: &str, params: Value) -> Result<Value, String> {
	let body = json!({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}).to_string();
	let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
	stream.set_read_timeout(Some(Duration::from_secs(30))).map_err(|e| e.to_string())?;
	write!(
		stream,
		"POST / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
		body.len()
	)
	.map_err(|e| e.to_string())?;
	let mut response = String::new();
	stream.read_to_string(&mut response).map_err(|e| e.to_string())?;
	let (head, payload) = response.split_once("\r\n\r\n").ok_or("malformed HTTP response")?;
	let payload = if head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
		dechunk(payload)?
	} else {
		payload.to_string()
	};
	let v: Value = serde_json::from_str(&payload).map_err(|e| format!("{e}: {payload}"))?;
	if let Some(err) = v.get("error") {
		return Err(format!("RPC error: {err}"));
	}
	v.get("result").cloned().ok_or_else(|| format!("no result in {v}"))
}

fn dechunk(mut s: &str) -> Result<String, String> {
	let mut out = String::new();
	loop {
		let (size, rest) = s.split_once("\r\n").ok_or("bad chunk")?;
		let size = usize::from_str_radix(size.trim(), 16).map_err(|e| e.to_string())?;
		if size == 0 {
			return Ok(out);
		}
		out.push_str(rest.get(..size).ok_or("short chunk")?);
		s = rest.get(size + 2..).ok_or("short chunk")?;
	}
}

/// The libp2p peer id of a node key given as hex, via the node's own `key` command.
pub fn peer_id_of(node_key_hex: &str) -> String {
	let dir = std::env::temp_dir().join(format!("blockful-nodekey-{}", std::process::id()));
	std::fs::create_dir_all(&dir).expect("temp dir");
	let file = dir.join(format!("{node_key_hex}.key"));
	std::fs::write(&file, node_key_hex).expect("write node key");
	let out = Command::new(node_binary())
		.args(["key", "inspect-node-key", "--file"])
		.arg(&file)
		.output()
		.expect("run key inspect-node-key");
	assert!(out.status.success(), "inspect-node-key failed: {}", String::from_utf8_lossy(&out.stderr));
	String::from_utf8_lossy(&out.stdout).trim().to_string()
}
