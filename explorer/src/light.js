// A light client for the explorer: smoldot 3.4.1 (the version the project's polkadot-api
// test runs) behind the `@substrate/connect` interface that @polkadot/api's ScProvider
// expects (`createScClient().addChain(chainSpec, onResponse)` → `{ sendJsonRpc, remove }`).
// smoldot runs in the page, connects to the chain spec's boot nodes over WebSocket and
// checks every answer against the finalized headers it follows.
import { start } from 'smoldot';

let client = null;

/** Adds `chainSpec` (JSON text) to the page's smoldot; JSON-RPC responses go to `onResponse`. */
async function addChain(chainSpec, onResponse) {
	client ??= start({ maxLogLevel: 3 });
	const chain = await client.addChain({ chainSpec });
	let removed = false;
	(async () => {
		while (!removed) {
			let response;
			try {
				response = await chain.nextJsonRpcResponse();
			} catch {
				return; // the chain was removed or smoldot stopped
			}
			onResponse(response);
		}
	})();
	return {
		sendJsonRpc: (request) => chain.sendJsonRpc(request),
		remove: () => { removed = true; chain.remove(); },
		addChain: (spec, cb) => addChain(spec, cb),
	};
}

/** What `new ScProvider(Sc, chainSpec)` needs of `Sc`. */
export const Sc = {
	WellKnownChain: {},
	createScClient: () => ({
		addChain,
		addWellKnownChain: () => Promise.reject(new Error('no well-known chains: give the chain spec')),
	}),
};
