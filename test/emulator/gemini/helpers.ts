// A Gemini emulator for tests: fast timers, the Gemini switches set through the environment (read once, on the
// emulator's first Gemini call, which this helper makes), raw calls, and an upload through the resumable protocol.
import { startEmulator, type EmulatorOptions } from '../../../src/emulator/index.ts';

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;
export const KEY = 'AIzaSy-test-key-0123456789abcdef';

export interface GeminiEmulator {
  emulator: Emulator;
  /** The API root to give the provider (the emulator's origin). */
  base: string;
}

/** `switches`: BATCHWISE_GEMINI_* variables, e.g. { STATE_PREFIX: 'JOB_STATE_' }. */
export async function geminiEmulator(opts: EmulatorOptions = {}, switches: Record<string, string> = {}): Promise<GeminiEmulator> {
  const names = Object.keys(switches).map((k) => `BATCHWISE_GEMINI_${k}`);
  const saved = names.map((n) => process.env[n]);
  Object.entries(switches).forEach(([k, v]) => (process.env[`BATCHWISE_GEMINI_${k}`] = v));
  const emulator = await startEmulator({ validateMs: 20, finalizeMs: 20, completeAfterMs: 200, ...opts });
  const base = new URL(emulator.url).origin;
  try {
    // The Gemini side reads its switches on its first call.
    await fetch(`${base}/v1beta/models`, { headers: { 'x-goog-api-key': KEY } }).then((r) => r.arrayBuffer()).catch(() => undefined);
  } finally {
    names.forEach((n, i) => (saved[i] === undefined ? delete process.env[n] : (process.env[n] = saved[i])));
  }
  return { emulator, base };
}

export interface Raw {
  status: number;
  headers: Headers;
  body: any;
}

export async function raw(base: string, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; key?: string | null } = {}): Promise<Raw> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.key !== null) headers['x-goog-api-key'] = init.key ?? KEY;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, { method: init.method ?? (init.body === undefined ? 'GET' : 'POST'), headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text.length > 0 ? JSON.parse(text) : null;
  } catch {
    // Not JSON: a download.
  }
  return { status: res.status, headers: res.headers, body };
}

/** Uploads `text` with the two-step resumable protocol; returns the File object. */
export async function uploadText(base: string, text: string, displayName = 'in.jsonl'): Promise<any> {
  const bytes = Buffer.byteLength(text);
  const start = await fetch(`${base}/upload/v1beta/files`, {
    method: 'POST',
    headers: {
      'x-goog-api-key': KEY,
      'x-goog-upload-protocol': 'resumable',
      'x-goog-upload-command': 'start',
      'x-goog-upload-header-content-length': String(bytes),
      'x-goog-upload-header-content-type': 'application/jsonl',
      'content-type': 'application/json',
    },
    body: JSON.stringify({ file: { display_name: displayName } }),
  });
  if (start.status !== 200) throw new Error(`upload start: ${start.status} ${await start.text()}`);
  const url = start.headers.get('x-goog-upload-url');
  if (!url) throw new Error('no upload url');
  const done = await fetch(url, { method: 'POST', headers: { 'content-length': String(bytes), 'x-goog-upload-offset': '0', 'x-goog-upload-command': 'upload, finalize' }, body: text });
  if (done.status !== 200) throw new Error(`upload: ${done.status} ${await done.text()}`);
  return ((await done.json()) as { file: unknown }).file;
}

export function geminiLines(n: number, extra: Record<string, unknown> = {}, prefix = 'req'): string {
  return (
    Array.from({ length: n }, (_, i) =>
      JSON.stringify({ key: `${prefix}-${i}`, request: { contents: [{ role: 'user', parts: [{ text: `Say hello to ${i}` }] }], generationConfig: { maxOutputTokens: 400 }, ...extra } }),
    ).join('\n') + '\n'
  );
}

/** Polls GET /v1beta/batches/{id} until `until` holds (each poll may move a test clock), with a bound. */
export async function pollOperation(base: string, name: string, until: (op: any) => boolean, step: () => void = () => {}, timeoutMs = 8000): Promise<any[]> {
  const seen: any[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await raw(base, `/v1beta/${name}`);
    if (r.status !== 200) throw new Error(`get ${name}: ${r.status} ${JSON.stringify(r.body)}`);
    seen.push(r.body);
    if (until(r.body)) return seen;
    if (Date.now() > deadline) throw new Error(`${name} still ${r.body.metadata?.state} after ${timeoutMs}ms`);
    step();
    await new Promise((res) => setTimeout(res, 10));
  }
}
