// The join stage (after results): a run's results.jsonl back onto the user's table.
export { joinResults } from './joinResults.ts';
export { renderJoinSummary } from './renderJoinSummary.ts';
export { answerOf, declaresJson } from './answerOf.ts';
export type { Answer } from './answerOf.ts';
export { answerParser } from './parseAnswer.ts';
export type { AnswerParser, ParseOutcome } from './parseAnswer.ts';
export { JoinError } from './errors.ts';
export type { IdSample, JoinOptions, JoinSummary } from './types.ts';
