// One result per input request: the contract of DIR/results.jsonl (shared/DESIGN.md). Every request of the input file
// ends as exactly one ResultRecord, whatever happened to it.
import type { Mode } from '../estimate/types.ts';

export type ResultStatus = 'succeeded' | 'failed' | 'expired' | 'cancelled' | 'skipped';

export interface ResultError {
  code: string;
  message: string;
}

/** Usage as the endpoint reported it (chat: prompt_tokens/completion_tokens; responses/embeddings: input_tokens/…). */
export type Usage = Record<string, unknown>;

export interface ResultRecord {
  custom_id: string;
  /** 1-based line of the request in the input file. */
  line: number;
  status: ResultStatus;
  mode: Mode;
  batch_id: string | null;
  /** The endpoint's response body (what the sync API returns), or null when there is none. */
  response: unknown | null;
  error: ResultError | null;
  usage: Usage | null;
  /** USD at the price of the mode used, from usage; null when nothing was billed or usage is unknown. */
  cost_usd: number | null;
}
