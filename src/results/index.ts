// The results stage: every request's latest outcome, merged in input order into results.jsonl and results.csv.
export type { ResultError, ResultRecord, ResultStatus, Usage } from './types.ts';
export { classifyBatchLine, isRetryableStatus, tryClassifyBatchLine } from './classifyBatchLine.ts';
export type { BatchLineOutcome } from './classifyBatchLine.ts';
export { openJournal, parseJournalLine } from './journal.ts';
export type { Journal, JournalEntry } from './journal.ts';
export { OutcomeIndex } from './outcomeIndex.ts';
export { scanLines, readLineAt } from './scanLines.ts';
export { usageCostUsd, usageTokens } from '../pricing/index.ts';
export { answerText } from './answerText.ts';
export { writeResults, CSV_COLUMNS } from './writeResults.ts';
export type { ResultsTally, WriteResultsOptions } from './writeResults.ts';
export { LedgerBook, combineLedgers, savingClaim, roundUsd } from './ledger/index.ts';
export type { Ledger, LedgerFigures, LedgerGroup, SavingClaim } from './ledger/index.ts';
