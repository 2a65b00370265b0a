// The Gemini models the emulator serves: those of batchwise's provider catalog (data/providers.json) with provider
// "gemini". A name outside it is a 404 NOT_FOUND, as on the real API. Shut-down models (the catalog's `shutdown` on
// or before the emulator's date) follow the retiredModels switch.
import { loadProviderCatalog } from '../../pricing/providers.ts';

export interface GeminiModel {
  /** The catalog key the request named. */
  name: string;
  /** The model that answers: the replacement of a shut-down model routed to it, else the model itself. */
  answeredBy: string;
  /** Thinking is on by default (catalog `reasoning: true`); others think only when given a budget or level. */
  thinksByDefault: boolean;
  maxOutputTokens: number | null;
}

interface Entry {
  provider: string;
  reasoning?: boolean;
  max_output_tokens?: number | null;
  shutdown?: string | null;
  replacement?: string | null;
}

let entries: Record<string, Entry> | undefined;

function catalog(): Record<string, Entry> {
  entries ??= Object.fromEntries(
    Object.entries(loadProviderCatalog().models as unknown as Record<string, Entry>).filter(([, e]) => e.provider === 'gemini'),
  );
  return entries;
}

export type ModelLookup = { kind: 'ok'; model: GeminiModel } | { kind: 'unknown' } | { kind: 'retired'; replacement: string | null };

/** The model a request names (`gemini-3.8-flash` or `models/gemini-3.8-flash`), on the day `nowMs`. */
export function lookupModel(name: string, nowMs: number, routeRetired: boolean): ModelLookup {
  const bare = name.startsWith('models/') ? name.slice('models/'.length) : name;
  const all = catalog();
  const e = Object.hasOwn(all, bare) ? all[bare] : undefined;
  if (!e) return { kind: 'unknown' };
  const day = new Date(nowMs).toISOString().slice(0, 10);
  let answeredBy = bare;
  if (e.shutdown && e.shutdown <= day) {
    const r = e.replacement ?? null;
    if (!routeRetired || r === null || !Object.hasOwn(all, r)) return { kind: 'retired', replacement: r };
    answeredBy = r;
  }
  const a = all[answeredBy];
  return { kind: 'ok', model: { name: bare, answeredBy, thinksByDefault: a.reasoning === true, maxOutputTokens: a.max_output_tokens ?? null } };
}

/** Every model id the emulator knows. */
export function modelNames(): string[] {
  return Object.keys(catalog());
}
