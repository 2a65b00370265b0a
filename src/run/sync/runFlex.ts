// Flex processing is the sync runner at the flex tier: same limits, same retries, a longer timeout, and optionally
// the standard tier when flex has no capacity. A name of its own for callers that think in modes.
import { runSync } from './runSync.ts';
import type { SyncRunOptions, SyncRunStats } from './runSync.ts';
import type { OnResult, RunItem } from '../types.ts';

export function runFlex(
  items: AsyncIterable<RunItem> | Iterable<RunItem>,
  opts: Omit<SyncRunOptions, 'tier'>,
  onResult: OnResult,
): Promise<SyncRunStats> {
  return runSync(items, { ...opts, tier: 'flex' }, onResult);
}
