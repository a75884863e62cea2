// Mozilla's `web-ext lint` on the Firefox zip that `npm run zip` made (unpacked to a temporary folder,
// so what is linted is what would be uploaded): zero errors, and no warning beyond the ones README
// lists with their reason (Preact's own innerHTML path for `dangerouslySetInnerHTML`, which
// ScholarScope never uses). Exits non-zero otherwise.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';

const KNOWN_WARNINGS = [{ code: 'UNSAFE_VAR_ASSIGNMENT', message: /innerHTML/ }];

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const zipPath = `.output/scholarscope-${version}-firefox.zip`;
const zip = await JSZip.loadAsync(readFileSync(zipPath));
const dir = mkdtempSync(join(tmpdir(), 'scholarscope-lint-'));
for (const entry of Object.values(zip.files)) {
  if (entry.dir) continue;
  mkdirSync(dirname(join(dir, entry.name)), { recursive: true });
  writeFileSync(join(dir, entry.name), await entry.async('nodebuffer'));
}

const run = spawnSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
rmSync(dir, { recursive: true, force: true });
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
console.log(`web-ext lint on ${zipPath}: ${report.errors.length} errors, ${report.warnings.length} warnings (${unexpected.length} not listed in README), ${report.notices.length} notices`);
process.exit(report.errors.length === 0 && unexpected.length === 0 ? 0 : 1);
