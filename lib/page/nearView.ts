// Which entries are near the reader's view: the long listing draws only those, and the rest as the
// reader scrolls towards them. The data for every entry is fetched regardless (triage orders by it).

/**
 * Reports elements as they come near the view, and which of those are in the view itself (the
 * first report is what the reader sees first); returns a way to stop watching.
 */
export type NearView = (elements: readonly Element[], onNear: (near: Element[], inView: Element[]) => void) => { forget(element: Element): void; stop(): void };

/**
 * How far ahead of the view entries are drawn: two screens above and below, so at a reader's scroll
 * speed an entry is drawn well before it shows (the benchmark scrolls and counts blank frames).
 */
export const NEAR_MARGIN = '200% 0px';

export const nearViewport: NearView = (elements, onNear) => {
  const view = elements[0]?.ownerDocument.defaultView as (Window & typeof globalThis) | null | undefined;
  if (!view?.IntersectionObserver) return everythingNear(elements, onNear);
  const observer = new view.IntersectionObserver(
    (records) => {
      const near = records.filter((record) => record.isIntersecting);
      const height = view.innerHeight;
      const inView = near.filter((record) => record.boundingClientRect.bottom > 0 && record.boundingClientRect.top < height);
      if (near.length > 0) onNear(near.map((record) => record.target), inView.map((record) => record.target));
    },
    { rootMargin: NEAR_MARGIN },
  );
  for (const element of elements) observer.observe(element);
  return { forget: (element) => observer.unobserve(element), stop: () => observer.disconnect() };
};

/** Every element at once: pages without IntersectionObserver, and tests that want everything drawn. */
export const everythingNear: NearView = (elements, onNear) => {
  if (elements.length > 0) queueMicrotask(() => onNear([...elements], [...elements]));
  return { forget: () => undefined, stop: () => undefined };
};
