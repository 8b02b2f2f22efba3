// Helpers for the BlockFUL zombienet tests: connections to the spawned nodes, heights,
// extrinsics, the committee key (DKG), the model DAG and its parallel redaction by the
// committee's threshold signature (the requester's proposal, the members' off-chain
// workers sign), the members' pause flags, state comparison across nodes, a background
// height sampler and the measurement log.
// CommonJS: zombienet require()s the step scripts in its own process.
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { ApiPromise, WsProvider } = require('@polkadot/api');
const { Keyring } = require('@polkadot/keyring');
const { cryptoWaitReady } = require('@polkadot/util-crypto');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => Date.now() / 1000;

/** Rejects after `ms` with `what` in the message (a paused node never answers). */
function withTimeout(promise, ms, what) {
	let timer;
	return Promise.race([
		promise,
		new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timeout (${ms} ms): ${what}`)), ms); }),
	]).finally(() => clearTimeout(timer));
}

/** WebSocket URI of a node of the spawned network. */
function uriOf(networkInfo, name) {
	const node = networkInfo.nodesByName[name];
	if (!node) throw new Error(`no node ${name} in the network (${Object.keys(networkInfo.nodesByName)})`);
	return node.wsUri;
}

const providers = new Map();
/** A raw, auto-reconnecting WebSocket provider per URI (cheap: no metadata). */
function provider(uri) {
	if (!providers.has(uri)) providers.set(uri, new WsProvider(uri, 1000, {}, 10_000));
	return providers.get(uri);
}

/** A raw RPC call that gives up after `ms`; while the socket is reconnecting (a node
 * that was paused or restarted) it retries. */
async function rpc(uri, method, params = [], ms = 5000) {
	const p = provider(uri);
	const end = Date.now() + ms;
	await withTimeout(p.isReady, ms, `connect ${uri}`);
	for (;;) {
		try {
			return await withTimeout(p.send(method, params), Math.max(100, end - Date.now()), `${method} on ${uri}`);
		} catch (e) {
			if (!/not connected|disconnected|Abnormal Closure/i.test(String(e && e.message)) || Date.now() > end) throw e;
			await sleep(250);
		}
	}
}

/** { best, finalized, finalizedHash } of a node, by raw RPC. */
async function heights(uri, ms = 5000) {
	const best = await rpc(uri, 'chain_getHeader', [], ms);
	const finalizedHash = await rpc(uri, 'chain_getFinalizedHead', [], ms);
	const fin = await rpc(uri, 'chain_getHeader', [finalizedHash], ms);
	return { best: parseInt(best.number, 16), finalized: parseInt(fin.number, 16), finalizedHash };
}

const apis = new Map();
/** A polkadot.js ApiPromise per URI, reused across steps. */
async function api(uri, ms = 60_000) {
	if (!apis.has(uri)) {
		const created = withTimeout(
			ApiPromise.create({ provider: new WsProvider(uri, 1000, {}, 30_000), noInitWarn: true }),
			ms, `ApiPromise on ${uri}`);
		apis.set(uri, created);
		created.catch(() => apis.delete(uri));
	}
	const a = await apis.get(uri);
	await withTimeout(a.isReady, ms, `api ready ${uri}`);
	return a;
}

/** Closes every connection this process opened (the last step of each test calls it). */
async function closeAll() {
	for (const p of apis.values()) { try { (await p).disconnect(); } catch { /* gone */ } }
	for (const p of providers.values()) { try { await p.disconnect(); } catch { /* gone */ } }
	apis.clear();
	providers.clear();
}

let keyring;
/** The sr25519 dev account `//Name`. */
async function account(name) {
	if (!keyring) { await cryptoWaitReady(); keyring = new Keyring({ type: 'sr25519' }); }
	const n = name.charAt(0).toUpperCase() + name.slice(1);
	return keyring.addFromUri(`//${n}`);
}

/** Signs and sends `tx` as `signer` through `a`; resolves to { events, blockHash, number }
 * once in a block, rejects on a dispatch error or after `ms`. */
function send(a, tx, signer, what, ms = 90_000) {
	let unsub = () => {};
	const done = new Promise((resolve, reject) => {
		tx.signAndSend(signer, { nonce: -1 }, (result) => {
			const { status, events, dispatchError } = result;
			if (dispatchError) {
				const msg = dispatchError.isModule
					? JSON.stringify(a.registry.findMetaError(dispatchError.asModule))
					: dispatchError.toString();
				const e = new Error(`${what} failed: ${msg}`);
				e.dispatchError = dispatchError;
				e.meta = dispatchError.isModule ? a.registry.findMetaError(dispatchError.asModule) : null;
				reject(e);
			} else if (status.isInBlock) {
				a.rpc.chain.getHeader(status.asInBlock)
					.then((h) => resolve({ events, blockHash: status.asInBlock.toHex(), number: h.number.toNumber() }))
					.catch(reject);
			} else if (status.isInvalid || status.isDropped || status.isUsurped) {
				reject(new Error(`${what}: transaction ${status.type}`));
			}
		}).then((u) => { unsub = u; }).catch(reject);
	});
	return withTimeout(done, ms, what).finally(() => unsub());
}

/** Waits until the node at `uri` has best (or finalized, if `finalized`) >= `n`. */
async function waitHeight(uri, n, { finalized = false, ms = 120_000 } = {}) {
	const end = Date.now() + ms;
	for (;;) {
		try {
			const h = await heights(uri);
			if ((finalized ? h.finalized : h.best) >= n) return h;
		} catch { /* node busy or restarting */ }
		if (Date.now() > end) throw new Error(`${uri}: ${finalized ? 'finalized' : 'best'} height ${n} not reached in ${ms} ms`);
		await sleep(500);
	}
}

/** Waits until node `name` has caught up with the others: not syncing, and its best block
 * at least the highest best block of the reachable nodes minus one. Signing through a node
 * that lags (just resumed or restarted) gives transactions an unknown birth block. */
async function waitSynced(networkInfo, name, ms = 120_000) {
	const uri = uriOf(networkInfo, name);
	const others = Object.keys(networkInfo.nodesByName).filter((n) => n !== name);
	const bests = await Promise.all(others.map((n) => heights(uriOf(networkInfo, n), 800).then((h) => h.best, () => 0)));
	const target = Math.max(0, ...bests) - 1;
	const end = Date.now() + ms;
	for (;;) {
		try {
			const health = await rpc(uri, 'system_health', [], 2000);
			const h = await heights(uri, 2000);
			if (!health.isSyncing && h.best >= target) return h;
		} catch { /* not answering yet */ }
		if (Date.now() > end) throw new Error(`${name} did not catch up with best #${target} in ${ms} ms`);
		await sleep(500);
	}
}

let chModule;
/** The JavaScript chameleon hash (an ES module). */
async function chameleon() {
	if (!chModule) chModule = await import(pathToFileURL(path.join(__dirname, 'chameleon.mjs')).href);
	return chModule;
}

const eventData = (events, a, section, method) => {
	const found = events.find(({ event }) => event.section === section && event.method === method);
	if (!found) throw new Error(`no ${section}.${method} event`);
	return found.event.data;
};

const modelMessage = (a, uri, refs) => a.createType('(Bytes, Vec<u64>)', [uri, refs]).toU8a();

/** The model CID of the bytes of `label` (a string, as UTF-8): the CIDv1 `ipfs add
 * --cid-version 1` gives a file holding them (codec raw, sha2-256, base32 lower-case, 59
 * characters), the only kind of URI the chain accepts. The same as clients/js's `rawCid`,
 * which these CommonJS steps do not depend on. */
function rawCid(label) {
	const bytes = Buffer.concat([Buffer.from([0x01, 0x55, 0x12, 0x20]), crypto.createHash('sha256').update(label).digest()]);
	const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
	let out = 'b';
	let acc = 0;
	let bits = 0;
	for (const b of bytes) {
		acc = ((acc << 8) | b) & 0xfff;
		bits += 8;
		while (bits >= 5) { bits -= 5; out += alphabet[(acc >> bits) & 31]; }
	}
	if (bits > 0) out += alphabet[(acc << (5 - bits)) & 31];
	return out;
}

/** LiveChain.ChPublicKey as raw bytes. */
async function chPublicKey(a) {
	const v = await a.query.liveChain.chPublicKey();
	if (!v.isSome) throw new Error('no LiveChain.ChPublicKey');
	return v.unwrap().toU8a(true);
}

/** The committee key of the active epoch read through `a` (at `hash` if given), or null
 * while the DKG runs: { epoch, groupKey, threshold, members, qualified, chKey }. */
async function committeeKey(a, hash) {
	const q = hash ? (await a.at(hash)).query : a.query;
	const epoch = await q.threshold.activeEpoch();
	if (epoch.isNone) return null;
	const e = epoch.unwrap().toNumber();
	const [key, ch] = await Promise.all([q.threshold.keys(e), q.liveChain.chPublicKey()]);
	if (key.isNone || ch.isNone) return null;
	const k = key.unwrap();
	return {
		epoch: e, groupKey: k.package.groupKey.toHex(), threshold: k.package.threshold.toNumber(),
		members: k.members.map((m) => m.toString()), qualified: k.qualified.map((i) => i.toNumber()),
		chKey: ch.unwrap().toHex(),
	};
}

/** Waits until the committee's DKG installed the live chain's key; resolves to it. */
async function waitKey(a, ms = 180_000) {
	const end = Date.now() + ms;
	for (;;) {
		const k = await committeeKey(a);
		if (k && k.groupKey === k.chKey) return k;
		if (Date.now() > end) throw new Error(`no committee key after ${ms} ms (DKG not completed)`);
		await sleep(1000);
	}
}

/** Publishes a model as `owner` with a CH computed in JavaScript under the chain's key;
 * resolves to its tx id. */
async function publish(a, owner, uri, refs) {
	const { chHash } = await chameleon();
	const { check, rand } = chHash(await chPublicKey(a), modelMessage(a, uri, refs));
	const r = await send(a, a.tx.liveChain.publishModel(uri, refs, check, rand), owner, `publish ${uri}`);
	return { tx: eventData(r.events, a, 'liveChain', 'ModelPublished').tx.toNumber(), number: r.number };
}

/** A small model DAG, published through one node by three owners:
 *   m0 (Alice) <- m1 (Eve), m0 <- m2 (Ferdie), {m1, m2} <- m3 (Eve);
 * then Alice requests parallel unlearning of class 1 from m0. Affected: all four. Waits
 * for the committee key first (nothing can be published without it). */
async function publishDagAndRequest(a, tag) {
	await waitKey(a);
	const [alice, eve, ferdie] = await Promise.all(['alice', 'eve', 'ferdie'].map(account));
	const uri = (i) => rawCid(`${tag}-m${i}-v0`);
	const m0 = await publish(a, alice, uri(0), []);
	const [m1, m2] = await Promise.all([publish(a, eve, uri(1), [m0.tx]), publish(a, ferdie, uri(2), [m0.tx])]);
	const m3 = await publish(a, eve, uri(3), [m1.tx, m2.tx]);
	const req = await send(a, a.tx.unlearning.requestUnlearning([m0.tx], [1], 'Parallel'), alice, 'requestUnlearning');
	const id = eventData(req.events, a, 'unlearning', 'UnlearningRequested').id.toNumber();
	return { txs: [m0.tx, m1.tx, m2.tx, m3.tx], request: id, number: req.number };
}

/** The new URI of model `tx` in a redaction: the CID of a label naming it and its version. */
const redactedUri = (tag, tx, version) => rawCid(`${tag}-t${tx}-v${version}`);

/** The dev accounts that may own models in these tests. */
const OWNERS = ['alice', 'bob', 'charlie', 'dave', 'eve', 'ferdie'];

/** The owners' updates of a parallel request: each affected model's owner submits a new
 * URI for it (`unlearning.submitUpdate`, one owner's after the other's), then `who`
 * queues the redaction of those URIs (`threshold.proposeRedaction(request)`). Resolves to
 * { proposal, items, number, updates }. */
async function proposeRedaction(a, who, request, tag) {
	const req = (await a.query.unlearning.requests(request)).unwrap();
	const byAddress = new Map();
	for (const name of OWNERS) { const k = await account(name); byAddress.set(k.address, k); }
	const updates = [];
	for (const tx of req.affected.map((t) => t.toNumber())) {
		const live = (await a.query.liveChain.txs(tx)).unwrap();
		const owner = byAddress.get(live.owner.toString());
		if (!owner) throw new Error(`no dev key owns tx ${tx}`);
		updates.push({ tx, uri: redactedUri(tag, tx, live.version.toNumber() + 1), owner });
	}
	for (const u of updates) {
		await send(a, a.tx.unlearning.submitUpdate(request, u.tx, { Replace: u.uri }), u.owner, `submitUpdate ${u.tx}`);
	}
	const r = await send(a, a.tx.threshold.proposeRedaction(request), await account(who), `proposeRedaction by ${who}`);
	const d = eventData(r.events, a, 'threshold', 'RedactionProposed');
	return { proposal: d.proposal.toNumber(), items: d.items.toNumber(), number: r.number, updates };
}

/** The threshold events of proposal `id` in best blocks `from`..(best at the call). */
async function proposalEvents(a, id, from) {
	const best = (await a.rpc.chain.getHeader()).number.toNumber();
	const out = [];
	for (let n = from; n <= best; n++) {
		const hash = await a.rpc.chain.getBlockHash(n);
		for (const { event } of await a.query.system.events.at(hash)) {
			if (event.section !== 'threshold' || !event.data.proposal || event.data.proposal.toNumber() !== id) continue;
			out.push({ number: n, hash: hash.toHex(), method: event.method, data: event.data });
		}
	}
	return { events: out, best };
}

/** Waits (reading each best block's events through `a`) for threshold.RedactionApplied of
 * proposal `id`, from block `from`; rejects on ProposalDropped or after `ms`. Resolves to
 * { number, hash, signers, attempts, restarts }. */
async function awaitApplied(a, id, from, ms = 180_000) {
	const end = Date.now() + ms;
	let next = from;
	let restarts = 0;
	for (;;) {
		const { events, best } = await proposalEvents(a, id, next);
		for (const e of events) {
			if (e.method === 'SigningRestarted') restarts += 1;
			if (e.method === 'ProposalDropped') throw new Error(`proposal ${id} dropped in #${e.number}: ${e.data.error.toString()}`);
			if (e.method === 'RedactionApplied') {
				return { number: e.number, hash: e.hash, signers: e.data.signers.map((i) => i.toNumber()), attempts: e.data.attempts.toNumber(), restarts };
			}
		}
		next = best + 1;
		if (Date.now() > end) throw new Error(`proposal ${id} not applied by #${best} after ${ms} ms (${restarts} signing restarts)`);
		await sleep(500);
	}
}

/** Timestamp (s) of block `n`. */
async function timestampOf(a, n) {
	const hash = await a.rpc.chain.getBlockHash(n);
	return (await (await a.at(hash)).query.timestamp.now()).toNumber() / 1000;
}

/** Offchain-local key pausing the committee member `name` (//Name) of a node:
 * "blockful/threshold/paused/" ‖ its 32 account bytes. */
async function pausedKey(name) {
	const pair = await account(name);
	return `0x${Buffer.from('blockful/threshold/paused/').toString('hex')}${Buffer.from(pair.publicKey).toString('hex')}`;
}

/** Pauses (withheld consent, like an offline member) or resumes the committee member of
 * node `name` through its own node's offchain_localStorageSet. */
async function setMemberPaused(networkInfo, name, paused) {
	const uri = uriOf(networkInfo, name);
	const key = await pausedKey(name);
	await rpc(uri, 'offchain_localStorageSet', ['PERSISTENT', key, paused ? '0x01' : '0x'], 30_000);
	const now = await rpc(uri, 'offchain_localStorageGet', ['PERSISTENT', key], 30_000);
	if ((now || '0x') !== (paused ? '0x01' : '0x')) throw new Error(`${name}: pause flag reads ${now}`);
}

/** The state every node must agree on, read at block `hash`. */
async function stateAt(a, uri, hash) {
	const at = await a.at(hash);
	const [nextTxId, nextHeight, archiveHead, archiveSeq] = await Promise.all([
		at.query.liveChain.nextTxId(), at.query.liveChain.nextHeight(), at.query.archive.head(), at.query.archive.nextSeq(),
	]);
	const report = await rpc(uri, 'blockful_verifyLiveChain', [hash], 60_000);
	return {
		nextTxId: nextTxId.toNumber(), nextHeight: nextHeight.toNumber(),
		archiveHead: archiveHead.toHex(), archiveNextSeq: archiveSeq.toNumber(),
		stateRoot: (await a.rpc.chain.getHeader(hash)).stateRoot.toHex(),
		verify: report,
	};
}

/** Waits until every named node has finalized block `n` (default: the highest finalized
 * block among them at the call), then checks that they agree on its hash, that
 * blockful_verifyLiveChain is ok at it on each, and that they report the same live-chain
 * and archive state there. Resolves to { number, hash, state }. */
async function sameState(networkInfo, names, { n = null, ms = 180_000 } = {}) {
	const uris = names.map((x) => uriOf(networkInfo, x));
	if (n === null) n = Math.max(...(await Promise.all(uris.map((u) => heights(u)))).map((h) => h.finalized));
	await Promise.all(uris.map((u) => waitHeight(u, n, { finalized: true, ms })));
	const states = [];
	for (const [i, u] of uris.entries()) {
		const a = await api(u);
		const hash = (await a.rpc.chain.getBlockHash(n)).toHex();
		const state = await stateAt(a, u, hash);
		if (!state.verify.ok) throw new Error(`${names[i]}: blockful_verifyLiveChain at #${n} not ok: ${JSON.stringify(state.verify)}`);
		states.push({ name: names[i], hash, ...state });
	}
	const key = (s) => JSON.stringify([s.hash, s.stateRoot, s.nextTxId, s.nextHeight, s.archiveHead, s.archiveNextSeq, s.verify.txsChecked]);
	for (const s of states) {
		if (key(s) !== key(states[0])) {
			throw new Error(`nodes disagree at finalized #${n}: ${JSON.stringify(states.map((t) => ({ ...t, verify: undefined })))}`);
		}
	}
	const { verify, ...rest } = states[0];
	console.log(`    same state on ${names.join(', ')} at finalized #${n}: ${JSON.stringify({ ...rest, name: undefined, txsChecked: verify.txsChecked })}`);
	return { number: n, hash: states[0].hash, state: states[0] };
}

/** Appends a measurement to the results file and prints it. */
function record(networkInfo, key, value, unit, note = '') {
	const file = process.env.BLOCKFUL_ZN_RESULTS || path.join(networkInfo.tmpDir, 'measurements.jsonl');
	const line = { key, value, unit, note, test: process.env.BLOCKFUL_ZN_TEST || '', at: new Date().toISOString() };
	fs.appendFileSync(file, JSON.stringify(line) + '\n');
	console.log(`    MEASURED ${key} = ${value} ${unit}${note ? ` (${note})` : ''}`);
}

/** Background sampler: every `intervalMs`, each named node's best and finalized height
 * (or `down` when it does not answer within the interval). */
const sampler = { timer: null, samples: [] };
function startSampler(networkInfo, names, intervalMs = 500) {
	stopSampler();
	sampler.samples = [];
	const tick = async () => {
		const t = now();
		await Promise.all(names.map(async (name) => {
			try {
				const h = await heights(uriOf(networkInfo, name), Math.max(400, intervalMs));
				sampler.samples.push({ t, name, up: true, ...h });
			} catch {
				sampler.samples.push({ t, name, up: false });
			}
		}));
	};
	sampler.timer = setInterval(() => { tick().catch(() => {}); }, intervalMs);
	sampler.timer.unref?.();
}
function stopSampler() {
	if (sampler.timer) clearInterval(sampler.timer);
	sampler.timer = null;
	return sampler.samples;
}

/** Mean and max of best − finalized over samples of `names`. */
function lagStats(samples, names) {
	const lags = samples.filter((s) => s.up && names.includes(s.name)).map((s) => s.best - s.finalized);
	if (!lags.length) return null;
	return { mean: lags.reduce((p, q) => p + q, 0) / lags.length, max: Math.max(...lags), count: lags.length };
}

/** Start time (unix seconds) of the node process whose command line names `--name <name>`
 * and the network's directory, from /proc. */
function processStart(networkInfo, name) {
	const ticks = 100; // CLK_TCK on Linux
	const btime = Number(/btime (\d+)/.exec(fs.readFileSync('/proc/stat', 'utf8'))[1]);
	for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
		let cmd;
		try { cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'); } catch { continue; }
		const i = cmd.indexOf('--name');
		if (i < 0 || cmd[i + 1] !== name || !cmd.some((c) => c.includes(networkInfo.tmpDir))) continue;
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return { pid: Number(pid), start: btime + Number(fields[19]) / ticks };
	}
	return null;
}

module.exports = {
	sleep, now, withTimeout, uriOf, rpc, heights, api, closeAll, account, send, waitHeight,
	chameleon, publishDagAndRequest, stateAt, sameState, chPublicKey, committeeKey, waitKey, modelMessage, rawCid,
	proposeRedaction, proposalEvents, awaitApplied, timestampOf, pausedKey, setMemberPaused,
	record, waitSynced, startSampler, stopSampler, lagStats, processStart, sampler,
};
