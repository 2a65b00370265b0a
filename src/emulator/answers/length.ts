// How long an emulated answer is, and how much the model reasons first. Our model, not OpenAI's (see README):
// requests of one shape (model + system prompt / instructions + output format) share a mean; each request draws its
// own length around it, lognormally, so a file's average is stable and single answers vary as real ones do.
import { createHash } from 'node:crypto';
import { hashUnit } from '../random.ts';

/** Spread of one answer's length around its shape's mean (coefficient of variation). */
export const LENGTH_CV = 0.3;
/** Reasoning varies more than the visible answer. */
export const REASONING_CV = 0.5;
/** Shape means are spread log-uniformly over this range (tokens), before the model's factor. */
const SHAPE_MEAN_MIN = 60;
const SHAPE_MEAN_MAX = 500;
/** A model answers this much longer or shorter than another on the same shape: 0.75× to 1.35×. */
const MODEL_FACTOR_MIN = 0.75;
const MODEL_FACTOR_SPAN = 0.6;

/** Reasoning tokens per token of the shape's mean answer, by effort. "none"/"minimal" reason not at all (OpenAI
 *  documents that); the multipliers are ours, in the 3–5× range third-party measurements report for medium. */
export const EFFORT_FACTOR: Record<string, number> = { none: 0, minimal: 0, low: 1, medium: 3, high: 7, xhigh: 12 };
export const REASONING_EFFORTS = Object.keys(EFFORT_FACTOR);
/** The effort a reasoning model uses when the request names none (documented for o-series and gpt-5; guessed for
 *  newer models, some of which default to "none"). */
export const DEFAULT_EFFORT = 'medium';

/** What makes two requests "the same kind of work": their leading system / developer text and output format. */
export function shapeOf(parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64');
}

/** The mean answer length (tokens) of a shape on a model (`modelKey`: the catalog key, so snapshots agree). */
export function shapeMean(seed: number, modelKey: string, shape: string): number {
  const u = hashUnit(seed, 'shape-mean', shape);
  const base = Math.exp(Math.log(SHAPE_MEAN_MIN) + u * (Math.log(SHAPE_MEAN_MAX) - Math.log(SHAPE_MEAN_MIN)));
  return base * (MODEL_FACTOR_MIN + MODEL_FACTOR_SPAN * hashUnit(seed, 'model-factor', modelKey));
}

/** A standard normal draw fixed by the parts (Box–Muller on two hashed uniforms). */
function normal(seed: number, ...parts: (string | number)[]): number {
  const u1 = Math.max(hashUnit(seed, 'normal-1', ...parts), 1e-12);
  const u2 = hashUnit(seed, 'normal-2', ...parts);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** A lognormal draw with the given mean and coefficient of variation. */
function lognormal(mean: number, cv: number, z: number): number {
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  return mean * Math.exp(sigma * z - (sigma * sigma) / 2);
}

export interface LengthPlan {
  /** Visible tokens of the finished answer (before any cap). */
  visible: number;
  /** Reasoning tokens the model spends before answering (before any cap). */
  reasoning: number;
}

/** The uncapped lengths of choice `index` of the request whose answer key is `key`. */
export function planLength(seed: number, modelKey: string, shape: string, key: string, index: number, effortFactor: number): LengthPlan {
  const mean = shapeMean(seed, modelKey, shape);
  const visible = Math.max(1, Math.round(lognormal(mean, LENGTH_CV, normal(seed, 'visible', key, index))));
  const reasoning = effortFactor > 0 ? Math.max(1, Math.round(lognormal(mean * effortFactor, REASONING_CV, normal(seed, 'reasoning', key, index)))) : 0;
  return { visible, reasoning };
}
