// Durations as people write them in workflow files and on the command line: 500ms, 30s, 5m, 2h, 1d, 1h30m.

export class DurationError extends Error {
  constructor(text: string, what = 'duration', why?: string) {
    super(`invalid ${what} "${text}": ${why ? `${why}; ` : ''}use a number with a unit, like 30s, 45m, 6h, 2d or 1h30m`);
    this.name = 'DurationError';
  }
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds in `text`. A bare number is an error that names the units: `latency-budget: 330` in a workflow could
 *  mean seconds or minutes, and guessing seconds silently turned a 5.5-hour budget into 5.5 minutes. */
export function parseDuration(text: string, what?: string): number {
  const s = text.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(s)) {
    throw new DurationError(text, what, `a bare number has no unit: write ${s}s, ${s}m or ${s}h`);
  }
  const parts = [...s.matchAll(/(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== s.replace(/\s+/g, '')) {
    throw new DurationError(text, what);
  }
  return Math.round(parts.reduce((ms, p) => ms + Number(p[1]) * UNIT_MS[p[2]], 0));
}

/** A short human form for reports: 45s, 12m, 3h 20m, 2d 4h. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '∞';
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h}h ${m % 60}m` : `${h}h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d}d ${h % 24}h` : `${d}d`;
}

/** Go's time.Duration format, which OpenAI's x-ratelimit-reset-* headers use: "120ms", "1s", "17.5s", "6m0s".
 *  (parseDuration reads it back.) */
export function formatGoDuration(ms: number): string {
  const whole = Math.max(0, Math.ceil(ms));
  if (whole < 1000) return `${whole}ms`;
  const minutes = Math.floor(whole / 60_000);
  const seconds = `${Number(((whole - minutes * 60_000) / 1000).toFixed(3))}s`;
  return minutes > 0 ? `${minutes}m${seconds}` : seconds;
}
