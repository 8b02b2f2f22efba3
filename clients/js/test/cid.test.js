// Model CIDs: `rawCid` gives what `ipfs add --cid-version 1` prints for a file of at most
// 256 KiB, `isModelCid` accepts exactly what the runtime's URI check (`blockful-model-cid`)
// accepts. The vectors are kubo's (primitives/model-cid); the SHA-256 is checked against
// node:crypto.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { isModelCid, rawCid } from '../index.js';

// kubo 0.43.1: the empty file (raw) and 256 KiB + 1 bytes (a dag-pb root).
const EMPTY = 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku';
const DAG_PB = 'bafybeia64zkkh472l3nzlqjdb4vmmpragop23z24t5axwmsgfqxya253uq';

/** Reference encoding: base32 by way of a bit string. */
function referenceRawCid(bytes) {
	const cid = Buffer.concat([Buffer.from([0x01, 0x55, 0x12, 0x20]), createHash('sha256').update(bytes).digest()]);
	let bits = [...cid].map((b) => b.toString(2).padStart(8, '0')).join('');
	bits = bits.padEnd(Math.ceil(bits.length / 5) * 5, '0');
	return `b${bits.match(/.{5}/g).map((c) => 'abcdefghijklmnopqrstuvwxyz234567'[parseInt(c, 2)]).join('')}`;
}

test('rawCid of the empty file is kubo\'s CID', () => {
	assert.equal(rawCid(new Uint8Array()), EMPTY);
	assert.equal(rawCid(''), EMPTY);
	assert.equal(rawCid('m0').length, 59);
	assert.equal(rawCid('m0'), rawCid(new TextEncoder().encode('m0')), 'a string is hashed as its UTF-8 bytes');
	assert.notEqual(rawCid('m0'), rawCid('m1'));
});

test('rawCid agrees with node:crypto\'s SHA-256 across padding boundaries and up to 256 KiB', () => {
	for (const n of [1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 1000, 65_536, 262_144]) {
		const bytes = randomBytes(n);
		const cid = rawCid(bytes);
		assert.equal(cid, referenceRawCid(bytes), `${n} bytes`);
		assert.ok(cid.startsWith('bafkrei'), cid);
		assert.ok(isModelCid(cid), cid);
	}
});

test('rawCid refuses a file longer than one raw block', () => {
	assert.throws(() => rawCid(new Uint8Array(262_145)), (e) => e instanceof Error && /262145 bytes.*dag-pb/.test(e.message));
	assert.throws(() => rawCid(42), TypeError);
});

test('isModelCid accepts the canonical strings of raw and dag-pb CIDv1s and nothing else', () => {
	assert.equal(isModelCid(EMPTY), true);
	assert.equal(isModelCid(DAG_PB), true);
	const notCids = [
		['upper case', EMPTY.toUpperCase()],
		['upper case after the prefix', `b${EMPTY.slice(1).toUpperCase()}`],
		['58 characters', EMPTY.slice(0, 58)],
		['60 characters', `${EMPTY}a`],
		['CIDv0', 'QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH'],
		['trailing bits set', `${EMPTY.slice(0, 58)}v`],
		['a character outside base32', `${EMPTY.slice(0, 7)}-${EMPTY.slice(8)}`],
		['a digit outside base32', `${EMPTY.slice(0, 10)}1${EMPTY.slice(11)}`],
		['another multibase', `z${EMPTY.slice(1)}`],
		['printable, not a CID', 'bafkrei-not-a-cid'],
		['empty', ''],
		['dag-cbor', referenceRawCid(new Uint8Array()).replace(/^bafkrei/, 'bafyrei')],
	];
	for (const [what, uri] of notCids) assert.equal(isModelCid(uri), false, `${what}: ${uri}`);
	for (const v of [null, undefined, 42, new TextEncoder().encode(EMPTY)]) assert.equal(isModelCid(v), false);
});
