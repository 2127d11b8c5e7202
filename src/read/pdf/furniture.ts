// Page furniture: page numbers and the headers and footers repeated in the margins of many pages, dropped before
// the pages are laid out (a long table's title repeated on each page is kept where it first appears).
import type { TextLine, PageContent } from './geometry.js';

// (重庆 spaces the digits of its page numbers: "— 1 0 —")
const PAGE_NUMBER =
  /^(?:[-—–－_~·\s]*\d(?:\s?\d){0,3}[-—–－_~·\s]*|第\s*\d+\s*页(?:\s*[,，/／]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页|\d+\s*[/／]\s*\d+|[Pp]age\s*\d+(?:\s*of\s*\d+)?)$/;

export function marginKey(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, '');
}

/** Drops page numbers and lines repeated in the top or bottom margin of many pages. */
export function dropPageFurniture(pages: PageContent[]): void {
  const inMargin = (p: PageContent, l: TextLine) => l.box[3] < p.height * 0.1 || l.box[1] > p.height * 0.9;
  const counts = new Map<string, number>();
  /** margin lines seen somewhere without a grid right after them: page headers, not a long table's title */
  const notTitles = new Set<string>();
  const gridFollows = (p: PageContent, i: number) => p.items.slice(i + 1, i + 4).some((x) => x.kind === 'grid');
  for (const p of pages) {
    const seen = new Set<string>();
    p.items.forEach((it, i) => {
      if (it.kind !== 'line' || !inMargin(p, it.line)) return;
      const key = marginKey(it.line.text);
      seen.add(key);
      if (!gridFollows(p, i)) notTitles.add(key);
    });
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const repeated = (k: string) => pages.length >= 3 && (counts.get(k) ?? 0) >= Math.max(3, pages.length * 0.3);
  // the title and unit line of a long table printed at the top of every page it spans are kept where they first appear
  const keptTitles = new Set<string>();
  for (const p of pages) {
    p.items = p.items.filter((it) => {
      if (it.kind !== 'line') return true;
      const l = it.line;
      const nearEdge = l.box[3] < p.height * 0.14 || l.box[1] > p.height * 0.86;
      if (nearEdge && PAGE_NUMBER.test(l.text.trim())) return false;
      const key = marginKey(l.text);
      if (!(inMargin(p, l) && repeated(key))) return true;
      if (!notTitles.has(key) && !keptTitles.has(key)) {
        keptTitles.add(key);
        return true;
      }
      return false;
    });
  }
}
