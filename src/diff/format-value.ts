/** Number and value formatting for the sentences a diff writes; locale-independent. */

/** 600000 → "600,000"; 1.5 → "1.5". */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [int = '', frac] = Math.abs(n).toString().split('.');
  let grouped = int;
  if (int.length > 3 && !int.includes('e')) {
    grouped = int.slice(0, int.length % 3 || 3);
    for (let i = grouped.length; i < int.length; i += 3) grouped += `,${int.slice(i, i + 3)}`;
  }
  return (n < 0 ? '-' : '') + grouped + (frac ? `.${frac}` : '');
}

/** 1.3333 → "+33 %"; 0.995 → "−0.5 %" (a minus sign, as renumbering and sources are told). */
export function formatPercentChange(ratio: number): string {
  const pct = (ratio - 1) * 100;
  const sign = pct < 0 ? '−' : '+';
  const size = Math.abs(pct);
  if (size > 0 && size < 0.1) return `${sign}<0.1 %`;
  return `${sign}${size < 1 ? Math.round(size * 10) / 10 : Math.round(size)} %`;
}

/** { amount: 1e11, currency: 'USD' } → "USD 100 bn"; with a basis other than committed: "USD 100 bn (target)". */
export function formatMoney(m: { amount: number; currency: string; basis?: string }): string {
  const a = m.amount;
  const short = a >= 1e9 ? `${trim(a / 1e9)} bn` : a >= 1e6 ? `${trim(a / 1e6)} m` : formatNumber(a);
  return `${m.currency} ${short}${m.basis && m.basis !== 'committed' ? ` (${m.basis})` : ''}`;
}

function trim(n: number): string {
  return formatNumber(Math.round(n * 10) / 10);
}

/** Any term value as a reader would write it. */
export function formatValue(v: unknown): string {
  if (v === undefined) return '(none)';
  if (v === null) return 'null';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') return v.length > 60 ? `"${v.slice(0, 57)}…"` : v;
  if (Array.isArray(v)) return v.length ? v.map(formatValue).join(', ') : '(none)';
  if (isMoney(v)) return formatMoney(v);
  if (isDuration(v)) return `${formatNumber(v.amount)} ${v.unit}`;
  if (isDeadline(v)) return formatDeadline(v);
  if (isAnchoredAsap(v)) return `as soon as possible after ${v.from}`;
  return JSON.stringify(v);
}

export function isMoney(v: unknown): v is { amount: number; currency: string } {
  return typeof v === 'object' && v !== null && typeof (v as { amount?: unknown }).amount === 'number' && typeof (v as { currency?: unknown }).currency === 'string';
}

export function isDuration(v: unknown): v is { amount: number; unit: string } {
  return typeof v === 'object' && v !== null && typeof (v as { amount?: unknown }).amount === 'number' && typeof (v as { unit?: unknown }).unit === 'string';
}

/** A deadline counted in days or hours (optionally from an event). */
export function isDeadline(v: unknown): v is { days: number; from?: string } | { hours: number; from?: string } {
  return typeof v === 'object' && v !== null && (typeof (v as { days?: unknown }).days === 'number' || typeof (v as { hours?: unknown }).hours === 'number');
}

/** "As soon as possible after an event": `{ asap: true, from: signature }`. */
export function isAnchoredAsap(v: unknown): v is { asap: true; from: string } {
  return typeof v === 'object' && v !== null && (v as { asap?: unknown }).asap === true && typeof (v as { from?: unknown }).from === 'string';
}

/** The length of a counted deadline in hours (days count 24). */
export function deadlineHours(v: { days: number } | { hours: number }): number {
  return 'days' in v ? v.days * 24 : v.hours;
}

/** "100 days from signature", "72 hours". */
function formatDeadline(v: ({ days: number } | { hours: number }) & { from?: string }): string {
  const count = 'days' in v ? `${formatNumber(v.days)} days` : `${formatNumber(v.hours)} hours`;
  return `${count}${v.from ? ` from ${v.from}` : ''}`;
}
