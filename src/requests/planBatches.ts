// Splits a request file into Batch API submissions in one pass. Parts come in the order they are opened and lines
// keep input order inside a part, so a plan reads like the file and results are easy to match back.
import { BATCH_LIMITS } from './limits.ts';
import { countEmbeddingInputs } from './validateInputBodies.ts';
import type { BatchLimits, BatchPart, BatchRequest, PlanLine } from './types.ts';

/** The facts planBatches needs from one validated line, so callers can drop the request body right after. */
export function toPlanLine(line: number, request: BatchRequest, bytes: number): PlanLine {
  const plan: PlanLine = { line, url: request.url, model: request.body.model as string, bytes };
  if (request.url === '/v1/embeddings') plan.embeddingInputs = countEmbeddingInputs(request.body);
  return plan;
}

/** One (url, model) group per part, each part within every limit. A single line over a limit gets a part of its own
 *  (nothing smaller exists); the API will refuse that one, which is the API's call to make, not the planner's. */
export function planBatches(lines: Iterable<PlanLine>, limits: Partial<BatchLimits> = {}): BatchPart[] {
  const { maxLines, maxBytes, maxEmbeddingInputs } = { ...BATCH_LIMITS, ...limits };
  const parts: BatchPart[] = [];
  // The part currently being filled for each group; a full part is replaced by a fresh one.
  const open = new Map<string, BatchPart>();

  for (const item of lines) {
    const key = `${item.url}\n${item.model}`;
    const inputs = item.embeddingInputs ?? 0;
    let part = open.get(key);
    const fits =
      part !== undefined &&
      part.lines.length + 1 <= maxLines &&
      part.bytes + item.bytes <= maxBytes &&
      part.embeddingInputs + inputs <= maxEmbeddingInputs;
    if (!part || !fits) {
      part = { url: item.url, model: item.model, lines: [], bytes: 0, embeddingInputs: 0 };
      parts.push(part);
      open.set(key, part);
    }
    part.lines.push(item.line);
    part.bytes += item.bytes;
    part.embeddingInputs += inputs;
  }
  return parts;
}
