// What each feature contributes to the backup of all the reader's data: its part of the export,
// and the merge of an imported part into its own stores, inside the one transaction an import is.

import type { IDBPTransaction } from 'idb';
import type { ImportSummary } from '../../core/protocol/wire';
import type { ScholarScopeDB, StoreName } from '../store/schema';

export type ImportTransaction = IDBPTransaction<ScholarScopeDB, StoreName[], 'readwrite'>;

export interface BackupPart<Data> {
  /** The stores `merge` writes. */
  stores: StoreName[];
  export(): Promise<Data>;
  /** Merges the imported part with what is stored; counts go into the import's summary. */
  merge(tx: ImportTransaction, data: Data): Promise<Partial<ImportSummary>>;
  /** After the import committed: forget what the feature holds in memory. */
  imported(): void;
}
