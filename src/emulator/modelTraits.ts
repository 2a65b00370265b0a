// What the emulator needs to know about a model, read from batchwise's price catalog: whether it reasons, and where
// it caches prompts. The catalog is the one place that records these per model (the pricing page's "-" cells).
import { findCatalogKey, loadCatalog, type Catalog } from '../pricing/index.ts';

export interface ModelTraits {
  /** The catalog key (snapshots resolve to their family), or the name itself for an unknown model. */
  key: string;
  /** Reports reasoning tokens (catalog `reasoning: true`). */
  reasoning: boolean;
  /** Sync and flex requests hit the prompt cache: the catalog prices cached input (`cached_input` not null). */
  cachesSync: boolean;
  /** Batch lines hit the prompt cache: the Batch table prices cached input (`batch_cached_input` not null). */
  cachesBatch: boolean;
  /** Reports `cache_write_tokens` (GPT-5.6 and later: `cache_write` not null). */
  writesCache: boolean;
}

/** A dated snapshot name: `-2024-08-06` or `-0125` at the end (aliases like `gpt-5.6` are not snapshots). */
const DATED = /-(\d{4}-\d{2}-\d{2}|\d{4})$/;

/** A model the catalog does not know: no reasoning, no batch caching; sync caching as on every recent model. */
function unknownModel(model: string): ModelTraits {
  return { key: model, reasoning: false, cachesSync: true, cachesBatch: false, writesCache: false };
}

export class ModelCatalog {
  private readonly catalog: Catalog | null;
  private readonly memo = new Map<string, ModelTraits>();
  /** Azure deployment names → the model each serves: a deployment answers as its model. */
  readonly deployments: Readonly<Record<string, string>>;

  /** `catalog` for tests; otherwise the bundled one. A catalog that cannot be read leaves every model unknown. */
  constructor(catalog?: Catalog, log: (line: string) => void = () => {}, deployments: Record<string, string> = {}) {
    this.deployments = deployments;
    if (catalog) {
      this.catalog = catalog;
      return;
    }
    try {
      this.catalog = loadCatalog();
    } catch (err) {
      log(`emulator: price catalog unavailable, every model answered as unknown: ${String(err)}`);
      this.catalog = null;
    }
  }

  /** The model a name means: the one a deployment serves, else the name itself. */
  private modelOf(name: string): string {
    return this.deployments[name] ?? name;
  }

  /** The name answers carry: a family named as such answers as its first dated snapshot (`gpt-4o` →
   *  `gpt-4o-2024-08-06`), as the real API does; a snapshot, an alias or an unknown model answers as sent. */
  answeredName(name: string): string {
    const model = this.modelOf(name);
    if (!this.catalog || !Object.hasOwn(this.catalog.models, model)) return model;
    const snapshots = this.catalog.models[model].snapshots ?? [];
    return snapshots.find((s) => DATED.test(s)) ?? model;
  }

  /** Whether the catalog knows the model (as a key or a listed snapshot). Without a catalog every model is known. */
  knows(name: string): boolean {
    const model = this.modelOf(name);
    return !this.catalog || findCatalogKey(this.catalog, model) !== null;
  }

  /** Every name the catalog knows (keys and snapshots), for GET /v1/models; null without a catalog. */
  names(): string[] | null {
    if (!this.catalog) return null;
    return Object.entries(this.catalog.models).flatMap(([key, e]) => [key, ...(e.snapshots ?? [])]);
  }

  traits(name: string): ModelTraits {
    const model = this.modelOf(name);
    let t = this.memo.get(model);
    if (t) return t;
    t = this.lookup(model);
    // Model names come from requests: keep the memo from growing without end on made-up names.
    if (this.memo.size > 10_000) this.memo.clear();
    this.memo.set(model, t);
    return t;
  }

  private lookup(model: string): ModelTraits {
    if (!this.catalog) return unknownModel(model);
    const key = findCatalogKey(this.catalog, model);
    if (key === null) return unknownModel(model);
    // Read loosely: the catalog's shape is growing, and a field an older file lacks means "not offered".
    const e = this.catalog.models[key] as unknown as Record<string, unknown>;
    const present = (name: string) => e[name] !== null && e[name] !== undefined;
    return {
      key,
      reasoning: e.reasoning === true,
      cachesSync: present('cached_input'),
      cachesBatch: present('batch_cached_input'),
      writesCache: present('cache_write'),
    };
  }
}

let shared: ModelCatalog | undefined;

/** The bundled catalog's traits, for callers without an emulator of their own (unit tests of the handlers). */
export function defaultModelCatalog(): ModelCatalog {
  shared ??= new ModelCatalog();
  return shared;
}
