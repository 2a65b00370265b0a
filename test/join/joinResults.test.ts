import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { joinResults, JoinError } from '../../src/join/index.ts';
import { prepareRequests, DataFileError } from '../../src/prepare/index.ts';
import { tempDir } from '../helpers.ts';
import { writeTable } from '../prepare/helpers.ts';
import { chatBody, failed, succeeded, writeResultsFile } from './helpers.ts';

const readCsv = (path: string): string[][] => parse(readFileSync(path, 'utf8'), { relax_column_count: false });
const SCHEMA = { type: 'object', properties: { sentiment: { type: 'string' }, reason: { type: 'string' } }, required: ['sentiment', 'reason'] };

test('every row keeps its columns, with answer, status, tokens, cost and error; failed and missing rows too', async () => {
  const dir = tempDir();
  const data = writeTable('people.csv', '\uFEFFid,name,note\r\nk1,"Kim, Minsu","said ""hi""\nthen left"\r\nk2,김민수,\r\nk3,Lee,x\r\nk4,박,y\r\n', dir);
  const results = writeResultsFile(dir, [
    succeeded('k1', 1, chatBody('안녕하세요, "world"'), 0.0015),
    failed('k2', 2, 'failed', 'server_error', 'The server had an error'),
    failed('k3', 3, 'expired', 'batch_expired', 'This request could not be executed before the completion window expired.'),
  ]);
  const out = join(dir, 'joined.csv');
  const s = await joinResults({ data, results, out, idColumn: 'id' });
  assert.deepEqual(readCsv(out), [
    ['id', 'name', 'note', 'answer', 'status', 'input_tokens', 'output_tokens', 'cost_usd', 'error'],
    ['k1', 'Kim, Minsu', 'said "hi"\nthen left', '안녕하세요, "world"', 'succeeded', '20', '7', '0.0015', ''],
    ['k2', '김민수', '', '', 'failed', '', '', '', 'server_error: The server had an error'],
    ['k3', 'Lee', 'x', '', 'expired', '', '', '', 'batch_expired: This request could not be executed before the completion window expired.'],
    ['k4', '박', 'y', '', 'missing', '', '', '', 'no result for custom_id "k4"'],
  ]);
  assert.deepEqual(s.statuses, { succeeded: 1, failed: 1, expired: 1, missing: 1 });
  assert.equal(s.rows, 4);
  assert.equal(s.cost_usd, 0.0015);
  assert.equal(s.parse, null);
  assert.equal(s.unparsed.count, 0);
});

test('without an id column rows match row-N (the rule prepare used) and custom_id is a column', async () => {
  const dir = tempDir();
  const data = writeTable('q.jsonl', [JSON.stringify({ q: 'a', n: 1 }), JSON.stringify({ q: 'b', extra: true })].join('\n'), dir);
  const requests = join(dir, 'requests.jsonl');
  await prepareRequests({ data, out: requests, model: 'gpt-4o-mini', prompt: '{{q}}' });
  const ids = readFileSync(requests, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l).custom_id);
  const results = writeResultsFile(dir, ids.map((id, i) => succeeded(id, i + 1, chatBody(`answer ${i + 1}`))));
  const out = join(dir, 'out.csv');
  await joinResults({ data, results, out });
  // JSONL rows need not share keys: the columns are every key, in first-seen order.
  assert.deepEqual(readCsv(out).map((r) => r.slice(0, 6)), [
    ['q', 'n', 'extra', 'custom_id', 'answer', 'status'],
    ['a', '1', '', 'row-1', 'answer 1', 'succeeded'],
    ['b', '', 'true', 'row-2', 'answer 2', 'succeeded'],
  ]);
});

test('structured answers: JSON fields become columns; unparsed answers are rebuilt from their rows exactly as prepared', async () => {
  const dir = tempDir();
  const data = writeTable('reviews.csv', 'id,review\nr1,좋아요\nr2,"Bad, ""very"" bad"\nr3,meh\nr4,ok\n', dir);
  const schema = join(dir, 'sentiment.json');
  writeFileSync(schema, JSON.stringify(SCHEMA));
  const spec = { model: 'gpt-4o-mini', template: writeTable('prompt.txt', 'Review: {{review}}\n', dir), responseFormat: schema, maxTokens: 100 };
  const requests = join(dir, 'requests.jsonl');
  await prepareRequests({ ...spec, data, idColumn: 'id', out: requests });
  const prepared = readFileSync(requests, 'utf8').trimEnd().split('\n');

  const results = writeResultsFile(dir, [
    succeeded('r1', 1, chatBody(JSON.stringify({ sentiment: 'positive', reason: '좋다고 함' }))),
    // A fenced block is still the JSON the model meant.
    succeeded('r2', 2, chatBody('```json\n{"sentiment": "negative", "reason": "said bad"}\n```')),
    succeeded('r3', 3, chatBody('("neutral", "meh")')),
    failed('r4', 4, 'failed', 'rate_limit_exceeded', 'Too many requests'),
  ]);
  const out = join(dir, 'joined.csv');
  const s = await joinResults({ data, results, out, idColumn: 'id', prepare: spec });
  const rows = readCsv(out);
  assert.deepEqual(rows[0], ['id', 'review', 'answer', 'sentiment', 'reason', 'status', 'input_tokens', 'output_tokens', 'cost_usd', 'error']);
  assert.deepEqual(rows.slice(1).map((r) => [r[0], r[3], r[4], r[5], r[9]]), [
    ['r1', 'positive', '좋다고 함', 'succeeded', ''],
    ['r2', 'negative', 'said bad', 'succeeded', ''],
    ['r3', '', '', 'succeeded', `unparsed: not JSON (${jsonError('("neutral", "meh")')})`],
    ['r4', '', '', 'failed', 'rate_limit_exceeded: Too many requests'],
  ]);
  assert.equal(s.parse, 'json');
  assert.equal(s.parsed, 2);
  assert.deepEqual(s.unparsed, { count: 1, ids: ['r3'] });
  assert.equal(s.unparsed_path, join(dir, 'unparsed.jsonl'));
  // Rebuilt from the row and the template: the very line prepare wrote for r3.
  assert.equal(readFileSync(s.unparsed_path!, 'utf8'), prepared[2] + '\n');

  // From the request file (what `run --join` passes): the same line, and JSON parsing is inferred from it.
  const again = await joinResults({ data, results, out, idColumn: 'id', requests });
  assert.equal(again.parse, 'json');
  assert.equal(readFileSync(again.unparsed_path!, 'utf8'), prepared[2] + '\n');
});

function jsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('unreachable');
}

test('--parse REGEX: named groups become columns; answers that do not match are listed', async () => {
  const dir = tempDir();
  const data = writeTable('pairs.csv', 'text\nA\nB\nC\n', dir);
  const results = writeResultsFile(dir, [
    succeeded('row-1', 1, chatBody('output : 사과 | apple')),
    succeeded('row-2', 2, chatBody('output : ("배", "pear")')),
    succeeded('row-3', 3, chatBody('output : 감 | persimmon')),
  ]);
  const out = join(dir, 'joined.csv');
  const s = await joinResults({ data, results, out, parse: '^output : (?<ko>.+?) \\| (?<en>.+)$' });
  const rows = readCsv(out);
  assert.deepEqual(rows[0].slice(0, 5), ['text', 'custom_id', 'answer', 'ko', 'en']);
  assert.deepEqual(rows.slice(1).map((r) => [r[3], r[4]]), [['사과', 'apple'], ['', ''], ['감', 'persimmon']]);
  assert.equal(s.parsed, 2);
  assert.deepEqual(s.unparsed, { count: 1, ids: ['row-2'] });
  // Neither --requests nor prepare options: nothing to write the retry file from, so none is written.
  assert.equal(s.unparsed_path, null);
  assert.equal(existsSync(join(dir, 'unparsed.jsonl')), false);

  await assert.rejects(joinResults({ data, results, out, parse: '(' }), /--parse: not a valid regular expression/);
  await assert.rejects(joinResults({ data, results, out, parse: '^output' }), (err: unknown) => err instanceof JoinError && /no named group/.test(err.message));
});

test('a Responses body that declares a JSON format is parsed without --parse; embeddings show their length and never "unparse"', async () => {
  const dir = tempDir();
  const data = writeTable('d.csv', 'text\na\nb\n', dir);
  const response = (text: string) => ({
    object: 'response', status: 'completed', text: { format: { type: 'json_schema', name: 'x' } },
    output: [{ type: 'message', role: 'assistant', content: [{ type: 'output_text', text, annotations: [] }] }],
    usage: { input_tokens: 11, output_tokens: 5, total_tokens: 16 },
  });
  const results = writeResultsFile(dir, [succeeded('row-1', 1, response('{"label":"x","score":0.5}')), succeeded('row-2', 2, response('{"label":'))]);
  const out = join(dir, 'o.csv');
  const s = await joinResults({ data, results, out });
  assert.deepEqual(readCsv(out).map((r) => r.slice(3, 7)), [['label', 'score', 'status', 'input_tokens'], ['x', '0.5', 'succeeded', '11'], ['', '', 'succeeded', '11']]);
  assert.deepEqual(s.unparsed.ids, ['row-2']);

  const emb = { object: 'list', data: [{ object: 'embedding', index: 0, embedding: [0.1, 0.2, 0.3] }], usage: { prompt_tokens: 2, total_tokens: 2 } };
  const r2 = writeResultsFile(dir, [succeeded('row-1', 1, emb), succeeded('row-2', 2, emb)]);
  const e = await joinResults({ data, results: r2, out, parse: 'json' });
  assert.equal(e.unparsed.count, 0);
  assert.match(readCsv(out)[1][2], /\b3\b/, 'the cell says the vector has 3 numbers');
});

test('a stale unparsed.jsonl is removed when this join has none', async () => {
  const dir = tempDir();
  const data = writeTable('d.csv', 'text\na\n', dir);
  const stale = join(dir, 'unparsed.jsonl');
  writeFileSync(stale, '{"old": true}\n');
  const results = writeResultsFile(dir, [succeeded('row-1', 1, chatBody('{"a": 1}'))]);
  const s = await joinResults({ data, results, out: join(dir, 'o.csv'), parse: 'json', prepare: { model: 'gpt-4o-mini', prompt: '{{text}}' } });
  assert.equal(s.unparsed_path, null);
  assert.equal(existsSync(stale), false);
});

test('the table\'s own column names win; ours get a result_ prefix', async () => {
  const dir = tempDir();
  const data = writeTable('d.csv', 'answer,status\nmine,open\n', dir);
  const results = writeResultsFile(dir, [succeeded('row-1', 1, chatBody('{"status":"closed"}'))]);
  const out = join(dir, 'o.csv');
  await joinResults({ data, results, out, parse: 'json' });
  assert.deepEqual(readCsv(out), [
    ['answer', 'status', 'custom_id', 'result_answer', 'result_status', 'result_status_3', 'input_tokens', 'output_tokens', 'cost_usd', 'error'],
    ['mine', 'open', 'row-1', '{"status":"closed"}', 'closed', 'succeeded', '20', '7', '0.001', ''],
  ]);
});

test('ids that match nothing say which rule to use; unknown id columns and bad results files are clear errors', async () => {
  const dir = tempDir();
  const data = writeTable('d.csv', 'key,text\nq1,a\nq2,b\n', dir);
  const results = writeResultsFile(dir, [succeeded('q1', 1, chatBody('x')), succeeded('q9', 2, chatBody('y'))]);
  const out = join(dir, 'o.csv');
  await assert.rejects(joinResults({ data, results, out }), (err: unknown) => {
    assert.ok(err instanceof JoinError);
    assert.match(err.message, /custom_ids like "q1", "q9", the rows give row-1, row-2, … \(no --id-column\)\. Pass the --id-column that prepare used/);
    return true;
  });
  assert.equal(existsSync(out), false, 'a join that matched nothing leaves no table behind');
  await assert.rejects(joinResults({ data, results, out, idColumn: 'id' }), /--id-column "id" is not a column of .*d\.csv \(columns: key, text\)/);
  const s = await joinResults({ data, results, out, idColumn: 'key' });
  assert.deepEqual(s.unmatched_results, { count: 1, ids: ['q9'] });
  assert.equal(s.statuses.missing, 1);

  const bad = join(dir, 'bad.jsonl');
  writeFileSync(bad, '{"custom_id":"q1","status":"succeeded"}\n{"nope":1}\n{"custom_id":"q1","status":"failed"}\n');
  await assert.rejects(joinResults({ data, results: bad, out, idColumn: 'key' }), (err: unknown) => {
    assert.ok(err instanceof DataFileError);
    assert.deepEqual(err.problems.map((p) => p.line), [2, 3]);
    assert.match(err.message, /:3: custom_id "q1" appears twice/);
    return true;
  });
});

test('a run folder: unparsed answers are written from the request file its state.json names, with no --requests', async () => {
  const dir = tempDir();
  const data = writeTable('pairs.csv', 'text\nA\nB\n', dir);
  const requestLines = ['A', 'B'].map((t, i) => JSON.stringify({ custom_id: `row-${i + 1}`, method: 'POST', url: '/v1/chat/completions', body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: t }] } }));
  const requestFile = join(dir, 'requests.jsonl');
  writeFileSync(requestFile, requestLines.join('\n') + '\n');
  writeFileSync(join(dir, 'state.json'), JSON.stringify({ version: 1, input_file: requestFile }));
  const results = writeResultsFile(dir, [
    succeeded('row-1', 1, chatBody('output : 사과 | apple')),
    succeeded('row-2', 2, chatBody('not in the format')),
  ]);
  const s = await joinResults({ data, results, out: join(dir, 'joined.csv'), parse: '^output : (?<ko>.+?) \\| (?<en>.+)$' });
  assert.deepEqual(s.unparsed, { count: 1, ids: ['row-2'] });
  assert.equal(readFileSync(join(dir, 'unparsed.jsonl'), 'utf8'), requestLines[1] + '\n');
  await assert.rejects(joinResults({ data, results, out: join(dir, 'joined.csv'), requests: join(dir, 'nope.jsonl') }), /--requests .*no such file/);
});
