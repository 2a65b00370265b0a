// "Today" for everything that depends on the date (model shutdowns, the catalog's age). The CLI and the action read it
// once at their edge; BATCHWISE_NOW (an ISO date or time) pins it so tests and reproductions do not depend on the day.

export function now(env: NodeJS.ProcessEnv = process.env): Date {
  const pinned = env.BATCHWISE_NOW;
  if (pinned === undefined || pinned === '') return new Date();
  const t = Date.parse(pinned);
  if (Number.isNaN(t)) throw new Error(`BATCHWISE_NOW must be an ISO date like 2026-12-01, got "${pinned}"`);
  return new Date(t);
}
