// Flags every command that prices a file shares: which catalog (a user's file over the bundled one, strict or with the
// long tail), regional processing, and the run history that calibrates the estimate.
import type { Command } from 'commander';
import { loadCatalog } from '../pricing/index.ts';
import type { Catalog } from '../pricing/index.ts';

export interface PricingFlags {
  pricing?: string;
  strictPricing?: boolean;
  region?: boolean;
}

export interface HistoryFlags {
  /** A path, or false with --no-history (commander sets true when neither flag is given). */
  history?: string | boolean;
}

/** Where run history lives unless --history says otherwise: under the working directory, beside the results. */
export const DEFAULT_HISTORY_PATH = '.batchwise/history.jsonl';

export function addPricingOptions(cmd: Command): Command {
  return cmd
    .option('--pricing <file>', 'JSON file that adds or overrides model prices')
    .option('--strict-pricing', 'a model the catalog lacks is an error (default: derived prices from @pydantic/genai-prices, labelled "derived")')
    .option('--region', 'requests go to a regional processing (data residency) endpoint: +10% on the models that charge it (released since 2026-03-05, eligible for residency)');
}

export function addHistoryOptions(cmd: Command): Command {
  return cmd
    .option('--history <file>', `what earlier runs observed, to calibrate expected output and cache hits (default: ${DEFAULT_HISTORY_PATH})`)
    .option('--no-history', 'neither read nor write run history');
}

export function catalogFrom(flags: PricingFlags): Catalog {
  return loadCatalog(flags.pricing, { strict: flags.strictPricing === true });
}

/** The history file to use, or null with --no-history. Without a flag, BATCHWISE_HISTORY (a path, or "off") sets the
 *  default: a CI job or a test suite can move or silence it without touching every command line. */
export function historyPathOf(flags: HistoryFlags, env: NodeJS.ProcessEnv = process.env): string | null {
  if (flags.history === false) return null;
  if (typeof flags.history === 'string') return flags.history;
  const fromEnv = env.BATCHWISE_HISTORY?.trim();
  if (fromEnv === 'off' || fromEnv === 'false') return null;
  return fromEnv || DEFAULT_HISTORY_PATH;
}
