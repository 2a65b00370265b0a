// The Anthropic SDK client batchwise uses: the key given, the API version pinned (wire.ts says why), and the base URL
// as the SDK takes it.
import Anthropic from '@anthropic-ai/sdk';
import { ANTHROPIC_VERSION } from './wire.ts';

export interface AnthropicClientOptions {
  apiKey: string;
  baseURL?: string;
  maxRetries?: number;
}

/** The SDK's base URL is the host (`https://api.anthropic.com`), its paths begin with /v1. A URL ending in /v1 (as
 *  batchwise's emulator prints its address, and as OpenAI-style settings are written) is taken without it, so both
 *  spellings reach the same endpoints. */
export function sdkBaseURL(baseURL: string | undefined): string | undefined {
  if (baseURL === undefined || baseURL === '') return undefined;
  return baseURL.replace(/\/+$/, '').replace(/\/v1$/, '');
}

export function makeAnthropicClient(o: AnthropicClientOptions): Anthropic {
  return new Anthropic({
    apiKey: o.apiKey,
    baseURL: sdkBaseURL(o.baseURL),
    // Reads retry on their own (the SDK retries 408/409/429/5xx and connection failures); creates and sync calls
    // pass maxRetries 0 per call.
    maxRetries: o.maxRetries ?? 2,
    defaultHeaders: { 'anthropic-version': ANTHROPIC_VERSION },
  });
}
