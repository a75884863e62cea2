// Firefox: the MV2 build beside an MV3 build of the same code, measured in real Firefox (firefox-esr)
// on the recorded abstract page: chips on a cold visit, chips on a revisit after the event page was
// unloaded (the wake), and the add-on's size. `npm run bench:firefox` (builds both first).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { renderAbsPage } from '../tests/fixtures/arxivAbs';
import { hiperRecord } from '../tests/fixtures/seedWorld';
import { BACKGROUND_IDLE_MS, launchFirefox, waitFor } from '../tests/firefox/harness';

const RUNS = 7;
const URL_ = `https://arxiv.org/abs/${hiperRecord.id}`;

function size(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Figures {
  cold: number[];
  wake: number[];
  /** The page's own load (navigation to its load event) on the cold visit: the floor the chips add to. */
  load: number[];
}

/** One launch: the cold visit, then a revisit once the event page is unloaded. */
async function launchOnce(dir: string, into: Figures): Promise<void> {
  const firefox = await launchFirefox({ addonDir: dir });
  try {
    firefox.pages.set(URL_, renderAbsPage(hiperRecord));
    const chipsAfter = async () => {
      const page = await firefox.browser.newPage();
      const started = Date.now();
      await page.goto(URL_);
      const loaded = Date.now() - started;
      // Read in the add-on's content-script world: its roots are closed to the page. (The read goes
      // through an extension page, so the time includes a little of that.)
      await waitFor(() => firefox.inContent(page, () => (document.querySelector('div.authors > scholarscope-chip') as (Element & { openOrClosedShadowRoot: ShadowRoot | null }) | null)?.openOrClosedShadowRoot?.textContent ?? ''), (text) => text.startsWith('h '));
      const took = Date.now() - started;
      await page.close();
      return { took, loaded };
    };
    const cold = await chipsAfter();
    into.cold.push(cold.took);
    into.load.push(cold.loaded);
    await waitFor(() => firefox.backgroundRunning(), (running) => !running, BACKGROUND_IDLE_MS + 15_000);
    into.wake.push((await chipsAfter()).took);
  } finally {
    await firefox.close();
  }
}

const builds = ['.output/firefox-mv2', '.output/firefox-mv3'];
const figures = builds.map((): Figures => ({ cold: [], wake: [], load: [] }));
// Interleaved, so the machine's drift and the disk cache's warming fall on both builds alike.
for (let run = 0; run < RUNS; run++) for (const [index, dir] of builds.entries()) await launchOnce(dir, figures[index]!);

console.log(`Firefox ${process.env.FIREFOX_PATH ?? 'firefox-esr'}, median of ${RUNS} launches each, interleaved (ms from navigation):`);
console.log('| build | page loaded (floor) | first chip, cold visit | first chip, revisit after the event page was unloaded | size (kB) |');
console.log('|---|---|---|---|---|');
for (const [index, dir] of builds.entries()) {
  // The manifest version is read from each installed build, so the rows cannot be the same build twice.
  const { manifest_version: version } = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { manifest_version: number };
  const row = figures[index]!;
  console.log(`| MV${version}${version === 2 ? ' (shipped)' : ''} | ${median(row.load)} | ${median(row.cold)} | ${median(row.wake)} | ${(size(dir) / 1024).toFixed(0)} |`);
}
