// The requests of a results.jsonl that did not succeed, for annotations and messages: the first few in full, the rest
// counted. Streams the file (a run can have 50,000 lines) with the one JSONL reader.
import { readJsonlLines } from '../requests/index.ts';
import type { ResultRecord } from '../results/types.ts';

export interface Failure {
  line: number;
  custom_id: string;
  status: ResultRecord['status'];
  message: string;
}

export async function collectFailures(resultsPath: string, limit: number): Promise<{ shown: Failure[]; total: number }> {
  const shown: Failure[] = [];
  let total = 0;
  for await (const raw of readJsonlLines(resultsPath)) {
    let r: ResultRecord;
    try {
      r = JSON.parse(raw.text) as ResultRecord;
    } catch {
      continue;
    }
    if (r.status === 'succeeded') continue;
    total++;
    if (shown.length < limit) {
      const message = r.error ? `${r.error.code}: ${r.error.message}` : r.status;
      shown.push({ line: r.line, custom_id: r.custom_id, status: r.status, message });
    }
  }
  return { shown, total };
}
