// The BlockFUL chameleon hash, written independently in JavaScript on @noble/curves'
// ristretto255, following the encoding fixed in primitives/chameleon (issue 2):
//   Hs(x) = SHA-512(x) mod l (64-byte little-endian wide reduction)
//   e = Hs("blockful/ch/v1" || Y || R || m),  C = R - (e*Y + s*B),  rand = R || s
import { createHash, randomBytes } from 'node:crypto';
import { ristretto255 } from '@noble/curves/ed25519.js';

const Point = ristretto255.Point;
export const L = Point.Fn.ORDER;
const TAG = new TextEncoder().encode('blockful/ch/v1');

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

/** Hash-to-scalar: SHA-512, read as a 64-byte little-endian integer, reduced mod l. */
export const hs = (...parts) => leToBigInt(createHash('sha512').update(concat(...parts)).digest()) % L;

const randomScalar = () => {
	for (;;) { const s = leToBigInt(randomBytes(64)) % L; if (s !== 0n) return s; }
};
const mul = (p, k) => (k % L === 0n ? Point.ZERO : p.multiply(k % L));

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

/** verify(Y, m, rand, C) as the runtime does it: false for an identity or undecodable key,
 * a non-canonical s, or an R that is no point encoding. */
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

const DEV_TRAPDOOR_TAG = new TextEncoder().encode('blockful/ch/dev-trapdoor');

/** The INSECURE development trapdoor x = Hs("blockful/ch/dev-trapdoor"): public knowledge,
 * the key of `--dev` and `local` chains only. */
export const devSecret = () => hs(DEV_TRAPDOOR_TAG);

/** The public key Y = x·B of a trapdoor x. */
export const publicKeyOf = (x) => mul(Point.BASE, x).toBytes();

/** The development trapdoor and its public key (bytes): { secret, publicKey }. */
export function devKey() {
	const x = devSecret();
	return { secret: x, publicKey: publicKeyOf(x) };
}

const NONCE_TAG = new TextEncoder().encode('blockful/ch/v1/adapt-nonce');

/** adapt(x, C, m'): a collision opening check C to message m' (R' = C + k·B,
 * e' = Hs(tag ‖ Y ‖ R' ‖ m'), s' = k − e'·x). The nonce is hedged like the Rust one:
 * k = Hs("blockful/ch/v1/adapt-nonce" ‖ 32 random bytes ‖ x ‖ C ‖ m'). Returns
 * rand = R' ‖ s' (64 bytes). */
export function chAdapt(x, check, message) {
	const Y = publicKeyOf(x);
	const C = Point.fromBytes(check);
	const k = hs(NONCE_TAG, randomBytes(32), bigIntToLe32(x), check, message);
	const Rb = C.add(mul(Point.BASE, k)).toBytes();
	const e = hs(TAG, Y, Rb, message);
	const s = (((k - e * x) % L) + L) % L;
	return concat(Rb, bigIntToLe32(s));
}
