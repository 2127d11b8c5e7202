// The progress bar of batch commands on a terminal (documents, pages/s, ETA, failures); a no-op when stderr is a
// file or a pipe, so that logs and scripts see only the per-file errors.

/** 0:42, 12:05, 3:02:10 */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): boolean;
}

export class Progress {
  readonly enabled: boolean;
  #done = 0;
  #failed = 0;
  #pages = 0;
  #drawn = false;
  #lastDraw = 0;
  readonly #started: number;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    options: { enabled?: boolean; now?: () => number } = {},
  ) {
    this.enabled = (options.enabled ?? true) && stream.isTTY === true && total > 1;
    this.now = options.now ?? (() => performance.now());
    this.#started = this.now();
  }

  private readonly now: () => number;

  /** One document finished (pages read, 0 when unknown), or failed. */
  document(pages: number, failed: boolean): void {
    this.#done++;
    this.#pages += pages;
    if (failed) this.#failed++;
    if (!this.enabled) return;
    const t = this.now();
    if (this.#done < this.total && t - this.#lastDraw < 100) return;
    this.#lastDraw = t;
    this.draw(t);
  }

  /** Removes the bar before other text goes to the same terminal (it is drawn again with the next document). */
  clear(): void {
    if (this.#drawn) this.stream.write('\r\x1b[K');
    this.#drawn = false;
  }

  /** The bar's text at time t (ms): exposed for tests. */
  line(t: number): string {
    const seconds = Math.max(1e-3, (t - this.#started) / 1000);
    const width = Math.max(10, Math.min(30, (this.stream.columns ?? 80) - 60));
    const filled = Math.round((this.#done / this.total) * width);
    const rate = this.#done / seconds;
    const parts = [`[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.#done}/${this.total} 份`];
    parts.push(`${rate.toFixed(1)} 份/秒`);
    if (this.#pages > 0) parts.push(`${(this.#pages / seconds).toFixed(1)} 页/秒`);
    if (this.#done < this.total && this.#done > 0)
      parts.push(`剩余约 ${formatDuration((this.total - this.#done) / rate)}`);
    else if (this.#done === this.total) parts.push(`用时 ${formatDuration(seconds)}`);
    parts.push(`失败 ${this.#failed}`);
    return parts.join('  ');
  }

  private draw(t: number): void {
    this.stream.write(`\r\x1b[K${this.line(t)}`);
    this.#drawn = true;
  }

  /** Draws the final state and ends the line. */
  finish(): void {
    if (!this.enabled || this.#done === 0) return;
    this.draw(this.now());
    this.stream.write('\n');
    this.#drawn = false;
  }
}
