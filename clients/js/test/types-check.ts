// Compile-only check of index.d.ts (`npm run typecheck`).
import { ApiPromise, WsProvider } from '@polkadot/api';
import { lineage, liveModel, rpc, typesBundle, verifyLiveChain, type ArchivedVersion } from '@blockful/api-definitions';

export async function example(): Promise<number> {
	const api = await ApiPromise.create({ provider: new WsProvider('ws://127.0.0.1:9944'), rpc, typesBundle });
	const report = await verifyLiveChain(api, { from: 0, count: 100 });
	const model = await liveModel(api, 0);
	const versions: ArchivedVersion[] = await lineage(api, model.tx);
	return report.ok ? versions.length : -1;
}

import { awaitRedaction, committeeKey, isModelCid, proposeRedaction, rawCid, setThresholdPaused, submitUpdate, thresholdPausedKey,
	waitCommitteeKey, type AppliedRedaction, type CommitteeKey, type SubmittedUpdate } from '@blockful/api-definitions';

export async function redactionExample(api: ApiPromise, requester: unknown): Promise<number[]> {
	const key: CommitteeKey = await waitCommitteeKey(api, { timeoutMs: 60_000 });
	const now: CommitteeKey | null = await committeeKey(api);
	const uri: string = rawCid('m0-unlearned');
	const file: string = rawCid(new Uint8Array([0x6d, 0x30]));
	const valid: boolean = isModelCid(uri) && isModelCid(file);
	if (!valid) throw new Error('not a model CID');
	const submitted: SubmittedUpdate = await submitUpdate(api, requester, 0, 0, uri);
	const unchanged: SubmittedUpdate = await submitUpdate(api, requester, 0, 1, null);
	if (submitted.fallback || unchanged.fallback) throw new Error('the owner submitted');
	const proposed = await proposeRedaction(api, requester, 0);
	const applied: AppliedRedaction = await awaitRedaction(api, { proposal: proposed.proposal, fromBlock: proposed.blockNumber });
	const flag: string = thresholdPausedKey(new Uint8Array(32));
	await setThresholdPaused(api, false, key.members[0]);
	return now && flag ? applied.signers : [];
}
