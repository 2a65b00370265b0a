// The Claude models the emulator knows: the Anthropic entries of batchwise's provider catalog (data/providers.json),
// by key or listed snapshot. What it reads from them: the output cap, whether thinking is on by default, the effort a
// model works at when the request names none.
import { findProviderModel, loadProviderCatalog, type ProviderCatalog } from '../../pricing/index.ts';

export interface ClaudeModel {
  /** The catalog key (a snapshot resolves to it). */
  key: string;
  maxOutputTokens: number | null;
  /** Thinking on by default (the catalog's `reasoning: true`: "Adaptive (always on)" models). */
  thinksByDefault: boolean;
  /** The effort page: "Most Claude models default to high effort …; Claude Opus 5.5 and Claude Haiku 5.5 default to
   *  medium." */
  defaultEffort: 'medium' | 'high';
}

const MEDIUM_BY_DEFAULT = new Set(['claude-opus-5-5', 'claude-haiku-5-5']);

export class ClaudeModels {
  private readonly catalog: ProviderCatalog | null;

  constructor(log: (line: string) => void) {
    let catalog: ProviderCatalog | null = null;
    try {
      catalog = loadProviderCatalog();
    } catch (err) {
      log(`emulator: provider catalog unavailable, every Claude model answered as unknown: ${String(err)}`);
    }
    this.catalog = catalog;
  }

  /** The model, or null when the catalog does not list it as an Anthropic model (the API's 404). */
  find(name: string): ClaudeModel | null {
    if (!this.catalog) return null;
    const key = findProviderModel(this.catalog, name);
    if (key === null) return null;
    const entry = this.catalog.models[key];
    if (entry.provider !== 'anthropic') return null;
    return {
      key,
      maxOutputTokens: entry.max_output_tokens ?? null,
      thinksByDefault: entry.reasoning === true,
      defaultEffort: MEDIUM_BY_DEFAULT.has(key) ? 'medium' : 'high',
    };
  }
}
