import { browser } from 'wxt/browser';
import type { AlertRecord } from '../lib/core/alerts';
import type { PageContextReply, TabUpdate } from '../lib/core/protocol/tab';
import { createBackground } from '../lib/background';
import { createProfileAccess, type AccessApi } from '../lib/background/profileAccess';
import { hearNotificationClicks, type NotificationApi } from '../lib/background/notificationClicks';
import { createContentGate } from '../lib/background/contentGate';
import { handleMessage } from '../lib/background/router';
import { saveTabPaper } from '../lib/background/shortcut';
import { openDatabase, type Database } from '../lib/background/store/db';

const SAVED_MARK_MS = 2_500;
/** The alarm (and notification) of the scheduled check for new papers. */
const ALERT_ALARM = 'scholarscope-new-papers';

// The toolbar button: `action` in Chrome's MV3 build, `browserAction` in Firefox's MV2 build.
const toolbar = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

export default defineBackground({
  // Firefox (MV2): an event page, unloaded when idle like Chrome's service worker; the code is written for both.
  persistent: false,
  main() {
    let database: Promise<Database> | null = null;
    // Updates for a tab are best effort: the tab may have closed or navigated away.
    const notifyTab = (tabId: number, message: TabUpdate) => void browser.tabs.sendMessage(tabId, message).catch(() => undefined);
    // The toolbar badge: new papers by followed authors not yet seen (blue) when there are any,
    // otherwise how many authors are in the compare tray (red), from startup on.
    const badge = { unseen: 0, tray: 0 };
    const showBadge = () => {
      const text = badge.unseen > 0 ? String(badge.unseen) : badge.tray > 0 ? String(badge.tray) : '';
      void toolbar.setBadgeText({ text }).catch(() => undefined);
      void toolbar.setBadgeBackgroundColor({ color: badge.unseen > 0 ? '#1a5fb4' : '#b31b1b' }).catch(() => undefined);
    };
    const showTray = (size: number) => ((badge.tray = size), showBadge());
    const background = createBackground({
      // A failed open (blocked by an old tab) is tried again on the next request, not remembered.
      db: () =>
        (database ??= openDatabase().catch((error: unknown) => {
          database = null;
          throw error;
        })),
      fetch: (input, init) => fetch(input, init),
      hostAllowed: (origin) => browser.permissions.contains({ origins: [origin] }),
      notifyTab,
      onTrayChanged: showTray,
      alerts: {
        online: () => navigator.onLine,
        schedule: (when) => void (when === null ? browser.alarms.clear(ALERT_ALARM) : browser.alarms.create(ALERT_ALARM, { when })).catch(() => undefined),
        onUnseen: (count) => ((badge.unseen = count), showBadge()),
        onFound: (papers) => void notifyFound(papers),
      },
    });
    void background.compare.list().then((tray) => showTray(tray.length), () => undefined);

    // The scheduled check for new papers by followed authors: the alarm survives the worker and the
    // browser; at every start the stored schedule sets it again (a missed check runs soon after).
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === ALERT_ALARM) void background.alerts.check().catch((error: unknown) => console.error('ScholarScope: the check for new papers failed', error));
    });
    void background.alerts.reschedule().catch(() => undefined);
    // Back online after a check found the browser offline: try again now.
    addEventListener('online', () => {
      void background.alerts
        .state()
        .then(async (state) => void (state.lastError === 'offline' && (await background.alerts.check())))
        .catch(() => undefined);
    });

    // A system notification, only if the reader turned them on (and so granted the permission).
    async function notifyFound(papers: readonly AlertRecord[]) {
      if (!(await background.settings()).alertNotifications) return;
      if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
      const count = papers.length;
      await browser.notifications.create(ALERT_ALARM, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: `${count} new ${count === 1 ? 'paper' : 'papers'} from people you follow`,
        message: papers.slice(0, 3).map((paper) => `${paper.followed[0]?.name ?? ''}: ${paper.title}`).join('\n'),
      });
    }
    hearNotificationClicks(browser as unknown as NotificationApi, ALERT_ALARM, () => void browser.tabs.create({ url: browser.runtime.getURL('/library.html#following') }));
    // What each tab's content script may ask is held to its page (lib/background/router.ts); the
    // keys its page showed live in session storage, which content scripts cannot read.
    const ledger = 'session' in browser.storage ? browser.storage.session : null;
    const contentGate = createContentGate(
      ledger && {
        load: async () => (await ledger.get('contentTabs')).contentTabs as Record<string, string[]> | undefined,
        save: (tabs) => ledger.set({ contentTabs: tabs }),
      },
    );
    browser.tabs.onRemoved.addListener((tabId) => void contentGate.forget(tabId));
    const own = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
    browser.runtime.onMessage.addListener((message, sender) => handleMessage(background.handlers, message, sender, own, contentGate));

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
