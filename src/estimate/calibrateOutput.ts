// Expected output and cache hits from what was measured — earlier runs (history/) or this file's own pilot sample —
// in place of the stated heuristic wherever a request's shape (or at least its model) has been seen.
import { predict, predictCache } from '../history/index.ts';
import type { Observation, ShapeKey } from '../history/index.ts';
import type { HitRate } from './cacheHits.ts';
import type { OutputEstimate } from './outputTokens.ts';
import type { OutputSource, Range } from './types.ts';

export interface CalibratedLine {
  output: Range;
  source: OutputSource;
  sample: number;
  cache: HitRate;
}

interface ShapeFigures {
  expected: number | null;
  sample: number;
  cache: { ratio: number; write_ratio: number } | null;
}

/** Reason texts kept for the notes: one per shape would flood a file of many prompts. */
const MAX_REASONS = 5;

export class OutputCalibration {
  private readonly byShape = new Map<string, ShapeFigures>();
  private readonly reasonTexts = new Map<string, string>();
  private readonly history: Observation[];
  private readonly source: 'history' | 'pilot';

  constructor(history: Observation[], source: 'history' | 'pilot') {
    this.history = history;
    this.source = source;
  }

  forLine(shape: ShapeKey, heuristic: OutputEstimate): CalibratedLine {
    const f = this.figures(shape);
    const cache = f.cache;
    if (f.expected === null) {
      return { output: { low: heuristic.low, expected: heuristic.expected, max: heuristic.max }, source: 'heuristic', sample: 0, cache };
    }
    // Measured per request; never outside what the request can bill.
    const expected = Math.min(heuristic.max, Math.max(heuristic.low, f.expected));
    return { output: { low: heuristic.low, expected, max: heuristic.max }, source: this.source, sample: f.sample, cache };
  }

  /** What the calibration rests on, for the estimate's notes. */
  reasons(): string[] {
    return [...this.reasonTexts.values()];
  }

  private figures(shape: ShapeKey): ShapeFigures {
    let f = this.byShape.get(shape.id);
    if (f !== undefined) return f;
    if (this.history.length === 0) {
      f = { expected: null, sample: 0, cache: null };
    } else {
      const p = predict(this.history, shape);
      const c = predictCache(this.history, shape);
      f = { expected: p?.expected_per_request ?? null, sample: p?.sample ?? 0, cache: c ? { ratio: c.ratio, write_ratio: c.write_ratio } : null };
      const label = this.source === 'pilot' ? 'pilot' : 'history';
      if (p && this.reasonTexts.size < MAX_REASONS) this.reasonTexts.set(`o${shape.id}`, `${shape.model} (${label}): ${p.reason.replace('earlier run', this.source === 'pilot' ? 'pilot run' : 'earlier run')}`);
      if (c && this.reasonTexts.size < MAX_REASONS) this.reasonTexts.set(`c${shape.id}`, `${shape.model} (${label}): ${c.reason}`);
    }
    this.byShape.set(shape.id, f);
    return f;
  }
}
