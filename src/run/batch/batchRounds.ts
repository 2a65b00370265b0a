// Batch mode from start to end: round 0 sends every request; each later round sends again only the requests that
// failed in a way a retry can fix, up to --retries rounds. A small remainder, or one the deadline would not wait a
// batch for, is handed to the sync runner instead. Rounds are planned from what is on disk, and at the token size
// recorded for the round in state.json, so a rerun after a crash (or a run stopped by --until) plans the same parts,
// finds their ids in state.json and carries on.
import { join } from 'node:path';
import { planBatches } from '../../requests/planBatches.ts';
import { scanLines, classifyBatchLine } from '../../results/index.ts';
import { runRound } from './batchRound.ts';
import type { RoundOutcome } from './batchRound.ts';
import { QueueBook } from './queueBook.ts';
import type { RunContext } from '../runContext.ts';
import { syncNeedMs } from '../plan/syncNeed.ts';
import { writeParts } from './writeParts.ts';
import type { WrittenPart } from './writeParts.ts';

export interface RoundsOutcome {
  /** Input lines the sync runner must finish (empty: batches did all there was to do). */
  leftover: number[];
  reason: string | null;
  /** The run stopped before the batches were done (--until, --max-batches, the budget): the rest is for a rerun. */
  stopped: RoundOutcome['stopped'];
}

/** custom_ids whose outcome in these parts is final: succeeded, or failed in a way a retry cannot fix. A cancelled
 *  request is final unless batchwise's safety net cancelled its batch (then the sync runner finishes it). */
export async function settledIds(ctx: RunContext, parts: WrittenPart[]): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const wp of parts) {
    const ps = ctx.state.parts.find((p) => p.key === wp.key);
    const cancelledIsSettled = ps?.cancelled_by !== 'safety_net';
    for (const path of [ps?.output_path, ps?.error_path, ps?.unfinished_path]) {
      if (!path) continue;
      for await (const line of scanLines(path)) {
        const o = classifyBatchLine(line.text);
        const settled = o.status === 'succeeded' || (!o.retryable && (cancelledIsSettled || o.status !== 'cancelled'));
        if (settled) ids.add(o.custom_id);
        else ids.delete(o.custom_id);
      }
    }
  }
  return ids;
}

export async function runBatchRounds(ctx: RunContext, allLines: number[]): Promise<RoundsOutcome> {
  const book = new QueueBook(ctx);
  let pending = allLines;
  for (let round = 0; ; round++) {
    if (pending.length === 0) return { leftover: [], reason: null, stopped: null };
    if (round > ctx.retries) {
      ctx.log(`${pending.length} requests still failed after ${ctx.retries} retries; they are reported as failed`);
      return { leftover: [], reason: null, stopped: null };
    }
    if (round > 0) {
      const tokens = pending.reduce((t, l) => t + ctx.items.get(l)!.input_tokens + ctx.items.get(l)!.max_output_tokens, 0);
      if (pending.length <= ctx.syncRetryThreshold) {
        return { leftover: pending, reason: `${pending.length} requests to retry: quicker synchronously than in a new batch`, stopped: null };
      }
      if (ctx.decision.safety_net && Date.now() + syncNeedMs(ctx, pending.length, tokens) * 2 >= ctx.deadline) {
        return { leftover: pending, reason: `${pending.length} requests to retry and the deadline is too near for another batch`, stopped: null };
      }
      ctx.log(`round ${round}: sending ${pending.length} requests again in a new batch`);
    }
    const lines = pending.map((l) => {
      const it = ctx.items.get(l)!;
      return { line: l, url: it.url, model: it.model, bytes: it.bytes, tokens: it.input_tokens };
    });
    // Parts sized to the queue as it is known when the round is first planned; kept, so a rerun plans the same parts
    // even after learning more (a part too big for what is learned later is cut when it is sent).
    const plans = (ctx.state.round_plans ??= {});
    if (!plans[round]) {
      plans[round] = { max_tokens: book.planTokens(new Set(lines.map((l) => l.model))) };
      ctx.save();
    }
    const plan = planBatches(lines, { ...ctx.limits, maxTokens: plans[round].max_tokens });
    const written = await writeParts(ctx.inputPath, join(ctx.outDir, 'parts'), plan.map((_, i) => `r${round}-p${i}`), plan);
    const outcome = await runRound(ctx, round, written, book);
    const settled = await settledIds(ctx, outcome.settled);
    pending = pending.filter((l) => !settled.has(ctx.items.get(l)!.custom_id));
    if (outcome.netFired || ctx.state.net_fired === true) {
      return { leftover: pending, reason: 'the safety net cancelled the batches before the deadline', stopped: null };
    }
    if (outcome.stopped) return { leftover: [], reason: null, stopped: outcome.stopped };
  }
}
