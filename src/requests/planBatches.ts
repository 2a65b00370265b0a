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

/** A line with its input tokens: what it holds of the model's enqueued-token queue while its batch runs. */
export interface TokenPlanLine extends PlanLine {
  tokens?: number;
}

export interface TokenBatchPart extends BatchPart {
  /** Input tokens of the part's lines (0 when the lines carried none). */
  tokens: number;
}

/** The per-batch limits, plus input tokens per part: one number for every model, or one per model (the queue limit
 *  is the account's per model). A model missing from the record has no token limit. */
export interface PlanLimits extends BatchLimits {
  maxTokens: number | Record<string, number>;
}

/** One (url, model) group per part, each part within every limit. A single line over a limit gets a part of its own
 *  (nothing smaller exists); the API will refuse that one, which is the API's call to make, not the planner's. */
export function planBatches(lines: Iterable<TokenPlanLine>, limits: Partial<PlanLimits> = {}): TokenBatchPart[] {
  const { maxLines, maxBytes, maxEmbeddingInputs } = { ...BATCH_LIMITS, ...limits };
  const maxTokens = limits.maxTokens ?? Infinity;
  const tokenCap = (model: string) => (typeof maxTokens === 'number' ? maxTokens : maxTokens[model] ?? Infinity);
  const parts: TokenBatchPart[] = [];
  // The part currently being filled for each group; a full part is replaced by a fresh one.
  const open = new Map<string, TokenBatchPart>();

  for (const item of lines) {
    const key = `${item.url}\n${item.model}`;
    const inputs = item.embeddingInputs ?? 0;
    const tokens = item.tokens ?? 0;
    let part = open.get(key);
    const fits =
      part !== undefined &&
      part.lines.length + 1 <= maxLines &&
      part.bytes + item.bytes <= maxBytes &&
      part.embeddingInputs + inputs <= maxEmbeddingInputs &&
      part.tokens + tokens <= tokenCap(item.model);
    if (!part || !fits) {
      part = { url: item.url, model: item.model, lines: [], bytes: 0, embeddingInputs: 0, tokens: 0 };
      parts.push(part);
      open.set(key, part);
    }
    part.lines.push(item.line);
    part.bytes += item.bytes;
    part.embeddingInputs += inputs;
    part.tokens += tokens;
  }
  return parts;
}

/** Cuts the lines of one group (a part the queue cannot hold) into `pieces` parts of about equal tokens, in input
 *  order: each line goes to the piece its token midpoint falls in, so every piece holds at most total/pieces plus one
 *  line, and there is no small remainder. The same lines and count always give the same pieces. Lines without
 *  tokens are cut by count. */
export function splitEvenly(lines: TokenPlanLine[], pieces: number): TokenBatchPart[] {
  const n = Math.max(1, Math.min(Math.floor(pieces), lines.length));
  const total = lines.reduce((t, l) => t + (l.tokens ?? 0), 0);
  const weight = (l: TokenPlanLine) => (total > 0 ? l.tokens ?? 0 : 1);
  const sum = total > 0 ? total : lines.length;
  const out: TokenBatchPart[] = [];
  let before = 0;
  for (const l of lines) {
    const w = weight(l);
    const k = Math.min(n - 1, Math.floor(((before + w / 2) * n) / sum));
    before += w;
    let part = out.at(-1);
    if (!part || out.length - 1 < k) {
      part = { url: l.url, model: l.model, lines: [], bytes: 0, embeddingInputs: 0, tokens: 0 };
      out.push(part);
    }
    part.lines.push(l.line);
    part.bytes += l.bytes;
    part.embeddingInputs += l.embeddingInputs ?? 0;
    part.tokens += l.tokens ?? 0;
  }
  return out;
}

/** How many equal pieces a part of these lines needs so that none holds more than `room` tokens. */
export function piecesToFit(lines: TokenPlanLine[], room: number): number {
  const total = lines.reduce((t, l) => t + (l.tokens ?? 0), 0);
  const biggest = lines.reduce((m, l) => Math.max(m, l.tokens ?? 0), 0);
  if (total <= room) return 1;
  return room > biggest ? Math.min(lines.length, Math.ceil(total / (room - biggest))) : lines.length;
}
