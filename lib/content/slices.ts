// Long work on the page's main thread, cut into slices so that no task of ours runs long.

export type Yield = () => Promise<void>;

export const yieldToPage: Yield = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Runs `work` on each item, yielding to the page whenever a slice has used `budgetMs`. */
export async function inSlices<T>(items: readonly T[], work: (item: T) => void, budgetMs = 8, pause: Yield = yieldToPage): Promise<void> {
  let sliceStart = performance.now();
  for (const item of items) {
    work(item);
    if (performance.now() - sliceStart >= budgetMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}
