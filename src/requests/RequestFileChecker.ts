// Cross-line checks, fed in line order. Holds one Set of custom_ids (plus small counters), so it scales to a million
// lines; everything else about a line is checked by validateLine alone.
import { BATCH_LIMITS } from './limits.ts';
import { quote } from './describe.ts';
import { countEmbeddingInputs } from './validateInputBodies.ts';
import type { BatchLimits, BatchRequest, SplitNote } from './types.ts';

export class RequestFileChecker {
  private readonly limits: BatchLimits;
  // custom_id -> first line; a Map costs little more than a Set and lets the message point at the first use.
  private readonly firstLineOf = new Map<string, number>();
  private readonly models = new Map<string, number>();
  private readonly urls = new Map<string, number>();
  private lines = 0;
  private bytes = 0;
  private embeddingInputs = 0;

  constructor(limits: BatchLimits = BATCH_LIMITS) {
    this.limits = limits;
  }

  /** Records a valid line; returns its cross-line problems (empty when none). `bytes` as RawLine.bytes.
   *  `embeddingInputs` defaults to countEmbeddingInputs(request.body); pass it when the body was dropped earlier. */
  add(line: number, request: BatchRequest, bytes: number, embeddingInputs?: number): string[] {
    const first = this.firstLineOf.get(request.custom_id);
    if (first !== undefined) {
      return [`duplicate custom_id ${quote(request.custom_id)} (first on line ${first})`];
    }
    this.firstLineOf.set(request.custom_id, line);
    this.lines++;
    this.bytes += bytes;
    const model = request.body.model as string;
    this.models.set(model, (this.models.get(model) ?? 0) + 1);
    this.urls.set(request.url, (this.urls.get(request.url) ?? 0) + 1);
    if (request.url === '/v1/embeddings') this.embeddingInputs += embeddingInputs ?? countEmbeddingInputs(request.body);
    return [];
  }

  /** What a single Batch API submission could not hold, so running will split the file. Never an error. */
  splitNotes(): SplitNote[] {
    const notes: SplitNote[] = [];
    const { maxLines, maxBytes, maxEmbeddingInputs } = this.limits;
    if (this.lines > maxLines) {
      notes.push({
        kind: 'lines',
        message: `${count(this.lines)} requests: a batch holds at most ${count(maxLines)}, so the file is split into several batches`,
      });
    }
    if (this.bytes > maxBytes) {
      notes.push({
        kind: 'bytes',
        message: `${megabytes(this.bytes)} of requests: a batch input file is at most ${megabytes(maxBytes)}, so the file is split into several batches`,
      });
    }
    if (this.models.size > 1) {
      notes.push({
        kind: 'models',
        message: `${this.models.size} models (${listCounts(this.models)}): a batch uses one model, so there is one batch per model`,
      });
    }
    if (this.urls.size > 1) {
      notes.push({
        kind: 'urls',
        message: `${this.urls.size} endpoints (${listCounts(this.urls)}): a batch targets one endpoint, so there is one batch per endpoint`,
      });
    }
    if (this.embeddingInputs > maxEmbeddingInputs) {
      notes.push({
        kind: 'embedding_inputs',
        message: `${count(this.embeddingInputs)} embedding inputs: an embeddings batch takes at most ${count(maxEmbeddingInputs)}, so it is split`,
      });
    }
    return notes;
  }
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function megabytes(bytes: number): string {
  // One decimal, so 200.3 MB never prints as the 200 MB it exceeds.
  return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
}

/** "gpt-4o ×3, gpt-4o-mini ×1", largest first, at most five named. */
function listCounts(counts: Map<string, number>): string {
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  const named = sorted.slice(0, 5).map(([name, n]) => `${name} ×${count(n)}`);
  if (sorted.length > 5) named.push(`${sorted.length - 5} more`);
  return named.join(', ');
}
