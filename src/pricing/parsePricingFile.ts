// Checks the JSON of a pricing file field by field, so a typo in a user's file ends as one message naming
// the file and the field instead of a NaN cost three stages later. Pure: the caller reads the file.

import { PricingFileError } from './errors.ts';
import { ENCODINGS } from './types.ts';
import type { Encoding, LongContextRule, MediaPrice, ModePrice, PriceEntry } from './types.ts';

/** A pricing file as written: every entry field optional (a user's partial override). */
export interface PricingFile {
  as_of?: string;
  source?: string;
  notes?: string[];
  models: Record<string, Partial<PriceEntry>>;
}

const TOP_LEVEL_FIELDS = new Set(['as_of', 'source', 'notes', 'models', '$schema']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `fail(reason, sub)` throws for this field, or for its sub-field `sub` (flex.input). */
type Fail = (reason: string, sub?: string) => never;
type Check = (value: unknown, fail: Fail) => unknown;

const price: Check = (v, fail) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fail(`must be a number >= 0 (USD per 1M tokens), got ${show(v)}`);
const priceOrNull: Check = (v, fail) => (v === null ? null : price(v, fail));
const limitOrNull: Check = (v, fail) =>
  v === null || (Number.isInteger(v) && (v as number) > 0) ? v : fail(`must be a whole number of tokens > 0 or null, got ${show(v)}`);
const text: Check = (v, fail) => (typeof v === 'string' && v.trim() !== '' ? v : fail(`must be a non-empty string, got ${show(v)}`));
const isoDate: Check = (v, fail) =>
  typeof v === 'string' && ISO_DATE.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v)
    ? v
    : fail(`must be an ISO date like "2026-09-22", got ${show(v)}`);
const names: Check = (v, fail) =>
  Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim() !== '')
    ? [...v]
    : fail(`must be an array of non-empty strings, got ${show(v)}`);
const encoding: Check = (v, fail) =>
  (ENCODINGS as readonly unknown[]).includes(v) ? (v as Encoding) : fail(`must be one of ${ENCODINGS.join(', ')}, got ${show(v)}`);
const bool: Check = (v, fail) => (typeof v === 'boolean' ? v : fail(`must be true or false, got ${show(v)}`));

const isoDateOrNull: Check = (v, fail) => (v === null ? null : isoDate(v, fail));
const textOrNull: Check = (v, fail) => (v === null ? null : text(v, fail));

const MODE_PRICE_FIELDS = ['input', 'cached_input', 'cache_write', 'output'];

/** A flex or priority price: {input, output} required, cached_input and cache_write optional (absent = none). */
const modePrice: Check = (v, fail) => {
  if (v === null) return null;
  if (!isPlainObject(v)) return fail(`must be null or an object {"input": …, "output": …, "cached_input": …}, got ${show(v)}`);
  for (const key of Object.keys(v)) {
    if (!MODE_PRICE_FIELDS.includes(key)) fail(`unknown field (allowed: ${MODE_PRICE_FIELDS.join(', ')})`, key);
  }
  const sub = (key: string, check: Check) => check(v[key], (reason) => fail(reason, key));
  if (!Object.hasOwn(v, 'input')) fail('is required', 'input');
  if (!Object.hasOwn(v, 'output')) fail('is required', 'output');
  const result: ModePrice = {
    input: sub('input', price) as number,
    // Without a listed cached rate, cached tokens bill at this mode's input rate.
    cached_input: Object.hasOwn(v, 'cached_input') ? (sub('cached_input', priceOrNull) as number | null) : null,
    output: sub('output', price) as number,
  };
  if (Object.hasOwn(v, 'cache_write')) result.cache_write = sub('cache_write', priceOrNull) as number | null;
  return result;
};

const multiplier: Check = (v, fail) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 1 && v <= 10 ? v : fail(`must be a multiplier from 1 to 10, got ${show(v)}`);
const multiplierOrNull: Check = (v, fail) => (v === null ? null : multiplier(v, fail));

const longContext: Check = (v, fail) => {
  if (v === null) return null;
  if (!isPlainObject(v)) return fail(`must be null or {"above_input_tokens": 272000, "input": 2, "output": 1.5}, got ${show(v)}`);
  const allowed = ['above_input_tokens', 'input', 'output'];
  for (const key of Object.keys(v)) if (!allowed.includes(key)) fail(`unknown field (allowed: ${allowed.join(', ')})`, key);
  for (const key of allowed) if (!Object.hasOwn(v, key)) fail('is required', key);
  const threshold = v.above_input_tokens;
  if (!(Number.isInteger(threshold) && (threshold as number) > 0)) fail(`must be a whole number of tokens > 0, got ${show(threshold)}`, 'above_input_tokens');
  const rule: LongContextRule = {
    above_input_tokens: threshold as number,
    input: multiplier(v.input, (r) => fail(r, 'input')) as number,
    output: multiplier(v.output, (r) => fail(r, 'output')) as number,
  };
  return rule;
};

const unitPrices = (v: unknown, fail: Fail, at: string): Record<string, number> => {
  if (!isPlainObject(v) || Object.keys(v).length === 0) return fail(`must be an object of "<key>": USD, got ${show(v)}`, at);
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(v)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail(`must be a number >= 0 (USD per unit), got ${show(value)}`, `${at}.${key}`);
    out[key] = value as number;
  }
  return out;
};

const media: Check = (v, fail) => {
  if (v === null) return null;
  if (!isPlainObject(v)) return fail(`must be null or {"unit": "image"|"second", "sync": {…}, "batch": {…}, "default": "<key>"}, got ${show(v)}`);
  const allowed = ['unit', 'sync', 'batch', 'default'];
  for (const key of Object.keys(v)) if (!allowed.includes(key)) fail(`unknown field (allowed: ${allowed.join(', ')})`, key);
  if (v.unit !== 'image' && v.unit !== 'second') fail(`must be "image" or "second", got ${show(v.unit)}`, 'unit');
  const sync = unitPrices(v.sync, fail, 'sync');
  const batch = unitPrices(v.batch, fail, 'batch');
  if (typeof v.default !== 'string' || !Object.hasOwn(sync, v.default)) fail(`must name one of the sync keys (${Object.keys(sync).join(', ')}), got ${show(v.default)}`, 'default');
  const result: MediaPrice = { unit: v.unit as MediaPrice['unit'], sync, batch, default: v.default as string };
  return result;
};

const origin: Check = (v, fail) =>
  v === 'catalog' || v === 'user' || v === 'derived' ? v : fail(`must be "catalog", "user" or "derived", got ${show(v)}`);

const ENTRY_FIELDS: Record<keyof PriceEntry, Check> = {
  input: price,
  cached_input: priceOrNull,
  output: price,
  batch_input: price,
  cache_write: priceOrNull,
  batch_cached_input: priceOrNull,
  batch_cache_write: priceOrNull,
  batch_output: price,
  flex: modePrice,
  priority: modePrice,
  long_context: longContext,
  regional_uplift: multiplierOrNull,
  media,
  encoding,
  max_output_tokens: limitOrNull,
  context_window: limitOrNull,
  reasoning: bool,
  endpoints: names,
  snapshots: names,
  released: isoDateOrNull,
  shutdown: isoDateOrNull,
  replacement: textOrNull,
  as_of: isoDate,
  source: text,
  note: text,
  origin,
};

/** Validates the JSON value of a pricing file. Throws PricingFileError naming `file` and the field. */
export function parsePricingFile(raw: unknown, file: string): PricingFile {
  const problem = (field: string | null, reason: string) => new PricingFileError(file, field, reason);
  const failAt = (field: string): Fail => (reason, sub) => {
    throw problem(sub === undefined ? field : `${field}.${sub}`, reason);
  };
  if (!isPlainObject(raw)) throw problem(null, `must be a JSON object like {"models": {"<name>": {"input": 1, "output": 2}}}, got ${show(raw)}`);
  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL_FIELDS.has(key)) throw problem(key, 'unknown field (allowed: as_of, source, notes, models)');
  }
  const models = raw.models;
  if (!isPlainObject(models)) throw problem('models', `must be an object of model name → prices, got ${show(models)}`);

  const parsed: PricingFile = { models: {} };
  if (Object.hasOwn(raw, 'as_of')) parsed.as_of = isoDate(raw.as_of, failAt('as_of')) as string;
  if (Object.hasOwn(raw, 'source')) parsed.source = text(raw.source, failAt('source')) as string;
  if (Object.hasOwn(raw, 'notes')) parsed.notes = names(raw.notes, failAt('notes')) as string[];

  for (const [model, value] of Object.entries(models)) {
    const at = `models[${JSON.stringify(model)}]`;
    if (model.trim() === '' || model !== model.trim()) throw problem(at, 'model names must be non-empty and have no surrounding spaces');
    if (model === '__proto__') throw problem(at, 'is not a model name');
    if (!isPlainObject(value)) throw problem(at, `must be an object of prices, got ${show(value)}`);
    const entry: Record<string, unknown> = {};
    for (const [field, fieldValue] of Object.entries(value)) {
      const check = Object.hasOwn(ENTRY_FIELDS, field) ? ENTRY_FIELDS[field as keyof PriceEntry] : undefined;
      if (check === undefined) throw problem(`${at}.${field}`, `unknown field (allowed: ${Object.keys(ENTRY_FIELDS).join(', ')})`);
      entry[field] = check(fieldValue, failAt(`${at}.${field}`));
    }
    parsed.models[model] = entry as Partial<PriceEntry>;
  }
  return parsed;
}

/** Fields a complete entry (the bundled catalog) must state explicitly; only encoding, note and origin may be absent. */
export const REQUIRED_ENTRY_FIELDS = (Object.keys(ENTRY_FIELDS) as (keyof PriceEntry)[]).filter(
  (f) => f !== 'encoding' && f !== 'note' && f !== 'origin',
);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  const json = JSON.stringify(v);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
