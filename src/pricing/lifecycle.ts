// Model lifecycle from the catalog's shutdown dates (each provider's deprecations page): a model that is shut down cannot
// be run, one that shuts down soon deserves a warning before a team builds a nightly job on it.
import type { CatalogProvider, ModelPricing } from './types.ts';

/** Warn this many days ahead of a shutdown. */
export const LIFECYCLE_WARNING_DAYS = 60;
const DAY_MS = 86_400_000;
/** Whose deprecations page names the replacement. */
const RECOMMENDED_BY: Readonly<Record<CatalogProvider, string>> = { openai: 'OpenAI', azure: 'OpenAI', anthropic: 'Anthropic', gemini: 'Google' };

export interface Lifecycle {
  model: string;
  status: 'shut_down' | 'shutting_down';
  /** ISO date. */
  shutdown: string;
  /** Whole days from `today` to the shutdown (negative once past). */
  days: number;
  replacement: string | null;
  message: string;
}

/** The lifecycle note for `model` (the name the request used) priced by `pricing`, as of `today`; null when the model
 *  has no shutdown date or it is more than LIFECYCLE_WARNING_DAYS away. A shutdown date is the day the model stops
 *  answering, so on that day it counts as shut down. `provider` names who recommends the replacement (the catalog's
 *  provider; Azure's catalog carries OpenAI's dates, and says so). */
export function lifecycleOf(
  model: string,
  pricing: Pick<ModelPricing, 'shutdown' | 'replacement'>,
  today: Date,
  provider: CatalogProvider = 'openai',
): Lifecycle | null {
  if (pricing.shutdown === null) return null;
  const day = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const days = Math.round((Date.parse(pricing.shutdown) - day) / DAY_MS);
  if (days > LIFECYCLE_WARNING_DAYS) return null;
  const whose = provider === 'azure' ? " (OpenAI's date: Azure retires its deployments on its own schedule)" : '';
  const who = RECOMMENDED_BY[provider];
  const instead = `${whose}${pricing.replacement ? `; ${who} recommends ${pricing.replacement} instead` : ''}`;
  const status = days <= 0 ? 'shut_down' : 'shutting_down';
  const message =
    status === 'shut_down'
      ? `${model} was shut down on ${pricing.shutdown}${instead}`
      : `${model} shuts down on ${pricing.shutdown} (in ${days} day${days === 1 ? '' : 's'})${instead}`;
  return { model, status, shutdown: pricing.shutdown, days, replacement: pricing.replacement, message };
}
