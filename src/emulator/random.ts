// Every "random" choice of the emulator comes from here, so that --seed makes answers and faults reproducible.
import { createHash, randomBytes } from 'node:crypto';

/** A number in [0, 1) fixed by the seed and the parts: the same inputs always give the same value. */
export function hashUnit(seed: number, ...parts: (string | number)[]): number {
  return hashBytes(seed, parts).readUInt32BE(0) / 0x1_0000_0000;
}

/** 32 bytes fixed by the seed and the parts (for vectors and word choices). */
export function hashBytes(seed: number, parts: (string | number)[]): Buffer {
  const h = createHash('sha256');
  h.update(String(seed));
  for (const p of parts) {
    h.update('\u0000');
    h.update(String(p));
  }
  return h.digest();
}

/** A seeded stream of numbers in [0, 1) (mulberry32): for per-call faults, which depend on the order of calls. */
export function seededStream(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** An id like the real ones ("batch_…", "file-…", "req_…"). Ids are unique, not seeded: two emulators sharing a
 *  --data-dir must never mint the same id. */
export function newId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let out = prefix;
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

/** A request id as the real API prints it in x-request-id and batch lines (32 hex digits). */
export function newRequestId(): string {
  return `req_${randomBytes(16).toString('hex')}`;
}
