// The build before a change, for the benchmarks to measure beside the current one in the same run:
// the given commit checked out in a temporary worktree (sharing this checkout's node_modules), built,
// and kept under .output/baseline-<commit>/ so later runs reuse it.

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The last commit before the speed-at-scale work (issue 16): what its figures are measured against. */
export const BEFORE_SPEED_WORK = '68eb962';

export function baselineBuild(revision: string): string {
  const commit = execFileSync('git', ['rev-parse', '--short', `${revision}^{commit}`], { encoding: 'utf8' }).trim();
  const out = resolve(`.output/baseline-${commit}/chrome-mv3`);
  if (existsSync(join(out, 'manifest.json'))) return out;
  const tree = mkdtempSync(join(tmpdir(), 'scholarscope-baseline-'));
  console.log(`Building the baseline (${commit}) in ${tree}…`);
  try {
    execFileSync('git', ['worktree', 'add', '--detach', tree, commit], { stdio: 'ignore' });
    symlinkSync(resolve('node_modules'), join(tree, 'node_modules'));
    execFileSync('npx', ['wxt', 'build'], { cwd: tree, stdio: 'ignore' });
    cpSync(join(tree, '.output/chrome-mv3'), out, { recursive: true });
    return out;
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', tree], { stdio: 'ignore' });
    rmSync(tree, { recursive: true, force: true });
  }
}
