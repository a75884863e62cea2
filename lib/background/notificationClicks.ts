// A click on the new-papers notification opens the Following tab. The `notifications` permission is
// optional: Firefox gives the background `browser.notifications` only once it is granted, so the
// click listener is added then (when the grant comes while the background runs) or at start.

export interface NotificationApi {
  notifications?: { onClicked: { addListener(listener: (id: string) => void): void } };
  permissions: { onAdded: { addListener(listener: () => void): void } };
}

export function hearNotificationClicks(api: NotificationApi, notificationId: string, open: () => void): void {
  let heard = false;
  const listen = () => {
    if (heard || !api.notifications) return;
    heard = true;
    api.notifications.onClicked.addListener((id) => {
      if (id === notificationId) open();
    });
  };
  listen();
  api.permissions.onAdded.addListener(listen);
}
