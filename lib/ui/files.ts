// Files in and out of the extension's pages (library, options).

import { MAX_IMPORT_BYTES } from '../core/saved/importer';

/** Hands `content` to the browser as a file download. */
export function download(name: string, content: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Reads a file the reader chose to import and hands its text to `apply`; a file too large to be
 * ours is refused before it is read. `report` gets the outcome, naming the file either way.
 */
export function importFile<T>(file: File, apply: (content: string) => Promise<T>, report: (result: { ok: true; value: T } | { ok: false; text: string }) => void): void {
  const read = file.size > MAX_IMPORT_BYTES ? Promise.reject(new Error(`the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`)) : file.text();
  read.then(apply).then(
    (value) => report({ ok: true, value }),
    (error: unknown) => report({ ok: false, text: `${file.name} was not imported: ${error instanceof Error ? error.message : String(error)}. Nothing changed.` }),
  );
}
