// Azure OpenAI Global Batch: OpenAI's API at https://RESOURCE.openai.azure.com/openai/v1/ (the v1 API needs no
// api-version; "to access newer models with Global Batch, use the v1 API" — learn.microsoft.com, batch how-to), the
// key in an `api-key` header, and every line's model replaced by the deployment that serves it. What differs from
// OpenAI is said here; the rest is openaiProvider.ts.
// - Parts: 100,000 requests and 200 MB per input file (the how-to's limits; 1 GB needs your own Blob storage).
// - Jobs are not expired at 24 h ("we do not expire the jobs that take longer"): batchWindowHours null.
// - Endpoints: chat completions and responses (embeddings are not supported by Global Batch).
// - Tiers: no flex and no priority processing through this API (Azure's Priority Processing is a deployment setting).
// - Quota: enqueued tokens per deployment; the batch runner's queue book learns it from the refusal ("the configured
//   limit of 30K…", queueBook.ts) or from --queue-limit.
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import OpenAI from 'openai';
import { deploymentFor } from './deployments.ts';
import type { DeploymentMap } from './deployments.ts';
import { openAIProvider } from '../openai/openaiProvider.ts';
import type { LineProblem, Provider } from '../types.ts';

/** Parts are sized on the request file; each line gains at most 64 − len(model) bytes when its model becomes the
 *  deployment name (Azure's names are ≤ 64 characters): 100,000 lines × 64 bytes is kept free under the 200 MB. */
export const AZURE_PART_LIMITS = { maxLines: 100_000, maxBytes: 200 * 1024 * 1024 - 100_000 * 64 };
const AZURE_ENDPOINTS = new Set(['/v1/chat/completions', '/v1/responses']);

export interface AzureProviderOptions {
  apiKey: string;
  /** https://RESOURCE.openai.azure.com (or a full …/openai/v1 base). */
  endpoint: string;
  deployments: DeploymentMap;
  maxRetries?: number;
}

/** The v1 base URL of an Azure resource endpoint. */
export function azureBaseURL(endpoint: string): string {
  const trimmed = endpoint.replace(/\/+$/, '');
  return /\/openai\/v1$/.test(trimmed) ? trimmed : `${trimmed}/openai/v1`;
}

export function createAzureProvider(o: AzureProviderOptions): Provider {
  const client = new OpenAI({
    apiKey: o.apiKey,
    baseURL: azureBaseURL(o.endpoint),
    // Azure reads the key from `api-key`; no bearer header is sent with it.
    defaultHeaders: { 'api-key': o.apiKey, Authorization: null },
    maxRetries: o.maxRetries ?? 5,
  });
  const deployment = (model: string) => deploymentFor(o.deployments, model);
  const check = (line: { custom_id: string; url: string; body: Record<string, unknown> }): LineProblem[] => {
    const problems: LineProblem[] = [];
    const model = typeof line.body.model === 'string' ? line.body.model : '';
    if (!AZURE_ENDPOINTS.has(line.url)) problems.push({ message: `Azure OpenAI Global Batch takes ${[...AZURE_ENDPOINTS].join(' and ')}, not ${line.url}` });
    if (model && deployment(model) === null) {
      problems.push({ message: `no Azure deployment for ${model}: give one with --deployment ${model}=NAME (action: deployment), or one for every model with --deployment NAME` });
    }
    return problems;
  };
  return openAIProvider({
    client, name: 'azure', partLimits: AZURE_PART_LIMITS, batchWindowHours: null, check,
    rewriteBody: (body, model) => ({ ...body, model: deployment(model) ?? model }),
    // The how-to creates with endpoint "/chat/completions" (the lines keep "/v1/chat/completions").
    batchEndpoint: (endpoint) => endpoint.replace(/^\/v1\//, '/'),
    preparePart: (path) => withDeployments(path, deployment),
  });
}

/** A copy of the part file beside it (`….azure.jsonl`) whose lines name the deployment instead of the model. The
 *  part is one model, so one deployment; the copy is rewritten on each upload (the part may have been rewritten). */
async function withDeployments(path: string, deployment: (model: string) => string | null): Promise<string> {
  const dest = path.replace(/\.jsonl$/, '') + '.azure.jsonl';
  const out = createWriteStream(dest);
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const text of lines) {
    if (!text.trim()) continue;
    const line = JSON.parse(text) as { body: Record<string, unknown> };
    const model = String(line.body.model);
    line.body = { ...line.body, model: deployment(model) ?? model };
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return dest;
}
