// The JavaScript chameleon hash against primitives/chameleon/test-vectors.json (pinned by
// the Rust crate): the dev trapdoor's public key, every valid opening and collision, the
// invalid entries, and fresh JS collisions for the vectors' check values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chAdapt, chHash, chVerify, devKey } from './chameleon.js';

const hex = (h) => Uint8Array.from(Buffer.from(h, 'hex'));
const vectors = JSON.parse(readFileSync(new URL('../../primitives/chameleon/test-vectors.json', import.meta.url)));
const { secret, publicKey } = devKey();
const DEV_Y = Buffer.from(publicKey).toString('hex');

test('the dev trapdoor Hs("blockful/ch/dev-trapdoor") gives the vectors\' dev public key', () => {
	const dev = vectors.filter((v) => v.y === DEV_Y);
	assert.ok(dev.length >= 8, `expected the dev key ${DEV_Y} in at least 8 vectors, found ${dev.length}`);
});

test('every valid vector opens both messages; every invalid one is rejected', () => {
	for (const v of vectors) {
		const ok1 = chVerify(hex(v.y), hex(v.m), hex(v.r + v.s), hex(v.c));
		if (v.valid) {
			assert.ok(ok1, `opening 1 of ${v.c}`);
			assert.ok(chVerify(hex(v.y), hex(v.m2), hex(v.r2 + v.s2), hex(v.c)), `opening 2 of ${v.c}`);
		} else {
			// One field is altered (named in `comment`): the opening that uses it must fail.
			const ok2 = chVerify(hex(v.y), hex(v.m2), hex(v.r2 + v.s2), hex(v.c));
			const field = v.comment.split(' ')[0];
			const usesSecond = ['m2', 'r2', 's2'].includes(field);
			if (usesSecond) assert.ok(!ok2, `invalid vector accepted: ${v.comment}`);
			else assert.ok(!ok1 && (field !== 'y' || !ok2), `invalid vector accepted: ${v.comment}`);
		}
	}
});

test('JS collisions under the dev key verify, for the vectors\' check values and fresh hashes', () => {
	for (const v of vectors.filter((x) => x.valid && x.y === DEV_Y)) {
		const rand = chAdapt(secret, hex(v.c), hex(v.m2));
		assert.ok(chVerify(publicKey, hex(v.m2), rand, hex(v.c)));
		assert.ok(!chVerify(publicKey, hex(v.m), rand, hex(v.c)));
	}
	const { check, rand } = chHash(publicKey, new Uint8Array([1, 2, 3]));
	assert.ok(chVerify(publicKey, new Uint8Array([1, 2, 3]), rand, check));
	const r2 = chAdapt(secret, check, new Uint8Array([4, 5]));
	assert.ok(chVerify(publicKey, new Uint8Array([4, 5]), r2, check));
});
