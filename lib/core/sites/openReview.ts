// OpenReview profiles: openreview.net/profile?id=~First_Last1. The profile id spells the name;
// the page (an app, rendered after load) often links the person's Semantic Scholar profile and
// ORCID iD among its Personal Links, and lists their latest publications: titles, the evidence where
// it links no profile. Structure from openreview/openreview-web: app/profile/Profile.js,
// components/profile/BasicProfileView.js, ProfilePublications.js, NoteList.js and NoteTitle.js.

import { linkedS2AuthorId, parseUrl, text } from './dom';
import { linkedOrcid } from './orcid';
import { profileSite } from './types';

const PROFILE_ID = /^~[\p{L}\p{M}.'-]+(?:_[\p{L}\p{M}.'-]+)*\d+$/u;

export function openReviewIdFromUrl(href: string): string | null {
  const url = parseUrl(href);
  if (!url || url.protocol !== 'https:' || url.hostname !== 'openreview.net' || url.pathname !== '/profile') return null;
  const id = url.searchParams.get('id');
  return id && id.length <= 100 && PROFILE_ID.test(id) ? id : null;
}

/** `~Zhaoran_Wang1` -> `Zhaoran Wang`. */
export function nameFromOpenReviewId(id: string): string {
  return id.replace(/^~/, '').replace(/\d+$/, '').replace(/_/g, ' ');
}

export const openReviewPageExamples = {
  match: ['https://openreview.net/profile?id=~Zhaoran_Wang1', 'https://openreview.net/profile?id=~Alfredo_Garc%C3%ADa2', 'https://openreview.net/profile?id=~Yann_LeCun1&mode=view'],
  noMatch: ['https://openreview.net/', 'https://openreview.net/profile?email=a@b.org', 'https://openreview.net/forum?id=abc', 'https://openreview.net/profile?id=Zhaoran_Wang1', 'https://openreview.net.evil.example/profile?id=~X_Y1'],
};

export const openReviewSite = profileSite({
  id: 'openreview',
  label: 'OpenReview profiles',
  origins: ['https://openreview.net'],
  paths: ['/profile*'],
  rendersLate: true,
  examples: openReviewPageExamples,
  profileKey: openReviewIdFromUrl,
  extract(doc, href) {
    const id = openReviewIdFromUrl(href);
    if (!id) return null;
    // Each publication a note of the list, its title the heading's link to its forum.
    const titles = [...doc.querySelectorAll('.submissions-list .note > h4 > a[href*="/forum"]')].map(text).filter(Boolean);
    return { site: 'openreview', profileKey: id, name: nameFromOpenReviewId(id), s2AuthorId: linkedS2AuthorId(doc), entries: [], titles, orcid: linkedOrcid(doc) };
  },
});
