// The background, assembled: each feature is built once with what it needs, registers its message
// handlers and its part of the backup. The only code that touches the store and the network is here
// and below; pages and extension pages ask by message (lib/core/protocol).

import { createAlerts } from './alerts';
import { createAuthors } from './authors';
import { createBackup } from './backup';
import { createCompare } from './compare';
import { createContext, type BackgroundDeps } from './context';
import { createFollow } from './follow';
import { createIdentity } from './identity/profiles';
import { createPins } from './identity/pins';
import { createPapers } from './papers';
import { createPersons } from './persons';
import { createPublished } from './published';
import { createSelfCitations } from './selfCitations';
import { createRelated } from './related';
import type { Handlers } from './router';
import { createSaved } from './saved';
import { createSettings } from './settings';
import { createSources } from './sources';
import { createCache } from './store/cache';
import { createUploads } from './uploads';
import { createZotero } from './zotero';

export type { BackgroundDeps };
export type Background = ReturnType<typeof createBackground>;

export function createBackground(deps: BackgroundDeps) {
  const ctx = createContext(deps);
  const cache = createCache(ctx);
  const settings = createSettings(ctx, cache);
  const lifetimes = settings.lifetimes;
  const primary = async () => (await settings.get()).primarySource;
  const sources = createSources(ctx, settings.get);
  // Authors a paper batch brought are in memory until written (papers is made below; asked only later).
  const authors = createAuthors(ctx, { sources, cache, lifetimes, primary, unwrittenAuthor: (id) => papers.unwrittenAuthor(id), onGone: (id) => papers.expireNaming(id) });
  const pins = createPins(ctx, authors.record);
  const follows = createFollow(ctx);
  const papers = createPapers(ctx, {
    sources,
    cache,
    primary,
    lifetimes,
    // The reader's pins first, then the persons they assembled (chips and triage show the person's numbers).
    correctAuthors: async (lists) => persons.applyToAuthors(await pins.correctAuthors(lists)),
    onShown: follows.noteSightings,
    // A followed person is followed under each of their profiles.
    followedIds: async () => new Set((await Promise.all((await follows.list()).map((record) => persons.profilesOf(record.authorId)))).flat()),
    notifyTab: deps.notifyTab && ((tabId, refreshed) => deps.notifyTab?.(tabId, { type: 'papersRefreshed', papers: refreshed })),
  });
  const identity = createIdentity(ctx, { sources, authorRecord: authors.record, papers: (keys) => papers.get(keys), pins });
  const related = createRelated(ctx, { sources, cache, lifetimes });
  const saved = createSaved(ctx, papers.cached);
  const published = createPublished(ctx, { sources, saved });
  const zotero = createZotero(ctx, {
    // The saved record (the reader's, with an accepted venue), else what the cache knows.
    paperFor: async (key) => {
      const record = await (await ctx.db()).get('saved', key);
      if (record) return record;
      const known = await papers.cached(key).catch(() => null);
      return known ? { key, ...known.paper, authors: known.paper.authors.map((author) => author.name), primaryCategory: null, doi: key.startsWith('doi:') ? key.slice(4) : null } : null;
    },
  });
  const compare = createCompare(ctx, { sources, cache, lifetimes, author: authors.record, openAlex: authors.openAlexForCompare, onTrayChanged: deps.onTrayChanged, person: (id) => persons.forCompare(id) });
  const persons = createPersons(ctx, { sources, cache, lifetimes, author: authors.record, publications: authors.publications, card: authors.card, citationList: compare.citationList });
  const alerts = createAlerts(ctx, { sources, follows: follows.list, settings: settings.get, profilesOf: persons.profilesOf, ...deps.alerts });
  const selfCitations = createSelfCitations(ctx, { personOf: persons.personOf, wholeRecord: persons.wholeRecord, citingAuthors: sources.semanticScholar.citingAuthors, citingPages: sources.semanticScholar.citingPages, batchSize: deps.selfCitationBatch });
  const backup = createBackup(ctx, [saved.backup, compare.backup, follows.backup, pins.backup, settings.backup, alerts.backup, persons.backup, selfCitations.backup]);
  const uploads = createUploads(ctx);

  const handlers: Handlers = {
    ...papers.handlers,
    ...authors.handlers,
    // A card is the person's when the author is part of one.
    authorCard: async ({ authorId }) => zotero.markCard(await persons.card(authorId)),
    ...persons.handlers,
    ...selfCitations.handlers,
    ...related.handlers,
    ...identity.handlers,
    ...settings.handlers,
    sourceNotices: () => sources.notices.list(),
    ...saved.handlers,
    ...published.handlers,
    ...zotero.handlers,
    ...compare.handlers,
    ...follows.handlers,
    ...alerts.handlers,
    // The popup's list of new papers: what the check announced, with what pages showed.
    followNews: async () => follows.news(await alerts.view()),
    // A change of schedule moves the alarm.
    saveSettings: async (payload, sender) => {
      const saved = await settings.handlers.saveSettings(payload, sender);
      if (payload.settings.alertSchedule !== undefined) await alerts.reschedule(true);
      return saved;
    },
    ...backup.handlers,
    ...uploads.handlers,
    // Imports read the file of an upload.
    importSaved: async ({ upload }) => saved.importFile(uploads.take(upload)),
    importAll: async ({ upload }) => backup.importAll(uploads.take(upload)),
  };

  return {
    handlers,
    papers: papers.get,
    authorCard: persons.card,
    related: related.related,
    settings: settings.get,
    saveSettings: settings.save,
    prefs: settings.prefs,
    savePrefs: settings.savePrefs,
    cacheInfo: cache.info,
    sourceNotices: sources.notices.list,
    clearCache: async () => (await cache.clear(), cache.info()),
    resolveProfile: identity.resolve,
    profileCandidates: identity.candidates,
    pinProfile: pins.pin,
    saved,
    compare,
    follows,
    alerts,
    persons,
    selfCitations,
    exportAll: backup.exportAll,
    zoteroRefresh: zotero.refresh,
    importAll: backup.importAll,
  };
}
