// The step to version 13 (the published-version resolver's answers), from a version 12 database
// with the reader's saved papers in it, a published version among them.

import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../lib/background/store/db';
import { openVersion12 } from '../fixtures/schemaVersions';

describe('schema migration to version 13', () => {
  it('adds the store of published-version checks; saved papers, their venues and the reader\'s notes kept', async () => {
    const name = `migrate-12-${Math.random()}`;
    const v12 = await openVersion12(name);
    const paper = {
      key: 'hep-th/9108002', arxivId: 'hep-th/9108002', version: 1, title: 'Hamiltonian construction of W-gravity actions', authors: ['A. Mikovic'], abstract: null, publicationDate: null, year: 1991,
      primaryCategory: 'hep-th', doi: null, citationCount: 3, savedAt: 5, tags: ['gravity'], note: 'read §2', status: 'reading',
      published: { venue: 'Phys.Lett.B', label: 'Phys.Lett.B 1992', kind: 'journal', year: 1992, volume: '278', pages: '51-55', doi: '10.1016/0370-2693(92)90710-l', basis: 'asserted by Semantic Scholar' },
    };
    await v12.put('saved', paper);
    v12.close();
    const db = await openDatabase(name);
    expect(db.version).toBe(13);
    expect((['publishedChecks', 'zoteroItems', 'zoteroState'] as const).every((store) => db.objectStoreNames.contains(store))).toBe(true);
    expect(await db.get('saved', 'hep-th/9108002')).toEqual(paper);
    const check = { key: 'hep-th/9108002', published: null, retraction: null, found: 'none' as const, skipped: [], checkedAt: 9 };
    await db.put('publishedChecks', check);
    expect(await db.get('publishedChecks', 'hep-th/9108002')).toEqual(check);
    db.close();
  });
});
