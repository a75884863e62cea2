// A person's name as reference managers want it: family name, particle ("van der", "de la"),
// given names and suffix ("Jr."); or a literal name kept whole (collaborations, organisations, and
// anything a name split would misread: a comma, the word "and"). Saved papers keep names as pages
// show them ("Jan van der Berg"); this is how BibTeX and RIS get them, and how they are read back.

export interface PersonName {
  family: string;
  /** Lower-case words before the family name: `van der`, `de la`, `von`. */
  particle: string;
  given: string;
  suffix: string;
  /** Set when the name is kept whole. */
  literal: string | null;
}

const SUFFIX = /^(?:Jr\.?|Sr\.?|II|III|IV|V)$/;
// Words that make a name an organisation's, not a person's.
const CORPORATE = /\b(?:Collaboration|Consortium|Organi[sz]ation|Team|Group|Institute|University|Project|Initiative|Committee|Association|Society|Laborator(?:y|ies)|Cent(?:er|re)|Network|Council|Foundation)\b/i;

export function splitName(name: string): PersonName {
  const text = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  const literal = (value: string): PersonName => ({ family: value, particle: '', given: '', suffix: '', literal: value });
  // A comma or "and" would be read as name structure; an organisation has no given name.
  if (text.includes(',') || /(?:^|\s)and(?:\s|$)/i.test(text) || CORPORATE.test(text) || !/\p{L}/u.test(text)) return literal(text);
  const words = text.split(' ');
  const suffix = words.length >= 3 && SUFFIX.test(words[words.length - 1]!) ? words.pop()! : '';
  const family = words.pop() ?? '';
  // Particles: the lower-case words right before the family name (never the first word).
  let start = words.length;
  while (start > 1 && /^\p{Ll}/u.test(words[start - 1]!)) start--;
  return { family, particle: words.slice(start).join(' '), given: words.slice(0, start).join(' '), suffix, literal: null };
}

/** The family name with its particle, as RIS and CSL write it: `van der Berg`. */
export function familyWithParticle(name: PersonName): string {
  return [name.particle, name.family].filter(Boolean).join(' ');
}

/** The name as pages show it, from its parts: `Jan van der Berg`, `John Smith Jr.`. */
export function displayName(name: Omit<PersonName, 'literal'>): string {
  return [name.given, name.particle, name.family, name.suffix].filter(Boolean).join(' ');
}
