// Adding up ledger figures: one request at a time, and ledgers of several runs (the action's files) into one.
import type { EstimateError, LedgerFigures } from './types.ts';

export function emptyFigures(): LedgerFigures {
  return {
    requests: 0, succeeded: 0, billed: 0, input_tokens: 0, cached_input_tokens: 0, cache_write_tokens: 0, output_tokens: 0,
    reasoning_tokens: 0, actual_usd: 0, at_sync_prices_usd: 0, saved_usd: 0, estimated_usd: 0, estimated_input_tokens: 0,
    estimated_output_tokens: 0, estimate_error: { input: null, output: null, cost: null },
  };
}

const SUMMED = [
  'requests', 'succeeded', 'billed', 'input_tokens', 'cached_input_tokens', 'cache_write_tokens', 'output_tokens', 'reasoning_tokens',
  'actual_usd', 'at_sync_prices_usd', 'estimated_usd', 'estimated_input_tokens', 'estimated_output_tokens',
] as const;

/** a + b, with saved and the estimate error derived again from the sums (never added up as ratios). */
export function addFigures(a: LedgerFigures, b: LedgerFigures): LedgerFigures {
  const out = emptyFigures();
  for (const k of SUMMED) out[k] = a[k] + b[k];
  return settle(out);
}

/** Derives saved_usd and estimate_error from the sums; money rounded to 1e-9 USD (float noise out of outputs). */
export function settle(f: LedgerFigures): LedgerFigures {
  f.actual_usd = roundUsd(f.actual_usd);
  f.at_sync_prices_usd = roundUsd(f.at_sync_prices_usd);
  f.estimated_usd = roundUsd(f.estimated_usd);
  f.saved_usd = roundUsd(f.at_sync_prices_usd - f.actual_usd);
  f.estimate_error = errorOf(f);
  return f;
}

function errorOf(f: LedgerFigures): EstimateError {
  const rel = (actual: number, estimated: number) => (estimated > 0 ? Math.round(((actual - estimated) / estimated) * 10_000) / 10_000 : null);
  return {
    input: rel(f.input_tokens, f.estimated_input_tokens),
    output: rel(f.output_tokens, f.estimated_output_tokens),
    cost: rel(f.actual_usd, f.estimated_usd),
  };
}

/** USD as every machine output carries it: rounded to 1e-9 (a billionth of a dollar is below any bill). */
export function roundUsd(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
