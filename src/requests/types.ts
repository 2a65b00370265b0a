// Plain data that leaves the requests stage. Everything downstream (tokens, estimate, run) works on these.

/** The endpoints a Batch API request file may target: the `endpoint` enum of openai-node's BatchCreateParams
 *  (v7.5.0). `/v1/videos` is still in that enum, but the Videos API was shut down on 2026-09-24 (deprecations page)
 *  and the Batch guide no longer lists it: its lines are accepted with a warning. */
export const ENDPOINTS = [
  '/v1/chat/completions',
  '/v1/responses',
  '/v1/embeddings',
  '/v1/completions',
  '/v1/moderations',
  '/v1/images/generations',
  '/v1/images/edits',
  '/v1/videos',
] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

/** One validated line of a request file: `{custom_id, method, url, body}`. */
export interface BatchRequest {
  custom_id: string;
  method: 'POST';
  url: Endpoint;
  body: Record<string, unknown>;
}

/** One problem found on one line (`line` is 1-based, as editors count). */
export interface LineProblem {
  line: number;
  reason: string;
}

/** Every problem of a file as `file:line: reason`, one a line, the first `shown` of them and then a count: the one
 *  shape every file a user hands us (request files, data tables) reports its mistakes in. */
export function formatLineProblems(file: string, problems: LineProblem[], shown: number): string {
  const lines = problems.slice(0, shown).map((p) => `${file}:${p.line}: ${p.reason}`);
  if (problems.length > shown) lines.push(`…and ${problems.length - shown} more problems in ${file}`);
  return lines.join('\n');
}

/** A user's mistake in a request file: every problem of the file at once, before anything is spent. */
export class RequestFileError extends Error {
  readonly file: string;
  readonly problems: LineProblem[];

  constructor(file: string, problems: LineProblem[], shown = 50) {
    super(formatLineProblems(file, problems, shown));
    this.name = 'RequestFileError';
    this.file = file;
    this.problems = problems;
  }
}

/** One non-blank line of a request file as read from disk, before validation. */
export interface RawLine {
  /** 1-based, counting blank lines too, so it matches what an editor shows. */
  line: number;
  /** The line without its newline, trailing \r, or (on line 1) UTF-8 BOM. */
  text: string;
  /** Bytes this line occupies in the file, newline (and \r, BOM) included: what counts toward the 200 MB limit. */
  bytes: number;
  /** Set only when the line's bytes are not valid UTF-8; `text` then holds U+FFFD replacements.
   *  The caller reports `INVALID_UTF8` for the line (validateLine cannot see the original bytes). */
  invalidUtf8?: true;
}

/** What validateLine concludes about one line. `request` is non-null exactly when `problems` is empty. */
export interface LineValidation {
  request: BatchRequest | null;
  /** Every reason the API would refuse the line (the caller prefixes `file:line: `). */
  problems: string[];
  /** Worth telling the user, never a reason to refuse the file. */
  warnings: string[];
}

/** What a Batch API submission must split (informational, never an error). */
export interface SplitNote {
  kind: 'lines' | 'bytes' | 'models' | 'urls' | 'embedding_inputs';
  message: string;
}

/** The per-line facts planBatches needs (no texts, so a million lines stay cheap). */
export interface PlanLine {
  line: number;
  url: Endpoint;
  model: string;
  bytes: number;
  /** Embedding inputs in this request (strings or token arrays); only for /v1/embeddings. Default 0. */
  embeddingInputs?: number;
}

/** Per-batch limits of the Batch API; parameters so tests can use small ones. */
export interface BatchLimits {
  maxLines: number;
  maxBytes: number;
  /** "/v1/embeddings batches are also restricted to a maximum of 50,000 embedding inputs across all requests". */
  maxEmbeddingInputs: number;
}

/** One batch submission: a single (url, model), within the limits. */
export interface BatchPart {
  url: Endpoint;
  model: string;
  /** Line numbers in input order. */
  lines: number[];
  bytes: number;
  embeddingInputs: number;
}
