// One round of batches: submit every part, poll them together until each is terminal, bring the results home.
// A part the queue refuses (token_limit_exceeded) is split in halves and sent again once running batches free the
// queue. With a safety net, the round is cut short when the time left is only what sync needs for what is unfinished:
// live batches are cancelled (what finished is kept) and the caller runs the rest synchronously.
import OpenAI from 'openai';
import type { Batch } from 'openai/resources/batches';
import { planBatches } from '../../requests/index.ts';
import { formatDuration } from '../../shared/duration.ts';
import { sleep } from './batchApi.ts';
import { cancelGraceMs, syncNeedMs } from '../plan/syncNeed.ts';
import type { RunContext } from '../runContext.ts';
import { settlePart } from './settlePart.ts';
import type { PartState } from '../state/state.ts';
import { partMetadata, partState, submitPart } from './submitPart.ts';
import { writeParts } from './writeParts.ts';
import type { WrittenPart } from './writeParts.ts';
import { join } from 'node:path';

const TERMINAL = new Set(['completed', 'failed', 'expired', 'cancelled']);
/** Polls in a row that may fail (after the SDK's own retries) before the run stops. */
const MAX_POLL_FAILURES = 10;
/** A single request the queue keeps refusing is given up on (as retryable) after this many tries. */
const MAX_QUEUE_TRIES = 6;

export interface RoundOutcome {
  /** Parts that settled (results on disk), split halves included. */
  settled: WrittenPart[];
  /** The safety net fired: batches were cancelled, the rest is the sync runner's. */
  netFired: boolean;
}

interface Live {
  wp: WrittenPart;
  ps: PartState;
  batch: Batch | null;
}

function isTokenLimit(b: Batch): boolean {
  return b.status === 'failed' && (b.errors?.data ?? []).some((e) => e.code === 'token_limit_exceeded');
}

function tokensOf(ctx: RunContext, lines: number[]): number {
  let t = 0;
  for (const l of lines) {
    const it = ctx.items.get(l)!;
    t += it.input_tokens + it.max_output_tokens;
  }
  return t;
}

async function splitPart(ctx: RunContext, wp: WrittenPart): Promise<WrittenPart[]> {
  const half = Math.ceil(wp.part.lines.length / 2);
  const plan = planBatches(wp.part.lines.map((l) => {
    const it = ctx.items.get(l)!;
    return { line: l, url: it.url, model: it.model, bytes: it.bytes };
  }), { ...ctx.limits, maxLines: half });
  return writeParts(ctx.inputPath, join(ctx.outDir, 'parts'), plan.map((_, i) => `${wp.key}.${i}`), plan);
}

export async function runRound(ctx: RunContext, round: number, written: WrittenPart[]): Promise<RoundOutcome> {
  const queue: WrittenPart[] = [...written];
  const live = new Map<string, Live>();
  const settled: WrittenPart[] = [];
  const queueTries = new Map<string, number>();
  const of = written.length;
  const indexOf = new Map(written.map((w, i) => [w.key, i]));
  let interval = ctx.poll.min;
  let holdUntil = 0;
  let netFired = false;
  let pace: { t: number; done: number } | null = null;
  let lastLine = '';
  let pollFailures = 0;
  // Ids already announced through onBatchesSubmitted (the action's post step cancels them if the job is cut short);
  // each call hands over every batch id of the run so far.
  const reported = new Set<string>();

  while (queue.length > 0 || live.size > 0) {
    ctx.signal?.throwIfAborted();
    // Submit what can go now.
    while (queue.length > 0 && !netFired && Date.now() >= holdUntil) {
      const wp = queue.shift()!;
      const ps = partState(ctx, round, wp);
      if (ps.split) {
        queue.unshift(...(await splitPart(ctx, wp)));
        continue;
      }
      if (ps.done) {
        settled.push(wp);
        continue;
      }
      const top = wp.key.split('.')[0];
      const index = indexOf.get(top) ?? 0;
      const md = partMetadata(ctx, wp, index, of, round);
      if (wp.key !== top) md.batchwise_part = `${index + 1}/${of} piece ${wp.key.slice(top.length + 1)}`;
      await submitPart(ctx, wp, ps, md);
      live.set(wp.key, { wp, ps, batch: null });
      if (!reported.has(ps.batch_id!)) {
        reported.add(ps.batch_id!);
        ctx.onBatchesSubmitted?.(ctx.state.parts.flatMap((p) => (p.batch_id ? [p.batch_id] : [])));
      }
    }

    // Poll every live batch once.
    for (const [key, l] of live) {
      let b: Batch;
      try {
        b = await ctx.client.batches.retrieve(l.ps.batch_id!, { signal: ctx.signal });
        pollFailures = 0;
      } catch (err) {
        // The SDK already retried this call; a network that stays down for a while is no reason to give up on a
        // batch that runs remotely anyway. Only a long run of failures ends the run (a rerun picks it up).
        if (!isTransient(err) || ++pollFailures > MAX_POLL_FAILURES) throw err;
        ctx.log(`polling ${l.ps.batch_id} failed (${(err as Error).message}); trying again at the next poll`);
        continue;
      }
      l.batch = b;
      if (!l.ps.times || l.ps.status !== b.status || l.ps.output_file_id !== (b.output_file_id ?? null) || l.ps.error_file_id !== (b.error_file_id ?? null)) {
        l.ps.status = b.status;
        l.ps.times = batchTimes(b);
        l.ps.output_file_id = b.output_file_id ?? null;
        l.ps.error_file_id = b.error_file_id ?? null;
        ctx.save();
      }
      if (!TERMINAL.has(b.status)) continue;
      live.delete(key);
      if (isTokenLimit(b) && !netFired) {
        const tries = (queueTries.get(key) ?? 0) + 1;
        queueTries.set(key, tries);
        l.ps.refused_batch_ids = [...(l.ps.refused_batch_ids ?? []), b.id];
        // Wait for running batches to free the queue; with none running, back off before trying again.
        holdUntil = Date.now() + interval * 2;
        if (l.wp.part.lines.length > 1) {
          l.ps.split = true;
          ctx.save();
          ctx.log(`batch ${b.id}: the queue is full (token_limit_exceeded); sending its ${l.wp.part.lines.length} requests again in smaller parts`);
          queue.unshift(...(await splitPart(ctx, l.wp)));
          continue;
        }
        if (tries < MAX_QUEUE_TRIES) {
          l.ps.batch_id = null;
          l.ps.status = null;
          ctx.save();
          queue.unshift(l.wp);
          continue;
        }
      }
      await settlePart(ctx, l.wp.part.lines, l.ps, b);
      settled.push(l.wp);
    }

    // Progress and the safety net.
    let total = 0;
    let completed = 0;
    let failed = 0;
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
      unfinishedTokens += n > 0 ? (tokensOf(ctx, wp.part.lines) * left) / n : 0;
    }
    for (const wp of queue) {
      total += wp.part.lines.length;
      unfinishedLines += wp.part.lines.length;
      unfinishedTokens += tokensOf(ctx, wp.part.lines);
    }
    if (live.size > 0) {
      const now = Date.now();
      const done = completed + failed;
      if (!pace && done > 0) pace = { t: now, done };
      const rate = pace && done > pace.done ? (done - pace.done) / (now - pace.t) : 0;
      const eta = rate > 0 ? (total - done) / rate : null;
      ctx.onProgress?.({ total, completed, failed, eta_ms: eta });
      const line = `batches: ${completed}/${total} done, ${failed} failed, ${live.size} running${queue.length ? `, ${queue.length} waiting` : ''}${eta !== null ? `, ETA ${formatDuration(eta)}` : ''}`;
      if (line !== lastLine) ctx.log(line);
      lastLine = line;
    }
    if (ctx.decision.safety_net && !netFired && unfinishedLines > 0) {
      const need = syncNeedMs(ctx, unfinishedLines, unfinishedTokens) + 2 * ctx.poll.max + cancelGraceMs(ctx.budgetMs);
      if (Date.now() + need >= ctx.deadline) {
        netFired = true;
        // Recorded before cancelling: a rerun after a crash must treat the cancelled requests as the sync runner's.
        ctx.state.net_fired = true;
        ctx.save();
        ctx.log(
          `safety net: ${unfinishedLines} requests unfinished and ${formatDuration(Math.max(0, ctx.deadline - Date.now()))} left, ` +
            `about what ${ctx.flexAvailable ? 'flex' : 'sync'} needs for them; cancelling the batches, keeping what finished`,
        );
        queue.length = 0;
        for (const l of live.values()) await cancelQuietly(ctx, l.ps.batch_id!);
        interval = ctx.poll.min;
      }
    }

    if (queue.length === 0 && live.size === 0) break;
    const wait = live.size === 0 ? Math.max(0, holdUntil - Date.now()) : interval;
    await sleep(wait, ctx.signal);
    interval = Math.min(ctx.poll.max, interval * 1.5);
  }
  return { settled, netFired };
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
export async function cancelQuietly(ctx: { client: OpenAI; signal?: AbortSignal; log(line: string): void }, batchId: string): Promise<void> {
  try {
    await ctx.client.batches.cancel(batchId, { maxRetries: 2, signal: ctx.signal });
  } catch (err) {
    if (err instanceof OpenAI.ConflictError) return;
    throw err;
  }
}
