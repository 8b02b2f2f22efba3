// Types of @blockful/api-definitions. The shapes of the JSON results mirror
// `blockful-live-rpc` (pallets/live/rpc/src/lib.rs): camelCase keys, bytes as 0x-hex.
import type { ApiPromise } from '@polkadot/api';
import type { DefinitionRpc, OverrideBundleType } from '@polkadot/types/types';

export declare const SPEC_NAME: 'blockful';

export declare const rpc: {
	blockful: {
		verifyLiveChain: DefinitionRpc;
		verifyLiveChainPage: DefinitionRpc;
		verifyLiveChainSince: DefinitionRpc;
		descendants: DefinitionRpc;
		lineage: DefinitionRpc;
		liveModel: DefinitionRpc;
	};
};

export declare const rpcMethods: string[];
export declare const typesBundle: OverrideBundleType;
export declare const definitions: { rpc: typeof rpc };

/** A block hash: hex string, or anything with `toHex()`. */
export type BlockHashLike = string | Uint8Array | { toHex(): string };
export type TxId = number | bigint | string;

/** One integrity violation of `blockful_verifyLiveChain`. */
export type IntegrityFailure =
	| { kind: 'txMissing' | 'txCheck' | 'txNotInBlock' | 'lineageLength'; tx: number }
	| { kind: 'blockMissing' | 'headerCheck' | 'merkleRoot' | 'parentLink'; height: number }
	| { kind: 'archiveLink' | 'archiveVersionCheck'; seq: number }
	| { kind: 'lineageMismatch'; tx: number; seq: number }
	| { kind: string; tx?: number; height?: number; seq?: number };

export interface IntegrityReport {
	ok: boolean;
	txsChecked: number;
	blocksChecked: number;
	archiveRecordsChecked: number;
	/** Paged checks: the transaction id the next page starts at (`null` at the end). */
	next?: number | null;
	failures: IntegrityFailure[];
	truncated: boolean;
}

export interface LiveModel {
	tx: number;
	/** SS58 address of the publisher. */
	owner: string;
	/** URI bytes, 0x-hex. */
	uri: string;
	/** URI as UTF-8 when it is. */
	uriText: string | null;
	refs: number[];
	/** Chameleon-hash check value, 0x-hex (32 bytes). */
	ch: string;
	/** Randomness R ‖ s, 0x-hex (64 bytes). */
	rand: string;
	version: number;
	height: number;
}

export interface ArchivedVersion {
	seq: number;
	hash: string;
	prevHash: string;
	tx: number;
	version: number;
	uri: string;
	uriText: string | null;
	contentHash: string;
	refs: number[];
	owner: string;
	ch: string;
	rand: string;
	/** `published` (version 0) or `redacted` (older nodes: `replaced`). */
	reason: string;
	/** The unlearning request of a replacement, if any. */
	request: number | null;
	blockNumber: number;
}

export interface VerifyOptions {
	/** First transaction of a page (`blockful_verifyLiveChainPage`; default 0 when `count` is given). */
	from?: number | bigint;
	/** Transactions in the page (at most 1,000; default 1,000 when `from` is given). */
	count?: number | bigint;
	/** Check only what changed at or after this block (`blockful_verifyLiveChainSince`). */
	since?: number | bigint;
	/** Block hash to check at (default: best block). */
	at?: BlockHashLike;
}

export interface PagedReport extends IntegrityReport {
	/** Pages fetched; counts are summed over the pages. */
	pages: number;
}

export declare function verifyLiveChain(api: ApiPromise, opts?: VerifyOptions): Promise<IntegrityReport>;
export declare function verifyLiveChainPaged(api: ApiPromise, opts?: { pageSize?: number; at?: BlockHashLike }): Promise<PagedReport>;
export declare function liveModel(api: ApiPromise, tx: TxId, at?: BlockHashLike): Promise<LiveModel>;
export declare function lineage(api: ApiPromise, tx: TxId, at?: BlockHashLike): Promise<ArchivedVersion[]>;
export declare function descendants(api: ApiPromise, tx: TxId, at?: BlockHashLike): Promise<number[]>;
export declare function failureTargets(report: Pick<IntegrityReport, 'failures'> | null | undefined): {
	txs: Set<number>;
	heights: Set<number>;
	seqs: Set<number>;
};
export declare function redactRequestKind(api: ApiPromise): 'optional' | 'required' | undefined;
export declare function uriText(value: unknown): string;

// ---------------------------------------------------------------------------------------
// model CIDs: the only URIs the chain accepts

/**
 * The model CID of a file of at most 256 KiB (262,144 bytes): the CIDv1 (codec `raw`,
 * sha2-256, base32 lower-case, 59 characters) that `ipfs add --cid-version 1` prints for
 * it. A string is hashed as its UTF-8 bytes. Throws a `RangeError` for a longer input (a
 * dag-pb DAG, whose root CID the Rust store computes).
 */
export declare function rawCid(bytes: Uint8Array | ArrayBuffer | ArrayBufferView | string): string;
/**
 * Whether `uri` is a model CID as the runtime checks it (`liveChain.MalformedUri`
 * otherwise): the canonical base32 string of a CIDv1, codec raw (0x55) or dag-pb (0x70),
 * sha2-256 multihash.
 */
export declare function isModelCid(uri: unknown): boolean;

// ---------------------------------------------------------------------------------------
// the threshold committee (pallet `Threshold`)

/** The committee key the live chain uses (the result of the committee's DKG). */
export interface CommitteeKey {
	/** DKG epoch of the key (`Threshold.ActiveEpoch`). */
	epoch: number;
	/** Group key `Y`, 0x-hex (32 bytes). */
	groupKey: string;
	/** `LiveChain.ChPublicKey`, 32 bytes: hash new models with this key. */
	publicKey: Uint8Array;
	/** Signers needed for a redaction (`t`). */
	threshold: number;
	/** Member `i` (1-based) is `members[i − 1]` (SS58). */
	members: string[];
	/** Member indices whose polynomials make up the key. */
	qualified: number[];
	/** `[i, Y_i hex]` per member. */
	verificationShares: [number, string][];
	/** `groupKey` is `LiveChain.ChPublicKey`. */
	matchesLiveChain: boolean;
}

/** One model a redaction replaces and its new URI. */
/** The new URI of a model, a model CID (`rawCid`, `isModelCid`): a string (polkadot.js
 * encodes it as UTF-8, a 0x-hex string as its bytes) or bytes. Anything but a model CID is
 * refused with `liveChain.MalformedUri` (an empty URI with `liveChain.EmptyUri`). */
export type ModelUri = string | Uint8Array;

/** An owner's update as included (`unlearning.UpdateSubmitted`). */
export interface SubmittedUpdate {
	request: number;
	tx: number;
	/** Submitted by someone other than the owner (parallel public-data update). */
	fallback: boolean | null;
	blockHash: string;
	blockNumber: number;
	events: unknown[];
}

/** An Error of a dispatch, with the module error when it is one. */
export interface DispatchFailure extends Error {
	module: { section: string; name: string } | null;
}

export interface ProposedRedaction {
	/** Proposal id (`threshold.RedactionProposed`). */
	proposal: number | null;
	request: number;
	/** Collisions the committee computes: one per model, one per touched live block. */
	items: number | null;
	blockHash: string;
	blockNumber: number;
	events: unknown[];
}

export interface AppliedRedaction {
	proposal: number;
	request: number;
	/** Member indices that signed. */
	signers: number[];
	/** Attempts it took (1 = first try). */
	attempts: number;
	blockNumber: number;
	blockHash: string;
	/** Attempts started by `threshold.SigningRestarted` (a round timed out). */
	restarts: number[];
	signersChosen: { attempt: number; signers: number[] }[];
	/** The events of the block that applied it. */
	events: unknown[];
}

export declare function committeeKey(api: ApiPromise, at?: BlockHashLike): Promise<CommitteeKey | null>;
export declare function waitCommitteeKey(api: ApiPromise, opts?: { timeoutMs?: number; intervalMs?: number }): Promise<CommitteeKey>;
/** `unlearning.submitUpdate` by the model's owner; `uri` null submits `Unchanged`. */
export declare function submitUpdate(
	api: ApiPromise,
	signer: unknown,
	request: number | bigint,
	tx: number | bigint,
	uri: ModelUri | null,
	options?: Record<string, unknown>,
): Promise<SubmittedUpdate>;
/** `threshold.proposeRedaction(request)` by anyone: queues the owners' submitted URIs. */
export declare function proposeRedaction(
	api: ApiPromise,
	signer: unknown,
	request: number | bigint,
	options?: Record<string, unknown>,
): Promise<ProposedRedaction>;
export declare function awaitRedaction(
	api: ApiPromise,
	opts: { proposal?: number | null; request?: number | null; fromBlock?: number | null; timeoutMs?: number; intervalMs?: number },
): Promise<AppliedRedaction>;
export declare const THRESHOLD_PAUSED_KEY: 'blockful/threshold/paused';
export declare function thresholdPausedKey(account?: Uint8Array | string | { toU8a(isBare?: boolean): Uint8Array } | null): string;
export declare function setThresholdPaused(api: ApiPromise, paused: boolean, account?: string | Uint8Array | null): Promise<string>;
