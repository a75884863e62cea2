// TeX accent markup (as arXiv metadata carries it, e.g. `Bal\'azs`, `Ren{\'e}`)
// turned into Unicode text, the way arXiv's own pages show names and titles.

const COMBINING: Record<string, string> = {
  "'": '\u0301', // acute
  '`': '\u0300', // grave
  '^': '\u0302', // circumflex
  '"': '\u0308', // diaeresis
  '~': '\u0303', // tilde
  '=': '\u0304', // macron
  '.': '\u0307', // dot above
  u: '\u0306', // breve
  v: '\u030C', // caron
  H: '\u030B', // double acute
  c: '\u0327', // cedilla
  k: '\u0328', // ogonek
  r: '\u030A', // ring above
  d: '\u0323', // dot below
  b: '\u0331', // macron below
};

const SYMBOLS: Record<string, string> = {
  ss: 'ß', o: 'ø', O: 'Ø', aa: 'å', AA: 'Å', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ',
  l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ', dh: 'ð', DH: 'Ð', th: 'þ', TH: 'Þ', dj: 'đ', DJ: 'Đ',
};

// \'e  \'{e}  \c c  \c{c}  \"{\i}; a group around one of these, {\'e}, is unwrapped first.
const ACCENT = /\\(['`^"~=.]|[uvHckrdb](?=[\s{]))\s*(?:\{\s*(\\[ij]|[A-Za-z])\s*\}|(\\[ij]|[A-Za-z]))/g;
const GROUPED_ACCENT = /\{(\\(?:['`^"~=.]|[uvHckrdb](?=[\s{]))\s*(?:\{\s*\\?[A-Za-z]\s*\}|\\?[A-Za-z]))\}/g;
const SYMBOL = /\\(ss|aa|AA|ae|AE|oe|OE|dh|DH|dj|DJ|th|TH|[oOlLij])(?![A-Za-z])(?:\{\}|\s)?/g;
const GROUPED_SYMBOL = /\{(\\(?:ss|aa|AA|ae|AE|oe|OE|dh|DH|dj|DJ|th|TH|[oOlLij]))\s*\}/g;

function baseLetter(letter: string): string {
  if (letter === '\\i') return 'i';
  if (letter === '\\j') return 'j';
  return letter;
}

export function texToUnicode(text: string): string {
  if (!text.includes('\\')) return text;
  const ungrouped = text.replace(GROUPED_ACCENT, '$1');
  const accented = ungrouped.replace(ACCENT, (whole, accent: string, braced?: string, bare?: string) => {
    const mark = COMBINING[accent];
    const letter = braced ?? bare;
    if (!mark || !letter) return whole;
    return (baseLetter(letter) + mark).normalize('NFC');
  });
  // After accents (\"{\i} is an accented i): a grouped symbol ({\L}ukasz) is the letter itself;
  // unwrapped, `\Lukasz` would read as another command.
  return accented
    .replace(GROUPED_SYMBOL, (whole, command: string) => SYMBOLS[command.slice(1)] ?? whole)
    .replace(SYMBOL, (whole, name: string) => SYMBOLS[name] ?? whole)
    .replace(/\\&/g, '&')
    .replace(/\\%/g, '%')
    .replace(/\\_/g, '_');
}
