// Prints the `rpc` definitions as JSON (what `npm run rpc-json` writes to rpc.json).
import { rpc } from '../index.js';

process.stdout.write(`${JSON.stringify(rpc, null, 2)}\n`);
