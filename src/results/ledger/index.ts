export type { EstimateError, Ledger, LedgerFigures, LedgerGroup } from './types.ts';
export { LedgerBook, combineLedgers } from './ledgerBook.ts';
export type { LedgerBookOptions, PricedRecord } from './ledgerBook.ts';
export { addFigures, emptyFigures, roundUsd } from './figures.ts';
export { savingClaim } from './savingClaim.ts';
export type { SavingClaim } from './savingClaim.ts';
