// CPU profiles over the Chrome DevTools Protocol: the page's main thread (our content script runs
// there, in its own world) and the extension's service worker. Saved as .cpuprofile (open them in
// DevTools' Performance panel) with a summary of where the samples went.

import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import type { Harness } from '../../tests/e2e/harness';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time by where it ran: our extension, the page's own scripts, the browser's own work, garbage collection. */
export function summarize(profile: CpuProfile): { total: number; buckets: Record<string, number>; top: { fn: string; ms: number }[] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const buckets: Record<string, number> = {};
  const functions = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const frame = byId.get(id)!.callFrame;
    const bucket = frame.functionName === '(idle)' ? 'idle' : frame.url.startsWith('chrome-extension://') ? 'extension' : frame.url ? 'page scripts' : frame.functionName === '(garbage collector)' ? 'garbage collection' : 'native (style, layout; IndexedDB, messaging in the worker)';
    buckets[bucket] = (buckets[bucket] ?? 0) + ms;
    if (bucket === 'extension') {
      const name = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^chrome-extension:\/\/[^/]+\//, '')}:${frame.lineNumber + 1}`;
      functions.set(name, (functions.get(name) ?? 0) + ms);
    }
  });
  const total = Object.entries(buckets).reduce((sum, [name, ms]) => (name === 'idle' ? sum : sum + ms), 0);
  const top = [...functions].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([fn, ms]) => ({ fn, ms: Math.round(ms) }));
  return { total: Math.round(total), buckets: Object.fromEntries(Object.entries(buckets).map(([k, v]) => [k, Math.round(v)])), top };
}

/** Speaks to the service worker through the page's session (Target.sendMessageToTarget). */
async function workerSession(cdp: CDPSession, harness: Harness): Promise<{ send(method: string, params?: object): Promise<unknown> }> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const target = targetInfos.find((info) => info.type === 'service_worker' && info.url.includes(harness.extensionId));
  if (!target) throw new Error('No service worker target to profile');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  let next = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.error ? Promise.reject(new Error(JSON.stringify(message.error))) : message.result);
  });
  return {
    send(method, params = {}) {
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      });
    },
  };
}

/** Starts profiling the page and the worker; `stop` saves `<prefix>-page.cpuprofile` and `<prefix>-worker.cpuprofile` and prints the summaries. */
export async function startProfile(page: Page, harness: Harness, prefix: string): Promise<{ stop(): Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const worker = await workerSession(cdp, harness);
  await worker.send('Profiler.enable');
  await worker.send('Profiler.setSamplingInterval', { interval: 200 });
  await worker.send('Profiler.start');
  return {
    async stop() {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      const { profile: workerProfile } = (await worker.send('Profiler.stop')) as { profile: CpuProfile };
      writeFileSync(`${prefix}-page.cpuprofile`, JSON.stringify(profile));
      writeFileSync(`${prefix}-worker.cpuprofile`, JSON.stringify(workerProfile));
      for (const [where, data] of [
        ['page', profile],
        ['service worker', workerProfile],
      ] as const) {
        const summary = summarize(data);
        console.log(`\nCPU profile, ${where} (${prefix.split('/').pop()}): ${summary.total} ms busy`, summary.buckets);
        if (summary.top.length > 0) console.table(summary.top);
      }
      await cdp.detach();
    },
  };
}
