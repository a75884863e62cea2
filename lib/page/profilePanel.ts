// The floating panel on profile pages: resolves who the page is about through the background,
// shows the author card, and lets the reader correct the match (the pin is stored and wins).

import { h, render } from 'preact';
import type { AuthorCardState } from '../../components/AuthorCard';
import { ProfilePanel, type PanelState } from '../../components/ProfilePanel';
import type { Candidate, ProfileQuery, Resolution } from '../core/identity';
import type { AuthorCardData } from '../core/model';
import type { Prefs } from '../core/settings';
import { createAuthorSetState, type AuthorSetActions } from '../ui/authorSet';
import { createPersonControl, type PersonActions } from '../ui/personControl';
import { createShadowHost } from './shadow';

export interface PanelDeps {
  doc: Document;
  css: string;
  resolve: (query: ProfileQuery) => Promise<Resolution>;
  candidates: (query: ProfileQuery) => Promise<Candidate[]>;
  pin: (profile: string, authorId: string | null) => Promise<unknown>;
  authorCard: (authorId: string) => Promise<AuthorCardData>;
  /** Whether the reader left the panel collapsed (pageSettings). */
  collapsed: boolean;
  savePrefs: (prefs: Pick<Prefs, 'panelCollapsed'>) => Promise<unknown>;
  compare?: AuthorSetActions;
  follow?: AuthorSetActions;
  persons?: PersonActions;
}

export interface ProfilePanelHandle {
  /** Show the panel for another profile (single-page apps change person without a reload). */
  show(query: ProfileQuery): Promise<void>;
  remove(): void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function mountProfilePanel(deps: PanelDeps): ProfilePanelHandle {
  const { host, root } = createShadowHost(deps.doc, 'scholarscope-panel', deps.css, 'block');
  deps.doc.body.append(host);
  let query: ProfileQuery | null = null;
  let state: PanelState = { status: 'loading' };
  let collapsed = deps.collapsed;
  let generation = 0;
  const tray = deps.compare && createAuthorSetState(deps.compare, () => draw());
  const following = deps.follow && createAuthorSetState(deps.follow, () => draw());

  let person: ReturnType<typeof createPersonControl> | undefined;
  const shownAuthor = () => (state.status === 'resolved' && state.card.status === 'ready' ? state.card.data.author : null);

  function draw() {
    render(
      h(ProfilePanel, {
        name: query?.name ?? null,
        state,
        collapsed,
        onToggleCollapsed: () => {
          collapsed = !collapsed;
          draw();
          void deps.savePrefs({ panelCollapsed: collapsed }).catch(() => undefined);
        },
        onPin: (authorId) => void pinAndReload(authorId),
        onWrongPerson: () => void showCandidates(),
        onRetry: () => query && void show(query),
        compare: tray?.toggle(shownAuthor()),
        follow: following?.toggle(shownAuthor()),
        person: person?.control(shownAuthor() !== null),
      }),
      root,
    );
  }

  function set(next: PanelState, forGeneration: number) {
    if (forGeneration !== generation) return; // An older lookup finishing after a newer one.
    state = next;
    draw();
  }

  async function show(next: ProfileQuery) {
    query = next;
    const mine = ++generation;
    set({ status: 'loading' }, mine);
    try {
      const resolution = await deps.resolve(next);
      if (resolution.status !== 'resolved') return set(resolution, mine);
      const loading: AuthorCardState = { status: 'loading', author: resolution.author };
      person = deps.persons && createPersonControl(deps.persons, resolution.author.authorId, { redraw: draw, changed: () => void show(next) });
      set({ ...resolution, card: loading }, mine);
      const card: AuthorCardState = await deps.authorCard(resolution.author.authorId).then(
        (data) => ({ status: 'ready', data }) as const,
        (error: unknown) => ({ status: 'error', message: message(error), author: resolution.author }) as const,
      );
      await Promise.all([tray?.refresh(), following?.refresh()]);
      set({ ...resolution, card }, mine);
    } catch (error) {
      set({ status: 'error', message: message(error) }, mine);
    }
  }

  async function showCandidates() {
    if (!query) return;
    const mine = ++generation;
    set({ status: 'loading' }, mine);
    try {
      const found = await deps.candidates(query);
      set(found.length > 0 ? { status: 'candidates', candidates: found } : { status: 'unknown' }, mine);
    } catch (error) {
      set({ status: 'error', message: message(error) }, mine);
    }
  }

  async function pinAndReload(authorId: string) {
    if (!query) return;
    await deps.pin(query.profile, authorId);
    await show(query);
  }

  draw();
  return { show, remove: () => host.remove() };
}
