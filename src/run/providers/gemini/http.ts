// The REST calls to the Gemini API, over fetch. Not the @google/genai SDK: it brings google-auth-library, protobufjs
// and ws into the bundled action, for a dozen JSON calls. The key travels in the x-goog-api-key header only (never in
// a URL, so no URL in an error or log can carry it). Reads (GET) are retried on 408 / 429 / 5xx and dropped
// connections, as the openai SDK retries its idempotent calls; POSTs are sent once (the caller decides).
import OpenAI from 'openai';
import { fetchFailure, geminiApiError } from './errors.ts';

export const DEFAULT_BASE_URL = 'https://generativelanguage.googleapis.com';
/** The openai SDK's default: 10 minutes. */
const DEFAULT_TIMEOUT_MS = 600_000;

export interface GeminiHttpOptions {
  apiKey: string;
  /** The API root (…googleapis.com, or an emulator's origin); `/v1beta/…` paths are appended, so a trailing
   *  `/v1beta` or `/v1` (a copied endpoint, the emulator's OpenAI URL) is dropped. */
  baseURL?: string;
  maxRetries?: number;
}

export interface CallInit {
  method?: 'GET' | 'POST' | 'DELETE';
  /** A JSON body (sent with content-type application/json). */
  json?: unknown;
  /** Any other body (an upload). */
  body?: string | Uint8Array | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Try again on retryable failures (reads only). */
  retry?: boolean;
  /** Send the API key (false for a resumable upload URL, which is its own credential). */
  auth?: boolean;
  fetch?: typeof fetch;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new OpenAI.APIUserAbortError());
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new OpenAI.APIUserAbortError());
    }, { once: true });
  });

function retryable(err: unknown): boolean {
  if (err instanceof OpenAI.APIUserAbortError) return false;
  if (err instanceof OpenAI.APIConnectionError) return true;
  return err instanceof OpenAI.APIError && typeof err.status === 'number' && (err.status === 408 || err.status === 429 || err.status >= 500);
}

/** How long to wait before attempt `attempt + 1`: the server's retry-after (up to a minute), else 0.5 s doubling to 8 s. */
function waitMs(err: unknown, attempt: number): number {
  const after = err instanceof OpenAI.APIError ? Number(err.headers?.get('retry-after')) : NaN;
  if (Number.isFinite(after) && after > 0) return Math.min(after * 1000, 60_000);
  return Math.min(500 * 2 ** attempt, 8000);
}

/** A 2xx body as JSON; a body that is not JSON (a proxy's page) is a 502, worth another try, not a crash. */
export async function readJson<T>(res: Response): Promise<T> {
  let text: string;
  try {
    text = await res.text();
  } catch (err) {
    throw fetchFailure(err, undefined, false);
  }
  try {
    return (text.length > 0 ? JSON.parse(text) : {}) as T;
  } catch {
    const message = `Gemini answered HTTP ${res.status} with a body that is not JSON`;
    throw OpenAI.APIError.generate(502, { error: { code: 'invalid_json', message, type: 'server_error', param: null } }, message, res.headers);
  }
}

export class GeminiHttp {
  readonly baseURL: string;
  private readonly apiKey: string;
  private readonly maxRetries: number;

  constructor(o: GeminiHttpOptions) {
    this.apiKey = o.apiKey;
    this.baseURL = (o.baseURL ?? DEFAULT_BASE_URL).replace(/\/+$/, '').replace(/\/v1(beta)?$/, '');
    this.maxRetries = o.maxRetries ?? 2;
  }

  /** An absolute URL for a path of the API (or an absolute URL the API handed out, returned as is). */
  url(path: string, query?: Record<string, string>): URL {
    const u = /^https?:\/\//.test(path) ? new URL(path) : new URL(this.baseURL + path);
    for (const [k, v] of Object.entries(query ?? {})) u.searchParams.set(k, v);
    return u;
  }

  /** One call, answered 2xx, or thrown as an openai error class. The Response's body is unread. */
  async call(path: string, init: CallInit = {}): Promise<Response> {
    const attempts = init.retry ? this.maxRetries + 1 : 1;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(path, init);
      } catch (err) {
        if (attempt + 1 >= attempts || !retryable(err) || init.signal?.aborted) throw err;
        await sleep(waitMs(err, attempt), init.signal);
      }
    }
  }

  /** A JSON answer. */
  async json<T>(path: string, init: CallInit = {}): Promise<{ data: T; headers: Headers }> {
    const res = await this.call(path, init);
    return { data: await readJson<T>(res), headers: res.headers };
  }

  private async once(path: string, init: CallInit): Promise<Response> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.auth !== false) headers['x-goog-api-key'] = this.apiKey;
    let body = init.body;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    const timeout = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      timeout.abort();
    }, init.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout.signal]) : timeout.signal;
    let res: Response;
    try {
      const request: RequestInit & { duplex?: 'half' } = { method: init.method ?? 'GET', headers, body, signal };
      if (body instanceof ReadableStream) request.duplex = 'half';
      res = await (init.fetch ?? fetch)(this.url(path, init.query), request);
    } catch (err) {
      clearTimeout(timer);
      throw fetchFailure(err, init.signal, timedOut);
    }
    if (res.ok) {
      // The body may still be streaming: the timer stays only until the headers are in (a download has its own
      // pace); the caller's signal still cancels it.
      clearTimeout(timer);
      return res;
    }
    let text = '';
    try {
      text = await res.text();
    } catch (err) {
      clearTimeout(timer);
      throw fetchFailure(err, init.signal, timedOut);
    }
    clearTimeout(timer);
    throw geminiApiError(res.status, text, res.headers);
  }
}
