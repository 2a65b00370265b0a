// logSafe: whatever a user put in a file name or custom_id prints as one line of text, never a workflow command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logSafe } from '../../src/action/logSafe.ts';

/** What the runner would take for a command in one printed line (it splits at CR and LF). */
function commandsIn(printed: string): string[] {
  return printed.split(/\r\n|\r|\n/).filter((l) => /^\s*::/.test(l) || l.includes('##['));
}

test('line breaks of every kind become escapes; the text stays readable', () => {
  assert.equal(logSafe('evals/x\n::error title=forged::boom.jsonl'), 'evals/x\\n::error title=forged::boom.jsonl');
  assert.equal(logSafe('a\r::warning::b'), 'a\\r::warning::b');
  assert.equal(logSafe('a\u2028b\u0085c\u000bd'), 'a\\u2028b\\u0085c\\u000bd');
  assert.equal(logSafe('id \u001b[31mred'), 'id \\u001b[31mred');
  assert.equal(logSafe('plain evals/a.jsonl: 3 requests'), 'plain evals/a.jsonl: 3 requests');
});

test('no command survives: a leading ::, the old ##[ syntax anywhere', () => {
  for (const evil of ['::error::x', '   ::add-mask::secret', '\t::stop-commands::t', 'ok ##[error]legacy', '##[set-output name=a]b', 'x\n##[error]y', 'x\r\n  ::notice::y']) {
    assert.deepEqual(commandsIn(logSafe(evil)), [], JSON.stringify(evil));
  }
});
