import type { ComponentChildren } from 'preact';
import type { CacheInfo } from '../lib/core/protocol/wire';
import { formatCount } from '../lib/core/format';
import { SITE_IDS, SITE_LABELS, type SiteId } from '../lib/core/sites/registry';
import { isProfileSiteId } from '../lib/core/sites/profileSites';
import type { AlertSchedule } from '../lib/core/alerts';
import { CACHE_DAYS, type PrimarySource, type Theme } from '../lib/core/settings';
import type { SourceNotice } from '../lib/core/sourceNotices';
import { SourceNotices } from './SourceNotices';

export interface SourceChoices {
  primary: PrimarySource;
  openAlexEmail: string;
  openAlexApiKey: string;
}

export interface OptionsViewProps {
  /** The Zotero section (its own container). */
  zotero?: ComponentChildren;
  apiKey: string;
  sources: SourceChoices;
  onSourcesChange: (sources: SourceChoices) => void;
  cacheDays: number;
  sites: Record<SiteId, boolean>;
  theme: Theme;
  onThemeChange: (theme: Theme) => void;
  onCacheDaysChange: (days: number) => void;
  onSiteChange: (site: SiteId, on: boolean) => void;
  /** Profile sites the browser has granted access to; the others are off whatever the setting says. */
  granted: ReadonlySet<SiteId>;
  /** Saves the cache lifetime and the sites. */
  onSaveBehaviour: () => void;
  onExportAll: () => void;
  onImportAll: (file: File) => void;
  /** What happened last: saved, cleared, or an error. */
  notice: { kind: 'ok' | 'error'; text: string } | null;
  cache: CacheInfo | null;
  onApiKeyChange: (value: string) => void;
  onSave: () => void;
  onClearCache: () => void;
  /** The check for new papers by followed authors: how often, and whether to show a system notification. */
  alerts: { schedule: AlertSchedule; notifications: boolean };
  /** Saved at once; turning notifications on asks the browser for the permission. */
  onAlertScheduleChange: (schedule: AlertSchedule) => void;
  onAlertNotificationsChange: (on: boolean) => void;
  /** What the sources said of the keys and allowances (a refused key, a spent allowance). */
  sourceNotices?: readonly SourceNotice[];
}

/** One choice of a few, as radio buttons in a fieldset. */
function RadioGroup<T extends string>({ legend, name, choices, value, onChange }: { legend: string; name: string; choices: [T, string][]; value: T; onChange: (value: T) => void }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {choices.map(([choice, label]) => (
        <label class="ss-site" key={choice}>
          <input type="radio" name={name} value={choice} checked={value === choice} onChange={() => onChange(choice)} /> {label}
        </label>
      ))}
    </fieldset>
  );
}

/** Settings: sources and keys, where ScholarScope works, the reader's data, the cache. */
export function OptionsView(props: OptionsViewProps) {
  const { apiKey, notice, cache, onApiKeyChange, onSave, onClearCache, sources } = props;
  const setSources = (change: Partial<SourceChoices>) => props.onSourcesChange({ ...sources, ...change });
  return (
    <main class="ss-options">
      <h1>ScholarScope settings</h1>
      <section aria-labelledby="api-heading">
        <h2 id="api-heading">Sources and keys</h2>
        <p>
          Papers and their authors come from your primary source; the other fills in what it lacks or when it fails, and
          arXiv gives the title and names of papers too new for both. Cards show both sources' numbers side by side where
          OpenAlex knows the author. Keys and the e-mail stay in this browser and go only to the service they are for.
        </p>
        <SourceNotices notices={props.sourceNotices ?? []} />
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onSave();
          }}
        >
          <RadioGroup
            legend="Primary source"
            name="primary-source"
            choices={[
              ['semanticscholar', 'Semantic Scholar'],
              ['openalex', 'OpenAlex'],
            ]}
            value={sources.primary}
            onChange={(primary) => setSources({ primary })}
          />
          <p class="ss-hint">
            Semantic Scholar: without a key, requests share its public pool and are refused when it is busy; your own key
            (free from semanticscholar.org/product/api) is sent as <code>x-api-key</code>.
          </p>
          <label for="api-key">Semantic Scholar API key</label>
          <input
            id="api-key"
            type="password"
            autocomplete="off"
            spellcheck={false}
            value={apiKey}
            onInput={(event) => onApiKeyChange((event.target as HTMLInputElement).value)}
          />
          <p class="ss-hint">
            OpenAlex has asked for a free key since February 2026 (openalex.org/settings/api, sent as <code>api_key</code>):
            without one, every call from your network shares a small daily allowance, which a few listings use up, and the
            cards then show Semantic Scholar's numbers only. The e-mail (<code>mailto</code>) no longer buys a faster pool;
            it only tells OpenAlex who to write to.
          </p>
          <label for="openalex-email">E-mail for OpenAlex</label>
          <input id="openalex-email" type="text" inputMode="email" autocomplete="email" spellcheck={false} value={sources.openAlexEmail} onInput={(event) => setSources({ openAlexEmail: (event.target as HTMLInputElement).value })} />
          <label for="openalex-key">OpenAlex API key</label>
          <input
            id="openalex-key"
            type="password"
            autocomplete="off"
            spellcheck={false}
            value={sources.openAlexApiKey}
            onInput={(event) => setSources({ openAlexApiKey: (event.target as HTMLInputElement).value })}
          />
          <button type="submit" class="ss-button">
            Save
          </button>
        </form>
      </section>
      <section aria-labelledby="where-heading">
        <h2 id="where-heading">Where ScholarScope works, how it looks, and how long it trusts its cache</h2>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            props.onSaveBehaviour();
          }}
        >
          <fieldset>
            <legend>Show chips, badges and panels on</legend>
            {SITE_IDS.map((site) => (
              <label class="ss-site" key={site}>
                <input
                  type="checkbox"
                  checked={props.sites[site] && (!isProfileSiteId(site) || props.granted.has(site))}
                  onChange={(event) => props.onSiteChange(site, (event.target as HTMLInputElement).checked)}
                />{' '}
                {SITE_LABELS[site]}
              </label>
            ))}
            <p class="ss-hint">
              Profile sites need your permission: turning one on asks the browser for access to that site alone, and turning it
              off gives the access back.
            </p>
          </fieldset>
          <RadioGroup
            legend="Theme"
            name="theme"
            choices={[
              ['system', 'As the system says'],
              ['light', 'Light'],
              ['dark', 'Dark'],
            ]}
            value={props.theme}
            onChange={props.onThemeChange}
          />
          <label for="cache-days">Use cached numbers for (days)</label>{' '}
          <input
            id="cache-days"
            type="number"
            min={CACHE_DAYS.min}
            max={CACHE_DAYS.max}
            step={1}
            value={props.cacheDays}
            onInput={(event) => props.onCacheDaysChange(Number((event.target as HTMLInputElement).value))}
          />{' '}
          <button type="submit" class="ss-button">
            Save
          </button>
        </form>
      </section>
      <section aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">New papers by people you follow</h2>
        <p>
          ScholarScope asks OpenAlex and Semantic Scholar for new papers by the authors you follow (one request per 100
          authors to each), and shows them on the toolbar badge, in the popup and in the library's Following tab. The ids of
          the authors you follow are all it sends.
        </p>
        <RadioGroup
          legend="Check"
          name="alert-schedule"
          choices={[
            ['daily', 'Once a day'],
            ['weekly', 'Once a week'],
            ['off', 'Never'],
          ]}
          value={props.alerts.schedule}
          onChange={props.onAlertScheduleChange}
        />
        <label class="ss-site">
          <input type="checkbox" checked={props.alerts.notifications} onChange={(event) => props.onAlertNotificationsChange((event.target as HTMLInputElement).checked)} /> Also show a
          system notification (the browser asks for permission)
        </label>
      </section>
      {props.zotero}
      <section aria-labelledby="data-heading">
        <h2 id="data-heading">Your data</h2>
        <p>
          One JSON file with your saved papers, the compare tray, the authors you follow, the profiles you pinned and
          these settings (not the API keys). Importing it merges it with what is here, all at once or not at all.
        </p>
        <button type="button" class="ss-button" onClick={props.onExportAll}>
          Export all data
        </button>{' '}
        <label class="ss-button ss-import">
          Import data…
          <input
            type="file"
            accept=".json,application/json"
            class="ss-visually-hidden"
            onChange={(event) => {
              const file = (event.target as HTMLInputElement).files?.[0];
              if (file) props.onImportAll(file);
              (event.target as HTMLInputElement).value = '';
            }}
          />
        </label>
      </section>
      <section aria-labelledby="cache-heading">
        <h2 id="cache-heading">Cache</h2>
        <p>
          Papers and authors are kept for {props.cacheDays} {props.cacheDays === 1 ? 'day' : 'days'} so pages you revisit make no requests.
          {cache && (
            <>
              {' '}
              Now cached: {formatCount(cache.papers)} papers, {formatCount(cache.authors)} authors, {formatCount(cache.publications)}{' '}
              publication lists, {formatCount(cache.openalex)} OpenAlex profiles.
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
