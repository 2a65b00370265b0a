// Anthropic's Message Batches and Messages API behind batchwise's provider seam (../types.ts): OpenAI request lines
// are translated on the way out (translateRequest.ts), batches, result lines and errors on the way in. Every call goes
// through the Anthropic SDK.
import { existsSync } from 'node:fs';
import { wireCustomId } from './customIds.ts';
import type { Batch } from 'openai/resources/batches';
import OpenAI from 'openai';
import { registerSecret } from '../../../shared/secrets.ts';
import { longCallDispatcher } from '../../sync/syncClientDispatcher.ts';
import { PROVIDER_TIERS } from '../types.ts';
import type { CallOptions, LineProblem, Metadata, Provider, ProviderRequest, SyncAnswer } from '../types.ts';
import { makeAnthropicClient } from './anthropicClient.ts';
import { readBatchBody, writeBatchBody } from './batchBody.ts';
import { guard } from './errors.ts';
import { partHandle, partPathOf } from './handles.ts';
import { withOpenAIRateLimitHeaders } from './rateLimitHeaders.ts';
import { resultsContent } from './resultsStream.ts';
import { batchFromAnthropic } from './translateBatch.ts';
import { TRANSLATED_URL, translateChatBody, translateLine, UntranslatableRequestError } from './translateRequest.ts';
import { chatCompletionFromMessage } from './translateResult.ts';
import { ANTHROPIC_BATCH_LIMITS, type AnthropicParams, type MessageBatch } from './wire.ts';

export interface AnthropicProviderOptions {
  apiKey: string;
  /** The API's host (default https://api.anthropic.com, or ANTHROPIC_BASE_URL as the SDK reads it); a trailing /v1
   *  is accepted. */
  baseURL?: string;
  /** Retries of idempotent reads (default 2, the SDK's). Creates and sync calls are sent once. */
  maxRetries?: number;
}

/** Node's fetch gives up after 300 s without response headers: longer calls get a pool of their own. */
const FETCH_HEADERS_TIMEOUT_MS = 300_000;
/** The SDK refuses a non-streaming call it expects to outlast 10 minutes unless given a timeout; this is its own
 *  estimate (an hour for 128,000 output tokens), at least its 10-minute default. */
const defaultTimeoutMs = (maxTokens: number) => Math.max(600_000, Math.ceil((3_600_000 * maxTokens) / 128_000));

function conflict(id: string): Error {
  const message = `Batch ${id} has already ended; there is nothing left to cancel.`;
  return OpenAI.APIError.generate(409, { error: { code: 'conflict_error', message, type: 'conflict_error' } }, message, new Headers());
}

/** The translated params of a sync request; every problem at once when it has any (check() reports them earlier). */
function paramsFor(req: ProviderRequest): AnthropicParams {
  if (req.url !== TRANSLATED_URL) throw new UntranslatableRequestError([`url ${req.url}: only ${TRANSLATED_URL} is translated for Anthropic`]);
  const { params, problems } = translateChatBody(req.body);
  if (!params) throw new UntranslatableRequestError(problems);
  return params;
}

export function createAnthropicProvider(opts: AnthropicProviderOptions): Provider {
  // The scrubber learns the key before any call can fail with it in a message.
  registerSecret(opts.apiKey);
  const client = makeAnthropicClient(opts);
  let longPool: ReturnType<typeof longCallDispatcher> | null = null;

  return {
    name: 'anthropic',
    apiKey: opts.apiKey,
    // 256 MB counts the translated create body, which uploadPart measures and refuses past the limit.
    partLimits: { ...ANTHROPIC_BATCH_LIMITS },
    // Anthropic's Priority Tier is a capacity commitment, not a per-request choice batchwise can make; no flex.
    tiers: PROVIDER_TIERS.anthropic,
    batchWindowHours: 24,

    check(line: { custom_id: string; url: string; body: Record<string, unknown> }): LineProblem[] {
      return translateLine(line).problems;
    },

    async uploadPart(path: string, signal?: AbortSignal): Promise<string> {
      // Nothing is uploaded: the translated body waits beside the part for createBatch, and the handle names the part.
      await writeBatchBody(path, signal);
      return partHandle(path);
    },

    async createBatch(a: { input_file_id: string; endpoint: string; metadata: Metadata }, signal?: AbortSignal): Promise<Batch> {
      const partPath = partPathOf(a.input_file_id);
      if (!partPath) throw new TypeError(`not an Anthropic part handle: ${a.input_file_id}`);
      if (a.endpoint !== TRANSLATED_URL) throw new TypeError(`the Anthropic provider batches ${TRANSLATED_URL} only, not ${a.endpoint}`);
      // a.metadata is not sent: a Message Batch has no metadata to keep it in.
      // A handle from another checkout (the run folder moved since) names a part that is not there: said as the file
      // being gone (404), so the runner makes a new handle from the part where it is now.
      if (!existsSync(partPath)) {
        const message = `the part ${partPath} named by ${a.input_file_id} is not there (the run folder moved?)`;
        throw OpenAI.APIError.generate(404, { error: { code: 'part_not_found', message, type: 'invalid_request_error', param: null } }, message, new Headers());
      }
      const body = await readBatchBody(partPath, signal);
      // The body goes as the bytes on disk (up to 256 MB), not re-serialised from an object graph of that size; the
      // SDK's client still signs, sends and reads it. Sent once: the caller checks listBatches before a second try.
      const created = await guard(() =>
        client.post<MessageBatch>('/v1/messages/batches', {
          body,
          headers: { 'content-type': 'application/json' },
          maxRetries: 0,
          ...(signal ? { signal } : {}),
        }),
      );
      return batchFromAnthropic(created, a.input_file_id);
    },

    async retrieveBatch(id: string, signal?: AbortSignal): Promise<Batch> {
      return batchFromAnthropic(await guard(() => client.messages.batches.retrieve(id, {}, { signal })));
    },

    async cancelBatch(id: string, signal?: AbortSignal): Promise<void> {
      // What the API answers to cancelling an ended batch is not documented: it is asked only while the batch is
      // live, and an error from the cancel is read as the conflict when the batch turns out to have ended meanwhile.
      const before = await guard(() => client.messages.batches.retrieve(id, {}, { signal }));
      if (before.processing_status === 'ended') throw conflict(id);
      try {
        await guard(() => client.messages.batches.cancel(id, {}, { signal }));
      } catch (err) {
        if (err instanceof OpenAI.APIError && typeof err.status === 'number' && err.status < 500) {
          const after = await guard(() => client.messages.batches.retrieve(id, {}, { signal }));
          if (after.processing_status === 'ended') throw conflict(id);
        }
        throw err;
      }
    },

    async *listBatches(sinceEpochSec: number): AsyncIterable<Batch> {
      // Newest first, as the API lists them; metadata is null on every one (Anthropic batches keep none).
      const page = await guard(async () => client.messages.batches.list({ limit: 100 }));
      const iterator = page[Symbol.asyncIterator]();
      for (;;) {
        const next = await guard(() => iterator.next());
        if (next.done) return;
        const batch = batchFromAnthropic(next.value);
        if (batch.created_at < sinceEpochSec) return;
        yield batch;
      }
    },

    fileContent(fileId: string, signal?: AbortSignal): Promise<ReadableStream<Uint8Array>> {
      return resultsContent(client, fileId, signal);
    },

    async call(req: ProviderRequest, o: CallOptions = {}): Promise<SyncAnswer> {
      const params = paramsFor(req);
      const timeout = o.timeoutMs ?? defaultTimeoutMs(params.max_tokens);
      const long = timeout > FETCH_HEADERS_TIMEOUT_MS;
      const { data, response } = await guard(() =>
        client.messages
          .create(params as Parameters<typeof client.messages.create>[0] & { stream?: false }, {
            maxRetries: 0,
            timeout,
            ...(long ? { fetchOptions: { dispatcher: (longPool ??= longCallDispatcher(timeout + 60_000)) } as never } : {}),
            ...(o.signal ? { signal: o.signal } : {}),
          })
          .withResponse(),
      );
      // The sync runner paces from x-ratelimit-*: Anthropic's anthropic-ratelimit-* are translated (and kept).
      return { data: chatCompletionFromMessage(data, Math.floor(Date.now() / 1000)), headers: withOpenAIRateLimitHeaders(response.headers) };
    },

    wireCustomId,

    async countInputTokens(req: ProviderRequest, signal?: AbortSignal): Promise<number> {
      const p = paramsFor(req);
      // count_tokens takes the prompt only: no cap, sampling, stop sequences or metadata.
      const counted = await guard(() =>
        client.messages.countTokens(
          {
            model: p.model,
            messages: p.messages,
            ...(p.system !== undefined ? { system: p.system } : {}),
            ...(p.tools ? { tools: p.tools } : {}),
            ...(p.tool_choice ? { tool_choice: p.tool_choice } : {}),
            ...(p.output_config ? { output_config: p.output_config } : {}),
          },
          { signal },
        ),
      );
      return counted.input_tokens;
    },

    async close(): Promise<void> {
      await longPool?.close();
      longPool = null;
    },
  };
}
