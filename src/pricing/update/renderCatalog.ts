// `batchwise pricing` as a terminal table: one line per model, each mode as "input / cached / output".

import { ageLine, shutdownStatus } from './catalogRows.ts';
import type { CatalogListing, CatalogRow, RowPrice } from './catalogRows.ts';
import { columns, formatPrice } from './columns.ts';

const NONE = '—';

/** `overrides`: the user's pricing file laid over the catalog, if any (named in the header). */
export function renderCatalogTable(listing: CatalogListing, overrides?: string): string {
  const head = `${ageLine(listing)}${overrides ? ` (with ${overrides} laid over)` : ''}; USD per 1M tokens, input / cached / output`;
  if (listing.models.length === 0) return `${head}\nno model matches\n`;
  const showOrigin = listing.models.some((r) => r.origin !== 'catalog');
  const header = ['model', 'sync', 'batch', 'flex', 'priority', 'checked', 'shutdown', 'replacement', ...(showOrigin ? ['origin'] : [])];
  const rows = listing.models.map((r) => [
    r.model,
    modeCell(r.sync),
    modeCell(r.batch),
    modeCell(r.flex),
    modeCell(r.priority),
    r.as_of,
    shutdownCell(r),
    r.replacement ?? NONE,
    ...(showOrigin ? [r.origin] : []),
  ]);
  return `${head}\n\n${columns([header, ...rows]).join('\n')}\n`;
}

function modeCell(p: RowPrice | null): string {
  if (p === null) return NONE;
  return `${formatPrice(p.input)} / ${p.cached_input === null ? NONE : formatPrice(p.cached_input)} / ${formatPrice(p.output)}`;
}

function shutdownCell(r: CatalogRow): string {
  if (r.shutdown === null) return NONE;
  return `${r.shutdown} (${shutdownStatus(r.days_to_shutdown)})`;
}
