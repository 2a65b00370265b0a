// Anthropic's Messages and Message Batches API, served by the same emulator as OpenAI's (README.md in this folder:
// what follows Anthropic's documentation, what is guessed). Authentication, the anthropic-version header, per-call
// faults, error bodies and rate limits (rateLimits.ts) are Anthropic's own; the emulator's switches (timing, fail
// rate, faults, seed, clock, rpm / tpm) are the ones the OpenAI face uses.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { newId } from '../random.ts';
import { answerDelayMs } from '../routes/sync.ts';
import type { ProviderHandler, Services } from '../routes/types.ts';
import { answerMessage } from './answerMessage.ts';
import { MessageBatchStore } from './batchStore.ts';
import { AnthropicApiError, apiError, invalid, overloaded, sendAnthropicError, sendAnthropicJson } from './errors.ts';
import { ClaudeModels } from './models.ts';
import { ClaudePromptCache } from './promptCache.ts';
import { countPrompt } from './promptTokens.ts';
import { BATCH_MAX_BYTES, MESSAGES_MAX_BYTES, readJson } from './readBody.ts';
import { AnthropicRateLimits, type Admitted } from './rateLimits.ts';
import { resolveSwitches } from './switches.ts';
import { API_VERSIONS, validateParams, type ApiVersion } from './validateParams.ts';

interface AnthropicState {
  models: ClaudeModels;
  cache: ClaudePromptCache;
  batches: MessageBatchStore;
  /** POST /v1/messages only: count_tokens and Message Batches have limits of their own (README.md). */
  limits: AnthropicRateLimits;
}

/** One state per running emulator (the handler object is shared by every emulator in the process). */
const states = new WeakMap<Services, AnthropicState>();

function stateOf(services: Services): AnthropicState {
  let s = states.get(services);
  if (!s) {
    const cfg = services.cfg;
    const models = new ClaudeModels(cfg.log);
    const cache = new ClaudePromptCache();
    const batches = new MessageBatchStore({
      seed: cfg.seed,
      failRate: cfg.failRate,
      completeAfterMs: cfg.completeAfterMs,
      expireAfterMs: cfg.expireAfterMs,
      cancelAfterMs: cfg.cancelAfterMs,
      now: cfg.now,
      tempPath: () => services.files.tempPath(),
      models,
      cache,
    });
    const switches = resolveSwitches(cfg.anthropic);
    // The emulator's `tpm` is Anthropic's input-tokens limit (ITPM); the output limit is a switch of this face.
    const limits = new AnthropicRateLimits({
      rpm: cfg.rpm, itpm: cfg.tpm, otpm: switches.otpm, outputCounting: switches.outputCounting,
      tokensRemaining: switches.tokensRemaining, perSecond: cfg.perSecond,
    });
    s = { models, cache, batches, limits };
    states.set(services, s);
  }
  return s;
}

interface Call {
  req: IncomingMessage;
  res: ServerResponse;
  params: string[];
  query: URLSearchParams;
  version: ApiVersion;
  requestId: string;
  origin: string;
  state: AnthropicState;
  services: Services;
  /** --drop-rate picked this call and it streams a body: cut it half-way. */
  dropMidway: boolean;
}

interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  pattern: RegExp;
  handle(call: Call): Promise<void>;
}

const reply = (call: Call, body: unknown) => sendAnthropicJson(call.res, 200, body, { 'request-id': call.requestId });

function limitOf(query: URLSearchParams): number {
  const raw = query.get('limit');
  if (raw === null) return 20;
  const n = Number(raw);
  // "Defaults to 20. Ranges from 1 to 1000."
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw invalid('limit: Input should be an integer from 1 to 1000');
  return n;
}

async function streamResults(call: Call, path: string): Promise<void> {
  const { size } = await stat(path);
  call.res.writeHead(200, { 'request-id': call.requestId, 'content-type': 'application/x-jsonl', 'content-length': size });
  const stream = createReadStream(path, call.dropMidway ? { end: Math.max(0, Math.floor(size / 2) - 1) } : {});
  for await (const chunk of stream) {
    if (!call.res.write(chunk)) await new Promise((r) => call.res.once('drain', r));
  }
  if (call.dropMidway) call.res.destroy();
  else call.res.end();
}

const ROUTES: Route[] = [
  {
    method: 'POST',
    pattern: /^\/v1\/messages$/,
    async handle(call) {
      const body = await readJson(call.req, MESSAGES_MAX_BYTES);
      const { params, model } = validateParams(body, call.state.models, call.version, 'sync');
      const cfg = call.services.cfg;
      const { limits, cache } = call.state;
      let admitted: Admitted | null = null;
      if (limits.enabled) {
        // The input estimate: the prompt less what the cache holds for it now (cache reads do not count).
        const prompt = countPrompt(params);
        const now = cfg.now();
        admitted = limits.admit(model.key, { inputTokens: prompt.tokens - cache.peek(prompt.breakpoints, now), maxTokens: params.max_tokens as number }, now);
      }
      const delayMs = answerDelayMs(cfg, undefined, false, call.services.latencyRandom());
      if (delayMs > 0) await sleep(delayMs, undefined, { signal: call.services.closing });
      const message = answerMessage(params, model, { seed: cfg.seed, now: cfg.now(), mode: 'sync', cache });
      const usage = message.usage as { input_tokens: number; cache_creation_input_tokens: number; output_tokens: number };
      // Output is counted as it is produced, so the headers are made when the answer is sent.
      const headers = admitted?.settle({ inputTokens: usage.input_tokens + usage.cache_creation_input_tokens, outputTokens: usage.output_tokens }, cfg.now()) ?? {};
      sendAnthropicJson(call.res, 200, message, { ...headers, 'request-id': call.requestId });
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/messages\/count_tokens$/,
    async handle(call) {
      const body = await readJson(call.req, MESSAGES_MAX_BYTES);
      const { params } = validateParams(body, call.state.models, call.version, 'count');
      reply(call, { input_tokens: countPrompt(params).tokens });
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/messages\/batches$/,
    async handle(call) {
      const body = await readJson(call.req, BATCH_MAX_BYTES);
      reply(call, await call.state.batches.create(body, call.version, call.origin));
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/messages\/batches$/,
    async handle(call) {
      const q = call.query;
      reply(call, call.state.batches.list(limitOf(q), q.get('before_id'), q.get('after_id'), call.origin));
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/messages\/batches\/([^/]+)$/,
    async handle(call) {
      reply(call, call.state.batches.retrieve(call.params[0], call.origin));
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/v1\/messages\/batches\/([^/]+)$/,
    async handle(call) {
      reply(call, call.state.batches.delete(call.params[0]));
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/messages\/batches\/([^/]+)\/cancel$/,
    async handle(call) {
      reply(call, call.state.batches.cancel(call.params[0], call.origin));
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/messages\/batches\/([^/]+)\/results$/,
    async handle(call) {
      await streamResults(call, await call.state.batches.resultsPath(call.params[0]));
    },
  },
];

/** The key as Anthropic takes it: `x-api-key`, or `Authorization: Bearer` (what the SDK majors of 2026-10-21 send).
 *  Any non-empty key is accepted, as the OpenAI routes accept any bearer key. */
function hasKey(req: IncomingMessage): boolean {
  const key = req.headers['x-api-key'];
  if (typeof key === 'string' && key.trim() !== '') return true;
  return /^Bearer\s+\S+/i.test(req.headers.authorization ?? '');
}

function versionOf(req: IncomingMessage): ApiVersion {
  const v = req.headers['anthropic-version'];
  if (typeof v !== 'string' || v === '') throw invalid('anthropic-version: header is required');
  if (!(API_VERSIONS as readonly string[]).includes(v)) throw invalid(`anthropic-version: "${v}" is not a valid version`);
  return v as ApiVersion;
}

async function handle(req: IncomingMessage, res: ServerResponse, url: URL, services: Services): Promise<void> {
  const requestId = newId('req_011C', 20);
  // The API's clock is the emulator's: the rate-limit resets (RFC 3339) read against this date.
  res.setHeader('date', new Date(services.cfg.now()).toUTCString());
  try {
    if (!hasKey(req)) throw new AnthropicApiError('authentication_error', 'x-api-key header is required');
    const method = req.method ?? 'GET';
    const found = ROUTES.map((r) => ({ r, m: r.method === method ? r.pattern.exec(url.pathname) : null })).find((x) => x.m);
    if (!found) throw new AnthropicApiError('not_found_error', `Not Found: ${method} ${url.pathname}`);
    const version = versionOf(req);
    // Two draws per call whatever happens, as on the OpenAI routes: a seed reproduces the same faults for the same
    // sequence of calls.
    const dropDraw = services.random();
    const faultDraw = services.random();
    let dropMidway = false;
    if (dropDraw < services.cfg.dropRate) {
      if (method === 'GET' && url.pathname.endsWith('/results')) dropMidway = true;
      else {
        req.socket.destroy();
        return;
      }
    }
    if (faultDraw < services.cfg.httpFaultRate) throw faultDraw < services.cfg.httpFaultRate / 2 ? apiError() : overloaded();
    const call: Call = {
      req, res, params: found.m!.slice(1), query: url.searchParams, version, requestId,
      origin: `http://${req.headers.host ?? 'localhost'}`, state: stateOf(services), services, dropMidway,
    };
    await found.r.handle(call);
  } catch (err) {
    if (res.headersSent || res.destroyed || services.closing.aborted) {
      res.destroy();
      return;
    }
    if (!req.complete) req.resume();
    if (err instanceof AnthropicApiError) return sendAnthropicError(res, err, requestId);
    services.cfg.log(`emulator: internal error on ${req.method} ${url.pathname}: ${(err as Error).stack ?? String(err)}`);
    sendAnthropicError(res, apiError(), requestId);
  }
}

export const anthropicHandler: ProviderHandler = {
  name: 'anthropic',
  // Anthropic's paths; OpenAI has none under /v1/messages.
  matches: (path) => path === '/v1/messages' || path.startsWith('/v1/messages/'),
  handle,
};
