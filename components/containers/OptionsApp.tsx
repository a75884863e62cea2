import { ZoteroSettingsApp } from './ZoteroSettingsApp';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CacheInfo } from '../../lib/core/protocol/wire';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/core/settings';
import { type SiteId } from '../../lib/core/sites/registry';
import { grantedSites, profileSiteById } from '../../lib/core/sites/profileSites';
import { hostsOf } from '../../lib/core/sites/patterns';
import { ask } from '../../lib/ui/ask';
import { allSavedRecords, download, importFile } from '../../lib/ui/files';
import { showTheme } from '../../lib/ui/pageTheme';
import { OptionsView, type OptionsViewProps, type SourceChoices } from '../OptionsView';
import type { SourceNotice } from '../../lib/core/sourceNotices';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The settings page: reads and saves the settings through the background; asks the browser for profile sites. */
export function OptionsApp() {
  const [apiKey, setApiKey] = useState('');
  const [cacheDays, setCacheDays] = useState(DEFAULT_SETTINGS.cacheDays);
  const [sites, setSites] = useState(DEFAULT_SETTINGS.sites);
  const [theme, setThemeChoice] = useState(DEFAULT_SETTINGS.theme);
  const [sources, setSources] = useState<SourceChoices>({ primary: DEFAULT_SETTINGS.primarySource, openAlexEmail: '', openAlexApiKey: '' });
  const [alerts, setAlerts] = useState({ schedule: DEFAULT_SETTINGS.alertSchedule, notifications: DEFAULT_SETTINGS.alertNotifications });
  const show = (settings: Settings) => {
    setApiKey(settings.s2ApiKey);
    setSources({ primary: settings.primarySource, openAlexEmail: settings.openAlexEmail, openAlexApiKey: settings.openAlexApiKey });
    setCacheDays(settings.cacheDays);
    setSites(settings.sites);
    setThemeChoice(settings.theme);
    showTheme(settings.theme);
    setAlerts({ schedule: settings.alertSchedule, notifications: settings.alertNotifications });
  };
  const [granted, setGranted] = useState<ReadonlySet<SiteId>>(new Set());
  const readGrants = () => browser.permissions.getAll().then((all) => setGranted(new Set(grantedSites(all.origins ?? []))));
  const [cache, setCache] = useState<CacheInfo | null>(null);
  const [notice, setNotice] = useState<OptionsViewProps['notice']>(null);
  const [sourceNotices, setSourceNotices] = useState<readonly SourceNotice[]>([]);
  const readSourceNotices = () => void ask({ type: 'sourceNotices' }).then(setSourceNotices, () => undefined);

  useEffect(() => {
    ask({ type: 'getSettings' }).then(show, (error) => setNotice({ kind: 'error', text: message(error) }));
    ask({ type: 'cacheInfo' }).then(setCache, () => setCache(null));
    readSourceNotices();
    void readGrants();
  }, []);

  // A profile site is turned on by the browser's own prompt, which needs the click: the request is
  // made first, in the click's handler. Its setting is saved at once, so access and setting agree.
  const changeSite = (site: SiteId, on: boolean) => {
    const profileSite = profileSiteById(site);
    if (!profileSite) return setSites({ ...sites, [site]: on });
    const origins = hostsOf(profileSite);
    const change = on ? browser.permissions.request({ origins }) : browser.permissions.remove({ origins }).then(() => true);
    void change.then(
      async (done) => {
        await readGrants();
        if (!done) return setNotice({ kind: 'error', text: `Access to ${site} was not given, so it stays off.` });
        // Saved on top of the stored sites: other switches keep what was last saved.
        const saved = await ask({ type: 'saveSettings', settings: { sites: { ...(await ask({ type: 'getSettings' })).sites, [site]: on } } });
        setSites(saved.sites);
        setNotice({ kind: 'ok', text: on ? 'Turned on. Pages of that site opened from now on show ScholarScope.' : 'Turned off, and the access given back.' });
      },
      (error) => setNotice({ kind: 'error', text: message(error) }),
    );
  };

  const saveAlerts = (change: Partial<Settings>, done: string) =>
    ask({ type: 'saveSettings', settings: change }).then(
      (saved) => (show(saved), setNotice({ kind: 'ok', text: done })),
      (error) => setNotice({ kind: 'error', text: message(error) }),
    );
  // The browser's prompt needs the click: the permission is asked for first, in the click's handler.
  const changeNotifications = (on: boolean) => {
    const change = on ? browser.permissions.request({ permissions: ['notifications'] }) : browser.permissions.remove({ permissions: ['notifications'] }).then(() => true);
    void change.then(
      (done) =>
        done
          ? saveAlerts({ alertNotifications: on }, on ? 'Notifications on: new papers by people you follow are also shown by the system.' : 'Notifications off, and the permission given back.')
          : setNotice({ kind: 'error', text: 'The browser did not give the permission, so notifications stay off.' }),
      (error) => setNotice({ kind: 'error', text: message(error) }),
    );
  };

  return (
    <OptionsView
      alerts={alerts}
      onAlertScheduleChange={(schedule) =>
        saveAlerts({ alertSchedule: schedule }, schedule === 'off' ? 'No more checks for new papers.' : `Checking for new papers once a ${schedule === 'daily' ? 'day' : 'week'}.`)
      }
      onAlertNotificationsChange={changeNotifications}
      zotero={<ZoteroSettingsApp />}
      apiKey={apiKey}
      sources={sources}
      onSourcesChange={setSources}
      cacheDays={cacheDays}
      sites={sites}
      theme={theme}
      onThemeChange={setThemeChoice}
      onCacheDaysChange={setCacheDays}
      onSiteChange={changeSite}
      granted={granted}
      onSaveBehaviour={() =>
        ask({ type: 'saveSettings', settings: { cacheDays, sites, theme } }).then(
          (saved) => {
            show(saved);
            setNotice({ kind: 'ok', text: 'Saved. Pages opened from now on follow these settings.' });
          },
          (error) => setNotice({ kind: 'error', text: message(error) }),
        )
      }
      onExportAll={() =>
        Promise.all([ask({ type: 'exportAll' }), allSavedRecords()]).then(
          ([rest, saved]) => {
            const data = { ...rest, saved };
            download('scholarscope-data.json', `${JSON.stringify(data, null, 2)}\n`, 'application/json');
            setNotice({ kind: 'ok', text: `Exported ${data.saved.length} saved papers, ${data.compare.length} compared and ${data.follows.length} followed authors, ${data.pins.length} pins and the settings.` });
          },
          (error) => setNotice({ kind: 'error', text: message(error) }),
        )
      }
      onImportAll={(file) =>
        importFile(
          file,
          (upload) => ask({ type: 'importAll', upload }),
          (result) => {
            if (!result.ok) return setNotice({ kind: 'error', text: result.text });
            const summary = result.value;
            setNotice({ kind: 'ok', text: `Imported ${file.name}: ${summary.saved.added} papers added, ${summary.saved.merged} merged; ${summary.compare} authors added to compare; ${summary.follows} follows; ${summary.pins} pins; settings.` });
            void ask({ type: 'getSettings' }).then(show);
          },
        )
      }
      cache={cache}
      notice={notice}
      sourceNotices={sourceNotices}
      onApiKeyChange={setApiKey}
      onSave={() =>
        ask({ type: 'saveSettings', settings: { s2ApiKey: apiKey, primarySource: sources.primary, openAlexEmail: sources.openAlexEmail, openAlexApiKey: sources.openAlexApiKey } }).then(
          (saved) => {
            show(saved);
            const primary = saved.primarySource === 'openalex' ? 'OpenAlex' : 'Semantic Scholar';
            setNotice({ kind: 'ok', text: `Saved. ${primary} is the primary source; Semantic Scholar requests ${saved.s2ApiKey ? 'now use your key' : 'use the shared pool'}.` });
            // A new key is tried again: a notice about the old one goes.
            readSourceNotices();
          },
          (error) => setNotice({ kind: 'error', text: message(error) }),
        )
      }
      onClearCache={() =>
        ask({ type: 'clearCache' }).then(
          (info) => {
            setCache(info);
            setNotice({ kind: 'ok', text: 'Cache cleared.' });
          },
          (error) => setNotice({ kind: 'error', text: message(error) }),
        )
      }
    />
  );
}
