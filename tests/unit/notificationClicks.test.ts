// The new-papers notification's click, where the notifications API appears only once its optional
// permission is granted (Firefox) or is there from the start (Chrome).

import { describe, expect, it } from 'vitest';
import { hearNotificationClicks, type NotificationApi } from '../../lib/background/notificationClicks';

function fakeBrowser(granted: boolean) {
  const clicked: ((id: string) => void)[] = [];
  const added: (() => void)[] = [];
  const notifications = { onClicked: { addListener: (listener: (id: string) => void) => void clicked.push(listener) } };
  const api: NotificationApi = { ...(granted ? { notifications } : {}), permissions: { onAdded: { addListener: (listener: () => void) => void added.push(listener) } } };
  return {
    api,
    grant: () => ((api.notifications = notifications), added.forEach((listener) => listener())),
    click: (id: string) => clicked.forEach((listener) => listener(id)),
    listeners: () => clicked.length,
  };
}

describe('a click on the new-papers notification', () => {
  it('opens the Following tab once the permission is granted while the background runs', () => {
    const browser = fakeBrowser(false);
    let opened = 0;
    hearNotificationClicks(browser.api, 'scholarscope-new-papers', () => opened++);
    expect(browser.listeners()).toBe(0);
    browser.grant();
    browser.click('scholarscope-new-papers');
    browser.click('another-extension-notification');
    expect(opened).toBe(1);
    // A second grant (another optional permission) adds no second listener: one click, one tab.
    browser.grant();
    browser.click('scholarscope-new-papers');
    expect([browser.listeners(), opened]).toEqual([1, 2]);
  });

  it('listens from the start where the API is already there', () => {
    const browser = fakeBrowser(true);
    let opened = 0;
    hearNotificationClicks(browser.api, 'scholarscope-new-papers', () => opened++);
    browser.click('scholarscope-new-papers');
    expect([browser.listeners(), opened]).toEqual([1, 1]);
  });
});
