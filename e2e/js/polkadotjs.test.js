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
import { chHash, chVerify } from './chameleon.js';

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
let log = '';

before(async () => {
	assert.ok(existsSync(nodeBin), `node binary not found at ${nodeBin}; build it first`);
	const rpcPort = await freePort();
	const p2pPort = await freePort();
	node = spawn(nodeBin, ['--dev', '--tmp', '--rpc-port', String(rpcPort), '--port', String(p2pPort),
		'--no-telemetry', '--no-mdns', '--no-prometheus'], { stdio: ['ignore', 'ignore', 'pipe'] });
	node.stderr.on('data', (d) => { log = (log + d.toString()).slice(-20000); });
	const deadline = Date.now() + 180_000;
	for (;;) {
		try {
			const provider = new WsProvider(`ws://127.0.0.1:${rpcPort}`, false);
			await provider.connect();
			api = await ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true });
			break;
		} catch (e) {
			if (node.exitCode !== null) throw new Error(`node exited ${node.exitCode}:\n${log}`);
			if (Date.now() > deadline) throw new Error(`node RPC did not come up:\n${log}`);
			await new Promise((r) => setTimeout(r, 1000));
		}
	}
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
