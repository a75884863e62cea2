import { browser } from 'wxt/browser';
import type { TabUpdate } from '../lib/messages';
import { handleMessage } from '../lib/router';
import { createService } from '../lib/service';
import { openDatabase, type Database } from '../lib/store/db';

export default defineBackground(() => {
  let database: Promise<Database> | null = null;
  const service = createService({
    db: () => (database ??= openDatabase()),
    fetch: (input, init) => fetch(input, init),
  });
  // Updates for a tab are best effort: the tab may have closed or navigated away.
  const notify = (tabId: number, message: TabUpdate) => void browser.tabs.sendMessage(tabId, message).catch(() => undefined);
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(service, message, sender, browser.runtime.id, notify));
});
