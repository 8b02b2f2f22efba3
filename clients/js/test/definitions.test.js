// Offline tests of the definitions: they decorate @polkadot/rpc-core, encode the right
// JSON-RPC parameters (also for omitted optional ones) and decode the node's JSON results;
// the helpers fall back to raw provider calls. A test against a real node is in
// explorer/test/explorer.test.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TypeRegistry } from '@polkadot/types';
import { RpcCore } from '@polkadot/rpc-core';
import { firstValueFrom } from 'rxjs';
import {
	SPEC_NAME, rpc, rpcMethods, typesBundle, definitions, verifyLiveChain, verifyLiveChainPaged, liveModel, lineage,
	descendants, failureTargets, redactRequestKind, uriText, THRESHOLD_PAUSED_KEY, thresholdPausedKey, awaitRedaction,
	committeeKey, setThresholdPaused,
} from '../index.js';

/** A provider that records calls and answers from a table. */
function fakeProvider(answers) {
	const sent = [];
	return {
		sent,
		isClonable: false, isConnected: true, hasSubscriptions: false,
		clone() { return this; }, connect: async () => {}, disconnect: async () => {},
		on: () => () => {}, subscribe: async () => 0, unsubscribe: async () => true,
		async send(method, params) { sent.push({ method, params }); return answers[method]; },
	};
}

const REPORT = { ok: false, txsChecked: 4, blocksChecked: 2, archiveRecordsChecked: 5, next: null,
	failures: [{ kind: 'txCheck', tx: 3 }, { kind: 'headerCheck', height: 1 }, { kind: 'archiveLink', seq: 7 }],
	truncated: false };
const MODEL = { tx: 1, owner: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY', uri: '0x6d31',
	uriText: 'm1', refs: [0], ch: `0x${'11'.repeat(32)}`, rand: `0x${'22'.repeat(64)}`, version: 1, height: 0 };
const LINEAGE = [
	{ seq: 0, tx: 1, version: 0, uri: '0x6d31', uriText: 'm1', reason: 'published', request: null, blockNumber: 3 },
	{ seq: 5, tx: 1, version: 1, uri: '0x6d3127', uriText: "m1'", reason: 'replaced', request: 0, blockNumber: 9 },
];
/** `api.rpc` as ApiPromise shows it: the observables of rpc-core as promises. */
function promiseRpc(core) {
	const out = {};
	for (const section of core.sections) {
		if (!core[section]) continue;
		out[section] = {};
		for (const [name, fn] of Object.entries(core[section])) out[section][name] = (...a) => firstValueFrom(fn(...a));
	}
	return out;
}

const ANSWERS = {
	blockful_verifyLiveChain: REPORT, blockful_verifyLiveChainPage: REPORT, blockful_verifyLiveChainSince: REPORT,
	blockful_liveModel: MODEL, blockful_lineage: LINEAGE,
	blockful_descendants: [2, 3],
};

test('definitions have the @polkadot/api rpc shape and the bundle is keyed by the spec name', () => {
	assert.equal(SPEC_NAME, 'blockful');
	assert.deepEqual(Object.keys(rpc), ['blockful']);
	assert.deepEqual(rpcMethods.sort(), ['blockful_descendants', 'blockful_lineage', 'blockful_liveModel',
		'blockful_verifyLiveChain', 'blockful_verifyLiveChainPage', 'blockful_verifyLiveChainSince']);
	for (const [name, def] of Object.entries(rpc.blockful)) {
		assert.equal(typeof def.description, 'string', name);
		assert.ok(Array.isArray(def.params), name);
		assert.equal(typeof def.type, 'string', name);
		const last = def.params[def.params.length - 1];
		assert.equal(last.name, 'at', `${name}: the block hash comes last`);
		assert.ok(last.isOptional && last.isHistoric, name);
	}
	const shape = (m) => rpc.blockful[m].params.map((p) => [p.name, p.type, !!p.isOptional]);
	assert.deepEqual(shape('verifyLiveChain'), [['at', 'BlockHash', true]]);
	assert.deepEqual(shape('verifyLiveChainPage'), [['from', 'u64', false], ['count', 'u64', false], ['at', 'BlockHash', true]]);
	assert.deepEqual(shape('verifyLiveChainSince'), [['since', 'u64', false], ['at', 'BlockHash', true]]);
	assert.equal(typesBundle.spec.blockful.rpc, rpc);
	assert.equal(definitions.rpc, rpc);
	assert.deepEqual(JSON.parse(readFileSync(new URL('../rpc.json', import.meta.url))), JSON.parse(JSON.stringify(rpc)),
		'rpc.json is up to date (npm run rpc-json)');
});

test('rpc-core decorates the methods, encodes optional params and decodes JSON results', async () => {
	const registry = new TypeRegistry();
	const provider = fakeProvider(ANSWERS);
	const raw = new RpcCore('test', registry, { provider, userRpc: rpc });
	assert.equal(typeof raw.blockful.verifyLiveChain, 'function');
	const core = promiseRpc(raw);

	const r0 = await core.blockful.verifyLiveChain();
	assert.deepEqual(provider.sent.at(-1), { method: 'blockful_verifyLiveChain', params: [] });
	assert.deepEqual(r0.toJSON(), REPORT);
	await core.blockful.verifyLiveChainPage(0, 10);
	assert.deepEqual(provider.sent.at(-1), { method: 'blockful_verifyLiveChainPage', params: [0, 10] });
	await core.blockful.verifyLiveChainSince(7, `0x${'cd'.repeat(32)}`);
	assert.deepEqual(provider.sent.at(-1), { method: 'blockful_verifyLiveChainSince', params: [7, `0x${'cd'.repeat(32)}`] });
	const lin = await core.blockful.lineage(1);
	assert.deepEqual(provider.sent.at(-1), { method: 'blockful_lineage', params: [1] });
	assert.deepEqual(lin.toJSON(), LINEAGE);
	assert.deepEqual((await core.blockful.descendants(0)).toJSON(), [2, 3]);
	assert.deepEqual((await core.blockful.liveModel(1)).toJSON(), MODEL);
});

test('helpers work through decorated methods and through the raw provider', async () => {
	const registry = new TypeRegistry();
	const provider = fakeProvider(ANSWERS);
	const decorated = { rpc: promiseRpc(new RpcCore('t', registry, { provider, userRpc: rpc })), provider };
	const raw = { rpc: {}, provider };
	for (const api of [decorated, raw]) {
		const last = () => provider.sent.at(-1);
		assert.deepEqual(await verifyLiveChain(api), REPORT);
		assert.deepEqual(last(), { method: 'blockful_verifyLiveChain', params: [] });
		await verifyLiveChain(api, { count: 5 });
		assert.deepEqual(last(), { method: 'blockful_verifyLiveChainPage', params: [0, 5] });
		await verifyLiveChain(api, { from: 2, count: 5 });
		assert.deepEqual(last().params, [2, 5]);
		await verifyLiveChain(api, { since: 9n });
		assert.deepEqual(last(), { method: 'blockful_verifyLiveChainSince', params: [9] });
		const at = `0x${'ab'.repeat(32)}`;
		await verifyLiveChain(api, { at });
		assert.deepEqual(last(), { method: 'blockful_verifyLiveChain', params: [at] });
		const paged = await verifyLiveChainPaged(api, { pageSize: 2 });
		assert.equal(paged.pages, 1);
		assert.equal(paged.failures.length, 3);
		assert.deepEqual(await liveModel(api, 1n), MODEL);
		assert.deepEqual(provider.sent.at(-1).params, [1]);
		assert.deepEqual(await lineage(api, 1), LINEAGE);
		assert.deepEqual(await descendants(api, 0), [2, 3]);
	}
});

test('verifyLiveChainPaged with since follows each page\'s next block to the end', async () => {
	// Three pages of what changed since block 5: blocks 5.., 9.., 12.. (the last one failing).
	const pages = { 5: { ok: true, txsChecked: 1000, blocksChecked: 3, archiveRecordsChecked: 2000, next: 9, failures: [], truncated: false },
		9: { ok: true, txsChecked: 1100, blocksChecked: 4, archiveRecordsChecked: 2200, next: 12, failures: [], truncated: false },
		12: { ok: false, txsChecked: 7, blocksChecked: 1, archiveRecordsChecked: 14, next: null,
			failures: [{ kind: 'txCheck', tx: 3 }], truncated: false } };
	const sent = [];
	const provider = { async send(method, params) { sent.push({ method, params }); return pages[params[0]]; } };
	const merged = await verifyLiveChainPaged({ rpc: {}, provider }, { since: 5 });
	assert.deepEqual(sent.map((s) => [s.method, s.params]), [
		['blockful_verifyLiveChainSince', [5]], ['blockful_verifyLiveChainSince', [9]], ['blockful_verifyLiveChainSince', [12]]]);
	assert.deepEqual([merged.pages, merged.ok, merged.txsChecked, merged.blocksChecked, merged.archiveRecordsChecked],
		[3, false, 2107, 8, 4214]);
	assert.deepEqual(merged.failures, [{ kind: 'txCheck', tx: 3 }]);
});

test('failureTargets, redactRequestKind and uriText', () => {
	const t = failureTargets(REPORT);
	assert.deepEqual([...failureTargets({ failures: [{ kind: 'lineageMismatch', tx: 2, seq: 4 }] }).seqs], [4]);
	assert.deepEqual([...t.txs], [3]);
	assert.deepEqual([...t.heights], [1]);
	assert.deepEqual([...t.seqs], [7]);
	assert.deepEqual([...failureTargets(null).txs], []);
	const fake = (type) => ({ tx: { liveChain: { redact: { meta: { args: [
		{ name: { toString: () => 'request' }, type: { toString: () => type } }] } } } } });
	assert.equal(redactRequestKind(fake('Option<u64>')), 'optional');
	assert.equal(redactRequestKind(fake('u64')), 'required');
	assert.equal(redactRequestKind({ tx: {} }), undefined);
	assert.equal(uriText('0x6d31'), 'm1');
	assert.equal(uriText('0xff'), '0xff');
	assert.equal(uriText(null), '');
});

test('thresholdPausedKey: the node-wide key and the per-member key (prefix, "/", 32 account bytes)', () => {
	const hex = (str) => Buffer.from(str).toString('hex');
	assert.equal(THRESHOLD_PAUSED_KEY, 'blockful/threshold/paused');
	assert.equal(thresholdPausedKey(), `0x${hex('blockful/threshold/paused')}`);
	const alice = 'd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d';
	assert.equal(thresholdPausedKey(`0x${alice}`), `0x${hex('blockful/threshold/paused/')}${alice}`);
	assert.equal(thresholdPausedKey(Uint8Array.from(Buffer.from(alice, 'hex'))), `0x${hex('blockful/threshold/paused/')}${alice}`);
	assert.throws(() => thresholdPausedKey('0x1234'), /32 bytes/);
});

/** Codec-like numbers and a fake api whose blocks carry the given threshold events. */
const num = (n) => ({ toNumber: () => n });
const ev = (method, data) => ({ event: { section: 'threshold', method, data } });
function fakeChain(blocks) {
	let best = 0;
	return {
		grow() { best = Math.min(best + 1, blocks.length - 1); },
		api: {
			rpc: { chain: {
				getHeader: async () => ({ number: num(best) }),
				getBlockHash: async (n) => ({ toHex: () => `0x${String(n).padStart(64, '0')}`, n }),
			} },
			query: { system: { events: { at: async (h) => blocks[h.n] ?? [] } } },
			registry: { findMetaError: () => ({ section: 'unlearning', name: 'RequestNotOpen' }) },
		},
	};
}

test('awaitRedaction follows a proposal through restarts to RedactionApplied, and rejects on ProposalDropped', async () => {
	const blocks = [
		[],
		[ev('RedactionProposed', { proposal: num(7), request: num(3), items: num(2) })],
		[ev('SignersChosen', { proposal: num(6), attempt: num(0), signers: [num(1)] })],
		[ev('SigningRestarted', { proposal: num(7), attempt: num(1) })],
		[ev('SignersChosen', { proposal: num(7), attempt: num(1), signers: [num(1), num(2), num(3)] })],
		[ev('RedactionApplied', { proposal: num(6), request: num(2), signers: [num(1)], attempts: num(1) })],
		[ev('RedactionApplied', { proposal: num(7), request: num(3), signers: [num(1), num(2), num(3)], attempts: num(2) })],
	];
	const chain = fakeChain(blocks);
	const timer = setInterval(() => chain.grow(), 5);
	try {
		const byRequest = await awaitRedaction(chain.api, { request: 3, fromBlock: 0, intervalMs: 5, timeoutMs: 5000 });
		assert.deepEqual({ ...byRequest, events: undefined, blockHash: undefined }, {
			proposal: 7, request: 3, signers: [1, 2, 3], attempts: 2, blockNumber: 6, blockHash: undefined,
			restarts: [1], signersChosen: [{ attempt: 1, signers: [1, 2, 3] }], events: undefined,
		});
		const byProposal = await awaitRedaction(chain.api, { proposal: 6, fromBlock: 1, intervalMs: 5 });
		assert.equal(byProposal.blockNumber, 5);
		const dropped = fakeChain([[], [ev('ProposalDropped', { proposal: num(1), error: { isModule: true, asModule: {} } })]]);
		dropped.grow();
		await assert.rejects(awaitRedaction(dropped.api, { proposal: 1, fromBlock: 0, intervalMs: 5 }),
			(e) => e.module?.name === 'RequestNotOpen' && /dropped in block #1/.test(e.message));
		await assert.rejects(awaitRedaction(fakeChain([[]]).api, { proposal: 1, fromBlock: 0, intervalMs: 5, timeoutMs: 30 }), /not applied/);
		await assert.rejects(awaitRedaction(chain.api, {}), /proposal or a request/);
	} finally {
		clearInterval(timer);
	}
});

test('committeeKey reads the active epoch\'s key; setThresholdPaused writes the flag through the RPC', async () => {
	const some = (v) => ({ isNone: false, isSome: true, unwrap: () => v });
	const none = { isNone: true, isSome: false };
	const pk = new Uint8Array(32).fill(7);
	const hex = `0x${'07'.repeat(32)}`;
	const key = { members: ['5A', '5B'], qualified: [num(1), num(2)], package: {
		groupKey: { toHex: () => hex }, threshold: num(2), verificationShares: [[num(1), { toHex: () => '0x01' }]] } };
	let epoch = none;
	const api = { query: {
		threshold: { activeEpoch: async () => epoch, keys: async (e) => (e === 4 ? some(key) : none) },
		liveChain: { chPublicKey: async () => some({ toU8a: () => pk }) },
	} };
	assert.equal(await committeeKey(api), null);
	epoch = some(num(4));
	const k = await committeeKey(api);
	assert.deepEqual({ ...k, publicKey: [...k.publicKey] }, {
		epoch: 4, groupKey: hex, publicKey: [...pk], threshold: 2, members: ['5A', '5B'], qualified: [1, 2],
		verificationShares: [[1, '0x01']], matchesLiveChain: true,
	});
	assert.equal(await committeeKey({ query: {} }), null, 'a runtime without the Threshold pallet');

	const sent = [];
	const raw = { rpc: {}, provider: { send: async (m, p) => { sent.push([m, p]); return null; } } };
	const all = await setThresholdPaused(raw, true);
	assert.deepEqual(sent.at(-1), ['offchain_localStorageSet', ['PERSISTENT', all, '0x01']]);
	const one = await setThresholdPaused(raw, false, `0x${'ab'.repeat(32)}`);
	assert.deepEqual(sent.at(-1), ['offchain_localStorageSet', ['PERSISTENT', one, '0x']]);
	assert.ok(one.endsWith('2f' + 'ab'.repeat(32)));
});

test('without a blockful_* RPC (a light client) the helpers answer through LiveChainApi, in the RPC\'s JSON shape', async () => {
	const sent = [];
	const codec = (json, extra = {}) => ({ toJSON: () => json, ...extra });
	const ok = (value) => ({ isOk: true, asOk: value });
	const calls = {
		verifyLiveChain: async () => codec({ ok: false, txsChecked: 2, blocksChecked: 1, archiveRecordsChecked: 3, next: null,
			failures: [{ txCheck: { tx: 1 } }, { lineageMismatch: { tx: 0, seq: 2 } }], truncated: false }),
		liveModel: async (tx) => (tx === 7 ? { isOk: false, asErr: { type: 'UnknownTx' } }
			: ok(codec({ tx, uri: '0x6d30', refs: [], ch: '0x01', rand: '0x02', version: 1, height: 0 }, { owner: { toString: () => '5Alice' } }))),
		lineage: async () => ok([codec({ seq: 4, hash: '0xaa', prevHash: '0xbb', tx: 0, version: 1, uri: '0xff', contentHash: '0xcc',
			refs: [], ch: '0x01', rand: '0x02', blockNumber: 17 }, {
			owner: { toString: () => '5Alice' }, reason: { isRedacted: true, asRedacted: { request: { toNumber: () => 3 } } },
		})]),
	};
	const api = {
		_rpcCore: { provider: { send: async (method) => { sent.push(method); throw Object.assign(new Error('The method does not exist / is not available.'), { code: -32601 }); } } },
		call: { liveChainApi: calls },
	};
	assert.deepEqual(await verifyLiveChain(api), { ok: false, txsChecked: 2, blocksChecked: 1, archiveRecordsChecked: 3, next: null,
		failures: [{ kind: 'txCheck', tx: 1 }, { kind: 'lineageMismatch', tx: 0, seq: 2 }], truncated: false });
	assert.deepEqual(await liveModel(api, 0), { tx: 0, owner: '5Alice', uri: '0x6d30', uriText: 'm0', refs: [], ch: '0x01', rand: '0x02', version: 1, height: 0 });
	await assert.rejects(liveModel(api, 7), /unknown transaction 7/);
	const [v] = await lineage(api, 0);
	assert.equal(v.reason, 'redacted');
	assert.equal(v.request, 3);
	assert.equal(v.uriText, null, 'bytes that are not UTF-8 have no text');
	assert.deepEqual(sent, ['blockful_verifyLiveChain', 'blockful_liveModel', 'blockful_liveModel', 'blockful_lineage'], 'the RPC was tried first');
	// The RPC's block hash `at` picks the block of the runtime call, after the method's inputs.
	const pages = [];
	calls.verifyLiveChainPage = async (from, count) => { pages.push([from, count]); return calls.verifyLiveChain(); };
	api.at = async (hash) => { assert.equal(hash, '0xabc'); return { call: { liveChainApi: calls } }; };
	assert.equal((await verifyLiveChain(api, { from: 5, count: 10, at: '0xabc' })).txsChecked, 2);
	assert.deepEqual(pages, [[5, 10]]);
	assert.equal((await liveModel(api, 0, '0xabc')).uriText, 'm0');
	// Any other RPC error is not hidden.
	api._rpcCore.provider.send = async () => { throw new Error('-32000: Storage query errors'); };
	await assert.rejects(verifyLiveChain(api), /Storage query errors/);
});
