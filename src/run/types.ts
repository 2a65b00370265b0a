// Plain data the runners exchange. Request bodies are never all held in memory: a runner gets the lines it must send
// as a stream re-read from the request file (see readRunItems), and hands back ResultRecords.
import type { Endpoint } from '../requests/types.ts';
import type { ResultRecord } from '../results/types.ts';
import type { Ledger } from '../results/ledger/index.ts';
import type { Observation } from '../history/index.ts';
import type { SyncProgress } from './sync/syncProgress.ts';
import type OpenAI from 'openai';
import type { DeploymentMap, Provider, ProviderName } from './providers/index.ts';
import type { Catalog } from '../pricing/index.ts';
import type { FileEstimate, Mode, Range } from '../estimate/types.ts';

/** One request ready to send, with what the estimate knows about it (used for rate-limit reservations). */
export interface RunItem {
  line: number;
  custom_id: string;
  url: Endpoint;
  model: string;
  body: Record<string, unknown>;
  input_tokens: number;
  /** Output cap for the whole request (cap × n); what the API's token limiter reserves. */
  max_output_tokens: number;
}

export type OnResult = (result: ResultRecord) => void;


export type RunMode = 'auto' | Mode;

export interface RunOptions {
  mode: RunMode;
  outDir: string;
  catalog: Catalog;
  /** Which provider runs the requests (default openai); its key and base URL come from apiKey/baseURL or its
   *  environment variables (run/providers/index.ts KEY_ENV, BASE_URL_ENV). */
  provider?: ProviderName;
  /** Azure: the deployment serving each model. */
  deployments?: DeploymentMap;
  /** Count input tokens with the provider's own endpoint where it has one (Anthropic, Gemini; default true): exact
   *  instead of approximate, one free call per request before anything is sent. */
  exactTokens?: boolean;
  /** A provider built by the caller (tests); its name must be `provider`'s. */
  providerImpl?: Provider;
  /** An OpenAI client built by the caller (tests): the openai provider over it. */
  client?: OpenAI;
  apiKey?: string;
  baseURL?: string;
  /** How long the caller can wait (default 24h for the CLI; the action passes the time left in the job). */
  latencyBudgetMs?: number;
  /** The chosen plan's WORST case above this → MaxCostError before anything is spent. */
  maxCostUsd?: number;
  /** A batch saving (expected) at or below this is not worth waiting for (default $0.01). */
  minSavingsUsd?: number;
  /** Attempts after the first for requests that failed in a way a retry can fix (default 2). */
  retries?: number;
  flexFallback?: boolean;
  rpm?: number;
  tpm?: number;
  /** Concurrency of the sync and flex runners. */
  concurrency?: number;
  githubRunId?: string;
  log?: (line: string) => void;
  signal?: AbortSignal;
  /** Tests make it fast; default 2 s at first, growing to 60 s. */
  pollIntervalMs?: { min: number; max: number };
  onBatchesSubmitted?: (batchIds: string[]) => void;
  /** Progress of the running batches (the CLI draws a bar on a TTY). */
  onProgress?: (p: BatchProgress) => void;
  /** Live figures of the sync, flex or priority runner (done, tokens a minute against the limit, cost, ETA). */
  onSyncProgress?: (p: SyncProgress, tier: string) => void;
  /** Requests left for a retry round at or below this go through the sync runner instead of a new batch (default 100). */
  syncRetryThreshold?: number;
  /** Worker threads for the estimate (default: one per core for large files, as `estimate` does). The workers' heaps
   *  are capped and freed when they end, so this also keeps the run's own peak memory lower (measured on 50,000
   *  requests: 386 MB with workers, 469 MB scanning on the main thread). */
  estimateWorkers?: number;
  /** Regional processing (data residency) endpoints: +10% on the models that charge it (estimate and actual). */
  region?: boolean;
  /** What earlier runs observed (history/): calibrates the estimate the decision rests on. */
  history?: Observation[];
  historySource?: 'history' | 'pilot';
  /** Read before the estimate (unless `history` is given) and appended to after the run; null/absent: none. */
  historyPath?: string | null;
  /** The decision a caller already planned on (the action's shared max-cost): used for a new run instead of deciding
   *  again; a resumed run keeps its own. */
  plannedDecision?: Decision;
  /** Set the remembered run aside and start over, keeping the answers it already has (never sent again). */
  fresh?: boolean;
  /** Requests sent synchronously before the decision to calibrate it (kept in the results, never sent again). */
  pilot?: number;
  /** Today (model lifecycle): injectable for tests. */
  now?: Date;
  /** Per-batch limits (tests use small ones to force several parts). */
  partLimits?: { maxLines?: number; maxBytes?: number };
  /** `--queue-limit`: the account's enqueued-token limit per model (Limits page). Without it the first
   *  token_limit_exceeded teaches it (kept in state.json); parts are planned and sent to fit in it. */
  queueLimitTokens?: number;
  /** `--until`: stop waiting this long after the start, leaving the batches running and the state in outDir; the
   *  summary says `in_progress` (exit 3) and the same call again continues. */
  untilMs?: number;
  /** `--max-batches`: batches this run may create at most (default 500); reaching it ends the run in progress. */
  maxBatches?: number;
}

/** Why a run stopped before the end (exit 3): what is left runs when the same command runs again. */
export interface InProgress {
  reason: 'until' | 'max_batches' | 'deadline';
  message: string;
  /** Our batches still running remotely (the next run attaches to them). */
  batches_running: number;
  /** Requests without an outcome yet (running, or not sent). */
  requests_left: number;
}

export interface BatchProgress {
  total: number;
  completed: number;
  failed: number;
  /** Milliseconds to the end at the current pace; null until there is a pace. */
  eta_ms: number | null;
}

export interface Decision {
  mode: Mode;
  reason: string;
  /** Batch first, cancelled in time for sync (or flex) to finish what is left before the deadline. */
  safety_net: boolean;
}

export interface RunSummary {
  file: string;
  /** Whose API ran the requests (absent in summaries made before providers: openai). */
  provider?: ProviderName;
  decision: { mode: Mode; reason: string };
  estimate: FileEstimate;
  requests: number;
  succeeded: number;
  failed: number;
  expired: number;
  cancelled: number;
  skipped: number;
  /** = ledger.total.actual_usd. */
  actual_cost_usd: number;
  /** Every dollar figure of the run (results/ledger). */
  ledger: Ledger;
  /** Of the chosen mode. */
  estimated_cost_usd: Range;
  batch_ids: string[];
  results_path: string;
  results_csv_path: string;
  report_json_path: string;
  report_md_path: string;
  started_at: string;
  finished_at: string;
  /** Set when the run stopped before the end (then exit_code is 3 and results.jsonl is a snapshot: the requests
   *  without an outcome yet are `skipped`). */
  in_progress?: InProgress;
  /** DESIGN: 0 all succeeded, 2 some did not, 1 could not run, 3 in progress (run the same command again). */
  exit_code: 0 | 1 | 2 | 3;
}
