// The history stage: what earlier runs observed per request shape, and what the next estimate can expect from it.
export type {
  AppendResult,
  CachePrediction,
  HistoryBounds,
  HistoryRead,
  InputPrediction,
  Observation,
  ObservedRequest,
  OutputPrediction,
  OutputStats,
  PredictionMatch,
  PredictOptions,
  RunInfo,
  RunMode,
  ShapeKey,
} from './types.ts';
export { RUN_MODES } from './types.ts';
export { shapeOf, prefixHash } from './shapeOf.ts';
export { observeResults } from './observeResults.ts';
export { readUsage } from './readUsage.ts';
export type { UsageCounts } from './readUsage.ts';
export { readHistory } from './readHistory.ts';
export { appendHistory } from './appendHistory.ts';
export { compactHistory, DEFAULT_BOUNDS } from './compactHistory.ts';
export { predict } from './predict.ts';
export { predictCache } from './predictCache.ts';
export { predictInputRatio } from './predictInput.ts';
export { DEFAULT_RECENT_RUNS } from './recentRuns.ts';
