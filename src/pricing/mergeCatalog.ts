// Builds the catalog the estimate uses: the bundled prices, completed and checked, with a user's file over them.
// Pure: file reading happens in loadCatalog.

import { PricingFileError } from './errors.ts';
import { REQUIRED_ENTRY_FIELDS } from './parsePricingFile.ts';
import type { PricingFile } from './parsePricingFile.ts';
import type { Catalog, PriceEntry } from './types.ts';

/** The Batch guide's "50% cost discount compared to synchronous APIs": the default batch price of a user's model. */
export const BATCH_DISCOUNT = 0.5;

/** The bundled file must state every figure: no defaults there, so every number in it was written on purpose. */
export function completeCatalog(file: PricingFile, fileName: string): Catalog {
  if (file.as_of === undefined) throw new PricingFileError(fileName, 'as_of', 'is required in a complete catalog');
  if (file.source === undefined) throw new PricingFileError(fileName, 'source', 'is required in a complete catalog');
  const models: Record<string, PriceEntry> = {};
  for (const [model, entry] of Object.entries(file.models)) {
    for (const field of REQUIRED_ENTRY_FIELDS) {
      if (!Object.hasOwn(entry, field)) throw new PricingFileError(fileName, `models[${JSON.stringify(model)}].${field}`, 'is required');
    }
    models[model] = entry as PriceEntry;
  }
  checkNamesAreUnique(models, fileName);
  return { as_of: file.as_of, source: file.source, ...(file.notes ? { notes: file.notes } : {}), models };
}

/**
 * Lays a user's pricing file over `base`. An entry for a known model replaces only the fields it names; a new
 * model needs `input` and `output`, and gets batch at 50% of them, no cache discount, no flex, unless stated.
 * `today` dates user entries that give no `as_of` (theirs or the file's).
 */
export function applyOverrides(base: Catalog, file: PricingFile, fileName: string, today: string): Catalog {
  const models: Record<string, PriceEntry> = structuredClone(base.models);
  const as_of = file.as_of ?? today;
  const source = file.source ?? fileName;

  for (const [model, partial] of Object.entries(file.models)) {
    const known = Object.hasOwn(models, model) ? models[model] : undefined;
    const at = `models[${JSON.stringify(model)}]`;
    if (known) {
      const changed = Object.keys(partial).join(', ');
      models[model] = {
        ...known,
        ...partial,
        as_of: partial.as_of ?? as_of,
        source: partial.source ?? source,
        note: partial.note ?? `${changed} from ${fileName}; other figures from ${known.source} as of ${known.as_of}.`,
        origin: 'user',
      };
      continue;
    }
    if (partial.input === undefined) throw new PricingFileError(fileName, `${at}.input`, `is required for a model the catalog does not know`);
    if (partial.output === undefined) throw new PricingFileError(fileName, `${at}.output`, `is required for a model the catalog does not know`);
    const derived: string[] = [];
    if (partial.batch_input === undefined) derived.push('batch_input');
    if (partial.batch_output === undefined) derived.push('batch_output');
    models[model] = {
      cached_input: null,
      cache_write: null,
      batch_cached_input: null,
      batch_cache_write: null,
      flex: null,
      priority: null,
      long_context: null,
      regional_uplift: null,
      media: null,
      released: null,
      shutdown: null,
      replacement: null,
      max_output_tokens: null,
      context_window: null,
      reasoning: false,
      endpoints: [],
      snapshots: [],
      ...partial,
      input: partial.input,
      output: partial.output,
      batch_input: partial.batch_input ?? partial.input * BATCH_DISCOUNT,
      batch_output: partial.batch_output ?? partial.output * BATCH_DISCOUNT,
      as_of: partial.as_of ?? as_of,
      source: partial.source ?? source,
      origin: 'user',
      ...(partial.note !== undefined || derived.length > 0
        ? { note: partial.note ?? `From ${fileName}; ${derived.join(' and ')} derived at 50% of the standard price.` }
        : {}),
    };
  }

  // A name the user claims (as a key or a snapshot) is theirs: drop it from bundled entries' snapshot lists so
  // one name never resolves two ways.
  const claimed = new Set<string>();
  for (const [model, partial] of Object.entries(file.models)) {
    claimed.add(model);
    for (const s of partial.snapshots ?? []) claimed.add(s);
  }
  for (const [model, entry] of Object.entries(models)) {
    if (Object.hasOwn(file.models, model)) continue;
    if (entry.snapshots.some((s) => claimed.has(s))) entry.snapshots = entry.snapshots.filter((s) => !claimed.has(s));
  }
  checkNamesAreUnique(models, fileName);

  const newest = Object.values(models).reduce((max, e) => (e.as_of > max ? e.as_of : max), base.as_of);
  return { ...base, as_of: newest, overrides: fileName, models };
}

function checkNamesAreUnique(models: Record<string, PriceEntry>, fileName: string): void {
  const owner = new Map<string, string>();
  for (const [model, entry] of Object.entries(models)) {
    for (const snapshot of entry.snapshots) {
      const at = `models[${JSON.stringify(model)}].snapshots`;
      if (Object.hasOwn(models, snapshot)) throw new PricingFileError(fileName, at, `"${snapshot}" is also a model of its own; list it in one place`);
      const other = owner.get(snapshot);
      if (other !== undefined && other !== model) {
        throw new PricingFileError(fileName, at, `"${snapshot}" is also a snapshot of "${other}"; list it in one place`);
      }
      owner.set(snapshot, model);
    }
  }
}
