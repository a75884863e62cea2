// Firefox: the MV2 build beside an MV3 build of the same code, measured in real Firefox (firefox-esr)
// on the recorded abstract page: chips on a cold visit, chips on a revisit after the event page was
// unloaded (the wake), and the add-on's size. `npm run bench:firefox` (builds both first).

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { renderAbsPage } from '../tests/fixtures/arxivAbs';
import { hiperRecord } from '../tests/fixtures/seedWorld';
import { BACKGROUND_IDLE_MS, launchFirefox, waitFor } from '../tests/firefox/harness';

const RUNS = 5;
const URL_ = `https://arxiv.org/abs/${hiperRecord.id}`;

function size(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(dir: string) {
  process.env.FIREFOX_ADDON_DIR = dir;
  const cold: number[] = [];
  const wake: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const firefox = await launchFirefox();
    firefox.pages.set(URL_, renderAbsPage(hiperRecord));
    const chipsAfter = async () => {
      const page = await firefox.browser.newPage();
      const started = Date.now();
      await page.goto(URL_);
      await waitFor(() => page.evaluate(() => document.querySelector('div.authors > scholarscope-chip')?.shadowRoot?.textContent ?? ''), (text) => text.startsWith('h '));
      const took = Date.now() - started;
      await page.close();
      return took;
    };
    cold.push(await chipsAfter());
    await waitFor(() => firefox.backgroundRunning(), (running) => !running, BACKGROUND_IDLE_MS + 15_000);
    wake.push(await chipsAfter());
    await firefox.close();
  }
  return { cold: median(cold), wake: median(wake), kb: size(dir) / 1024 };
}

const mv2 = await measure('.output/firefox-mv2');
const mv3 = await measure('.output/firefox-mv3');
console.log(`Firefox ${process.env.FIREFOX_PATH ?? 'firefox-esr'}, median of ${RUNS} launches each (ms from navigation to the first chip):`);
console.log('| build | cold visit | revisit after the event page was unloaded | size (kB) |');
console.log('|---|---|---|---|');
for (const [name, figures] of [['MV2 (shipped)', mv2], ['MV3', mv3]] as const) console.log(`| ${name} | ${figures.cold} | ${figures.wake} | ${figures.kb.toFixed(0)} |`);
