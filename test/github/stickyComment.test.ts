// Which marked comment is ours: only one the token's own user wrote (GET /user's login for a personal token, a bot for
// the default token), never one someone pasted the marker into. And a report that differs only in its link to the
// workflow run is the same report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { githubClient } from '../../src/github/client.ts';
import { refreshStickyComment, upsertStickyComment } from '../../src/github/stickyComment.ts';
import { startFakeGitHub } from './fakeGitHub.ts';
import type { FakeGitHub } from './fakeGitHub.ts';

let gh: FakeGitHub;
before(async () => {
  gh = await startFakeGitHub();
});
after(() => gh.close());

const where = { owner: 'octo', repo: 'evals' };
const marker = '<!-- m -->';
const human = { login: 'mallory', type: 'User' as const };
const bot = { login: 'github-actions[bot]', type: 'Bot' as const };
const octocat = { login: 'octocat', type: 'User' as const };

test('default token (a bot, no /user): a human comment with the marker is left alone', async () => {
  gh.tokenUser = bot;
  gh.comments.set(21, [{ id: 2101, body: `${marker}\nforged`, html_url: 'u1', user: human }]);
  const r = await upsertStickyComment(githubClient('t', gh.url), { ...where, issue_number: 21, marker, body: `${marker}\nreal`, mode: 'update' });
  assert.equal(r.action, 'created');
  assert.deepEqual(gh.comments.get(21)!.map((c) => [c.body, c.user?.login]), [[`${marker}\nforged`, 'mallory'], [`${marker}\nreal`, 'github-actions[bot]']]);
  // Next run: ours is found and edited, theirs still untouched.
  const again = await upsertStickyComment(githubClient('t', gh.url), { ...where, issue_number: 21, marker, body: `${marker}\nreal v2`, mode: 'update' });
  assert.equal(again.action, 'updated');
  assert.deepEqual(gh.comments.get(21)!.map((c) => c.body), [`${marker}\nforged`, `${marker}\nreal v2`]);
});

test('personal token: only the comment by the login /user names is ours, not another bot\'s', async () => {
  gh.tokenUser = octocat;
  try {
    gh.comments.set(22, [
      { id: 2201, body: `${marker}\nmine`, html_url: 'u1', user: octocat },
      { id: 2202, body: `${marker}\nsome bot`, html_url: 'u2', user: bot },
      { id: 2203, body: `${marker}\nsomeone`, html_url: 'u3', user: human },
    ]);
    const r = await upsertStickyComment(githubClient('t', gh.url), { ...where, issue_number: 22, marker, body: `${marker}\nmine v2`, mode: 'update' });
    assert.deepEqual([r.action, r.id], ['updated', 2201]);
    assert.deepEqual(gh.comments.get(22)!.map((c) => c.body), [`${marker}\nmine v2`, `${marker}\nsome bot`, `${marker}\nsomeone`]);
  } finally {
    gh.tokenUser = bot;
  }
});

test('the same report in another workflow run is unchanged; any other difference is an update', async () => {
  const client = githubClient('t', gh.url);
  const body = (run: number, cost: string) => `${marker}\n**${cost}**\n<sub>[workflow run](https://github.com/octo/evals/actions/runs/${run})</sub>`;
  const opts = { ...where, issue_number: 23, marker, mode: 'update' as const };
  assert.equal((await upsertStickyComment(client, { ...opts, body: body(1, '$1.00') })).action, 'created');
  assert.equal((await upsertStickyComment(client, { ...opts, body: body(2, '$1.00') })).action, 'unchanged');
  assert.equal((await upsertStickyComment(client, { ...opts, body: body(3, '$2.00') })).action, 'updated');
  assert.equal(gh.comments.get(23)![0].body, body(3, '$2.00'));
});

test('refresh: edits our marked comment if there is one, posts nothing otherwise', async () => {
  const client = githubClient('t', gh.url);
  const opts = { ...where, issue_number: 24, marker, body: `${marker}\nNo request file changed` };
  gh.comments.set(24, [{ id: 2401, body: `${marker}\nforged`, html_url: 'u1', user: human }]);
  assert.equal(await refreshStickyComment(client, opts), null);
  assert.equal(gh.comments.get(24)!.length, 1);
  gh.comments.get(24)!.push({ id: 2402, body: `${marker}\nold report`, html_url: 'u2', user: bot });
  assert.equal((await refreshStickyComment(client, opts))?.action, 'updated');
  assert.deepEqual(gh.comments.get(24)!.map((c) => c.body), [`${marker}\nforged`, `${marker}\nNo request file changed`]);
});
