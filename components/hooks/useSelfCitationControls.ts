// The self-citation control (lib/ui/selfCitationControl.ts) of each card a page of cards opens,
// as Preact state.

import { useEffect, useMemo, useState } from 'preact/hooks';
import { createSelfCitationControl, type SelfCitationControl } from '../../lib/ui/selfCitationControl';

export function useSelfCitationControls(): { open(authorId: string): void; control(authorId: string): SelfCitationControl | undefined } {
  const [, setVersion] = useState(0);
  const controls = useMemo(() => new Map<string, SelfCitationControl>(), []);
  useEffect(() => () => controls.forEach((control) => control.stop()), [controls]);
  return useMemo(
    () => ({
      open(authorId: string) {
        controls.get(authorId)?.stop();
        controls.set(authorId, createSelfCitationControl(authorId, () => setVersion((version) => version + 1)));
      },
      control: (authorId: string) => controls.get(authorId),
    }),
    [controls],
  );
}
