// Requests that go through the sync (or flex) runner: a whole file in sync/flex mode, a batch's unfinished rest after
// the safety net, a small retry. Every answer is journaled the moment it arrives (sync.jsonl, append-only), so a crash
// loses none and a rerun sends only what the journal does not already settle.
import { join } from 'node:path';
import { resolvePricing } from '../../pricing/index.ts';
import type { Catalog } from '../../pricing/index.ts';
import type { LineEstimate } from '../../estimate/types.ts';
import { openJournal } from '../../results/index.ts';
import type { ResultRecord } from '../../results/index.ts';
import { readRunItems } from './readRunItems.ts';
import type { RunContext } from '../runContext.ts';
import { runSync } from './runSync.ts';
import type { SyncTier } from './runSync.ts';

export const JOURNAL_FILE = 'sync.jsonl';

export function journalPath(outDir: string): string {
  return join(outDir, JOURNAL_FILE);
}

/** A journaled failure a later attempt may fix (a rerun sends it again). */
export function isRetryableRecord(r: ResultRecord): boolean {
  if (r.status === 'succeeded') return false;
  if (r.status === 'skipped' || r.status === 'expired' || r.status === 'cancelled') return true;
  const code = r.error?.code ?? '';
  return /rate_limit|timeout|server_error|overloaded|connection|unavailable|^http_(408|409|429|5\d\d)$|aborted|deadline/.test(code);
}

export async function runSyncPhase(ctx: RunContext, catalog: Catalog, lines: number[], tier: SyncTier): Promise<void> {
  if (lines.length === 0) return;
  const wanted = new Map<number, LineEstimate>();
  for (const l of lines) wanted.set(l, ctx.items.get(l)!);
  ctx.log(`${tierName(tier)}: sending ${lines.length} requests`);
  const journal = openJournal(journalPath(ctx.outDir));
  try {
    const stats = await runSync(
      readRunItems(ctx.inputPath, wanted),
      {
        provider: ctx.provider, tier, rpm: ctx.rpm, tpm: ctx.tpm, concurrency: ctx.concurrency, deadline: ctx.deadline, total: lines.length,
        signal: ctx.signal, retries: ctx.retries, flexFallback: ctx.flexFallback, region: ctx.region,
        pricingFor: (model) => resolvePricing(catalog, model), log: ctx.log,
        ...(ctx.onSyncProgress ? { onProgress: (p) => ctx.onSyncProgress!(p, tierName(tier)) } : {}),
      },
      (record) => journal.append(record, isRetryableRecord(record)),
    );
    ctx.log(`${tierName(tier)}: ${stats.succeeded} succeeded, ${stats.failed} failed, ${stats.skipped} skipped in ${Math.round(stats.elapsedMs / 1000)} s`);
  } finally {
    journal.close();
  }
}

const tierName = (tier: SyncTier) => (tier === 'default' ? 'sync' : tier);
