import { describe, expect, it } from 'vitest';
import { isPaperKey, parseDoi } from '../../lib/core/ids';
import { SourceError } from '../../lib/background/sources/http';
import { fetchOpenAlexAuthor } from '../../lib/background/sources/openAlex/client';
import { completeAuthorships, fetchWorksByKey } from '../../lib/background/sources/openAlex/works';
import { pathIdProblem, pathSegment } from '../../lib/background/sources/pathSegment';
import { fetchAuthorsPapers } from '../../lib/background/sources/semanticScholar/authorBatch';
import { fetchCitingPages } from '../../lib/background/sources/semanticScholar/citingAuthors';
import { fetchAuthor, fetchAuthorCitationList, fetchAuthorPapers, pathRef } from '../../lib/background/sources/semanticScholar/client';
import { fetchRecommendations, fetchTopCiting } from '../../lib/background/sources/semanticScholar/related';

// An id from a page must never walk up an API path: every URL builder of every client refuses dot
// segments, escapes, query and fragment marks and over-long ids before anything is sent.

const HOSTILE = ['..', '.', '10.1234/../../../graph/v1/author/999', '10.1234/%2F..%2F..%2Fauthors', '10.1234/x?fields=all', '10.1234/x#frag', '1741101/../999', '12\\..\\x', 'a b', 'x'.repeat(330)];

/** A fetch that records every address and answers nothing useful. */
function recorder() {
  const urls: string[] = [];
  const fetch = async (url: string) => (urls.push(url), new Response('{}', { status: 404 }));
  return { urls, options: { fetch, retries: 0, apiKey: 'reader-key' } };
}

describe('pathSegment', () => {
  it.each(HOSTILE)('refuses %j', (id) => {
    expect(pathIdProblem(id)).not.toBeNull();
    expect(() => pathSegment(id, ':/')).toThrow(SourceError);
  });

  it('escapes what it does not keep and keeps real ids whole', () => {
    expect(pathSegment('DOI:10.1016/0370-2693(92)90710-l', ':/._()-')).toBe('DOI:10.1016/0370-2693(92)90710-l');
    expect(pathSegment('10.1145/3292500.3330701', '/')).toBe('10.1145/3292500.3330701');
    expect(pathSegment('A5023888391')).toBe('A5023888391');
    expect(pathSegment('a/b:c')).toBe('a%2Fb%3Ac');
    expect(pathSegment('x'.repeat(300))).toHaveLength(300);
  });
});

describe('ids that could walk a path are no paper keys', () => {
  it.each(['10.1234/../../../graph/v1/author/999', '10.1234/./x', '10.1234/x?y', '10.1234/x#y', 'https://doi.org/10.1234%2F..%2F..%2Fauthors'])('%j', (doi) => {
    expect(parseDoi(doi)).toBeNull();
    expect(isPaperKey(`doi:${doi}`)).toBe(false);
  });
});

describe('every URL builder', () => {
  // As `DOI:…` in a path: the ids whose dot segments, marks or length would still count there.
  const keys = ['10.1234/../../../graph/v1/author/999', '10.1234/%2F..%2F..%2Fauthors', '10.1234/x?fields=all', '10.1234/x#frag', `10.1234/${'x'.repeat(320)}`].map((doi) => `doi:${doi}`);

  it('Semantic Scholar: paper paths (recommendations, citations) refuse before sending', async () => {
    for (const key of keys) {
      const { urls, options } = recorder();
      expect(() => pathRef(key)).toThrow(SourceError);
      await expect(fetchRecommendations(key, options)).rejects.toThrow(SourceError);
      await expect(fetchTopCiting(key, options)).rejects.toThrow(SourceError);
      expect(urls).toEqual([]);
    }
  });

  it('Semantic Scholar: author and citing-paper paths refuse before sending', async () => {
    for (const id of HOSTILE) {
      const { urls, options } = recorder();
      await expect(fetchAuthor(id, options)).rejects.toThrow(SourceError);
      await expect(fetchAuthorPapers(id, options)).rejects.toThrow(SourceError);
      await expect(fetchAuthorCitationList(id, options)).rejects.toThrow(SourceError);
      await expect(fetchCitingPages(id, options)).rejects.toThrow(SourceError);
      const batch = await fetchAuthorsPapers([id], options).catch((error: unknown) => error);
      expect(batch instanceof Error || [...(batch as Map<string, unknown>).values()].every((entry) => entry instanceof Error)).toBe(true);
      expect(urls.filter((url) => url.includes(id) || url.includes(encodeURIComponent(id)))).toEqual([]);
      expect(urls.filter((url) => !url.includes('/author/batch'))).toEqual([]);
    }
  });

  it('OpenAlex: author, work and DOI paths refuse before sending', async () => {
    for (const id of HOSTILE) {
      const { urls, options } = recorder();
      await expect(fetchOpenAlexAuthor(id, options)).rejects.toThrow(SourceError);
      // A work that cannot be completed keeps its cut author list; nothing is asked.
      const work = { id, key: '2602.16165', authorsTruncated: true } as never;
      expect(await completeAuthorships([work], options)).toEqual([work]);
      expect(urls).toEqual([]);
    }
    const { urls, options } = recorder();
    // A DOI key that would walk the path is asked alone (a comma) and refused; no request names it.
    const answers = await fetchWorksByKey(['doi:10.1234/../authors,x'], options).catch((error: unknown) => error);
    expect(answers instanceof Error || [...(answers as Map<string, unknown>).values()].every((entry) => entry instanceof Error)).toBe(true);
    expect(urls.filter((url) => url.includes('/authors'))).toEqual([]);
  });
});
