//! The model DAG: references, topological order, inherited sets N(W) and the propagation
//! coefficients c(s, y) of eqs. 7-8.
//!
//! c(s, y) = Σ_{paths p: s→y} Π_{w_j on p, j≠s} 1/N^{R_j}. The number of paths grows
//! exponentially with depth, but the sum factorises: c(s, s) = 1 and
//! c(s, y) = (1/N^{R_y}) · Σ_{parents p of y} c(s, p), so one pass in topological order
//! gives every coefficient in O(V + E).

use crate::error::{Result, WorkerError};

/// A DAG given by each node's parent list (the models it referenced).
#[derive(Clone, Debug)]
pub struct Dag {
	parents: Vec<Vec<usize>>,
	children: Vec<Vec<usize>>,
	topo: Vec<usize>,
}

impl Dag {
	/// Validates the parent lists (indices in range, no self or duplicate references, no
	/// cycles) and builds the DAG.
	pub fn new(parents: Vec<Vec<usize>>) -> Result<Dag> {
		let n = parents.len();
		let mut children = vec![Vec::new(); n];
		let mut indegree = vec![0usize; n];
		for (y, ps) in parents.iter().enumerate() {
			let mut seen = std::collections::HashSet::with_capacity(ps.len());
			for &p in ps {
				if p >= n {
					return Err(WorkerError::InvalidTopology(format!(
						"node {y} references unknown node {p}"
					)));
				}
				if p == y {
					return Err(WorkerError::InvalidTopology(format!(
						"node {y} references itself"
					)));
				}
				if !seen.insert(p) {
					return Err(WorkerError::InvalidTopology(format!(
						"node {y} references node {p} twice"
					)));
				}
				children[p].push(y);
				indegree[y] += 1;
			}
		}
		// Kahn's algorithm; a stack keeps it allocation-light on huge DAGs.
		let mut ready: Vec<usize> = (0..n).filter(|&i| indegree[i] == 0).rev().collect();
		let mut topo = Vec::with_capacity(n);
		while let Some(v) = ready.pop() {
			topo.push(v);
			for &c in children[v].iter().rev() {
				indegree[c] -= 1;
				if indegree[c] == 0 {
					ready.push(c);
				}
			}
		}
		if topo.len() != n {
			let on_cycle = (0..n).find(|&i| indegree[i] > 0).unwrap_or(0);
			return Err(WorkerError::InvalidTopology(format!(
				"the references contain a cycle through node {on_cycle}"
			)));
		}
		Ok(Dag { parents, children, topo })
	}

	/// Number of nodes.
	pub fn len(&self) -> usize {
		self.parents.len()
	}

	/// True when empty.
	pub fn is_empty(&self) -> bool {
		self.parents.is_empty()
	}

	/// Number of edges.
	pub fn num_edges(&self) -> usize {
		self.parents.iter().map(Vec::len).sum()
	}

	/// Parents (references) of `y`.
	pub fn parents(&self, y: usize) -> &[usize] {
		&self.parents[y]
	}

	/// Children (inheritors) of `y`.
	pub fn children(&self, y: usize) -> &[usize] {
		&self.children[y]
	}

	/// A topological order (parents before children).
	pub fn topo_order(&self) -> &[usize] {
		&self.topo
	}

	/// Longest path length (in edges) from any root to each node.
	pub fn depths(&self) -> Vec<usize> {
		let mut d = vec![0usize; self.len()];
		for &y in &self.topo {
			d[y] = self.parents[y].iter().map(|&p| d[p] + 1).max().unwrap_or(0);
		}
		d
	}

	fn check_node(&self, s: usize) -> Result<()> {
		if s >= self.len() {
			return Err(WorkerError::InvalidArgument(format!(
				"node {s} not in a DAG of {} nodes",
				self.len()
			)));
		}
		Ok(())
	}

	/// N(W): the nodes that inherit (transitively) from any of `starts`, excluding the
	/// starts themselves, in topological order.
	pub fn inherited(&self, starts: &[usize]) -> Result<Vec<usize>> {
		let mut mark = vec![false; self.len()];
		for &s in starts {
			self.check_node(s)?;
			mark[s] = true;
		}
		let mut reach = vec![false; self.len()];
		for &y in &self.topo {
			reach[y] = mark[y] || self.parents[y].iter().any(|&p| reach[p]);
		}
		Ok(self.topo.iter().copied().filter(|&y| reach[y] && !mark[y]).collect())
	}

	/// c(s, ·) for one start model by dynamic programming in topological order (O(V + E)).
	pub fn coefficients(&self, s: usize) -> Result<Vec<f64>> {
		self.check_node(s)?;
		let mut c = vec![0.0f64; self.len()];
		c[s] = 1.0;
		let mut started = false;
		for &y in &self.topo {
			if y == s {
				started = true;
				continue;
			}
			if !started {
				continue;
			}
			let ps = &self.parents[y];
			if ps.is_empty() {
				continue;
			}
			let sum: f64 = ps.iter().map(|&p| c[p]).sum();
			if sum != 0.0 {
				c[y] = sum / ps.len() as f64;
			}
		}
		Ok(c)
	}

	/// c(s, ·) counting only the paths from `s` that pass through no other node of
	/// `starts`: with several start models, one that inherits from another is unlearned
	/// on its own and its Δθ carries what it inherited, so the paths through it must not
	/// count the first start's Δθ a second time. Equals [`Dag::coefficients`] for one
	/// start.
	pub fn coefficients_avoiding(&self, s: usize, starts: &[usize]) -> Result<Vec<f64>> {
		self.check_node(s)?;
		let mut c = vec![0.0f64; self.len()];
		c[s] = 1.0;
		let pos = self.topo.iter().position(|&y| y == s).unwrap_or(0);
		for &y in &self.topo[pos + 1..] {
			let ps = &self.parents[y];
			if ps.is_empty() || starts.contains(&y) {
				continue;
			}
			let sum: f64 = ps.iter().map(|&p| c[p]).sum();
			if sum != 0.0 {
				c[y] = sum / ps.len() as f64;
			}
		}
		Ok(c)
	}

	/// The same quantity by enumerating every path (exponential; for tests and benches).
	/// Gives up with an error after `max_paths` paths.
	pub fn path_sum_enumerated(&self, s: usize, y: usize, max_paths: u64) -> Result<f64> {
		self.check_node(s)?;
		self.check_node(y)?;
		let mut total = 0.0;
		let mut paths = 0u64;
		// Explicit stack of (node, product so far, next child index).
		let mut stack: Vec<(usize, f64, usize)> = vec![(s, 1.0, 0)];
		if s == y {
			return Ok(1.0);
		}
		while let Some(top) = stack.last_mut() {
			let (node, prod, next) = *top;
			if next >= self.children[node].len() {
				stack.pop();
				continue;
			}
			top.2 += 1;
			let child = self.children[node][next];
			let p = prod / self.parents[child].len() as f64;
			if child == y {
				total += p;
				paths += 1;
				if paths > max_paths {
					return Err(WorkerError::InvalidArgument(format!(
						"more than {max_paths} paths from {s} to {y}"
					)));
				}
			} else {
				stack.push((child, p, 0));
			}
		}
		Ok(total)
	}
}
