// The provider seam: everything batchwise asks of an LLM provider, in OpenAI's vocabulary. The runners above it
// (batch rounds, the safety net, resume, the sync runner) speak only this interface, so they stay provider-blind:
// each provider translates OpenAI request lines into its own requests on the way out, and its batch objects, result
// lines and errors back into OpenAI's shapes on the way in.
//
// Contracts every implementation keeps:
// - Errors are the openai SDK's classes, so retry and failure rules are written once: `APIError.generate(status,
//   body, message, headers)` for an HTTP error (429 → RateLimitError, 404 → NotFoundError, 409 → ConflictError …;
//   body `{ error: { code, message, type } }` in OpenAI's shape, the provider's own code kept in `code`),
//   `APIConnectionError` for a network failure, `APIConnectionTimeoutError` for a timeout, `APIUserAbortError` when
//   the caller's signal aborted the call.
// - `Batch` objects carry OpenAI's statuses (validating, in_progress, finalizing, completed, failed, expired,
//   cancelling, cancelled), request_counts {total, completed, failed}, and output_file_id / error_file_id once the
//   batch has ended (ids `fileContent` understands; they need not be real file ids).
// - `fileContent` streams OpenAI batch output lines: `{"id", "custom_id", "response": {"status_code", "request_id",
//   "body"}, "error": null}` for an answer (body in OpenAI's shape for the line's url, the provider's own body under
//   `body.provider_response`), `{"custom_id", "response": {"status_code": 4xx/5xx, "body": {"error": {…}}}, "error":
//   null}` for a request the provider refused, and `{"custom_id", "response": null, "error": {"code":
//   "batch_cancelled" | "batch_expired", "message"}}` for one it never ran. Usage in OpenAI's chat shape:
//   prompt_tokens (all input, cached and written included), prompt_tokens_details {cached_tokens,
//   cache_write_tokens}, completion_tokens (thinking included), completion_tokens_details {reasoning_tokens}.
// - Nothing here retries on its own except where the provider's SDK does for idempotent reads; createBatch is sent
//   once (the caller checks listBatches before sending it again).
import type { Batch } from 'openai/resources/batches';
import type { Endpoint } from '../../requests/types.ts';

export type ProviderName = 'openai' | 'azure' | 'gemini' | 'anthropic';
export const PROVIDER_NAMES: readonly ProviderName[] = ['openai', 'azure', 'gemini', 'anthropic'];

/** The service tiers each provider runs through batchwise: its `Provider.tiers`, and what an estimate prices before a
 *  provider (or a key) exists. Azure's Priority Processing is a deployment setting, Gemini's and Anthropic's own tiers
 *  are not modelled yet. */
export const PROVIDER_TIERS: Readonly<Record<ProviderName, { readonly flex: boolean; readonly priority: boolean }>> = {
  openai: { flex: true, priority: true },
  azure: { flex: false, priority: false },
  anthropic: { flex: false, priority: false },
  gemini: { flex: false, priority: false },
};

export type Metadata = Record<string, string>;

/** One request as the request file has it (OpenAI's shape). */
export interface ProviderRequest {
  url: Endpoint;
  model: string;
  body: Record<string, unknown>;
}

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** A sync answer: the body in OpenAI's shape for the url (provider body under `provider_response` where it differs),
 *  and the response headers (rate-limit headers are read from them where the provider sends OpenAI's). */
export interface SyncAnswer {
  data: Record<string, unknown>;
  headers: Headers;
}

/** Where one request line cannot be sent faithfully: the message names what and why (the caller adds file:line). */
export interface LineProblem {
  message: string;
}

export interface Provider {
  readonly name: ProviderName;
  /** The key in use: registered with the scrubber, never written anywhere. */
  readonly apiKey: string;
  /** Most lines and bytes of one batch. */
  readonly partLimits: { maxLines: number; maxBytes: number };
  /** Service tiers this provider runs through this interface (the policy never plans one it lacks). */
  readonly tiers: { flex: boolean; priority: boolean };
  /** Whether a batch can end `expired` at 24 h (Azure does not expire jobs; Gemini at 48 h). */
  readonly batchWindowHours: number | null;
  /** Every reason this line cannot be sent faithfully (empty: it can). Called for every line before anything is sent. */
  check(line: { custom_id: string; url: string; body: Record<string, unknown> }): LineProblem[];

  /** An OpenAI-shaped part file (`{custom_id, method, url, body}` lines) made ready for createBatch: uploaded, or kept
   *  for an inline create. Returns the handle createBatch takes as input_file_id. */
  uploadPart(path: string, signal?: AbortSignal): Promise<string>;
  createBatch(a: { input_file_id: string; endpoint: string; metadata: Metadata }, signal?: AbortSignal): Promise<Batch>;
  retrieveBatch(id: string, signal?: AbortSignal): Promise<Batch>;
  /** ConflictError (409) when the batch has already ended. */
  cancelBatch(id: string, signal?: AbortSignal): Promise<void>;
  /** Batches created since `sinceEpochSec`, newest first, with the metadata createBatch was given where the provider
   *  keeps it (null where it does not: then a crash between create and save cannot be attached to). */
  listBatches(sinceEpochSec: number): AsyncIterable<Batch>;
  /** The content of an output or error file, as OpenAI batch output lines. */
  fileContent(fileId: string, signal?: AbortSignal): Promise<ReadableStream<Uint8Array>>;

  /** One synchronous request. */
  call(req: ProviderRequest, opts?: CallOptions): Promise<SyncAnswer>;

  /** Exact input tokens of one request by the provider's own counter (Anthropic count_tokens, Gemini countTokens),
   *  where it has one; absent for OpenAI and Azure (tiktoken counts those exactly offline). */
  countInputTokens?(req: ProviderRequest, signal?: AbortSignal): Promise<number>;

  /** The custom_id a request is sent under, where the provider restricts them (Anthropic: a stable stand-in for an id
   *  outside its pattern); results come back under it and the runner maps them to the file's own id. Absent: as is. */
  wireCustomId?(id: string): string;

  /** The part's uploaded input is no longer needed (its batch has ended and its results are home): delete it where
   *  uploads count against a storage cap (Gemini: 20 GB per project). Best effort; absent: nothing to do. */
  releaseInput?(inputFileId: string, signal?: AbortSignal): Promise<void>;

  /** Frees connection pools the provider made (optional). */
  close?(): Promise<void>;
}
