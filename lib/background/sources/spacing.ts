// Keeps calls to one host at least `intervalMs` apart, in the order they were asked for.

export interface Spacer {
  run<T>(task: () => Promise<T>): Promise<T>;
}

export function createSpacer(
  intervalMs: number,
  now: () => number = Date.now,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
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
      queue = turn.catch(() => undefined);
      return turn.then(task);
    },
  };
}
