// polkadot.js, a client nobody here wrote, against a real `blockful-node --dev`: it decodes
// the metadata, waits for the committee's DKG to install the live chain's chameleon-hash
// key, publishes models whose chameleon hash it computed itself in JavaScript under that
// key, has the committee redact them by threshold signature (`unlearning.submitUpdate` by each owner, then `threshold.proposeRedaction`,
// no client-side collision) and checks the result independently in JavaScript.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import {
	awaitRedaction, committeeKey, isModelCid, lineage, proposeRedaction, rawCid, rpc, setThresholdPaused, submitUpdate, verifyLiveChain,
	waitCommitteeKey,
} from '@blockful/api-definitions';
import { chAdapt, chHash, chVerify, devKey, devSecret } from './chameleon.js';

const cache = process.env.BLOCKFUL_CACHE ?? join(process.env.HOME, '.cache', 'blockful');
const nodeBin = process.env.BLOCKFUL_NODE ??
	join(process.env.CARGO_TARGET_DIR ?? join(cache, 'target'), 'debug', 'blockful-node');

const freePort = () => new Promise((resolve, reject) => {
	const srv = createServer();
	srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
	srv.on('error', reject);
});

let node;
let api;
let provider;
let log = '';

/** Starts `blockful-node` with `args` on free local ports; resolves to { proc, api, logs }. */
async function startNode(args) {
	const rpcPort = await freePort();
	const p2pPort = await freePort();
	// RPC listens on 127.0.0.1 by default; --listen-addr keeps p2p there too.
	const proc = spawn(nodeBin, [...args, '--tmp', '--rpc-port', String(rpcPort), '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`,
		'--no-telemetry', '--no-mdns', '--no-prometheus'], { stdio: ['ignore', 'ignore', 'pipe'] });
	const logs = { text: '' };
	proc.stderr.on('data', (d) => { logs.text = (logs.text + d.toString()).slice(-20000); });
	const deadline = Date.now() + 180_000;
	for (;;) {
		try {
			const provider = new WsProvider(`ws://127.0.0.1:${rpcPort}`, false);
			await provider.connect();
			const connected = await ApiPromise.create({ provider, rpc, throwOnConnect: true, noInitWarn: true });
			return { proc, api: connected, provider, logs };
		} catch (e) {
			if (proc.exitCode !== null) throw new Error(`node exited ${proc.exitCode}:\n${logs.text}`);
			if (Date.now() > deadline) { proc.kill('SIGKILL'); throw new Error(`node RPC did not come up:\n${logs.text}`); }
			await new Promise((r) => setTimeout(r, 1000));
		}
	}
}

/** What the start-up measured: the DKG on the dev node. */
const dkg = {};
const seconds = (ms) => (ms / 1000).toFixed(1);

/** Timestamp (ms) of block `number`. */
async function timestampOf(number) {
	const hash = await api.rpc.chain.getBlockHash(number);
	return (await (await api.at(hash)).query.timestamp.now()).toNumber();
}

/** The events of block `number` as `section.method` → [data]. */
async function eventsOf(number) {
	const hash = await api.rpc.chain.getBlockHash(number);
	return (await api.query.system.events.at(hash)).map(({ event }) => event);
}

before(async () => {
	assert.ok(existsSync(nodeBin), `node binary not found at ${nodeBin}; build it first`);
	const t0 = Date.now();
	const started = await startNode(['--dev']);
	node = started.proc;
	api = started.api;
	provider = started.provider;
	log = started.logs;
	await cryptoWaitReady();
	// The committee's DKG (the dev node's off-chain worker acts for all four members) must
	// install the live chain's key before anything can be published.
	const key = await waitCommitteeKey(api, { timeoutMs: 120_000 });
	dkg.wallMs = Date.now() - t0;
	dkg.key = key;
	const best = (await api.rpc.chain.getHeader()).number.toNumber();
	for (let n = 1; n <= best && dkg.block === undefined; n++) {
		for (const event of await eventsOf(n)) {
			if (event.section === 'threshold' && event.method === 'DkgPhaseChanged') {
				(dkg.phases ??= []).push([event.data.phase.toString(), n]);
			}
			if (event.section === 'threshold' && event.method === 'KeyGenerated') {
				dkg.block = n;
				dkg.event = event.data;
			}
		}
	}
	assert.ok(dkg.block, `a threshold.KeyGenerated event in blocks 1..#${best}`);
	dkg.chainMs = (await timestampOf(dkg.block)) - (await timestampOf(1));
	console.log(`MEASURED dev DKG: KeyGenerated in block #${dkg.block}, ${seconds(dkg.chainMs)} s after block #1 `
		+ `(block timestamps), ${seconds(dkg.wallMs)} s after the node process started; phases ${JSON.stringify(dkg.phases)}`);
});

/** LiveChain.ChPublicKey as 32 raw bytes (the storage value is an Option). */
async function chPublicKey() {
	const value = await api.query.liveChain.chPublicKey();
	assert.ok(value.isSome, 'the chain has a chameleon-hash public key');
	return value.unwrap().toU8a(true);
}

after(async () => {
	await api?.disconnect();
	node?.kill('SIGKILL');
});

const keyring = () => new Keyring({ type: 'sr25519' });
const dev = (name) => keyring().addFromUri(`//${name}`);
const hex = (u8a) => Buffer.from(u8a).toString('hex');

/** Signs and sends `tx` as `signer`; resolves to the events of its block, rejects on a
 * dispatch error (the Error's `module` is `{ section, name }`). */
function send(tx, signer, what) {
	return new Promise((resolve, reject) => {
		tx.signAndSend(signer, { nonce: -1 }, ({ status, events, dispatchError }) => {
			if (dispatchError) {
				const meta = dispatchError.isModule ? api.registry.findMetaError(dispatchError.asModule) : null;
				const e = new Error(`${what} failed: ${meta ? `${meta.section}.${meta.name}` : dispatchError.toString()}`);
				e.module = meta ? { section: meta.section, name: meta.name } : null;
				reject(e);
			} else if (status.isInBlock) {
				resolve(events);
			}
		}).catch(reject);
	});
}

/** Runs `call` as a committee motion with threshold 3: Alice proposes, Alice, Bob and
 * Charlie vote aye (proposing is not a vote), Alice closes. Resolves to the motion's
 * execution result. */
async function committeeMotion(call) {
	const [alice, bob, charlie] = ['Alice', 'Bob', 'Charlie'].map(dev);
	const length = call.method.encodedLength;
	const hash = call.method.hash;
	const proposed = await send(api.tx.committee.propose(3, call, length), alice, 'propose');
	const ev = proposed.find(({ event }) => api.events.committee.Proposed.is(event));
	assert.ok(ev, 'a Proposed event');
	const index = ev.event.data.proposalIndex;
	await Promise.all([alice, bob, charlie].map((m) => send(api.tx.committee.vote(hash, index, true), m, 'vote')));
	const weightBound = { refTime: 400_000_000_000, proofSize: 4_000_000 };
	const closed = await send(api.tx.committee.close(hash, index, weightBound, length), alice, 'close');
	const executed = closed.find(({ event }) => api.events.committee.Executed.is(event));
	assert.ok(executed, 'the motion executed');
	return executed.event.data.result;
}

/** The CH message of a model: SCALE (uri: Bytes, refs: Vec<u64>). */
const modelMessage = (uri, refs) => api.createType('(Bytes, Vec<u64>)', [uri, refs]).toU8a();
/** The CH message of a live-block header: SCALE (height: u64, version: u32). */
const headerMessage = (height, version) => api.createType('(u64, u32)', [height, version]).toU8a();

/** Publishes a model as `who` with a CH computed in JavaScript under the chain's key. Its
 * URI is the model CID of the bytes of `label` (`rawCid`: what `ipfs add --cid-version 1`
 * gives a file holding them), the only kind of URI the chain accepts; resolves to
 * { tx, label, uri, refs, check, rand }. */
async function publish(who, label, refs = []) {
	const uri = rawCid(label);
	const { check, rand } = chHash(await chPublicKey(), modelMessage(uri, refs));
	const events = await send(api.tx.liveChain.publishModel(uri, refs, check, rand), who, `publish ${label} (${uri})`);
	const tx = events.find(({ event }) => api.events.liveChain.ModelPublished.is(event)).event.data.tx.toNumber();
	return { tx, label, uri, refs, check, rand };
}

/** Files an unlearning request of class 1 from `start` as `who`; resolves to its id. */
async function request(who, start, paradigm) {
	const events = await send(api.tx.unlearning.requestUnlearning(start, [1], paradigm), who, 'request');
	return events.find(({ event }) => api.events.unlearning.UnlearningRequested.is(event)).event.data.id.toNumber();
}

/** What a redaction may change: the model's live record and its live block's header, the
 * request's status and the archive's length. */
async function snapshot(tx, id) {
	const live = (await api.query.liveChain.txs(tx)).unwrap();
	const header = (await api.query.liveChain.blocks(live.height.toNumber())).unwrap();
	return JSON.stringify({
		live: live.toJSON(), header: header.toJSON(), status: (await api.query.unlearning.requests(id)).unwrap().status.toString(),
		archive: (await api.query.archive.nextSeq()).toNumber(),
	});
}

/** Latency of an applied redaction from its proposal: blocks and seconds (block timestamps). */
async function latency(proposedBlock, applied) {
	const ms = (await timestampOf(applied.blockNumber)) - (await timestampOf(proposedBlock));
	return { blocks: applied.blockNumber - proposedBlock, seconds: seconds(ms) };
}

test('the runtime has no Sudo pallet, on the dev chain and on the local chain', async () => {
	const names = (a) => a.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString());
	assert.ok(!names(api).includes('Sudo'), `dev pallets: ${names(api)}`);
	assert.equal(api.tx.sudo, undefined);
	const local = await startNode(['--chain', 'local', '--alice', '--node-key',
		'0000000000000000000000000000000000000000000000000000000000000001']);
	try {
		assert.ok(!names(local.api).includes('Sudo'), `local pallets: ${names(local.api)}`);
		assert.ok(names(local.api).includes('Upgrade'));
		const validators = await local.api.query.aura.authorities();
		assert.equal(validators.length, 4, 'the local chain has four validators');
	} finally {
		await local.api.disconnect();
		local.proc.kill('SIGKILL');
	}
});

test('the committee\'s DKG made the live chain\'s key: 4 qualified members, threshold 3, not the public dev key', async () => {
	const key = await committeeKey(api);
	assert.ok(key, 'Threshold.ActiveEpoch is set');
	assert.equal(key.epoch, 0);
	assert.equal(key.threshold, 3);
	assert.deepEqual(key.qualified, [1, 2, 3, 4]);
	// Member i is the i-th committee account by its bytes: Dave, Bob, Charlie, Alice.
	assert.deepEqual(key.members, ['Dave', 'Bob', 'Charlie', 'Alice'].map((n) => dev(n).address));
	assert.equal(key.verificationShares.length, 4);
	assert.ok(key.matchesLiveChain, 'the group key is LiveChain.ChPublicKey');
	const pk = await chPublicKey();
	assert.equal(`0x${hex(pk)}`, key.groupKey);
	assert.equal(dkg.event.key.toHex(), key.groupKey, 'KeyGenerated announced this key');
	assert.equal(dkg.event.qualified.toNumber(), 4);
	assert.notEqual(hex(pk), hex(devKey().publicKey), 'the chain key is not the public development key');
	assert.notEqual(hex(pk), 'b636043eed8582d137b9bac3886e3fbd5bdc8eefd12f7a7f56a3c2a4a3489f27');
	assert.deepEqual(dkg.phases.map(([phase]) => phase), ['Share', 'Confirm'], 'the DKG went Commit → Share → Confirm');
});

test('a committee motion for System.setStorage fails with CallFiltered', async () => {
	const key = api.query.liveChain.chPublicKey.key();
	const before = (await api.rpc.state.getStorage(key)).toHex();
	const result = await committeeMotion(api.tx.system.setStorage([[key, '0x' + '00'.repeat(33)]]));
	assert.ok(result.isErr, 'the motion\'s call failed');
	const err = result.asErr;
	assert.ok(err.isModule);
	const meta = api.registry.findMetaError(err.asModule);
	assert.equal(meta.section, 'system');
	assert.equal(meta.name, 'CallFiltered');
	assert.equal((await api.rpc.state.getStorage(key)).toHex(), before);
});

test('a client cannot produce a collision: a motion LiveChain.redact with dev-trapdoor collisions fails TxCollisionInvalid and changes nothing', async () => {
	const alice = dev('Alice');
	const pk = await chPublicKey();
	const m = await publish(alice, 'forged-collision-m0');
	const id = await request(alice, [m.tx], 'Parallel');
	const uri1 = rawCid('forged-collision-m0-v1');
	// The owner consents to the new version, so only the collision can be what fails.
	await submitUpdate(api, alice, id, m.tx, uri1);
	const before = await snapshot(m.tx, id);

	const live = (await api.query.liveChain.txs(m.tx)).unwrap();
	const height = live.height.toNumber();
	const header = (await api.query.liveChain.blocks(height)).unwrap();
	const x = devSecret();
	const rand = chAdapt(x, live.ch.toU8a(true), modelMessage(uri1, []));
	const headerRand = chAdapt(x, header.chCurr.toU8a(true), headerMessage(height, header.version.toNumber() + 1));
	// The trapdoor everybody knows opens nothing under the committee's key ...
	assert.equal(chVerify(pk, modelMessage(uri1, []), rand, live.ch.toU8a(true)), false);
	// ... so the committee's 2/3 cannot push such a redaction through either.
	const result = await committeeMotion(api.tx.liveChain.redact(id, [{ tx: m.tx, uri: uri1, rand }], [{ height, rand: headerRand }]));
	assert.ok(result.isErr, 'the motion\'s call failed');
	const meta = api.registry.findMetaError(result.asErr.asModule);
	assert.equal(`${meta.section}.${meta.name}`, 'liveChain.TxCollisionInvalid');
	assert.equal(await snapshot(m.tx, id), before, 'the model, its live block, the request and the archive are unchanged');
});

test('the requester cannot choose another owner\'s model: submitUpdate refuses non-owners and malformed updates, proposeRedaction waits for the owners', async () => {
	const [alice, bob] = ['Alice', 'Bob'].map(dev);
	const m0 = await publish(alice, 'refused-m0');
	const m1 = await publish(bob, 'refused-m1', [m0.tx]);
	const id = await request(alice, [m0.tx], 'Parallel');
	const before = await snapshot(m0.tx, id);
	const bobsBefore = await snapshot(m1.tx, id);
	const uri = (m) => rawCid(`${m.label}-unlearned-r${id}`);
	const submit = (who, req, tx, u) => (opts) => submitUpdate(api, who, req, tx, u, opts);
	const propose = (who, req) => (opts) => proposeRedaction(api, who, req, opts);
	const cases = [
		// The attack: Alice (the requester) chooses what replaces Bob's model.
		['Alice for Bob\'s model', alice, submit(alice, id, m1.tx, rawCid('anything')), 'unlearning.FallbackTooEarly'],
		['Alice says Bob\'s model is unchanged', alice, submit(alice, id, m1.tx, null), 'unlearning.FallbackTooEarly'],
		['Bob for the start model', bob, submit(bob, id, m0.tx, uri(m0)), 'unlearning.NotModelOwner'],
		['an unknown request', alice, submit(alice, 999_999, m0.tx, uri(m0)), 'unlearning.UnknownRequest'],
		['a model outside the affected set', alice, submit(alice, id, 999_999, uri(m0)), 'unlearning.UpdateOutsideAffected'],
		['a start model unchanged', alice, submit(alice, id, m0.tx, null), 'unlearning.MustChange'],
		// The live chain's URI check: a model CID (canonical base32 CIDv1, raw or dag-pb, sha2-256).
		['a URI that is not a model CID', alice, submit(alice, id, m0.tx, 'bafkrei-not-a-cid'), 'liveChain.MalformedUri'],
		['an upper-case CID', alice, submit(alice, id, m0.tx, uri(m0).toUpperCase()), 'liveChain.MalformedUri'],
		['an empty URI', alice, submit(alice, id, m0.tx, ''), 'liveChain.EmptyUri'],
		['a proposal before the owners answered', bob, propose(bob, id), 'unlearning.UpdateMissing'],
		['a proposal of an unknown request', alice, propose(alice, 999_999), 'threshold.UnknownRequest'],
	];
	// All in one block: explicit nonces, as two transactions of one signer sent at once
	// could otherwise be given the same one.
	const nonces = new Map();
	for (const who of [alice, bob]) nonces.set(who.address, (await api.rpc.system.accountNextIndex(who.address)).toNumber());
	const outcomes = await Promise.all(cases.map(([what, who, send]) => {
		const nonce = nonces.get(who.address);
		nonces.set(who.address, nonce + 1);
		return send({ nonce }).then(() => `${what}: accepted`, (e) => (e.module ? `${e.module.section}.${e.module.name}` : e.message));
	}));
	assert.deepEqual(outcomes, cases.map((c) => c[3]));
	assert.equal((await api.query.threshold.queue()).length, 0, 'nothing was queued');
	assert.equal((await api.query.unlearning.updates.entries(id)).length, 0, 'no update was stored');
	assert.equal(await snapshot(m0.tx, id), before);
	assert.equal(await snapshot(m1.tx, id), bobsBefore);
});

test('a parallel request redacted by the committee\'s threshold signature: JS checks the new openings; versions 0..=current once each', async () => {
	const [alice, bob] = ['Alice', 'Bob'].map(dev);
	const pk = await chPublicKey();
	const m0 = await publish(alice, 'redact-me-m0');
	const m1 = await publish(bob, 'redact-me-m1', [m0.tx]);
	const id = await request(alice, [m0.tx], 'Parallel');
	const affected = (await api.query.unlearning.requests(id)).unwrap().affected.map((t) => t.toNumber());
	assert.deepEqual(affected, [m0.tx, m1.tx]);
	const models = [m0, m1];
	const headersBefore = new Map();
	for (const m of models) {
		const height = (await api.query.liveChain.txs(m.tx)).unwrap().height.toNumber();
		headersBefore.set(height, (await api.query.liveChain.blocks(height)).unwrap());
	}

	const newUri = (m) => rawCid(`${m.label}-unlearned-r${id}`);
	const t0 = Date.now();
	// Each owner submits its own model's new version; then anyone queues the redaction.
	const [u0, u1] = await Promise.all([submitUpdate(api, alice, id, m0.tx, newUri(m0)), submitUpdate(api, bob, id, m1.tx, newUri(m1))]);
	assert.deepEqual([u0.fallback, u1.fallback], [false, false]);
	const proposed = await proposeRedaction(api, bob, id);
	assert.equal(proposed.items, models.length + headersBefore.size, 'one collision per model and per touched live block');
	const applied = await awaitRedaction(api, { proposal: proposed.proposal, fromBlock: proposed.blockNumber, timeoutMs: 120_000 });
	const wallMs = Date.now() - t0;
	assert.equal(applied.request, id);
	assert.equal(applied.attempts, 1);
	assert.equal(applied.signers.length, 3, `t = 3 signers: ${applied.signers}`);
	const names = applied.events.map(({ event }) => `${event.section}.${event.method}`);
	for (const e of ['liveChain.ModelRedacted', 'liveChain.LiveBlockRedacted', 'liveChain.Redacted', 'threshold.RedactionApplied']) {
		assert.ok(names.includes(e), `${e} in the applying block: ${names}`);
	}
	const lat = await latency(proposed.blockNumber, applied);
	console.log(`MEASURED dev redaction (${models.length} models, ${headersBefore.size} live blocks): proposal #${proposed.blockNumber} → `
		+ `applied #${applied.blockNumber}: ${lat.blocks} blocks, ${lat.seconds} s (block timestamps); ${seconds(wallMs)} s wall from `
		+ `submitting the proposal; signers ${applied.signers}`);

	// Independently, in JavaScript: every model's unchanged check value opens to its new
	// message under the committee's key, with the randomness the committee produced.
	for (const m of models) {
		const live = (await api.query.liveChain.txs(m.tx)).unwrap();
		assert.equal(live.version.toNumber(), 1);
		assert.equal(Buffer.from(live.uri.toU8a(true)).toString(), newUri(m));
		assert.equal(hex(live.ch.toU8a(true)), hex(m.check), 'the check value did not change');
		assert.notEqual(hex(live.rand.toU8a(true)), hex(m.rand));
		assert.ok(chVerify(pk, modelMessage(newUri(m), m.refs), live.rand.toU8a(true), live.ch.toU8a(true)),
			`tx ${m.tx}: the new randomness opens ch to the new message`);
		assert.equal(chVerify(pk, modelMessage(m.uri, m.refs), live.rand.toU8a(true), live.ch.toU8a(true)), false);
		assert.ok(chVerify(pk, modelMessage(m.uri, m.refs), m.rand, live.ch.toU8a(true)), 'the old opening still opens the old message');
	}
	for (const [height, before] of headersBefore) {
		const header = (await api.query.liveChain.blocks(height)).unwrap();
		assert.equal(header.version.toNumber(), before.version.toNumber() + 1);
		assert.equal(header.chCurr.toHex(), before.chCurr.toHex(), 'the header check value did not change');
		assert.ok(chVerify(pk, headerMessage(height, header.version.toNumber()), header.rCurr.toU8a(true), header.chCurr.toU8a(true)),
			`live block ${height}: the new randomness opens its header CH to (height, version + 1)`);
	}

	const req = (await api.query.unlearning.requests(id)).unwrap();
	assert.equal(req.status.toString(), 'Completed');
	for (const m of models) {
		const versions = await lineage(api, m.tx);
		assert.deepEqual(versions.map((v) => v.version), [0, 1]);
		assert.deepEqual(versions.map((v) => v.uriText), [m.uri, newUri(m)]);
		assert.deepEqual(versions.map((v) => v.reason), ['published', 'redacted']);
	}
	const report = await verifyLiveChain(api);
	assert.equal(report.ok, true, JSON.stringify(report.failures));
	// The cheap modes: one page holding the model, and what changed since the redaction's
	// request was filed.
	const page = await verifyLiveChain(api, { from: m0.tx, count: 1 });
	assert.equal(page.ok, true);
	assert.equal(Number(page.txsChecked), 1);
	const since = await verifyLiveChain(api, { since: req.created.toNumber() });
	assert.equal(since.ok, true);
	assert.ok(Number(since.txsChecked) >= 2, JSON.stringify(since));
});

test('a sequential request with committee members paused: 3 of 4 sign; with all paused nothing happens until they resume', async () => {
	const [alice, bob] = ['Alice', 'Bob'].map(dev);
	const s0 = await publish(alice, 'sequential-m0');
	const s1 = await publish(bob, 'sequential-m1', [s0.tx]);
	const id = await request(alice, [s0.tx], 'Sequential');
	const newUri = (m) => rawCid(`${m.label}-unlearned-r${id}`);
	// Out of topological order: Bob cannot re-train before s0's update is applied.
	await assert.rejects(submitUpdate(api, bob, id, s1.tx, newUri(s1)),
		(e) => e.module?.name === 'SequentialOutOfOrder');

	// Alice's member (index 4) withholds consent: Dave, Bob and Charlie (1, 2, 3) sign.
	await setThresholdPaused(api, true, alice.address);
	try {
		await submitUpdate(api, alice, id, s0.tx, newUri(s0));
		const p0 = await proposeRedaction(api, alice, id);
		const a0 = await awaitRedaction(api, { proposal: p0.proposal, fromBlock: p0.blockNumber });
		assert.deepEqual(a0.signers, [1, 2, 3], 'the paused member did not sign');
		assert.equal((await api.query.unlearning.requests(id)).unwrap().status.toString(), 'InProgress');

		// Every member of the node paused: the next step is queued, its rounds time out
		// (SigningRestarted) and nothing changes.
		await setThresholdPaused(api, true);
		const before = await snapshot(s1.tx, id);
		await submitUpdate(api, bob, id, s1.tx, newUri(s1));
		const p1 = await proposeRedaction(api, bob, id);
		await assert.rejects(proposeRedaction(api, alice, id), (e) => e.module?.name === 'NothingToPropose');
		let restarted = null;
		for (let n = p1.blockNumber; restarted === null; n++) {
			while ((await api.rpc.chain.getHeader()).number.toNumber() < n) await new Promise((r) => setTimeout(r, 300));
			assert.ok(n < p1.blockNumber + 20, 'a signing round timed out');
			for (const event of await eventsOf(n)) {
				assert.ok(!(event.section === 'threshold' && event.method === 'RedactionApplied'), 'applied while every member was paused');
				if (event.section === 'threshold' && event.method === 'SigningRestarted') restarted = n;
			}
		}
		assert.equal(await snapshot(s1.tx, id), before, 'nothing changed while the committee was paused');
		assert.ok((await api.query.threshold.proposals(p1.proposal)).isSome, 'the proposal is still queued');

		await setThresholdPaused(api, false);
		const resumedAt = (await api.rpc.chain.getHeader()).number.toNumber();
		const a1 = await awaitRedaction(api, { proposal: p1.proposal, fromBlock: p1.blockNumber });
		assert.ok(a1.attempts >= 2 && a1.restarts.length >= 1, `restarted before it was applied: ${JSON.stringify(a1.restarts)}`);
		assert.deepEqual(a1.signers, [1, 2, 3]);
		const lat = await latency(resumedAt, a1);
		console.log(`MEASURED dev redaction after the committee resumed: ${lat.blocks} blocks, ${lat.seconds} s from the best block at the `
			+ `resume (#${resumedAt}; first restart in #${restarted}) to applied in #${a1.blockNumber} (attempt ${a1.attempts})`);
	} finally {
		await setThresholdPaused(api, false);
		await setThresholdPaused(api, false, alice.address);
	}
	assert.equal((await api.query.unlearning.requests(id)).unwrap().status.toString(), 'Completed');
	for (const m of [s0, s1]) {
		assert.deepEqual((await lineage(api, m.tx)).map((v) => v.version), [0, 1]);
	}
	assert.equal((await verifyLiveChain(api)).ok, true);
});

test('metadata decodes and names the BlockFUL pallets', () => {
	const pallets = api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString());
	for (const name of ['Committee', 'CommitteeMembership', 'Archive', 'LiveChain', 'Unlearning', 'Threshold']) {
		assert.ok(pallets.includes(name), `pallet ${name} missing from ${pallets}`);
	}
	const threshold = api.runtimeMetadata.asLatest.pallets.find((p) => p.name.toString() === 'Threshold');
	assert.equal(threshold.index.toNumber(), 13);
	assert.equal(typeof api.tx.liveChain.publishModel, 'function');
	assert.equal(typeof api.tx.liveChain.redact, 'function');
	assert.equal(typeof api.tx.unlearning.requestUnlearning, 'function');
	assert.deepEqual(api.tx.threshold.proposeRedaction.meta.args.map((a) => a.name.toString()), ['request']);
	assert.deepEqual(api.tx.unlearning.submitUpdate.meta.args.map((a) => a.name.toString()), ['request', 'tx', 'update']);
	assert.equal(typeof api.tx.threshold.submit, 'function');
});

test('publishes a model with a chameleon hash computed in JavaScript and reads it back', async () => {
	const publicKey = await chPublicKey();
	assert.equal(publicKey.length, 32, 'LiveChain.ChPublicKey is a 32-byte key');

	// The CID kubo gives the empty file (`ipfs add --cid-version 1`).
	const uri = 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku';
	assert.equal(rawCid(new Uint8Array()), uri);
	const refs = [];
	const message = api.createType('(Bytes, Vec<u64>)', [uri, refs]).toU8a();
	const { check, rand } = chHash(publicKey, message);
	assert.ok(chVerify(publicKey, message, rand, check), 'our own hash verifies in JS');

	const before = (await api.query.liveChain.nextTxId()).toNumber();
	const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
	const events = await new Promise((resolve, reject) => {
		api.tx.liveChain.publishModel(uri, refs, check, rand)
			.signAndSend(alice, ({ status, events, dispatchError }) => {
				if (dispatchError) {
					const msg = dispatchError.isModule
						? JSON.stringify(api.registry.findMetaError(dispatchError.asModule))
						: dispatchError.toString();
					reject(new Error(`publish_model failed: ${msg}`));
				} else if (status.isInBlock) {
					resolve(events);
				}
			}).catch(reject);
	});
	const published = events.find(({ event }) => api.events.liveChain.ModelPublished.is(event));
	assert.ok(published, 'a ModelPublished event');
	const txId = published.event.data.tx.toNumber();
	assert.equal(txId, before);

	const tx = await api.query.liveChain.txs(txId);
	assert.ok(tx.isSome, `LiveChain.Txs(${txId}) exists`);
	const t = tx.unwrap();
	assert.equal(Buffer.from(t.uri.toU8a(true)).toString(), uri);
	assert.equal(t.refs.length, 0);
	assert.equal(t.owner.toString(), alice.address);
	assert.deepEqual([...t.ch.toU8a(true)], [...check]);
	assert.deepEqual([...t.rand.toU8a(true)], [...rand]);
	assert.equal(t.version.toNumber(), 0);
});

test('a chameleon hash for another message is refused by the runtime', async () => {
	const publicKey = await chPublicKey();
	const message = api.createType('(Bytes, Vec<u64>)', [rawCid('another model'), []]).toU8a();
	const { check, rand } = chHash(publicKey, message);
	const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
	const before = (await api.query.liveChain.nextTxId()).toNumber();
	const err = await new Promise((resolve, reject) => {
		api.tx.liveChain.publishModel('bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku', [], check, rand)
			.signAndSend(alice, { nonce: -1 }, ({ status, dispatchError }) => {
				if (dispatchError) resolve(dispatchError);
				else if (status.isInBlock) reject(new Error('a mismatching CH was accepted'));
			}).catch(reject);
	});
	assert.ok(err.isModule);
	const meta = api.registry.findMetaError(err.asModule);
	assert.equal(meta.section.toLowerCase(), 'livechain');
	assert.equal(meta.name, 'ChMismatch');
	assert.equal((await api.query.liveChain.nextTxId()).toNumber(), before);
});

test('a URI that is not a model CID is refused by the runtime (MalformedUri, EmptyUri) and changes nothing', async () => {
	const publicKey = await chPublicKey();
	const alice = dev('Alice');
	/** Sends publishModel(uri) with a valid CH of (uri, []): the URI is the only fault. */
	const refusal = (uri) => {
		const { check, rand } = chHash(publicKey, modelMessage(uri, []));
		return new Promise((resolve, reject) => {
			api.tx.liveChain.publishModel(uri, [], check, rand)
				.signAndSend(alice, { nonce: -1 }, ({ status, dispatchError }) => {
					if (dispatchError) resolve(dispatchError);
					else if (status.isInBlock) reject(new Error(`the URI ${JSON.stringify(uri)} was accepted`));
				}).catch(reject);
		});
	};
	const name = (err) => {
		assert.ok(err.isModule, err.toString());
		const meta = api.registry.findMetaError(err.asModule);
		return `${meta.section}.${meta.name}`;
	};
	const before = (await api.query.liveChain.nextTxId()).toNumber();
	const archiveBefore = (await api.query.archive.nextSeq()).toNumber();
	// Printable ASCII, `bafkrei`-prefixed, but no CID.
	assert.equal(isModelCid('bafkrei-not-a-cid'), false);
	assert.equal(name(await refusal('bafkrei-not-a-cid')), 'liveChain.MalformedUri');
	assert.equal(name(await refusal('')), 'liveChain.EmptyUri');
	assert.equal((await api.query.liveChain.nextTxId()).toNumber(), before, 'no transaction was appended');
	assert.equal((await api.query.archive.nextSeq()).toNumber(), archiveBefore, 'nothing was archived');
});
