// Before anything is sent: every line the provider cannot take faithfully, all at once, as file:line errors. OpenAI
// takes the file as it is (its checks are the validator's), so its pass is skipped.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Catalog } from '../../pricing/index.ts';
import { UsageError } from '../../shared/usageError.ts';
import type { Provider } from './types.ts';

/** How many problems one error lists before it counts the rest. */
const SHOWN = 50;

export async function checkLinesFor(provider: Provider, path: string, displayName = path): Promise<void> {
  if (provider.name === 'openai') return;
  const problems: string[] = [];
  let count = 0;
  let n = 0;
  for await (const text of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    n++;
    if (!text.trim()) continue;
    // The validator has already read every line: this parse cannot fail on a file the estimate accepted.
    const line = JSON.parse(text) as { custom_id: string; url: string; body: Record<string, unknown> };
    for (const p of provider.check(line)) {
      count++;
      if (problems.length < SHOWN) problems.push(`${displayName}:${n}: ${p.message}`);
    }
  }
  if (count === 0) return;
  const more = count > SHOWN ? `\n… and ${count - SHOWN} more` : '';
  throw new UsageError(`${count} request${count === 1 ? '' : 's'} cannot be sent to ${provider.name} as written; nothing was sent:\n${problems.join('\n')}${more}`);
}

/** The catalog without the tiers the provider does not run: the estimate prices them as unavailable. */
export function tiersOf(catalog: Catalog, tiers: Provider['tiers']): Catalog {
  if (tiers.flex && tiers.priority) return catalog;
  const models = Object.fromEntries(Object.entries(catalog.models).map(([k, m]) => [k, {
    ...m, ...(tiers.flex ? {} : { flex: null }), ...(tiers.priority ? {} : { priority: null }),
  }]));
  return { ...catalog, models } as Catalog;
}
