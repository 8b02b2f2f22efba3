// BlockFUL explorer: live view of a BlockFUL chain, through a node's WebSocket RPC or
// through an embedded smoldot light client given the chain's raw chain spec (`?light=URL`).
// Everything about pallets, storage and events is decoded from the runtime's metadata; the
// `blockful_*` RPC methods come from @blockful/api-definitions, which answers them through
// the runtime API (`LiveChainApi`) where the node has no such RPC (a light client).
import './style.css';
import { ApiPromise, ScProvider, WsProvider } from '@polkadot/api';
import { u8aToHex } from '@polkadot/util';
import { decodeAddress } from '@polkadot/util-crypto';
import { typesBundle, verifyLiveChain, lineage as rpcLineage, liveModel as rpcLiveModel, failureTargets, uriText, isModelCid }
	from '@blockful/api-definitions';
import { createDag } from './dag.js';

const DEFAULT_WS = 'ws://127.0.0.1:9944';
const params = new URLSearchParams(location.search);
const wsUrl = params.get('ws') || DEFAULT_WS;
/** URL of a raw chain spec: connect through a light client instead of `ws`. */
const lightSpec = params.get('light');
/** How many blocks back the explorer reads events from (committee motions, redactions). */
const HISTORY = Math.max(0, Number(params.get('history') ?? 300) || 0);

/**
 * The IPFS gateway a model's URI (its CID) links to, `<gateway>/ipfs/<cid>`: `?gateway=`
 * or the header field (kept in the URL's `gateway` parameter, like `ws`). Only http(s)
 * URLs; without one a CID is plain text. Nothing is fetched from it: it is only a link.
 */
function normalizeGateway(value) {
	const text = String(value ?? '').trim();
	if (!text) return '';
	try {
		const u = new URL(text);
		if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
		return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
	} catch {
		return null;
	}
}
let gateway = normalizeGateway(params.get('gateway')) ?? '';

const $ = (sel) => document.querySelector(sel);
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const short = (hex, n = 6) => (typeof hex === 'string' && hex.length > 2 * n + 4 ? `${hex.slice(0, n + 2)}…${hex.slice(-n)}` : String(hex ?? ''));
const camel = (k) => String(k).replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
/** Deeply camel-cases object keys, so field names read the same whatever the metadata spells. */
function norm(v) {
	if (Array.isArray(v)) return v.map(norm);
	if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [camel(k), norm(x)]));
	return v;
}
/** Variant name of a SCALE enum as `toJSON` gives it: `"Parallel"` or `{ replaced: {...} }`. */
function variant(v) {
	if (typeof v === 'string') return v.charAt(0).toUpperCase() + v.slice(1);
	if (v && typeof v === 'object') { const k = Object.keys(v)[0]; return k ? k.charAt(0).toUpperCase() + k.slice(1) : ''; }
	return String(v ?? '');
}
const variantData = (v) => (v && typeof v === 'object' ? Object.values(v)[0] : null);

/** A model's URI as HTML: its CID, a link to `<gateway>/ipfs/<cid>` when a gateway is set
 * and the URI is a model CID (what the chain accepts); anything else stays plain text. */
function uriHtml(uri, gw = gateway) {
	const text = String(uri ?? '');
	if (!gw || !isModelCid(text)) return esc(text);
	const href = `${gw}/ipfs/${text}`;
	return `<a class="cid" href="${esc(href)}" target="_blank" rel="noopener noreferrer" title="${esc(href)}">${esc(text)}</a>`;
}

// Well-known development accounts (sr25519 //Alice … //Ferdie), named in the UI.
const DEV_NAMES = {
	'0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d': 'Alice',
	'0x8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48': 'Bob',
	'0x90b5ab205c6974c9ea841be688864633dc9ca8a357843eeacf2314649965fe22': 'Charlie',
	'0x306721211d5404bd9da88e0204360a1a9ab8b87c66c1bc2fcdd37f3c2222cc20': 'Dave',
	'0xe659a7a1628cdd93febc04a4e0646ea20e9f5f0ce097d9a05290d4a9e054df4e': 'Eve',
	'0x1cbd2d43530a44705ad088af313e18f80b53ef16b36177cd4b77b846f2a5f07c': 'Ferdie',
};
function accountName(address) {
	if (!address) return '';
	try { return DEV_NAMES[u8aToHex(decodeAddress(address))] ?? short(String(address), 4); } catch { return short(String(address), 4); }
}
const PALETTE = ['#2563eb', '#059669', '#7c3aed', '#db2777', '#0891b2', '#65a30d', '#ea580c', '#4f46e5', '#0d9488', '#9333ea', '#b45309', '#475569'];

const state = {
	api: null, chain: '', spec: '', best: null, finalized: null,
	models: new Map(), blocks: [], archive: [], requests: [], finalStatus: new Map(),
	members: [], openMotions: new Map(), motions: new Map(), report: null, targets: failureTargets(null),
	// The threshold committee (pallet Threshold): its key, a DKG in progress, redaction proposals.
	committeeKey: null, dkg: null, proposals: new Map(), queue: [],
	owners: new Map(), selectedTx: null, selectedRequest: 'latest', detail: null,
	eventsUpTo: 0, refreshes: 0, loadedBest: 0, verifiedSig: '', verifiedAt: 0, seenSeqs: new Set(), seenHeights: new Set(),
};
window.blockfulExplorer = { state };

const dag = createDag($('#dag'), { onSelect: (tx) => selectModel(tx) });
window.blockfulExplorer.dag = dag;

function showError(msg) {
	const bar = $('#error-bar');
	if (!msg) { bar.hidden = true; return; }
	bar.textContent = msg; bar.hidden = false;
}
function setConn(text, st) { const el = $('#conn'); el.textContent = text; el.dataset.state = st; }

// ------------------------------------------------------------------------------ connection

/** A provider for `endpoint`: a node's WebSocket RPC (`ws://…`, `wss://…`), or, for the URL
 * of a raw chain spec, an embedded smoldot light client (`light.js`) that syncs from the
 * spec's boot nodes and checks every answer against finalized headers. */
async function providerFor(endpoint) {
	if (/^wss?:\/\//i.test(endpoint)) return { provider: new WsProvider(endpoint, 2500), light: false };
	const response = await fetch(endpoint);
	if (!response.ok) throw new Error(`chain spec ${endpoint}: HTTP ${response.status}`);
	const { Sc } = await import('./light.js'); // smoldot is loaded only for a light client
	const provider = new ScProvider(Sc, await response.text());
	await provider.connect();
	return { provider, light: true };
}

async function connect(url) {
	$('#endpoint').value = url;
	setConn(`connecting to ${url}…`, 'connecting');
	const { provider, light } = await providerFor(url);
	state.light = light;
	const connected = light ? 'light client (smoldot)' : 'connected';
	if (light) setConn(connected, 'connected');
	provider.on('connected', () => setConn(connected, 'connected'));
	provider.on('disconnected', () => setConn('disconnected — retrying', 'disconnected'));
	const api = await ApiPromise.create({ provider, typesBundle, noInitWarn: true });
	state.api = api;
	window.blockfulExplorer.api = api;
	const [chain, version] = await Promise.all([api.rpc.system.chain(), api.rpc.state.getRuntimeVersion()]);
	state.chain = chain.toString();
	state.spec = `${version.specName}/${version.specVersion}`;
	$('#chain').innerHTML = `<b>${esc(state.chain)}</b> · ${esc(state.spec)}`;
	const missing = ['liveChain', 'archive', 'unlearning'].filter((p) => !api.query[p]);
	if (missing.length) showError(`this runtime has no ${missing.join(', ')} pallet — is it a BlockFUL node?`);
	await api.rpc.chain.subscribeFinalizedHeads((h) => {
		state.finalized = { number: h.number.toNumber(), hash: h.hash.toHex() };
		renderHeads(); scheduleRefresh();
	});
	await api.rpc.chain.subscribeNewHeads((h) => {
		state.best = { number: h.number.toNumber(), hash: h.hash.toHex() };
		renderHeads(); scheduleRefresh();
	});
}

// ------------------------------------------------------------------------------ loading

let refreshing = false;
let again = false;
function scheduleRefresh() {
	if (refreshing) { again = true; return; }
	refreshing = true;
	refresh().catch((e) => { console.error('refresh failed', e); showError(`refresh failed: ${e.message}`); })
		.finally(() => { refreshing = false; if (again) { again = false; scheduleRefresh(); } });
}

async function entries(storage) {
	if (!storage) return [];
	return (await storage.entries()).map(([key, value]) => [key.args.map((a) => a.toJSON()), value]);
}

async function refresh() {
	const { api } = state;
	if (!api || !state.best) return;
	const best = state.best;
	const at = await api.at(best.hash);
	const q = at.query;
	const [txs, blocks, blockTxs, records, requests, members, proposals] = await Promise.all([
		entries(q.liveChain?.txs), entries(q.liveChain?.blocks), entries(q.liveChain?.blockTxs), entries(q.archive?.records),
		entries(q.unlearning?.requests), q.committee?.members?.() ?? [], q.committee?.proposals?.() ?? [],
	]);
	await readThreshold(q);

	state.models = new Map(txs.filter(([, v]) => v.isSome).map(([[id], v]) => {
		const m = norm(v.unwrap().toJSON());
		const tx = Number(id);
		return [tx, { tx, owner: m.owner, uri: m.uri, refs: (m.refs ?? []).map(Number), version: Number(m.version), height: Number(m.height), ch: m.ch }];
	}));
	for (const m of [...state.models.values()].sort((a, b) => a.tx - b.tx)) {
		if (!state.owners.has(m.owner)) state.owners.set(m.owner, PALETTE[state.owners.size % PALETTE.length]);
	}
	const txsOf = new Map(blockTxs.map(([[h], v]) => [Number(h), v.toJSON().map(Number)]));
	state.blocks = blocks.filter(([, v]) => v.isSome).map(([[h], v]) => ({ height: Number(h), txs: txsOf.get(Number(h)) ?? [], ...norm(v.unwrap().toJSON()) }))
		.sort((a, b) => b.height - a.height);
	state.archive = records.filter(([, v]) => v.isSome).map(([[s], v]) => ({ seq: Number(s), ...norm(v.unwrap().toJSON()) }))
		.sort((a, b) => b.seq - a.seq);
	state.requests = requests.filter(([, v]) => v.isSome).map(([[id], v]) => ({ id: Number(id), ...norm(v.unwrap().toJSON()) }))
		.sort((a, b) => b.id - a.id);
	state.members = members.map((m) => m.toString());
	// The full check is linear in the chain: rerun it when the chain changed, else every 30 s.
	const sig = [state.models.size, [...state.models.values()].reduce((a, m) => a + m.version, 0), state.blocks.length,
		state.blocks.reduce((a, b) => a + Number(b.version), 0), state.archive.length].join('/');
	if (!state.report || sig !== state.verifiedSig || Date.now() - state.verifiedAt > 30_000) {
		state.report = await verify();
		state.verifiedSig = sig;
		state.verifiedAt = Date.now();
		state.targets = failureTargets(state.report);
	}

	// Finalized view of the requests: what a cautious client should act on.
	if (state.finalized && q.unlearning?.requests) {
		const fin = await api.at(state.finalized.hash);
		const finReq = await entries(fin.query.unlearning?.requests);
		state.finalStatus = new Map(finReq.filter(([, v]) => v.isSome).map(([[id], v]) => [Number(id), variant(v.unwrap().toJSON().status)]));
	}

	// Open motions from storage (votes so far); closed ones come from the event history.
	state.openMotions = new Map();
	for (const hash of proposals) {
		const h = hash.toHex();
		const [call, votes] = await Promise.all([q.committee.proposalOf(hash), q.committee.voting(hash)]);
		state.openMotions.set(h, { call: call.isSome ? describeCall(call.unwrap()) : null, votes: votes.isSome ? norm(votes.unwrap().toJSON()) : null });
	}
	await readEvents(best.number);

	state.refreshes += 1;
	state.loadedBest = best.number;
	renderAll();
	if (state.selectedTx !== null) await loadDetail(state.selectedTx);
	document.body.dataset.ready = '1';
	document.body.dataset.loadedBest = String(best.number);
	showError(null);
}

/**
 * blockful_verifyLiveChain at the node's best block. Called without parameters on purpose:
 * that works on every node version (with or without the paging parameters).
 */
async function verify() {
	try { return await verifyLiveChain(state.api); } catch (e) { console.error('blockful_verifyLiveChain failed', e); return null; }
}

// ------------------------------------------------------------------------------ threshold

/** The committee key (active epoch), a DKG in progress and the queued redaction proposals. */
async function readThreshold(q) {
	if (!q.threshold) { state.committeeKey = null; state.dkg = null; state.queue = []; return; }
	const [epoch, dkg, queue, queued] = await Promise.all([
		q.threshold.activeEpoch(), q.threshold.dkg(), q.threshold.queue(), entries(q.threshold.proposals),
	]);
	state.committeeKey = null;
	if (epoch.isSome) {
		const e = epoch.unwrap().toNumber();
		const key = await q.threshold.keys(e);
		if (key.isSome) {
			const k = key.unwrap();
			state.committeeKey = {
				epoch: e, groupKey: k.package.groupKey.toHex(), threshold: k.package.threshold.toNumber(),
				members: k.members.map((m) => m.toString()), qualified: k.qualified.map((i) => i.toNumber()),
			};
		}
	}
	state.dkg = dkg.isSome ? norm(dkg.unwrap().toJSON()) : null;
	state.queue = queue.map((id) => id.toNumber());
	for (const [[id], v] of queued) {
		if (v.isNone) continue;
		const p = proposal(Number(id));
		const j = norm(v.unwrap().toJSON());
		p.request = Number(j.request);
		p.items = p.items ?? (j.updates?.length ?? 0) + (j.heights?.length ?? 0);
		p.attempt = Number(j.attempt);
		if (j.chunks !== undefined) { p.chunks = Number(j.chunks); p.chunksApplied = Math.max(p.chunksApplied, Number(j.chunk)); }
		p.phase = variant(j.phase);
		p.proposer = p.proposer ?? j.proposer;
	}
}

function proposal(id) {
	if (!state.proposals.has(id)) state.proposals.set(id, { id, request: null, items: null, proposer: null, signers: [], attempt: 0, attempts: null, restarts: 0, chunks: null, chunksApplied: 0, models: null, outcome: 'queued', block: null, closedAt: null, error: null });
	return state.proposals.get(id);
}

/** Name of committee member `i` (1-based) of the active key. */
function memberName(i) {
	const who = state.committeeKey?.members?.[i - 1];
	return who ? accountName(who) : `#${i}`;
}

function absorbThresholdEvent(n, event) {
	const f = eventFields(event);
	const id = f.proposal?.toNumber?.();
	switch (event.method) {
		case 'RedactionProposed': {
			const p = proposal(id);
			p.request = f.request.toNumber(); p.items = f.items.toNumber(); p.block = n;
			// Runtimes before spec 111 proposed one chunk and named no models.
			p.chunks = f.chunks?.toNumber?.() ?? 1; p.models = f.models?.toNumber?.() ?? null;
			break;
		}
		case 'SignersChosen': { const p = proposal(id); p.signers = f.signers.map((i) => i.toNumber()); p.attempt = f.attempt.toNumber(); break; }
		case 'SigningRestarted': { const p = proposal(id); p.restarts += 1; p.attempt = f.attempt.toNumber(); break; }
		case 'ChunkApplied': {
			const p = proposal(id);
			p.chunks = f.chunks.toNumber(); p.chunksApplied = Math.max(p.chunksApplied, f.chunk.toNumber() + 1);
			break;
		}
		case 'RedactionApplied': {
			const p = proposal(id);
			p.request = f.request.toNumber(); p.signers = f.signers.map((i) => i.toNumber()); p.attempts = f.attempts.toNumber();
			p.outcome = 'Applied'; p.closedAt = n;
			break;
		}
		case 'ProposalDropped': { const p = proposal(id); p.outcome = 'Dropped'; p.error = explainError(f.error); p.closedAt = n; break; }
		default: break;
	}
}

// ------------------------------------------------------------------------------ events

/** Reads the events of blocks (eventsUpTo, upTo] (at most HISTORY of them) into motions. */
async function readEvents(upTo) {
	const { api } = state;
	const from = Math.max(state.eventsUpTo + 1, upTo - HISTORY + 1, 1);
	const numbers = [];
	for (let n = from; n <= upTo; n++) numbers.push(n);
	const BATCH = 16;
	for (let i = 0; i < numbers.length; i += BATCH) {
		const chunk = numbers.slice(i, i + BATCH);
		const got = await Promise.all(chunk.map(async (n) => {
			try {
				const hash = await api.rpc.chain.getBlockHash(n);
				const events = await api.query.system.events.at(hash);
				return { n, hash, events };
			} catch { return { n, events: [] }; } // pruned state: skip
		}));
		for (const { n, hash, events } of got) await absorbEvents(n, hash, events);
	}
	state.eventsUpTo = Math.max(state.eventsUpTo, upTo);
}

function eventFields(event) {
	const names = event.data.names ?? event.meta.fields.map((f) => (f.name.isSome ? f.name.unwrap().toString() : null));
	const out = {};
	event.data.forEach((d, i) => { out[camel(names?.[i] ?? i)] = d; });
	return out;
}

function motion(hash) {
	if (!state.motions.has(hash)) state.motions.set(hash, { hash, index: null, proposer: null, threshold: null, call: null, votes: new Map(), outcome: 'open', block: null, closedAt: null, result: null });
	return state.motions.get(hash);
}

async function absorbEvents(n, blockHash, events) {
	for (const { event, phase } of events) {
		if (event.section === 'threshold') { absorbThresholdEvent(n, event); continue; }
		if (event.section !== 'committee') continue;
		const f = eventFields(event);
		const hash = f.proposalHash?.toHex?.();
		if (!hash) continue;
		const m = motion(hash);
		switch (event.method) {
			case 'Proposed':
				m.index = f.proposalIndex?.toNumber?.() ?? m.index; m.proposer = f.account?.toString(); m.threshold = f.threshold?.toNumber?.();
				m.block = n;
				if (phase.isApplyExtrinsic) m.call = await callOfExtrinsic(blockHash, phase.asApplyExtrinsic.toNumber()).catch(() => null);
				break;
			case 'Voted': m.votes.set(f.account.toString(), f.voted.isTrue); break;
			case 'Approved': m.outcome = 'Approved'; m.closedAt = n; break;
			case 'Disapproved': m.outcome = 'Disapproved'; m.closedAt = n; break;
			case 'Executed': {
				const res = f.result;
				m.result = res?.isOk ? 'ok' : `failed: ${explainError(res?.asErr)}`;
				m.outcome = res?.isOk ? 'Executed' : 'failed'; m.closedAt = n;
				break;
			}
			case 'Closed': if (m.outcome === 'open') m.outcome = 'Closed'; m.closedAt = m.closedAt ?? n; break;
			default: break;
		}
	}
}

function explainError(err) {
	if (!err) return '?';
	try {
		if (err.isModule) { const meta = state.api.registry.findMetaError(err.asModule); return `${meta.section}.${meta.name}`; }
	} catch { /* fall through */ }
	return err.toString();
}

async function callOfExtrinsic(blockHash, index) {
	const block = await state.api.rpc.chain.getBlock(blockHash);
	const ext = block.block.extrinsics[index];
	if (!ext) return null;
	const proposal = ext.method.args.find((a) => a?.section && a?.method && a !== ext.method);
	return describeCall(proposal ?? ext.method);
}

/** A short, readable summary of a call (metadata decoded). */
function describeCall(call) {
	const name = `${call.section}.${call.method}`;
	const args = {};
	call.meta.args.forEach((a, i) => { args[camel(a.name.toString())] = call.args[i]; });
	if (call.section === 'liveChain' && call.method === 'redact') {
		const req = args.request;
		const reqId = req?.isSome ? req.unwrap().toNumber() : (req?.isNone ? null : req?.toNumber?.());
		return { name, request: reqId, text: `${name}(request ${reqId ?? '—'}, ${args.updates?.length ?? '?'} model${args.updates?.length === 1 ? '' : 's'}, ${args.headers?.length ?? '?'} header${args.headers?.length === 1 ? '' : 's'})`,
			txs: (args.updates ?? []).map((u) => u.tx.toNumber()) };
	}
	const human = call.args.map((a) => { const s = JSON.stringify(a.toHuman()); return s.length > 40 ? `${s.slice(0, 40)}…` : s; });
	return { name, text: `${name}(${human.join(', ')})` };
}

// ------------------------------------------------------------------------------ selection

function currentRequest() {
	if (state.selectedRequest === '' || state.selectedRequest === null) return null;
	if (state.selectedRequest === 'latest') return state.requests[0] ?? null;
	return state.requests.find((r) => r.id === Number(state.selectedRequest)) ?? null;
}

async function selectModel(tx) {
	state.selectedTx = tx;
	renderDag();
	await loadDetail(tx);
}

async function loadDetail(tx) {
	try {
		const [live, versions] = await Promise.all([rpcLiveModel(state.api, tx), rpcLineage(state.api, tx)]);
		state.detail = { tx, live, versions, error: null };
	} catch (e) {
		state.detail = { tx, live: null, versions: [], error: e.message };
	}
	if (state.selectedTx === tx) renderDetail();
}

// ------------------------------------------------------------------------------ rendering

function checkBadge(ok, title = '') {
	if (ok === null || ok === undefined) return '<span class="check unknown" title="not checked">n/a</span>';
	return ok ? `<span class="check ok" title="${esc(title || 'verified')}">✓ ok</span>`
		: `<span class="check bad" title="${esc(title || 'check failed')}">✗ fail</span>`;
}
const finMark = (n) => (state.finalized && n !== null && n !== undefined
	? (n <= state.finalized.number ? '<span class="fin" title="finalized">■</span>' : '<span class="notfin" title="on the best chain, not yet finalized">□</span>') : '');

function renderHeads() {
	const b = state.best ? `#${state.best.number}` : '…';
	const f = state.finalized ? `#${state.finalized.number}` : '…';
	$('#heads').innerHTML = `best <b>${b}</b> · finalized <b>${f}</b>`;
}

function renderIntegrity() {
	const el = $('#integrity');
	const r = state.report;
	if (!r) { el.dataset.state = 'unknown'; el.textContent = 'integrity: n/a'; return; }
	el.dataset.state = r.ok ? 'ok' : 'bad';
	el.textContent = r.ok
		? `✓ intact · ${r.txsChecked} models · ${r.blocksChecked} blocks · ${r.archiveRecordsChecked} records`
		: `✗ ${r.failures.length}${r.truncated ? '+' : ''} integrity failure${r.failures.length === 1 ? '' : 's'}`;
	el.title = r.ok ? 'blockful_verifyLiveChain: every CH, Merkle root, parent link and archive link verified'
		: r.failures.map((x) => JSON.stringify(x)).join('\n');
}

function renderDag() {
	const req = currentRequest();
	dag.update(state.models, {
		colorOf: (o) => state.owners.get(o) ?? '#64748b', labelOf: accountName,
		start: new Set((req?.start ?? []).map(Number)), affected: new Set((req?.affected ?? []).map(Number)),
		failing: state.targets.txs, selected: state.selectedTx,
	});
	renderLegend(req);
}

function renderLegend(req) {
	const owners = [...state.owners.entries()].map(([o, c]) =>
		`<span class="item"><span class="sw" style="background:${c};border-color:${c}"></span>${esc(accountName(o))}</span>`).join('');
	$('#legend').innerHTML = `${owners || '<span class="item muted">no models yet</span>'}<span class="sep"></span>
		<span class="item"><span class="sw"></span>v0 as published</span>
		<span class="item"><span class="sw redacted"></span>redacted (v≥1)</span>
		<span class="item"><span class="sw start"></span>start model${req ? ` (req ${req.id})` : ''}</span>
		<span class="item"><span class="sw affected"></span>affected</span>
		<span class="item"><span class="sw fail"></span>CH check fails</span>
		<span class="item"><span class="sw sel"></span>selected</span>
		<span class="item muted">edge: aggregated → inheritor</span>`;
}

function renderRequestSelect() {
	const sel = $('#request-select');
	const opts = ['<option value="">none</option>', `<option value="latest">latest${state.requests[0] ? ` (#${state.requests[0].id})` : ''}</option>`]
		.concat(state.requests.map((r) => `<option value="${r.id}">#${r.id} ${esc(variant(r.paradigm))} ${esc(variant(r.status))}</option>`));
	const html = opts.join('');
	if (sel.dataset.html !== html) { sel.innerHTML = html; sel.dataset.html = html; }
	sel.value = String(state.selectedRequest ?? '');
}

function renderDetail() {
	const d = state.detail;
	const box = $('#detail');
	if (!d) { box.innerHTML = '<div class="empty">Click a model in the DAG to see its live record, its chameleon-hash check and its archive lineage.</div>'; return; }
	$('#detail-title').textContent = `tx #${d.tx}`;
	if (d.error) { box.innerHTML = `<div class="empty">${esc(d.error)}</div>`; return; }
	const m = d.live;
	const fails = (state.report?.failures ?? []).filter((f) => Number(f.tx) === d.tx || (f.height !== undefined && Number(f.height) === Number(m.height)));
	const txFails = fails.filter((f) => f.tx !== undefined).map((f) => f.kind);
	const blockFails = fails.filter((f) => f.height !== undefined).map((f) => f.kind);
	const verified = state.report ? true : null;
	const req = currentRequest();
	const role = req ? ((req.start ?? []).map(Number).includes(d.tx) ? `start model of request #${req.id}` : ((req.affected ?? []).map(Number).includes(d.tx) ? `affected by request #${req.id}` : 'not affected by the selected request')) : '';
	const rows = (d.versions ?? []).map((v) => {
		const reason = `${v.reason}${v.request !== null && v.request !== undefined ? ` r${v.request}` : ''}`;
		return `<tr data-version="${v.version}"><td>${v.version}</td><td class="mono uri" title="${esc(v.uriText ?? v.uri)}">${uriHtml(v.uriText ?? v.uri)}</td>
			<td>#${v.blockNumber} ${finMark(Number(v.blockNumber))}</td><td><span class="tag ${esc(v.reason)}">${esc(reason)}</span></td><td>${v.seq}</td></tr>`;
	}).join('');
	box.innerHTML = `
		<dl>
			<dt>owner</dt><dd>${esc(accountName(m.owner))} <span class="mono muted">${esc(short(m.owner, 5))}</span></dd>
			<dt>uri</dt><dd class="mono uri" id="detail-uri" title="${esc(m.uriText ?? m.uri)}">${uriHtml(m.uriText ?? uriText(m.uri))}</dd>
			<dt>refs</dt><dd>${m.refs.length ? m.refs.map((r) => `#${r}`).join(', ') : '— (root)'}</dd>
			<dt>version</dt><dd><b>${m.version}</b>${m.version > 0 ? ' (redacted)' : ' (as published)'}</dd>
			<dt>live block</dt><dd>height ${m.height}</dd>
			<dt>CH check value</dt><dd class="mono" title="${esc(m.ch)}">${esc(short(m.ch, 8))}</dd>
			<dt>randomness</dt><dd class="mono" title="${esc(m.rand)}">${esc(short(m.rand, 8))}</dd>
			${role ? `<dt>request</dt><dd>${esc(role)}</dd>` : ''}
		</dl>
		<div class="checks" id="detail-checks">
			<span>CH of the model ${checkBadge(verified && !txFails.length, txFails.join(', '))}</span>
			<span>its live block ${checkBadge(verified && !blockFails.length, blockFails.join(', '))}</span>
		</div>
		${txFails.length || blockFails.length ? `<div class="muted">failures: ${esc([...txFails, ...blockFails].join(', '))}</div>` : ''}
		<h3>Archive lineage (${d.versions.length} version${d.versions.length === 1 ? '' : 's'})</h3>
		<table class="tbl" id="lineage-table"><thead><tr><th>ver</th><th>uri</th><th>block</th><th>reason</th><th>seq</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function renderLive() {
	const bad = state.targets.heights;
	const checked = !!state.report;
	const body = state.blocks.map((b) => {
		const fresh = !state.seenHeights.has(`${b.height}/${b.version}`) && state.refreshes > 1;
		state.seenHeights.add(`${b.height}/${b.version}`);
		return `<tr class="${fresh ? 'fresh' : ''}" data-height="${b.height}" data-check="${checked ? (bad.has(b.height) ? 'bad' : 'ok') : 'unknown'}">
			<td>${b.height}</td><td>${b.txs.map((t) => `#${t}`).join(' ')}</td><td>${b.version}</td>
			<td class="mono" title="${esc(b.parent)}">${esc(short(b.parent, 3))}</td><td class="mono" title="${esc(b.merkleRoot)}">${esc(short(b.merkleRoot, 3))}</td>
			<td>${checkBadge(checked ? !bad.has(b.height) : null, [...(state.report?.failures ?? [])].filter((f) => Number(f.height) === b.height).map((f) => f.kind).join(', '))}</td></tr>`;
	}).join('');
	$('#live-table tbody').innerHTML = body || '<tr><td colspan="6" class="empty">no live blocks yet</td></tr>';
	const redacted = state.blocks.filter((b) => b.version > 0).length;
	$('#live-summary').textContent = `${state.blocks.length} blocks · ${redacted} redacted`;
}

function renderArchive() {
	const bad = state.targets.seqs;
	const checked = !!state.report;
	const body = state.archive.map((r) => {
		const fresh = !state.seenSeqs.has(r.seq) && state.refreshes > 1;
		state.seenSeqs.add(r.seq);
		const reasonName = variant(r.reason).toLowerCase();
		const req = variantData(r.reason)?.request;
		return `<tr class="clickable ${fresh ? 'fresh' : ''}" data-tx="${r.tx}" data-seq="${r.seq}">
			<td>${r.seq}</td><td>#${r.tx}</td><td>${r.version}</td>
			<td><span class="tag ${esc(reasonName)}" title="${esc(reasonName)}${req !== null && req !== undefined ? ` by request ${req}` : ''}">${esc(reasonName)}${req !== null && req !== undefined ? ` r${req}` : ''}</span></td>
			<td>#${r.blockNumber} ${finMark(Number(r.blockNumber))}</td><td class="mono" title="${esc(recordHash(r.seq))}">${esc(short(recordHash(r.seq), 3))}</td>
			<td>${checkBadge(checked ? !bad.has(r.seq) : null)}</td></tr>`;
	}).join('');
	$('#archive-table tbody').innerHTML = body || '<tr><td colspan="7" class="empty">the archive is empty</td></tr>';
	$('#archive-summary').textContent = `${state.archive.length} records · ■ final □ best`;
}
/** The next record's prevHash is this record's hash. */
function recordHash(seq) {
	const next = state.archive.find((r) => r.seq === seq + 1);
	return next?.prevHash ?? '(head)';
}

function renderRequests() {
	const body = state.requests.map((r) => {
		const best = variant(r.status);
		const fin = state.finalStatus.get(r.id);
		const cur = currentRequest();
		return `<tr class="clickable ${cur && cur.id === r.id ? 'selected' : ''}" data-request="${r.id}">
			<td>#${r.id}</td><td>${esc(variant(r.paradigm))}</td><td>${(r.start ?? []).map((t) => `#${t}`).join(' ')}</td>
			<td title="${(r.affected ?? []).join(', ')}">${(r.affected ?? []).length}</td><td title="${(r.done ?? []).length} updated${(r.skipped ?? []).length ? `, ${r.skipped.length} skipped under ε` : ''}">${(r.done ?? []).length}${(r.skipped ?? []).length ? `<span class="muted">+${r.skipped.length}</span>` : ''}</td>
			<td><span class="tag ${esc(best)}">${esc(best)}</span></td>
			<td>${fin ? `<span class="tag ${esc(fin)}">${esc(fin)}</span>` : '<span class="muted">—</span>'}</td></tr>`;
	}).join('');
	$('#requests-table tbody').innerHTML = body || '<tr><td colspan="7" class="empty">no unlearning requests</td></tr>';

	const motions = [...state.motions.values()];
	for (const [hash, open] of state.openMotions) {
		const m = motion(hash);
		if (!m.call && open.call) m.call = open.call;
		if (open.votes) {
			m.index = m.index ?? open.votes.index; m.threshold = m.threshold ?? open.votes.threshold;
			for (const a of open.votes.ayes ?? []) m.votes.set(String(a), true);
			for (const a of open.votes.nays ?? []) m.votes.set(String(a), false);
			m.end = open.votes.end;
		}
		if (!motions.includes(m)) motions.push(m);
	}
	motions.sort((a, b) => (b.index ?? -1) - (a.index ?? -1));
	const rows = motions.map((m) => {
		const ayes = [...m.votes].filter(([, v]) => v).map(([a]) => accountName(a));
		const nays = [...m.votes].filter(([, v]) => !v).map(([a]) => accountName(a));
		const outcome = state.openMotions.has(m.hash) ? 'open' : m.outcome;
		return `<tr data-motion="${esc(m.hash)}" title="${esc(m.hash)}${m.result ? ` · ${esc(m.result)}` : ''}">
			<td>${m.index ?? '?'}</td><td class="wrap"><div>${esc(m.call?.text ?? short(m.hash, 6))}</div>
			<div class="muted votes">${ayes.length}${m.threshold ? `/${m.threshold}` : ''} aye${ayes.length ? ` (${esc(ayes.join(', '))})` : ''}${nays.length ? `, ${nays.length} nay (${esc(nays.join(', '))})` : ''}</div></td>
			<td><span class="tag ${esc(outcome)}">${esc(outcome)}</span></td>
			<td>${m.closedAt ?? m.block ? `#${m.closedAt ?? m.block} ${finMark(m.closedAt ?? m.block)}` : ''}</td></tr>`;
	}).join('');
	$('#motions-table tbody').innerHTML = rows || '<tr><td colspan="4" class="empty">no motions seen</td></tr>';
	renderThreshold();
	$('#committee-members').textContent = state.members.length ? `members: ${state.members.map(accountName).join(', ')}` : '';
	$('#committee-summary').textContent = `${state.requests.length} request${state.requests.length === 1 ? '' : 's'}`;
}

/** The committee key and the threshold redaction proposals (requester proposes, t of n
 * members' off-chain workers sign, the runtime applies). */
function renderThreshold() {
	const k = state.committeeKey;
	const el = $('#threshold-key');
	if (k) {
		el.dataset.state = 'ok';
		el.innerHTML = `key epoch ${k.epoch} · <b>t=${k.threshold} of ${k.members.length}</b> · Y <span class="mono" title="${esc(k.groupKey)}">${esc(short(k.groupKey, 4))}</span>`
			+ ` · members ${k.members.map((m, i) => `${i + 1} ${esc(accountName(m))}${k.qualified.includes(i + 1) ? '' : ' (not qualified)'}`).join(', ')}`;
	} else if (state.dkg) {
		el.dataset.state = 'dkg';
		el.textContent = `DKG epoch ${state.dkg.epoch} in progress: ${variant(state.dkg.phase)} phase until #${state.dkg.deadline} (no key yet)`;
	} else {
		el.dataset.state = 'none';
		el.textContent = state.api?.query.threshold ? 'no committee key' : 'this runtime has no threshold committee';
	}
	const rows = [...state.proposals.values()].sort((a, b) => b.id - a.id).map((p) => {
		const queued = state.queue.includes(p.id);
		const outcome = p.outcome === 'queued' ? (queued ? (state.queue[0] === p.id ? 'signing' : 'queued') : 'queued') : p.outcome;
		const signers = p.signers.length ? `${p.signers.length} signer${p.signers.length === 1 ? '' : 's'} (${p.signers.map(memberName).join(', ')})` : 'collecting commitments';
		const tries = p.attempts ?? p.attempt + 1;
		// One approval applied in chunks: how far it got (the live chain verifies between).
		const chunked = p.chunks > 1 ? ` · chunk${p.outcome === 'Applied' ? 's' : ''} ${p.outcome === 'Applied' ? p.chunks : p.chunksApplied} of ${p.chunks} applied${p.models ? ` (${p.models} models)` : ''}` : '';
		return `<tr data-proposal="${p.id}" data-request="${p.request ?? ''}" data-outcome="${esc(outcome)}" title="${esc(p.error ?? '')}">
			<td>${p.id}</td><td class="wrap"><div>request ${p.request ?? '?'} · ${p.items ?? '?'} collision${p.items === 1 ? '' : 's'}${p.chunks > 1 ? ' in its first chunk' : ''}${chunked}</div>
			<div class="muted votes">${esc(signers)} · attempt${tries === 1 ? '' : 's'} ${tries}${p.restarts ? ` (${p.restarts} restart${p.restarts === 1 ? '' : 's'})` : ''}</div></td>
			<td><span class="tag ${esc(outcome)}">${esc(outcome)}${p.error ? `: ${esc(p.error)}` : ''}</span></td>
			<td>${p.closedAt ?? p.block ? `#${p.closedAt ?? p.block} ${finMark(p.closedAt ?? p.block)}` : ''}</td></tr>`;
	}).join('');
	$('#threshold-table tbody').innerHTML = rows || '<tr><td colspan="4" class="empty">no redaction proposals seen</td></tr>';
}

function renderAll() {
	renderHeads();
	renderIntegrity();
	renderRequestSelect();
	renderDag();
	renderLive();
	renderArchive();
	renderRequests();
	if (!state.detail) renderDetail();
}

// ------------------------------------------------------------------------------ wiring

$('#request-select').addEventListener('change', (e) => { state.selectedRequest = e.target.value; renderDag(); renderRequests(); if (state.detail) renderDetail(); });
$('#requests-table').addEventListener('click', (e) => {
	const tr = e.target.closest('tr[data-request]');
	if (!tr) return;
	state.selectedRequest = tr.dataset.request; renderRequestSelect(); renderDag(); renderRequests(); if (state.detail) renderDetail();
});
$('#archive-table').addEventListener('click', (e) => { const tr = e.target.closest('tr[data-tx]'); if (tr) selectModel(Number(tr.dataset.tx)); });
$('#fit').addEventListener('click', () => dag.fit());
$('#endpoint-form').addEventListener('submit', (e) => {
	e.preventDefault();
	const url = $('#endpoint').value.trim();
	if (url && url !== (lightSpec ?? wsUrl)) {
		const p = new URLSearchParams(location.search);
		if (/^wss?:\/\//i.test(url)) { p.set('ws', url); p.delete('light'); } else { p.set('light', url); p.delete('ws'); }
		location.search = p.toString();
	}
});
/** Sets the IPFS gateway (empty: none), keeps it in the URL's `gateway` parameter without
 * reloading (the connection stays) and re-renders the URIs. */
function setGateway(value) {
	const gw = normalizeGateway(value);
	const field = $('#gateway');
	if (gw === null) {
		field.setCustomValidity('an http:// or https:// URL');
		field.reportValidity();
		return false;
	}
	field.setCustomValidity('');
	gateway = gw;
	field.value = gw;
	const p = new URLSearchParams(location.search);
	if (gw) p.set('gateway', gw); else p.delete('gateway');
	const search = p.toString();
	history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
	renderDetail();
	return true;
}
$('#gateway').value = gateway;
$('#gateway-form').addEventListener('submit', (e) => { e.preventDefault(); setGateway($('#gateway').value); });
$('#gateway').addEventListener('input', () => $('#gateway').setCustomValidity(''));
window.addEventListener('resize', () => dag.cy.resize());

Object.assign(window.blockfulExplorer, { renderAll, renderDetail, setGateway, uriHtml, gateway: () => gateway });
renderDetail();
renderLegend(null);
connect(lightSpec ?? wsUrl).catch((e) => { console.error('cannot connect', e); setConn(`cannot connect: ${e.message}`, 'error'); });
