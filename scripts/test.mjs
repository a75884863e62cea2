// `npm test`: typecheck, lint (ESLint with the folder boundaries, and the import-cycle check), unit
// tests, both builds, the store zips, web-ext lint, browser tests in real Chromium and in real Firefox; then one summary line
// `N passed, N failed` over all of them (the typecheck and the build count as one check each).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

// The browsers and tools the suites drive: installed now where possible, else a stop with the line to run.
if (spawnSync('node', ['scripts/system-deps.mjs', 'test'], { stdio: 'inherit' }).status !== 0) process.exit(1);

const results = [];
mkdirSync('test-results', { recursive: true });

function run(label, command, args) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', shell: false });
  return status === 0;
}

function check(label, command, args) {
  const ok = run(label, command, args);
  results.push({ label, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  return ok;
}

function vitest(project) {
  const report = `test-results/${project}.json`;
  rmSync(report, { force: true });
  const vitestArgs = ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${report}`];
  // The browser tests accept a native permission prompt, so they get an X display (virtual if need be).
  const ok = project === 'e2e' ? run(`${project} tests`, 'node', ['scripts/with-display.mjs', 'npx', ...vitestArgs]) : run(`${project} tests`, 'npx', vitestArgs);
  if (!existsSync(report)) {
    results.push({ label: `${project} tests`, passed: 0, failed: 1 });
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  // A file that failed to load runs no tests; count it as a failure rather than nothing.
  const brokenFiles = json.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
  const failed = json.numFailedTests + brokenFiles + (ok || json.numFailedTests + brokenFiles > 0 ? 0 : 1);
  results.push({ label: `${project} tests`, passed: json.numPassedTests, failed, skipped: json.numPendingTests + json.numTodoTests });
}

check('typecheck', 'npx', ['tsc', '--noEmit']);
check('lint', 'npx', ['eslint', '.']);
check('import cycles', 'npx', ['tsx', 'scripts/check-cycles.ts']);
vitest('unit');
// `npm run zip`: each build and its store zip (Firefox's with the source zip); the package test reads the zips.
const chrome = check('build and zip (Chrome MV3)', 'npx', ['wxt', 'zip']);
// The Firefox zip must also pass Mozilla's linter; the manifest test reads the build too.
const firefox = check('build and zip (Firefox MV2, sources)', 'npx', ['wxt', 'zip', '-b', 'firefox']);
if (firefox) check('web-ext lint (Firefox)', 'node', ['scripts/lint-firefox.mjs']);
else results.push({ label: 'web-ext lint (Firefox)', passed: 0, failed: 1 });
if (chrome) vitest('e2e');
else results.push({ label: 'e2e tests', passed: 0, failed: 1 });
// Real Firefox (firefox-esr) with the Firefox build.
if (firefox) vitest('firefox');
else results.push({ label: 'firefox tests', passed: 0, failed: 1 });

console.log('\n=== Summary');
for (const r of results) console.log(`${r.label}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`);
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
