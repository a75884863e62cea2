// Keeps calls to one host at least `intervalMs` apart, in the order they were asked for. A serial
// spacer also holds the slot until the call has ended (its answer read), so two never overlap:
// arXiv asks for one connection at a time, and a slow answer must not let the next one start.

export interface Spacer {
  run<T>(task: () => Promise<T>): Promise<T>;
}

export function createSpacer(
  intervalMs: number,
  now: () => number = Date.now,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  serial = false,
): Spacer {
  let nextStart = 0;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const turn = queue.then(async () => {
        const wait = nextStart - now();
        if (wait > 0) await sleep(wait);
        nextStart = now() + intervalMs;
      });
      const done = turn.then(task);
      // The next call waits for this one's start, or (serial) for its end.
      queue = (serial ? done : turn).catch(() => undefined);
      return done;
    },
  };
}
