import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ZOTERO_ORIGIN, type ZoteroStatus } from '../../lib/core/zotero';
import { ask } from '../../lib/ui/ask';
import { ZoteroSettings } from '../ZoteroSettings';

const failed = (error: unknown): ZoteroStatus => ({ enabled: true, running: false, version: null, localApi: 'unknown', library: null, collection: null, indexed: null, indexedAt: null, advice: error instanceof Error ? error.message : String(error) });

/** Settings → Zotero: the switch is the host permission (asked with the browser's prompt on the click), the rest the background's status. */
export function ZoteroSettingsApp() {
  const [status, setStatus] = useState<ZoteroStatus | null>(null);
  const check = () => {
    setStatus(null);
    void ask({ type: 'zoteroStatus' }).then(setStatus, (error: unknown) => setStatus(failed(error)));
  };
  useEffect(check, []);
  const toggle = (on: boolean) => {
    const change = on ? browser.permissions.request({ origins: [ZOTERO_ORIGIN] }) : browser.permissions.remove({ origins: [ZOTERO_ORIGIN] }).then(() => true);
    void change.then(check, check);
  };
  return <ZoteroSettings status={status} onToggle={toggle} onTest={check} />;
}
