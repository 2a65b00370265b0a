// `batchwise pricing update`: the pricing page read into a pricing file, and what it changes against the catalog we
// ship. Pure: the caller reads the page (readPricingPage) and writes the file.

import type { Catalog } from '../types.ts';
import { catalogFromPage } from './catalogFromPage.ts';
import type { PageContext } from './catalogFromPage.ts';
import { diffCatalog } from './diffCatalog.ts';
import type { CatalogDiff } from './diffCatalog.ts';
import { parsePricingPage } from './parsePricingPage.ts';
import type { PageTier } from './parsePricingPage.ts';

export interface PricingUpdate {
  /** The URL or file read. */
  source: string;
  /** The day it was read: the new file's as_of. */
  as_of: string;
  /** The pricing file to write (the data/pricing.json format). */
  catalog: Catalog;
  /** Tables read per tier (sync = Standard, priority = Fast). */
  tables: Record<PageTier, number>;
  /** What the page changes, against `against`. */
  diff: CatalogDiff;
  against: { as_of: string; source: string };
  /** Page names read as another entry (a dated snapshot under its alias), name → catalog key. */
  folded: Record<string, string>;
  warnings: string[];
}

/** Reads `markdown` (the page at `ctx.source`) and compares it with `current`, the bundled catalog.
 *  Throws PricingFileError when the page holds no table it recognises. */
export function updateFromPage(markdown: string, current: Catalog, ctx: PageContext): PricingUpdate {
  const page = parsePricingPage(markdown, ctx.source);
  const { catalog, folded, warnings } = catalogFromPage(page, current.models, ctx);

  return {
    source: ctx.source,
    as_of: ctx.today,
    catalog,
    tables: page.tables,
    diff: diffCatalog(current.models, catalog.models),
    against: { as_of: current.as_of, source: current.source },
    folded,
    warnings,
  };
}
