// Prompt-cache hits expected in a file, found before anything is sent: requests whose prompts start with the same
// 1,024+ tokens as an earlier request of the same model (tokens/cachePrefixes.ts finds the candidates).
//
// OpenAI's rules (prompt-caching guide): caching is automatic from 1,024 tokens; earlier models report cached tokens
// rounded down to a multiple of 128, GPT-5.6 and later cache the exact eligible prefix and bill each write at 1.25×
// input. A hit is likely, not certain (requests sent at the same moment may all miss, a cache entry lives minutes):
// the expected figure assumes EXPECTED_HIT_RATE of the possible hits, or what earlier runs of the prompt measured.
// `low` assumes every possible hit, `max` none (and, where writes are billed, a write on every request).
import type { CachePrefix } from '../tokens/cachePrefixes.ts';

/** Assumption (no published figure): the share of possible cache hits that happen. History replaces it. */
export const EXPECTED_HIT_RATE = 0.8;
const CACHED_STEP = 128;
/** Distinct prefixes remembered per model. A file of unique long prompts makes one per line; past the bound the oldest
 *  are forgotten (a later repeat then counts as a miss, which errs towards the higher cost). */
const MAX_PREFIXES_PER_MODEL = 200_000;

/** Cache tokens of one request: reads (cached) and writes (cache_write), per scenario. */
export interface LineCache {
  /** Tokens that could be read from the cache (an earlier request wrote them). */
  possible: number;
  cached_low: number;
  cached_expected: number;
  write_low: number;
  write_expected: number;
  write_max: number;
}

export const NO_CACHE: Readonly<LineCache> = Object.freeze({ possible: 0, cached_low: 0, cached_expected: 0, write_low: 0, write_expected: 0, write_max: 0 });

export interface CacheRules {
  /** GPT-5.6 and later: exact boundaries, writes billed. Earlier: 128-token steps, writes free. Claude bills writes. */
  billsWrites: boolean;
  /** Cached tokens counted in steps of this many (default: 1 where writes are billed, else OpenAI's 128). Gemini's
   *  implicit cache documents no step: 1. */
  step?: number;
}

/** Measured shares of input read from and written to the cache (from history), or null to use the assumed rate. */
export type HitRate = { ratio: number; write_ratio: number } | null;

export class PrefixTracker {
  private readonly seen = new Map<string, Set<string>>();

  /** The cache figures of the next request of `model` (call in input order: only earlier requests can have written). */
  next(model: string, prefixes: CachePrefix[], input: number, rules: CacheRules, measured: HitRate): LineCache {
    if (prefixes.length === 0 && measured === null) return NO_CACHE;
    let seen = this.seen.get(model);
    if (seen === undefined) this.seen.set(model, (seen = new Set()));
    let hit = 0;
    for (const p of prefixes) if (seen.has(p.hash)) hit = p.tokens;
    for (const p of prefixes) this.remember(seen, p.hash);
    const step = rules.step ?? (rules.billsWrites ? 1 : CACHED_STEP);
    const possible = Math.floor(hit / step) * step;
    const longest = prefixes.length > 0 ? prefixes[prefixes.length - 1].tokens : 0;
    // The part of the longest prefix not read from the cache is written (on the models that bill writes).
    const writeOnHit = rules.billsWrites ? Math.max(0, longest - possible) : 0;
    const writeOnMiss = rules.billsWrites ? longest : 0;
    let expected = possible * EXPECTED_HIT_RATE;
    const hitShare = possible > 0 ? EXPECTED_HIT_RATE : 0;
    let writeExpected = possible > 0 ? hitShare * writeOnHit + (1 - hitShare) * writeOnMiss : writeOnMiss;
    if (measured !== null) {
      // What earlier runs of this prompt measured replaces the assumption, reads and writes alike.
      expected = measured.ratio * input;
      writeExpected = rules.billsWrites ? measured.write_ratio * input : 0;
    }
    // Every input token is uncached, read or written: never more than the input in any scenario.
    const fit = (cached: number, written: number): [number, number] => {
      const c = Math.min(input, cached);
      return [c, Math.min(input - c, written)];
    };
    const [cachedLow, writeLow] = fit(Math.max(possible, expected), possible > 0 ? writeOnHit : writeOnMiss);
    const [cachedExpected, writeExp] = fit(expected, writeExpected);
    return {
      possible,
      cached_low: cachedLow,
      cached_expected: cachedExpected,
      write_low: writeLow,
      write_expected: writeExp,
      // Never below the expected writes (history can measure writes where no prefix is seen): max bounds expected.
      write_max: Math.min(input, Math.max(writeOnMiss, writeExp)),
    };
  }

  private remember(seen: Set<string>, hash: string): void {
    if (seen.has(hash)) return;
    if (seen.size >= MAX_PREFIXES_PER_MODEL) seen.delete(seen.values().next().value!);
    seen.add(hash);
  }
}
