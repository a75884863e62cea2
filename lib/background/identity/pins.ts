// The reader's pins: who a profile page is (`<site>:<key>`), and who an author on papers really is
// (`author:<the source's id>`). A pin wins over every other evidence.

import { MAX_PINS, type Backup } from '../../core/backup';
import { AUTHOR_PIN } from '../../core/identity';
import type { Author } from '../../core/model';
import type { BackupPart } from '../backup/part';
import type { Context } from '../context';

export type Pins = ReturnType<typeof createPins>;

export function createPins({ db, now }: Context, authorRecord: (authorId: string) => Promise<Author>) {
  /** Pins (or with null, unpins) who a profile is. */
  async function pin(profile: string, authorId: string | null): Promise<void> {
    const database = await db();
    if (authorId === null) return void (await database.delete('pins', profile));
    if (!(await database.get('pins', profile)) && (await database.count('pins')) >= MAX_PINS) throw new Error(`ScholarScope keeps at most ${MAX_PINS} choices of who a profile is; this one was not kept`);
    await database.put('pins', { profile, authorId, pinnedAt: now() });
  }

  const pinOf = async (profile: string) => (await (await db()).get('pins', profile))?.authorId ?? null;

  /** The reader's corrections: source author id -> the author to show instead. */
  async function corrections(): Promise<Map<string, string>> {
    const pins = await (await db()).getAll('pins');
    return new Map(pins.filter((entry) => entry.profile.startsWith(AUTHOR_PIN)).map((entry) => [entry.profile.slice(AUTHOR_PIN.length), entry.authorId]));
  }

  async function corrected(author: Author, replace: Map<string, string>): Promise<Author> {
    const instead = replace.get(author.authorId);
    if (!instead) return author;
    try {
      return { ...(await authorRecord(instead)), pinnedFrom: author.authorId };
    } catch {
      return author; // The pinned record cannot be had now; the source's is better than nothing.
    }
  }

  /** A paper's authors as the reader corrected them. */
  async function correctAuthors<T extends readonly Author[]>(lists: readonly T[]): Promise<Author[][]> {
    const replace = await corrections();
    if (replace.size === 0) return lists.map((authors) => [...authors]);
    return Promise.all(lists.map((authors) => Promise.all(authors.map((author) => corrected(author, replace)))));
  }

  const backup: BackupPart<Pick<Backup, 'pins'>> = {
    stores: ['pins'],
    export: async () => ({ pins: (await (await db()).getAll('pins')).map(({ profile, authorId }) => ({ profile, authorId })) }),
    async merge(tx, { pins }) {
      for (const entry of pins) await tx.objectStore('pins').put({ ...entry, pinnedAt: now() });
      return { pins: pins.length };
    },
    imported: () => undefined,
  };

  return { pin, pinOf, correctAuthors, backup };
}
