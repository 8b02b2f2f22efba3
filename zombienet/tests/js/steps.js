// The js-script steps of the BlockFUL network tests. A .zndsl line such as
//   rpc: js-script ./js/steps.js with "publish" within 300 seconds
// calls run('rpc', networkInfo, ['publish']): the first argument picks the step, the node
// named on the line is the node the step acts through, further arguments name other nodes
// or numbers. Steps share state in this module (zombienet runs them in one process).
// A step fails by throwing.
'use strict';

const L = require('./lib.js');

const state = { dag: null, proposal: null, redaction: null, marks: {}, t: {} };

const split = (s) => (s ? s.split('+') : []);
const DEV_KEY = '0xb636043eed8582d137b9bac3886e3fbd5bdc8eefd12f7a7f56a3c2a4a3489f27';
/** The nodes that can hold a committee member's keys: local-4's four validators, and
 * local-7's three member full nodes. */
const MEMBERS = ['alice', 'bob', 'charlie', 'dave', 'eve', 'ferdie', 'one'];
/** The threshold of a committee of `n` (the runtime's `threshold_for`). */
const thresholdFor = (n) => n - Math.floor((n - 1) / 3);
/** Names of the nodes that answer RPC now (a paused node does not). */
async function upNodes(info) {
	const names = Object.keys(info.nodesByName);
	const alive = await Promise.all(names.map((x) => L.heights(L.uriOf(info, x), 800).then(() => true, () => false)));
	return names.filter((x, i) => alive[i]);
}
/** The member name (alice…one) of committee member index `i` under `key`. */
async function memberName(key, i) {
	for (const m of MEMBERS) if ((await L.account(m)).address === key.members[i - 1]) return m;
	return `#${i}`;
}

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
		state.marks.resume = { t: t0, best };
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

	/** the committee's DKG, as seen through `node`: the key was generated by the `n`
	 * members (default 4: all qualified, t = t(n), the members those of
	 * CommitteeMembership; for 4 in the order Dave, Bob, Charlie, Alice), it is not the
	 * public dev key, and every node in `names` holds the same key (Threshold.Keys and
	 * LiveChain.ChPublicKey) at the same finalized block. Records the DKG time. */
	async dkg(node, info, [names, size = '4']) {
		const n = Number(size);
		const uri = L.uriOf(info, node);
		const a = await L.api(uri);
		const key = await L.waitKey(a, 120_000 + 30_000 * n);
		// The run starts at genesis; its events: DkgPhaseChanged, KeyGenerated.
		const best = (await a.rpc.chain.getHeader()).number.toNumber();
		let generated = null;
		const phases = [];
		for (let n = 1; n <= best && !generated; n++) {
			const hash = await a.rpc.chain.getBlockHash(n);
			for (const { event } of await a.query.system.events.at(hash)) {
				if (event.section !== 'threshold') continue;
				if (event.method === 'DkgPhaseChanged') phases.push(`${event.data.phase.toString()}@#${n}`);
				if (event.method === 'KeyGenerated') {
					generated = { n, hash: hash.toHex(), key: event.data.key.toHex(), qualified: event.data.qualified.toNumber(), epoch: event.data.epoch.toNumber() };
				}
				if (['DkgFailed', 'DealerDisqualified', 'FalseComplaint'].includes(event.method)) {
					throw new Error(`DKG trouble in #${n}: threshold.${event.method} ${JSON.stringify(event.data.toHuman())}`);
				}
			}
		}
		if (!generated) throw new Error(`no threshold.KeyGenerated in #1..#${best}`);
		if (generated.qualified !== n) throw new Error(`${generated.qualified} qualified dealers, expected ${n}`);
		if (generated.key !== key.groupKey || key.groupKey !== key.chKey) throw new Error(`key mismatch: ${JSON.stringify({ generated, key })}`);
		if (key.chKey === DEV_KEY) throw new Error('the live chain uses the public development key');
		const all = Array.from({ length: n }, (_, i) => i + 1);
		if (key.threshold !== thresholdFor(n) || JSON.stringify(key.qualified) !== JSON.stringify(all)) throw new Error(`key ${JSON.stringify(key)}`);
		const committee = (await a.query.committeeMembership.members()).map((m) => m.toString());
		if (JSON.stringify([...key.members].sort()) !== JSON.stringify([...committee].sort())) throw new Error(`members ${key.members}, committee ${committee}`);
		if (n === 4) {
			const expected = await Promise.all(['dave', 'bob', 'charlie', 'alice'].map(async (x) => (await L.account(x)).address));
			if (JSON.stringify(key.members) !== JSON.stringify(expected)) throw new Error(`members ${key.members}, expected Dave, Bob, Charlie, Alice`);
		}
		// The same key on every node, read at the KeyGenerated block once it is final there.
		const list = split(names);
		await Promise.all(list.map((x) => L.waitHeight(L.uriOf(info, x), generated.n, { finalized: true })));
		for (const x of list) {
			const ax = await L.api(L.uriOf(info, x));
			const hash = (await ax.rpc.chain.getBlockHash(generated.n)).toHex();
			const k = await L.committeeKey(ax, hash);
			if (hash !== generated.hash || JSON.stringify(k) !== JSON.stringify(key)) {
				throw new Error(`${x} disagrees about the key at #${generated.n}: ${JSON.stringify({ hash, k })} vs ${JSON.stringify(key)}`);
			}
		}
		const t1 = await L.timestampOf(a, 1);
		const tk = await L.timestampOf(a, generated.n);
		const starts = MEMBERS.map((v) => L.processStart(info, v)).filter(Boolean);
		const t0 = starts.length ? Math.min(...starts.map((p) => p.start)) : null;
		console.log(`    key ${key.groupKey} (epoch ${key.epoch}, t=${key.threshold}, qualified ${key.qualified}); phases ${phases.join(', ')}; the same on ${list.join(', ')} at #${generated.n}`);
		L.record(info, n === 4 ? 'dkg_blocks' : `dkg_blocks_${n}`, generated.n, 'blocks', `genesis → threshold.KeyGenerated in #${generated.n} (${n} qualified, t = ${key.threshold}; ${phases.join(', ')})`);
		L.record(info, n === 4 ? 'dkg_time' : `dkg_time_${n}`, `${(tk - t1).toFixed(1)} after block #1 / ${t0 === null ? '?' : (tk - t0).toFixed(1)} after start`, 's',
			'timestamp of the KeyGenerated block minus that of block #1, and minus the first validator process start');
	},

	/** each validator node in `names` holds its own member's keys (bkfl sr25519 //Name,
	 * bkfe ed25519 //Name) and no other member's; `node` (the full node) holds none. */
	async 'member-keys'(node, info, [names]) {
		const { Keyring } = require('@polkadot/keyring');
		const ed = new Keyring({ type: 'ed25519' });
		const cap = (x) => x.charAt(0).toUpperCase() + x.slice(1);
		const hex = (u8a) => `0x${Buffer.from(u8a).toString('hex')}`;
		const keys = {};
		for (const m of MEMBERS) keys[m] = { bkfl: hex((await L.account(m)).publicKey), bkfe: hex(ed.addFromUri(`//${cap(m)}`).publicKey) };
		const held = [];
		for (const x of [...split(names), node]) {
			const mine = [];
			for (const m of MEMBERS) {
				for (const type of ['bkfl', 'bkfe']) {
					const got = await L.rpc(L.uriOf(info, x), 'author_hasKey', [keys[m][type], type], 10_000);
					if (got !== (x === m)) throw new Error(`${x} ${got ? 'holds' : 'lacks'} ${m}'s ${type} key`);
					if (got) mine.push(`${m}/${type}`);
				}
			}
			held.push(`${x}: ${mine.join(' ') || 'none'}`);
		}
		console.log(`    member keys per node: ${held.join('; ')}`);
	},

	/** the requester's proposal through `node`: Alice proposes the redaction of the
	 * parallel request (a new URI for every affected model); the committee members'
	 * off-chain workers sign it. */
	async 'propose-redaction'(node, info, [tag = 'r']) {
		const uri = L.uriOf(info, node);
		await L.waitSynced(info, node);
		const a = await L.api(uri);
		const t = L.now();
		const p = await L.proposeRedaction(a, 'alice', state.dag.request, tag);
		state.proposal = { ...p, t, tag };
		console.log(`    Alice proposed the redaction of request ${state.dag.request} through ${node}: proposal ${p.proposal}, ${p.items} collisions, in #${p.number}`);
	},

	/** waits through `node` for threshold.RedactionApplied of the proposal; `signers`
	 * (a+b+c, member names) must be exactly the signers, or `-x` names one that must not
	 * sign. Records the latency from the proposal's block (blocks, and seconds by block
	 * timestamps), from the submission (wall) and until final on every node that answers. */
	async 'await-applied'(node, info, [label = 'redaction_latency', signers = '']) {
		const uri = L.uriOf(info, node);
		await L.waitSynced(info, node);
		const a = await L.api(uri);
		const p = state.proposal;
		const r = await L.awaitApplied(a, p.proposal, p.number, 240_000);
		const t2 = L.now();
		const key = await L.committeeKey(a);
		const names = await Promise.all(r.signers.map((i) => memberName(key, i)));
		if (r.signers.length !== key.threshold) throw new Error(`${r.signers.length} signers (t = ${key.threshold}): ${names}`);
		if (signers.startsWith('-')) {
			if (names.includes(signers.slice(1))) throw new Error(`${signers.slice(1)} signed: ${names}`);
		} else if (signers && JSON.stringify([...names].sort()) !== JSON.stringify(split(signers).sort())) {
			throw new Error(`signers ${names}, expected ${signers}`);
		}
		state.redaction = { number: r.number, hash: r.hash, signers: names, attempts: r.attempts };
		const status = (await a.query.unlearning.requests(state.dag.request)).unwrap().status.toString();
		if (status !== 'Completed') throw new Error(`request ${state.dag.request} is ${status}`);
		const secs = (await L.timestampOf(a, r.number)) - (await L.timestampOf(a, p.number));
		console.log(`    proposal ${p.proposal} applied in #${r.number} by ${names.join(', ')} (members ${r.signers}), attempt ${r.attempts}, ${r.restarts} restarts`);
		const up = await upNodes(info);
		await Promise.all(up.map((x) => L.waitHeight(L.uriOf(info, x), r.number, { finalized: true, ms: 240_000 })));
		const t3 = L.now();
		L.record(info, label, `${r.number - p.number} blocks / ${secs.toFixed(1)}`, 's',
			`threshold.proposeRedaction in #${p.number} → RedactionApplied in #${r.number} (block timestamps); ${state.dag.txs.length} models, `
			+ `${p.items} collisions, signers ${names.join(', ')}, attempt ${r.attempts}`);
		L.record(info, `${label}_wall`, `${(t2 - p.t).toFixed(1)} applied / ${(t3 - p.t).toFixed(1)} final`, 's',
			`from submitting the proposal until ${node} saw it applied, and until that block was final on ${up.join(', ')}`);
		const back = state.marks.resume;
		if (back && back.t > p.t) {
			L.record(info, `${label}_since_return`, `${r.number - back.best} blocks / ${(t2 - back.t).toFixed(1)}`, 's',
				`from the returning validator's resume (best #${back.best}) until ${node} saw the redaction applied in #${r.number}`);
		}
	},

	/** through `node`, for `secs` seconds: the proposal is not applied, its signing round
	 * times out and restarts (threshold.SigningRestarted) at least once, and nothing
	 * changes (every model at version 0, request Pending, proposal still queued). `label`
	 * names the situation in the record (default two members down). */
	async 'not-applied'(node, info, [secs = '40', label = '2_members_down']) {
		const why = label.replaceAll('_', ' ');
		const uri = L.uriOf(info, node);
		const a = await L.api(uri);
		const p = state.proposal;
		await L.sleep(Number(secs) * 1000);
		const { events, best } = await L.proposalEvents(a, p.proposal, p.number);
		const applied = events.find((e) => e.method === 'RedactionApplied');
		if (applied) throw new Error(`applied in #${applied.number} with ${why}`);
		const restarts = events.filter((e) => e.method === 'SigningRestarted');
		if (!restarts.length) throw new Error(`no SigningRestarted in #${p.number}..#${best}: ${events.map((e) => e.method)}`);
		for (const tx of state.dag.txs) {
			const v = (await a.query.liveChain.txs(tx)).unwrap().version.toNumber();
			if (v !== 0) throw new Error(`model ${tx} at version ${v}`);
		}
		const status = (await a.query.unlearning.requests(state.dag.request)).unwrap().status.toString();
		if (status !== 'Pending') throw new Error(`request ${status}`);
		if ((await a.query.threshold.proposals(p.proposal)).isNone) throw new Error('the proposal left the queue');
		console.log(`    #${p.number}..#${best}: signing restarted ${restarts.length}× (attempts ${restarts.map((e) => `${e.data.attempt}@#${e.number}`).join(', ')}); `
			+ `nothing applied, every model at version 0, request ${status}`);
		L.record(info, `signing_restarts_${label}`, restarts.length, 'restarts', `in ${best - p.number} blocks / ${secs} s with ${why}; nothing applied`);
	},

	/** through `node`: the proposal is still queued and unapplied, the request Pending;
	 * with `commit`, waits until `node`'s member posted its round-1 commitments of the
	 * current attempt (otherwise only reports whether they are on chain). */
	async 'proposal-open'(node, info, [what = '']) {
		const uri = L.uriOf(info, node);
		await L.waitSynced(info, node);
		const a = await L.api(uri);
		const p = state.proposal;
		const stored = await a.query.threshold.proposals(p.proposal);
		if (stored.isNone) throw new Error(`${node} does not know proposal ${p.proposal}`);
		const status = (await a.query.unlearning.requests(state.dag.request)).unwrap().status.toString();
		if (status !== 'Pending') throw new Error(`request ${status}`);
		const key = await L.committeeKey(a);
		const me = key.members.indexOf((await L.account(node)).address) + 1;
		let committed = false;
		for (let i = 0; what === 'commit' && !committed; i++) {
			committed = (await a.query.threshold.signCommitments(p.proposal, me)).isSome;
			if (committed) break;
			if (i >= 60) throw new Error(`${node}'s member posted no commitment in 60 s`);
			await L.sleep(1000);
		}
		committed = (await a.query.threshold.signCommitments(p.proposal, me)).isSome;
		const j = (await a.query.threshold.proposals(p.proposal)).unwrap();
		console.log(`    ${node} sees proposal ${p.proposal} queued (attempt ${j.attempt.toNumber()}, ${j.phase.type}); request ${status}; `
			+ `${node}'s member (${me}) has ${committed ? '' : 'no '}round-1 commitments of this attempt on chain`);
	},

	/** pauses the committee members of the nodes `names`, each through its own node's
	 * offchain-local storage: they post no DKG or signing message, as if offline. */
	async 'threshold-pause'(node, info, [names]) {
		for (const x of split(names)) await L.setMemberPaused(info, x, true);
		console.log(`    paused the committee members of ${split(names).join(', ')}`);
	},

	/** resumes them. */
	async 'threshold-resume'(node, info, [names]) {
		for (const x of split(names)) await L.setMemberPaused(info, x, false);
		console.log(`    resumed the committee members of ${split(names).join(', ')}`);
	},

	/** on every node in `names`: each affected model is at version 1 with the lineage
	 * [published, redacted], its new randomness opens its unchanged check value to the new
	 * URI under the chain's key (checked in JavaScript), and the request is Completed. */
	async applied(node, info, [names]) {
		const { chVerify } = await L.chameleon();
		const hexBytes = (h) => Uint8Array.from(Buffer.from(h.slice(2), 'hex'));
		for (const x of split(names)) {
			const uri = L.uriOf(info, x);
			await L.waitHeight(uri, state.redaction.number, { finalized: true });
			const a = await L.api(uri);
			const pk = await L.chPublicKey(a);
			for (const tx of state.dag.txs) {
				const lineage = await L.rpc(uri, 'blockful_lineage', [tx], 30_000);
				const reasons = lineage.map((v) => v.reason).join(',');
				if (lineage.length !== 2 || reasons !== 'published,redacted') throw new Error(`${x}: lineage of ${tx} is ${JSON.stringify(lineage)}`);
				const live = await L.rpc(uri, 'blockful_liveModel', [tx], 30_000);
				const want = state.proposal.updates.find((u) => u.tx === tx).uri;
				if (live.uriText !== want || live.ch !== lineage[0].ch) throw new Error(`${x}: model ${tx} is ${JSON.stringify(live)}`);
				if (!chVerify(pk, L.modelMessage(a, want, live.refs), hexBytes(live.rand), hexBytes(live.ch))) {
					throw new Error(`${x}: the new randomness of ${tx} does not open its CH to the new URI`);
				}
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
	/** starts one `blockful-worker participant` per user of the `parties` topology, each
	 * talking to its own node (`u1@alice+u2@bob+…`), on the shards `network-test.sh`
	 * prepared (BLOCKFUL_ZN_PARTIES); `fallback` names the participant that stands in for a
	 * silent owner. Funds the accounts (`//Alice//zn//<user>`) and writes the directory. */
	async 'participants-start'(node, info, [spec, fallback = '']) {
		const root = process.env.BLOCKFUL_ZN_PARTIES;
		const exe = process.env.BLOCKFUL_WORKER;
		if (!root || !exe) throw new Error('BLOCKFUL_ZN_PARTIES / BLOCKFUL_WORKER not set (scripts/network-test.sh sets them)');
		const fs = require('fs');
		const path = require('path');
		const pairs = split(spec).map((x) => x.split('@'));
		const a = await L.api(L.uriOf(info, node));
		await L.waitKey(a);
		const keys = {};
		for (const [user] of pairs) keys[user] = await L.account(`Alice//zn//${user}`);
		const alice = await L.account('alice');
		for (const [user] of pairs) {
			await L.send(a, a.tx.balances.transferKeepAlive(keys[user].address, 10n ** 15n), alice, `fund ${user}`);
		}
		const dir = path.join(root, `run-${process.env.BLOCKFUL_ZN_TEST || 'zn'}`);
		fs.mkdirSync(dir, { recursive: true });
		const directory = Object.fromEntries(pairs.map(([user]) => [user, keys[user].address]));
		fs.writeFileSync(path.join(dir, 'directory.json'), JSON.stringify(directory));
		state.parties = { dir, exe, root, users: {}, spawn: null };
		const spawn = (user, at) => {
			const out = fs.openSync(path.join(dir, `${user}.out`), 'a');
			const args = ['--threads', '1', 'participant', '--topology', 'parties', '--data', path.join(root, 'shards', user),
				'--suri', `//Alice//zn//${user}`, '--directory', path.join(dir, 'directory.json'), '--url', L.uriOf(info, at),
				'--store', `dir=${path.join(dir, 'live')}`, '--archive-store', `dir=${path.join(dir, 'archive')}`,
				'--log', path.join(dir, `${user}.json`), '--tasks', 'parallel', '--exit-when-done', '--poll-ms', '500', '--device', 'cpu',
				...(user === fallback ? ['--fallback'] : [])];
			const child = require('child_process').spawn(exe, args, { stdio: ['ignore', out, out] });
			const entry = { child, at, exit: null };
			child.on('exit', (code, signal) => { entry.exit = code ?? signal; });
			state.parties.users[user] = entry;
		};
		state.parties.spawn = spawn;
		process.on('exit', () => { for (const u of Object.values(state.parties.users)) { try { u.child.kill('SIGKILL'); } catch { /* gone */ } } });
		for (const [user, at] of pairs) spawn(user, at);
		console.log(`    participants ${pairs.map(([u, at]) => `${u}→${at}`).join(', ')} started (fallback: ${fallback || 'none'})`);
	},

	/** kills participant `user` once `when` holds: `published` (its first model is on
	 * chain) or `requested` (a request affecting its models is active). */
	async 'participants-kill'(node, info, [user, when]) {
		const fs = require('fs');
		const path = require('path');
		const a = await L.api(L.uriOf(info, node));
		const p = state.parties;
		const log = () => { try { return JSON.parse(fs.readFileSync(path.join(p.dir, `${user}.json`), 'utf8')); } catch { return {}; } };
		for (;;) {
			if (when === 'published' && (log().published || []).length > 0) break;
			if (when === 'requested') {
				const next = (await a.query.unlearning.nextRequestId()).toNumber();
				if (next > 0) {
					const r = (await a.query.unlearning.requests(next - 1)).unwrap();
					if (['Pending', 'InProgress'].includes(r.status.toString())) break;
				}
			}
			const u = p.users[user];
			if (u.exit !== null) throw new Error(`${user} exited (${u.exit}) before ${when}`);
			await L.sleep(300);
		}
		p.users[user].child.kill('SIGKILL');
		while (p.users[user].exit === null) await L.sleep(100);
		console.log(`    killed participant ${user} once ${when} (its log: ${JSON.stringify(log().submitted || [])})`);
	},

	/** restarts participant `user` on the same node, log and shard: it resumes from the chain. */
	async 'participants-restart'(node, info, [user]) {
		const p = state.parties;
		p.spawn(user, p.users[user].at);
		console.log(`    restarted participant ${user}`);
	},

	/** waits until the participants `users` exit 0; then every request completed in one
	 * round, every affected model has exactly one new version, the silent owner's model was
	 * updated by the fallback, and records the latency (block timestamps). */
	async 'participants-wait'(node, info, [users, silent = '']) {
		const fs = require('fs');
		const path = require('path');
		const p = state.parties;
		for (const user of split(users)) {
			while (p.users[user].exit === null) await L.sleep(500);
			if (p.users[user].exit !== 0) {
				const tail = fs.readFileSync(path.join(p.dir, `${user}.out`), 'utf8').split('\n').slice(-15).join('\n');
				throw new Error(`participant ${user} exited ${p.users[user].exit}:\n${tail}`);
			}
		}
		const a = await L.api(L.uriOf(info, node));
		const next = (await a.query.unlearning.nextRequestId()).toNumber();
		if (next !== 1) throw new Error(`${next} requests, expected 1`);
		const r = (await a.query.unlearning.requests(0)).unwrap();
		if (r.status.toString() !== 'Completed' || r.rounds.toNumber() !== 1) throw new Error(`request 0: ${r.status} after ${r.rounds} rounds`);
		for (const tx of r.affected.map((t) => t.toNumber())) {
			const v = (await a.query.liveChain.txs(tx)).unwrap().version.toNumber();
			if (v !== 1) throw new Error(`tx ${tx} is at version ${v}, expected exactly one new version`);
		}
		const logs = Object.fromEntries(Object.keys(p.users).map((u) => {
			try { return [u, JSON.parse(fs.readFileSync(path.join(p.dir, `${u}.json`), 'utf8'))]; } catch { return [u, {}]; }
		}));
		if (silent) {
			const silentTx = logs[silent].published[0].tx;
			const covered = Object.entries(logs).filter(([, l]) => (l.submitted || []).some((s) => s.tx === silentTx && s.kind === 'fallback'));
			if (covered.length !== 1) throw new Error(`the silent owner's tx ${silentTx} was covered by ${covered.map(([u]) => u)}`);
			console.log(`    ${covered[0][0]} submitted the fallback update of ${silent}'s tx ${silentTx}`);
		}
		const created = r.created.toNumber();
		const completed = r.completed.unwrap().toNumber();
		const secs = (await L.timestampOf(a, completed)) - (await L.timestampOf(a, created));
		L.record(info, 'participants_request_latency', `${completed - created} blocks / ${secs.toFixed(1)}`, 's',
			`request filed in #${created} → completed in #${completed} (block timestamps); ${r.affected.length} affected models, `
			+ `participants on different nodes${silent ? `, ${silent} silent (fallback after the owners' window)` : ''}`);
		console.log(`    request 0 completed in #${completed}, ${completed - created} blocks / ${secs.toFixed(1)} s after it was filed`);
	},

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
