// The emulator's prompt cache: which token prefixes it has seen, per model, as hashes at 128-token boundaries.
// Bounded (an LRU of prefix hashes) and timed (entries live for a TTL after their latest write or reuse).

/** OpenAI: caching starts at 1,024 prompt tokens and counts cached tokens in steps of 128 (rounded down). */
export const CACHE_BLOCK = 128;
export const CACHE_MIN_TOKENS = 1024;
export const CACHE_MIN_BLOCKS = CACHE_MIN_TOKENS / CACHE_BLOCK;
/** About 10 MB of keys: a 100,000-token prompt holds ~780 of them. */
export const DEFAULT_MAX_ENTRIES = 65_536;

export class PromptCache {
  /** Prefix hash → expiry (ms). Map order is recency: the first key is the least recently used. */
  private readonly entries = new Map<string, number>();
  private readonly maxEntries: number;
  private readonly clock: () => number;

  constructor(maxEntries = DEFAULT_MAX_ENTRIES, clock: () => number = Date.now) {
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * `hashes[k]` names the prompt's first (k + 1) × 128 tokens. Returns how many leading blocks were cached (0 when
   * fewer than 1,024 tokens were), then records every prefix of ≥ 1,024 tokens as written or reused now.
   */
  use(hashes: string[], ttlMs: number): number {
    const now = this.clock();
    let blocks = 0;
    for (let k = CACHE_MIN_BLOCKS - 1; k < hashes.length; k++) {
      const expires = this.entries.get(hashes[k]);
      if (expires === undefined) break;
      if (expires <= now) {
        this.entries.delete(hashes[k]);
        break;
      }
      blocks = k + 1;
    }
    for (let k = CACHE_MIN_BLOCKS - 1; k < hashes.length; k++) {
      this.entries.delete(hashes[k]);
      this.entries.set(hashes[k], now + ttlMs);
    }
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
    return blocks;
  }
}
