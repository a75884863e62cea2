// What the reader is told when a source's own limits stand in the way: a key it refused, a daily
// allowance spent. Said once, where keys are set and in the popup, with what to do about it.

import type { SourceName } from './model';

export type SourceNoticeKind = 'key-rejected' | 'quota';

export interface SourceNotice {
  source: SourceName;
  kind: SourceNoticeKind;
  /** When it was seen. */
  at: number;
  /** When it ends (a quota's reset); null when the reader must act. */
  until: number | null;
  /** Whether the reader has a key for the source set (a quota then is the key's). */
  hasKey: boolean;
}

const SOURCE_NAME: Record<SourceName, string> = { semanticscholar: 'Semantic Scholar', openalex: 'OpenAlex' };

function clock(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** One notice as a sentence: what happened, where to fix it, what ScholarScope does meanwhile. */
export function noticeText(notice: SourceNotice): string {
  const name = SOURCE_NAME[notice.source];
  if (notice.kind === 'key-rejected') {
    const meanwhile =
      notice.source === 'semanticscholar'
        ? 'until then ScholarScope asks without a key, from the shared pool, which is slower and often busy'
        : 'until then ScholarScope asks without a key, within OpenAlex’s small keyless daily allowance';
    return `${name} rejected your API key: it is wrong or has expired. Fix it in Settings → Sources and keys; ${meanwhile}.`;
  }
  const until = notice.until ? ` until ${clock(notice.until)}` : ' for today';
  return notice.hasKey
    ? `${name}’s daily allowance for your key is used up${until}; cards show Semantic Scholar’s numbers meanwhile.`
    : `${name}’s daily allowance is used up${until}: without a key, everyone on your network shares a small one. A free key from openalex.org/settings/api (Settings → Sources and keys) gives much more.`;
}

/** A key's fingerprint (FNV-1a), so a refused key can be recognised without storing it twice. */
export function keyFingerprint(key: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193) >>> 0;
  return `${key.length}:${hash.toString(16)}`;
}
