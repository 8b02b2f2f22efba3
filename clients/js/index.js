// @blockful/api-definitions: what @polkadot/api needs to know about a BlockFUL chain beyond
// its metadata. Pallets, calls, storage, events, errors and runtime APIs are described by
// the runtime's metadata (v14–v16) and need no definitions here; only the node's
// `blockful_*` JSON-RPC methods (crate `blockful-live-rpc`) do, because RPC methods are not
// part of the metadata.
//
// The methods return JSON (not SCALE): the result types below are `Json` / `Vec<Json>`
// (plain objects with camelCase keys, byte strings as 0x-hex) and `Vec<u64>`.
//
// `rawCid` and `isModelCid` make and check model CIDs, the only URIs the chain accepts.
// The helpers at the end of this file wrap the threshold committee (pallet `Threshold`):
// its key (`committeeKey`, `waitCommitteeKey`), the owners' `submitUpdate`, `proposeRedaction`, the
// wait for the committee's `RedactionApplied` (`awaitRedaction`), and the node-local pause
// flag of its members' off-chain workers (`thresholdPausedKey`, `setThresholdPaused`).

/** The runtime's `spec_name`; the key of {@link typesBundle}. */
export const SPEC_NAME = 'blockful';

/** An optional block hash as the last parameter of every method (default: best block). */
const AT = { name: 'at', type: 'BlockHash', isHistoric: true, isOptional: true };
const TX = { name: 'tx', type: 'u64' };

const REPORT_DOC = 'returns { ok, txsChecked, blocksChecked, archiveRecordsChecked, next, failures: [{ kind, tx|height|seq }], truncated }.';

/**
 * The `blockful_*` RPC methods in @polkadot/api's `rpc` option shape:
 * `ApiPromise.create({ provider, rpc })` decorates `api.rpc.blockful.*`.
 */
export const rpc = {
	blockful: {
		verifyLiveChain: {
			description:
				'Checks every transaction CH, header CH, Merkle root, parent link and the archive hash chain ' +
				`(linear in the chain); ${REPORT_DOC}`,
			params: [AT],
			type: 'Json',
		},
		verifyLiveChainPage: {
			description:
				'The same checks for transactions from..from+count (at most 1,000), their live blocks and archive ' +
				`lineages; \`next\` starts the next page. ${REPORT_DOC}`,
			params: [{ name: 'from', type: 'u64' }, { name: 'count', type: 'u64' }, AT],
			type: 'Json',
		},
		verifyLiveChainSince: {
			description:
				'The same checks for what changed at or after block `since`: transactions published or redacted since, ' +
				'their live blocks and archive lineages, in pages of whole blocks (about 1,000 transactions); ' +
				`\`next\` is the block the next page starts at. ${REPORT_DOC}`,
			params: [{ name: 'since', type: 'u64' }, AT],
			type: 'Json',
		},
		descendants: {
			description: 'Descendants of a model transaction (without it), in topological order.',
			params: [TX, AT],
			type: 'Vec<u64>',
		},
		lineage: {
			description:
				'Every archived version of a model transaction, oldest first: ' +
				'[{ seq, hash, prevHash, tx, version, uri, uriText, contentHash, refs, owner, ch, rand, reason, request, blockNumber }].',
			params: [TX, AT],
			type: 'Vec<Json>',
		},
		liveModel: {
			description:
				'The current version of a model transaction: { tx, owner, uri, uriText, refs, ch, rand, version, height }.',
			params: [TX, AT],
			type: 'Json',
		},
	},
};

/** Names of the JSON-RPC methods, as the node lists them in `rpc_methods`. */
export const rpcMethods = Object.keys(rpc.blockful).map((m) => `blockful_${m}`);

/**
 * An apps-config-style bundle: `ApiPromise.create({ provider, typesBundle })` picks the
 * entry whose key equals the connected runtime's spec name. No `types`: everything else
 * comes from the metadata.
 */
export const typesBundle = {
	spec: {
		[SPEC_NAME]: {
			rpc,
			types: [],
		},
	},
};

/** Options to spread into `ApiPromise.create({ provider, ...definitions })`. */
export const definitions = { rpc };

// ---------------------------------------------------------------------------------------
// helpers

/** Drops trailing absent (`undefined`/`null`) arguments: the node applies its defaults. */
function trimArgs(args) {
	const out = [...args];
	while (out.length && (out[out.length - 1] === undefined || out[out.length - 1] === null)) out.pop();
	return out;
}

/** Whether `error` says the node has no such JSON-RPC method (JSON-RPC -32601; a light
 * client such as smoldot serves no `blockful_*` method). */
function isMethodMissing(error) {
	const text = `${error?.code ?? ''} ${error?.message ?? error}`;
	return /-32601|method not found|method .*(does not exist|not available|not supported)|unknown method/i.test(text);
}

/** Text of a decoded `Vec<u8>` URI (hex) where it is UTF-8, else `null` (as the RPC does). */
function textOf(hex) {
	const text = uriText(hex);
	return text === hex ? null : text;
}

/** The `blockful_*` method's answer computed from its runtime API (`LiveChainApi`), in the
 * RPC's JSON shape: what a client without the custom RPC (a light client) gets. */
const RUNTIME_API = {
	verifyLiveChain: (calls) => calls.verifyLiveChain().then(reportJson),
	verifyLiveChainPage: (calls, from, count) => calls.verifyLiveChainPage(from, count).then(reportJson),
	verifyLiveChainSince: (calls, since) => calls.verifyLiveChainSince(since).then(reportJson),
	descendants: (calls, tx) => calls.descendants(tx).then((r) => okOf(r, tx).toJSON()),
	lineage: (calls, tx) => calls.lineage(tx).then((r) => okOf(r, tx).map((v) => {
		const j = v.toJSON();
		const redacted = v.reason.isRedacted;
		return {
			seq: j.seq, hash: j.hash, prevHash: j.prevHash, tx: j.tx, version: j.version, uri: j.uri, uriText: textOf(j.uri),
			contentHash: j.contentHash, refs: j.refs, owner: v.owner.toString(), ch: j.ch, rand: j.rand,
			reason: redacted ? 'redacted' : 'published', request: redacted ? v.reason.asRedacted.request.toNumber() : null,
			blockNumber: j.blockNumber,
		};
	})),
	liveModel: (calls, tx) => calls.liveModel(tx).then((r) => {
		const m = okOf(r, tx);
		const j = m.toJSON();
		return { tx: j.tx, owner: m.owner.toString(), uri: j.uri, uriText: textOf(j.uri), refs: j.refs, ch: j.ch, rand: j.rand, version: j.version, height: j.height };
	}),
};

/** The `Ok` of a runtime API `Result`, or the RPC's error for its `QueryError`. */
function okOf(result, tx) {
	if (result.isOk) return result.asOk;
	const kind = result.asErr.type;
	throw new Error(kind === 'UnknownTx' ? `unknown transaction ${tx}` : `${kind} (transaction ${tx})`);
}

/** An integrity report in the RPC's JSON shape (`failures: [{ kind, tx | height | seq }]`). */
function reportJson(report) {
	const j = report.toJSON();
	return {
		ok: j.ok, txsChecked: j.txsChecked, blocksChecked: j.blocksChecked, archiveRecordsChecked: j.archiveRecordsChecked,
		next: j.next ?? null,
		failures: (j.failures ?? []).map((f) => {
			const [kind, fields] = Object.entries(f)[0];
			return { kind, ...fields };
		}),
		truncated: j.truncated,
	};
}

/** The same answer through the runtime API. `args` are the RPC method's: its inputs (as
 * many as its `RUNTIME_API` entry takes after `calls`), then the block hash `at` (default:
 * best). */
async function viaRuntimeApi(api, method, args) {
	const answer = RUNTIME_API[method];
	const inputs = args.slice(0, answer.length - 1);
	const at = args[answer.length - 1];
	const target = at ? await api.at(at) : api;
	const calls = target.call?.liveChainApi;
	if (!calls) throw new Error(`blockful_${method}: the node serves no such RPC and the runtime no LiveChainApi`);
	return answer(calls, ...inputs);
}

/** Calls `blockful_<method>`: through the decorated RPC, else through the raw provider (an
 * api created without these definitions), else — on a node without the custom RPC, such
 * as a smoldot light client — through the runtime API behind it, in the same JSON shape. */
async function call(api, method, args) {
	try {
		const section = api.rpc?.blockful;
		if (section && typeof section[method] === 'function') {
			const result = await section[method](...args);
			return result.toJSON();
		}
		// @polkadot/api leaves out methods the node does not list in `rpc_methods`; its
		// provider is `_rpcCore.provider` (a bare provider-like object has `provider`).
		const provider = api.provider ?? api._rpcCore?.provider;
		if (!provider) return await viaRuntimeApi(api, method, args);
		const params = args.map((a) => (a === undefined ? null : (a?.toJSON ? a.toJSON() : (a?.toHex ? a.toHex() : a))));
		return await provider.send(`blockful_${method}`, params);
	} catch (e) {
		if (!isMethodMissing(e)) throw e;
		return viaRuntimeApi(api, method, args);
	}
}

const toNumberish = (v) => (v === undefined || v === null ? v : Number(v));

/**
 * Integrity check. Without `from`/`count`/`since` the full check (`blockful_verifyLiveChain`);
 * with `from` and `count` one page (`blockful_verifyLiveChainPage`, the report's `next`
 * starts the next page); with `since` one page of what changed at or after that block
 * (`blockful_verifyLiveChainSince`, `next` the block the next page starts at). `at` picks the block (default: best).
 */
export async function verifyLiveChain(api, opts = {}) {
	const { from, count, since, at } = opts;
	if (from !== undefined || count !== undefined) {
		return call(api, 'verifyLiveChainPage', trimArgs([toNumberish(from ?? 0), toNumberish(count ?? 1000), at]));
	}
	if (since !== undefined) return call(api, 'verifyLiveChainSince', trimArgs([toNumberish(since), at]));
	return call(api, 'verifyLiveChain', trimArgs([at]));
}

/**
 * Full check in pages of `pageSize` transactions (`blockful_verifyLiveChainPage`), merged
 * into one report; for chains too large for one `blockful_verifyLiveChain` call. With
 * `since`, every page of what changed at or after that block (`blockful_verifyLiveChainSince`
 * from each report's `next`) instead. The merged report counts its `pages`.
 */
export async function verifyLiveChainPaged(api, { pageSize = 1000, since, at } = {}) {
	const merged = { ok: true, txsChecked: 0, blocksChecked: 0, archiveRecordsChecked: 0, next: null, failures: [], truncated: false, pages: 0 };
	const pageAt = since === undefined
		? (next) => verifyLiveChain(api, { from: next ?? 0, count: pageSize, at })
		: (next) => verifyLiveChain(api, { since: next ?? since, at });
	let next = null;
	for (;;) {
		const page = await pageAt(next);
		merged.pages += 1;
		merged.ok &&= page.ok;
		merged.txsChecked += Number(page.txsChecked ?? 0);
		merged.blocksChecked += Number(page.blocksChecked ?? 0);
		merged.archiveRecordsChecked += Number(page.archiveRecordsChecked ?? 0);
		merged.failures.push(...(page.failures ?? []));
		merged.truncated ||= !!page.truncated;
		if (page.next === null || page.next === undefined) return merged;
		next = Number(page.next);
	}
}

/** The current version of model `tx`. */
export async function liveModel(api, tx, at) {
	return call(api, 'liveModel', trimArgs([toNumberish(tx), at]));
}

/** Every archived version of model `tx`, oldest first. */
export async function lineage(api, tx, at) {
	return call(api, 'lineage', trimArgs([toNumberish(tx), at]));
}

/** Descendants of model `tx` (without it), topological order. */
export async function descendants(api, tx, at) {
	return call(api, 'descendants', trimArgs([toNumberish(tx), at]));
}

/**
 * Splits an integrity report's failures by what they name: `txs` (transaction ids),
 * `heights` (live blocks) and `seqs` (archive records), each a Set of numbers.
 */
export function failureTargets(report) {
	const txs = new Set();
	const heights = new Set();
	const seqs = new Set();
	for (const f of report?.failures ?? []) {
		if (f.tx !== undefined) txs.add(Number(f.tx));
		if (f.height !== undefined) heights.add(Number(f.height));
		if (f.seq !== undefined) seqs.add(Number(f.seq));
	}
	return { txs, heights, seqs };
}

/**
 * How `LiveChain.redact` takes its request id in the connected runtime, read from the
 * metadata: `'optional'` (`Option<u64>`), `'required'` (`u64`) or `undefined` when the call
 * is absent. Passing a plain number works for both; this tells a client which it is.
 */
export function redactRequestKind(api) {
	const fn = api.tx?.liveChain?.redact;
	if (!fn) return undefined;
	const arg = fn.meta.args.find((a) => a.name.toString() === 'request') ?? fn.meta.args[0];
	const typeName = arg.type.toString();
	return /^Option</.test(typeName) ? 'optional' : 'required';
}

/** Text of a `Bytes`/hex URI, falling back to the hex. */
export function uriText(value) {
	if (value === null || value === undefined) return '';
	if (typeof value === 'object' && typeof value.toUtf8 === 'function') {
		try { return value.toUtf8(); } catch { return value.toHex(); }
	}
	if (typeof value === 'string' && /^0x([0-9a-f]{2})*$/i.test(value)) {
		const bytes = new Uint8Array(value.slice(2).match(/../g)?.map((h) => parseInt(h, 16)) ?? []);
		try { return new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { return value; }
	}
	return String(value);
}

// ---------------------------------------------------------------------------------------
// model CIDs
//
// A model's URI on chain is the CID IPFS gives its bytes (`ipfs add --cid-version 1`, raw
// leaves, 256 KiB chunks): a CIDv1 in multibase base32 lower-case (prefix `b`), codec `raw`
// (0x55, a file of at most one chunk) or `dag-pb` (0x70, the root of a longer one), with a
// sha2-256 multihash: 59 characters, `bafkrei…` or `bafybei…`. The runtime
// (`blockful-model-cid`) accepts exactly the canonical strings of such CIDs:
// `liveChain.EmptyUri` for an empty URI, `liveChain.MalformedUri` for anything else.
// Pure JavaScript (no node:crypto), so that it also runs in the browser.

/** Length of a model CID's string: `b` + base32 of its 36 bytes. */
const CID_STR_LEN = 59;
/** The largest file that is one raw block (`ipfs add`'s default chunk size, 256 KiB). */
const RAW_CID_MAX_BYTES = 262_144;
/** The base32 alphabet of multibase `b` (RFC 4648, lower case, no padding). */
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

const SHA256_K = new Uint32Array([
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 (FIPS 180-4) of `data`, 32 bytes. Synchronous and dependency-free. */
function sha256(data) {
	const bitLen = data.length * 8;
	const padded = new Uint8Array(((data.length + 9 + 63) >> 6) << 6);
	padded.set(data);
	padded[data.length] = 0x80;
	const view = new DataView(padded.buffer);
	view.setUint32(padded.length - 8, Math.floor(bitLen / 0x1_0000_0000));
	view.setUint32(padded.length - 4, bitLen >>> 0);
	const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
	const w = new Uint32Array(64);
	const rotr = (x, n) => (x >>> n) | (x << (32 - n));
	for (let off = 0; off < padded.length; off += 64) {
		for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + 4 * i);
		for (let i = 16; i < 64; i++) {
			const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
			const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
			w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
		}
		let [a, b, c, d, e, f, g, hh] = h;
		for (let i = 0; i < 64; i++) {
			const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + SHA256_K[i] + w[i]) >>> 0;
			const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
			hh = g; g = f; f = e; e = (d + t1) >>> 0; d = c; c = b; b = a; a = (t1 + t2) >>> 0;
		}
		h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
	}
	const out = new Uint8Array(32);
	const ov = new DataView(out.buffer);
	for (let i = 0; i < 8; i++) ov.setUint32(4 * i, h[i]);
	return out;
}

/** RFC 4648 base32, lower case, no padding. */
function base32(bytes) {
	let out = '';
	let acc = 0;
	let bits = 0;
	for (const b of bytes) {
		acc = ((acc << 8) | b) & 0xfff;
		bits += 8;
		while (bits >= 5) {
			bits -= 5;
			out += BASE32[(acc >> bits) & 31];
		}
	}
	if (bits > 0) out += BASE32[(acc << (5 - bits)) & 31];
	return out;
}

/**
 * The model CID of a file of at most 256 KiB: the CIDv1 (codec `raw`, sha2-256, base32
 * lower-case) that `ipfs add --cid-version 1` prints for it, e.g. `rawCid('')` is
 * `bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku`. `bytes` is a `Uint8Array`
 * (the file's bytes) or a string (hashed as its UTF-8 bytes, e.g. a test label). A longer
 * file is a dag-pb DAG whose root CID this does not compute (the Rust store does): it
 * throws a RangeError.
 */
export function rawCid(bytes) {
	let data;
	if (typeof bytes === 'string') data = new TextEncoder().encode(bytes);
	else if (bytes instanceof Uint8Array) data = bytes;
	else if (ArrayBuffer.isView(bytes)) data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	else if (bytes instanceof ArrayBuffer) data = new Uint8Array(bytes);
	else throw new TypeError(`rawCid takes a Uint8Array or a string, not ${bytes === null ? 'null' : typeof bytes}`);
	if (data.length > RAW_CID_MAX_BYTES) {
		throw new RangeError(`rawCid: ${data.length} bytes is more than one raw block (${RAW_CID_MAX_BYTES} bytes, 256 KiB); `
			+ 'IPFS stores a longer file as a dag-pb DAG whose root CID this does not compute');
	}
	const cid = new Uint8Array(36);
	cid.set([0x01, 0x55, 0x12, 0x20], 0);
	cid.set(sha256(data), 4);
	return `b${base32(cid)}`;
}

/**
 * Whether `uri` is a model CID as the runtime checks it: 59 characters, `b` then lower-case
 * base32 decoding to 36 bytes — version 0x01, codec 0x55 (raw) or 0x70 (dag-pb), multihash
 * 0x12 (sha2-256) of length 0x20 — in the canonical encoding (the last character's 2 spare
 * bits zero). Anything else (another base, CIDv0 `Qm…`, upper case, padding) is `false`.
 */
export function isModelCid(uri) {
	if (typeof uri !== 'string' || uri.length !== CID_STR_LEN || uri[0] !== 'b') return false;
	const bytes = new Uint8Array(36);
	let acc = 0;
	let bits = 0;
	let n = 0;
	for (let i = 1; i < CID_STR_LEN; i++) {
		const v = BASE32.indexOf(uri[i]);
		if (v < 0) return false;
		acc = (acc << 5) | v;
		bits += 5;
		if (bits >= 8) {
			bits -= 8;
			bytes[n++] = (acc >> bits) & 0xff;
			acc &= (1 << bits) - 1;
		}
	}
	if (acc !== 0) return false; // trailing bits: not the canonical string
	return bytes[0] === 0x01 && (bytes[1] === 0x55 || bytes[1] === 0x70) && bytes[2] === 0x12 && bytes[3] === 0x20;
}

// ---------------------------------------------------------------------------------------
// the threshold committee (pallet `Threshold`)
//
// The live chain's chameleon-hash key is the committee's group key, made by a DKG among the
// committee members' nodes; no party holds its trapdoor. Every affected model's owner
// submits its new version (`unlearning.submitUpdate(request, tx, { Replace: uri } |
// 'Unchanged')`, {@link submitUpdate}); anyone then queues the redaction of those URIs
// (`threshold.proposeRedaction(request)`, {@link proposeRedaction}); it is signed by t of
// n members' off-chain workers, which post unsigned `threshold.submit`
// messages; the runtime aggregates the collisions and applies the redaction
// (`threshold.RedactionApplied`). Nobody computes collisions on the client any more.

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const hexOf = (bytes) => `0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;

/** Bytes of a `Uint8Array`, a 0x-hex string or a codec (`toU8a`). */
function bytesOf(value) {
	if (value instanceof Uint8Array) return value;
	if (typeof value === 'string' && /^0x([0-9a-f]{2})*$/i.test(value)) {
		return new Uint8Array(value.slice(2).match(/../g)?.map((h) => parseInt(h, 16)) ?? []);
	}
	if (value && typeof value.toU8a === 'function') return value.toU8a(true);
	throw new TypeError(`not bytes: ${String(value)}`);
}

/** `{ section, name }` of a dispatch error (module errors), else its string. */
function describeDispatchError(api, err) {
	if (err?.isModule) {
		const { section, name } = api.registry.findMetaError(err.asModule);
		return { section, name, text: `${section}.${name}` };
	}
	return { section: null, name: null, text: String(err) };
}

/**
 * The committee key the live chain uses, or `null` while the DKG has not completed:
 * `{ epoch, groupKey, publicKey, threshold, members, qualified, verificationShares,
 * matchesLiveChain }`. `groupKey` is 0x-hex; `publicKey` is `LiveChain.ChPublicKey` as
 * 32 bytes (the key to compute a new model's chameleon hash with); `members` lists member
 * `i` (1-based) at index `i − 1` (the committee's accounts sorted by their bytes);
 * `verificationShares` is `[[i, Y_i hex]]`. `at` reads at a block hash.
 */
export async function committeeKey(api, at) {
	const q = at ? (await api.at(at)).query : api.query;
	if (!q.threshold) return null;
	const epoch = await q.threshold.activeEpoch();
	if (epoch.isNone) return null;
	const e = epoch.unwrap().toNumber();
	const [key, ch] = await Promise.all([q.threshold.keys(e), q.liveChain.chPublicKey()]);
	if (key.isNone || ch.isNone) return null;
	const k = key.unwrap();
	const pkg = k.package;
	const groupKey = pkg.groupKey.toHex();
	const publicKey = ch.unwrap().toU8a(true);
	return {
		epoch: e,
		groupKey,
		publicKey,
		threshold: pkg.threshold.toNumber(),
		members: k.members.map((m) => m.toString()),
		qualified: k.qualified.map((i) => i.toNumber()),
		verificationShares: pkg.verificationShares.map(([i, y]) => [i.toNumber(), y.toHex()]),
		matchesLiveChain: hexOf(publicKey) === groupKey,
	};
}

/**
 * Waits until the committee's DKG has installed the live chain's key (`committeeKey` not
 * null and the key is `LiveChain.ChPublicKey`); resolves to it. Rejects after `timeoutMs`.
 */
export async function waitCommitteeKey(api, { timeoutMs = 120_000, intervalMs = 500 } = {}) {
	const end = Date.now() + timeoutMs;
	for (;;) {
		const key = await committeeKey(api);
		if (key?.matchesLiveChain) return key;
		if (Date.now() > end) throw new Error(`no committee key after ${timeoutMs} ms (DKG not completed)`);
		await sleep(intervalMs);
	}
}

/**
 * Signs and sends `tx` as `signer`; resolves once in a block to `{ blockHash, blockNumber,
 * events, ...pick(events) }`, rejects on a dispatch error with an Error whose `module` is
 * `{ section, name }`, or when the pool drops it.
 */
function sendInBlock(api, signer, tx, label, options, pick) {
	return new Promise((resolve, reject) => {
		let unsub = null;
		let done = false;
		const finish = (f) => { done = true; unsub?.(); f(); };
		tx.signAndSend(signer, { nonce: -1, ...options }, ({ status, events, dispatchError }) => {
			if (dispatchError) {
				const d = describeDispatchError(api, dispatchError);
				const e = new Error(`${label} failed: ${d.text}`);
				e.module = d.section ? { section: d.section, name: d.name } : null;
				e.dispatchError = dispatchError;
				finish(() => reject(e));
			} else if (status.isInBlock) {
				const hash = status.asInBlock;
				api.rpc.chain.getHeader(hash).then((header) => finish(() => resolve({
					...pick(events),
					blockHash: hash.toHex(),
					blockNumber: header.number.toNumber(),
					events,
				})), (e) => finish(() => reject(e)));
			} else if (status.isInvalid || status.isDropped || status.isUsurped) {
				finish(() => reject(new Error(`${label}: transaction ${status.type}`)));
			}
		}).then((u) => { unsub = u; if (done) u(); }, reject);
	});
}

/**
 * Signs and sends `unlearning.submitUpdate(request, tx, update)` as `signer`, the owner of
 * model `tx`: `uri` (a model CID, {@link rawCid}) is the model's new version, `null` means
 * `Unchanged` (parallel paradigm, inherited models only). Only the owner may submit —
 * except, in the parallel paradigm after the owners' window (`unlearning.updateWindow`
 * blocks), the public-data update of an inherited model whose owner did not answer
 * (`fallback: true`). Resolves once in a block to `{ request, tx, fallback, blockHash,
 * blockNumber, events }`; rejects with `module` (e.g. `unlearning.FallbackTooEarly`,
 * `unlearning.NotModelOwner`, `unlearning.SequentialOutOfOrder`, `liveChain.MalformedUri`).
 */
export function submitUpdate(api, signer, request, tx, uri, options = {}) {
	const update = uri == null ? 'Unchanged' : { Replace: uri };
	return sendInBlock(api, signer, api.tx.unlearning.submitUpdate(request, tx, update), 'unlearning.submitUpdate', options, (events) => {
		const ev = events.find(({ event }) => event.section === 'unlearning' && event.method === 'UpdateSubmitted');
		return {
			request: Number(request),
			tx: Number(tx),
			fallback: ev ? ev.event.data.fallback.isTrue : null,
		};
	});
}

/**
 * Signs and sends `threshold.proposeRedaction(request)` as `signer` (anyone): queues the
 * request's next redaction, whose URIs are the owners' submissions ({@link submitUpdate})
 * — the caller chooses none. Parallel: every affected model must have its update;
 * sequential: the next submitted model whose affected parents were applied. Resolves once
 * in a block to `{ proposal, request, items, blockHash, blockNumber, events }`; rejects
 * with `module` (e.g. `unlearning.UpdateMissing`, `unlearning.NothingToPropose`,
 * `threshold.AlreadyProposed`). `options` go to `signAndSend` (default `{ nonce: -1 }`).
 */
export function proposeRedaction(api, signer, request, options = {}) {
	return sendInBlock(api, signer, api.tx.threshold.proposeRedaction(request), 'threshold.proposeRedaction', options, (events) => {
		const ev = events.find(({ event }) => event.section === 'threshold' && event.method === 'RedactionProposed');
		return {
			proposal: ev ? ev.event.data.proposal.toNumber() : null,
			request: ev ? ev.event.data.request.toNumber() : Number(request),
			items: ev ? ev.event.data.items.toNumber() : null,
		};
	});
}

/**
 * Waits for the committee to apply a redaction proposal: reads the events of every best
 * block from `fromBlock` (default: the best block at the call; pass the proposal's block
 * from `proposeRedaction`) until `threshold.RedactionApplied` for `proposal` (or, without
 * `proposal`, for `request`). Resolves to `{ proposal, request, signers, attempts,
 * blockNumber, blockHash, restarts, signersChosen, events }` (`restarts`: the
 * `SigningRestarted` attempts seen, `signersChosen`: `[{ attempt, signers }]`, `events`:
 * the block's events). Rejects on `threshold.ProposalDropped` for it (Error with
 * `module`) or after `timeoutMs`.
 */
export async function awaitRedaction(api, { proposal, request, fromBlock, timeoutMs = 120_000, intervalMs = 500 } = {}) {
	if (proposal === undefined && request === undefined) throw new TypeError('awaitRedaction needs a proposal or a request id');
	const wantProposal = proposal === undefined || proposal === null ? null : Number(proposal);
	const wantRequest = request === undefined || request === null ? null : Number(request);
	const end = Date.now() + timeoutMs;
	let next = fromBlock !== undefined && fromBlock !== null
		? Number(fromBlock) : (await api.rpc.chain.getHeader()).number.toNumber();
	let id = wantProposal;
	const restarts = [];
	const signersChosen = [];
	const mine = (data) => (id !== null ? data.proposal.toNumber() === id : data.request?.toNumber?.() === wantRequest);
	for (;;) {
		const best = (await api.rpc.chain.getHeader()).number.toNumber();
		for (; next <= best; next++) {
			const hash = await api.rpc.chain.getBlockHash(next);
			const events = await api.query.system.events.at(hash);
			for (const { event } of events) {
				if (event.section !== 'threshold') continue;
				const d = event.data;
				if (event.method === 'RedactionProposed' && id === null && d.request.toNumber() === wantRequest) {
					id = d.proposal.toNumber();
				} else if (event.method === 'SignersChosen' && id !== null && d.proposal.toNumber() === id) {
					signersChosen.push({ attempt: d.attempt.toNumber(), signers: d.signers.map((i) => i.toNumber()) });
				} else if (event.method === 'SigningRestarted' && id !== null && d.proposal.toNumber() === id) {
					restarts.push(d.attempt.toNumber());
				} else if (event.method === 'RedactionApplied' && mine(d)) {
					return {
						proposal: d.proposal.toNumber(), request: d.request.toNumber(),
						signers: d.signers.map((i) => i.toNumber()), attempts: d.attempts.toNumber(),
						blockNumber: next, blockHash: hash.toHex(), restarts, signersChosen, events,
					};
				} else if (event.method === 'ProposalDropped' && id !== null && d.proposal.toNumber() === id) {
					const why = describeDispatchError(api, d.error);
					const e = new Error(`redaction proposal ${id} dropped in block #${next}: ${why.text}`);
					e.module = why.section ? { section: why.section, name: why.name } : null;
					throw e;
				}
			}
		}
		if (Date.now() > end) {
			throw new Error(`redaction ${id ?? `of request ${wantRequest}`} not applied by block #${next - 1} after ${timeoutMs} ms`
				+ (restarts.length ? ` (signing restarted ${restarts.length}×)` : ''));
		}
		await sleep(intervalMs);
	}
}

/** Offchain-local key that pauses every committee member of a node. */
export const THRESHOLD_PAUSED_KEY = 'blockful/threshold/paused';

/**
 * The node's offchain-local (PERSISTENT) key, 0x-hex, whose non-empty value pauses its
 * committee members' off-chain workers (they withhold their DKG and signing messages):
 * without `account` every member of the node, with `account` (its 32 bytes, as a
 * `Uint8Array`, 0x-hex or codec) only that member.
 */
export function thresholdPausedKey(account) {
	const base = new TextEncoder().encode(THRESHOLD_PAUSED_KEY);
	if (account === undefined || account === null) return hexOf(base);
	const acc = bytesOf(account);
	if (acc.length !== 32) throw new TypeError(`an account is 32 bytes, got ${acc.length}`);
	const out = new Uint8Array(base.length + 1 + 32);
	out.set(base, 0);
	out[base.length] = 0x2f; // '/'
	out.set(acc, base.length + 1);
	return hexOf(out);
}

/**
 * Pauses (`paused = true`) or resumes the committee members of the node `api` is connected
 * to, all of them or only `account` (an address or its bytes), through the node's
 * `offchain_localStorageSet` RPC (an unsafe method: the node must serve it, e.g. RPC on
 * localhost or `--rpc-methods unsafe`). A paused member neither signs nor takes part in a
 * DKG: a stand-in for a member that is offline or withholds consent.
 */
export async function setThresholdPaused(api, paused, account) {
	const acc = account === undefined || account === null ? null
		: (typeof account === 'string' && !account.startsWith('0x') ? api.createType('AccountId', account).toU8a() : bytesOf(account));
	const key = thresholdPausedKey(acc);
	const value = paused ? '0x01' : '0x';
	if (typeof api.rpc?.offchain?.localStorageSet === 'function') {
		await api.rpc.offchain.localStorageSet('PERSISTENT', key, value);
	} else {
		await api.provider.send('offchain_localStorageSet', ['PERSISTENT', key, value]);
	}
	return key;
}
