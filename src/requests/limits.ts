import type { BatchLimits } from './types.ts';

/** The OpenAI Batch API's per-batch limits (shared/reference/batch-api.md, "Input file" and NODE docstrings). */
export const BATCH_LIMITS: BatchLimits = {
  maxLines: 50_000,
  maxBytes: 200 * 1024 * 1024,
  maxEmbeddingInputs: 50_000,
};
