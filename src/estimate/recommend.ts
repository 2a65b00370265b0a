// Which mode to use, from the estimate alone (the runner's auto policy refines it with rate limits and the clock).
// The Batch API promises an answer within 24 hours, so only a budget of 24h or more makes batch safe on its own; below
// that, batch is still the first choice when there is room for the runner's sync safety net, unless flex (same price,
// synchronous answers) is available.
import { formatDuration } from '../shared/duration.ts';
import { formatPercent, formatUsd } from '../shared/money.ts';
import type { ModeCosts, Recommendation } from './types.ts';

export const BATCH_WINDOW_MS = 24 * 3_600_000;
/** A batch saving (expected) at or below this is not worth waiting for: the one default of estimate, run and action. */
export const DEFAULT_MIN_SAVINGS_USD = 0.01;
/** Below this budget a batch is not worth starting: the safety net would run nearly everything synchronously anyway. */
export const MIN_BATCH_BUDGET_MS = 3_600_000;

export interface RecommendOptions {
  /** How long the caller can wait for answers; default: the Batch API's 24h window. */
  latencyBudgetMs?: number;
  /** A saving (expected, USD) at or below this is not worth waiting for. */
  minSavingsUsd?: number;
  /** Models of the file without flex processing: in flex mode they run at the standard tier (named in the reason). */
  modelsWithoutFlex?: string[];
  /** The same costs without prompt-cache hits: when they would pick another mode, the reason says caching decided. */
  withoutCache?: ModeCosts;
}

/** The cheapest mode the latency budget allows, from expected costs (prompt caching included). Priority costs more
 *  than sync by design: it is priced for comparison and never picked here. */
export function recommend(cost: ModeCosts, opts: RecommendOptions = {}): Recommendation {
  const pick = pickMode(cost, opts);
  if (!opts.withoutCache) return pick;
  const uncached = pickMode(opts.withoutCache, opts);
  if (uncached.mode === pick.mode) return pick;
  return {
    mode: pick.mode,
    reason: `${pick.reason} — prompt caching decides it: without cache hits the pick would be ${uncached.mode}`,
  };
}

function pickMode(cost: ModeCosts, opts: RecommendOptions): Recommendation {
  const budget = opts.latencyBudgetMs ?? BATCH_WINDOW_MS;
  const minSavings = opts.minSavingsUsd ?? DEFAULT_MIN_SAVINGS_USD;
  const batchSaving = cost.sync.expected - cost.batch.expected;
  const saving = `${formatUsd(batchSaving)} (${formatPercent(batchSaving, cost.sync.expected)})`;

  if (batchSaving <= minSavings) {
    return {
      mode: 'sync',
      reason: `batch would save only ${formatUsd(Math.max(0, batchSaving))}, not worth waiting for; sync answers now`,
    };
  }
  if (budget >= BATCH_WINDOW_MS) {
    return { mode: 'batch', reason: `batch saves ${saving} and the 24h window fits the budget` };
  }
  const withoutFlex = opts.modelsWithoutFlex ?? [];
  const flexSaving = cost.flex ? cost.sync.expected - cost.flex.expected : 0;
  // Flex is worth it when it carries most of the saving batch would have made (a mixed file may have flex for a
  // small part only; then batch with the safety net saves more).
  if (cost.flex && flexSaving > minSavings && (budget < MIN_BATCH_BUDGET_MS || flexSaving >= batchSaving / 2)) {
    const rest = withoutFlex.length > 0 ? ` (${withoutFlex.join(', ')} without flex: standard tier)` : '';
    return {
      mode: 'flex',
      reason:
        `flex saves ${formatUsd(flexSaving)} (${formatPercent(flexSaving, cost.sync.expected)}) and answers synchronously${rest}; ` +
        `the batch's 24h window does not fit a ${formatDuration(budget)} budget`,
    };
  }
  if (budget >= MIN_BATCH_BUDGET_MS) {
    return {
      mode: 'batch',
      reason:
        `batch saves ${saving}; most batches finish well inside 24h, and \`run --mode auto\` switches what is unfinished ` +
        `to sync before the ${formatDuration(budget)} budget runs out`,
    };
  }
  return {
    mode: 'sync',
    reason: `a ${formatDuration(budget)} budget is too short to wait for a batch, and ${
      withoutFlex.length > 1 ? 'these models have' : 'the model has'
    } no flex processing`,
  };
}
