// The person control (lib/ui/personControl.ts) for each card a page of cards opens, as Preact
// state: a card, once ready, asks for its other profiles once; a change loads that card again.

import { useMemo, useRef, useState } from 'preact/hooks';
import type { PersonControl } from '../../lib/core/personCandidates';
import { createPersonControl, personActions } from '../../lib/ui/personControl';

export function usePersonControls(reload: (authorId: string) => void): { open(authorId: string): void; control(authorId: string, cardReady: boolean): PersonControl | undefined } {
  const [, setVersion] = useState(0);
  const latestReload = useRef(reload);
  latestReload.current = reload;
  const controls = useMemo(() => new Map<string, ReturnType<typeof createPersonControl>>(), []);
  return useMemo(
    () => ({
      open(authorId: string) {
        controls.set(authorId, createPersonControl(personActions, authorId, { redraw: () => setVersion((version) => version + 1), changed: () => latestReload.current(authorId) }));
      },
      control: (authorId: string, cardReady: boolean) => controls.get(authorId)?.control(cardReady),
    }),
    [controls],
  );
}
