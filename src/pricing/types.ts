// Plain data of the pricing stage. Prices are USD per 1M tokens throughout (media: USD per image or per second).

export const ENCODINGS = ['o200k_base', 'cl100k_base'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** The four ways a request can be served, each with its own price. */
export const PRICE_MODES = ['sync', 'batch', 'flex', 'priority'] as const;
export type PriceMode = (typeof PRICE_MODES)[number];

/** One mode's price. `cached_input` null: no cache discount in this mode, cached tokens bill at `input`.
 *  `cache_write` null or absent: the model bills no cache writes (written tokens bill at `input`). */
export interface ModePrice {
  input: number;
  cached_input: number | null;
  cache_write?: number | null;
  output: number;
}

/** OpenAI's long-context tier: a request whose input is above `above_input_tokens` bills the whole request at
 *  `input` × the input, cached and cache-write rates and `output` × the output rate, in every mode. */
export interface LongContextRule {
  above_input_tokens: number;
  input: number;
  output: number;
}

/** Per-unit prices of image and video endpoints. Keys: `"<quality> <size>"` for images ("medium 1024x1024"), `"<size>"`
 *  for video seconds ("1280x720"). `default` names the key a request that states neither gets (the API's defaults). */
export interface MediaPrice {
  unit: 'image' | 'second';
  sync: Record<string, number>;
  batch: Record<string, number>;
  default: string;
}

/** One catalog entry, complete (every field present; optional ones as null / absent). The JSON shape on disk. */
export interface PriceEntry {
  input: number;
  cached_input: number | null;
  /** Cache writes (GPT-5.6 and later): 1.25× input on OpenAI's page; null where writes are not billed. */
  cache_write: number | null;
  output: number;
  batch_input: number;
  /** null where the pricing page shows "-": cached tokens in a batch then bill at batch_input. */
  batch_cached_input: number | null;
  batch_cache_write: number | null;
  batch_output: number;
  /** null: the model has no flex processing. */
  flex: ModePrice | null;
  /** Priority processing ("Fast mode" since 2026-07-30, service_tier "priority"); null where the model has none. */
  priority: ModePrice | null;
  /** null: the model has no long-context tier. */
  long_context: LongContextRule | null;
  /** Multiplier on every rate for regional processing (data residency) endpoints: 1.1 for models released on or
   *  after 2026-03-05; null where the model has no uplift (or no residency). */
  regional_uplift: number | null;
  /** Images and video: the per-unit price (token prices then cover the text prompt only); null for token-only models. */
  media: MediaPrice | null;
  /** Absent where the tokenizer is undocumented (the tokens stage then picks its own default). */
  encoding?: Encoding;
  /** The model's output limit, the worst case when a request sets no max. */
  max_output_tokens: number | null;
  context_window: number | null;
  /** Reasoning tokens bill as output (o-series, gpt-5 family). */
  reasoning: boolean;
  /** The endpoints (request-file `url`s) the model serves; informational. */
  endpoints: string[];
  /** Dated names that bill at exactly this price and resolve to this entry. */
  snapshots: string[];
  /** ISO date the model was released (the regional uplift rule keys on it); null when unknown. */
  released: string | null;
  /** ISO date the provider shuts the model down (its deprecations page); null when none is announced. */
  shutdown: string | null;
  /** The model the provider's deprecations page recommends instead; null when none. */
  replacement: string | null;
  /** ISO date the figures were checked against `source` (not the date of the source). */
  as_of: string;
  /** Where the price comes from (a URL for bundled entries, the file path for user entries). */
  source: string;
  /** Says which figures are inferred and how, and where sources disagree. */
  note?: string;
  /** "catalog" (checked against OpenAI's page), "user" (a --pricing file) or "derived" (the long-tail library, batch
   *  at 50%): every output says which. Absent means "catalog". */
  origin?: PriceOrigin;
}

export type PriceOrigin = 'catalog' | 'user' | 'derived';

/** Whom a run sends its requests to (`--provider`), and so whose prices a Catalog holds. */
export const CATALOG_PROVIDERS = ['openai', 'azure', 'gemini', 'anthropic'] as const;
export type CatalogProvider = (typeof CATALOG_PROVIDERS)[number];

/** A user's pricing file as given (only the fields it states), with the file-wide `as_of` and `source` resolved, so
 *  another provider's catalog (providerCatalog) can lay the same file over its own entries. */
export interface UserPricingFile {
  file: string;
  as_of: string;
  source: string;
  models: Record<string, Partial<PriceEntry>>;
}

export interface Catalog {
  /** The newest entry date. */
  as_of: string;
  source: string;
  notes?: string[];
  /** The user's pricing file merged over the bundled catalog, if any. */
  overrides?: string;
  /** --strict-pricing: a model the catalog lacks is an error, never a derived price from the long-tail library. */
  strict?: boolean;
  /** Whose prices these are (providerCatalog): absent means OpenAI's (data/pricing.json). Anthropic and Gemini catalogs
   *  count input tokens approximately (tokens/approximate.ts) and price no model of another provider. */
  provider?: CatalogProvider;
  /** The user's pricing file, kept as written (see UserPricingFile); absent without one. */
  user_file?: UserPricingFile;
  models: Record<string, PriceEntry>;
}

/** What the estimate stage uses for one request model. */
export interface ModelPricing {
  /** The catalog key the request's model name resolved to. */
  model: string;
  sync: ModePrice;
  batch: ModePrice;
  flex: ModePrice | null;
  priority: ModePrice | null;
  long_context: LongContextRule | null;
  regional_uplift: number | null;
  media: MediaPrice | null;
  encoding?: Encoding;
  max_output_tokens: number | null;
  context_window: number | null;
  reasoning: boolean;
  endpoints: string[];
  shutdown: string | null;
  replacement: string | null;
  as_of: string;
  source: string;
  origin: PriceOrigin;
  note?: string;
}

/** Token counts to price. `input` INCLUDES `cached_input` and `cache_write`, as the API's usage reports them
 *  (`prompt_tokens` / `input_tokens` contain `cached_tokens` and `cache_write_tokens`). */
export interface TokenCounts {
  input: number;
  cached_input?: number;
  cache_write?: number;
  output: number;
}

/** Providers other than OpenAI whose prices data/providers.json holds (`estimate --compare`, and `--provider anthropic |
 *  gemini` through providerCatalog); Azure reuses OpenAI's. */
export const PROVIDERS = ['anthropic', 'gemini', 'azure'] as const;
export type Provider = (typeof PROVIDERS)[number];

/** An entry of data/providers.json: a PriceEntry plus whose model it is. `tokenizer` is always "approximate": the
 *  provider's tokenizer is not available offline, so its tokens are the OpenAI count times a stated factor. */
export interface ProviderEntry extends PriceEntry {
  provider: Provider;
  tokenizer: 'approximate';
}

/** The second bundled catalog, kept apart from OpenAI's so that nothing in the OpenAI path reads it (a run with
 *  `--provider anthropic | gemini` prices from it through providerCatalog instead). */
export interface ProviderCatalog {
  as_of: string;
  source: string;
  notes?: string[];
  models: Record<string, ProviderEntry>;
}
