// Answers into columns: a JSON object's fields (structured outputs, or --parse json), or a regex's named groups
// (--parse REGEX). An answer that does not parse is not an error of the run — it is a row to ask again (seed 002's
// "format is not aligned").
import { cellText } from '../prepare/index.ts';
import { JoinError } from './errors.ts';

export type ParseOutcome = { fields: Record<string, string> } | { problem: string };

export interface AnswerParser {
  /** 'json', or the regex's source. */
  kind: string;
  /** Columns known before any answer is read (a regex's group names); JSON fields are learnt from the answers. */
  columns: string[];
  parse(text: string): ParseOutcome;
}

/** `parse` is 'json' or a regular expression's source with at least one named group. */
export function answerParser(parse: string): AnswerParser {
  if (parse === 'json') return { kind: 'json', columns: [], parse: parseJsonAnswer };
  let re: RegExp;
  try {
    // u: a group like (?<이름>…) and Korean text behave; no other flags (anchor with ^…$ when needed).
    re = new RegExp(parse, 'u');
  } catch (err) {
    throw new JoinError(`--parse: not a valid regular expression: ${(err as Error).message}`);
  }
  // An added empty alternative always matches, and its match lists every named group of the expression.
  const names = Object.keys(new RegExp(`${parse}|`, 'u').exec('')?.groups ?? {});
  if (names.length === 0) throw new JoinError(`--parse: the expression has no named group; name what becomes a column, e.g. (?<label>\\w+)`);
  return {
    kind: parse,
    columns: names,
    parse(text) {
      const m = re.exec(text);
      if (!m) return { problem: `does not match /${parse}/` };
      return { fields: Object.fromEntries(names.map((n) => [n, m.groups?.[n] ?? ''])) };
    },
  };
}

/** Models asked for JSON without structured outputs often fence it (```json … ```); the fence is not the answer. */
const FENCED = /^\s*```[a-zA-Z]*\s*\n([\s\S]*?)\n?```\s*$/;

function parseJsonAnswer(text: string): ParseOutcome {
  const body = FENCED.exec(text)?.[1] ?? text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (err) {
    return { problem: `not JSON (${(err as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: 'JSON, but not an object' };
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) fields[k] = cellText(v);
  return { fields };
}
