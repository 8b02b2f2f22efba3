// @blockful/api-definitions: what @polkadot/api needs to know about a BlockFUL chain beyond
// its metadata. Pallets, calls, storage, events, errors and runtime APIs are described by
// the runtime's metadata (v14–v16) and need no definitions here; only the node's
// `blockful_*` JSON-RPC methods (crate `blockful-live-rpc`) do, because RPC methods are not
// part of the metadata.
//
// The methods return JSON (not SCALE): the result types below are `Json` / `Vec<Json>`
// (plain objects with camelCase keys, byte strings as 0x-hex) and `Vec<u64>`.
//
// The helpers at the end of this file wrap the threshold committee (pallet `Threshold`):
// its key (`committeeKey`, `waitCommitteeKey`), the requester's `proposeRedaction`, the
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

// ---------------------------------------------------------------------------------------
// the threshold committee (pallet `Threshold`)
//
// The live chain's chameleon-hash key is the committee's group key, made by a DKG among the
// committee members' nodes; no party holds its trapdoor. A redaction is proposed by the
// unlearning request's requester (`threshold.proposeRedaction(request, [{ tx, uri }])`) and
// signed by t of n members' off-chain workers, which post unsigned `threshold.submit`
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
 * Signs and sends `threshold.proposeRedaction(request, updates)` as `signer` (the
 * request's requester): `updates` is `[{ tx, uri }]`, the new URIs of the models the
 * redaction replaces (a parallel request: every affected model; a sequential one: the next
 * model, in topological order, after the previous proposal was applied). Resolves once in
 * a block to `{ proposal, request, items, blockHash, blockNumber, events }`; rejects on a
 * dispatch error with an Error whose `module` is `{ section, name }` (e.g.
 * `threshold.NotRequester`, `unlearning.StartNotUpdated`). `options` go to `signAndSend`
 * (default `{ nonce: -1 }`).
 */
export function proposeRedaction(api, signer, request, updates, options = {}) {
	const tx = api.tx.threshold.proposeRedaction(request, updates.map(({ tx: id, uri }) => ({ tx: id, uri })));
	return new Promise((resolve, reject) => {
		let unsub = null;
		let done = false;
		const finish = (f) => { done = true; unsub?.(); f(); };
		tx.signAndSend(signer, { nonce: -1, ...options }, ({ status, events, dispatchError }) => {
			if (dispatchError) {
				const d = describeDispatchError(api, dispatchError);
				const e = new Error(`threshold.proposeRedaction failed: ${d.text}`);
				e.module = d.section ? { section: d.section, name: d.name } : null;
				e.dispatchError = dispatchError;
				finish(() => reject(e));
			} else if (status.isInBlock) {
				const hash = status.asInBlock;
				const ev = events.find(({ event }) => event.section === 'threshold' && event.method === 'RedactionProposed');
				api.rpc.chain.getHeader(hash).then((header) => finish(() => resolve({
					proposal: ev ? ev.event.data.proposal.toNumber() : null,
					request: ev ? ev.event.data.request.toNumber() : Number(request),
					items: ev ? ev.event.data.items.toNumber() : null,
					blockHash: hash.toHex(),
					blockNumber: header.number.toNumber(),
					events,
				})), (e) => finish(() => reject(e)));
			} else if (status.isInvalid || status.isDropped || status.isUsurped) {
				finish(() => reject(new Error(`threshold.proposeRedaction: transaction ${status.type}`)));
			}
		}).then((u) => { unsub = u; if (done) u(); }, reject);
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
