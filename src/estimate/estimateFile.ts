// From a request file to a FileEstimate: scan every line, check what only the whole file can tell (duplicate
// custom_ids, models without a price), then add up per model and price every mode.
import { basename } from 'node:path';
import { RequestFileChecker } from '../requests/index.ts';
import { RequestFileError } from '../requests/types.ts';
import type { BatchRequest, LineProblem } from '../requests/types.ts';
import { resolvePricing } from '../pricing/index.ts';
import type { Catalog } from '../pricing/index.ts';
import { formatUsd } from '../shared/money.ts';
import { modeCosts, subtractRanges, totalCosts, addRanges, ZERO_RANGE } from './modeCosts.ts';
import { recommend } from './recommend.ts';
import type { RecommendOptions } from './recommend.ts';
import { scanFile } from './scanFile.ts';
import type { LineScan } from './scanLine.ts';
import type { FileEstimate, LineEstimate, ModelEstimate, Range } from './types.ts';

export interface EstimateOptions extends RecommendOptions {
  catalog: Catalog;
  /** Keep one LineEstimate per request (`--detail`, and the runner's plan). */
  detail?: boolean;
  workers?: number;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** How the file is named in messages and output (default: its base name). */
  displayName?: string;
}

/** Warnings are kept up to this many (plus a count): a file can repeat the same harmless slip on every line. */
const MAX_WARNINGS_KEPT = 100;

interface ModelTally {
  requests: number;
  input_tokens: number;
  output: Range;
  unbounded: number;
  unknown_size_images: number;
}

export async function estimateFile(path: string, opts: EstimateOptions): Promise<FileEstimate> {
  const name = opts.displayName ?? basename(path);
  const checker = new RequestFileChecker();
  const problems: LineProblem[] = [];
  const modelErrors = new Map<string, { line: number; lines: number; message: string }>();
  const tallies = new Map<string, ModelTally>();
  const items: LineEstimate[] = [];
  const warnings: LineProblem[] = [];
  let warningCount = 0;
  let bytes = 0;

  await scanFile(path, { catalog: opts.catalog, workers: opts.workers, onProgress: opts.onProgress }, (s: LineScan) => {
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
    const out = s.output!;
    let t = tallies.get(s.model);
    if (!t) tallies.set(s.model, (t = { requests: 0, input_tokens: 0, output: { ...ZERO_RANGE }, unbounded: 0, unknown_size_images: 0 }));
    t.requests++;
    t.input_tokens += s.input_tokens;
    t.output = addRanges(t.output, out);
    if (out.unbounded) t.unbounded++;
    t.unknown_size_images += s.unknown_size_images;
    if (opts.detail) {
      items.push({
        line: s.line, custom_id: s.custom_id, model: s.model, url: s.url as LineEstimate['url'], bytes: s.bytes,
        input_tokens: s.input_tokens, max_output_tokens: out.max, unbounded: out.unbounded, n: out.n,
        unknown_size_images: s.unknown_size_images, output_tokens: { low: out.low, expected: out.expected, max: out.max },
      });
    }
  });

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

  const models: ModelEstimate[] = [...tallies].map(([model, t]) => {
    const pricing = resolvePricing(opts.catalog, model);
    return {
      model,
      priced_as: pricing.model,
      requests: t.requests,
      input_tokens: t.input_tokens,
      output_tokens: t.output,
      cost: modeCosts(pricing, t.input_tokens, t.output),
      unbounded_requests: t.unbounded,
      unknown_size_images: t.unknown_size_images,
      reasoning: pricing.reasoning,
    };
  });
  const cost = totalCosts(models.map((m) => m.cost));
  const output = models.reduce((sum, m) => addRanges(sum, m.output_tokens), { ...ZERO_RANGE });
  return {
    file: name,
    requests: models.reduce((n, m) => n + m.requests, 0),
    bytes,
    input_tokens: models.reduce((n, m) => n + m.input_tokens, 0),
    output_tokens: output,
    models,
    cost,
    savings: {
      batch: subtractRanges(cost.sync, cost.batch),
      flex: cost.flex ? subtractRanges(cost.sync, cost.flex) : null,
    },
    recommendation: recommend(cost, { ...opts, modelsWithoutFlex: models.filter((m) => !m.cost.flex).map((m) => m.model) }),
    pricing: { as_of: opts.catalog.as_of, source: opts.catalog.source },
    split_notes: checker.splitNotes(),
    warnings,
    warning_count: warningCount,
    notes: estimateNotes(models, cost.flex !== null),
    ...(opts.detail ? { items } : {}),
  };
}

function estimateNotes(models: ModelEstimate[], anyFlex: boolean): string[] {
  const notes: string[] = [];
  for (const m of models) {
    if (m.unbounded_requests > 0) {
      notes.push(
        `${m.unbounded_requests} ${m.model} request(s) set no output cap: max assumes the model's output limit ` +
          `(set max_tokens / max_completion_tokens / max_output_tokens to tighten its worst case of ${formatUsd(m.cost.sync.max)})`,
      );
    }
    if (anyFlex && !m.cost.flex && models.length > 1) {
      notes.push(`${m.model} has no flex processing: the flex total prices it at the standard (sync) rate`);
    }
    if (m.unknown_size_images > 0) {
      notes.push(`${m.unknown_size_images} ${m.model} image(s) by URL: size unknown offline, counted at the model's maximum`);
    }
    if (m.reasoning) {
      notes.push(`${m.model} is a reasoning model: hidden reasoning bills as output; expected includes an allowance by reasoning effort`);
    }
  }
  notes.push('input is priced without prompt-cache discounts (cache hits are known only after the call)');
  return notes;
}
