// Array helpers for the extractors' inner loops, where the built-in versions cost more than the work they do.

/**
 * Array.prototype.flatMap (one level: an array result is spread, anything else kept), with a plain loop: the
 * built-in was measured an order of magnitude slower for the small arrays the extractors map (grids, rows, cells).
 */
export function flatMap<T, U>(items: readonly T[], fn: (item: T, index: number) => U | readonly U[]): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) {
    const r = fn(items[i], i);
    if (Array.isArray(r)) for (let k = 0; k < r.length; k++) out.push(r[k] as U);
    else out.push(r as U);
  }
  return out;
}
