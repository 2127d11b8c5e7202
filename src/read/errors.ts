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

/** The formats budgetdoc reads, as the refusal of any other file names them. */
const READABLE =
  'PDF、Word (.docx)、Excel (.xlsx)、网页 (.html)、UTF-8 文本 (.txt/.md) 或 budgetdoc 模型 (.json/.yaml)';

/** The one refusal of a file in none of the formats budgetdoc reads: `check`, `import` and upload say the same. */
export function unknownFormat(file: string): ReadError {
  return new ReadError(file, `无法识别的文件格式，不是 ${READABLE}`, '请提供以上格式之一的预算或决算公开文件');
}
