// Fails on any import cycle in the tree (npm run lint, part of npm test). Type-only imports count
// too: a cycle of types is still two modules that cannot be understood apart.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Each file's project-local imports, resolved as TypeScript resolves them. */
export function importGraph(files: readonly string[], root: string): Map<string, string[]> {
  const options: ts.CompilerOptions = { allowJs: true, jsx: ts.JsxEmit.ReactJSX, moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext, allowImportingTsExtensions: true };
  const known = new Set(files.map((file) => resolve(root, file)));
  const graph = new Map<string, string[]>();
  for (const file of known) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map(({ fileName }) => ts.resolveModuleName(fileName.split('?')[0]!, file, options, ts.sys).resolvedModule?.resolvedFileName)
      .filter((target): target is string => target !== undefined && known.has(resolve(target)))
      .map((target) => resolve(target));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The import cycles: each strongly connected set of files (Tarjan), or a file importing itself. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)?.includes(file)) cycles.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = process.cwd();
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '*.ts', '*.tsx', '*.mjs', '*.js'], { encoding: 'utf8' })
    .split('\n')
    .filter((file) => file && !file.startsWith('node_modules/') && existsSync(file));
  const cycles = findCycles(importGraph(files, root));
  for (const cycle of cycles) console.error(`Import cycle: ${cycle.map((file) => file.slice(root.length + 1)).join(' ↔ ')}`);
  console.log(cycles.length === 0 ? `No import cycles in ${files.length} files.` : `${cycles.length} import cycle(s).`);
  process.exit(cycles.length === 0 ? 0 : 1);
}
