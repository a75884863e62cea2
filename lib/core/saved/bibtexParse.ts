// Reads BibTeX: entries, their fields, TeX accents and escapes back into Unicode text. Enough for
// arXiv entries (ours and arXiv's own) and for checking what we write; bad input gets an error
// that says where.

import { texToUnicode } from '../tex';

export interface BibEntry {
  type: string;
  key: string;
  fields: Record<string, string>;
}

export class BibtexError extends Error {
  constructor(message: string, readonly line: number) {
    super(`${message} (line ${line})`);
    this.name = 'BibtexError';
  }
}

const ESCAPES: [RegExp, string][] = [
  [/\{\\textbackslash\}|\\textbackslash(?![A-Za-z])\s?/g, '\u0000BS'],
  [/\{\\textbraceleft\}|\\textbraceleft(?![A-Za-z])\s?/g, '\u0000LB'],
  [/\{\\textbraceright\}|\\textbraceright(?![A-Za-z])\s?/g, '\u0000RB'],
  [/\{\\textasciitilde\}|\\textasciitilde(?![A-Za-z])\s?/g, '~'],
  [/\{\\textasciicircum\}|\\textasciicircum(?![A-Za-z])\s?/g, '^'],
  [/\\\{/g, '\u0000LB'],
  [/\\\}/g, '\u0000RB'],
  [/\\([%&_#$])/g, '$1'],
];

/** A field value as text: accents decoded, escapes undone, grouping braces dropped. */
export function decodeValue(raw: string): string {
  let text = texToUnicode(raw);
  for (const [pattern, replacement] of ESCAPES) text = text.replace(pattern, replacement);
  return text
    .replace(/[{}]/g, '')
    .replace(/\u0000LB/g, '{')
    .replace(/\u0000RB/g, '}')
    .replace(/\u0000BS/g, '\\')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A name in BibTeX's forms, as pages show names: `Devlin, Jacob` -> `Jacob Devlin`, `von Neumann,
 * John` -> `John von Neumann`, `Smith, Jr., John` -> `John Smith Jr.`; a name braced whole is literal.
 */
export function personName(raw: string): string {
  const trimmed = raw.trim();
  if (/^\{[^]*\}$/.test(trimmed) && balancedInside(trimmed)) return decodeValue(trimmed);
  const parts = decodeValue(trimmed).split(',').map((part) => part.trim());
  if (parts.length === 1) return parts[0] as string;
  const [last, jr, first] = parts.length === 2 ? [parts[0], '', parts[1]] : [parts[0], parts[1], parts.slice(2).join(' ')];
  return [first, last, jr].filter(Boolean).join(' ');
}

/** `{...}` is one group around the whole value, not `{a} b {c}`. */
function balancedInside(braced: string): boolean {
  let depth = 0;
  for (let index = 0; index < braced.length; index++) {
    const char = braced[index];
    if (char === '\\') index++;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0 && index < braced.length - 1) return false;
  }
  return depth === 0;
}

export function splitAuthors(value: string): string[] {
  // " and " at brace depth 0 separates people.
  const names: string[] = [];
  let depth = 0;
  let current = '';
  const words = value.split(/(\s+and\s+|[{}])/);
  for (const word of words) {
    if (word === '{') depth++;
    if (word === '}') depth--;
    if (depth === 0 && /^\s+and\s+$/.test(word)) {
      names.push(current);
      current = '';
    } else current += word;
  }
  names.push(current);
  return names.map(personName).filter(Boolean);
}

export function parseBibtex(text: string, limits = { maxEntries: 10_000, maxFieldLength: 100_000 }): BibEntry[] {
  const entries: BibEntry[] = [];
  let i = 0;
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
  };
  const braced = (): string => {
    const start = i;
    let depth = 0;
    for (; i < text.length; i++) {
      const char = text[i];
      if (char === '\\') {
        i++;
        continue;
      }
      if (char === '{') depth++;
      else if (char === '}' && --depth === 0) {
        i++;
        return text.slice(start + 1, i - 1);
      }
      if (i - start > limits.maxFieldLength) throw new BibtexError('A field value is too long', lineAt(start));
    }
    throw new BibtexError('A brace is never closed', lineAt(start));
  };
  const quoted = (): string => {
    const start = i++;
    let depth = 0;
    for (; i < text.length; i++) {
      const char = text[i];
      if (char === '\\') i++;
      else if (char === '{') depth++;
      else if (char === '}') depth--;
      else if (char === '"' && depth === 0) return text.slice(start + 1, i++);
    }
    throw new BibtexError('A quote is never closed', lineAt(start));
  };

  while (i < text.length) {
    const at = text.indexOf('@', i);
    if (at < 0) break;
    i = at + 1;
    const type = /^[A-Za-z]+/.exec(text.slice(i))?.[0];
    if (!type) throw new BibtexError('An entry type should follow @', lineAt(at));
    i += type.length;
    skipSpace();
    const open = text[i];
    if (open !== '{' && open !== '(') throw new BibtexError(`@${type} should be followed by { or (`, lineAt(i));
    if (['comment', 'preamble', 'string'].includes(type.toLowerCase())) {
      braced(); // not entries
      continue;
    }
    i++;
    skipSpace();
    const key = /^[^,\s}]+/.exec(text.slice(i))?.[0];
    if (!key) throw new BibtexError(`@${type} has no citation key`, lineAt(i));
    i += key.length;
    const fields: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (text[i] === ',') i++;
      skipSpace();
      if (text[i] === '}' || text[i] === ')') {
        i++;
        break;
      }
      if (i >= text.length) throw new BibtexError(`@${type}{${key} is never closed`, lineAt(at));
      const name = /^[A-Za-z][\w-]*/.exec(text.slice(i))?.[0];
      if (!name) throw new BibtexError(`A field name was expected in ${key}`, lineAt(i));
      i += name.length;
      skipSpace();
      if (text[i] !== '=') throw new BibtexError(`"=" was expected after ${name} in ${key}`, lineAt(i));
      i++;
      skipSpace();
      let value: string;
      if (text[i] === '{') value = braced();
      else if (text[i] === '"') value = quoted();
      else {
        value = /^[\w.-]+/.exec(text.slice(i))?.[0] ?? '';
        if (!value) throw new BibtexError(`A value was expected for ${name} in ${key}`, lineAt(i));
        i += value.length;
      }
      fields[name.toLowerCase()] = value;
    }
    entries.push({ type: type.toLowerCase(), key, fields });
    if (entries.length > limits.maxEntries) throw new BibtexError(`More than ${limits.maxEntries} entries`, lineAt(at));
  }
  return entries;
}
