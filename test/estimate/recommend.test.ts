import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recommend } from '../../src/estimate/recommend.ts';
import type { ModeCosts } from '../../src/estimate/types.ts';

const r = (expected: number) => ({ low: expected / 2, expected, max: expected * 10 });
const withFlex: ModeCosts = { sync: r(10), batch: r(5), flex: r(5), priority: r(20) };
const noFlex: ModeCosts = { sync: r(10), batch: r(5), flex: null, priority: null };
const hour = 3_600_000;

test('batch when the 24h window fits (the default budget)', () => {
  const rec = recommend(noFlex);
  assert.equal(rec.mode, 'batch');
  assert.match(rec.reason, /batch saves \$5\.00 \(50%\)/);
});

test('flex when the budget is shorter than 24h and the model has flex', () => {
  const rec = recommend(withFlex, { latencyBudgetMs: 2 * hour });
  assert.equal(rec.mode, 'flex');
  assert.match(rec.reason, /2h budget/);
});

test('batch with the sync safety net for a few hours without flex', () => {
  const rec = recommend(noFlex, { latencyBudgetMs: 6 * hour });
  assert.equal(rec.mode, 'batch');
  assert.match(rec.reason, /switches what is unfinished/);
});

test('sync when the budget is too short for a batch and there is no flex', () => {
  assert.equal(recommend(noFlex, { latencyBudgetMs: 30 * 60_000 }).mode, 'sync');
});

test('sync when the saving is negligible', () => {
  const rec = recommend(noFlex, { minSavingsUsd: 6 });
  assert.equal(rec.mode, 'sync');
  assert.match(rec.reason, /only \$5\.00/);
});

test('a mixed file where flex covers little of the saving: batch with the safety net beats flex', () => {
  const mixed: ModeCosts = { sync: r(10), batch: r(5), flex: r(9), priority: null };
  assert.equal(recommend(mixed, { latencyBudgetMs: 6 * hour, modelsWithoutFlex: ['gpt-4o'] }).mode, 'batch');
  const rec = recommend(mixed, { latencyBudgetMs: 30 * 60_000, modelsWithoutFlex: ['gpt-4o'] });
  assert.equal(rec.mode, 'flex', 'too short for a batch: the flex part still saves');
  assert.match(rec.reason, /gpt-4o without flex/);
});

test('no flex at all and a short budget names the models', () => {
  assert.match(recommend(noFlex, { latencyBudgetMs: 10 * 60_000, modelsWithoutFlex: ['a', 'b'] }).reason, /these models have no flex/);
});

test('priority is priced, never picked; caching that changes the pick is named in the reason', () => {
  assert.notEqual(recommend(withFlex, { latencyBudgetMs: 10 * 60_000 }).mode, 'priority');
  // With cache hits sync costs 4 (below batch 5): sync; without them batch would win.
  const cached: ModeCosts = { sync: r(4), batch: r(5), flex: null, priority: null };
  const rec = recommend(cached, { withoutCache: noFlex });
  assert.equal(rec.mode, 'sync');
  assert.match(rec.reason, /prompt caching decides it: without cache hits the pick would be batch/);
  assert.doesNotMatch(recommend(noFlex, { withoutCache: noFlex }).reason, /caching/);
});
