// Shared test plumbing: an emulator, an SDK client on it, request files, and polling.
import OpenAI, { toFile } from 'openai';
import type { Batch } from 'openai/resources/batches';
import { startEmulator, type EmulatorOptions } from '../../src/emulator/index.ts';

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

/** Fast timers so that a whole lifecycle takes well under a second. */
export async function fastEmulator(opts: EmulatorOptions = {}): Promise<{ emulator: Emulator; client: OpenAI }> {
  const emulator = await startEmulator({ validateMs: 30, finalizeMs: 30, completeAfterMs: 300, ...opts });
  const client = new OpenAI({ apiKey: 'sk-test', baseURL: emulator.url, maxRetries: 0 });
  return { emulator, client };
}

export function chatLine(customId: string, content = `Say hello to ${customId}`, extra: Record<string, unknown> = {}) {
  return {
    custom_id: customId,
    method: 'POST',
    url: '/v1/chat/completions',
    body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content }], max_tokens: 50, ...extra },
  };
}

export function jsonl(lines: unknown[]): string {
  return lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n';
}

export async function uploadBatchFile(client: OpenAI, text: string, name = 'requests.jsonl') {
  return client.files.create({ file: await toFile(Buffer.from(text), name), purpose: 'batch' });
}

export async function createBatch(client: OpenAI, text: string, endpoint: '/v1/chat/completions' | '/v1/embeddings' = '/v1/chat/completions') {
  const file = await uploadBatchFile(client, text);
  return client.batches.create({ input_file_id: file.id, endpoint, completion_window: '24h' });
}

const TERMINAL = new Set(['completed', 'failed', 'expired', 'cancelled']);

/** Polls until the batch is finished (or `until` says so); returns every status seen, in order, too. */
export async function pollBatch(
  client: OpenAI,
  id: string,
  until: (b: Batch) => boolean = (b) => TERMINAL.has(b.status),
  timeoutMs = 8000,
): Promise<{ batch: Batch; seen: Batch[] }> {
  const seen: Batch[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const batch = await client.batches.retrieve(id);
    seen.push(batch);
    if (until(batch)) return { batch, seen };
    if (Date.now() > deadline) throw new Error(`batch ${id} still ${batch.status} after ${timeoutMs}ms`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

export interface OutputLine {
  id: string;
  custom_id: string;
  response: { status_code: number; request_id: string; body: any } | null;
  error: { code: string; message: string } | null;
}

export async function readLines(client: OpenAI, fileId: string | null | undefined): Promise<OutputLine[]> {
  if (!fileId) return [];
  const text = await (await client.files.content(fileId)).text();
  return text
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as OutputLine);
}

/** A clock tests move by hand (EmulatorOptions.now): limits, lifecycles and expiry without sleeping. */
export class TestClock {
  ms: number;
  constructor(start = Date.UTC(2026, 9, 1)) {
    this.ms = start;
  }
  readonly now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface Answered {
  status: number;
  headers: Headers;
  body: any;
}

/** One raw call (no SDK retries, every header visible). */
export async function post(emulator: Emulator, path: string, body: unknown): Promise<Answered> {
  const res = await fetch(`${emulator.url}${path}`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** A chat body whose limiter cost is exactly `maxTokens` under tokenCounting 'max' (its prompt is a few characters). */
export function chatBody(maxTokens: number, model = 'gpt-4o-mini', content = 'hi') {
  return { model, messages: [{ role: 'user', content }], max_tokens: maxTokens };
}

/** Drives a batch to its end on a test clock: each poll moves the clock `stepMs` on (so every timed phase passes),
 *  and waits a little real time for the emulator's background work (scans, result files). */
export async function finishOnClock(client: OpenAI, id: string, clock: TestClock, stepMs = 1000, timeoutMs = 8000) {
  return pollBatch(
    client,
    id,
    (b) => {
      if (TERMINAL.has(b.status)) return true;
      clock.advance(stepMs);
      return false;
    },
    timeoutMs,
  );
}
