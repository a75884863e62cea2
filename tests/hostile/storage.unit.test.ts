// Storage faults: a full disk while saving, an upgrade blocked by an old connection, damaged records.

import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackground } from '../../lib/background';
import { DatabaseBlockedError, DB_VERSION, openDatabase } from '../../lib/background/store/db';
import { StorageFullError } from '../../lib/background/store/records';
import { toJson } from '../../lib/core/saved/exporters';
import { instantGates } from '../fixtures/gates';
import { recordedFetch } from '../fixtures/recordedApi';
import { hiperRecord } from '../fixtures/seedWorld';

const page = { title: 'A paper', authors: ['A. Author'], version: 1, primaryCategory: 'cs.LG' };

async function serviceWith(name = `storage-${Math.random()}`) {
  const db = await openDatabase(name);
  return { db, service: createBackground({ db: async () => db, fetch: recordedFetch(), gates: instantGates() }) };
}

afterEach(() => vi.restoreAllMocks());

describe('a full disk', () => {
  it('fails a save with a clear error and leaves the list as it was', async () => {
    const { service } = await serviceWith();
    await service.saved.save('1810.04805', page);
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'saved') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await expect(service.saved.save('2602.16165', page)).rejects.toBeInstanceOf(StorageFullError);
    await expect(service.saved.save('2602.16165', page)).rejects.toThrow(/no room left.*nothing was changed/);
    const backup = toJson([{ ...(await service.saved.list()).papers[0]!, key: '0704.0001', arxivId: '0704.0001' }]);
    await expect(service.saved.importFile(backup)).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect((await service.saved.list()).papers.map((p) => p.key)).toEqual(['1810.04805']);
  });
});

describe('an upgrade blocked by an old connection', () => {
  it('gives up with a clear error while an older tab holds the database, and opens once it lets go', async () => {
    const name = `blocked-${Math.random()}`;
    // An old version's connection that never closes on request.
    const old = await openDB(name, 7, {
      upgrade(database) {
        database.createObjectStore('saved', { keyPath: 'key' });
      },
    });
    const attempt = openDatabase(name, { blockedTimeoutMs: 100 });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseBlockedError);
    await expect(attempt).rejects.toThrow(/Close other ScholarScope tabs/);
    old.close();
    const db = await openDatabase(name, { blockedTimeoutMs: 100 });
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });

  it('never blocks a newer version itself: its connection closes when asked', async () => {
    const name = `blocking-${Math.random()}`;
    const ours = await openDatabase(name);
    const onBlocked = vi.fn();
    const newer = await openDB(name, DB_VERSION + 1, { blocked: onBlocked });
    expect(newer.version).toBe(DB_VERSION + 1);
    expect(onBlocked).not.toHaveBeenCalled();
    newer.close();
    expect(() => ours.transaction('saved')).toThrow();
  });
});

describe('damaged records', () => {
  it('skips and reports a damaged saved record; the rest of the list keeps working', async () => {
    const { db, service } = await serviceWith();
    await service.saved.save('1810.04805', page);
    await db.put('saved', { key: '2602.16165', title: 42, authors: 'nobody' } as never);
    const list = await service.saved.list();
    expect(list.papers.map((p) => p.key)).toEqual(['1810.04805']);
    expect(list.unreadable).toEqual(['2602.16165']);
    expect(await service.saved.which(['1810.04805', '2602.16165'])).toEqual(['1810.04805', '2602.16165']);
    // The damaged record is the reader's: it is kept, not deleted.
    expect(await db.get('saved', '2602.16165')).toMatchObject({ title: 42 });
    await service.saved.update(['1810.04805'], { tags: ['still works'] });
    expect((await service.saved.list()).papers[0]!.tags).toEqual(['still works']);
  });

  it('fetches a damaged cached paper again instead of drawing from it', async () => {
    const { db, service } = await serviceWith();
    await db.put('papers', { key: hiperRecord.id, paper: { title: null }, authors: [{ nope: true }], fetchedAt: Date.now(), usedAt: Date.now() } as never);
    const answer = await service.papers([hiperRecord.id]);
    expect(answer[hiperRecord.id]!.paper.title).toBe(hiperRecord.title);
    expect((await db.get('papers', hiperRecord.id))!.paper!.title).toBe(hiperRecord.title);
  });
});
