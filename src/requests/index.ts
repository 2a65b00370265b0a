// The requests stage: read a JSONL request file as a stream, validate each line, check across lines, plan batches.
export { readJsonlLines, readJsonlStream, readJsonlChunks, linesOfChunk, INVALID_UTF8 } from './readJsonl.ts';
export type { LineChunk } from './readJsonl.ts';
export { validateLine, MAX_PROBLEMS_PER_LINE, CUSTOM_ID_WARN_LENGTH } from './validateLine.ts';
export { RequestFileChecker } from './RequestFileChecker.ts';
export { planBatches, toPlanLine } from './planBatches.ts';
export { countEmbeddingInputs, MAX_EMBEDDING_INPUTS_PER_REQUEST } from './validateInputBodies.ts';
export { CHAT_ROLES } from './validateChatBody.ts';
export { BATCH_LIMITS } from './limits.ts';
export { ENDPOINTS, RequestFileError } from './types.ts';
export type {
  BatchLimits,
  BatchPart,
  BatchRequest,
  Endpoint,
  LineProblem,
  LineValidation,
  PlanLine,
  RawLine,
  SplitNote,
} from './types.ts';
