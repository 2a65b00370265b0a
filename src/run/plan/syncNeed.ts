// How long the sync (or flex) runner needs for some requests, with the margin the safety net keeps.
import { estimateSyncDurationMs } from './runSyncDuration.ts';
import type { RunContext } from '../runContext.ts';

/** Flex answers more slowly than the standard tier; its time is the sync estimate times this. */
export const FLEX_SLOWDOWN = 2;
/** The safety net needs this much more than the sync estimate: the estimate is a steady-state figure. */
export const SAFETY_MARGIN = 1.25;

/** The limits the deadline arithmetic assumes when the user gave none: OpenAI's Tier-1 figures for its flagship models
 *  (500 requests and 30,000 tokens a minute). Low on purpose: the runner learns the real limits from the API's headers
 *  only once it sends synchronously, and a safety net planned on optimistic limits fires too late to finish. */
export const ASSUMED_LIMITS = { rpm: 500, tpm: 30_000 } as const;

export function planningLimits(rpm: number | null, tpm: number | null): { rpm: number; tpm: number; assumed: boolean } {
  return { rpm: rpm ?? ASSUMED_LIMITS.rpm, tpm: tpm ?? ASSUMED_LIMITS.tpm, assumed: rpm === null && tpm === null };
}

/** How long the safety net must allow for `requests` reserving `tokens` (input + max output: never less than what
 *  the runner reserves). No credit for the bucket's first minute (the default): the net cannot count on a minute
 *  that a shared key or a per-second limit takes away (runSyncDuration.ts). */
export function syncNeedMs(ctx: RunContext, requests: number, tokens: number): number {
  const { rpm, tpm } = planningLimits(ctx.rpm, ctx.tpm);
  const ms = estimateSyncDurationMs({ requests, tokens }, { rpm, tpm, concurrency: ctx.concurrency });
  return ms * (ctx.flexAvailable ? FLEX_SLOWDOWN : 1) * SAFETY_MARGIN;
}

/** Time a cancelled batch may take to reach `cancelled` (the real API can take minutes): 10% of the budget, at most
 *  5 minutes, so short test budgets stay usable. */
export function cancelGraceMs(budgetMs: number): number {
  return Math.min(5 * 60_000, budgetMs * 0.1);
}
