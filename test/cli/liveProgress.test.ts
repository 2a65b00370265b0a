// The live progress line: redrawn in place on a terminal (never wrapping, log lines above it), throttled plain lines
// in a CI log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { liveProgress } from '../../src/cli/liveProgress.ts';

function fakeStream(tty: boolean, columns = 80) {
  const out: string[] = [];
  return { out, stream: { isTTY: tty, columns, write: (s: string) => (out.push(s), true) } as unknown as NodeJS.WriteStream };
}

const sync = (done: number, extra: object = {}) => ({
  done, total: 600, inFlight: 12, rateLimited: 0, succeeded: done, failed: 0, skipped: 0,
  tokensPerMinute: { used: 58_000, limit: 60_000 }, requestsPerMinute: { used: 290, limit: 300 }, costUsd: 0.42, etaMs: 80_000, elapsedMs: 1000, ...extra,
});

test('on a terminal: one line redrawn in place, cut to the width, log lines printed above it', () => {
  let t = 0;
  const { out, stream } = fakeStream(true, 200);
  const live = liveProgress({ stream, now: () => t });
  live.batch({ total: 3000, completed: 100, failed: 2, eta_ms: 600_000 });
  t += 200;
  live.log('part 2/3: batch created');
  t += 200;
  live.batch({ total: 3000, completed: 2631, failed: 2, eta_ms: 60_000 });
  t += 200;
  live.sync(sync(250));
  live.end();
  const text = out.join('');
  assert.ok(text.includes('\r\x1b[2Kpart 2/3: batch created\n'), 'the log line clears the status line first');
  assert.match(text, /batches: 2,633\/3,000 done, 2 failed, ETA 1m/);
  assert.match(text, /sync: 250\/600 done, 0 not succeeded, 12 in flight, 58,000\/60,000 tokens\/min/);
  assert.ok(text.endsWith('\n'), 'the line is ended');
  // On a narrow terminal the line is cut, never wrapped (a wrapped line cannot be redrawn).
  const narrow = fakeStream(true, 60);
  const n = liveProgress({ stream: narrow.stream, now: () => 0 });
  n.sync(sync(250));
  for (const w of narrow.out) assert.ok(w.replace('\r\x1b[2K', '').length <= 59, JSON.stringify(w));
  assert.ok(narrow.out.join('').includes('…'));
});

test('in a CI log: plain lines, at most one per interval, and the last state at the end', () => {
  let t = 0;
  const { out, stream } = fakeStream(false);
  const live = liveProgress({ stream, now: () => t, intervalMs: 30_000 });
  for (let i = 1; i <= 100; i++) {
    t += 1_000;
    live.sync(sync(i * 6, { etaMs: null }));
  }
  live.end();
  assert.ok(out.every((s) => !s.includes('\r')), 'no carriage returns in a log');
  assert.ok(out.length >= 3 && out.length <= 6, `${out.length} lines for 100 s of progress`);
  assert.match(out[out.length - 1], /^sync: 600\/600 done/);
});
