import type { ZoteroStatus } from '../lib/core/zotero';

export interface ZoteroSettingsProps {
  /** What was found at the last check; null while checking. */
  status: ZoteroStatus | null;
  onToggle: (on: boolean) => void;
  onTest: () => void;
}

const when = (at: number) => new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Settings → Zotero: off until the reader turns it on; then what was found, what to enable, and a test. */
export function ZoteroSettings({ status, onToggle, onTest }: ZoteroSettingsProps) {
  const on = status?.enabled ?? false;
  return (
    <section aria-labelledby="zotero-heading">
      <h2 id="zotero-heading">Zotero</h2>
      <p>
        Marks the papers your Zotero library already holds on arXiv pages and in your saved papers, and sends papers there (the published
        version when one is known), through the Zotero desktop app on this computer. Nothing leaves the computer for it.
      </p>
      <label class="ss-site">
        <input type="checkbox" checked={on} disabled={status === null} onChange={(event) => onToggle((event.target as HTMLInputElement).checked)} /> Use Zotero (the
        browser asks for access to the app at 127.0.0.1:23119)
      </label>
      {on && status && (
        <>
          <dl class="ss-zotero-status">
            <dt>Zotero</dt>
            <dd>{status.running ? `running${status.version ? ` (version ${status.version})` : ''}` : 'not found: start the Zotero desktop app'}</dd>
            <dt>Local API</dt>
            <dd>{status.localApi === 'on' ? 'on' : status.localApi === 'off' ? 'off' : 'unknown'}</dd>
            {status.library && (
              <>
                <dt>New papers go to</dt>
                <dd>{status.collection && status.collection !== status.library ? `${status.library} › ${status.collection}` : status.library}</dd>
              </>
            )}
            <dt>Papers known</dt>
            <dd>{status.indexed === null ? 'none yet' : `${status.indexed} items${status.indexedAt ? `, checked ${when(status.indexedAt)}` : ''}`}</dd>
          </dl>
          {status.advice && <p class="ss-error" role="alert">{status.advice}</p>}
          <button type="button" class="ss-button" onClick={onTest}>
            Test the connection
          </button>
        </>
      )}
    </section>
  );
}
