// Papers asked for within a short window (several tabs, several groups of one page) share one
// queue; each flush sends batches of up to the source's limit. A key already on its way is not
// asked for again. Callers get the records the flush wrote, so they answer from memory. Urgent keys
// (the entries in the reader's view) skip the window: they go out at once, in a batch of their own.

import type { PaperKey } from '../../core/ids';

/** How long the background waits for more paper requests before sending a batch. */
export const BATCH_WINDOW_MS = 20;

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  promise.catch(() => undefined); // Callers handle the failure; this copy must not be reported as unhandled.
  return { promise, resolve, reject };
}

/** `fetchBatch` answers each key of a batch with its record or the error that cost it. */
export function createBatcher<R>(fetchBatch: (keys: PaperKey[]) => Promise<Map<PaperKey, R | Error>>, batchLimit: number) {
  const waits = new Map<PaperKey, Promise<R>>();
  let queue = new Map<PaperKey, Deferred<R>>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function send(batch: Map<PaperKey, Deferred<R>>) {
    const keys = [...batch.keys()];
    const chunks: PaperKey[][] = [];
    for (let start = 0; start < keys.length; start += batchLimit) chunks.push(keys.slice(start, start + batchLimit));
    await Promise.all(
      chunks.map(async (chunk) => {
        try {
          const records = await fetchBatch(chunk);
          for (const key of chunk) {
            const record = records.get(key)!;
            if (record instanceof Error) batch.get(key)!.reject(record);
            else batch.get(key)!.resolve(record);
          }
        } catch (error) {
          for (const key of chunk) batch.get(key)!.reject(error);
        } finally {
          for (const key of chunk) waits.delete(key);
        }
      }),
    );
  }

  function flush() {
    timer = null;
    const batch = queue;
    queue = new Map();
    return send(batch);
  }

  /** The records for `keys`, fetched with whatever else is asked for in the same window (or, urgent, at once). */
  return function fetch(keys: readonly PaperKey[], urgent = false): Promise<Map<PaperKey, R>> {
    const now = new Map<PaperKey, Deferred<R>>();
    const answers = keys.map(async (key) => {
      let wait = waits.get(key);
      if (!wait) {
        const pending = deferred<R>();
        (urgent ? now : queue).set(key, pending);
        wait = pending.promise;
        waits.set(key, wait);
      }
      return [key, await wait] as const;
    });
    if (now.size > 0) void send(now);
    if (queue.size > 0) timer ??= setTimeout(() => void flush(), BATCH_WINDOW_MS);
    return Promise.all(answers).then((entries) => new Map(entries));
  };
}
