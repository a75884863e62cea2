// Files on their way to an import arrive in parts (a message carries at most 64 MB). The parts
// wait here, in memory, until the import that names their upload takes them; a worker stopped in
// between loses them, and the import says so (nothing changed).

import { ImportError } from '../core/saved/importer';
import type { Context } from './context';
import type { HandlersFor } from './router';

/** Parts not taken within this time are dropped. */
const KEEP_MS = 10 * 60 * 1000;
/** Files on their way at once (an import reads one; each may be as large as an import reads). */
export const MAX_UPLOADS = 2;

interface Upload {
  parts: (string | undefined)[];
  startedAt: number;
}

export type Uploads = ReturnType<typeof createUploads>;

export function createUploads({ now }: Pick<Context, 'now'>) {
  const uploads = new Map<string, Upload>();

  function forget(): void {
    for (const [id, upload] of uploads) if (now() - upload.startedAt > KEEP_MS) uploads.delete(id);
  }

  /** The whole file of an upload; the upload is gone afterwards. */
  function take(id: string): string {
    const upload = uploads.get(id);
    uploads.delete(id);
    if (!upload || upload.parts.some((part) => part === undefined)) {
      throw new ImportError('The file did not arrive whole (the browser may have restarted ScholarScope’s background); nothing changed, try again');
    }
    return upload.parts.join('');
  }

  const handlers: HandlersFor<'uploadPart'> = {
    uploadPart: async ({ upload, index, total, text }) => {
      forget();
      if (!uploads.has(upload) && uploads.size >= MAX_UPLOADS) throw new ImportError(`${MAX_UPLOADS} files are already on their way to an import; wait for them, or try again in ${KEEP_MS / 60_000} minutes`);
      const known = uploads.get(upload) ?? { parts: Array.from({ length: total }, () => undefined), startedAt: now() };
      if (known.parts.length !== total) throw new ImportError('The parts of this file do not agree on how many there are');
      known.parts[index] = text;
      uploads.set(upload, known);
      return null;
    },
  };

  return { take, handlers };
}
