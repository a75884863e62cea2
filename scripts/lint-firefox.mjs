// Mozilla's `web-ext lint` on the Firefox build: zero errors, and no warning beyond the ones README
// lists with their reason (Preact's own innerHTML path for `dangerouslySetInnerHTML`, which
// ScholarScope never uses). Exits non-zero otherwise.

import { spawnSync } from 'node:child_process';

const KNOWN_WARNINGS = [{ code: 'UNSAFE_VAR_ASSIGNMENT', message: /innerHTML/ }];

const run = spawnSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error('web-ext lint gave no report:', run.stderr || run.stdout);
  process.exit(1);
}
const unexpected = report.warnings.filter((warning) => !KNOWN_WARNINGS.some((known) => known.code === warning.code && known.message.test(warning.message)));
for (const kind of ['errors', 'warnings', 'notices']) {
  for (const item of report[kind]) console.log(`${kind.slice(0, -1)}: ${item.code} ${item.file ?? ''} ${item.message}`);
}
console.log(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings (${unexpected.length} not listed in README), ${report.notices.length} notices`);
process.exit(report.errors.length === 0 && unexpected.length === 0 ? 0 : 1);
