// @blockful/api-definitions: what @polkadot/api needs to know about a BlockFUL chain beyond
// its metadata. Pallets, calls, storage, events, errors and runtime APIs are described by
// the runtime's metadata (v14–v16) and need no definitions here; only the node's
// `blockful_*` JSON-RPC methods (crate `blockful-live-rpc`) do, because RPC methods are not
// part of the metadata.
//
// The methods return JSON (not SCALE): the result types below are `Json` / `Vec<Json>`
// (plain objects with camelCase keys, byte strings as 0x-hex) and `Vec<u64>`.

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
				`their live blocks and archive lineages. ${REPORT_DOC}`,
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

/** Raw JSON-RPC fallback when the api was created without these definitions. */
async function call(api, method, args) {
	const section = api.rpc?.blockful;
	if (section && typeof section[method] === 'function') {
		const result = await section[method](...args);
		return result.toJSON();
	}
	const params = args.map((a) => (a === undefined ? null : (a?.toJSON ? a.toJSON() : (a?.toHex ? a.toHex() : a))));
	return api.provider.send(`blockful_${method}`, params);
}

const toNumberish = (v) => (v === undefined || v === null ? v : Number(v));

/**
 * Integrity check. Without `from`/`count`/`since` the full check (`blockful_verifyLiveChain`);
 * with `from` and `count` one page (`blockful_verifyLiveChainPage`, the report's `next`
 * starts the next page); with `since` what changed at or after that block
 * (`blockful_verifyLiveChainSince`). `at` picks the block (default: best).
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
 * into one report; for chains too large for one `blockful_verifyLiveChain` call.
 */
export async function verifyLiveChainPaged(api, { pageSize = 1000, at } = {}) {
	const merged = { ok: true, txsChecked: 0, blocksChecked: 0, archiveRecordsChecked: 0, next: null, failures: [], truncated: false, pages: 0 };
	let from = 0;
	for (;;) {
		const page = await verifyLiveChain(api, { from, count: pageSize, at });
		merged.pages += 1;
		merged.ok &&= page.ok;
		merged.txsChecked += Number(page.txsChecked ?? 0);
		merged.blocksChecked += Number(page.blocksChecked ?? 0);
		merged.archiveRecordsChecked += Number(page.archiveRecordsChecked ?? 0);
		merged.failures.push(...(page.failures ?? []));
		merged.truncated ||= !!page.truncated;
		if (page.next === null || page.next === undefined) return merged;
		from = Number(page.next);
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
