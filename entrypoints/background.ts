import { browser } from 'wxt/browser';
import type { PageContextReply, TabUpdate } from '../lib/core/protocol/tab';
import { createBackground } from '../lib/background';
import { createProfileAccess, type AccessApi } from '../lib/background/profileAccess';
import { handleMessage } from '../lib/background/router';
import { saveTabPaper } from '../lib/background/shortcut';
import { openDatabase, type Database } from '../lib/background/store/db';

const SAVED_MARK_MS = 2_500;

// The toolbar button: `action` in Chrome's MV3 build, `browserAction` in Firefox's MV2 build.
const toolbar = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

export default defineBackground({
  // Firefox (MV2): an event page, unloaded when idle like Chrome's service worker; the code is written for both.
  persistent: false,
  main() {
    let database: Promise<Database> | null = null;
    // Updates for a tab are best effort: the tab may have closed or navigated away.
    const notifyTab = (tabId: number, message: TabUpdate) => void browser.tabs.sendMessage(tabId, message).catch(() => undefined);
    // The toolbar badge shows how many authors are in the compare tray, from startup on.
    const showTray = (size: number) => void toolbar.setBadgeText({ text: size > 0 ? String(size) : '' }).catch(() => undefined);
    const background = createBackground({
      // A failed open (blocked by an old tab) is tried again on the next request, not remembered.
      db: () =>
        (database ??= openDatabase().catch((error: unknown) => {
          database = null;
          throw error;
        })),
      fetch: (input, init) => fetch(input, init),
      notifyTab,
      onTrayChanged: showTray,
    });
    void background.compare.list().then((tray) => showTray(tray.length), () => undefined);
    void toolbar.setBadgeBackgroundColor({ color: '#b31b1b' }).catch(() => undefined);
    browser.runtime.onMessage.addListener((message, sender) => handleMessage(background.handlers, message, sender, browser.runtime.id));

    // The profiles content script runs on exactly the profile sites the reader granted.
    const profileAccess = createProfileAccess(browser as unknown as AccessApi);
    const syncProfiles = () => void profileAccess.sync().catch((error: unknown) => console.error('ScholarScope: could not register the profiles script', error));
    syncProfiles();
    browser.permissions.onAdded.addListener(syncProfiles);
    browser.permissions.onRemoved.addListener(syncProfiles);

    // The keyboard shortcut saves the tab's paper; the page's toggle and a brief ✓ on the toolbar say so.
    browser.commands.onCommand.addListener(async (command, tab) => {
      if (command !== 'save-paper') return;
      const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      const tabId = target?.id;
      if (!target || tabId === undefined) return;
      const result = await saveTabPaper(target.url, {
        pageContext: () => browser.tabs.sendMessage(tabId, { type: 'pageContext' }) as Promise<PageContextReply | null>,
        paper: async (arxivId) => (await background.papers([arxivId]))[arxivId] ?? null,
        save: (key, page) => background.saved.save(key, page),
      }).catch(() => null);
      const mark = result?.status === 'saved' ? '✓' : '–';
      notifyTab(tabId, { type: 'savedChanged', keys: result?.status === 'saved' ? [result.paper.key] : [], saved: true });
      await toolbar.setBadgeText({ tabId, text: mark });
      // Null drops the tab's own text, so the tab shows the tray count again (Chrome and Firefox
      // both document this; the polyfill's type only says string).
      setTimeout(() => void toolbar.setBadgeText({ tabId, text: null as unknown as string }).catch(() => undefined), SAVED_MARK_MS);
    });
  },
});
