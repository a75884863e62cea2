import { browser } from 'wxt/browser';
import { handleMessage } from '../lib/router';
import { createService } from '../lib/service';
import { openDatabase, type Database } from '../lib/store/db';

export default defineBackground(() => {
  let database: Promise<Database> | null = null;
  const service = createService({
    db: () => (database ??= openDatabase()),
    fetch: (input, init) => fetch(input, init),
  });
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(service, message, sender, browser.runtime.id));
});
