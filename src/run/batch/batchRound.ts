// One round of batches: the parts go out as the model's enqueued-token queue has room for them (queueBook.ts), are
// polled together until each is terminal, and their results come home; a batch that ends makes room for the next
// part at once (poll-driven). A part the queue refuses (token_limit_exceeded) teaches the limit: it is cut to fit when
// its own size is the reason, else it waits for one of our batches to end, or, with none left to end, for a backoff
// that doubles. It is never cut into tiny batches on a guess. With a safety net, the round is cut short when the time
// left is only what sync needs for what is unfinished: live batches are cancelled (what finished is kept) and the
// caller runs the rest synchronously. `--until`, `--max-batches` and a spent latency budget stop it early, leaving
// whatever runs running: the next run of the same command attaches to it (state.json, then batch metadata).
import OpenAI from 'openai';
import type { Provider } from '../providers/index.ts';
import type { Batch } from 'openai/resources/batches';
import { planBatches, piecesToFit, splitEvenly } from '../../requests/planBatches.ts';
import type { TokenPlanLine } from '../../requests/planBatches.ts';
import { formatDuration } from '../../shared/duration.ts';
import { sleep } from './batchApi.ts';
import { cancelGraceMs, syncNeedMs } from '../plan/syncNeed.ts';
import type { RunContext } from '../runContext.ts';
import type { InProgress } from '../types.ts';
import { settlePart } from './settlePart.ts';
import type { PartState } from '../state/state.ts';
import { partMetadata, partState, partTokens, submitPart } from './submitPart.ts';
import { writeParts } from './writeParts.ts';
import type { WrittenPart } from './writeParts.ts';
import { MIN_SPLIT_LINES } from './queueBook.ts';
import { RunStateError } from '../errors.ts';
import type { QueueBook } from './queueBook.ts';
import { join } from 'node:path';

const TERMINAL = new Set(['completed', 'failed', 'expired', 'cancelled']);
const ACCEPTED = new Set(['in_progress', 'finalizing', 'completed']);
/** Polls in a row that may fail (after the SDK's own retries) before the run stops. */
const MAX_POLL_FAILURES = 10;

/** What to do about a remembered batch the server answers 404 for. */
function unknownBatchError(ctx: RunContext, batchId: string): RunStateError {
  return new RunStateError(
    `batch ${batchId}, recorded in ${join(ctx.outDir, 'state.json')}, is not known to the API: the key is likely of ` +
      `another project or organization than the one that created it, or the server lost it (a restarted emulator or ` +
      `proxy). Check OPENAI_API_KEY and OPENAI_BASE_URL; or run again with --fresh to start over — the answers already ` +
      `in ${ctx.outDir} are kept and not sent again.`,
  );
}

export interface RoundOutcome {
  /** Parts that settled (results on disk), cut pieces included. */
  settled: WrittenPart[];
  /** The safety net fired: batches were cancelled, the rest is the sync runner's. */
  netFired: boolean;
  /** The round stopped before every part settled; the rest waits for the next run. */
  stopped: { reason: InProgress['reason']; message: string } | null;
}

interface Live {
  wp: WrittenPart;
  ps: PartState;
  batch: Batch | null;
  /** Our tokens of the same model already queued when it was sent: a refusal says the limit is below both. */
  before: number;
  accepted: boolean;
}

function isTokenLimit(b: Batch): boolean {
  return b.status === 'failed' && (b.errors?.data ?? []).some((e) => e.code === 'token_limit_exceeded');
}

function tokenLimitMessage(b: Batch): string | null {
  return (b.errors?.data ?? []).find((e) => e.code === 'token_limit_exceeded')?.message ?? null;
}

/** Input plus output cap: what the safety net's sync arithmetic counts. */
function syncTokensOf(ctx: RunContext, lines: number[]): number {
  let t = 0;
  for (const l of lines) {
    const it = ctx.items.get(l)!;
    t += it.input_tokens + it.max_output_tokens;
  }
  return t;
}

function planLines(ctx: RunContext, lines: number[]): TokenPlanLine[] {
  return lines.map((l) => {
    const it = ctx.items.get(l)!;
    return { line: l, url: it.url, model: it.model, bytes: it.bytes, tokens: it.input_tokens };
  });
}

/** The pieces of a part that was cut: as many as recorded, of equal tokens (a rerun cuts the same ones), or, for
 *  state written before counts were recorded, halves by lines. */
async function piecesOf(ctx: RunContext, wp: WrittenPart, ps: PartState): Promise<WrittenPart[]> {
  const lines = planLines(ctx, wp.part.lines);
  const plan = ps.split_pieces !== undefined
    ? splitEvenly(lines, ps.split_pieces)
    : planBatches(lines, { ...ctx.limits, maxLines: Math.ceil(wp.part.lines.length / 2) });
  return writeParts(ctx.inputPath, join(ctx.outDir, 'parts'), plan.map((_, i) => `${wp.key}.${i}`), plan);
}

/** Cuts a part into `pieces` of equal tokens; recorded before the pieces exist. */
async function cut(ctx: RunContext, wp: WrittenPart, ps: PartState, pieces: number): Promise<WrittenPart[]> {
  ps.split = true;
  ps.split_pieces = Math.max(2, Math.min(pieces, wp.part.lines.length));
  ps.batch_id = null;
  ps.status = null;
  ctx.save();
  return piecesOf(ctx, wp, ps);
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** Plan order of part keys (`r0-p2.1` after `r0-p2.0`, before `r0-p3`): waiting parts go out in it. */
function byPlanOrder(a: WrittenPart, b: WrittenPart): number {
  const nums = (k: string) => k.replace(/^r\d+-p/, '').split('.').map(Number);
  const x = nums(a.key);
  const y = nums(b.key);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

export async function runRound(ctx: RunContext, round: number, written: WrittenPart[], book: QueueBook): Promise<RoundOutcome> {
  const waiting: WrittenPart[] = [];
  const live = new Map<string, Live>();
  const settled: WrittenPart[] = [];
  const of = written.length;
  const indexOf = new Map(written.map((w, i) => [w.key, i]));
  const tokens = new Map<string, number>();
  const tokensOf = (wp: WrittenPart) => {
    let t = tokens.get(wp.key);
    if (t === undefined) tokens.set(wp.key, (t = partTokens(ctx, wp.part.lines)));
    return t;
  };
  /** Requests of the parts settled in this run, for the progress line. */
  const ended = { completed: 0, failed: 0, other: 0 };
  const count = (wp: WrittenPart, b: Batch | null) => {
    const c = Math.min(wp.part.lines.length, b?.request_counts?.completed ?? 0);
    const f = Math.min(wp.part.lines.length - c, b?.request_counts?.failed ?? (b ? 0 : wp.part.lines.length));
    ended.completed += c;
    ended.failed += f;
    ended.other += wp.part.lines.length - c - f;
  };
  /** Refusals of a part that its size does not explain, while nothing else of ours was queued. */
  const aloneRefusals = new Map<string, number>();
  let interval = ctx.poll.min;
  let netFired = false;
  let pace: { t: number; done: number } | null = null;
  let lastLine = '';
  let pollFailures = 0;
  /** Why nothing more is sent in this run (the ceiling, the budget), once said. */
  let noMore: { reason: InProgress['reason']; message: string } | null = null;
  let hourlyUntil = 0;
  // Ids already announced through onBatchesSubmitted (the action's post step cancels them if the job is cut short);
  // each call hands over every batch id of the run so far.
  const reported = new Set<string>();
  const announce = (id: string) => {
    if (reported.has(id)) return;
    reported.add(id);
    ctx.onBatchesSubmitted?.(ctx.state.parts.flatMap((p) => (p.batch_id ? [p.batch_id] : [])));
  };
  const goLive = (wp: WrittenPart, ps: PartState) => {
    const before = book.queued(wp.part.model);
    live.set(wp.key, { wp, ps, batch: null, before, accepted: false });
    book.enter(wp.part.model, wp.key, tokensOf(wp));
    announce(ps.batch_id!);
  };

  // What a previous run left: settled parts stay settled, cut parts are cut the same way again, and batches that
  // exist are polled before anything new is sent (they hold the queue).
  const place = async (wp: WrittenPart): Promise<void> => {
    const ps = partState(ctx, round, wp);
    if (ps.split) {
      for (const piece of await piecesOf(ctx, wp, ps)) await place(piece);
    } else if (ps.done) settled.push(wp);
    else if (ps.batch_id) goLive(wp, ps);
    else waiting.push(wp);
  };
  for (const wp of written) await place(wp);

  const metadataOf = (wp: WrittenPart) => {
    const top = wp.key.split('.')[0];
    const index = indexOf.get(top) ?? 0;
    const md = partMetadata(ctx, wp, index, of, round);
    if (wp.key !== top) md.batchwise_part = `${index + 1}/${of} piece ${wp.key.slice(top.length + 1)}`;
    return md;
  };

  while (waiting.length > 0 || live.size > 0) {
    ctx.signal?.throwIfAborted();
    const now = Date.now();
    const untilPassed = ctx.until !== null && now >= ctx.until;

    // Nothing new once the latency budget is spent (the safety net, when there is one, acts before that).
    if (!noMore && !netFired && waiting.length > 0 && !ctx.decision.safety_net && now >= ctx.deadline) {
      noMore = { reason: 'deadline', message: `the latency budget ran out with ${waiting.reduce((n, w) => n + w.part.lines.length, 0)} requests not sent yet` };
      ctx.log(`${noMore.message}; running batches are waited for, the rest is for the next run`);
    }

    // Send what fits now: every waiting part whose model has room, oldest first. Past --until only when nothing of
    // ours runs: a run always leaves work going (an estimate longer than --until must not mean no progress ever).
    const maySend = !netFired && !noMore && (!untilPassed || live.size === 0);
    for (let i = 0; i < waiting.length && maySend; ) {
      const wp = waiting[i];
      const model = wp.part.model;
      const ps = partState(ctx, round, wp);
      const room = book.room(model);
      const t = tokensOf(wp);
      const limit = book.limit(model);
      // Too big for what is known of the queue: cut to fit a known limit; against a bound only halve, and only while
      // the halves stay sensible (a bound may be a busy moment, not the limit).
      if (room !== null && t > room && wp.part.lines.length > 1 && (limit!.exact || book.mayHalve(model, wp.part.lines.length, t))) {
        const pieces = await cut(ctx, wp, ps, limit!.exact ? piecesToFit(planLines(ctx, wp.part.lines), room) : 2);
        ctx.log(`part ${metadataOf(wp).batchwise_part}: ${fmt(t)} tokens, more than the queue of ${model} holds (${fmt(room)}); sent as ${pieces.length} parts of about ${fmt(Math.ceil(t / pieces.length))} tokens`);
        waiting.splice(i, 1, ...pieces);
        continue;
      }
      if (book.holdReason(model, t, Date.now()) !== null) {
        i++;
        continue;
      }
      const hold = book.creationHold(Date.now());
      if (hold?.reason === 'max_batches') {
        noMore = { reason: 'max_batches', message: `--max-batches ${ctx.maxBatches} reached: this run creates no more batches` };
        ctx.log(`${noMore.message}; running batches are waited for, the rest is for the next run`);
        break;
      }
      if (Date.now() < hourlyUntil) break;
      if (hold?.reason === 'hourly') {
        if (hourlyUntil !== hold.at) ctx.log(`2,000 batches were created in the last hour (the API's limit): the next one waits until ${new Date(hold.at!).toISOString()}`);
        hourlyUntil = hold.at!;
        break;
      }
      waiting.splice(i, 1);
      let how;
      try {
        how = await submitPart(ctx, wp, ps, metadataOf(wp));
      } catch (err) {
        // The creation limit, hit anyway (other jobs of the account create batches too): wait, do not fail the run.
        if (!(err instanceof OpenAI.RateLimitError)) throw err;
        hourlyUntil = Date.now() + retryAfterMs(err);
        ctx.log(`creating a batch was refused (${err.message}); trying again at ${new Date(hourlyUntil).toISOString()}`);
        waiting.splice(i, 0, wp);
        break;
      }
      if (how === 'created') {
        book.created(Date.now());
        ctx.save();
      }
      goLive(wp, ps);
      interval = ctx.poll.min;
    }

    // Poll every live batch once.
    for (const [key, l] of live) {
      let b: Batch;
      try {
        b = await ctx.provider.retrieveBatch(l.ps.batch_id!, ctx.signal);
        pollFailures = 0;
      } catch (err) {
        // A batch the server does not know: retrying cannot help, and a bare 404 on every rerun is a dead end.
        if (err instanceof OpenAI.NotFoundError) throw unknownBatchError(ctx, l.ps.batch_id!);
        // The SDK already retried this call; a network that stays down for a while is no reason to give up on a
        // batch that runs remotely anyway. Only a long run of failures ends the run (a rerun picks it up).
        if (!isTransient(err) || ++pollFailures > MAX_POLL_FAILURES) throw err;
        ctx.log(`polling ${l.ps.batch_id} failed (${(err as Error).message}); trying again at the next poll`);
        continue;
      }
      l.batch = b;
      const model = l.wp.part.model;
      if (!l.ps.times || l.ps.status !== b.status || l.ps.output_file_id !== (b.output_file_id ?? null) || l.ps.error_file_id !== (b.error_file_id ?? null)) {
        l.ps.status = b.status;
        l.ps.times = batchTimes(b);
        l.ps.output_file_id = b.output_file_id ?? null;
        l.ps.error_file_id = b.error_file_id ?? null;
        ctx.save();
      }
      if (!l.accepted && ACCEPTED.has(b.status)) {
        l.accepted = true;
        book.accepted(model, l.before + tokensOf(l.wp));
      }
      if (!TERMINAL.has(b.status)) continue;
      live.delete(key);
      if (isTokenLimit(b) && !netFired) {
        book.leave(model, key, false);
        await refused(l, b);
        continue;
      }
      book.leave(model, key, true);
      await settlePart(ctx, l.wp.part.lines, l.ps, b);
      settled.push(l.wp);
      count(l.wp, b);
    }
    waiting.sort(byPlanOrder);

    // Progress and the safety net.
    let total = ended.completed + ended.failed + ended.other;
    let completed = ended.completed;
    let failed = ended.failed;
    let unfinishedLines = 0;
    let unfinishedTokens = 0;
    for (const { wp, batch } of live.values()) {
      const n = wp.part.lines.length;
      const rc = batch?.request_counts;
      const t = rc && rc.total > 0 ? rc.total : n;
      total += t;
      completed += rc?.completed ?? 0;
      failed += rc?.failed ?? 0;
      const left = Math.max(0, t - (rc?.completed ?? 0) - (rc?.failed ?? 0));
      unfinishedLines += left;
      unfinishedTokens += n > 0 ? (syncTokensOf(ctx, wp.part.lines) * left) / n : 0;
    }
    for (const wp of waiting) {
      total += wp.part.lines.length;
      unfinishedLines += wp.part.lines.length;
      unfinishedTokens += syncTokensOf(ctx, wp.part.lines);
    }
    if (live.size > 0) {
      const now2 = Date.now();
      const done = completed + failed;
      if (!pace && done > 0) pace = { t: now2, done };
      const rate = pace && done > pace.done ? (done - pace.done) / (now2 - pace.t) : 0;
      const eta = rate > 0 ? (total - done) / rate : null;
      ctx.onProgress?.({ total, completed, failed, eta_ms: eta });
      const line = `batches: ${completed}/${total} done, ${failed} failed, ${live.size} running${waiting.length ? `, ${waiting.length} waiting for room in the queue` : ''}${eta !== null ? `, ETA ${formatDuration(eta)}` : ''}`;
      if (line !== lastLine) ctx.log(line);
      lastLine = line;
    }
    if (ctx.decision.safety_net && !netFired && unfinishedLines > 0) {
      const need = syncNeedMs(ctx, unfinishedLines, unfinishedTokens) + 2 * ctx.poll.max + cancelGraceMs(ctx.budgetMs);
      if (Date.now() + need >= ctx.deadline) {
        netFired = true;
        // Recorded before cancelling: a rerun after a crash must treat the cancelled requests as the sync runner's,
        // and only these: a batch a person cancelled stays cancelled.
        ctx.state.net_fired = true;
        for (const l of live.values()) if (l.batch?.status !== 'cancelling') l.ps.cancelled_by = 'safety_net';
        ctx.save();
        ctx.log(
          `safety net: ${unfinishedLines} requests unfinished and ${formatDuration(Math.max(0, ctx.deadline - Date.now()))} left, ` +
            `about what ${ctx.flexAvailable ? 'flex' : 'sync'} needs for them; cancelling the batches, keeping what finished`,
        );
        waiting.length = 0;
        for (const l of live.values()) if (l.ps.cancelled_by === 'safety_net') await cancelQuietly(ctx, l.ps.batch_id!);
        interval = ctx.poll.min;
      }
    }

    if (waiting.length === 0 && live.size === 0) break;
    if (ctx.until !== null && Date.now() >= ctx.until) {
      const message = `--until reached: ${live.size} batch${live.size === 1 ? '' : 'es'} still running, ${waiting.length} part${waiting.length === 1 ? '' : 's'} not sent yet`;
      return { settled, netFired, stopped: { reason: 'until', message } };
    }
    if (live.size === 0 && noMore) return { settled, netFired, stopped: noMore };

    // Wait for the next poll, or, with nothing of ours running, for the first held part's time to try again.
    let wake = Date.now() + interval;
    if (live.size === 0) {
      const times = [hourlyUntil, ...waiting.map((w) => book.wakeAt(w.part.model) ?? 0)].filter((x) => x > Date.now());
      wake = times.length > 0 ? Math.min(...times) : Date.now();
    }
    if (ctx.until !== null) wake = Math.min(wake, ctx.until);
    await sleep(Math.max(0, wake - Date.now()), ctx.signal);
    if (live.size > 0) interval = Math.min(ctx.poll.max, interval * 1.5);
  }
  return { settled, netFired, stopped: null };

  /** The queue refused a batch: learn, then cut the part to fit, or let it wait for room. */
  async function refused(l: Live, b: Batch): Promise<void> {
    const { wp, ps } = l;
    const model = wp.part.model;
    const t = tokensOf(wp);
    const n = wp.part.lines.length;
    ps.refused_batch_ids = [...(ps.refused_batch_ids ?? []), b.id];
    const r = book.refused(model, t, l.before, tokenLimitMessage(b), Date.now());
    if (r.learned) ctx.log(`batch ${b.id}: ${r.learned}`);
    const limit = book.limit(model)!;
    const room = book.room(model)!;
    const label = metadataOf(wp).batchwise_part;
    if (r.explained) {
      // Its own size is the reason. Cut to fit a known limit; against a bound (no limit in the message) halve, but
      // only while the halves stay sensible.
      if (n > 1 && (limit.exact || book.mayHalve(model, n, t))) {
        // Against a bound, halve: how far below it the limit is, nobody said.
        const pieces = await cut(ctx, wp, ps, limit.exact ? piecesToFit(planLines(ctx, wp.part.lines), room) : 2);
        ctx.log(`batch ${b.id}: the queue of ${model} cannot hold part ${label} (${fmt(t)} tokens; token_limit_exceeded); sent as ${pieces.length} parts of about ${fmt(Math.ceil(t / pieces.length))} tokens`);
        waiting.unshift(...pieces);
        return;
      }
      if (limit.exact && t > limit.tokens) {
        // Nothing smaller exists: this request can never be queued as a batch.
        ctx.log(`batch ${b.id}: part ${label} (${fmt(t)} tokens) is larger than the whole queue of ${model} (${fmt(limit.tokens)} tokens); it is reported as failed`);
        await settlePart(ctx, wp.part.lines, ps, b, { final: true });
        settled.push(wp);
        return;
      }
    } else if (l.before === 0) {
      // Alone in the queue and within the limit, yet refused: someone else's batches fill it, or the API counts more
      // tokens than the estimate. A second refusal like this halves the part, while the halves stay sensible.
      const k = (aloneRefusals.get(wp.key) ?? 0) + 1;
      aloneRefusals.set(wp.key, k);
      if (k >= 2 && book.mayHalve(model, n, t)) {
        book.release(model);
        const pieces = await cut(ctx, wp, ps, 2);
        ctx.log(`batch ${b.id}: refused again with nothing else of ours queued; part ${label} is sent as ${pieces.length} halves`);
        waiting.unshift(...pieces);
        return;
      }
    }
    book.hold(model, Date.now());
    ps.batch_id = null;
    ps.status = null;
    ctx.save();
    const wake = book.wakeAt(model);
    const why = r.explained
      ? `cannot hold part ${label} (${fmt(t)} tokens; token_limit_exceeded), which is not cut below ${fmt(MIN_SPLIT_LINES)} requests or 1/8 of the limit; it`
      : `is full (token_limit_exceeded); part ${label}`;
    ctx.log(
      `batch ${b.id}: the queue of ${model} ${why} waits ` +
        (wake === null ? 'for one of our running batches to end' : `${formatDuration(Math.max(0, wake - Date.now()))}, none of ours is running`),
    );
    waiting.unshift(wp);
  }
}

/** The 429's Retry-After (seconds), else "try again in 1m2s" from its message, else a minute. */
function retryAfterMs(err: InstanceType<typeof OpenAI.RateLimitError>): number {
  const header = Number(err.headers?.get?.('retry-after'));
  if (header > 0) return header * 1000;
  const m = /try again in ((?:\d+h)?(?:\d+m)?(?:[\d.]+s)?)/.exec(err.message);
  if (m && m[1]) {
    const [, h, min, sec] = /^(?:(\d+)h)?(?:(\d+)m)?(?:([\d.]+)s)?$/.exec(m[1]) ?? [];
    const ms = ((Number(h ?? 0) * 60 + Number(min ?? 0)) * 60 + Number(sec ?? 0)) * 1000;
    if (ms > 0) return ms;
  }
  return 60_000;
}

function isTransient(err: unknown): boolean {
  if (err instanceof OpenAI.APIConnectionError) return true;
  return err instanceof OpenAI.APIError && typeof err.status === 'number' && (err.status === 429 || err.status >= 500);
}

/** The batch's lifecycle timestamps (ISO), for the report's timings. */
function batchTimes(b: Batch): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['created_at', 'in_progress_at', 'finalizing_at', 'completed_at', 'failed_at', 'expired_at', 'cancelling_at', 'cancelled_at'] as const) {
    const v = b[k];
    if (typeof v === 'number') out[k] = new Date(v * 1000).toISOString();
  }
  return out;
}

/** A batch that finished meanwhile answers 409: nothing to cancel, which is fine. */
export async function cancelQuietly(ctx: { provider: Provider; signal?: AbortSignal; log(line: string): void }, batchId: string): Promise<void> {
  try {
    await ctx.provider.cancelBatch(batchId, ctx.signal);
  } catch (err) {
    if (err instanceof OpenAI.ConflictError) return;
    throw err;
  }
}
