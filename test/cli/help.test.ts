// Every command's help shows how it is used: at least one example, and defaults written one way, "(default: X)".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli } from '../helpers.ts';

const COMMANDS = ['estimate', 'run', 'status', 'cancel', 'prepare', 'join', 'pricing', 'demo', 'emulator'];

test('every command\'s help has an example and writes defaults as "(default: X)"', () => {
  for (const c of COMMANDS) {
    const r = cli([c, '--help']);
    assert.equal(r.code, 0, `${c}: ${r.stderr}`);
    assert.match(r.stdout, /\nExamples?:\n {2}\S/, `${c} --help has no example`);
    assert.doesNotMatch(r.stdout, /\[default[: ]|defaults? to /i, `${c} --help writes a default another way`);
  }
});
