// Long work on the page's main thread, cut into slices so that no task of ours runs long.

export type Yield = () => Promise<void>;

// A message-channel turn lets the page handle input and paint without setTimeout's 4 ms clamp.
export const yieldToPage: Yield = () =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

/** Runs `work` on each item, yielding to the page whenever a slice has used `budgetMs`. */
export async function inSlices<T>(items: readonly T[], work: (item: T) => void, budgetMs = 8, pause: Yield = yieldToPage): Promise<void> {
  let sliceStart = performance.now();
  for (const item of items) {
    work(item);
    if (performance.now() - sliceStart >= budgetMs) {
      measure('slice', sliceStart);
      await pause();
      sliceStart = performance.now();
    }
  }
  measure('slice', sliceStart);
}

/** Records our share of the main thread on the page's performance timeline (read by the benchmarks). */
export function measure(name: string, start: number): void {
  try {
    performance.measure(`scholarscope:${name}`, { start, end: performance.now() });
  } catch {
    // Timeline unavailable: measuring is optional.
  }
}
