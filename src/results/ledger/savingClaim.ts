// What a run may claim it saved, decided once for every place that says it: the saving is the ledger's (usage at the
// standard tier minus what was spent), so a run whose safety net moved everything to sync saves nothing and claims
// nothing, and a partial run claims only what its finished requests saved.
import type { Mode } from '../../estimate/types.ts';
import type { LedgerFigures } from './types.ts';

export interface SavingClaim {
  /** 'saved': a positive saving; 'none': nothing saved (sync, or a batch that ran as sync); 'cost_more': priority. */
  kind: 'saved' | 'none' | 'cost_more';
  saved_usd: number;
  /** saved_usd as a share of at_sync_prices_usd, 0–1 (0 when nothing was billed). */
  share: number;
  /** The mode(s) the billed requests ran in, cheapest saving first. */
  modes: Mode[];
  /** Requests planned for a batch that ran synchronously. */
  moved_to_sync: number;
}

/** Savings below half a billionth of a dollar are float noise, not a claim. */
const EPSILON_USD = 5e-10;

export function savingClaim(total: LedgerFigures, byMode: Partial<Record<Mode, LedgerFigures>>, movedToSync: number): SavingClaim {
  const modes = (Object.entries(byMode) as [Mode, LedgerFigures][]).filter(([, f]) => f.billed > 0).sort((a, b) => b[1].saved_usd - a[1].saved_usd).map(([m]) => m);
  const share = total.at_sync_prices_usd > 0 ? total.saved_usd / total.at_sync_prices_usd : 0;
  const kind = total.saved_usd > EPSILON_USD ? 'saved' : total.saved_usd < -EPSILON_USD ? 'cost_more' : 'none';
  return { kind, saved_usd: total.saved_usd, share, modes, moved_to_sync: movedToSync };
}
