// What `npm test` and `npm run demo` need from the system, beside Node's packages: Debian's Chromium
// and Firefox ESR (the browsers the tests drive), Xvfb, xauth and xdotool (a virtual display, and the
// browser's permission prompt accepted with the keyboard), openssl (the Firefox tests' certificate),
// biber (judges the BibTeX export) and, for the demo, x11-apps (xwd, the toolbar screenshots).
// Missing ones are installed when that is possible (Debian, as root: what .ci/run does); otherwise
// the run stops at once with the exact line to run.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NEEDS = {
  test: [['chromium', '/usr/bin/chromium'], ['firefox-esr', '/usr/bin/firefox-esr'], ['xvfb', 'xvfb-run'], ['xauth', 'xauth'], ['xdotool', 'xdotool'], ['openssl', 'openssl'], ['biber', 'biber']],
  demo: [['chromium', '/usr/bin/chromium'], ['firefox-esr', '/usr/bin/firefox-esr'], ['xvfb', 'xvfb-run'], ['xauth', 'xauth'], ['xdotool', 'xdotool'], ['openssl', 'openssl'], ['x11-apps', 'xwd']],
};

const purpose = process.argv[2];
if (!(purpose in NEEDS)) {
  console.error(`usage: node scripts/system-deps.mjs ${Object.keys(NEEDS).join('|')}`);
  process.exit(2);
}
const present = (program) => (program.startsWith('/') ? existsSync(program) : spawnSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' }).status === 0);
const missing = NEEDS[purpose].filter(([, program]) => !present(program)).map(([pkg]) => pkg);
if (missing.length === 0) process.exit(0);

const line = `apt-get install -y ${missing.join(' ')}`;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && present('apt-get')) {
  console.log(`Installing what ${purpose === 'test' ? 'the tests' : 'the demo'} need from Debian's packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  if (install && install.status === 0) process.exit(0);
  console.error(`\nInstalling failed. Run it yourself, then try again:\n  ${line}`);
  process.exit(1);
}
console.error(`\n${purpose === 'test' ? 'npm test' : 'npm run demo'} needs programs this system lacks (${missing.join(', ')}). On Debian or Ubuntu, run:\n  sudo ${line}\nthen try again.`);
process.exit(1);
