// Gemini's native Batch Mode (ai.google.dev/gemini-api/docs/batch-api) behind batchwise's Provider seam: request
// lines are translated to GenerateContentRequests (translateRequest.ts), parts are uploaded through the File API and
// run as one batchGenerateContent job per part (the model is in the URL), jobs are read back as OpenAI Batch objects
// (batchObject.ts) and their responses files as OpenAI batch output lines (fileContent.ts); sync calls go to
// generateContent, token counts to countTokens. Plain REST over fetch (http.ts says why not the SDK).
import OpenAI, { type APIError } from 'openai';
import type { Batch } from 'openai/resources/batches';
import { registerSecret } from '../../../shared/secrets.ts';
import { PROVIDER_TIERS } from '../types.ts';
import type { CallOptions, Metadata, Provider, ProviderRequest, SyncAnswer } from '../types.ts';
import { EXPIRY_HOURS, isEnded, toOpenAIBatch } from './batchObject.ts';
import { encodeDisplayName } from './displayName.ts';
import { fileContent } from './fileContent.ts';
import { readHandle } from './handles.ts';
import { GeminiHttp, readJson } from './http.ts';
import { translateLine } from './translateRequest.ts';
import { toChatCompletion } from './translateResult.ts';
import { uploadPart } from './uploadPart.ts';
import type { GeminiOperation, GenerateContentRequest, GenerateContentResponse } from './wire.ts';

export interface GeminiProviderOptions {
  apiKey: string;
  /** The API root; default https://generativelanguage.googleapis.com (an emulator: its origin). */
  baseURL?: string;
  /** Retries of reads (retrieve, list, download, countTokens) on 408 / 429 / 5xx / resets; default 2. */
  maxRetries?: number;
}

/**
 * Limits of one part. Lines: Google documents no request count per batch (the limits are the 2 GB input file, 100
 * concurrent batches, and per-model enqueued tokens); 100,000 keeps a part's results file and a lost part's re-run
 * bounded, as Anthropic's and Azure's documented 100,000 do. Bytes: the File API's 2 GB is the limit of the translated
 * file, which is larger than the OpenAI part it comes from (longer keys, a `key` per line); 1 GB of OpenAI lines
 * leaves that room, and uploadPart refuses a translation over 2 GB.
 */
export const GEMINI_PART_LIMITS = { maxLines: 100_000, maxBytes: 1_000_000_000 } as const;

/** A line that cannot be sent, as the 400 OpenAI would answer for a bad request. */
function untranslatable(messages: string[]): APIError {
  const message = `the request cannot be sent to Gemini: ${messages.join('; ')}`;
  return OpenAI.APIError.generate(400, { error: { code: 'untranslatable_request', message, type: 'invalid_request_error', param: null } }, message, new Headers());
}

function translated(req: ProviderRequest): { model: string; request: GenerateContentRequest } {
  const t = translateLine({ url: req.url, body: { ...req.body, model: req.model } });
  if (!t.request) throw untranslatable(t.problems.map((p) => p.message));
  return { model: t.model, request: t.request };
}

export function createGeminiProvider(opts: GeminiProviderOptions): Provider {
  if (!opts.apiKey) throw new Error('no Gemini API key');
  registerSecret(opts.apiKey);
  const http = new GeminiHttp(opts);

  const retrieve = async (id: string, signal?: AbortSignal): Promise<GeminiOperation> => {
    // Only a batch name goes into the path: any other id could address another resource.
    if (!/^batches\/[A-Za-z0-9_-]+$/.test(id)) {
      const message = `not a Gemini batch name: ${JSON.stringify(id)}`;
      throw OpenAI.APIError.generate(404, { error: { code: 'NOT_FOUND', message, type: 'invalid_request_error', param: null } }, message, new Headers());
    }
    return (await http.json<GeminiOperation>(`/v1beta/${id}`, { signal, retry: true })).data;
  };

  return {
    name: 'gemini',
    apiKey: opts.apiKey,
    partLimits: { ...GEMINI_PART_LIMITS },
    // Gemini has Flex and Priority tiers of its own; batchwise does not model them yet.
    tiers: PROVIDER_TIERS.gemini,
    batchWindowHours: EXPIRY_HOURS,

    check(line) {
      return translateLine(line).problems;
    },

    uploadPart(path, signal) {
      return uploadPart(http, path, signal);
    },

    async createBatch(a: { input_file_id: string; endpoint: string; metadata: Metadata }, signal?: AbortSignal): Promise<Batch> {
      const { file, model } = readHandle(a.input_file_id);
      if (!model) throw new Error(`the input handle ${a.input_file_id} names no model`);
      // Sent once: a repeated create is a second job (the caller looks at listBatches before trying again).
      try {
        const { data } = await http.json<GeminiOperation>(`/v1beta/models/${model}:batchGenerateContent`, {
          method: 'POST',
          json: { batch: { displayName: encodeDisplayName(a.metadata), inputConfig: { fileName: file } } },
          signal,
        });
        return toOpenAIBatch(data);
      } catch (err) {
        // Files live 48 h; Google answers a batch naming an expired or missing one with 403 PERMISSION_DENIED ("…or it
        // may not exist"). Said as what it means to the runner — the input is gone (404): it uploads the part again.
        if (err instanceof OpenAI.APIError && err.status === 403 && /may not exist/i.test(err.message)) {
          throw OpenAI.APIError.generate(404, { error: { code: 'file_not_found', message: err.message, type: 'invalid_request_error', param: null } }, err.message, err.headers ?? new Headers());
        }
        throw err;
      }
    },

    async releaseInput(inputFileId, signal) {
      // Uploaded files count against the project's storage (and would live 48 h): the input of an ended job goes.
      const { file } = readHandle(inputFileId);
      await http.call(`/v1beta/${file}`, { method: 'DELETE', signal, retry: true });
    },

    async retrieveBatch(id, signal) {
      return toOpenAIBatch(await retrieve(id, signal));
    },

    async cancelBatch(id, signal) {
      const ended = (message: string) =>
        OpenAI.APIError.generate(409, { error: { code: 'batch_ended', message, type: 'invalid_request_error', param: null } }, message, new Headers());
      const op = await retrieve(id, signal);
      if (isEnded(op)) throw ended(`batch ${id} has already ended (${op.metadata?.state})`);
      try {
        await http.call(`/v1beta/${id}:cancel`, { method: 'POST', json: {}, signal, retry: true });
      } catch (err) {
        // The job ended between the two calls: Google refuses the cancel with FAILED_PRECONDITION (a 400).
        if (err instanceof OpenAI.APIError && err.status === 400 && err.code === 'FAILED_PRECONDITION') throw ended(err.message);
        throw err;
      }
    },

    async *listBatches(sinceEpochSec: number) {
      // The list's order is not documented: every page is read (up to a bound), then sorted newest first.
      const found: Batch[] = [];
      let pageToken: string | undefined;
      for (let page = 0; page < 200; page++) {
        const query: Record<string, string> = { pageSize: '100' };
        if (pageToken) query.pageToken = pageToken;
        const { data } = await http.json<{ operations?: GeminiOperation[]; nextPageToken?: string }>('/v1beta/batches', { query, retry: true });
        for (const op of data.operations ?? []) {
          const b = toOpenAIBatch(op);
          if (b.created_at >= sinceEpochSec) found.push(b);
        }
        pageToken = data.nextPageToken || undefined;
        if (!pageToken) break;
      }
      found.sort((x, y) => y.created_at - x.created_at);
      yield* found;
    },

    fileContent(fileId, signal) {
      return fileContent(http, fileId, signal);
    },

    async call(req: ProviderRequest, o: CallOptions = {}): Promise<SyncAnswer> {
      const { model, request } = translated(req);
      const res = await http.call(`/v1beta/models/${model}:generateContent`, { method: 'POST', json: request, signal: o.signal, timeoutMs: o.timeoutMs });
      const resp = await readJson<GenerateContentResponse>(res);
      const answer = toChatCompletion(resp, model, resp.responseId ?? `${model}:${Date.now()}`, Math.floor(Date.now() / 1000));
      if (!answer.ok) {
        const { status, body } = answer.failure;
        throw OpenAI.APIError.generate(status, body, body.error.message, res.headers);
      }
      return { data: answer.body, headers: res.headers };
    },

    async countInputTokens(req: ProviderRequest, signal?: AbortSignal): Promise<number> {
      const { model, request } = translated(req);
      const { data } = await http.json<{ totalTokens?: number }>(`/v1beta/models/${model}:countTokens`, {
        method: 'POST',
        // The whole request (system instruction and tools count too), not `contents` alone.
        json: { generateContentRequest: { model: `models/${model}`, ...request } },
        signal,
        retry: true,
      });
      return typeof data.totalTokens === 'number' ? data.totalTokens : 0;
    },
  };
}
