// @vitest-environment node
// The lint step's rules fail on seeded violations: a boundary crossed between the folders that say
// where code runs, and an import cycle.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { findCycles, importGraph } from '../../scripts/check-cycles';

const eslint = new ESLint();
const rulesBroken = async (filePath: string, code: string) => (await eslint.lintText(code, { filePath }))[0]!.messages.map((message) => message.ruleId);

describe('import boundaries', () => {
  it.each([
    ['lib/core/seeded.ts', "import { browser } from 'wxt/browser';\nexport const x = browser;\n", 'no-restricted-imports'],
    ['lib/core/seeded.ts', "import { h } from 'preact';\nexport const x = h;\n", 'no-restricted-imports'],
    ['lib/core/seeded.ts', "import { createBackground } from '../background';\nexport const x = createBackground;\n", 'no-restricted-imports'],
    ['lib/core/sites/seeded.ts', 'export const title = () => document.title;\n', 'no-restricted-globals'],
    ['lib/background/seeded.ts', "import { annotateEntries } from '../page/annotate';\nexport const x = annotateEntries;\n", 'no-restricted-imports'],
    ['lib/page/seeded.ts', "import { createBackground } from '../background';\nexport const x = createBackground;\n", 'no-restricted-imports'],
    ['lib/ui/seeded.ts', "import { openDatabase } from '../background/store/db';\nexport const x = openDatabase;\n", 'no-restricted-imports'],
    ['components/Seeded.tsx', "import { ask } from '../lib/ui/ask';\nexport const x = ask;\n", 'no-restricted-imports'],
    ['components/containers/Seeded.tsx', "import { createBackground } from '../../lib/background';\nexport const x = createBackground;\n", 'no-restricted-imports'],
    ['entrypoints/popup/seeded.ts', "import { createBackground } from '../../lib/background';\nexport const x = createBackground;\n", 'no-restricted-imports'],
  ])('%s: refuses %j', async (file, code, rule) => {
    expect(await rulesBroken(file, code)).toContain(rule);
  });

  it.each([
    ['lib/page/seeded.ts', "import { ask } from '../ui/ask';\nexport const x = ask;\n"],
    ['components/containers/Seeded.tsx', "import { ask } from '../../lib/ui/ask';\nexport const x = ask;\n"],
    ['entrypoints/background.ts', "import { createBackground } from '../lib/background';\nexport const x = createBackground;\n"],
    ['lib/core/seeded.ts', "import { parseArxivId } from './ids';\nexport const x = parseArxivId;\n"],
  ])('%s: allows %j', async (file, code) => {
    expect(await rulesBroken(file, code)).toEqual([]);
  });
});

describe('the cycle check', () => {
  it('finds a cycle, type-only imports included, and nothing in a tree without one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cycles-'));
    try {
      writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport const a = b;\n");
      writeFileSync(join(dir, 'b.ts'), "import type { C } from './c';\nexport const b: C = 1;\n");
      writeFileSync(join(dir, 'c.ts'), "import { a } from './a';\nexport type C = typeof a;\n");
      writeFileSync(join(dir, 'd.ts'), "import { a } from './a';\nexport const d = a;\n");
      const files = ['a.ts', 'b.ts', 'c.ts', 'd.ts'];
      const cycles = findCycles(importGraph(files, dir)).map((cycle) => cycle.map((file) => file.slice(dir.length + 1)));
      expect(cycles).toEqual([['a.ts', 'b.ts', 'c.ts']]);
      writeFileSync(join(dir, 'c.ts'), 'export type C = number;\n');
      expect(findCycles(importGraph(files, dir))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
