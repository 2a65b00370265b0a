// Plain data of the prepare stage: rows of a table in, Batch API request lines out. Nothing here does I/O.
import type { Endpoint } from '../requests/types.ts';

export type DataFormat = 'csv' | 'jsonl';

/** One row of the user's table. Values are text: a CSV has nothing else, and a JSONL value is shown as the prompt
 *  would show it (see readDataRows). */
export interface DataRow {
  /** 1-based, counting data rows only (the CSV header is not a row): the `row-N` of a custom_id. */
  row: number;
  /** 1-based line of the file where the row starts (a quoted CSV field may span lines), for `file:line:` messages. */
  line: number;
  values: Record<string, string>;
}

/** What prepare's flags say about the request to build for each row (also what join needs to rebuild one). */
export interface RequestSpec {
  model?: string;
  /** Path of a template: plain text (the user message), or — when it ends in .json — a request body template. */
  template?: string;
  /** The user message inline, instead of a template file. */
  prompt?: string;
  system?: string;
  /** chat (default), responses or embeddings. */
  endpoint?: EndpointName;
  maxTokens?: number;
  /** Path of a JSON schema for structured outputs. */
  responseFormat?: string;
}

export type EndpointName = 'chat' | 'responses' | 'embeddings';

export const ENDPOINT_URLS: Record<EndpointName, Endpoint> = {
  chat: '/v1/chat/completions',
  responses: '/v1/responses',
  embeddings: '/v1/embeddings',
};

export interface RowSource {
  /** The table: .csv or .jsonl (or --format). */
  data: string;
  format?: DataFormat;
  /** The column whose value is the custom_id; without it, `row-N`. */
  idColumn?: string;
}

export interface PrepareOptions extends RequestSpec, RowSource {
  /** Where the request file goes; nothing is written there unless every row is good. */
  out: string;
}

export interface PrepareResult {
  path: string;
  requests: number;
  endpoint: Endpoint;
  model: string;
  /** Things worth saying that never stop the file from being written (e.g. additionalProperties added). */
  notes: string[];
}
