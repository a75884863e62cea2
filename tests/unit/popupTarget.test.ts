import { describe, expect, it } from 'vitest';
import { resolvePopupTarget } from '../../lib/core/popupTarget';

describe('resolvePopupTarget', () => {
  it('prefers what the page reports (it knows the version shown)', () => {
    const page = { kind: 'paper' as const, arxivId: '1810.04805', version: 2, title: 'BERT', authorNames: [], primaryCategory: 'cs.CL' };
    expect(resolvePopupTarget('https://arxiv.org/abs/1810.04805', page)).toEqual({ arxivId: '1810.04805', version: 2, pageTitle: 'BERT', primaryCategory: 'cs.CL' });
  });

  it('reads the id from a PDF or HTML address when no content script answers', () => {
    expect(resolvePopupTarget('https://arxiv.org/pdf/2602.16165v1', null)).toEqual({ arxivId: '2602.16165', version: 1, pageTitle: null, primaryCategory: null });
    expect(resolvePopupTarget('https://arxiv.org/html/hep-th/9108002', null)).toEqual({ arxivId: 'hep-th/9108002', version: null, pageTitle: null, primaryCategory: null });
  });

  it('has no target elsewhere', () => {
    expect(resolvePopupTarget('https://arxiv.org/list/cs.LG/new', null)).toBeNull();
    expect(resolvePopupTarget('https://example.org/', null)).toBeNull();
    expect(resolvePopupTarget(undefined, null)).toBeNull();
  });
});
