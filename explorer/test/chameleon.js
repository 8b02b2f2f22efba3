// The BlockFUL chameleon hash in JavaScript on @noble/curves' ristretto255, for the browser
// test's scenario. hash/verify are copied from e2e/js/chameleon.js; adapt and the dev
// trapdoor follow primitives/chameleon (README "The scheme"):
//   Hs(x) = SHA-512(x) mod l (64-byte little-endian wide reduction)
//   hash:   e = Hs("blockful/ch/v1" || Y || R || m),  C = R - (e*Y + s*B),  rand = R || s
//   adapt:  R' = C + k*B,  e' = Hs("blockful/ch/v1" || Y || R' || m'),  s' = k - e'*x
//   dev trapdoor x_dev = Hs("blockful/ch/dev-trapdoor") (public, INSECURE: dev chains only)
import { createHash, randomBytes } from 'node:crypto';
import { ristretto255 } from '@noble/curves/ed25519.js';

const Point = ristretto255.Point;
export const L = Point.Fn.ORDER;
const enc = (s) => new TextEncoder().encode(s);
const TAG = enc('blockful/ch/v1');
const DEV_TAG = enc('blockful/ch/dev-trapdoor');
const NONCE_TAG = enc('blockful/ch/v1/adapt-nonce');

const leToBigInt = (bytes) => bytes.reduceRight((acc, b) => (acc << 8n) | BigInt(b), 0n);
export const bigIntToLe32 = (n) => {
	const out = new Uint8Array(32);
	for (let i = 0; i < 32; i++) { out[i] = Number(n & 0xffn); n >>= 8n; }
	return out;
};
const concat = (...parts) => {
	const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
	let o = 0; for (const p of parts) { out.set(p, o); o += p.length; }
	return out;
};
const mod = (a) => ((a % L) + L) % L;

/** Hash-to-scalar: SHA-512, read as a 64-byte little-endian integer, reduced mod l. */
export const hs = (...parts) => leToBigInt(createHash('sha512').update(concat(...parts)).digest()) % L;

const randomScalar = () => {
	for (;;) { const s = leToBigInt(randomBytes(64)) % L; if (s !== 0n) return s; }
};
const mul = (p, k) => (k % L === 0n ? Point.ZERO : p.multiply(k % L));

/** The insecure development trapdoor x_dev and its public key (bytes). */
export function devKey() {
	const x = hs(DEV_TAG);
	return { secret: x, publicKey: mul(Point.BASE, x).toBytes() };
}

/** hash(Y, m): returns { check: 32 bytes, rand: 64 bytes (R || s) }. */
export function chHash(publicKey, message) {
	const Y = Point.fromBytes(publicKey);
	const r = randomScalar();
	const s = randomScalar();
	const R = mul(Point.BASE, r);
	const Rb = R.toBytes();
	const e = hs(TAG, publicKey, Rb, message);
	const C = R.subtract(mul(Y, e).add(mul(Point.BASE, s)));
	return { check: C.toBytes(), rand: concat(Rb, bigIntToLe32(s)) };
}

/** verify(Y, m, rand, C) as the runtime does it. */
export function chVerify(publicKey, message, rand, check) {
	try {
		const Y = Point.fromBytes(publicKey);
		if (Y.equals(Point.ZERO)) return false;
		const Rb = rand.slice(0, 32);
		const s = leToBigInt(rand.slice(32, 64));
		if (s >= L) return false;
		const R = Point.fromBytes(Rb);
		const e = hs(TAG, publicKey, Rb, message);
		const C = R.subtract(mul(Y, e).add(mul(Point.BASE, s)));
		return Buffer.from(C.toBytes()).equals(Buffer.from(check));
	} catch {
		return false; // a byte string that is no point encoding
	}
}

/**
 * adapt(x, C, m'): randomness opening the existing check value `check` to `message` under
 * Y = x·B. The nonce is hedged like the Rust one: k = Hs(tag || 32 random bytes || x || C || m').
 */
export function chAdapt(secret, check, message) {
	const C = Point.fromBytes(check);
	const publicKey = mul(Point.BASE, secret).toBytes();
	const k = hs(NONCE_TAG, randomBytes(32), bigIntToLe32(secret), check, message);
	const Rp = C.add(mul(Point.BASE, k)).toBytes();
	const e = hs(TAG, publicKey, Rp, message);
	const s = mod(k - e * secret);
	return concat(Rp, bigIntToLe32(s));
}
