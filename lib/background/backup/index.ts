// Export and import of all the reader's data. The file format and its checks are core/backup.ts;
// each feature exports its part and merges an imported part into its own stores. An import is one
// transaction over every feature's stores: applied whole, or not at all.

import { BACKUP_FORMAT, readBackup, type Backup } from '../../core/backup';
import type { ImportSummary } from '../../core/protocol/wire';
import type { Context } from '../context';
import type { HandlersFor } from '../router';
import { writing } from '../store/records';
import type { BackupPart } from './part';

export function createBackup(ctx: Context, parts: readonly BackupPart<Partial<Backup>>[]) {
  const all = parts;

  async function exportAll(withSaved = true): Promise<Backup> {
    const pieces = await Promise.all(all.filter((part) => withSaved || !part.stores.includes('saved')).map((part) => part.export()));
    return Object.assign({ format: BACKUP_FORMAT, version: 1, exportedAt: new Date(ctx.now()).toISOString() }, ...pieces) as Backup;
  }

  async function importAll(content: string): Promise<ImportSummary> {
    const backup = readBackup(content); // throws with a reason; nothing written yet
    const db = await ctx.db();
    const summary = await writing(async () => {
      const tx = db.transaction([...new Set(all.flatMap((part) => part.stores))], 'readwrite');
      const counts: Partial<ImportSummary> = {};
      try {
        for (const part of all) Object.assign(counts, await part.merge(tx, backup));
      } catch (error) {
        tx.abort(); // a part refused: nothing of the import stays
        await tx.done.catch(() => undefined);
        throw error;
      }
      await tx.done;
      return { saved: { added: 0, merged: 0 }, compare: 0, follows: 0, pins: 0, ...counts };
    });
    for (const part of all) part.imported();
    return summary;
  }

  // Saved papers cross the message channel a page at a time (savedRecords): a big list is more than a message carries.
  const handlers: HandlersFor<'exportAll'> = {
    exportAll: async () => {
      const { saved: _saved, ...rest } = await exportAll(false);
      return rest;
    },
  };
  return { exportAll, importAll, handlers };
}
