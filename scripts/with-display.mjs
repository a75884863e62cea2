// Runs a command with an X display: the one there is, or a virtual one from xvfb-run. Granting the
// optional profile-site permissions in the browser tests and the demo means accepting the browser's
// own prompt, a native window, so those runs need a display (tests/e2e/harness.ts).
// Sets SCHOLARSCOPE_VIRTUAL_DISPLAY=1 when the display is virtual (nobody is watching it).

import { spawnSync } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
const hasXvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
const { status } =
  process.env.DISPLAY || !hasXvfb
    ? spawnSync(command, args, { stdio: 'inherit' })
    : spawnSync('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', command, ...args], { stdio: 'inherit', env: { ...process.env, SCHOLARSCOPE_VIRTUAL_DISPLAY: '1' } });
process.exit(status ?? 1);
