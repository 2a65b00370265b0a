// The edge of the pricing stage: the bundled catalog plus, optionally, a user's file read from disk.
// The bundled JSON is imported (not read relative to this file) so it survives bundling into dist/:
// esbuild inlines it, and Node 24 loads it natively when running the sources.

import { readFileSync, statSync } from 'node:fs';
import bundledJson from '../../data/pricing.json' with { type: 'json' };
import { PricingFileError } from './errors.ts';
import { applyOverrides, completeCatalog } from './mergeCatalog.ts';
import { modelOwner } from './modelOwner.ts';
import { parsePricingFile } from './parsePricingFile.ts';
import type { Catalog, PriceEntry } from './types.ts';

const BUNDLED_NAME = 'data/pricing.json (bundled)';
let bundled: Catalog | undefined;

/**
 * The bundled catalog, merged with the user file at `overridePath` if given (same shape; a partial entry for a
 * known model overrides only its fields). Synchronous: the files are small. Returns a fresh copy each call.
 * User entries without an `as_of` (their own or the file's) are dated by the file's modification day.
 */
export function loadCatalog(overridePath?: string, opts: { strict?: boolean } = {}): Catalog {
  bundled ??= completeCatalog(parsePricingFile(bundledJson, BUNDLED_NAME), BUNDLED_NAME);
  const base: Catalog = { ...structuredClone(bundled), ...(opts.strict ? { strict: true } : {}) };
  if (overridePath === undefined) return base;

  let text: string;
  let modified: Date;
  try {
    text = readFileSync(overridePath, 'utf8');
    modified = statSync(overridePath).mtime;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a JSON file' : (err as Error).message;
    throw new PricingFileError(overridePath, null, `cannot read the pricing file: ${reason}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new PricingFileError(overridePath, null, `is not valid JSON: ${(err as Error).message}`);
  }
  const file = parsePricingFile(raw, overridePath);
  const today = modified.toISOString().slice(0, 10);
  // A partial entry for an Anthropic or Gemini model overrides that provider's entry (providerCatalog), not a new
  // OpenAI one (which would need input and output); a complete one prices it here too (a proxy may serve it).
  const merged = applyOverrides(base, { ...file, models: userModelsForOpenAi(file.models) }, overridePath, today);
  // Kept as written, so providerCatalog can lay the same file over Anthropic's or Gemini's entries.
  return { ...merged, user_file: { file: overridePath, as_of: file.as_of ?? today, source: file.source ?? overridePath, models: file.models } };
}

/** The user's entries that apply to OpenAI's catalog: all but partial ones for an Anthropic or Gemini model. */
export function userModelsForOpenAi(models: Record<string, Partial<PriceEntry>>): Record<string, Partial<PriceEntry>> {
  return Object.fromEntries(
    Object.entries(models).filter(([name, e]) => {
      const owner = modelOwner(name);
      return owner === null || owner === 'openai' || (e.input !== undefined && e.output !== undefined);
    }),
  );
}
