// OpenAI itself: the Files and Batches endpoints and the sync endpoints, through the openai SDK. The request file is
// already in OpenAI's shape, so nothing is translated; Azure (azureProvider.ts) is this with other URLs, header and
// model names.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import OpenAI, { toStreamingFile } from 'openai';
import type { Batch, BatchCreateParams } from 'openai/resources/batches';
import { streamingUploadFetch } from '../../batch/streamingFetch.ts';
import { longCallDispatcher } from '../../sync/syncClientDispatcher.ts';
import { PROVIDER_TIERS } from '../types.ts';
import type { CallOptions, LineProblem, Metadata, Provider, ProviderName, ProviderRequest, SyncAnswer } from '../types.ts';

/** Part limits OpenAI documents: 50,000 requests and 200 MB per batch input file. */
export const OPENAI_PART_LIMITS = { maxLines: 50_000, maxBytes: 200 * 1024 * 1024 };
/** Node's fetch gives up after 300 s without headers; calls allowed longer (flex) get a pool of their own. */
const FETCH_HEADERS_TIMEOUT_MS = 300_000;

export interface OpenAIProviderOptions {
  client: OpenAI;
  name?: ProviderName;
  partLimits?: { maxLines: number; maxBytes: number };
  batchWindowHours?: number | null;
  /** The request as this provider takes it (Azure: the deployment name as model). */
  rewriteBody?: (body: Record<string, unknown>, model: string) => Record<string, unknown>;
  check?: (line: { custom_id: string; url: string; body: Record<string, unknown> }) => LineProblem[];
  /** The create's `endpoint` as this provider names it (Azure: `/chat/completions`, without `/v1`). */
  batchEndpoint?: (endpoint: string) => string;
  /** A part file made ready for upload (Azure rewrites its models); returns the path to upload. */
  preparePart?: (path: string) => Promise<string>;
}

export function openAIProvider(o: OpenAIProviderOptions): Provider {
  const client = o.client;
  let longPool: ReturnType<typeof longCallDispatcher> | null = null;
  return {
    name: o.name ?? 'openai',
    apiKey: client.apiKey ?? '',
    partLimits: o.partLimits ?? OPENAI_PART_LIMITS,
    tiers: PROVIDER_TIERS[o.name ?? 'openai'],
    batchWindowHours: o.batchWindowHours === undefined ? 24 : o.batchWindowHours,
    check: o.check ?? (() => []),

    async uploadPart(path: string, signal?: AbortSignal): Promise<string> {
      const source = o.preparePart ? await o.preparePart(path) : path;
      // The part (up to 200 MB) streams from disk through node:http (streamingFetch.ts explains why not Node's fetch).
      // A stream cannot be sent twice: the SDK's own retries are off, the caller's loop opens the file again.
      const uploader = client.withOptions({ fetch: streamingUploadFetch, maxRetries: 0 });
      const file = toStreamingFile(createReadStream(source, { highWaterMark: 1 << 20 }), basename(path), { type: 'application/jsonl' });
      const created = await uploader.files.create({ file, purpose: 'batch' }, { signal });
      return created.id;
    },

    createBatch(a: { input_file_id: string; endpoint: string; metadata: Metadata }, signal?: AbortSignal): Promise<Batch> {
      return client.batches.create(
        { input_file_id: a.input_file_id, endpoint: (o.batchEndpoint ? o.batchEndpoint(a.endpoint) : a.endpoint) as BatchCreateParams['endpoint'], completion_window: '24h', metadata: a.metadata },
        { maxRetries: 0, signal },
      );
    },

    retrieveBatch: (id: string, signal?: AbortSignal) => client.batches.retrieve(id, { signal }),

    async cancelBatch(id: string, signal?: AbortSignal): Promise<void> {
      await client.batches.cancel(id, { maxRetries: 2, signal });
    },

    async *listBatches(sinceEpochSec: number): AsyncIterable<Batch> {
      for await (const b of client.batches.list({ limit: 100 })) {
        if (b.created_at < sinceEpochSec) return;
        yield b;
      }
    },

    async fileContent(fileId: string, signal?: AbortSignal): Promise<ReadableStream<Uint8Array>> {
      const res = await client.files.content(fileId, { signal });
      if (!res.body) throw new Error(`file ${fileId} has no body`);
      return res.body as ReadableStream<Uint8Array>;
    },

    async call(req: ProviderRequest, opts: CallOptions = {}): Promise<SyncAnswer> {
      const path = req.url.replace(/^\/v1/, '');
      const body = o.rewriteBody ? o.rewriteBody(req.body, req.model) : req.body;
      const long = opts.timeoutMs !== undefined && opts.timeoutMs > FETCH_HEADERS_TIMEOUT_MS;
      const { data, response } = await client
        .post<Record<string, unknown>>(path, {
          body, maxRetries: 0,
          ...(opts.timeoutMs !== undefined ? { timeout: opts.timeoutMs } : {}),
          ...(long ? { fetchOptions: { dispatcher: (longPool ??= longCallDispatcher(opts.timeoutMs! + 60_000)) } as never } : {}),
          ...(opts.signal ? { signal: opts.signal } : {}),
        })
        .withResponse();
      return { data, headers: response.headers };
    },

    async close(): Promise<void> {
      await longPool?.close();
      longPool = null;
    },
  };
}
