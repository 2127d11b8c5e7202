// Inputs of a given size for the readers' growth tests and the growth bench: long paragraphs of lines a converter
// cut (joined back into one paragraph), paragraphs cut by page breaks, and long tables.

/** about `bytes` of UTF-8: prose lines that do not end a sentence, so that the text reader joins them */
export function joinedLines(bytes: number, gap = false): string {
  const line = '本单位按照有关规定统筹安排各项支出，保障机构正常运转和重点工作开展';
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const l = `${line}第${i}行`;
    out.push(l);
    if (gap) out.push('');
    size += Buffer.byteLength(l) + (gap ? 2 : 1);
  }
  return out.join('\n');
}

/** about `bytes` of tab-separated table rows */
export function tableLines(bytes: number): string {
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const l = `2010${String(i % 100).padStart(3, '0')}\t行政运行${i}\t${(i * 1.5).toFixed(2)}\t${i}.00\t0.00`;
    out.push(l);
    size += Buffer.byteLength(l) + 1;
  }
  return out.join('\n');
}

/** about `bytes` of HTML paragraphs and table rows */
export function htmlOf(bytes: number): string {
  const parts: string[] = ['<html><head><meta charset="utf-8"></head><body><h1>2024年部门预算公开</h1>'];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p =
      i % 5 === 0
        ? `<table><tr><td>2010${i % 100}</td><td>行政运行</td><td>${i}.00</td></tr></table>`
        : `<p>本单位按照有关规定统筹安排各项支出第${i}段。</p>`;
    parts.push(p);
    size += Buffer.byteLength(p);
  }
  parts.push('</body></html>');
  return parts.join('\n');
}

/** the shortest of `runs` timings of fn, in ms */
export function fastest(fn: () => unknown, runs = 3): number {
  // CPU time of this process, not wall time: the other test files running beside it on the same cores do not count
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = process.cpuUsage();
    fn();
    const used = process.cpuUsage(t);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}
