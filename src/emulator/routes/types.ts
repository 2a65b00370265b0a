import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BatchService } from '../batchService.ts';
import type { FileStore } from '../fileStore.ts';
import type { ModelCatalog } from '../modelTraits.ts';
import type { PromptCache } from '../promptCache.ts';
import type { RateLimiter } from '../rateLimiter.ts';
import type { EmulatorConfig } from '../types.ts';

export interface Services {
  cfg: EmulatorConfig;
  files: FileStore;
  batches: BatchService;
  limiter: RateLimiter;
  /** One prompt cache per emulator, shared by sync calls and batch lines. */
  cache: PromptCache;
  models: ModelCatalog;
  /** The seeded stream for per-call faults (order-dependent, reproducible for the same sequence of calls). */
  random: () => number;
  /** A second seeded stream, for latency jitter only: latency never shifts which calls are faulted. */
  latencyRandom: () => number;
  /** Aborted when the emulator closes: held answers stop waiting. */
  closing: AbortSignal;
}

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  /** The path's captured ids. */
  params: string[];
  query: URLSearchParams;
  /** Headers every response carries (x-request-id). */
  headers: Record<string, string>;
  /** Called through Azure's v1 API (/openai/v1/…, `api-key`). */
  azure: boolean;
  /** --drop-rate picked this call: a streamed body is cut half-way (the route decides where). */
  dropMidway: boolean;
}

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  pattern: RegExp;
  handle(ctx: RouteContext, services: Services): Promise<void>;
}

/** Another provider's API served by the same emulator (src/emulator/<provider>/): it owns its paths, authentication,
 *  error bodies and faults (drawn from `services.random`, as the OpenAI routes do), and answers in its own wire format. */
export interface ProviderHandler {
  name: string;
  /** Whether this path is the provider's. */
  matches(path: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse, url: URL, services: Services): Promise<void>;
}
