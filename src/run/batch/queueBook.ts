// What the Batch API lets us have at once: per model, an enqueued-token limit over every batch that is validating,
// running or finalizing ("Queued prompt tokens per model"), and per account, 2,000 batch creations an hour. The book
// keeps what is known of the limit (given, read from a refusal's message, or only bounded by a refusal), what our live
// batches hold of it, and the creations, so the scheduler sends a part only when it fits and never on a timer while
// one of our batches is still there to end first.
import type { RunContext } from '../runContext.ts';
import type { QueueLimit } from '../state/state.ts';

/** One part takes at most this share of a known limit: our token count is the estimator's, the API counts its own. */
export const PART_FILL = 0.95;
/** A part is never cut below this many requests, nor below 1/8 of the limit, on a guess (a refusal that its own size
 *  does not explain): smaller batches only multiply creations against a queue that is full anyway. */
export const MIN_SPLIT_LINES = 1_000;
export const MIN_SPLIT_SHARE = 1 / 8;
/** "You can create up to 2,000 batches per hour." */
export const HOURLY_CREATIONS = 2_000;
export const HOUR_MS = 3_600_000;
export const DEFAULT_MAX_BATCHES = 500;
/** With none of our batches left to end, a refused part is tried again after this, doubling, up to 30 minutes. */
export const MAX_BACKOFF_MS = 30 * 60_000;

export interface Limit {
  tokens: number;
  /** Exact (given, or the API's message said it); else only an upper bound. */
  exact: boolean;
}

/** "… Limit: 2,000,000 enqueued tokens." (OpenAI) or "… the configured limit of 30K …" (Azure). */
export function limitFromMessage(message: string | null | undefined): number | null {
  if (!message || !/token/i.test(message)) return null;
  const openai = /Limit:\s*([\d,]+)\s*enqueued tokens/i.exec(message);
  if (openai) return Number(openai[1].replaceAll(',', '')) || null;
  const azure = /limit of\s*([\d.,]+)\s*([KMB])?\b/i.exec(message);
  if (azure) {
    const scale = { K: 1e3, M: 1e6, B: 1e9 }[(azure[2] ?? '').toUpperCase() as 'K' | 'M' | 'B'] ?? 1;
    const n = Number(azure[1].replaceAll(',', '')) * scale;
    return n > 0 ? Math.round(n) : null;
  }
  return null;
}

interface ModelQueue {
  /** Tokens of our live batches, by part key. */
  live: Map<string, number>;
  /** Refused with nothing of ours explaining it: no submission until one of our batches ends, or (none live) until
   *  `until`. */
  blocked: boolean;
  until: number;
  backoffs: number;
}

export class QueueBook {
  private readonly ctx: RunContext;
  private readonly models = new Map<string, ModelQueue>();
  private readonly fromFlag: number | null;

  constructor(ctx: RunContext) {
    this.ctx = ctx;
    this.fromFlag = ctx.queueLimitTokens;
  }

  private model(m: string): ModelQueue {
    let q = this.models.get(m);
    if (!q) this.models.set(m, (q = { live: new Map(), blocked: false, until: 0, backoffs: 0 }));
    return q;
  }

  /** The limit as far as it is known: a limit the API stated in this state wins over the flag when lower (the flag
   *  may be stale); an upper bound only counts when nothing exact is known. */
  limit(m: string): Limit | null {
    const learned = this.ctx.state.queue_limits?.[m];
    if (learned?.source === 'api') return { tokens: this.fromFlag !== null ? Math.min(this.fromFlag, learned.tokens) : learned.tokens, exact: true };
    if (this.fromFlag !== null) return { tokens: this.fromFlag, exact: true };
    if (learned) return { tokens: learned.tokens, exact: false };
    return null;
  }

  /** The most tokens one part (and all our live parts of the model together) should hold: null when unlimited. */
  room(m: string): number | null {
    const l = this.limit(m);
    if (!l) return null;
    return l.exact ? Math.max(1, Math.floor(l.tokens * PART_FILL)) : l.tokens;
  }

  /** The token size to plan parts at, per model: only models whose limit is known exactly (a bound only gates and
   *  halves; planning at it could make parts of any smallness). */
  planTokens(models: Iterable<string>): Record<string, number> {
    const out: Record<string, number> = {};
    for (const m of models) {
      if (this.limit(m)?.exact) out[m] = this.room(m)!;
    }
    return out;
  }

  queued(m: string): number {
    let t = 0;
    for (const v of this.model(m).live.values()) t += v;
    return t;
  }

  liveCount(m: string): number {
    return this.model(m).live.size;
  }

  enter(m: string, key: string, tokens: number): void {
    this.model(m).live.set(key, tokens);
  }

  /** One of our batches left the queue: `freed` when it had been accepted (its end is the event a held part waits
   *  for), not when the queue refused it. */
  leave(m: string, key: string, freed: boolean): void {
    const q = this.model(m);
    q.live.delete(key);
    if (freed) q.blocked = false;
  }

  /** Why a part of `tokens` cannot be sent now, or null when it can. */
  holdReason(m: string, tokens: number, now: number): string | null {
    const q = this.model(m);
    if (q.blocked) {
      if (q.live.size > 0) return 'the queue refused the last part; waiting for one of our batches to end';
      if (now < q.until) return 'the queue refused the last part and none of our batches is running; waiting before trying again';
    }
    const room = this.room(m);
    // Alone in the queue a part always goes: if it is too big, the refusal says how big the queue is.
    if (room === null || q.live.size === 0) return null;
    return this.queued(m) + tokens <= room ? null : 'the queue is full';
  }

  /** When a held model may try again without a batch ending (epoch ms), or null: it waits for a poll. */
  wakeAt(m: string): number | null {
    const q = this.model(m);
    return q.blocked && q.live.size === 0 ? q.until : null;
  }

  /** A part of `tokens` was refused (token_limit_exceeded) while `before` tokens of ours were queued: learns the
   *  limit, and says whether the part's own size explains the refusal (then it must be cut to fit). */
  refused(m: string, tokens: number, before: number, message: string | null, now: number): { explained: boolean; learned: string | null } {
    const stated = limitFromMessage(message);
    const prior = this.ctx.state.queue_limits?.[m];
    let learned: string | null = null;
    const remember = (l: QueueLimit) => {
      this.ctx.state.queue_limits = { ...(this.ctx.state.queue_limits ?? {}), [m]: l };
    };
    if (stated !== null) {
      if (prior?.source !== 'api' || prior.tokens !== stated) {
        remember({ tokens: stated, source: 'api', at: new Date(now).toISOString() });
        learned = `the queue limit of ${m} is ${stated.toLocaleString('en-US')} enqueued tokens (the API says so)` +
          (this.fromFlag !== null && stated < this.fromFlag ? `, below --queue-limit ${this.fromFlag.toLocaleString('en-US')}: using it` : '');
      }
    } else if (prior?.source !== 'api' && this.fromFlag === null) {
      const bound = before + tokens - 1;
      if (!prior || bound < prior.tokens) {
        remember({ tokens: bound, source: 'refusal', at: new Date(now).toISOString() });
        learned = `the queue limit of ${m} is below ${(bound + 1).toLocaleString('en-US')} tokens (what was queued when it refused)`;
      }
    }
    return { explained: tokens > this.room(m)!, learned };
  }

  /** A refused part waits: until one of our batches of the model ends, or, with none live, for a backoff that
   *  doubles with each refusal in a row (from the longest poll interval, up to 30 minutes). */
  hold(m: string, now: number): void {
    const q = this.model(m);
    q.blocked = true;
    if (q.live.size === 0) {
      q.until = now + Math.min(MAX_BACKOFF_MS, Math.max(1_000, this.ctx.poll.max) * 2 ** q.backoffs);
      q.backoffs++;
    }
  }

  release(m: string): void {
    this.model(m).blocked = false;
  }

  /** The queue accepted a batch with `total` tokens of ours in it: the limit is at least that (an upper bound below
   *  it was a busy moment, not the limit), held parts may try again, and the backoff starts over. */
  accepted(m: string, total: number): void {
    const q = this.model(m);
    q.blocked = false;
    q.backoffs = 0;
    const learned = this.ctx.state.queue_limits?.[m];
    if (learned?.source === 'refusal' && total > learned.tokens) {
      const { [m]: _, ...rest } = this.ctx.state.queue_limits!;
      this.ctx.state.queue_limits = rest;
    }
  }

  /** Whether a part refused for no reason of its own size may be halved: only when both halves stay sensible. */
  mayHalve(m: string, lines: number, tokens: number): boolean {
    const l = this.limit(m);
    const floorTokens = l ? l.tokens * MIN_SPLIT_SHARE : 0;
    return lines / 2 >= MIN_SPLIT_LINES && tokens / 2 >= floorTokens;
  }

  // --- creations -------------------------------------------------------------------------------------------------

  private recent(now: number): number[] {
    const list = (this.ctx.state.creations ?? []).filter((t) => t > now - HOUR_MS);
    this.ctx.state.creations = list;
    return list;
  }

  /** Null when a batch may be created now; else why not and when it may (null: not in this run). */
  creationHold(now: number): { reason: 'max_batches' | 'hourly'; at: number | null } | null {
    if (this.ctx.created >= this.ctx.maxBatches) return { reason: 'max_batches', at: null };
    const recent = this.recent(now);
    if (recent.length >= HOURLY_CREATIONS) return { reason: 'hourly', at: Math.min(...recent) + HOUR_MS };
    return null;
  }

  created(now: number): void {
    this.ctx.created++;
    this.ctx.state.creations = [...this.recent(now), now];
  }
}
