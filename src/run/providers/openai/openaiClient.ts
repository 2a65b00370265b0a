// The one place an OpenAI client is built. The key comes from the caller or the environment and goes nowhere else.
import OpenAI from 'openai';
import { UsageError } from '../../../shared/usageError.ts';

export function makeClient(opts: { apiKey?: string; baseURL?: string; maxRetries?: number }): OpenAI {
  const apiKey = opts.apiKey ?? process.env.OPENAI_API_KEY;
  if (!apiKey) throw new UsageError('no API key: set OPENAI_API_KEY (or pass api-key to the action)');
  return new OpenAI({
    apiKey,
    baseURL: opts.baseURL ?? process.env.OPENAI_BASE_URL ?? undefined,
    // Calls to the Files and Batches endpoints are few and cheap to repeat; the SDK retries 408/409/429/5xx and resets.
    maxRetries: opts.maxRetries ?? 5,
  });
}
