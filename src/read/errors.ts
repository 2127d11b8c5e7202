// The reader's error for input that cannot be read: names the file, the reason and what to do (exit code 2).
export class ReadError extends Error {
  readonly exitCode = 2;
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly hint?: string,
  ) {
    super(`${file}: ${reason}${hint ? ` — ${hint}` : ''}`);
    this.name = 'ReadError';
  }
}
