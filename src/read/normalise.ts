// Code-point normalisation for text extracted from PDFs, web pages and workbooks: CJK radicals that stand in for
// ordinary characters, full-width forms; and the whitespace test the readers and the extractors share.

/**
 * CJK Radicals Supplement (U+2E80–U+2EFF) characters that PDF fonts emit instead of the ordinary ideograph.
 * NFKC does not map this block, so the common simplified forms are listed here.
 */
const RADICALS_SUPPLEMENT: Record<string, string> = {
  '⺀': '冫',
  '⺁': '厂',
  '⺃': '乚',
  '⺅': '亻',
  '⺇': '几',
  '⺈': '𠂊',
  '⺊': '卜',
  '⺋': '㔾',
  '⺌': '小',
  '⺍': '⺌',
  '⺎': '兀',
  '⺏': '尣',
  '⺐': '尢',
  '⺑': '𡯂',
  '⺒': '巳',
  '⺓': '幺',
  '⺔': '彑',
  '⺖': '忄',
  '⺗': '㣺',
  '⺘': '扌',
  '⺙': '攵',
  '⺛': '无',
  '⺜': '日',
  '⺝': '月',
  '⺞': '歺',
  '⺟': '母',
  '⺠': '民',
  '⺡': '氵',
  '⺢': '氺',
  '⺣': '灬',
  '⺤': '爫',
  '⺥': '爫',
  '⺦': '丬',
  '⺧': '牜',
  '⺨': '犭',
  '⺩': '王',
  '⺪': '疋',
  '⺫': '罒',
  '⺬': '示',
  '⺭': '礻',
  '⺮': '竹',
  '⺯': '糹',
  '⺰': '纟',
  '⺱': '罓',
  '⺲': '罒',
  '⺳': '网',
  '⺴': '罓',
  '⺵': '罓',
  '⺶': '羊',
  '⺷': '羊',
  '⺸': '羊',
  '⺹': '耂',
  '⺺': '聿',
  '⺻': '聿',
  '⺼': '月',
  '⺽': '臼',
  '⺾': '艹',
  '⺿': '艹',
  '⻀': '艹',
  '⻁': '虎',
  '⻂': '衤',
  '⻃': '覀',
  '⻄': '西',
  '⻅': '见',
  '⻆': '角',
  '⻇': '角',
  '⻈': '讠',
  '⻉': '贝',
  '⻊': '足',
  '⻋': '车',
  '⻌': '辶',
  '⻍': '辶',
  '⻎': '辶',
  '⻏': '阝',
  '⻐': '金',
  '⻑': '長',
  '⻒': '镸',
  '⻓': '长',
  '⻔': '门',
  '⻕': '阝',
  '⻖': '阝',
  '⻗': '雨',
  '⻘': '青',
  '⻙': '韦',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻞': '𠆢',
  '⻟': '食',
  '⻠': '饣',
  '⻡': '𩠐',
  '⻢': '马',
  '⻣': '骨',
  '⻤': '鬼',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻧': '卤',
  '⻨': '麦',
  '⻩': '黄',
  '⻪': '黾',
  '⻫': '斉',
  '⻬': '齐',
  '⻭': '歯',
  '⻮': '齿',
  '⻯': '竜',
  '⻰': '龙',
  '⻱': '龜',
  '⻲': '亀',
  '⻳': '龟',
};

const NEEDS_WORK = /[\u2e80-\u2eff\u2f00-\u2fdf\u00a0\u200b-\u200d\ufeff]/;

/** Maps Kangxi radicals (U+2F00–U+2FDF, via NFKC) and CJK radicals supplement to ordinary characters. */
export function normaliseCodePoints(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  return s
    .replace(/[\u2f00-\u2fdf]/g, (ch) => ch.normalize('NFKC'))
    .replace(/[\u2e80-\u2eff]/g, (ch) => RADICALS_SUPPLEMENT[ch] ?? ch)
    .replace(/\u00a0/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '');
}

/** Full-width digits, Latin letters and minus, and the ideographic space → ASCII; radicals → ordinary ideographs. */
export function normalisePdfText(s: string): string {
  let t = normaliseCodePoints(s);
  if (/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0d\uff05\u3000]/.test(t)) {
    t = t
      .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0d\uff05]/g, (ch) =>
        String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
      )
      .replace(/\u3000/g, ' ');
  }
  return t.replace(/\t/g, ' ');
}

/** the characters \s matches (and String.prototype.trim removes): WhiteSpace and LineTerminator */
export function isWhitespace(c: number): boolean {
  // most characters are printable ASCII or CJK: two comparisons each
  if (c > 0x20) {
    if (c < 0xa0) return false;
    if (c > 0x3000) return c === 0xfeff;
    return (
      c === 0xa0 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000
    );
  }
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}
