// Opening the database: one `openDB` whose upgrade walks the schema's steps in order
// (migrations.ts), with a clear error when an older tab holds the database.

import { openDB, type IDBPDatabase } from 'idb';
import { DB_VERSION, upgrade } from './migrations';
import { DB_NAME, type ScholarScopeDB } from './schema';

export { DB_NAME, DB_VERSION };
export type Database = IDBPDatabase<ScholarScopeDB>;

/** An older connection (another tab of an older version) holds the database and will not let go. */
export class DatabaseBlockedError extends Error {
  constructor() {
    super('ScholarScope’s database is held open by another ScholarScope page of an older version. Close other ScholarScope tabs and windows, then try again.');
    this.name = 'DatabaseBlockedError';
  }
}

export interface OpenOptions {
  /** How long an upgrade waits for older connections to close before giving up with a clear error. */
  blockedTimeoutMs?: number;
}

export function openDatabase(name = DB_NAME, options: OpenOptions = {}): Promise<Database> {
  return new Promise<Database>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let gaveUp = false;
    openDB<ScholarScopeDB>(name, DB_VERSION, {
      // An older connection does not close: wait a while for it, then say what to do.
      blocked: () => {
        timer ??= setTimeout(() => {
          gaveUp = true;
          reject(new DatabaseBlockedError());
        }, options.blockedTimeoutMs ?? 10_000);
      },
      // A newer version wants to upgrade: let go, so it is never blocked by us.
      blocking: (_current, _blocked, event) => (event.target as IDBDatabase).close(),
      upgrade: (db, oldVersion, _newVersion, transaction) => upgrade(db, oldVersion, transaction),
    }).then(
      (db) => {
        clearTimeout(timer);
        // Opened after we gave up: the caller has moved on, so do not hold the database open.
        if (gaveUp) db.close();
        else resolve(db);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
