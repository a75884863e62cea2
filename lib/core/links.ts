// Every link ScholarScope draws goes through here: https, on a host we know, or nothing. Ids and
// URLs come from pages, APIs and imported files; a link built from them must never become
// `javascript:`, `data:` or a lookalike host.

const LINK_HOSTS = new Set(['arxiv.org', 'www.semanticscholar.org', 'openalex.org', 'doi.org']);

/** `href` if it is an https address on a known host, else null (draw no link). */
export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || !LINK_HOSTS.has(url.hostname) || url.username || url.password || url.port) return null;
  return url.href;
}
