// `estimate --compare`: the same requests priced on other providers' models (Anthropic, Gemini, Azure OpenAI), in sync
// and batch mode, beside the file's own estimate. A comparison informs; it never changes the recommendation, which
// picks a mode for the models the file names.
//
// Syntax (CLI --compare, repeatable; action input `compare`): groups separated by ";" or new lines, each
//   TARGET[,TARGET…]              every model of the file → each target
//   MODEL[,MODEL…]=TARGET[,…]     these models of the file → each target
// A target is a model of data/providers.json (claude-haiku-4-5, gemini-3.8-flash…), `azure/<OpenAI model>` (Azure
// Global Batch at that model's OpenAI list prices), or `azure` (each model of the file on its own Azure deployment).
//
// Per request: input tokens = the OpenAI count × the target tokenizer's factor (tokens/approximate.ts); output
// expectations carry over from the file's model (history, pilot or heuristic) × the same factor; max = the request's own
// cap, clamped to the target's output limit (its limit where the request sets none). No prompt-cache discount on either
// side: Claude reads the cache only for prefixes a request marks, Gemini's implicit cache has its own minimum.

import { isLongContext, lifecycleOf, loadProviderCatalog, openaiCatalogOf, PricingError, providerPricing, resolvePricing } from '../pricing/index.ts';
import type { Catalog, ModelPricing, Provider, ProviderCatalog } from '../pricing/index.ts';
import { approximateTokens, tokenRatioFor } from '../tokens/approximate.ts';
import type { TokenRatio } from '../tokens/approximate.ts';
import { UsageError } from '../shared/usageError.ts';
import { NO_CACHE } from './cacheHits.ts';
import { addRanges, lineCosts, ZERO_RANGE } from './modeCosts.ts';
import type { OutputEstimate } from './outputTokens.ts';
import type { ComparisonEstimate, ModeCosts, OutputSource, Range } from './types.ts';

const formatInt = (n: number) => Math.round(n).toLocaleString('en-US');

/** One "compare these requests with that model" instruction. */
export interface ComparePair {
  /** A model of the file (the request's name or its catalog key); null = every model of the file. */
  from: string | null;
  /** A providers.json model, `azure/<model>`, or `azure` (the file's model on Azure). */
  to: string;
}

/** Azure Global Batch serves chat completions and responses (no embeddings): the Azure batch how-to. */
const AZURE_BATCH_ENDPOINTS = ['/v1/chat/completions', '/v1/responses'];
const AZURE = 'azure';

/** Parses `--compare` values (each may hold several ";"- or newline-separated groups). Targets are checked against the
 *  provider catalog here, so a typo fails before the file is read; `azure/<model>` is checked when the estimate
 *  resolves it against the OpenAI catalog. Throws UsageError (syntax) or PricingError (unknown model). */
export function parseCompare(specs: string | readonly string[], providers: ProviderCatalog = loadProviderCatalog()): ComparePair[] {
  const pairs: ComparePair[] = [];
  const seen = new Set<string>();
  for (const spec of typeof specs === 'string' ? [specs] : specs) {
    for (const group of spec.split(/[;\n]/).map((g) => g.trim()).filter((g) => g !== '')) {
      const parts = group.split('=');
      if (parts.length > 2) throw new UsageError(`compare: "${group}" has more than one "=": write MODEL=TARGET[,TARGET…], groups separated by ";"`);
      const from = parts.length === 2 ? names(parts[0], group, 'the file model') : [null];
      const to = names(parts[parts.length - 1], group, 'a comparison model');
      for (const t of to) checkTarget(t, providers);
      for (const f of from) {
        for (const t of to) {
          const key = `${f ?? '*'}\u0000${t}`;
          if (seen.has(key)) continue;
          seen.add(key);
          pairs.push({ from: f, to: t });
        }
      }
    }
  }
  if (pairs.length === 0) throw new UsageError('compare: give a comparison model, e.g. claude-haiku-4-5 or gpt-5.4-mini=claude-haiku-4-5,gemini-3.8-flash');
  return pairs;
}

function names(list: string, group: string, what: string): string[] {
  const out = list.split(',').map((n) => n.trim());
  if (out.some((n) => n === '' || /\s/.test(n))) {
    throw new UsageError(`compare: "${group}": expected ${what} (comma-separated, no spaces), e.g. gpt-5.4-mini=claude-haiku-4-5,gemini-3.8-flash`);
  }
  return out;
}

function checkTarget(to: string, providers: ProviderCatalog): void {
  if (to === AZURE) return;
  if (to.startsWith(`${AZURE}/`)) {
    if (to.length === AZURE.length + 1) throw new UsageError('compare: "azure/" needs an OpenAI model name, e.g. azure/gpt-5.4-mini');
    return;
  }
  if (providerPricing(providers, to) !== null) return;
  throw new PricingError(to, unknownTargetMessage(to, providers));
}

function unknownTargetMessage(to: string, providers: ProviderCatalog): string {
  const squash = (s: string) => s.toLowerCase().replace(/[.\-_]/g, '');
  const near = Object.keys(providers.models).find((k) => squash(k) === squash(to));
  const byProvider = new Map<string, string[]>();
  for (const [name, e] of Object.entries(providers.models)) {
    const list = byProvider.get(e.provider) ?? [];
    list.push(e.shutdown !== null ? `${name} (shut down ${e.shutdown})` : name);
    byProvider.set(e.provider, list);
  }
  return [
    `compare: no price for "${to}" in data/providers.json (prices as of ${providers.as_of}).${near ? ` Did you mean "${near}"?` : ''} Known models:`,
    ...[...byProvider].map(([p, list]) => `  ${p}: ${list.join(', ')}`),
    `  azure: azure/<OpenAI model> (Azure Global Batch at the model's OpenAI list prices), or azure for each model of the file`,
  ].join('\n');
}

/** What the estimate knows about one request when it offers it to the comparison. */
export interface CompareLine {
  /** The model as the request names it, and the catalog key it priced as. */
  model: string;
  priced_as: string;
  pricing: ModelPricing;
  url: string;
  /** The OpenAI tokenizer's count of the request (what a target's factor applies to), even where the file's own model
   *  counts another way (an Anthropic or Gemini model of the file is approximated, or counted by its provider). */
  input_tokens: number;
  /** Expected output as the estimate has it (calibrated), and where it comes from. */
  output: Range;
  output_source: OutputSource;
  /** The request's own output bound (cap per choice, choices, unbounded). */
  bound: OutputEstimate;
  /** The request's cost on its own model without prompt-cache hits. */
  baseline: ModeCosts;
}

interface Target {
  to: string;
  provider: Provider;
  pricing: ModelPricing;
  ratio: TokenRatio;
  endpoints: string[];
}

interface Tally {
  from: string;
  source: ModelPricing;
  target: Target;
  requests: number;
  input: number;
  output: Range;
  sync: Range;
  batch: Range;
  baseSync: Range;
  baseBatch: Range;
  sources: Partial<Record<OutputSource, number>>;
  skipped: Map<string, number>;
  clamped: number;
  unbounded: number;
  multiple: number;
  tooLong: number;
  longContext: number;
  /** An explicit pair (MODEL=TARGET) is reported even when none of its requests could be compared. */
  explicit: boolean;
}

/** Collects one file's comparisons while the estimate scans it. */
export class FileComparison {
  private readonly pairs: ComparePair[];
  private readonly catalog: Catalog;
  private readonly providers: ProviderCatalog;
  private readonly now: Date;
  private readonly targets = new Map<string, Target>();
  private readonly tallies = new Map<string, Tally>();
  private readonly fileModels = new Set<string>();

  constructor(pairs: ComparePair[], catalog: Catalog, opts: { providers?: ProviderCatalog; now: Date }) {
    this.pairs = pairs;
    // Azure targets bill OpenAI's list prices, whichever provider the file's own requests go to.
    this.catalog = openaiCatalogOf(catalog);
    this.providers = opts.providers ?? loadProviderCatalog();
    this.now = opts.now;
    // Resolve every fixed target now: an Azure name the OpenAI catalog cannot price fails before the scan.
    for (const p of pairs) if (p.to !== AZURE) this.target(p.to, null);
  }

  add(line: CompareLine): void {
    this.fileModels.add(line.model);
    this.fileModels.add(line.priced_as);
    for (const p of this.pairs) {
      if (p.from !== null && p.from !== line.model && p.from !== line.priced_as) continue;
      const target = this.target(p.to, line);
      const to = p.to === AZURE ? `${AZURE}/${line.model}` : p.to;
      const key = `${line.model}\u0000${to}`;
      let t = this.tallies.get(key);
      if (!t) {
        t = {
          from: line.model, source: line.pricing, target, requests: 0, input: 0, output: { ...ZERO_RANGE }, sync: { ...ZERO_RANGE },
          batch: { ...ZERO_RANGE }, baseSync: { ...ZERO_RANGE }, baseBatch: { ...ZERO_RANGE }, sources: {}, skipped: new Map(),
          clamped: 0, unbounded: 0, multiple: 0, tooLong: 0, longContext: 0, explicit: p.from !== null,
        };
        this.tallies.set(key, t);
      }
      t.explicit ||= p.from !== null;
      addLine(t, line);
    }
  }

  /** The comparisons in the order asked for, and notes for the file (a model named in --compare it does not have). */
  result(): { comparison: ComparisonEstimate[]; notes: string[] } {
    const notes: string[] = [];
    const models = [...new Set([...this.tallies.values()].map((t) => t.from))];
    for (const p of this.pairs) {
      if (p.from !== null && !this.fileModels.has(p.from) && !notes.some((n) => n.includes(`"${p.from}"`))) {
        notes.push(`--compare: "${p.from}" is not a model of this file (it has ${models.join(', ') || 'none that can be compared'}): nothing compared for it`);
      }
    }
    for (const t of this.tallies.values()) {
      if (t.requests > 0 || t.explicit) continue;
      const urls = [...t.skipped.keys()].join(', ');
      notes.push(`--compare: ${t.from} not compared with ${t.target.to}: its ${urls} requests are not priced there (${servedText(t.target)})`);
    }
    const comparison = [...this.tallies.values()].filter((t) => t.requests > 0 || t.explicit).map((t) => entry(t, this.now));
    return { comparison, notes };
  }

  private target(to: string, line: CompareLine | null): Target {
    const key = to === AZURE ? `${AZURE}/${line!.model}` : to;
    let t = this.targets.get(key);
    if (t) return t;
    if (to === AZURE || to.startsWith(`${AZURE}/`)) {
      // Azure bills its own meter, usually OpenAI's list price: the OpenAI entry (a user's --pricing file included).
      const pricing = to === AZURE ? line!.pricing : azurePricing(this.catalog, to);
      t = {
        to: key, provider: 'azure', pricing, ratio: tokenRatioFor('azure', key),
        endpoints: pricing.endpoints.filter((e) => AZURE_BATCH_ENDPOINTS.includes(e)),
      };
    } else {
      const pricing = providerPricing(this.providers, to);
      if (pricing === null) throw new PricingError(to, unknownTargetMessage(to, this.providers));
      t = { to, provider: pricing.provider, pricing, ratio: tokenRatioFor(pricing.provider, pricing.model), endpoints: pricing.endpoints };
    }
    this.targets.set(key, t);
    return t;
  }
}

/** `azure/<model>`: the model's OpenAI entry; a name the catalog cannot price says it came from --compare. */
function azurePricing(catalog: Catalog, to: string): ModelPricing {
  try {
    return resolvePricing(catalog, to.slice(AZURE.length + 1));
  } catch (err) {
    if (!(err instanceof PricingError)) throw err;
    throw new PricingError(err.model, `compare ${to}: Azure is priced at the OpenAI catalog's prices, and it has none. ${err.message}`);
  }
}

function addLine(t: Tally, line: CompareLine): void {
  const { pricing, ratio, endpoints } = t.target;
  if (!endpoints.includes(line.url)) {
    t.skipped.set(line.url, (t.skipped.get(line.url) ?? 0) + 1);
    return;
  }
  const input = approximateTokens(line.input_tokens, ratio);
  const b = line.bound;
  const limit = pricing.max_output_tokens;
  // The cap the request asked for (above its own model's limit too), per choice; null when it set none.
  const asked = b.unbounded ? null : (b.over_limit ?? b.cap);
  const perChoice = asked === null ? (limit ?? b.cap) : limit === null ? asked : Math.min(asked, limit);
  const max = perChoice * b.n;
  const low = Math.min(line.output.low, max);
  const output: Range = { low, expected: Math.min(max, Math.max(low, line.output.expected * ratio.ratio)), max };
  const cost = lineCosts(pricing, { input, output, cache: NO_CACHE, media: null }, {});
  t.requests++;
  t.input += input;
  t.output = addRanges(t.output, output);
  t.sync = addRanges(t.sync, cost.sync);
  t.batch = addRanges(t.batch, cost.batch);
  t.baseSync = addRanges(t.baseSync, line.baseline.sync);
  t.baseBatch = addRanges(t.baseBatch, line.baseline.batch);
  t.sources[line.output_source] = (t.sources[line.output_source] ?? 0) + 1;
  if (asked !== null && limit !== null && asked > limit) t.clamped++;
  if (b.unbounded) t.unbounded++;
  if (b.n > 1) t.multiple++;
  if (pricing.context_window !== null && input > pricing.context_window) t.tooLong++;
  if (isLongContext(pricing, input)) t.longContext++;
}

function servedText(t: Target): string {
  const what = t.provider === 'azure' ? 'Azure Global Batch takes' : `${t.to} is priced for`;
  return t.endpoints.length > 0 ? `${what} ${t.endpoints.join(' and ')} only` : `${t.to} serves none of the request-file endpoints in batch`;
}

function entry(t: Tally, now: Date): ComparisonEstimate {
  const { to, provider, pricing, ratio } = t.target;
  return {
    from: t.from,
    to,
    provider,
    priced_as: pricing.model,
    requests: t.requests,
    input_tokens: t.input,
    output_tokens: t.output,
    cost: { sync: t.sync, batch: t.batch },
    baseline: { sync: t.baseSync, batch: t.baseBatch },
    approximate: true,
    token_ratio: ratio.ratio,
    token_basis: ratio.basis,
    price_as_of: pricing.as_of,
    price_source: pricing.source,
    notes: entryNotes(t, now),
  };
}

function entryNotes(t: Tally, now: Date): string[] {
  const { to, provider, pricing, ratio } = t.target;
  const notes: string[] = [];
  const life = lifecycleOf(to, pricing, now);
  if (life) {
    const instead = pricing.replacement ? `; compare with ${pricing.replacement} instead` : '';
    notes.push(
      life.status === 'shut_down'
        ? `${to} was shut down on ${life.shutdown} (priced at its last prices)${instead}`
        : `${to} shuts down on ${life.shutdown} (in ${life.days} days)${instead}`,
    );
  }
  if (provider === 'azure') {
    notes.push(
      `Azure Global Batch bills 50% of the deployment's Global Standard price; priced at OpenAI's list prices of ${pricing.model}, ` +
        `which Azure's Global Standard usually equals but meters per deployment (Data Zone costs more): check the Azure Retail Prices API`,
    );
    if (pricing.origin === 'derived') notes.push(`${pricing.model}'s prices are derived (not in the catalog): see the estimate's notes`);
  }
  const encoding = t.source.encoding ?? 'o200k_base';
  if (ratio.ratio === 1) {
    notes.push(
      encoding === (pricing.encoding ?? 'o200k_base')
        ? `input tokens as counted for ${t.from} (same OpenAI tokenizer)`
        : `input tokens counted with ${t.from}'s ${encoding}, not ${pricing.encoding ?? 'o200k_base'} (approximate)`,
    );
  } else {
    notes.push(`approximate tokens: the OpenAI count × ${ratio.ratio} (${ratio.tokenizer} tokenizer)`);
    if (encoding !== 'o200k_base') notes.push(`${t.from} counts with ${encoding}, not o200k_base: the factor applies to that count`);
  }
  const sources = Object.entries(t.sources).map(([s, n]) => `${formatInt(n)} ${s}`).join(', ');
  const limit = pricing.max_output_tokens;
  notes.push(
    `expected output carried over from ${t.from} (${sources || 'no requests'})${ratio.ratio === 1 ? '' : ` × ${ratio.ratio}`}; ` +
      `max = each request's own cap${limit !== null ? `, clamped to ${formatInt(limit)}` : ''}`,
  );
  if (pricing.reasoning && !t.source.reasoning) {
    notes.push(`${to} always thinks (billed as output): the expected output of ${t.from}, not a reasoning model, leaves that out`);
  }
  notes.push(
    `no prompt-cache discount on either side${provider === 'anthropic' ? ' (Claude caches only prefixes marked with cache_control)' : provider === 'gemini' ? " (Gemini's implicit cache has a minimum prompt size)" : ''}`,
  );
  if (t.unbounded > 0) {
    notes.push(`${formatInt(t.unbounded)} request(s) set no output cap: max assumes the output limit${provider === 'anthropic' ? ' (Claude requires max_tokens)' : ''}`);
  }
  if (t.clamped > 0) notes.push(`${formatInt(t.clamped)} request(s) ask for more output than ${to}'s limit of ${formatInt(limit!)}: max counts the limit`);
  if (t.multiple > 0 && provider === 'anthropic') notes.push(`${formatInt(t.multiple)} request(s) ask for n > 1 answers: Claude has no n, priced as n separate answers`);
  if (t.longContext > 0) notes.push(`${formatInt(t.longContext)} request(s) are above ${to}'s long-context threshold of ${formatInt(pricing.long_context!.above_input_tokens)} prompt tokens (approximate count): priced at its long-context rates`);
  if (t.tooLong > 0) notes.push(`${formatInt(t.tooLong)} request(s) may not fit ${to}'s context window of ${formatInt(pricing.context_window!)} tokens (approximate count)`);
  for (const [url, n] of t.skipped) notes.push(`${formatInt(n)} ${url} request(s) of ${t.from} not compared: ${servedText(t.target)}`);
  if (provider !== 'azure' && pricing.note && /UNCERTAIN|NOT confirmed|unconfirmed|DISAGREEMENT|assumption: 50%/.test(pricing.note)) {
    notes.push(`some of ${pricing.model}'s figures are unconfirmed or disputed: see its note in data/providers.json`);
  }
  return notes;
}
