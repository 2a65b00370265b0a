// Plain data of the join stage: results.jsonl + the user's table → the table with answers.
import type { DataFormat, RequestSpec } from '../prepare/index.ts';

export interface JoinOptions {
  /** The table the requests were made from (.csv or .jsonl). */
  data: string;
  /** DIR/results.jsonl (the DESIGN.md contract). */
  results: string;
  /** The joined CSV. */
  out: string;
  format?: DataFormat;
  /** The same id column prepare used; without it rows match `row-N`. */
  idColumn?: string;
  /** 'json', or a regular expression's source whose named groups become columns. Default: JSON when the requests
   *  asked for structured outputs (prepare.responseFormat, a response_format in `requests`, or a Responses body that
   *  declares a JSON format); otherwise no parsing. */
  parse?: string;
  /** The request file that was run: unparsed answers are written again from its lines. */
  requests?: string;
  /** Or prepare's options: unparsed answers are rebuilt from their rows. */
  prepare?: RequestSpec;
  /** Where unparsed requests go (default: unparsed.jsonl beside results). */
  unparsedOut?: string;
}

export interface IdSample {
  count: number;
  /** The first few, to show. */
  ids: string[];
}

export interface JoinSummary {
  out: string;
  rows: number;
  columns: string[];
  /** Rows per status; `missing` counts rows results.jsonl has no line for. */
  statuses: Record<string, number>;
  /** Answers whose fields became columns. */
  parsed: number;
  /** 'json', the regex, or null when answers were not parsed. */
  parse: string | null;
  unparsed: IdSample;
  /** Null when nothing needed it, or no request source (requests / prepare) was given. */
  unparsed_path: string | null;
  /** Results whose custom_id is no row of the table (a wrong --id-column, or another table). */
  unmatched_results: IdSample;
  cost_usd: number;
}
