/** Small numeric helpers for the benchmark. */
export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function min(values: number[]): number {
  return values.length ? Math.min(...values) : Number.NaN;
}

export function max(values: number[]): number {
  return values.length ? Math.max(...values) : Number.NaN;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
