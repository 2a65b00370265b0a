// Everything the estimate needs from one line, computed where the line is (a worker thread for big files):
// validate it, price its model, count its input tokens, bound its output. Pure apart from per-thread caches.
import { countEmbeddingInputs, INVALID_UTF8, validateLine } from '../requests/index.ts';
import type { Endpoint, RawLine } from '../requests/index.ts';
import { approximateTokens, cacheMarks, cachePrefixes, countRequestTokens, encodingNameForModel, promptCacheRules, tokenRatioFor } from '../tokens/index.ts';
import type { CachePrefix, EncodingName } from '../tokens/index.ts';
import { mediaUnits, resolvePricing } from '../pricing/index.ts';
import { shapeOf } from '../history/index.ts';
import type { ShapeKey } from '../history/index.ts';
import type { Catalog, ModelPricing } from '../pricing/index.ts';
import { estimateOutputTokens } from './outputTokens.ts';
import type { OutputEstimate } from './outputTokens.ts';

export type { RawLine };

export interface LineScan {
  line: number;
  bytes: number;
  /** Validation problems of this line alone; empty when the line is a valid request. */
  problems: string[];
  /** Not wrong, but worth a look (unknown top-level keys, very long custom_ids). */
  warnings: string[];
  custom_id: string;
  model: string;
  url: Endpoint | '';
  /** Why the model cannot be priced or tokenised (reported once per model by the caller, not once per line). */
  model_error: string | null;
  /** Exact (OpenAI's tokenizer) or approximate (another provider's: the o200k_base count × its factor). */
  input_tokens: number;
  input_source: 'exact' | 'approximate';
  /** The OpenAI tokenizer's own count (= input_tokens where that is exact): what comparisons approximate from. */
  openai_input_tokens: number;
  encoding: EncodingName;
  /** Claude only: the request marks a cache_control breakpoint, and asks for the 1-hour TTL. */
  cache_marked: boolean;
  cache_one_hour: boolean;
  /** The request body, kept only when the caller counts input with the provider (ScanOptions.keepBodies). */
  body?: Record<string, unknown>;
  unknown_size_images: number;
  /** Inputs of an embeddings request (the Batch API caps them per batch); 0 for other endpoints. */
  embedding_inputs: number;
  output: OutputEstimate | null;
  /** Leading parts of the prompt another request may share (prompt-cache candidates), in the same tokens as
   *  `input_tokens`, each at least the provider's minimum (promptCacheRules). */
  prefixes: CachePrefix[];
  /** History shape (see history/shapeOf); null until the line is priced. */
  shape: ShapeKey | null;
  /** Image / video units priced per unit; null for token-priced requests. */
  media: { key: string; units: number } | null;
}

/** Per-thread memo of what each model name resolves to: the same few models repeat on every line. */
export class ModelCache {
  readonly catalog: Catalog;
  private readonly resolved = new Map<string, ModelPricing | Error>();

  constructor(catalog: Catalog) {
    this.catalog = catalog;
  }

  pricing(model: string): ModelPricing | Error {
    let hit = this.resolved.get(model);
    if (hit === undefined) {
      try {
        hit = resolvePricing(this.catalog, model);
      } catch (err) {
        if (!(err instanceof Error)) throw err;
        hit = err;
      }
      this.resolved.set(model, hit);
    }
    return hit;
  }
}

const MEDIA_URLS: ReadonlySet<string> = new Set(['/v1/images/generations', '/v1/images/edits', '/v1/videos']);

export function scanLine(raw: RawLine, models: ModelCache, keepBody = false): LineScan {
  const { request, problems, warnings } = validateLine(raw.text, raw.line);
  if (raw.invalidUtf8) problems.unshift(INVALID_UTF8);
  const scan: LineScan = {
    line: raw.line,
    bytes: raw.bytes,
    problems,
    warnings,
    custom_id: '',
    model: '',
    url: '',
    model_error: null,
    input_tokens: 0,
    input_source: 'exact',
    openai_input_tokens: 0,
    encoding: 'o200k_base',
    cache_marked: false,
    cache_one_hour: false,
    unknown_size_images: 0,
    embedding_inputs: 0,
    output: null,
    prefixes: [],
    shape: null,
    media: null,
  };
  if (!request || problems.length > 0) return scan;
  const model = request.body.model as string;
  scan.custom_id = request.custom_id;
  scan.model = model;
  scan.url = request.url;
  if (request.url === '/v1/embeddings') scan.embedding_inputs = countEmbeddingInputs(request.body);
  const pricing = models.pricing(model);
  if (pricing instanceof Error) {
    scan.model_error = pricing.message;
    return scan;
  }
  const provider = models.catalog.provider ?? 'openai';
  const approximate = provider === 'anthropic' || provider === 'gemini';
  if (approximate && pricing.endpoints.length > 0 && !pricing.endpoints.includes(request.url)) {
    // data/providers.json prices these endpoints only (translated to Messages / generateContent).
    scan.problems.push(`${request.url}: ${model} is priced for ${pricing.endpoints.join(' and ')} only (data/providers.json)`);
    return scan;
  }
  try {
    // Video prompts are not billed in tokens (per second only), so a video model needs no tokenizer. Another provider's
    // tokenizer is not available offline: its count is the o200k_base count × a stated factor (tokens/approximate.ts).
    const encoding = request.url === '/v1/videos' || approximate ? 'o200k_base' : encodingNameForModel(model, pricing.encoding);
    const tokens = countRequestTokens(request.url, request.body, encoding);
    scan.encoding = encoding;
    scan.openai_input_tokens = tokens.input_tokens;
    scan.input_tokens = tokens.input_tokens;
    scan.unknown_size_images = tokens.unknown_size_images;
    if (approximate) {
      const ratio = tokenRatioFor(provider, pricing.model);
      scan.input_source = 'approximate';
      scan.input_tokens = approximateTokens(tokens.input_tokens, ratio);
      const rules = promptCacheRules(provider, pricing.model);
      const marks = rules.trigger === 'marked' ? cacheMarks(request.body) : null;
      scan.cache_marked = marks?.marked ?? false;
      scan.cache_one_hour = marks?.oneHour ?? false;
      // Claude reads the cache only where the request marks it; Gemini's implicit cache needs no mark.
      if (marks === null || marks.marked) {
        const prefixes = cachePrefixes(request.url, request.body, encoding, tokens.input_tokens, {
          minTokens: Math.ceil(rules.minTokens / ratio.ratio),
          breakpointsOnly: marks !== null && !marks.automatic,
        });
        scan.prefixes = prefixes
          .map((p) => ({ hash: p.hash, tokens: approximateTokens(p.tokens, ratio) }))
          .filter((p) => p.tokens >= rules.minTokens);
      }
    } else {
      scan.prefixes = cachePrefixes(request.url, request.body, encoding, tokens.input_tokens);
    }
  } catch (err) {
    // Only a model the tokenizer cannot place is the user's to fix; anything else is our bug and must crash.
    if (!(err instanceof Error) || err.name !== 'UnknownModelError') throw err;
    scan.model_error = err.message;
    return scan;
  }
  const media = MEDIA_URLS.has(request.url);
  if (media && pricing.media === null) {
    // No silent zero: an image the catalog cannot price per unit would read as free.
    scan.problems.push(
      `${request.url}: the catalog has no per-image or per-second price for ${model} (it is priced in tokens only, and an image's ` +
        `output tokens depend on quality and size); add a "media" price for it with --pricing FILE`,
    );
    return scan;
  }
  if (media && pricing.media !== null) {
    const units = mediaUnits(request.url, request.body, pricing.media);
    if ('error' in units) {
      scan.problems.push(units.error);
      return scan;
    }
    scan.media = units;
  }
  scan.shape = shapeOf(request.url, request.body);
  if (keepBody) scan.body = request.body;
  scan.output = estimateOutputTokens(request.url, request.body, pricing);
  if (scan.output.over_limit !== null) {
    // A warning, not an error: the catalog's limits can lag behind a model's; the API is the judge.
    scan.warnings.push(
      `asks for up to ${scan.output.over_limit} output tokens, above ${model}'s limit of ${pricing.max_output_tokens} ` +
        `(the API is likely to refuse it; the estimate counts the limit)`,
    );
  }
  return scan;
}
