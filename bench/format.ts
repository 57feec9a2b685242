import type { Summary } from './stats.js';

export function num(x: number, digits = 1): string {
  if (!Number.isFinite(x)) return '—';
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** "14.8 ms (p95 23.1 / p99 30.1, n=256)": every figure with its tail and run count. */
export function ms(s: Summary | undefined, digits = 1): string {
  if (!s) return 'not measured';
  return `${num(s.median, digits)} ms (p95 ${num(s.p95, digits)} / p99 ${num(s.p99, digits)}, n=${s.runs})`;
}

/** Seconds for figures that run to seconds. */
export function sec(s: Summary | undefined): string {
  if (!s) return 'not measured';
  return `${num(s.median / 1000, 2)} s (p95 ${num(s.p95 / 1000, 2)} / p99 ${num(s.p99 / 1000, 2)}, n=${s.runs})`;
}

export function plain(s: Summary | undefined, unit: string, digits = 1): string {
  if (!s) return 'not measured';
  return `${num(s.median, digits)}${unit} (p95 ${num(s.p95, digits)} / p99 ${num(s.p99, digits)}, n=${s.runs})`;
}

export function megabytes(bytes: number): string {
  return `${num(bytes / 1e6, 1)} MB`;
}

export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.map(String).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
