// Files in and out of the extension's pages (library, options): downloads, uploads to the
// background in parts, and the whole saved list read a page at a time for exports.

import { RECORDS_PAGE, UPLOAD_PART_CHARS } from '../core/protocol/saved';
import { MAX_IMPORT_BYTES } from '../core/saved/importer';
import type { SavedPaper } from '../core/saved/model';
import { ask } from './ask';

/** Hands `content` to the browser as a file download. */
export function download(name: string, content: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Sends a file's text to the background in parts; answers the upload's id, which an import then names. */
export async function upload(text: string): Promise<string> {
  const id = Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(36).padStart(2, '0')).join('').slice(0, 24);
  const total = Math.max(1, Math.ceil(text.length / UPLOAD_PART_CHARS));
  for (let index = 0; index < total; index++) {
    await ask({ type: 'uploadPart', upload: id, index, total, text: text.slice(index * UPLOAD_PART_CHARS, (index + 1) * UPLOAD_PART_CHARS) });
  }
  return id;
}

/** Every saved paper, whole, newest first, read a page at a time. */
export async function allSavedRecords(): Promise<SavedPaper[]> {
  const papers: SavedPaper[] = [];
  for (let total = Infinity; papers.length < total; ) {
    const page = await ask({ type: 'savedRecords', offset: papers.length, limit: RECORDS_PAGE });
    total = page.total;
    papers.push(...page.papers);
    if (page.papers.length === 0) break;
  }
  return papers;
}

/**
 * Reads a file the reader chose to import, uploads it and hands the upload to `apply`; a file too
 * large to be ours is refused before it is read. `report` gets the outcome, naming the file either way.
 */
export function importFile<T>(file: File, apply: (upload: string) => Promise<T>, report: (result: { ok: true; value: T } | { ok: false; text: string }) => void): void {
  const read = file.size > MAX_IMPORT_BYTES ? Promise.reject(new Error(`the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, more than any ScholarScope export`)) : file.text();
  read
    .then(upload)
    .then(apply)
    .then(
      (value) => report({ ok: true, value }),
      (error: unknown) => report({ ok: false, text: `${file.name} was not imported: ${error instanceof Error ? error.message : String(error)}. Nothing changed.` }),
    );
}
