// The ledger: every dollar figure of a run, computed once. Reports, the job summary, the PR comment, the CLI and the
// commit message render these numbers; none of them computes money of its own.
import type { Mode } from '../../estimate/types.ts';

/** The estimate's error for the requests that were billed: (actual − estimated) / estimated; null when nothing was
 *  estimated (0) to compare with. */
export interface EstimateError {
  input: number | null;
  output: number | null;
  cost: number | null;
}

export interface LedgerFigures {
  requests: number;
  succeeded: number;
  /** Requests with usage: the ones that were billed and that the estimate comparison covers. */
  billed: number;
  input_tokens: number;
  cached_input_tokens: number;
  cache_write_tokens: number;
  output_tokens: number;
  reasoning_tokens: number;
  /** What was spent: each request's usage at the price of the tier that served it. */
  actual_usd: number;
  /** The same usage at the standard (sync) tier's prices. */
  at_sync_prices_usd: number;
  /** at_sync_prices_usd − actual_usd: what serving them this way saved (negative when it cost more, e.g. priority). */
  saved_usd: number;
  /** The estimate's expected figures for the billed requests, in the mode each was served in. */
  estimated_usd: number;
  estimated_input_tokens: number;
  estimated_output_tokens: number;
  estimate_error: EstimateError;
}

export interface LedgerGroup extends LedgerFigures {
  mode: Mode;
  model: string;
}

export interface Ledger {
  total: LedgerFigures;
  by_mode: Partial<Record<Mode, LedgerFigures>>;
  by_mode_and_model: LedgerGroup[];
  /** The mode the run was planned in. */
  planned_mode: Mode;
  /** Requests planned for the Batch API that ran synchronously instead (safety net, retries, leftovers). */
  moved_to_sync: number;
  /** Requests of a `--pilot`, answered synchronously before the decision (in the sync figures). */
  pilot_requests: number;
}
