// polkadot-api (papi 2.2.2) against `blockful-node --dev`, through the node's RPC and through
// a smoldot (3.4.1) light client that knows nothing but the chain's raw chain spec with the
// node as its boot node:
// - the typed descriptors shipped by clients/js (`@blockful/api-definitions/papi`) are
//   identical to the running runtime's metadata, and the typed example
//   (clients/js/examples/papi.js) publishes, requests and verifies on a full node;
// Run with `node --test --test-force-exit papi.test.js` (smoldot leaves timers behind);
// SMOLDOT_LOG=4 prints smoldot's debug log.
// - the light client follows GRANDPA finality, reads LiveChain, Archive and Threshold storage
//   (every read proven against the finalized header's state root; smoldot refuses anything
//   else) and gets the full node's values at the same block, calls the live chain's
//   integrity runtime API, and submits a signed `LiveChain.publish_model`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, CompatibilityLevel, getTypedCodecs } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { getSmProvider } from 'polkadot-api/sm-provider';
import { getPolkadotSigner } from 'polkadot-api/signer';
import * as smoldot from 'smoldot';
import { WebSocket } from 'ws';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { rawCid } from '@blockful/api-definitions';
import { blockful } from '@blockful/api-definitions/papi';
import {
	blockfulApi, chPublicKey, modelHistory, modelMessage, publishModel, requestUnlearning, verifyLiveChain,
} from '@blockful/api-definitions/examples/papi.js';
import { chHash, chVerify } from './chameleon.js';

const cache = process.env.BLOCKFUL_CACHE ?? join(process.env.HOME, '.cache', 'blockful');
const nodeBin = process.env.BLOCKFUL_NODE ??
	join(process.env.CARGO_TARGET_DIR ?? join(cache, 'target'), 'debug', 'blockful-node');

/** The boot node's fixed libp2p key (ed25519 secret), so its peer id is known in advance. */
const NODE_KEY = '0000000000000000000000000000000000000000000000000000000000000b0f';

const freePort = () => new Promise((resolve, reject) => {
	const srv = createServer();
	srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
	srv.on('error', reject);
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms) => (ms / 1000).toFixed(1);

let dir;
let node;
let nodeLog = '';
let full;      // { client, api } over the node's RPC
let light;     // { client, api, smoldot, chain, measured }
let chainSpec; // the raw chain spec the light client was given
let signer;

/** Polls `check` every 500 ms until it returns a truthy value or `ms` pass. */
async function until(what, ms, check) {
	const deadline = Date.now() + ms;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}\n${nodeLog.slice(-4000)}`);
		await sleep(500);
	}
}

before(async () => {
	assert.ok(existsSync(nodeBin), `node binary not found at ${nodeBin}; build it first`);
	await cryptoWaitReady();
	dir = mkdtempSync(join(tmpdir(), 'blockful-papi-'));
	const keyFile = join(dir, 'node-key');
	writeFileSync(keyFile, NODE_KEY);
	const peerId = execFileSync(nodeBin, ['key', 'inspect-node-key', '--file', keyFile], { encoding: 'utf8' }).trim();
	const [rpcPort, p2pPort] = [await freePort(), await freePort()];
	// The raw chain spec of the dev chain, with this node as its only boot node.
	const spec = JSON.parse(execFileSync(nodeBin, ['build-spec', '--chain', 'dev', '--raw'],
		{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 }));
	spec.bootNodes = [`/ip4/127.0.0.1/tcp/${p2pPort}/p2p/${peerId}`];
	chainSpec = JSON.stringify(spec);
	node = spawn(nodeBin, ['--dev', '--tmp', '--node-key-file', keyFile, '--rpc-port', String(rpcPort),
		'--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`, '--no-telemetry', '--no-mdns', '--no-prometheus'],
	{ stdio: ['ignore', 'ignore', 'pipe'] });
	node.stderr.on('data', (d) => { nodeLog = (nodeLog + d.toString()).slice(-20000); });
	node.on('exit', (code) => { nodeLog += `\n[node exited ${code}]`; });
	// Killed before `after` runs (a timeout, Ctrl-C): take the node along.
	process.on('exit', () => node?.kill('SIGKILL'));
	for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { node?.kill('SIGKILL'); process.exit(130); });
	const fullClient = createClient(getWsProvider(`ws://127.0.0.1:${rpcPort}`, { websocketClass: WebSocket }));
	full = { client: fullClient, api: blockfulApi(fullClient) };
	// The committee's DKG (the dev node acts for all four members) installs the key first.
	// Transactions are built on the finalized block, so wait until the key is final there.
	await until('the committee key', 180_000, async () => node.exitCode === null
		&& (await full.api.query.LiveChain.ChPublicKey.getValue({ at: 'finalized' }).catch(() => undefined)));
	const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
	signer = getPolkadotSigner(alice.publicKey, 'Sr25519', (payload) => alice.sign(payload));
});

/** Whatever smoldot warned about (level <= 2); a runtime it cannot execute shows here. */
const smoldotWarnings = [];

after(async () => {
	light?.client.destroy();
	await Promise.race([light?.smoldot.terminate().catch(() => {}), sleep(5000)]);
	full?.client.destroy();
	node?.kill('SIGKILL');
	if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the shipped papi descriptors are identical to the running runtime', async () => {
	const staticApis = await full.api.getStaticApis();
	const entries = {
		tx: [['LiveChain', 'publish_model'], ['LiveChain', 'redact'], ['Unlearning', 'request_unlearning'],
			['Unlearning', 'submit_update'], ['Unlearning', 'cancel_request'], ['Threshold', 'propose_redaction']],
		query: [['LiveChain', 'Txs'], ['LiveChain', 'ChPublicKey'], ['Archive', 'Records'], ['Archive', 'Head'],
			['Unlearning', 'Requests'], ['Unlearning', 'Updates'], ['Threshold', 'Keys'], ['Threshold', 'Proposals']],
		apis: [['LiveChainApi', 'verify_live_chain'], ['LiveChainApi', 'verify_live_chain_page'],
			['LiveChainApi', 'live_model'], ['LiveChainApi', 'lineage'], ['LiveChainApi', 'descendants']],
	};
	for (const [kind, list] of Object.entries(entries)) {
		for (const [group, name] of list) {
			assert.ok(staticApis.compat[kind][group][name].isCompatible(CompatibilityLevel.Identical),
				`${kind}.${group}.${name} of the descriptors is identical to the node's`);
		}
	}
	const { spec_name: specName } = await full.api.constants.System.Version();
	assert.equal(specName, 'blockful');
});

test('the typed example publishes, requests and verifies on a full node', async () => {
	const base = await publishModel(full.api, signer, { uri: rawCid('papi m0'), hash: chHash });
	const child = await publishModel(full.api, signer, { uri: rawCid('papi m1'), refs: [base.tx], hash: chHash });
	const { live, lineage } = await modelHistory(full.api, child.tx, child.block.hash);
	assert.equal(new TextDecoder().decode(live.uri), rawCid('papi m1'));
	assert.deepEqual(live.refs, [base.tx]);
	assert.equal(lineage.length, 1, 'a new model has one archived version');
	const key = await chPublicKey(full.api);
	assert.ok(chVerify(key, modelMessage(live.uri, live.refs),
		Buffer.from(live.rand.slice(2), 'hex'), Buffer.from(live.ch.slice(2), 'hex')), 'the stored CH verifies in JS');
	const request = await requestUnlearning(full.api, signer, { start: [base.tx], classes: [1], paradigm: 'Parallel' });
	assert.deepEqual([...request.affected].sort(), [base.tx, child.tx].sort(), 'the request covers the child');
	const report = await verifyLiveChain(full.api, request.block.hash);
	assert.equal(report.ok, true, JSON.stringify(report.failures));
	assert.ok(report.txs_checked >= 2n);
	// A bad call is refused with the pallet's error, and nothing changes.
	const before = await full.api.query.Unlearning.NextRequestId.getValue();
	await assert.rejects(requestUnlearning(full.api, signer, { start: [999_999n], classes: [1], paradigm: 'Parallel' }),
		/Unlearning\.\w+/);
	assert.equal(await full.api.query.Unlearning.NextRequestId.getValue(), before);
});

/** Connects a smoldot light client with the raw chain spec only; measures the time to its
 * first finalized block and until it caught up with the node's finality. */
async function connectLightClient() {
	const target = (await full.client.getFinalizedBlock()).number;
	const t0 = Date.now();
	const sm = smoldot.start({ maxLogLevel: Number(process.env.SMOLDOT_LOG ?? 2), logCallback: (level, origin, message) => {
		if (level <= 2) smoldotWarnings.push(`[smoldot ${level}] ${origin}: ${message}`);
		else if (process.env.SMOLDOT_LOG) console.log(`[smoldot ${level}] ${origin}: ${message.slice(0, 300)}`);
	} });
	const chain = await sm.addChain({ chainSpec });
	const client = createClient(getSmProvider(() => chain));
	const first = await client.getFinalizedBlock();
	const firstMs = Date.now() - t0;
	const caught = await until(`the light client's finality to reach #${target}`, 240_000, async () => {
		const f = await client.getFinalizedBlock();
		return f.number >= target ? f : null;
	});
	const measured = { firstMs, firstNumber: first.number, caughtMs: Date.now() - t0, target, caughtNumber: caught.number };
	console.log(`MEASURED smoldot 3.4.1 via polkadot-api 2.2.2: first finalized block #${first.number} after ${seconds(firstMs)} s; `
		+ `caught up with the node's finalized #${target} (now #${caught.number}) after ${seconds(measured.caughtMs)} s`);
	return { smoldot: sm, chain, client, api: blockfulApi(client), measured };
}

/** Light-client reads that had to be retried, and why (reported by the test). */
const retries = [];

/** Runs `read(hash)` at the light client's finalized block. papi may unpin that block while
 * the read is under way (a newer one was finalized): the read then fails or never answers,
 * and runs again at the newer block (20 s per attempt, 5 attempts). */
async function atLightFinalized(what, read) {
	for (let attempt = 1; ; attempt++) {
		const block = await light.client.getFinalizedBlock();
		let timer;
		const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('no answer in 20 s')), 20_000); });
		try {
			return { block, value: await Promise.race([read(block.hash), timeout]) };
		} catch (e) {
			retries.push(`${what} at #${block.number}: ${e?.message}`);
			if (attempt >= 5 || !/not pinned|no answer/i.test(String(e?.message))) throw e;
		} finally {
			clearTimeout(timer);
		}
	}
}

/** A canonical text of a decoded value (bigints and byte arrays spelled out), to compare. */
const canon = (value) => JSON.stringify(value, (_, v) => {
	if (typeof v === 'bigint') return `${v}n`;
	if (v instanceof Uint8Array) return `0x${Buffer.from(v).toString('hex')}`;
	return v;
});

/** The full node's answer over its legacy RPC, which serves any block it has not pruned. */
const fullRpc = (method, params) => full.client._request(method, params);

/** Every storage key of the BlockFUL pallets' items a user checks, at block `at`: the plain
 * values' keys and every key under the maps' prefixes (listed by the full node). */
async function blockfulKeys(api, at) {
	const q = api.query;
	const plain = [q.LiveChain.ChPublicKey, q.LiveChain.NextTxId, q.LiveChain.NextHeight, q.Archive.NextSeq,
		q.Archive.Head, q.Threshold.ActiveEpoch, q.Threshold.NextEpoch, q.Threshold.Queue, q.Unlearning.NextRequestId];
	const maps = [q.LiveChain.Txs, q.LiveChain.Blocks, q.LiveChain.BlockTxs, q.LiveChain.Children, q.Archive.Records,
		q.Archive.RecordHashes, q.Archive.Lineage, q.Threshold.Keys, q.Unlearning.Requests];
	const keys = await Promise.all(plain.map((item) => item.getKey()));
	for (const item of maps) {
		const prefix = await item.getKey();
		keys.push(...await fullRpc('state_getKeysPaged', [prefix, 1000, null, at]));
	}
	return keys;
}

test('a smoldot light client follows finality, reads proven storage equal to the full node\'s and calls the runtime API', { timeout: 400_000 }, async () => {
	light = await connectLightClient();
	const genesis = (await light.client.getChainSpecData()).genesisHash;
	assert.equal(genesis, (await full.client.getChainSpecData()).genesisHash, 'the same chain');
	const codecs = await getTypedCodecs(blockful);
	// Storage: every key, read through smoldot (each answer proven against the finalized
	// header's state root) and from the full node at the same block, byte for byte.
	const { block, value: viaLight } = await atLightFinalized('storage', async (at) => {
		const keys = await blockfulKeys(light.api, at);
		const values = await Promise.all(keys.map((key) => light.client.rawQuery(key, { at })));
		return { keys, values };
	});
	const at = block.hash;
	const viaFull = await Promise.all(viaLight.keys.map((key) => fullRpc('state_getStorage', [key, at])));
	assert.deepEqual(viaLight.values, viaFull, `every BlockFUL key at #${block.number}: light client = full node`);
	const present = viaLight.values.filter((v) => v !== null).length;
	console.log(`MEASURED light-client storage check: ${viaLight.keys.length} keys (${present} present) of LiveChain, Archive, Threshold and Unlearning at #${block.number}, equal to the full node's`);
	// The typed reads decode them (a light client's user never sees raw bytes).
	const { value: txs } = await atLightFinalized('Txs entries', (h) => light.api.query.LiveChain.Txs.getEntries({ at: h }));
	assert.ok(txs.length >= 2, 'the light client decodes the published models');
	const model0 = codecs.query.LiveChain.Txs.value.dec(viaFull[viaLight.keys.indexOf(await light.api.query.LiveChain.Txs.getKey(0n))]);
	assert.equal(new TextDecoder().decode(model0.uri), rawCid('papi m0'));
	const key = codecs.query.Threshold.Keys.value.dec(viaFull[viaLight.keys.indexOf(await light.api.query.Threshold.Keys.getKey(0))]);
	assert.equal(key.package.threshold, 3, 'the dev committee key of epoch 0: 3 of 4');
	assert.equal(key.members.length, 4);
	// The live chain's integrity check and a model's history, by runtime API through the light
	// client, equal to the full node's `state_call` answer at the same block.
	const call = async (name, args, run) => {
		const { value: viaLightApi } = await atLightFinalized(name, async (h) => ({ h, out: await run(h) }));
		const c = codecs.apis.LiveChainApi[name];
		const raw = await fullRpc('state_call', [`LiveChainApi_${name}`, `0x${Buffer.from(c.args.enc(args)).toString('hex')}`, viaLightApi.h]);
		assert.equal(canon(viaLightApi.out), canon(c.value.dec(raw)), `LiveChainApi.${name}: light client = full node`);
		return viaLightApi.out;
	};
	const report = await call('verify_live_chain', [], (h) => light.api.apis.LiveChainApi.verify_live_chain({ at: h }));
	assert.equal(report.ok, true, JSON.stringify(report.failures));
	assert.ok(report.txs_checked >= 2n);
	const live = await call('live_model', [0n], (h) => light.api.apis.LiveChainApi.live_model(0n, { at: h }));
	assert.ok(live.success);
	const lineage = await call('lineage', [0n], (h) => light.api.apis.LiveChainApi.lineage(0n, { at: h }));
	assert.ok(lineage.success && lineage.value.length === 1);
	const descendants = await call('descendants', [0n], (h) => light.api.apis.LiveChainApi.descendants(0n, { at: h }));
	assert.ok(descendants.success && descendants.value.includes(1n), 'm1 inherits from m0');
	if (retries.length) console.log(`light-client reads retried at a newer finalized block: ${retries.join('; ')}`);
	// A runtime smoldot cannot execute warns about it; a slow call only says how long the task
	// ran ("occupied the CPU …", e.g. the first call on a busy machine): not a failure.
	const slow = /has occupied the CPU for an unreasonable amount of time/;
	const unresolved = smoldotWarnings
		.filter((w) => !slow.test(w))
		.filter((w) => /unresolved|host function|failed to compile|runtime/i.test(w));
	assert.deepEqual(unresolved, [], 'smoldot executed the runtime without a warning about it');
	if (smoldotWarnings.length) console.log(`smoldot warnings (not about the runtime):\n${smoldotWarnings.join('\n')}`);
});

test('a signed LiveChain.publish_model submitted through the light client is finalized', { timeout: 300_000 }, async () => {
	assert.ok(light, 'the light client is connected');
	const t0 = Date.now();
	const uri = rawCid('published through smoldot');
	const { tx, block } = await publishModel(light.api, signer, { uri, hash: chHash });
	console.log(`MEASURED publish_model through the light client: finalized in block #${block.number}, ${seconds(Date.now() - t0)} s after submission`);
	const codecs = await getTypedCodecs(blockful);
	const raw = await fullRpc('state_getStorage', [await light.api.query.LiveChain.Txs.getKey(tx), block.hash]);
	assert.ok(raw, 'the full node has the model at that block');
	const seen = codecs.query.LiveChain.Txs.value.dec(raw);
	assert.equal(new TextDecoder().decode(seen.uri), uri);
	const { value: report } = await atLightFinalized('verify', (at) => verifyLiveChain(light.api, at));
	assert.equal(report.ok, true);
});
