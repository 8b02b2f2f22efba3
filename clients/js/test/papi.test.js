// The polkadot-api descriptors in papi/ are what `papi generate` makes from the checked-in
// metadata (chain-client/metadata/blockful.scale, itself checked against the runtime by
// runtime/tests/metadata.rs): regenerated here into a scratch directory and compared file
// by file, like the subxt metadata. Regenerate with `npm run papi` in clients/js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const metadataFile = join(root, '../../chain-client/metadata/blockful.scale');

/** Every file under `dir`, relative, sorted. */
function files(dir, prefix = '') {
	return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? files(dir, join(prefix, e.name)) : [join(prefix, e.name)]).sort();
}

test('the papi descriptors embed exactly the checked-in metadata', () => {
	const dist = join(root, 'papi/dist');
	const chunk = readdirSync(dist).find((f) => /^blockful_metadata-.*\.js$/.test(f));
	assert.ok(chunk, 'papi/dist holds the metadata chunk');
	const base64 = /const binMeta = "([A-Za-z0-9+/=]+)"/.exec(readFileSync(join(dist, chunk), 'utf8'))?.[1];
	assert.ok(base64, 'the chunk holds the metadata as base64');
	assert.deepEqual(Buffer.from(base64, 'base64'), readFileSync(metadataFile),
		'papi/ was generated from another metadata: run `npm run papi` in clients/js');
});

test('papi generate on the checked-in metadata reproduces papi/ byte for byte', { timeout: 240_000 }, () => {
	const scratch = join(root, '.papi-check');
	rmSync(scratch, { recursive: true, force: true });
	mkdirSync(scratch);
	try {
		const config = join(scratch, 'polkadot-api.json');
		const ours = JSON.parse(readFileSync(join(root, '.papi/polkadot-api.json'), 'utf8'));
		writeFileSync(config, JSON.stringify({ ...ours, descriptorPath: '.papi-check/descriptors' }));
		execFileSync(join(root, 'node_modules/.bin/papi'), ['generate', '--config', config],
			{ cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
		const fresh = join(scratch, 'descriptors');
		// papi writes a .gitignore that ignores the package; ours is checked in, without it.
		rmSync(join(fresh, '.gitignore'), { force: true });
		const checkedIn = join(root, 'papi');
		assert.deepEqual(files(fresh), files(checkedIn), 'the same files (run `npm run papi`)');
		for (const f of files(fresh)) {
			assert.ok(readFileSync(join(fresh, f)).equals(readFileSync(join(checkedIn, f))),
				`papi/${f} is stale: run \`npm run papi\` in clients/js`);
		}
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
});
