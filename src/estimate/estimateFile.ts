// From a request file to a FileEstimate: scan every line, check what only the whole file can tell (duplicate
// custom_ids, models without a price), then add up per model and price every mode.
import { basename } from 'node:path';
import { RequestFileChecker } from '../requests/index.ts';
import { RequestFileError } from '../requests/types.ts';
import type { BatchRequest, LineProblem } from '../requests/types.ts';
import { catalogAgeDays, isLongContext, lifecycleOf, providerPricingNotes, resolvePricing } from '../pricing/index.ts';
import type { Catalog, CatalogProvider, Lifecycle, ModelPricing } from '../pricing/index.ts';
import { encodingIsAssumed, promptCacheRules } from '../tokens/index.ts';
import type { CachePrefix, PromptCacheRules } from '../tokens/index.ts';
import type { Observation } from '../history/index.ts';
import { formatUsd } from '../shared/money.ts';
import { scrub } from '../shared/secrets.ts';
import { EXPECTED_HIT_RATE, PrefixTracker } from './cacheHits.ts';
import { InputCalibration } from './calibrateInput.ts';
import { withOneHourWrites } from './oneHourWrites.ts';
import { inputMethod, inputNotes, providerCacheNotes, recordCountFailure } from './providerNotes.ts';
import type { InputTally } from './providerNotes.ts';
import { lineCosts, subtractRanges, totalCosts, addRanges, addCosts, zeroCosts, ZERO_RANGE } from './modeCosts.ts';
import { OutputCalibration } from './calibrateOutput.ts';
import { FileComparison } from './compare.ts';
import type { ComparePair } from './compare.ts';
import { recommend } from './recommend.ts';
import type { RecommendOptions } from './recommend.ts';
import { scanFile } from './scanFile.ts';
import type { LineScan } from './scanLine.ts';
import { MODES } from './types.ts';
import type { CacheTokens, FileEstimate, InputTokensSource, LineEstimate, ModeCosts, ModelEstimate, OutputSource, OutputTokens, Range } from './types.ts';

export interface EstimateOptions extends RecommendOptions {
  catalog: Catalog;
  /** Keep one LineEstimate per request (`--detail`, and the runner's plan). */
  detail?: boolean;
  workers?: number;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** How the file is named in messages and output (default: its base name). */
  displayName?: string;
  /** Regional processing (data residency) endpoints: +10% on the models that charge it. */
  region?: boolean;
  /** What earlier runs observed (history/), or a pilot's observations: they calibrate expected output and cache hits. */
  history?: Observation[];
  /** The source the history stands for: "pilot" when it is this file's own pilot sample. */
  historySource?: 'history' | 'pilot';
  /** Today, for model lifecycle and the catalog's age (injectable so tests do not depend on the day). */
  now?: Date;
  /** `--compare` (parseCompare): price the same requests on other providers' models too; the pick is unaffected. */
  compare?: ComparePair[];
  /** The provider's own input-token counter (Anthropic count_tokens, Gemini countTokens), given when a key is at hand:
   *  every request's input is its count ("provider_count"). A count that fails falls back to the approximation for that
   *  request, and the notes say why. Called in line order with up to `countConcurrency` calls in flight. */
  countInputTokens?: (line: number, body: Record<string, unknown>, url: string) => Promise<number>;
  /** Provider counts in flight at once (default COUNT_CONCURRENCY). */
  countConcurrency?: number;
}

/** Provider token counts in flight at once: enough to hide the round trips, few enough for a count endpoint's limits. */
export const COUNT_CONCURRENCY = 8;

/** What the provider's counter said of one request. */
type Counted = { tokens: number } | { error: string };

/** Warnings are kept up to this many (plus a count): a file can repeat the same harmless slip on every line. */
const MAX_WARNINGS_KEPT = 100;

interface ModelTally extends InputTally {
  pricing: ModelPricing;
  requests: number;
  input_tokens: number;
  output: Range;
  sources: Partial<Record<OutputSource, number>>;
  sample: number;
  cost: ModeCosts;
  uncached: ModeCosts;
  cached: Record<string, number>;
  cache_write: number;
  shared_prefix: number;
  cache_from_history: number;
  long_context: number;
  unbounded: number;
  unknown_size_images: number;
}

export async function estimateFile(path: string, opts: EstimateOptions): Promise<FileEstimate> {
  const name = opts.displayName ?? basename(path);
  const now = opts.now ?? new Date();
  const provider: CatalogProvider = opts.catalog.provider ?? 'openai';
  const approximate = provider === 'anthropic' || provider === 'gemini';
  const checker = new RequestFileChecker();
  const problems: LineProblem[] = [];
  const modelErrors = new Map<string, { line: number; lines: number; message: string }>();
  const tallies = new Map<string, ModelTally>();
  const items: LineEstimate[] = [];
  const warnings: LineProblem[] = [];
  const prefixes = new PrefixTracker();
  const calibration = new OutputCalibration(opts.history ?? [], opts.historySource ?? 'history');
  const inputCalibration = new InputCalibration(opts.history ?? []);
  const ctx = { region: opts.region === true };
  const comparison = opts.compare?.length ? new FileComparison(opts.compare, opts.catalog, { now }) : null;
  const counter = opts.countInputTokens;
  const inFlight = Math.max(1, Math.floor(opts.countConcurrency ?? COUNT_CONCURRENCY));
  const pending: { scan: LineScan; counted: Promise<Counted> }[] = [];
  let warningCount = 0;
  let bytes = 0;

  const countOne = async (s: LineScan, body: Record<string, unknown>): Promise<Counted> => {
    try {
      const n = await counter!(s.line, body, s.url);
      if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return { error: `the counter returned ${JSON.stringify(n) ?? String(n)}, not a token count` };
      return { tokens: Math.round(n) };
    } catch (err) {
      // A server's error text can echo the key: scrubbed, first line only, bounded.
      const text = scrub((err instanceof Error ? err.message : String(err)).split('\n')[0]).trim();
      return { error: text.length > 200 ? `${text.slice(0, 199)}…` : text || 'the counter failed' };
    }
  };

  const tally = (s: LineScan, counted: Counted | null) => {
    let t = tallies.get(s.model);
    if (!t) {
      const pricing = resolvePricing(opts.catalog, s.model);
      tallies.set(s.model, (t = {
        pricing, requests: 0, input_tokens: 0, output: { ...ZERO_RANGE }, sources: {}, sample: 0, cost: zeroCosts(), uncached: zeroCosts(),
        cached: {}, cache_write: 0, shared_prefix: 0, cache_from_history: 0, long_context: 0, unbounded: 0, unknown_size_images: 0,
        input_sources: {}, input_history: null, count_failed: 0, count_failures: new Map(), cache_rules: approximate ? promptCacheRules(provider, pricing.model) : null,
        cache_marked: 0, cache_one_hour: 0,
      }));
    }
    // Input: the provider's count where it answered; else the scan's count, an approximation calibrated by history
    // where earlier runs of the model measured one.
    const scanned = s.input_tokens;
    let input = scanned;
    let inputSource: InputTokensSource = s.input_source;
    if (counted !== null && 'tokens' in counted) {
      input = counted.tokens;
      inputSource = 'provider_count';
    } else {
      if (counted !== null) recordCountFailure(t, counted.error);
      const calibrated = s.input_source === 'approximate' ? inputCalibration.calibrate(s.model, scanned) : null;
      if (calibrated !== null) {
        input = calibrated.tokens;
        inputSource = 'history';
        t.input_history = calibrated.prediction;
      }
    }
    t.input_sources[inputSource] = (t.input_sources[inputSource] ?? 0) + 1;
    // A calibration downwards leaves the worst case on the stated approximation: it is evidence about the mean only.
    const inputMax = inputSource === 'history' ? Math.max(input, scanned) : input;
    const linePrefixes = input === scanned ? s.prefixes : rescale(s.prefixes, input / scanned, t.cache_rules);

    const heuristic = s.output!;
    const calibrated = calibration.forLine(s.shape!, heuristic);
    const out = calibrated.output;
    const rules = { billsWrites: t.pricing.sync.cache_write != null, ...(t.cache_rules !== null ? { step: 1 } : {}) };
    const cache = prefixes.next(s.model, linePrefixes, input, rules, calibrated.cache);
    if (s.cache_marked) t.cache_marked++;
    if (s.cache_one_hour) t.cache_one_hour++;
    const pricing = s.cache_one_hour ? withOneHourWrites(t.pricing) : t.pricing;
    const q = { input, input_max: inputMax, output: out, cache, media: s.media };
    const cost = lineCosts(pricing, q, ctx);
    t.requests++;
    t.input_tokens += input;
    t.output = addRanges(t.output, out);
    t.sources[calibrated.source] = (t.sources[calibrated.source] ?? 0) + 1;
    t.sample = Math.max(t.sample, calibrated.sample);
    t.cost = addCosts(t.cost, cost);
    const uncached = lineCosts(pricing, q, ctx, false);
    t.uncached = addCosts(t.uncached, uncached);
    comparison?.add({
      // Comparisons approximate from the OpenAI tokenizer's count, whatever counted this request's own input.
      model: s.model, priced_as: t.pricing.model, pricing: t.pricing, url: s.url, input_tokens: s.openai_input_tokens,
      output: out, output_source: calibrated.source, bound: heuristic, baseline: uncached,
    });
    if (cache.possible > 0 || cache.cached_expected > 0) {
      t.shared_prefix++;
      for (const m of MODES) if (cachedRateOf(t.pricing, m)) t.cached[m] = (t.cached[m] ?? 0) + cache.cached_expected;
    }
    if (calibrated.cache !== null) t.cache_from_history++;
    t.cache_write += cache.write_expected;
    const long = isLongContext(t.pricing, input);
    if (long) t.long_context++;
    if (heuristic.unbounded) t.unbounded++;
    t.unknown_size_images += s.unknown_size_images;
    if (opts.detail) {
      items.push({
        line: s.line, custom_id: s.custom_id, model: s.model, url: s.url as LineEstimate['url'], bytes: s.bytes,
        input_tokens: input, input_tokens_source: inputSource,
        ...(s.input_source === 'approximate' ? { approximate_input_tokens: scanned } : {}),
        max_output_tokens: out.max, unbounded: heuristic.unbounded, n: heuristic.n,
        unknown_size_images: s.unknown_size_images, output_tokens: { low: out.low, expected: out.expected, max: out.max },
        output_source: calibrated.source, cached_input_tokens: cache.cached_expected, long_context: long, cost, shape: s.shape!,
      });
    }
  };

  // With a provider counter, lines wait for their counts in a window of `inFlight`, and are added up in line order
  // (the prompt-cache figures depend on it); the reading waits while the window is full.
  const settleOldest = async () => {
    const next = pending.shift()!;
    const counted = await next.counted;
    if (problems.length === 0) tally(next.scan, counted);
  };

  await scanFile(path, { catalog: opts.catalog, workers: opts.workers, onProgress: opts.onProgress, keepBodies: counter !== undefined }, (s: LineScan) => {
    bytes += s.bytes;
    for (const reason of s.warnings) {
      if (warnings.length < MAX_WARNINGS_KEPT) warnings.push({ line: s.line, reason });
      warningCount++;
    }
    for (const reason of s.problems) problems.push({ line: s.line, reason });
    if (s.problems.length > 0) return;
    const request: BatchRequest = { custom_id: s.custom_id, method: 'POST', url: s.url as BatchRequest['url'], body: { model: s.model } };
    for (const reason of checker.add(s.line, request, s.bytes, s.embedding_inputs)) problems.push({ line: s.line, reason });
    if (s.model_error !== null) {
      const seen = modelErrors.get(s.model);
      if (seen) seen.lines++;
      else modelErrors.set(s.model, { line: s.line, lines: 1, message: s.model_error });
      return;
    }
    if (problems.length > 0) return; // the file will be refused: no need to price (or count) the rest
    if (counter === undefined) {
      tally(s, null);
      return;
    }
    const body = s.body!;
    // The body is the counter's; the tally needs none of it, and the window need not hold it.
    delete s.body;
    pending.push({ scan: s, counted: countOne(s, body) });
    // The reading waits only while the window is full.
    return pending.length >= inFlight ? settleOldest() : undefined;
  });
  while (pending.length > 0) await settleOldest();

  // One message per unusable model, at its first line: the same error on 50,000 lines helps nobody.
  for (const [, e] of modelErrors) {
    // The count goes on the message's first line; the rest is the how-to-fix the pricing stage wrote.
    const [first, ...rest] = e.message.split('\n');
    const counted = e.lines > 1 ? `${first} (${e.lines} lines use this model)` : first;
    problems.push({ line: e.line, reason: [counted, ...rest].join('\n') });
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line);
    throw new RequestFileError(name, problems);
  }
  if (tallies.size === 0) throw new RequestFileError(name, [{ line: 1, reason: 'the file holds no requests' }]);

  const lifecycle: Lifecycle[] = [];
  const models: ModelEstimate[] = [...tallies].map(([model, t]) => {
    const life = lifecycleOf(model, t.pricing, now, provider);
    if (life) lifecycle.push(life);
    return {
      model,
      priced_as: t.pricing.model,
      price_origin: t.pricing.origin,
      price_as_of: t.pricing.as_of,
      requests: t.requests,
      input_tokens: t.input_tokens,
      input_tokens_source: dominant(t.input_sources, 'exact'),
      input_tokens_sources: t.input_sources,
      input_tokens_method: inputMethod(t, provider),
      input_tokens_sample: t.input_history?.sample ?? 0,
      output_tokens: outputTokens(t.output, t.sources, t.sample),
      cost: t.cost,
      cost_without_cache: t.uncached,
      cache: cacheTokens(t),
      long_context_requests: t.long_context,
      unbounded_requests: t.unbounded,
      unknown_size_images: t.unknown_size_images,
      reasoning: t.pricing.reasoning,
      warnings: life ? [life.message] : [],
    };
  });
  const cost = totalCosts(models.map((m) => m.cost));
  const uncached = totalCosts(models.map((m) => m.cost_without_cache));
  const output = models.reduce((sum, m) => addRanges(sum, m.output_tokens), { ...ZERO_RANGE });
  const sources: Partial<Record<OutputSource, number>> = {};
  for (const m of models) for (const [k, v] of Object.entries(m.output_tokens.sources)) sources[k as OutputSource] = (sources[k as OutputSource] ?? 0) + v;
  const inputSources: Partial<Record<InputTokensSource, number>> = {};
  for (const m of models) for (const [k, v] of Object.entries(m.input_tokens_sources)) inputSources[k as InputTokensSource] = (inputSources[k as InputTokensSource] ?? 0) + v;
  const recommendOpts = { ...opts, modelsWithoutFlex: models.filter((m) => !m.cost.flex).map((m) => m.model) };
  const compared = comparison?.result();
  return {
    file: name,
    requests: models.reduce((n, m) => n + m.requests, 0),
    bytes,
    input_tokens: models.reduce((n, m) => n + m.input_tokens, 0),
    input_tokens_source: dominant(inputSources, 'exact'),
    input_tokens_sources: inputSources,
    input_tokens_approximate: (inputSources.approximate ?? 0) + (inputSources.history ?? 0) > 0,
    output_tokens: outputTokens(output, sources, Math.max(...models.map((m) => m.output_tokens.sample))),
    models,
    cost,
    cost_without_cache: uncached,
    savings: {
      batch: subtractRanges(cost.sync, cost.batch),
      flex: cost.flex ? subtractRanges(cost.sync, cost.flex) : null,
    },
    recommendation: recommend(cost, { ...recommendOpts, withoutCache: uncached }),
    pricing: {
      as_of: opts.catalog.as_of,
      source: opts.catalog.source,
      age_days: catalogAgeDays(opts.catalog, now),
      region: ctx.region,
      derived_models: models.filter((m) => m.price_origin === 'derived').map((m) => m.model),
      provider,
    },
    lifecycle,
    split_notes: checker.splitNotes(),
    warnings,
    warning_count: warningCount,
    notes: [...providerPricingNotes(provider), ...estimateNotes(models, tallies, cost, calibration.reasons(), provider), ...(compared?.notes ?? [])],
    ...(compared ? { comparison: compared.comparison } : {}),
    ...(opts.detail ? { items } : {}),
  };
}

function cachedRateOf(p: ModelPricing, mode: (typeof MODES)[number]): boolean {
  const price = p[mode];
  return price !== null && price.cached_input !== null;
}

function outputTokens(r: Range, sources: Partial<Record<OutputSource, number>>, sample: number): OutputTokens {
  const entries = Object.entries(sources) as [OutputSource, number][];
  const source = entries.sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'heuristic';
  return { ...r, source, sample: source === 'heuristic' ? 0 : sample, sources };
}

function cacheTokens(t: ModelTally): CacheTokens | null {
  if (t.shared_prefix === 0 && t.cache_write === 0) return null;
  const cached = Object.fromEntries(MODES.map((m) => [m, Math.round(t.cached[m] ?? 0)])) as CacheTokens['cached_input_tokens'];
  return {
    cached_input_tokens: cached,
    cache_write_tokens: Math.round(t.cache_write),
    requests_with_shared_prefix: t.shared_prefix,
    source: t.cache_from_history > t.requests / 2 ? 'history' : 'prefix',
  };
}

/** The source most requests have (`fallback` when there are none). */
function dominant<T extends string>(counts: Partial<Record<T, number>>, fallback: T): T {
  const entries = Object.entries(counts) as [T, number][];
  return entries.sort((a, b) => b[1] - a[1])[0]?.[0] ?? fallback;
}

/** A prefix's tokens moved onto a count that replaced the approximation (provider count, history), still at least the
 *  provider's minimum. */
function rescale(prefixes: CachePrefix[], scale: number, rules: PromptCacheRules | null): CachePrefix[] {
  if (prefixes.length === 0 || !Number.isFinite(scale)) return prefixes;
  const min = rules?.minTokens ?? 0;
  return prefixes.map((p) => ({ hash: p.hash, tokens: Math.round(p.tokens * scale) })).filter((p) => p.tokens >= min);
}

function estimateNotes(models: ModelEstimate[], tallies: Map<string, ModelTally>, total: ModeCosts, calibration: string[], provider: CatalogProvider): string[] {
  const notes: string[] = [];
  const several = models.length > 1;
  for (const m of models) {
    const t = tallies.get(m.model)!;
    for (const w of m.warnings) notes.push(w);
    notes.push(...inputNotes(m, t, provider));
    if (m.price_origin === 'derived') {
      notes.push(`${m.model} is not in the catalog: standard and cached prices derived from @pydantic/genai-prices, batch at 50% (no flex or priority); strict pricing (CLI --strict-pricing, action strict-pricing) refuses it instead`);
    }
    if (encodingIsAssumed(m.model)) {
      notes.push(`${m.model}: OpenAI publishes no tokenizer for this family; input tokens are counted with o200k_base (an assumption)`);
    }
    const long = t.pricing.long_context;
    if (m.long_context_requests > 0 && long) {
      const rates = long.input === long.output ? `${long.input}× every rate` : `${long.input}× input, ${long.output}× output`;
      notes.push(`${m.long_context_requests} ${m.model} request(s) are over the long-context threshold of ${long.above_input_tokens.toLocaleString('en-US')} input tokens: each bills at the long-context rates (${rates})`);
    }
    if (m.unbounded_requests > 0) {
      notes.push(
        `${m.unbounded_requests} ${m.model} request(s) set no output cap: max assumes the model's output limit ` +
          `(set max_tokens / max_completion_tokens / max_output_tokens to tighten its worst case of ${formatUsd(m.cost.sync.max)})` +
          // The Messages API requires max_tokens, so the Anthropic adapter refuses such a line before anything is sent.
          `${provider === 'anthropic' ? '; Anthropic requires max_tokens: a run refuses these lines until they set one' : ''}`,
      );
    }
    if (total.flex && !m.cost.flex && several) notes.push(`${m.model} has no flex processing: the flex total prices it at the standard (sync) rate`);
    if (total.priority && !m.cost.priority && several) notes.push(`${m.model} has no priority processing: the priority total prices it at the standard (sync) rate`);
    if (m.unknown_size_images > 0) {
      notes.push(`${m.unknown_size_images} ${m.model} image(s) by URL: size unknown offline, counted at the model's maximum`);
    }
    if (m.reasoning && m.output_tokens.source === 'heuristic') {
      notes.push(`${m.model} is a reasoning model: hidden reasoning bills as output; expected includes an allowance by reasoning effort`);
    }
    if (m.cache) {
      const how = m.cache.source === 'history' ? 'as earlier runs of this prompt measured' : `assuming ${Math.round(EXPECTED_HIT_RATE * 100)}% of possible hits (an assumption; history replaces it)`;
      notes.push(
        `${m.model}: ${m.cache.requests_with_shared_prefix} request(s) share a cacheable prompt prefix; expected ${m.cache.cached_input_tokens.sync.toLocaleString('en-US')} cached input tokens at the standard tier, ${how}; max assumes no cache hits`,
      );
    }
    notes.push(...providerCacheNotes(m, t, provider));
  }
  notes.push(...calibration);
  if (!models.some((m) => m.cache)) {
    const min = provider === 'openai' || provider === 'azure' ? ' (1,024+ tokens)' : '';
    notes.push(`no request shares a cacheable prompt prefix${min} with another: input is priced without cache discounts`);
  }
  return notes;
}
