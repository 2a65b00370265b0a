// `--mode auto`: which mode runs the file, and why, from the estimate, the latency budget and the rate limits.
// Batch is the cheapest; it is chosen whenever the saving is worth it and, if the budget is shorter than the Batch
// API's 24h window, a sync run of everything could still finish after the batch is given up on (the safety net).
// Otherwise flex (same discount, synchronous) when every model has it; otherwise sync.
import type { FileEstimate, Mode, Range } from '../../estimate/types.ts';
import { BATCH_WINDOW_MS } from '../../estimate/recommend.ts';
import { formatDuration } from '../../shared/duration.ts';
import { formatPercent, formatUsd } from '../../shared/money.ts';
import { MaxCostError } from '../errors.ts';
import { UsageError } from '../../shared/usageError.ts';
import { estimateSyncDurationMs } from './runSyncDuration.ts';
import { ASSUMED_LIMITS, cancelGraceMs, FLEX_SLOWDOWN, planningLimits, SAFETY_MARGIN } from './syncNeed.ts';
import type { Decision, RunMode } from '../types.ts';

export { DEFAULT_MIN_SAVINGS_USD } from '../../estimate/recommend.ts';

export interface PolicyInput {
  mode: RunMode;
  latencyBudgetMs: number;
  minSavingsUsd: number;
  rpm: number | null;
  tpm: number | null;
  concurrency: number;
}

export function syncWorkOf(estimate: FileEstimate): { requests: number; tokens: number } {
  return { requests: estimate.requests, tokens: estimate.input_tokens + estimate.output_tokens.max };
}

export function decide(estimate: FileEstimate, p: PolicyInput): Decision {
  const budget = p.latencyBudgetMs;
  const needsNet = budget < BATCH_WINDOW_MS;
  if (p.mode === 'batch') {
    return { mode: 'batch', reason: needsNet ? `--mode batch, with a sync safety net for the ${formatDuration(budget)} budget` : '--mode batch', safety_net: needsNet };
  }
  if (p.mode === 'flex') {
    if (!estimate.cost.flex) throw new UsageError(`--mode flex: no flex processing for ${modelsWithoutFlex(estimate)}; use --mode sync or batch`);
    return { mode: 'flex', reason: '--mode flex', safety_net: false };
  }
  if (p.mode === 'sync') return { mode: 'sync', reason: '--mode sync', safety_net: false };
  if (p.mode === 'priority') {
    if (!estimate.cost.priority) throw new UsageError(`--mode priority: no priority processing (Fast mode) for ${modelsWithout(estimate, 'priority')}; use --mode sync`);
    const extra = estimate.cost.priority.expected - estimate.cost.sync.expected;
    return { mode: 'priority', reason: `--mode priority: answers faster for about ${formatUsd(extra)} more than sync (expected)`, safety_net: false };
  }

  const { cost } = estimate;
  const saving = cost.sync.expected - cost.batch.expected;
  if (saving <= p.minSavingsUsd) {
    return {
      mode: 'sync',
      reason: `batch would save only ${formatUsd(Math.max(0, saving))} (--min-savings ${formatUsd(p.minSavingsUsd)}), not worth waiting for; sync answers now`,
      safety_net: false,
    };
  }
  const savingText = `${formatUsd(saving)} (${formatPercent(saving, cost.sync.expected)})`;
  if (!needsNet) return { mode: 'batch', reason: `batch saves ${savingText} and the 24h window fits the budget`, safety_net: false };

  const limits = planningLimits(p.rpm, p.tpm);
  const syncMs = estimateSyncDurationMs(syncWorkOf(estimate), { rpm: limits.rpm, tpm: limits.tpm, concurrency: p.concurrency });
  const assumed = limits.assumed ? ` (assuming ${ASSUMED_LIMITS.rpm} requests and ${ASSUMED_LIMITS.tpm.toLocaleString('en-US')} tokens a minute; give your limits with --rpm/--tpm)` : '';
  const netMs = syncMs * (cost.flex ? FLEX_SLOWDOWN : 1) * SAFETY_MARGIN + cancelGraceMs(budget);
  if (netMs < budget) {
    return {
      mode: 'batch',
      reason:
        `batch saves ${savingText}; if it is not done ${formatDuration(netMs)} before the ${formatDuration(budget)} budget ends, ` +
        `what is unfinished is cancelled and run with ${cost.flex ? 'flex' : 'sync'}${assumed}`,
      safety_net: true,
    };
  }
  if (cost.flex && syncMs * FLEX_SLOWDOWN < budget) {
    const flexSaving = cost.sync.expected - cost.flex.expected;
    return {
      mode: 'flex',
      reason: `flex saves ${formatUsd(flexSaving)} (${formatPercent(flexSaving, cost.sync.expected)}) and fits the ${formatDuration(budget)} budget; a batch could not be rescued in time${assumed}`,
      safety_net: false,
    };
  }
  return {
    mode: 'sync',
    reason: `a ${formatDuration(budget)} budget leaves no room for a batch (sync alone needs about ${formatDuration(syncMs)})${cost.flex ? ' nor for flex' : ''}${assumed}`,
    safety_net: false,
  };
}

function modelsWithoutFlex(e: FileEstimate): string {
  return modelsWithout(e, 'flex');
}

function modelsWithout(e: FileEstimate, mode: 'flex' | 'priority'): string {
  return e.models.filter((m) => !m.cost[mode]).map((m) => m.model).join(', ');
}

/** The paths that can move requests to a dearer tier than the plan's own: retries of a batch's leftovers sent
 *  synchronously, and flex falling back to the standard tier when it has no capacity. */
export interface CostPaths {
  syncRetries: boolean;
  flexFallback: boolean;
}
const ALL_PATHS: CostPaths = { syncRetries: true, flexFallback: true };
export const NO_DEARER_PATHS: CostPaths = { syncRetries: false, flexFallback: false };

/** What the chosen plan can cost at most. Each request is billed once at most, at the dearest tier it may reach:
 *  a safety net or sync retries may move any request of a batch to the sync phase (flex when the file has it, and
 *  the standard tier when flex may fall back). */
export function worstCase(estimate: FileEstimate, d: Decision, paths: CostPaths = ALL_PATHS): Range {
  const c = estimate.cost;
  const syncPhase = c.flex && !paths.flexFallback ? c.flex : c.sync;
  if (d.mode === 'sync') return c.sync;
  // A Fast-mode request downgraded under load bills at the standard rate: cheaper, so priority's max is the worst.
  if (d.mode === 'priority') return c.priority ?? c.sync;
  if (d.mode === 'flex') return syncPhase;
  return d.safety_net || paths.syncRetries ? syncPhase : c.batch;
}

/** The plan's expected cost: what the report compares the actual cost with. */
export function plannedCost(estimate: FileEstimate, mode: Mode): Range {
  return estimate.cost[mode] ?? estimate.cost.sync;
}

/** Keeps the run's worst case within --max-cost: as planned when it fits; without its dearer paths (no sync retries,
 *  no flex fallback: leftovers are retried in batches or reported failed) when only that fits; otherwise refuses
 *  before anything is spent. */
export function fitMaxCost(estimate: FileEstimate, d: Decision, maxCostUsd: number | undefined, paths: CostPaths = ALL_PATHS): CostPaths {
  if (maxCostUsd === undefined || worstCase(estimate, d, paths).max <= maxCostUsd) return paths;
  if (worstCase(estimate, d, NO_DEARER_PATHS).max <= maxCostUsd) return NO_DEARER_PATHS;
  const worst = worstCase(estimate, d, NO_DEARER_PATHS).max;
  throw new MaxCostError(d.safety_net ? `${d.mode} (with its sync safety net)` : d.mode, worst, maxCostUsd);
}

/**
 * `decide`, under a cost ceiling: when auto's pick cannot fit `maxCostUsd` even without its dearer paths (say sync,
 * picked because batch saves less than --min-savings), the cheapest other plan whose worst case fits is taken, and
 * the reason says so. A mode the user named is never swapped: fitMaxCost then refuses it as before.
 */
export function decideWithin(estimate: FileEstimate, p: PolicyInput, maxCostUsd: number | undefined): Decision {
  const first = decide(estimate, p);
  if (p.mode !== 'auto' || maxCostUsd === undefined) return first;
  const fits = (d: Decision) => worstCase(estimate, d, NO_DEARER_PATHS).max <= maxCostUsd;
  if (fits(first)) return first;
  const candidates: Decision[] = [];
  for (const mode of ['batch', 'flex'] as const) {
    if (mode === 'flex' && !estimate.cost.flex) continue;
    candidates.push(decide(estimate, { ...p, mode }));
  }
  const ok = candidates.filter(fits).sort((a, b) => plannedCost(estimate, a.mode).expected - plannedCost(estimate, b.mode).expected);
  if (ok.length === 0) return first;
  const pick = ok[0];
  const worst = worstCase(estimate, first, NO_DEARER_PATHS).max;
  return {
    ...pick,
    reason:
      `${pick.mode}${pick.safety_net ? ' with a sync safety net' : ''}, the cheapest plan within the cost ceiling of ${formatUsd(maxCostUsd)}: ` +
      `auto would have picked ${first.mode} (${first.reason}), whose worst case is ${formatUsd(worst)}`,
  };
}
