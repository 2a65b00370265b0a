// `--mode auto`: which mode runs the file, and why, from the estimate, the latency budget and the rate limits.
// Batch is the cheapest; it is chosen whenever the saving is worth it and, if the budget is shorter than the Batch
// API's 24h window, a sync run of everything could still finish after the batch is given up on (the safety net).
// Otherwise flex (same discount, synchronous) when every model has it; otherwise sync.
import type { FileEstimate, Mode, Range } from '../estimate/types.ts';
import { BATCH_WINDOW_MS } from '../estimate/recommend.ts';
import { formatDuration } from '../shared/duration.ts';
import { formatPercent, formatUsd } from '../shared/money.ts';
import { MaxCostError } from './errors.ts';
import { UsageError } from '../shared/usageError.ts';
import { estimateSyncDurationMs } from './runSyncDuration.ts';
import { cancelGraceMs, FLEX_SLOWDOWN, SAFETY_MARGIN } from './syncNeed.ts';
import type { Decision, RunMode } from './types.ts';

export { DEFAULT_MIN_SAVINGS_USD } from '../estimate/recommend.ts';

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

  const syncMs = estimateSyncDurationMs(syncWorkOf(estimate), { rpm: p.rpm, tpm: p.tpm, concurrency: p.concurrency });
  const netMs = syncMs * (cost.flex ? FLEX_SLOWDOWN : 1) * SAFETY_MARGIN + cancelGraceMs(budget);
  if (netMs < budget) {
    return {
      mode: 'batch',
      reason:
        `batch saves ${savingText}; if it is not done ${formatDuration(netMs)} before the ${formatDuration(budget)} budget ends, ` +
        `what is unfinished is cancelled and run with ${cost.flex ? 'flex' : 'sync'}`,
      safety_net: true,
    };
  }
  if (cost.flex && syncMs * FLEX_SLOWDOWN < budget) {
    const flexSaving = cost.sync.expected - cost.flex.expected;
    return {
      mode: 'flex',
      reason: `flex saves ${formatUsd(flexSaving)} (${formatPercent(flexSaving, cost.sync.expected)}) and fits the ${formatDuration(budget)} budget; a batch could not be rescued in time`,
      safety_net: false,
    };
  }
  return {
    mode: 'sync',
    reason: `a ${formatDuration(budget)} budget leaves no room for a batch (sync alone needs about ${formatDuration(syncMs)})${cost.flex ? ' nor for flex' : ''}`,
    safety_net: false,
  };
}

function modelsWithoutFlex(e: FileEstimate): string {
  return e.models.filter((m) => !m.cost.flex).map((m) => m.model).join(', ');
}

/** What the chosen plan can cost at most: a safety net may move every request to sync (or flex). */
export function worstCase(estimate: FileEstimate, d: Decision): Range {
  const c = estimate.cost;
  if (d.mode === 'batch' && d.safety_net) return c.flex ?? c.sync;
  if (d.mode === 'flex') return c.flex!;
  return d.mode === 'batch' ? c.batch : c.sync;
}

/** The plan's expected cost: what the report compares the actual cost with. */
export function plannedCost(estimate: FileEstimate, mode: Mode): Range {
  return mode === 'flex' ? estimate.cost.flex ?? estimate.cost.sync : estimate.cost[mode];
}

export function checkMaxCost(estimate: FileEstimate, d: Decision, maxCostUsd: number | undefined): void {
  if (maxCostUsd === undefined) return;
  const worst = worstCase(estimate, d).max;
  if (worst > maxCostUsd) throw new MaxCostError(d.safety_net ? `${d.mode} (with its sync safety net)` : d.mode, worst, maxCostUsd);
}
