// One way to show dollars everywhere (terminal, markdown, PR comments, reasons): small sums keep enough digits to differ.
export function formatUsd(usd: number): string {
  const sign = usd < 0 ? '-' : '';
  const a = Math.abs(usd);
  if (a === 0) return '$0.00';
  if (a >= 100) return `${sign}$${a.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  if (a >= 0.01) return `${sign}$${a.toFixed(2)}`;
  // Below a cent: two significant digits, so $0.0015 and $0.0030 read as different (never exponent notation).
  return `${sign}$${a.toLocaleString('en-US', { maximumSignificantDigits: 2, maximumFractionDigits: 12 })}`;
}

export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  return `${Math.round((part / whole) * 100)}%`;
}

/** Two amounts that are compared in one message ("$0.020018, $0.000018 above --max-cost $0.02"): as many significant
 *  digits as it takes for them to read differently (up to 9), so a message never says "$0.02 is above $0.02". */
export function formatUsdApart(a: number, b: number): [string, string] {
  let fa = formatUsd(a);
  let fb = formatUsd(b);
  for (let digits = 3; fa === fb && a !== b && digits <= 9; digits++) {
    const f = (x: number) => `${x < 0 ? '-' : ''}$${Math.abs(x).toLocaleString('en-US', { maximumSignificantDigits: digits, maximumFractionDigits: 12 })}`;
    fa = f(a);
    fb = f(b);
  }
  return [fa, fb];
}
