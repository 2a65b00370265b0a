import type { AnthropicSwitches } from './anthropic/switches.ts';
import type { GeminiSwitches } from './gemini/switches.ts';
// Plain data of the emulator: the API objects exactly as the real API serialises them, and the emulator's own
// bookkeeping kept next to them (never sent to clients).
import type { Endpoint } from '../requests/types.ts';

export type BatchStatus =
  | 'validating'
  | 'failed'
  | 'in_progress'
  | 'finalizing'
  | 'completed'
  | 'expired'
  | 'cancelling'
  | 'cancelled';

export interface BatchError {
  code: string;
  line: number | null;
  message: string;
  param: string | null;
}

export interface BatchUsage {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
}

/** The Batch object, field for field (seed 000 plus the newer `model` and `usage`). */
export interface BatchObject {
  id: string;
  object: 'batch';
  endpoint: string;
  model: string | null;
  errors: { object: 'list'; data: BatchError[] } | null;
  input_file_id: string;
  completion_window: '24h';
  status: BatchStatus;
  output_file_id: string | null;
  error_file_id: string | null;
  created_at: number;
  in_progress_at: number | null;
  expires_at: number | null;
  finalizing_at: number | null;
  completed_at: number | null;
  failed_at: number | null;
  expired_at: number | null;
  cancelling_at: number | null;
  cancelled_at: number | null;
  request_counts: { total: number; completed: number; failed: number };
  metadata: Record<string, string> | null;
  usage: BatchUsage;
}

/** What the emulator remembers about a batch besides the public object. Times in ms so that progress can be
 *  recomputed from timestamps after a restart (--data-dir). */
export interface BatchInternals {
  /** Creation order across the emulator's life: seeds the per-batch faults so a retried custom_id can succeed. */
  ordinal: number;
  endpoint: Endpoint;
  createdMs: number;
  inProgressMs: number | null;
  cancellingMs: number | null;
  finalizingMs: number | null;
  /** When the batch expires: created + --expire-after, else created + 24h as on the real API. */
  expireAtMs: number | null;
  completeAfterMs: number;
  /** The seed and fail rate the batch was created under: a restart with other flags does not change its fate. */
  seed: number;
  failRate: number;
  /** Input tokens of the whole batch, counted at validation: what it holds of the model's enqueued-token queue. */
  inputTokens: number;
  /** The queue the batch's tokens count against: the catalog key of its model (snapshots share their family's). */
  queueModel?: string | null;
  /** `output_expires_after.seconds` of the create call: the output and error files expire that long after they are made. */
  outputExpiresAfterS?: number | null;
  /** Fixed when cancel is called (a restart with other flags does not change a cancel under way). */
  cancelAfterMs?: number;
  cancelledLines?: CancelledLines;
  /** Created through Azure's v1 API: never expires, 100,000 lines, models must be deployments. */
  azure?: boolean;
}

export interface BatchRecord {
  batch: BatchObject;
  internals: BatchInternals;
}

export type FilePurpose = string;

/** The File object as the real API returns it. */
export interface FileObject {
  id: string;
  object: 'file';
  bytes: number;
  created_at: number;
  expires_at: number | null;
  filename: string;
  purpose: FilePurpose;
  status: 'processed';
  status_details: null;
}

/** The real API's error body. */
export interface ErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** `bucket`: a continuous token bucket per model (capacity = the per-minute limit, refilling limit/60 per second);
 *  `window`: a sliding 60 s window. */
export type LimiterKind = 'bucket' | 'window';
/** What a request counts against the token limit: `max` = max(max_tokens, ceil(characters / 4)) as OpenAI's guide
 *  words it; `sum` = input tokens + max_tokens, the reading many clients use. */
export type TokenCounting = 'max' | 'sum';
/** Where a cancelled batch's unrun lines go: nowhere (`omitted`, all OpenAI documents) or the error file with
 *  `batch_cancelled` (`error-file`, what third-party code expects). */
export type CancelledLines = 'omitted' | 'error-file';

/** Every option resolved to a value (see index.ts for the defaults and their reasons). */
export interface EmulatorConfig {
  /** The Gemini face's switches where Google's docs are silent (gemini/switches.ts); absent: environment, defaults. */
  gemini?: Partial<GeminiSwitches>;
  /** The Anthropic face's switches (anthropic/switches.ts: OTPM, how output counts, how remaining tokens are shown). */
  anthropic?: Partial<AnthropicSwitches>;
  failRate: number;
  httpFaultRate: number;
  dropRate: number;
  completeAfterMs: number;
  expireAfterMs: number | null;
  rpm: number | null;
  tpm: number | null;
  queueLimit: number | null;
  limiter: LimiterKind;
  perSecond: boolean;
  tokenCounting: TokenCounting;
  latencyMs: number;
  latencyJitter: number;
  flexSlowdownFactor: number;
  priorityLatencyFactor: number;
  creationsPerHour: number;
  cancelAfterMs: number;
  cancelledLines: CancelledLines;
  flexUnavailableRate: number;
  flexDelayMs: number;
  seed: number;
  validateMs: number;
  finalizeMs: number;
  /** The emulator's clock in ms (Date.now unless a test drives it). Held answers (latency) wait on real timers. */
  now: () => number;
  log: (line: string) => void;
}
