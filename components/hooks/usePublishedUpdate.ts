import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PUBLISHED_CHECK_MAX } from '../../lib/core/protocol/saved';
import type { PublishedOffer } from '../../lib/core/protocol/wire';
import { PUBLISHED_VERSION_ORIGINS, type PublishedVersion } from '../../lib/core/published';
import { ask } from '../../lib/ui/ask';
import type { PublishedRun } from '../PublishedUpdate';

/** Where an unfinished run's remaining keys are kept, so closing the library does not lose it. */
const RESUME_KEY = 'scholarscope.publishedRun';
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

interface Stored {
  keys: string[];
  total: number;
}
function stored(): Stored | null {
  try {
    const value = JSON.parse(localStorage.getItem(RESUME_KEY) ?? 'null') as Stored | null;
    return value && Array.isArray(value.keys) && value.keys.every((key) => typeof key === 'string') && Number.isInteger(value.total) ? value : null;
  } catch {
    return null;
  }
}

/**
 * The run behind the library's "Update to published versions": asks for DBLP's and Crossref's hosts
 * (the browser's prompt, once), then checks PUBLISHED_CHECK_MAX papers a message until done or
 * stopped; what is left survives the page (Resume). Accepting writes the venue, undo the one before.
 */
export function usePublishedUpdate(onChanged: () => void) {
  const [run, setRun] = useState<PublishedRun | null>(() => {
    const left = stored();
    return left && left.keys.length > 0 ? { total: left.total, left: left.keys.length, running: false, offers: [], accepted: new Map(), error: null } : null;
  });
  const stopping = useRef(false);

  const loop = useCallback(async (keys: string[], total: number) => {
    stopping.current = false;
    setRun((current) => ({ offers: [], accepted: new Map(), ...current, total, left: keys.length, running: true, error: null }));
    let left = keys;
    while (left.length > 0 && !stopping.current) {
      const part = left.slice(0, PUBLISHED_CHECK_MAX);
      let offers: PublishedOffer[];
      try {
        offers = await ask({ type: 'checkPublished', keys: part, fresh: false });
      } catch (error) {
        setRun((current) => current && { ...current, running: false, error: message(error) });
        return;
      }
      left = left.slice(part.length);
      localStorage.setItem(RESUME_KEY, JSON.stringify({ keys: left, total }));
      setRun((current) => current && { ...current, left: left.length, offers: [...current.offers, ...offers] });
      // Retraction marks were written to the list.
      if (offers.some((offer) => offer.retraction)) onChanged();
    }
    if (left.length === 0) localStorage.removeItem(RESUME_KEY);
    setRun((current) => current && { ...current, running: false });
  }, [onChanged]);

  // The permission prompt must come from the click itself: asked before anything is awaited.
  const start = (keys: string[]) => {
    const origins = Object.values(PUBLISHED_VERSION_ORIGINS);
    setRun(null);
    void browser.permissions.request({ origins }).catch(() => false).then(() => loop(keys, keys.length));
  };

  const accept = (offers: PublishedOffer[]) => {
    void (async () => {
      for (const offer of offers) {
        await ask({ type: 'updateSaved', keys: [offer.key], changes: { published: offer.published } });
        setRun((current) => current && { ...current, accepted: new Map([...current.accepted, [offer.key, offer.current]]) });
      }
      onChanged();
    })().catch((error: unknown) => setRun((current) => current && { ...current, error: message(error) }));
  };

  const undo = (key: string) => {
    const before: PublishedVersion | null | undefined = run?.accepted.get(key);
    if (before === undefined) return;
    void ask({ type: 'updateSaved', keys: [key], changes: { published: before } }).then(
      () => {
        setRun((current) => current && { ...current, accepted: new Map([...current.accepted].filter(([accepted]) => accepted !== key)) });
        onChanged();
      },
      (error: unknown) => setRun((current) => current && { ...current, error: message(error) }),
    );
  };

  useEffect(() => () => void (stopping.current = true), []);

  return {
    run,
    start,
    accept,
    undo,
    stop: () => void (stopping.current = true),
    resume: () => {
      const left = stored();
      if (left) void loop(left.keys, left.total);
    },
    close: () => {
      stopping.current = true;
      localStorage.removeItem(RESUME_KEY);
      setRun(null);
    },
  };
}
