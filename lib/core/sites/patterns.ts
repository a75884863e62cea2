// A site's addresses in the manifest's match-pattern syntax: derived from its descriptor, so the
// content scripts' matches and the host permissions cannot drift from what the predicates accept.

/** Content-script matches for a site: its origins times its page kinds' paths. */
export function matchesOf(site: { origins: readonly string[]; pages: readonly { paths: readonly string[] }[] }): string[] {
  return site.origins.flatMap((origin) => site.pages.flatMap((page) => page.paths.map((path) => `${origin}${path}`)));
}

/** The host access a site needs: everything on its origins. */
export function hostsOf(site: { origins: readonly string[] }): string[] {
  return site.origins.map((origin) => `${origin}/*`);
}
