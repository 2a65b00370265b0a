// results.jsonl for the join, indexed by custom_id. Answers can be large and many, so the index keeps each line's
// position (the results stage's scanLines / readLineAt) and reads a row's result back when the row is written: memory
// stays flat however long the answers are. The first pass also learns the parsed fields' names (JSON answers may each
// bring their own), because a CSV header is written before any row.
import { closeSync, openSync } from 'node:fs';
import type { LineProblem } from '../requests/types.ts';
import { DataFileError } from '../prepare/index.ts';
import { readLineAt, scanLines, usageTokens } from '../results/index.ts';
import type { ResultRecord } from '../results/types.ts';
import { answerOf, declaresJson } from './answerOf.ts';
import { answerParser } from './parseAnswer.ts';
import type { AnswerParser } from './parseAnswer.ts';

/** One result as a row of the joined table needs it. */
export interface JoinedResult {
  status: string;
  answer: string;
  fields: Record<string, string> | null;
  /** Why a succeeded answer that should have parsed did not; null when it parsed or was not to be parsed. */
  unparsed: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  cost_usd: number | null;
  error: string;
}

interface Entry {
  offset: number;
  length: number;
  matched: boolean;
}

const JSON_PARSER = answerParser('json');

export class ResultIndex {
  /** Parsed field names in first-seen order (a regex's groups, or JSON keys as met). */
  readonly fieldColumns: string[];
  readonly parsed: number;
  private readonly entries: Map<string, Entry>;
  private readonly parser: AnswerParser | null;
  private fd: number;

  private constructor(path: string, entries: Map<string, Entry>, fieldColumns: string[], parsed: number, parser: AnswerParser | null) {
    this.entries = entries;
    this.fieldColumns = fieldColumns;
    this.parsed = parsed;
    this.parser = parser;
    this.fd = openSync(path, 'r');
  }

  /** `parser` applies to every succeeded text answer; with none, a Responses body that declares JSON is still parsed. */
  static async build(path: string, parser: AnswerParser | null): Promise<ResultIndex> {
    const entries = new Map<string, Entry>();
    const fields = new Set<string>(parser?.columns ?? []);
    const problems: LineProblem[] = [];
    let parsed = 0;
    // results.jsonl is written without blank lines, so counting lines read gives the line number.
    let line = 0;
    for await (const located of scanLines(path)) {
      line++;
      const record = parseRecord(located.text);
      if (typeof record === 'string') {
        problems.push({ line, reason: record });
        continue;
      }
      if (entries.has(record.custom_id)) {
        problems.push({ line, reason: `custom_id ${JSON.stringify(record.custom_id)} appears twice` });
        continue;
      }
      entries.set(record.custom_id, { offset: located.offset, length: located.length, matched: false });
      const joined = toJoined(record, parser);
      if (joined.fields) {
        parsed++;
        for (const k of Object.keys(joined.fields)) fields.add(k);
      }
    }
    if (problems.length > 0) throw new DataFileError(path, problems);
    return new ResultIndex(path, entries, [...fields], parsed, parser);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The result for a row's custom_id (marked as matched), or undefined when results.jsonl has none. */
  take(id: string): JoinedResult | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    entry.matched = true;
    return toJoined(JSON.parse(readLineAt(this.fd, entry.offset, entry.length)) as ResultRecord, this.parser);
  }

  /** custom_ids no row asked for, in file order. */
  unmatched(): string[] {
    return [...this.entries].filter(([, e]) => !e.matched).map(([id]) => id);
  }

  firstIds(n: number): string[] {
    return [...this.entries.keys()].slice(0, n);
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}

function parseRecord(text: string): ResultRecord | string {
  let record: ResultRecord;
  try {
    record = JSON.parse(text) as ResultRecord;
  } catch (err) {
    return `not valid JSON: ${(err as Error).message}`;
  }
  if (typeof record?.custom_id !== 'string' || typeof record.status !== 'string') {
    return 'not a batchwise result line (needs custom_id and status)';
  }
  return record;
}

function toJoined(record: ResultRecord, parser: AnswerParser | null): JoinedResult {
  const answer = record.status === 'succeeded' ? answerOf(record.response) : null;
  const rowParser = parser ?? (declaresJson(record.response) ? JSON_PARSER : null);
  let fields: Record<string, string> | null = null;
  let unparsed: string | null = null;
  if (rowParser && answer?.kind === 'text') {
    const outcome = rowParser.parse(answer.text!);
    if ('fields' in outcome) fields = outcome.fields;
    else unparsed = outcome.problem;
  } else if (rowParser && answer && answer.kind !== 'embedding') {
    // A refusal or an empty answer did not give the fields either: worth asking again.
    unparsed = answer.kind === 'refusal' ? 'the model refused' : 'no answer text';
  }
  const tokens = record.usage ? usageTokens(record.usage) : null;
  return {
    status: record.status,
    answer: answer?.text ?? '',
    fields,
    unparsed,
    input_tokens: tokens?.input ?? null,
    output_tokens: tokens?.output ?? null,
    cost_usd: typeof record.cost_usd === 'number' ? record.cost_usd : null,
    error: record.error ? `${record.error.code}: ${record.error.message}` : '',
  };
}
