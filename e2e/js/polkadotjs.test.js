// polkadot.js, a client nobody here wrote, against a real `blockful-node --dev`: it decodes
// the metadata, reads LiveChain.ChPublicKey and LiveChain.Txs, publishes a model whose
// chameleon hash it computed itself in JavaScript, and reads the model back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { lineage, rpc, verifyLiveChain } from '@blockful/api-definitions';
import { chAdapt, chHash, chVerify, devSecret, publicKeyOf } from './chameleon.js';

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
	const proc = spawn(nodeBin, [...args, '--tmp', '--rpc-port', String(rpcPort), '--port', String(p2pPort),
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

before(async () => {
	assert.ok(existsSync(nodeBin), `node binary not found at ${nodeBin}; build it first`);
	const started = await startNode(['--dev']);
	node = started.proc;
	api = started.api;
	provider = started.provider;
	log = started.logs;
	await cryptoWaitReady();
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

/** Signs and sends `tx` as `signer`; resolves to the events of its block, rejects on a
 * dispatch error. */
function send(tx, signer, what) {
	return new Promise((resolve, reject) => {
		tx.signAndSend(signer, { nonce: -1 }, ({ status, events, dispatchError }) => {
			if (dispatchError) {
				const msg = dispatchError.isModule
					? JSON.stringify(api.registry.findMetaError(dispatchError.asModule))
					: dispatchError.toString();
				reject(new Error(`${what} failed: ${msg}`));
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
	const [alice, bob, charlie] = ['//Alice', '//Bob', '//Charlie'].map((u) => keyring().addFromUri(u));
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

test('a parallel request redacted by the committee leaves versions 0..=current in the archive once each', async () => {
	const alice = keyring().addFromUri('//Alice');
	const publicKey = await chPublicKey();
	const x = devSecret();
	assert.deepEqual([...publicKeyOf(x)], [...publicKey], 'the dev chain uses the public dev trapdoor');
	const modelMessage = (uri, refs) => api.createType('(Bytes, Vec<u64>)', [uri, refs]).toU8a();

	const uri0 = 'bafkreiredactme0000000000000000000000000000000000000000000';
	const { check, rand } = chHash(publicKey, modelMessage(uri0, []));
	const published = await send(api.tx.liveChain.publishModel(uri0, [], check, rand), alice, 'publish');
	const tx = published.find(({ event }) => api.events.liveChain.ModelPublished.is(event)).event.data.tx.toNumber();

	const requested = await send(api.tx.unlearning.requestUnlearning([tx], [1], 'Parallel'), alice, 'request');
	const id = requested.find(({ event }) => api.events.unlearning.UnlearningRequested.is(event)).event.data.id.toNumber();

	const live = (await api.query.liveChain.txs(tx)).unwrap();
	const height = live.height.toNumber();
	const header = (await api.query.liveChain.blocks(height)).unwrap();
	const uri1 = 'bafkreiredacted1111111111111111111111111111111111111111111';
	const update = { tx, uri: uri1, rand: chAdapt(x, live.ch.toU8a(true), modelMessage(uri1, [])) };
	const headerMessage = api.createType('(u64, u32)', [height, header.version.toNumber() + 1]).toU8a();
	const headerUpdate = { height, rand: chAdapt(x, header.chCurr.toU8a(true), headerMessage) };
	const result = await committeeMotion(api.tx.liveChain.redact(id, [update], [headerUpdate]));
	assert.ok(result.isOk, `the redaction applied: ${result.toString()}`);

	const request = (await api.query.unlearning.requests(id)).unwrap();
	assert.equal(request.status.toString(), 'Completed');
	const versions = await lineage(api, tx);
	assert.deepEqual(versions.map((v) => v.version), [0, 1]);
	assert.deepEqual(versions.map((v) => v.uriText), [uri0, uri1]);
	assert.deepEqual(versions.map((v) => v.reason), ['published', 'redacted']);
	const report = await verifyLiveChain(api);
	assert.equal(report.ok, true, JSON.stringify(report.failures));
	// The cheap modes: one page holding the model, and what changed since the redaction's
	// request was filed.
	const page = await verifyLiveChain(api, { from: tx, count: 1 });
	assert.equal(page.ok, true);
	assert.equal(Number(page.txsChecked), 1);
	const requestBlock = request.created.toNumber();
	const since = await verifyLiveChain(api, { since: requestBlock });
	assert.equal(since.ok, true);
	assert.ok(Number(since.txsChecked) >= 1, JSON.stringify(since));
});

test('metadata decodes and names the BlockFUL pallets', () => {
	const pallets = api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString());
	for (const name of ['Committee', 'CommitteeMembership', 'Archive', 'LiveChain', 'Unlearning']) {
		assert.ok(pallets.includes(name), `pallet ${name} missing from ${pallets}`);
	}
	assert.equal(typeof api.tx.liveChain.publishModel, 'function');
	assert.equal(typeof api.tx.liveChain.redact, 'function');
	assert.equal(typeof api.tx.unlearning.requestUnlearning, 'function');
});

test('publishes a model with a chameleon hash computed in JavaScript and reads it back', async () => {
	const publicKey = await chPublicKey();
	assert.equal(publicKey.length, 32, 'LiveChain.ChPublicKey is a 32-byte key');

	const uri = 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku';
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
	const message = api.createType('(Bytes, Vec<u64>)', ['bafkreiother', []]).toU8a();
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
