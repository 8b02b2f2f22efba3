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
