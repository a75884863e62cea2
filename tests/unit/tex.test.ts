import { describe, expect, it } from 'vitest';
import { texToUnicode } from '../../lib/core/tex';

describe('texToUnicode', () => {
  it.each([
    ["Bal\\'azs", 'Balázs'],
    ["Ren{\\'e} Fournet", 'René Fournet'],
    ["Fr{\\'e}d{\\'e}rique", 'Frédérique'],
    ["\\'Arp\\'ad B\\'enyi", 'Árpád Bényi'],
    ['J. Er\\"o', 'J. Erö'],
    ['Colin de Verdi\\`ere', 'Colin de Verdière'],
    ['T. Cs\\"org\\H{o}', 'T. Csörgő'],
    ['\\c{C}a\\u{g}lar', 'Çağlar'],
    ['Ji\\v{r}\\\'i', 'Jiří'],
    ['Gau\\ss', 'Gauß'],
    ['\\AA{}ngstr\\"om', 'Ångström'],
    ['Lech Wa\\l{}\\k{e}sa', 'Lech Wałęsa'],
    ['{\\L}ukasz S{\\o}ren', 'Łukasz Søren'],
    ['na\\"{\\i}ve', 'naïve'],
    ['R\\&D 50\\%', 'R&D 50%'],
    ['plain text', 'plain text'],
  ])('%s -> %s', (tex, unicode) => {
    expect(texToUnicode(tex)).toBe(unicode);
  });

  it('leaves unknown commands alone', () => {
    expect(texToUnicode('$\\alpha$ and \\emph{x}')).toBe('$\\alpha$ and \\emph{x}');
  });
});
