// Raw calls to the emulator's Anthropic API: every header and body as the wire has them.
import { startEmulator, type EmulatorOptions } from '../../../src/emulator/index.ts';

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

export const KEY = 'anthropic-test-key-0123456789';
export const HEADERS = { 'x-api-key': KEY, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' };

/** A batch's requests finish within 300 ms of the emulator's clock. */
export function anthropicEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ completeAfterMs: 300, finalizeMs: 30, validateMs: 30, ...opts });
}

/** The emulator's host, as Anthropic's base URL is written (no /v1). */
export const hostOf = (emulator: Emulator) => emulator.url.replace(/\/v1$/, '');

export interface Answered {
  status: number;
  headers: Headers;
  body: any;
}

export async function call(emulator: Emulator, method: string, path: string, body?: unknown, headers: Record<string, string> = HEADERS): Promise<Answered> {
  const res = await fetch(`${hostOf(emulator)}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSONL (results) stays text.
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

export function params(content = 'Hello', extra: Record<string, unknown> = {}) {
  return { model: 'claude-sonnet-4-6', max_tokens: 200, messages: [{ role: 'user', content }], ...extra };
}

export const requests = (n: number, extra: Record<string, unknown> = {}) =>
  Array.from({ length: n }, (_, i) => ({ custom_id: `req-${i}`, params: params(`Question ${i}`, extra) }));

/** The lines of a results file. */
export const resultLines = (text: string) => text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));

/** A clock tests move by hand. */
export class Clock {
  ms = Date.UTC(2026, 11, 1);
  readonly now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}
