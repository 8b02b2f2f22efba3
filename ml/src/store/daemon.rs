//! A loopback-only kubo daemon started and stopped by this process (tests, the demo).
//!
//! The repository is made with kubo's `test` profile (API, gateway and swarm on 127.0.0.1
//! with ports the kernel picks, no bootstrap peers, no MDNS, no AutoConf) and further closed:
//! no routing (`Routing.Type = none`: no DHT, to the outside or between the local nodes),
//! no providing, TCP only, no relays. Such a node exchanges blocks (bitswap) only with peers
//! it is told to [`KuboDaemon::connect_to`]. `scripts/ipfs.sh` sets a node up the same way.

use super::kubo::{Kubo, KuboOptions};
use crate::error::{Result, WorkerError};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The kubo release the project builds (`scripts/bootstrap.sh`).
pub const KUBO_VERSION: &str = "0.43.1";

/// `ipfs config` settings applied after `ipfs init --profile test` (key, JSON value).
pub const LOOPBACK_CONFIG: &[(&str, &str)] = &[
	("Routing.Type", "\"none\""),
	("Provide.Enabled", "false"),
	("Swarm.Transports.Network.QUIC", "false"),
	("Swarm.Transports.Network.WebTransport", "false"),
	("Swarm.Transports.Network.Websocket", "false"),
	("Swarm.Transports.Network.WebRTCDirect", "false"),
	("Swarm.RelayClient.Enabled", "false"),
	("Swarm.RelayService.Enabled", "false"),
];

/// A running kubo daemon; killed (and its repository removed) when dropped.
pub struct KuboDaemon {
	child: Option<Child>,
	repo: PathBuf,
	api: String,
	gateway: String,
	swarm: String,
	log: PathBuf,
}

impl KuboDaemon {
	/// The kubo binary: `$BLOCKFUL_KUBO`, else the one `scripts/bootstrap.sh` builds
	/// (`$BLOCKFUL_CACHE/kubo/v<version>/ipfs`, cache default `~/.cache/blockful`), else an
	/// `ipfs` on `PATH`.
	pub fn binary() -> Result<PathBuf> {
		if let Some(p) = std::env::var_os("BLOCKFUL_KUBO") {
			return Ok(PathBuf::from(p));
		}
		let cache = std::env::var_os("BLOCKFUL_CACHE")
			.map(PathBuf::from)
			.or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache/blockful")));
		if let Some(bin) = cache.map(|c| c.join(format!("kubo/v{KUBO_VERSION}/ipfs"))).filter(|b| b.is_file()) {
			return Ok(bin);
		}
		let on_path = std::env::var_os("PATH")
			.into_iter()
			.flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
			.map(|d| d.join("ipfs"))
			.find(|b| b.is_file());
		on_path.ok_or_else(|| {
			WorkerError::InvalidArgument(format!(
				"no kubo binary: run scripts/bootstrap.sh (builds kubo v{KUBO_VERSION} into the cache) or set BLOCKFUL_KUBO"
			))
		})
	}

	/// Initialises a repository at `repo` (which must not exist yet), configures it for
	/// loopback only and starts the daemon; returns once its API answers.
	pub fn start(repo: impl Into<PathBuf>) -> Result<Self> {
		let repo = repo.into();
		if repo.exists() {
			return Err(WorkerError::InvalidArgument(format!("{} exists: a new kubo repository needs a new directory", repo.display())));
		}
		let bin = Self::binary()?;
		let ipfs = |args: &[&str]| -> Result<()> {
			let out = Command::new(&bin).args(args).env("IPFS_PATH", &repo).output().map_err(|e| WorkerError::io(&bin, e))?;
			if !out.status.success() {
				return Err(WorkerError::InvalidArgument(format!(
					"ipfs {}: {}",
					args.join(" "),
					String::from_utf8_lossy(&out.stderr).trim()
				)));
			}
			Ok(())
		};
		let configured = ipfs(&["init", "--profile", "test", "--empty-repo"])
			.and_then(|()| LOOPBACK_CONFIG.iter().try_for_each(|(key, value)| ipfs(&["config", "--json", key, value])));
		if let Err(e) = configured {
			// A half-made repository would be refused ("exists") by the next start.
			let _ = std::fs::remove_dir_all(&repo);
			return Err(e);
		}
		let log = repo.join("daemon.log");
		let file = std::fs::File::create(&log).map_err(|e| WorkerError::io(&log, e))?;
		let err = file.try_clone().map_err(|e| WorkerError::io(&log, e))?;
		let child = Command::new(&bin)
			.args(["daemon", "--enable-gc=false"])
			.env("IPFS_PATH", &repo)
			.stdin(Stdio::null())
			.stdout(file)
			.stderr(err)
			.spawn()
			.map_err(|e| WorkerError::io(&bin, e))?;
		let mut daemon =
			KuboDaemon { child: Some(child), repo, api: String::new(), gateway: String::new(), swarm: String::new(), log };
		daemon.wait_ready(Duration::from_secs(60))?;
		Ok(daemon)
	}

	/// Waits for the `api` and `gateway` files the daemon writes once it listens.
	fn wait_ready(&mut self, limit: Duration) -> Result<()> {
		let started = Instant::now();
		loop {
			if let Some(status) = self.child.as_mut().and_then(|c| c.try_wait().ok().flatten()) {
				let log = std::fs::read_to_string(&self.log).unwrap_or_default();
				return Err(WorkerError::InvalidArgument(format!("kubo exited ({status}) at start: {}", log.trim())));
			}
			let api = std::fs::read_to_string(self.repo.join("api")).ok();
			let gateway = std::fs::read_to_string(self.repo.join("gateway")).ok();
			if let (Some(api), Some(gateway)) = (api, gateway) {
				if let Some(port) = api.trim().strip_prefix("/ip4/127.0.0.1/tcp/") {
					self.api = format!("http://127.0.0.1:{port}");
					self.gateway = gateway.trim().to_string();
					let kubo = self.client(KuboOptions::default())?;
					if let Some(addr) = kubo.swarm_addresses()?.into_iter().find(|a| a.starts_with("/ip4/127.0.0.1/tcp/")) {
						self.swarm = addr;
						return Ok(());
					}
				}
			}
			if started.elapsed() > limit {
				return Err(WorkerError::InvalidArgument(format!(
					"kubo did not come up in {limit:?}; its log is {}",
					self.log.display()
				)));
			}
			std::thread::sleep(Duration::from_millis(100));
		}
	}

	/// The RPC API URL (`http://127.0.0.1:<port>`).
	pub fn api(&self) -> &str {
		&self.api
	}

	/// The gateway URL (`http://127.0.0.1:<port>`; a model is at `<gateway>/ipfs/<cid>`).
	pub fn gateway(&self) -> &str {
		&self.gateway
	}

	/// The swarm multiaddr with the peer id, for [`KuboDaemon::connect_to`].
	pub fn swarm_addr(&self) -> &str {
		&self.swarm
	}

	/// The repository (blocks under `blocks/`).
	pub fn repo(&self) -> &Path {
		&self.repo
	}

	/// A client of this daemon's API.
	pub fn client(&self, options: KuboOptions) -> Result<Kubo> {
		Kubo::connect(&self.api, "ipfs", options)
	}

	/// Peers this node with `other` (bitswap then exchanges blocks between them).
	pub fn connect_to(&self, other: &KuboDaemon) -> Result<()> {
		self.client(KuboOptions::default())?.swarm_connect(other.swarm_addr())
	}

	/// Kills the daemon now (the repository stays until drop).
	pub fn kill(&mut self) {
		if let Some(mut c) = self.child.take() {
			let _ = c.kill();
			let _ = c.wait();
		}
	}
}

impl Drop for KuboDaemon {
	fn drop(&mut self) {
		self.kill();
		let _ = std::fs::remove_dir_all(&self.repo);
	}
}
