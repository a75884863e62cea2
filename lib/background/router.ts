// The background's single entry point for messages: check the sender and the payload,
// dispatch to the service, and always answer (never throw back into the messaging layer).

import { parseBackgroundRequest, type Reply, type TabUpdate } from '../core/protocol/messages';
import type { PaperWithAuthors } from '../core/model';
import type { Service } from './service';

export interface Sender {
  /** The extension id of the sender, as the browser reports it. */
  id?: string;
  /** The tab of a content script that sent it. */
  tab?: { id?: number };
}

/** Sends a message to a tab's content script (the background's way to update what is on screen). */
export type NotifyTab = (tabId: number, message: TabUpdate) => void;

export async function handleMessage(
  service: Service,
  raw: unknown,
  sender: Sender,
  ownId: string,
  notify?: NotifyTab,
  /** Told the tray's size after it changes (the toolbar badge shows it). */
  onTrayChanged?: (size: number) => void,
): Promise<Reply<unknown>> {
  if (sender.id !== ownId) return { ok: false, error: 'Messages are accepted only from this extension' };
  const request = parseBackgroundRequest(raw);
  if ('error' in request) return { ok: false, error: request.error };
  const trayChanged = <T extends unknown[]>(tray: T): T => (onTrayChanged?.(tray.length), tray);
  try {
    switch (request.type) {
      case 'papers': {
        const tabId = sender.tab?.id;
        const onRefreshed = notify && tabId !== undefined ? (papers: Record<string, PaperWithAuthors | null>) => notify(tabId, { type: 'papersRefreshed', papers }) : undefined;
        const papers = await service.papers(request.keys, onRefreshed);
        // Papers a page shows by followed authors are remembered for the popup; never in the way.
        void service.follows.noteSightings(papers).catch(() => undefined);
        return { ok: true, data: papers };
      }
      case 'authorCard':
        return { ok: true, data: await service.authorCard(request.authorId) };
      case 'getSettings':
        return { ok: true, data: await service.settings() };
      case 'saveSettings':
        return { ok: true, data: await service.saveSettings(request.settings) };
      case 'cacheInfo':
        return { ok: true, data: await service.cacheInfo() };
      case 'clearCache':
        return { ok: true, data: await service.clearCache() };
      case 'resolveProfile':
        return { ok: true, data: await service.resolveProfile(request.profile) };
      case 'profileCandidates':
        return { ok: true, data: await service.profileCandidates(request.profile) };
      case 'pinProfile':
        await service.pinProfile(request.profile, request.authorId);
        return { ok: true, data: null };
      case 'getPrefs':
        return { ok: true, data: await service.prefs() };
      case 'savePrefs':
        return { ok: true, data: await service.savePrefs(request.prefs) };
      case 'savedList':
        return { ok: true, data: await service.saved.list() };
      case 'savedWhich':
        return { ok: true, data: await service.saved.which(request.keys) };
      case 'savePaper':
        return { ok: true, data: await service.saved.save(request.key, request.page) };
      case 'unsave':
        return { ok: true, data: await service.saved.remove(request.keys) };
      case 'restoreSaved':
        await service.saved.restore(request.papers);
        return { ok: true, data: null };
      case 'updateSaved':
        return { ok: true, data: await service.saved.update(request.keys, request.changes) };
      case 'importSaved':
        return { ok: true, data: await service.saved.importFile(request.content) };
      case 'compareList':
        return { ok: true, data: await service.compare.list() };
      case 'compareAdd':
        return { ok: true, data: trayChanged(await service.compare.add(request.authors)) };
      case 'compareRemove':
        return { ok: true, data: trayChanged(await service.compare.remove(request.authorId)) };
      case 'compareMove':
        return { ok: true, data: await service.compare.move(request.authorId, request.to) };
      case 'compareClear':
        return { ok: true, data: trayChanged(await service.compare.clear()) };
      case 'compareRow':
        return { ok: true, data: await service.compare.row(request.authorId) };
      case 'related':
        return { ok: true, data: await service.related(request.key) };
      case 'followList':
        return { ok: true, data: await service.follows.list() };
      case 'follow':
        return { ok: true, data: await service.follows.follow(request.author) };
      case 'unfollow':
        return { ok: true, data: await service.follows.unfollow(request.authorId) };
      case 'followNews':
        return { ok: true, data: await service.follows.news() };
      case 'exportAll':
        return { ok: true, data: await service.exportAll() };
      case 'importAll': {
        const summary = await service.importAll(request.content);
        trayChanged(await service.compare.list());
        return { ok: true, data: summary };
      }
    }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
