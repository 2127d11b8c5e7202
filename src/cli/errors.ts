// The one error type the CLI maps to an exit code and a single clear line (no stack traces).
export class UserError extends Error {
  constructor(
    message: string,
    /** 2: input cannot be read; 1: findings/refusal; other codes for usage */
    readonly exitCode: number = 2,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
