import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareRequests, readDataRows, DataFileError, TemplateError } from '../../src/prepare/index.ts';
import { validateLine } from '../../src/requests/index.ts';
import { tempDir } from '../helpers.ts';
import { writeTable } from './helpers.ts';

type Line = { custom_id: string; method: string; url: string; body: Record<string, any> };
const readLines = (path: string): Line[] => readFileSync(path, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));

// Quotes, commas, LF and CRLF inside quoted fields, Korean, an empty value and a BOM: what spreadsheets export.
const TRICKY_CSV =
  '\uFEFFid,name,note\r\n' +
  'a1,"Kim, Minsu","He said ""hi"""\r\n' +
  'a2,김민수,"첫 줄\n둘째 줄"\r\n' +
  'a3,"Lee\r\nJi-eun",\r\n' +
  'a4,박서준,"emoji 🎉 and tab\there"\r\n';
const TRICKY_VALUES = [
  { id: 'a1', name: 'Kim, Minsu', note: 'He said "hi"' },
  { id: 'a2', name: '김민수', note: '첫 줄\n둘째 줄' },
  { id: 'a3', name: 'Lee\r\nJi-eun', note: '' },
  { id: 'a4', name: '박서준', note: 'emoji 🎉 and tab\there' },
];

test('a CSV with a BOM, quotes, embedded newlines and Korean reads back value for value, with start lines', async () => {
  const csv = writeTable('people.csv', TRICKY_CSV);
  const rows = [];
  for await (const r of readDataRows(csv)) rows.push(r);
  assert.deepEqual(rows.map((r) => r.values), TRICKY_VALUES);
  assert.deepEqual(rows.map((r) => r.row), [1, 2, 3, 4]);
  // a2 starts on line 3 and spans two lines, so a3 starts on line 5.
  assert.deepEqual(rows.map((r) => r.line), [2, 3, 5, 7]);
});

test('prepare round trip: every row becomes one valid request whose prompt holds the exact values', async () => {
  const dir = tempDir();
  const csv = writeTable('people.csv', TRICKY_CSV, dir);
  const out = join(dir, 'requests.jsonl');
  const result = await prepareRequests({
    data: csv, out, model: 'gpt-4o-mini', idColumn: 'id', maxTokens: 50,
    prompt: 'Name: {{name}}\nNote: {{ note }}', system: 'Answer about {{name}} in Korean.',
  });
  assert.equal(result.requests, 4);
  assert.equal(result.endpoint, '/v1/chat/completions');
  const lines = readLines(out);
  assert.deepEqual(lines.map((l) => l.custom_id), ['a1', 'a2', 'a3', 'a4']);
  lines.forEach((l, i) => {
    const v = TRICKY_VALUES[i];
    assert.deepEqual(l.body.messages, [
      { role: 'system', content: `Answer about ${v.name} in Korean.` },
      { role: 'user', content: `Name: ${v.name}\nNote: ${v.note}` },
    ]);
    assert.equal(l.body.model, 'gpt-4o-mini');
    assert.equal(l.body.max_completion_tokens, 50);
  });
  const text = readFileSync(out, 'utf8');
  assert.ok(text.includes('김민수'), 'Korean is written as is');
  assert.ok(!text.includes('\\u'), 'nothing is \\u-escaped');
  for (const [i, raw] of text.trimEnd().split('\n').entries()) assert.deepEqual(validateLine(raw, i + 1).problems, []);
});

test('without an id column, custom_ids are row-1, row-2… counting data rows, not file lines', async () => {
  const dir = tempDir();
  const csv = writeTable('t.csv', 'q\n"multi\nline"\nsecond\n', dir);
  const out = join(dir, 'r.jsonl');
  await prepareRequests({ data: csv, out, model: 'gpt-4o-mini', prompt: '{{q}}' });
  assert.deepEqual(readLines(out).map((l) => l.custom_id), ['row-1', 'row-2']);
});

test('a template column the CSV header lacks is one error naming it; nothing is written', async () => {
  const dir = tempDir();
  const csv = writeTable('t.csv', 'id,text\n1,a\n2,b\n', dir);
  const out = join(dir, 'r.jsonl');
  await assert.rejects(
    prepareRequests({ data: csv, out, model: 'gpt-4o-mini', prompt: '{{text}} {{txet}}' }),
    (err: unknown) => {
      assert.ok(err instanceof DataFileError);
      assert.equal(err.problems.length, 1);
      assert.match(err.message, /t\.csv:1: the template uses \{\{txet\}\} but the header has no column "txet" \(columns: "id", "text"\)/);
      return true;
    },
  );
  assert.equal(existsSync(out), false);
});

test('JSONL rows lacking a field are named with their row and line; empty values are fine', async () => {
  const dir = tempDir();
  const data = writeTable('q.jsonl', [
    JSON.stringify({ q: 'first', lang: 'en' }),
    '',
    JSON.stringify({ q: 'second' }),
    JSON.stringify({ q: '', lang: '' }),
    JSON.stringify({ lang: 'ko' }),
  ].join('\n') + '\n', dir);
  const out = join(dir, 'r.jsonl');
  await assert.rejects(prepareRequests({ data, out, model: 'gpt-4o-mini', prompt: '{{q}} ({{lang}})' }), (err: unknown) => {
    assert.ok(err instanceof DataFileError);
    assert.deepEqual(err.problems.map((p) => [p.line, p.reason]), [
      [3, 'row 2 has no column "lang" (used as {{lang}} in the template)'],
      [5, 'row 4 has no column "q" (used as {{q}} in the template)'],
    ]);
    return true;
  });
  assert.equal(existsSync(out), false);
});

test('duplicate ids are reported with both rows, empty ids too, and every problem at once', async () => {
  const dir = tempDir();
  const csv = writeTable('t.csv', 'id,text\nx,a\ny,b\nx,c\n ,d\ny,e\n', dir);
  await assert.rejects(prepareRequests({ data: csv, out: join(dir, 'r.jsonl'), model: 'gpt-4o-mini', prompt: '{{text}}', idColumn: 'id' }), (err: unknown) => {
    assert.ok(err instanceof DataFileError);
    assert.deepEqual(err.message.split('\n'), [
      `${csv}:4: row 3 repeats the id "x" of row 1 (line 2)`,
      `${csv}:5: row 4 has an empty id in column "id"`,
      `${csv}:6: row 5 repeats the id "y" of row 2 (line 3)`,
    ]);
    return true;
  });
});

test('problems are capped in the message and counted', async () => {
  const dir = tempDir();
  const rows = Array.from({ length: 31 }, (_, i) => JSON.stringify(i === 0 ? { a: '1' } : { b: String(i) }));
  const data = writeTable('d.jsonl', rows.join('\n'), dir);
  await assert.rejects(prepareRequests({ data, out: join(dir, 'r.jsonl'), model: 'gpt-4o-mini', prompt: '{{a}}' }), (err: unknown) => {
    assert.ok(err instanceof DataFileError);
    assert.equal(err.problems.length, 30);
    const lines = err.message.split('\n');
    assert.equal(lines.length, 21);
    assert.equal(lines[20], `…and 10 more problems in ${data}`);
    return true;
  });
});

test('JSONL values: numbers, booleans and objects are shown as JSON, null as empty', async () => {
  const dir = tempDir();
  const data = writeTable('d.jsonl', JSON.stringify({ n: 3, ok: true, tags: ['a', 'b'], none: null, s: '문자' }) + '\n', dir);
  const out = join(dir, 'r.jsonl');
  await prepareRequests({ data, out, model: 'gpt-4o-mini', prompt: '{{n}}|{{ok}}|{{tags}}|{{none}}|{{s}}' });
  assert.equal(readLines(out)[0].body.messages[0].content, '3|true|["a","b"]||문자');
});

test('responses and embeddings endpoints put the text where each reads it', async () => {
  const dir = tempDir();
  const data = writeTable('d.csv', 'text\nhello\n', dir);
  const out = join(dir, 'r.jsonl');
  await prepareRequests({ data, out, model: 'gpt-4o-mini', prompt: 'Say {{text}}', system: 'Be brief about {{text}}', endpoint: 'responses', maxTokens: 64 });
  assert.deepEqual(readLines(out)[0], {
    custom_id: 'row-1', method: 'POST', url: '/v1/responses',
    body: { model: 'gpt-4o-mini', input: 'Say hello', instructions: 'Be brief about hello', max_output_tokens: 64 },
  });
  await prepareRequests({ data, out, model: 'text-embedding-3-small', prompt: '{{text}}', endpoint: 'embeddings' });
  assert.deepEqual(readLines(out)[0].body, { model: 'text-embedding-3-small', input: 'hello' });
  await assert.rejects(
    prepareRequests({ data, out, model: 'text-embedding-3-small', prompt: '{{text}}', endpoint: 'embeddings', system: 'x' }),
    /--system does not apply to embeddings/,
  );
});

test('the self-check refuses what the API would (an empty embeddings input), naming the row', async () => {
  const dir = tempDir();
  const data = writeTable('d.csv', 'text\nhello\n\n""\n', dir);
  const out = join(dir, 'r.jsonl');
  await assert.rejects(prepareRequests({ data, out, model: 'text-embedding-3-small', prompt: '{{text}}', endpoint: 'embeddings' }), (err: unknown) => {
    assert.ok(err instanceof DataFileError);
    assert.equal(err.problems.length, 1);
    assert.match(err.message, /d\.csv:4: row 2: the request would be refused: body\.input is an empty string/);
    return true;
  });
  assert.equal(existsSync(out), false);
});

test('a JSON body template: placeholders filled inside strings only, so quotes and newlines cannot break it', async () => {
  const dir = tempDir();
  const data = writeTable('d.csv', 'q,ex\n"say ""x""\nnow",예시\n', dir);
  const template = join(dir, 'body.json');
  writeFileSync(template, JSON.stringify({
    model: 'gpt-4o-mini',
    temperature: 0,
    messages: [
      { role: 'system', content: 'Example: {{ex}}' },
      { role: 'user', content: [{ type: 'text', text: '{{q}}' }] },
    ],
  }));
  const out = join(dir, 'r.jsonl');
  const r = await prepareRequests({ data, out, template });
  assert.equal(r.model, 'gpt-4o-mini');
  assert.deepEqual(readLines(out)[0].body, {
    model: 'gpt-4o-mini',
    temperature: 0,
    messages: [
      { role: 'system', content: 'Example: 예시' },
      { role: 'user', content: [{ type: 'text', text: 'say "x"\nnow' }] },
    ],
  });
  // A body template the chat endpoint cannot take is caught per row by the self-check.
  writeFileSync(template, JSON.stringify({ model: 'gpt-4o-mini', messages: '{{q}}' }));
  await assert.rejects(prepareRequests({ data, out, template }), /d\.csv:2: row 1: the request would be refused: body\.messages must be an array/);
});

test('--response-format wraps a bare schema strictly, in the place each endpoint reads it', async () => {
  const dir = tempDir();
  const data = writeTable('d.csv', 'text\nhi\n', dir);
  const schemaPath = join(dir, 'label.json');
  writeFileSync(schemaPath, JSON.stringify({ type: 'object', properties: { label: { type: 'string' } }, required: ['label'] }));
  const out = join(dir, 'r.jsonl');
  const chat = await prepareRequests({ data, out, model: 'gpt-4o-mini', prompt: '{{text}}', responseFormat: schemaPath });
  const schema = { type: 'object', properties: { label: { type: 'string' } }, required: ['label'], additionalProperties: false };
  assert.deepEqual(readLines(out)[0].body.response_format, { type: 'json_schema', json_schema: { name: 'label', schema, strict: true } });
  assert.match(chat.notes.join('\n'), /added "additionalProperties": false at \$/);
  await prepareRequests({ data, out, model: 'gpt-4o-mini', prompt: '{{text}}', responseFormat: schemaPath, endpoint: 'responses' });
  assert.deepEqual(readLines(out)[0].body.text, { format: { type: 'json_schema', name: 'label', schema, strict: true } });

  // An optional property cannot be made strict without changing its meaning: said, not guessed.
  writeFileSync(schemaPath, JSON.stringify({ type: 'object', properties: { label: { type: 'string' }, why: { type: 'string' } }, required: ['label'] }));
  await assert.rejects(prepareRequests({ data, out, model: 'gpt-4o-mini', prompt: '{{text}}', responseFormat: schemaPath }), (err: unknown) => {
    assert.ok(err instanceof TemplateError);
    assert.match(err.message, /not required: \$\.why/);
    return true;
  });
  // The wrapped form is used as given.
  writeFileSync(schemaPath, JSON.stringify({ name: 'loose', strict: false, schema: { type: 'object', properties: { why: { type: 'string' } } } }));
  await prepareRequests({ data, out, model: 'gpt-4o-mini', prompt: '{{text}}', responseFormat: schemaPath });
  assert.deepEqual(readLines(out)[0].body.response_format.json_schema, { name: 'loose', schema: { type: 'object', properties: { why: { type: 'string' } } }, strict: false });
});

test('flag mistakes are clear errors before any row is read', async () => {
  const dir = tempDir();
  const data = writeTable('d.csv', 'text\nhi\n', dir);
  const out = join(dir, 'r.jsonl');
  await assert.rejects(prepareRequests({ data, out, model: 'm' }), /exactly one of --template FILE or --prompt TEXT/);
  await assert.rejects(prepareRequests({ data, out, prompt: 'x' }), /--model is required/);
  await assert.rejects(prepareRequests({ data, out, model: 'm', prompt: 'x', maxTokens: 0 }), /--max-tokens must be a positive integer/);
  await assert.rejects(prepareRequests({ data: join(dir, 'd.txt'), out, model: 'm', prompt: 'x' }), /pass --format csv or --format jsonl/);
  const header = writeTable('h.csv', 'text\n', dir);
  await assert.rejects(prepareRequests({ data: header, out, model: 'm', prompt: '{{text}}' }), /has no rows/);
  const dupHeader = writeTable('dh.csv', 'a,b,a\n1,2,3\n', dir);
  await assert.rejects(prepareRequests({ data: dupHeader, out, model: 'm', prompt: '{{a}}' }), /dh\.csv:1: the header names column "a" twice \(columns 1 and 3\)/);
  const ragged = writeTable('rg.csv', 'a,b\n1,2\n3\n', dir);
  await assert.rejects(prepareRequests({ data: ragged, out, model: 'm', prompt: '{{a}}' }), (err: unknown) => {
    assert.ok(err instanceof DataFileError);
    assert.equal(err.problems[0].line, 3);
    assert.match(err.message, /rg\.csv:3: not valid CSV/);
    return true;
  });
  assert.equal(existsSync(out), false);
});

test('the output folder is created; a long custom_id warns once with a count', async () => {
  const dir = tempDir();
  const long = 'x'.repeat(70);
  const data = writeTable('d.csv', `id,text\n${long}1,a\n${long}2,b\n`, dir);
  const out = join(dir, 'new', 'deeper', 'r.jsonl');
  const r = await prepareRequests({ data, out, model: 'gpt-4o-mini', prompt: '{{text}}', idColumn: 'id' });
  assert.equal(readLines(out).length, 2);
  assert.deepEqual(r.notes, ['custom_id is long; some Batch APIs cap it at 64 (2 requests)']);
});
