// An author set (compare tray, follows) as Preact state: the same state the hover card and the
// profile panel keep (lib/ui/authorSet.ts), redrawing the component on every change.

import { useEffect, useMemo, useState } from 'preact/hooks';
import { createAuthorSetState, type AuthorSetActions, type AuthorSetState } from '../../lib/ui/authorSet';

export function useAuthorSet(actions: AuthorSetActions): AuthorSetState {
  const [, setVersion] = useState(0);
  const state = useMemo(() => createAuthorSetState(actions, () => setVersion((version) => version + 1)), [actions]);
  useEffect(() => void state.refresh(), [state]);
  return state;
}
