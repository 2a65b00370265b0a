// Whose model a name is, so a request for another provider's model ends as "use --provider X" instead of "no price".
// Known names come from the two bundled catalogs (read raw here: importing their loaders would make an import circle
// with resolvePricing); unknown ones by the families' naming rules, which every provider keeps to.
import pricingJson from '../../data/pricing.json' with { type: 'json' };
import providersJson from '../../data/providers.json' with { type: 'json' };
import type { CatalogProvider } from './types.ts';

/** A provider that names its own models (Azure serves OpenAI's). */
export type ModelOwner = Exclude<CatalogProvider, 'azure'>;

/** How each provider is named in messages. */
export const PROVIDER_LABELS: Readonly<Record<CatalogProvider, string>> = Object.freeze({
  openai: 'OpenAI',
  azure: 'Azure OpenAI',
  anthropic: 'Anthropic',
  gemini: 'Gemini',
});

// Family prefixes: Anthropic's ids all start "claude-", Google's Gemini API ids "gemini-" (the REST form adds
// "models/"); OpenAI's families are tiktoken's model table plus the newer lines (gpt-6, gpt-image, sora).
const OWNER_PATTERNS: readonly [RegExp, ModelOwner][] = [
  [/^claude-/, 'anthropic'],
  [/^(models\/)?gemini-/, 'gemini'],
  [/^(gpt-|chatgpt-|o\d|text-embedding-|text-moderation-|omni-moderation|davinci-|babbage-|dall-e-|sora-|computer-use-|codex-|ft:)/, 'openai'],
];

let known: Map<string, ModelOwner> | undefined;

function knownNames(): Map<string, ModelOwner> {
  if (known) return known;
  known = new Map();
  const add = (name: string, owner: ModelOwner) => known!.set(name.toLowerCase(), owner);
  for (const [name, entry] of Object.entries((pricingJson as { models: Record<string, { snapshots?: string[] }> }).models)) {
    add(name, 'openai');
    for (const s of entry.snapshots ?? []) add(s, 'openai');
  }
  for (const [name, entry] of Object.entries((providersJson as { models: Record<string, { provider: string; snapshots?: string[] }> }).models)) {
    // Azure entries (none today) would be OpenAI models under another roof.
    const owner: ModelOwner = entry.provider === 'anthropic' ? 'anthropic' : entry.provider === 'gemini' ? 'gemini' : 'openai';
    add(name, owner);
    for (const s of entry.snapshots ?? []) add(s, owner);
  }
  return known;
}

/** The provider whose model `model` is, or null when the name follows no provider's rules (a user's own model). */
export function modelOwner(model: string): ModelOwner | null {
  const name = model.trim().toLowerCase();
  const listed = knownNames().get(name);
  if (listed) return listed;
  for (const [pattern, owner] of OWNER_PATTERNS) if (pattern.test(name)) return owner;
  return null;
}

/** True when a run through `provider` can send `owner`'s models (Azure deploys OpenAI's). */
export function servesModelsOf(provider: CatalogProvider, owner: ModelOwner): boolean {
  return provider === owner || (provider === 'azure' && owner === 'openai');
}

/** Whether data/providers.json prices `model` (exactly or as a snapshot): the wrong-provider hint says so. */
export function bundledProviderPrices(model: string): boolean {
  const name = model.trim().toLowerCase();
  const owner = knownNames().get(name);
  return owner === 'anthropic' || owner === 'gemini';
}
