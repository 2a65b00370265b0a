// The prepare stage (left of requests): rows of a user's table → Batch API request lines. join reuses its row reader
// and its custom_id rule, so a row and its answer always meet again.
export { prepareRequests } from './prepareRequests.ts';
export { compileTemplate } from './requestTemplate.ts';
export type { RequestTemplate } from './requestTemplate.ts';
export { readDataRows, readDataColumns, dataFormatOf, cellText } from './readDataRows.ts';
export { rowCustomId, IdRegistry } from './customId.ts';
export { placeholdersIn, fillPlaceholders, missingColumns } from './placeholders.ts';
export { loadResponseFormat, applyResponseFormat } from './responseFormat.ts';
export { DataFileError, TemplateError } from './errors.ts';
export { ENDPOINT_URLS } from './types.ts';
export type { DataFormat, DataRow, EndpointName, PrepareOptions, PrepareResult, RequestSpec, RowSource } from './types.ts';
