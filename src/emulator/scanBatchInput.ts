// The validating phase: streams the input file once, reports every bad line (up to a cap), and plans the run.
import { readJsonlLines } from '../requests/readJsonl.ts';
import type { Endpoint } from '../requests/types.ts';
import { lineFate } from './lineFate.ts';
import { promptTokens } from './tokens.ts';
import type { BatchError } from './types.ts';

export const MAX_LINES = 50_000;
/** How many line errors a failed batch lists; the real cap is unknown. */
export const ERROR_CAP = 1000;

export interface BatchPlan {
  total: number;
  model: string | null;
  /** Input tokens of every line, counted only when a queue limit needs them (it is the slow part on 200 MB). */
  inputTokens: number;
  /** Sorted finish fractions of the lines that succeed / fail: counts at any moment are two binary searches. */
  successAt: Float64Array;
  failureAt: Float64Array;
  errors: BatchError[];
}

export interface ScanOptions {
  path: string;
  endpoint: Endpoint;
  seed: number;
  failRate: number;
  ordinal: number;
  countTokens: boolean;
  /** Azure: every line's model must be one of these deployment names (given only when deployments are configured). */
  deployments?: Readonly<Record<string, string>> | null;
  /** Most lines of one file (OpenAI 50,000; Azure 100,000). */
  maxLines?: number;
  /** Checked on every line: closing the emulator abandons a scan of a large file quickly. */
  signal?: AbortSignal;
}

export async function scanBatchInput(o: ScanOptions): Promise<BatchPlan> {
  const errors: BatchError[] = [];
  const report = (e: BatchError) => {
    if (errors.length < ERROR_CAP) errors.push(e);
  };
  const seen = new Set<string>();
  const success: number[] = [];
  const failure: number[] = [];
  let lines = 0;
  let model: string | null = null;
  let inputTokens = 0;
  const maxLines = o.maxLines ?? MAX_LINES;

  for await (const raw of readJsonlLines(o.path)) {
    o.signal?.throwIfAborted();
    lines++;
    if (lines > maxLines) continue;
    const line = raw.line;
    let parsed: unknown;
    try {
      parsed = raw.invalidUtf8 ? undefined : JSON.parse(raw.text);
    } catch {
      parsed = undefined;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      report({ code: 'invalid_json_line', line, message: 'This line is not parseable as valid JSON.', param: null });
      continue;
    }
    const req = parsed as Record<string, unknown>;
    const before = errors.length;
    for (const field of ['custom_id', 'method', 'url', 'body'] as const) {
      if (req[field] === undefined || req[field] === null) {
        report({ code: 'missing_required_parameter', line, message: `Missing required parameter: '${field}'.`, param: field });
      }
    }
    const customId = req.custom_id;
    if (customId !== undefined && customId !== null && typeof customId !== 'string') {
      report({ code: 'invalid_type', line, message: "Invalid type for 'custom_id': expected a string.", param: 'custom_id' });
    }
    if (typeof customId === 'string') {
      if (seen.has(customId)) {
        report({
          code: 'duplicate_custom_id',
          line,
          message: 'The custom_id for this request is a duplicate of another request. The custom_id parameter must be unique for each individual request in a batch.',
          param: 'custom_id',
        });
      }
      seen.add(customId);
    }
    if (req.method !== undefined && req.method !== null && req.method !== 'POST') {
      report({ code: 'invalid_method', line, message: `The method '${String(req.method)}' is not supported. Only POST is supported.`, param: 'method' });
    }
    if (typeof req.url === 'string' && req.url !== o.endpoint) {
      report({
        code: 'url_mismatch',
        line,
        message: `The provided URL '${req.url}' does not match the endpoint of the batch '${o.endpoint}'.`,
        param: 'url',
      });
    }
    const body = req.body;
    if (body !== undefined && body !== null && (typeof body !== 'object' || Array.isArray(body))) {
      report({ code: 'invalid_type', line, message: "Invalid type for 'body': expected an object.", param: 'body' });
    }
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      const m = (body as Record<string, unknown>).model;
      if (typeof m === 'string') {
        if (o.deployments && !Object.hasOwn(o.deployments, m)) {
          // Ours: Azure's validation error for a model that is no deployment of the resource is undocumented.
          report({ code: 'DeploymentNotFound', line, message: `The API deployment '${m}' for this resource does not exist.`, param: 'body.model' });
        }
        if (model === null) model = m;
        else if (m !== model) {
          report({
            code: 'model_mismatch',
            line,
            message: `The provided model '${m}' does not match the model '${model}' of the other requests in this file. Each input file can only include requests to a single model.`,
            param: 'body.model',
          });
        }
      } else if (o.endpoint !== '/v1/moderations') {
        report({ code: 'missing_required_parameter', line, message: "Missing required parameter: 'body.model'.", param: 'body.model' });
      }
    }
    if (errors.length > before || errors.length >= ERROR_CAP) continue;

    const b = body as Record<string, unknown>;
    const fate = lineFate(o.seed, o.failRate, o.ordinal, o.endpoint, customId as string, b);
    (fate.failure ? failure : success).push(fate.at);
    if (o.countTokens) inputTokens += promptTokens(o.endpoint, b);
  }

  if (lines === 0) errors.push({ code: 'empty_file', line: null, message: 'The batch input file is empty.', param: null });
  if (lines > maxLines) {
    errors.unshift({
      code: 'too_many_tasks',
      line: null,
      message: `The batch input file contains ${lines.toLocaleString('en-US')} requests; the maximum is ${maxLines.toLocaleString('en-US')}.`,
      param: null,
    });
  }
  return {
    total: lines,
    model,
    inputTokens,
    successAt: Float64Array.from(success).sort(),
    failureAt: Float64Array.from(failure).sort(),
    errors,
  };
}

/** How many of the sorted fractions are ≤ f. */
export function countUpTo(sorted: Float64Array, f: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= f) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
