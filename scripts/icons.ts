// The toolbar and store icons, drawn from assets/icon.svg by headless Chromium at every size the
// manifests name: `npm run icons` writes public/icon/<size>.png (WXT puts them in the manifest).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../tests/e2e/harness';

export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

const svg = readFileSync('assets/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
mkdirSync('public/icon', { recursive: true });
for (const size of ICON_SIZES) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}img{display:block;width:${size}px;height:${size}px}</style><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`);
  await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
  writeFileSync(`public/icon/${size}.png`, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
}
await browser.close();
console.log(`Icons written: ${ICON_SIZES.map((size) => `public/icon/${size}.png`).join(', ')}`);
