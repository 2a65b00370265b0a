// How old the catalog's prices are: a cost tool whose prices are months old must say so.

/** Past this many days the action's summary and `batchwise pricing` warn that the bundled catalog may be out of date. */
export const STALE_CATALOG_DAYS = 90;

/** Whole days from the catalog's check date to `now` (0 on the day, never negative). */
export function catalogAgeDays(catalog: { as_of: string }, now: Date): number {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.max(0, Math.floor((day - Date.parse(catalog.as_of)) / 86_400_000));
}
