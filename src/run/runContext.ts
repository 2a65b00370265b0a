// What every phase of one run shares: the client, the plan's facts per line, the state and how to save it, the clock.
import type { SyncProgress } from './sync/syncProgress.ts';
import type { Provider } from './providers/index.ts';
import type { Batch } from 'openai/resources/batches';
import type { LineEstimate } from '../estimate/types.ts';
import type { BatchLimits } from '../requests/index.ts';
import type { RunState } from './state/state.ts';
import type { BatchProgress, Decision } from './types.ts';

export interface RunContext {
  /** The provider every call goes through (run/providers/): the runners never see which one it is. */
  provider: Provider;
  inputPath: string;
  /** How the input is named in messages (`requests.jsonl:12: …`). */
  displayName: string;
  outDir: string;
  inputSha256: string;
  decision: Decision;
  state: RunState;
  save(): void;
  /** The estimate's facts for every request, by input line. */
  items: Map<number, LineEstimate>;
  /** Epoch ms by which every answer must be in. */
  deadline: number;
  /** The latency budget the deadline came from. */
  budgetMs: number;
  retries: number;
  syncRetryThreshold: number;
  rpm: number | null;
  tpm: number | null;
  concurrency: number;
  /** Every model of the file has flex processing: the safety net and small retries use it. */
  flexAvailable: boolean;
  flexFallback: boolean;
  /** `--region`: the live cost and the journal price regional processing as the ledger does. */
  region: boolean;
  poll: { min: number; max: number };
  limits: Partial<BatchLimits>;
  githubRunId?: string;
  log(line: string): void;
  signal?: AbortSignal;
  onBatchesSubmitted?: (batchIds: string[]) => void;
  onProgress?: (p: BatchProgress) => void;
  /** Live figures of the sync, flex or priority runner, with the tier's name. */
  onSyncProgress?: (p: SyncProgress, tier: string) => void;
  /** Our batches that already exist remotely, listed once per process before the first submission. */
  existing: Batch[] | null;
  /** `--queue-limit` (tokens per model), or null: learned from the API's refusals. */
  queueLimitTokens: number | null;
  /** Epoch ms after which the run stops waiting (`--until`), or null. */
  until: number | null;
  /** Batches this process may create at most, and how many it has created. */
  maxBatches: number;
  created: number;
}
