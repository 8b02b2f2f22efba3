// The js-script steps of the BlockFUL network tests. A .zndsl line such as
//   rpc: js-script ./js/steps.js with "publish" within 300 seconds
// calls run('rpc', networkInfo, ['publish']): the first argument picks the step, the node
// named on the line is the node the step acts through, further arguments name other nodes
// or numbers. Steps share state in this module (zombienet runs them in one process).
// A step fails by throwing.
'use strict';

const L = require('./lib.js');

const state = { dag: null, motion: null, redaction: null, marks: {}, t: {} };

const split = (s) => (s ? s.split('+') : []);
/** The dev account that signs for a node: its own name, or Eve for the full node. */
const signer = (node) => (['alice', 'bob', 'charlie', 'dave', 'eve', 'ferdie'].includes(node) ? node : 'eve');

const steps = {
	/** all nodes `names` (a+b+…) advance best and finalized height by `blocks` (default 3). */
	async advance(node, info, [names, blocks = '3']) {
		const list = split(names);
		const n = Number(blocks);
		const start = await Promise.all(list.map((x) => L.heights(L.uriOf(info, x))));
		const t0 = L.now();
		await Promise.all(list.map((x, i) => L.waitHeight(L.uriOf(info, x), start[i].best + n)));
		await Promise.all(list.map((x, i) => L.waitHeight(L.uriOf(info, x), start[i].finalized + n, { finalized: true })));
		const end = await Promise.all(list.map((x) => L.heights(L.uriOf(info, x))));
		console.log(`    ${list.map((x, i) => `${x} best #${start[i].best}->#${end[i].best} fin #${start[i].finalized}->#${end[i].finalized}`).join('; ')} in ${(L.now() - t0).toFixed(1)} s`);
	},

	/** time from the first validator process start to the first finalized block on `node`. */
	async 'first-finality'(node, info, [validators]) {
		const uri = L.uriOf(info, node);
		const starts = split(validators).map((v) => L.processStart(info, v)).filter(Boolean);
		if (!starts.length) throw new Error('no validator process found');
		const t0 = Math.min(...starts.map((s) => s.start));
		const first = await L.heights(uri);
		let t1;
		let bound = '';
		if (first.finalized >= 1) {
			// Too late to watch it: bracket it with the node's informant lines ("💤 Idle …
			// finalized #N", every 5 s, local time, 1 s resolution).
			t1 = L.now();
			bound = 'upper bound: block 1 was already finalized at the first look';
			const lines = require('node:fs').readFileSync(`${info.tmpDir}/${node}.log`, 'utf8').split('\n');
			let before = null;
			for (const line of lines) {
				const m = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d).*finalized #(\d+)/.exec(line);
				if (!m) continue;
				const t = new Date(`${m[1]}T${m[2]}`).getTime() / 1000;
				if (Number(m[3]) === 0) { before = t; continue; }
				t1 = t;
				bound = `from ${node}'s log: finalized #${m[3]} reported at +${(t - t0).toFixed(0)} s, #0 still at +${before === null ? '?' : (before - t0).toFixed(0)} s`;
				break;
			}
		} else {
			await L.waitHeight(uri, 1, { finalized: true, ms: 120_000 });
			t1 = L.now();
		}
		const a = await L.api(uri);
		const h1 = await a.rpc.chain.getBlockHash(1);
		const ts = (await (await a.at(h1)).query.timestamp.now()).toNumber() / 1000;
		L.record(info, 'first_block_after_start', (ts - t0).toFixed(1), 's', 'timestamp of block #1 minus start of the first validator process');
		L.record(info, 'first_finalized_after_start', (t1 - t0).toFixed(1), 's', bound || 'first finalized block seen by polling every 0.5 s');
	},

	/** samples best − finalized on `names` for `secs` seconds; records it as finality lag. */
	async lag(node, info, [label, secs, names]) {
		const list = split(names);
		L.startSampler(info, list, 500);
		await L.sleep(Number(secs) * 1000);
		const s = L.lagStats(L.stopSampler(), list);
		if (!s) throw new Error('no samples');
		L.record(info, `finality_lag_${label}`, `${s.mean.toFixed(2)} mean / ${s.max} max`, 'blocks', `best − finalized on ${list.join(', ')}, ${s.count} samples over ${secs} s`);
	},

	/** finality is stalled on `names`: for `secs` seconds best advances, finalized doesn't. */
	async stalled(node, info, [secs, names]) {
		const list = split(names);
		const uris = list.map((x) => L.uriOf(info, x));
		// A round that was already under way may still finalize: let it settle first.
		await L.sleep(6000);
		const start = await Promise.all(uris.map((u) => L.heights(u)));
		L.startSampler(info, list, 1000);
		await L.sleep(Number(secs) * 1000);
		const samples = L.stopSampler();
		const end = await Promise.all(uris.map((u) => L.heights(u)));
		list.forEach((x, i) => {
			if (end[i].finalized !== start[i].finalized) throw new Error(`${x}: finalized moved #${start[i].finalized} -> #${end[i].finalized} with two validators down`);
			if (end[i].best <= start[i].best) throw new Error(`${x}: no new blocks with two validators down`);
		});
		state.marks.stalled = Object.fromEntries(list.map((x, i) => [x, end[i].finalized]));
		const s = L.lagStats(samples, list);
		L.record(info, 'finality_lag_2_validators', `${start[0].best - start[0].finalized} -> ${end[0].best - end[0].finalized}`, 'blocks',
			`finality stalled at #${start[0].finalized} for ${secs} s while best grew #${start[0].best} -> #${end[0].best} (mean lag ${s ? s.mean.toFixed(1) : '?'})`);
	},

	/** finality resumes on `names`: each node that was up during the stall finalizes past
	 * the head it was stuck at, the others past the highest of those; records the time. */
	async resumed(node, info, [names, label = 'finality_resumed_after_return']) {
		const list = split(names);
		const marks = state.marks.stalled ?? {};
		const top = Math.max(0, ...Object.values(marks));
		const t0 = L.now();
		const best = (await L.heights(L.uriOf(info, list[0]))).best;
		await Promise.all(list.map((x) => L.waitHeight(L.uriOf(info, x), (marks[x] ?? top) + 1, { finalized: true, ms: 180_000 })));
		const t1 = L.now();
		await Promise.all(list.map((x) => L.waitHeight(L.uriOf(info, x), best, { finalized: true, ms: 180_000 })));
		const t2 = L.now();
		L.record(info, label, `${(t1 - t0).toFixed(1)} first / ${(t2 - t0).toFixed(1)} backlog`, 's',
			`from the returning validator's resume until ${list.join(', ')} each finalized past the stalled head #${top} (first), and up to #${best}, the best block at the resume (backlog of ${best - top} blocks)`);
	},

	/** the worker's part, through `node`: publish the model DAG and file a parallel request. */
	async publish(node, info, [tag = 'zn']) {
		const a = await L.api(L.uriOf(info, node));
		const t0 = L.now();
		state.dag = await L.publishDagAndRequest(a, tag);
		console.log(`    published txs ${state.dag.txs} and request ${state.dag.request} through ${node} in ${(L.now() - t0).toFixed(1)} s`);
		const req = (await a.query.unlearning.requests(state.dag.request)).unwrap();
		const affected = req.affected.map((t) => t.toNumber());
		if (JSON.stringify(affected) !== JSON.stringify([...state.dag.txs].sort((p, q) => p - q))) throw new Error(`affected set ${affected}, expected ${state.dag.txs}`);
	},

	/** the committee's motion, all through other nodes: `node` proposes and votes aye,
	 * the members named in `voters` (a+b) vote through their own nodes, `closer`
	 * closes through its node. Records the redaction latency. */
	async redact(node, info, [voters, closer, label = 'redaction_latency']) {
		const t0 = L.now();
		await steps.propose(node, info, []);
		await Promise.all(split(voters).map((v) => steps.vote(v, info, [])));
		const t1 = L.now();
		await steps.close(closer, info, ['ok']);
		const t2 = L.now();
		// applied and final on every node
		const names = Object.keys(info.nodesByName);
		const alive = await Promise.all(names.map((x) => L.heights(L.uriOf(info, x), 800).then(() => true, () => false)));
		const up = names.filter((x, i) => alive[i]);
		await Promise.all(up.map((x) => L.waitHeight(L.uriOf(info, x), state.redaction.number, { finalized: true })));
		const t3 = L.now();
		L.record(info, label, (t2 - t0).toFixed(1), 's',
			`propose + 3 ayes through 3 nodes (${(t1 - t0).toFixed(1)} s) → close executed in a block; ${state.dag.txs.length} models, 1 motion`);
		L.record(info, `${label}_finalized`, (t3 - t0).toFixed(1), 's', `the same until the close's block was final on ${up.join(', ')}`);
	},

	/** Committee.propose(3, LiveChain.redact(…)) and an aye by the member of `node`,
	 * through it. */
	async propose(node, info) {
		await L.waitSynced(info, node);
		const a = await L.api(L.uriOf(info, node));
		const { call } = await L.redactCall(a, state.dag.request, 'r');
		state.motion = await L.propose(a, node, call);
		state.t.proposed = L.now();
		// pallet-collective no longer counts the proposer's aye: the proposer votes too
		const r = await L.vote(a, node, state.motion);
		state.motion.lastVote = r.number;
		console.log(`    ${node} proposed motion ${state.motion.index} in #${state.motion.number} and voted aye in #${r.number}`);
	},

	/** an aye by the member of `node`, through it. */
	async vote(node, info) {
		const uri = L.uriOf(info, node);
		await L.waitSynced(info, node);
		await L.waitHeight(uri, state.motion.number);
		const r = await L.vote(await L.api(uri), node, state.motion);
		state.motion.lastVote = Math.max(state.motion.lastVote ?? 0, r.number);
		console.log(`    ${node} voted aye in #${r.number}`);
	},

	/** Committee.close through `node`: `ok` expects the redaction executed, `refused`
	 * expects the close to fail (not enough ayes) and nothing to change. */
	async close(node, info, [expect = 'ok']) {
		const uri = L.uriOf(info, node);
		await L.waitSynced(info, node);
		const a = await L.api(uri);
		await L.waitHeight(uri, state.motion.number);
		const before = (await a.query.liveChain.txs(state.dag.txs[0])).unwrap().version.toNumber();
		if (expect === 'refused') {
			try {
				await L.close(a, signer(node), state.motion);
			} catch (e) {
				if (!e.meta || e.meta.name !== 'TooEarly') throw e;
				const after = (await a.query.liveChain.txs(state.dag.txs[0])).unwrap().version.toNumber();
				const status = (await a.query.unlearning.requests(state.dag.request)).unwrap().status.toString();
				if (after !== before || status !== 'Pending') throw new Error(`state changed without quorum: version ${before} -> ${after}, request ${status}`);
				console.log(`    close without quorum refused (committee.TooEarly); request still ${status}`);
				return;
			}
			throw new Error('a motion without its quorum was closed');
		}
		// the ayes went through other nodes: wait until this node has seen all of them
		await L.waitHeight(uri, state.motion.lastVote ?? state.motion.number);
		for (let i = 0; ; i++) {
			const v = await a.query.committee.voting(state.motion.hash);
			if (v.isSome && v.unwrap().ayes.length >= 3) break;
			if (i >= 60) throw new Error(`${node} still sees ${v.isSome ? v.unwrap().ayes.length : 0} ayes`);
			await L.sleep(1000);
		}
		const r = await L.close(a, signer(node), state.motion);
		if (!r.executed) throw new Error(`close did not execute the motion: ${r.events.map(({ event }) => `${event.section}.${event.method}`)}`);
		if (!r.executed.isOk) throw new Error(`the redaction failed: ${r.executed.toString()}`);
		state.redaction = { number: r.number };
		const status = (await a.query.unlearning.requests(state.dag.request)).unwrap().status.toString();
		if (status !== 'Completed') throw new Error(`request ${state.dag.request} is ${status}`);
		console.log(`    ${node} closed the motion in #${r.number}: redaction applied, request Completed`);
	},

	/** the motion is still open with `ayes` ayes, as seen by `node`. */
	async 'motion-open'(node, info, [ayes]) {
		const uri = L.uriOf(info, node);
		await L.waitSynced(info, node);
		await L.waitHeight(uri, state.motion.lastVote ?? state.motion.number);
		const a = await L.api(uri);
		const v = await a.query.committee.voting(state.motion.hash);
		if (!v.isSome) throw new Error(`${node} does not know motion ${state.motion.hash}`);
		const n = v.unwrap().ayes.length;
		if (n !== Number(ayes)) throw new Error(`${node} sees ${n} ayes, expected ${ayes}`);
		const status = (await a.query.unlearning.requests(state.dag.request)).unwrap().status.toString();
		console.log(`    ${node} sees motion ${state.motion.index} open with ${n} ayes; request ${status}`);
	},

	/** on every node in `names`: each affected model is at version 1 with the lineage
	 * [published, redacted], and the request is Completed. */
	async applied(node, info, [names]) {
		for (const x of split(names)) {
			const uri = L.uriOf(info, x);
			await L.waitHeight(uri, state.redaction.number, { finalized: true });
			const a = await L.api(uri);
			for (const tx of state.dag.txs) {
				const lineage = await L.rpc(uri, 'blockful_lineage', [tx], 30_000);
				const reasons = lineage.map((v) => v.reason).join(',');
				if (lineage.length !== 2 || reasons !== 'published,redacted') throw new Error(`${x}: lineage of ${tx} is ${JSON.stringify(lineage)}`);
			}
			const status = (await a.query.unlearning.requests(state.dag.request)).unwrap().status.toString();
			if (status !== 'Completed') throw new Error(`${x}: request ${status}`);
		}
		console.log(`    redaction visible on ${names.replaceAll('+', ', ')}: ${state.dag.txs.length} models at version 1`);
	},

	/** every node in `names` reports the same finalized hash, live-chain and archive state,
	 * and blockful_verifyLiveChain ok there. */
	async 'same-state'(node, info, [names]) {
		await L.sameState(info, split(names));
	},

	/** starts the background sampler on `names` (it runs through the next steps). */
	async 'sampler-start'(node, info, [names]) {
		L.startSampler(info, split(names), 500);
		state.t.samplerStart = L.now();
	},

	/** analyses the samples of a kill/restart of `node`: while it was down the others
	 * (`names`) finalized at least `min` blocks; records the 3-validator finality lag and
	 * the window. */
	async 'down-window'(node, info, [names, min = '3']) {
		const samples = [...L.sampler.samples];
		const down = samples.filter((s) => s.name === node && !s.up).map((s) => s.t);
		if (!down.length) throw new Error(`${node} was never seen down`);
		const from = Math.min(...down);
		const to = Math.max(...down);
		const others = split(names);
		const inWindow = samples.filter((s) => others.includes(s.name) && s.up && s.t >= from && s.t <= to);
		for (const x of others) {
			const f = inWindow.filter((s) => s.name === x).map((s) => s.finalized);
			const b = inWindow.filter((s) => s.name === x).map((s) => s.best);
			if (!f.length) throw new Error(`no samples of ${x} while ${node} was down`);
			const df = Math.max(...f) - Math.min(...f);
			const db = Math.max(...b) - Math.min(...b);
			if (df < Number(min) || db < Number(min)) throw new Error(`${x}: only ${db} blocks / ${df} finalized while ${node} was down ${(to - from).toFixed(0)} s`);
			console.log(`    while ${node} was down (${(to - from).toFixed(0)} s) ${x} produced ${db} and finalized ${df} blocks`);
		}
		const s = L.lagStats(inWindow, others);
		L.record(info, 'finality_lag_3_validators', `${s.mean.toFixed(2)} mean / ${s.max} max`, 'blocks', `best − finalized on ${others.join(', ')} while ${node} was killed, ${(to - from).toFixed(0)} s`);
		state.t.restartedAt = to;
	},

	/** `node` (restarted with its database) catches up: its finalized head reaches the
	 * highest head the others (`names`) had finalized when its new process started, with the
	 * same hash. Uses the sampler's samples, which keep running until this step ends. */
	async 'catch-up'(node, info, [names]) {
		const uri = L.uriOf(info, node);
		const others = split(names);
		const proc = L.processStart(info, node);
		if (!proc) throw new Error(`no process of ${node}`);
		const before = L.sampler.samples.filter((s) => others.includes(s.name) && s.up && s.t <= proc.start + 0.5);
		if (!before.length) throw new Error('no samples of the others before the restart');
		const target = Math.max(...before.map((s) => s.finalized));
		const firstOwn = L.sampler.samples.find((s) => s.name === node && s.up && s.t >= proc.start);
		let hit = L.sampler.samples.find((s) => s.name === node && s.up && s.t >= proc.start && s.finalized >= target);
		if (!hit) {
			await L.waitHeight(uri, target, { finalized: true, ms: 240_000 });
			hit = { t: L.now() };
		}
		L.stopSampler();
		const ref = await L.heights(L.uriOf(info, others[0]));
		await L.waitHeight(uri, ref.finalized, { finalized: true, ms: 120_000 });
		const mine = await L.rpc(uri, 'chain_getBlockHash', [ref.finalized]);
		if (mine !== ref.finalizedHash) throw new Error(`${node} finalized a different #${ref.finalized}: ${mine} vs ${ref.finalizedHash}`);
		L.record(info, 'catch_up_after_restart', (hit.t - proc.start).toFixed(1), 's',
			`from the restarted process start (its database at finalized #${firstOwn ? firstOwn.finalized : '?'}) until it finalized #${target}, the others' head at that moment; sampled every 0.5 s`);
	},

	/** closes this process's connections (last step of each test). */
	async done() {
		L.stopSampler();
		await L.closeAll();
	},
};

async function run(nodeName, networkInfo, args) {
	const [name, ...rest] = args;
	const step = steps[name];
	if (!step) throw new Error(`unknown step ${name}`);
	const t0 = L.now();
	try {
		await step(nodeName, networkInfo, rest);
	} catch (e) {
		console.log(`    step ${name} on ${nodeName} failed after ${(L.now() - t0).toFixed(1)} s: ${e.stack || e}`);
		throw e;
	}
	console.log(`    step ${name} on ${nodeName}: ${(L.now() - t0).toFixed(1)} s`);
	return 1;
}

module.exports = { run };
