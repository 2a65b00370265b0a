// Anthropic's prompt caching as the emulator plays it. Documented (prompt-caching page): only prefixes closed by a
// `cache_control` breakpoint are cached; a hit reads the longest cached prefix, the rest up to the last breakpoint is
// written; entries live 5 minutes (or 1 hour with ttl "1h"), refreshed each time they are read; a prefix shorter than
// the model's minimum is not cached at all. Ours: one minimum (1,024 tokens) for every model, every request hits when
// its prefix is live (the real cache is best-effort, batches especially), a bounded number of entries.
import type { Breakpoint } from './promptTokens.ts';

export const CACHE_MIN_TOKENS = 1_024;
const TTL_MS = { '5m': 300_000, '1h': 3_600_000 } as const;
const MAX_ENTRIES = 65_536;

export interface CacheUse {
  read: number;
  written: number;
  written5m: number;
  written1h: number;
}

export class ClaudePromptCache {
  /** prefix digest → expiry (ms); Map order is least recently used first. */
  private readonly entries = new Map<string, number>();

  /** The tokens a request would read from the cache now, without touching it (the rate limiter's estimate). */
  peek(breakpoints: Breakpoint[], now: number): number {
    let read = 0;
    for (const b of breakpoints) {
      if (b.tokens < CACHE_MIN_TOKENS) continue;
      const expires = this.entries.get(b.prefix);
      if (expires !== undefined && expires > now) read = Math.max(read, b.tokens);
    }
    return read;
  }

  use(breakpoints: Breakpoint[], now: number): CacheUse {
    const cacheable = breakpoints.filter((b) => b.tokens >= CACHE_MIN_TOKENS);
    if (cacheable.length === 0) return { read: 0, written: 0, written5m: 0, written1h: 0 };
    let read = 0;
    for (const b of cacheable) {
      const expires = this.entries.get(b.prefix);
      if (expires !== undefined && expires > now) read = Math.max(read, b.tokens);
    }
    const last = cacheable.at(-1)!;
    const written = Math.max(0, last.tokens - read);
    for (const b of cacheable) this.keep(b.prefix, now + TTL_MS[b.ttl]);
    return { read, written, written5m: last.ttl === '5m' ? written : 0, written1h: last.ttl === '1h' ? written : 0 };
  }

  private keep(prefix: string, expires: number): void {
    const previous = this.entries.get(prefix) ?? 0;
    this.entries.delete(prefix);
    this.entries.set(prefix, Math.max(expires, previous));
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }
}
