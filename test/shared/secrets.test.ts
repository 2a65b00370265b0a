import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forgetSecrets, registerSecret, scrub } from '../../src/shared/secrets.ts';

test('scrub removes registered secrets and anything shaped like an OpenAI key or a GitHub token', (t) => {
  t.after(forgetSecrets);
  registerSecret('my-proxy-key-123456');
  registerSecret('short');
  assert.equal(scrub('401 Incorrect API key provided: my-proxy-key-123456.'), '401 Incorrect API key provided: [redacted].');
  assert.equal(scrub('short stays'), 'short stays', 'too short to be a secret worth mangling text for');
  assert.equal(scrub('key sk-proj-abcDEF123_xyz and sk-abc***xyz'), 'key sk-[redacted] and sk-[redacted]');
  assert.equal(scrub('token ghp_0123456789abcdefghijKLMNOP'), 'token gh_[redacted]');
  assert.equal(scrub('github_pat_11ABCDEFG0123456789_abcdefghij'), 'github_pat_[redacted]');
  assert.equal(scrub('nothing to hide'), 'nothing to hide');
  // Repeated calls (the global regexes keep state) give the same answer.
  for (let i = 0; i < 3; i++) assert.equal(scrub('sk-abcdef sk-abcdef'), 'sk-[redacted] sk-[redacted]');
});
