import type { CacheInfo } from '../lib/service';
import { formatCount } from '../lib/format';

export interface OptionsViewProps {
  apiKey: string;
  /** What happened last: saved, cleared, or an error. */
  notice: { kind: 'ok' | 'error'; text: string } | null;
  cache: CacheInfo | null;
  onApiKeyChange: (value: string) => void;
  onSave: () => void;
  onClearCache: () => void;
}

/** Settings: the Semantic Scholar key and the cache. */
export function OptionsView({ apiKey, notice, cache, onApiKeyChange, onSave, onClearCache }: OptionsViewProps) {
  return (
    <main class="ss-options">
      <h1>ScholarScope settings</h1>
      <section aria-labelledby="api-heading">
        <h2 id="api-heading">Semantic Scholar API key</h2>
        <p>
          Without a key, requests share Semantic Scholar's public pool and are refused when it is busy. With your own key
          (free from semanticscholar.org/product/api) they are sent with it as <code>x-api-key</code>. The key stays in
          this browser.
        </p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onSave();
          }}
        >
          <label for="api-key">API key</label>
          <input
            id="api-key"
            type="password"
            autocomplete="off"
            spellcheck={false}
            value={apiKey}
            onInput={(event) => onApiKeyChange((event.target as HTMLInputElement).value)}
          />
          <button type="submit" class="ss-button">
            Save
          </button>
        </form>
      </section>
      <section aria-labelledby="cache-heading">
        <h2 id="cache-heading">Cache</h2>
        <p>
          Papers and authors are kept for 7 days so pages you revisit make no requests.
          {cache && (
            <>
              {' '}
              Now cached: {formatCount(cache.papers)} papers, {formatCount(cache.authors)} authors, {formatCount(cache.publications)}{' '}
              publication lists.
            </>
          )}
        </p>
        <button type="button" class="ss-button" onClick={onClearCache}>
          Clear cache
        </button>
      </section>
      <p class={notice?.kind === 'error' ? 'ss-error' : 'ss-notice'} role="status" aria-live="polite">
        {notice?.text ?? ''}
      </p>
    </main>
  );
}
