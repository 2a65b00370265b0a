// Which provider a run talks to, and where its key comes from: each provider's usual environment variable, unless
// the caller passes one (the action's inputs). The key goes into the provider and to the scrubber, nowhere else.
import type OpenAI from 'openai';
import { registerSecret } from '../../shared/secrets.ts';
import { UsageError } from '../../shared/usageError.ts';
import { createAnthropicProvider } from './anthropic/anthropicProvider.ts';
import { createAzureProvider } from './azure/azureProvider.ts';
import { createGeminiProvider } from './gemini/geminiProvider.ts';
import type { DeploymentMap } from './azure/deployments.ts';
import { makeClient } from './openai/openaiClient.ts';
import { openAIProvider } from './openai/openaiProvider.ts';
import { PROVIDER_NAMES, PROVIDER_TIERS } from './types.ts';
import { providerCatalog } from '../../pricing/index.ts';
import type { Catalog } from '../../pricing/index.ts';
import type { Endpoint } from '../../requests/types.ts';
import type { Provider, ProviderName } from './types.ts';

export type { CallOptions, LineProblem, Metadata, Provider, ProviderName, ProviderRequest, SyncAnswer } from './types.ts';
export { PROVIDER_NAMES, PROVIDER_TIERS } from './types.ts';
export { parseDeployments } from './azure/deployments.ts';
export type { DeploymentMap } from './azure/deployments.ts';
export { openAIProvider } from './openai/openaiProvider.ts';
export { makeClient } from './openai/openaiClient.ts';

export interface ProviderConfig {
  provider?: ProviderName;
  /** Else the provider's environment variable (KEY_ENV). */
  apiKey?: string;
  /** Another base URL (the emulator, a proxy); Azure: the resource endpoint. Else the provider's variable. */
  baseURL?: string;
  /** Azure only: which deployment serves each model. */
  deployments?: DeploymentMap;
  /** An OpenAI client built by the caller (tests): used as the openai provider. */
  client?: OpenAI;
  maxRetries?: number;
}

/** Where each provider's key and base URL are read from when the caller gives none. */
export const KEY_ENV: Record<ProviderName, readonly string[]> = {
  openai: ['OPENAI_API_KEY'],
  azure: ['AZURE_OPENAI_API_KEY'],
  anthropic: ['ANTHROPIC_API_KEY'],
  gemini: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
};
export const BASE_URL_ENV: Record<ProviderName, readonly string[]> = {
  openai: ['OPENAI_BASE_URL'],
  azure: ['AZURE_OPENAI_ENDPOINT'],
  anthropic: ['ANTHROPIC_BASE_URL'],
  gemini: ['GEMINI_BASE_URL'],
};

/** The catalog an estimate or run through `provider` prices with: the provider's prices, and none for tiers it lacks
 *  (the policy can then never plan them). */
export function catalogForProvider(provider: ProviderName, base: Catalog): Catalog {
  const priced = base.provider === provider ? base : providerCatalog(provider, base);
  const tiers = PROVIDER_TIERS[provider];
  if (tiers.flex && tiers.priority) return priced;
  const models = Object.fromEntries(Object.entries(priced.models).map(([k, m]) => [k, {
    ...m, ...(tiers.flex ? {} : { flex: null }), ...(tiers.priority ? {} : { priority: null }),
  }]));
  return { ...priced, models };
}

/** The action input that holds this provider's key (`api-key` serves every provider when its own is empty). */
export function keyInputName(provider: ProviderName): string {
  return provider === 'openai' ? 'api-key' : `${provider}-api-key`;
}

/** The provider's own token counter in the shape the estimate takes (line, body, url), or undefined where it has none
 *  (OpenAI and Azure: tiktoken counts their models exactly offline). */
export function inputCounter(provider: Provider, signal?: AbortSignal) {
  const count = provider.countInputTokens?.bind(provider);
  if (!count) return undefined;
  return (_line: number, body: Record<string, unknown>, url: string) => count({ url: url as Endpoint, model: String(body.model), body }, signal);
}

/** A bare batch id says whose it is: Anthropic's are msgbatch_…, Gemini's batches/…; OpenAI's and Azure's batch_…. */
export function providerOfBatchId(id: string): ProviderName | null {
  if (id.startsWith('msgbatch_')) return 'anthropic';
  if (id.startsWith('batches/')) return 'gemini';
  return null;
}

export function parseProviderName(value: string): ProviderName {
  const v = value.trim().toLowerCase();
  if ((PROVIDER_NAMES as readonly string[]).includes(v)) return v as ProviderName;
  throw new UsageError(`--provider ${value}: must be one of ${PROVIDER_NAMES.join(', ')}`);
}

const fromEnv = (names: readonly string[]) => names.map((n) => process.env[n]).find((v) => v !== undefined && v !== '');

/** The key this provider would use (the caller's, else its environment variable), registered with the scrubber. */
export function providerKey(cfg: ProviderConfig): string | undefined {
  const key = cfg.apiKey || fromEnv(KEY_ENV[cfg.provider ?? 'openai']);
  registerSecret(key ?? null);
  return key;
}

export function makeProvider(cfg: ProviderConfig): Provider {
  const name = cfg.provider ?? 'openai';
  if (cfg.client) {
    if (name !== 'openai') throw new UsageError(`an OpenAI client was given for provider ${name}`);
    return openAIProvider({ client: cfg.client });
  }
  const apiKey = providerKey(cfg);
  const baseURL = cfg.baseURL || fromEnv(BASE_URL_ENV[name]);
  if (!apiKey) {
    throw new UsageError(`no API key for ${name}: set ${KEY_ENV[name].join(' or ')} (or pass ${keyInputName(name)} to the action)`);
  }
  switch (name) {
    case 'openai':
      return openAIProvider({ client: makeClient({ apiKey, baseURL, maxRetries: cfg.maxRetries }) });
    case 'azure':
      if (!baseURL) throw new UsageError('no Azure endpoint: set AZURE_OPENAI_ENDPOINT (https://RESOURCE.openai.azure.com) or pass --base-url (action: azure-endpoint)');
      return createAzureProvider({ apiKey, endpoint: baseURL, deployments: cfg.deployments ?? { byModel: {}, fallback: null }, maxRetries: cfg.maxRetries });
    case 'anthropic':
      return createAnthropicProvider({ apiKey, baseURL, maxRetries: cfg.maxRetries });
    case 'gemini':
      return createGeminiProvider({ apiKey, baseURL, maxRetries: cfg.maxRetries });
  }
}
