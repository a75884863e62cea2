import { describe, expect, it, vi } from 'vitest';
import type { PaperWithAuthors } from '../../lib/core/model';
import type { SavedPaper } from '../../lib/core/saved/model';
import type { PageSnapshot } from '../../lib/core/protocol/wire';
import { saveTabPaper, type ShortcutDeps } from '../../lib/background/shortcut';

const bert: PaperWithAuthors = {
  paper: {
    key: '1810.04805',
    arxivId: '1810.04805',
    title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
    authors: [{ authorId: '39172707', name: 'Jacob Devlin' }, { authorId: '1744179', name: 'Ming-Wei Chang' }],
  },
  authors: [],
} as unknown as PaperWithAuthors;

function deps(overrides: Partial<ShortcutDeps> = {}) {
  const saved: { key: string; page: PageSnapshot }[] = [];
  const all: ShortcutDeps = {
    pageContext: async () => null,
    paper: vi.fn(async () => bert),
    save: async (key, page) => {
      saved.push({ key, page });
      return { key, title: page.title } as SavedPaper;
    },
    ...overrides,
  };
  return { all, saved };
}

describe('saving the paper in the current tab', () => {
  it('uses what the content script says the page shows, including the category', async () => {
    const { all, saved } = deps({
      pageContext: async () => ({ kind: 'paper', arxivId: '1810.04805', version: 1, title: 'BERT (as the page shows it)', authorNames: ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee'], primaryCategory: 'cs.CL' }),
    });
    const result = await saveTabPaper('https://arxiv.org/abs/1810.04805v1', all);
    expect(result.status).toBe('saved');
    expect(saved).toEqual([{ key: '1810.04805', page: { title: 'BERT (as the page shows it)', authors: ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee'], version: 1, primaryCategory: 'cs.CL' } }]);
    expect(all.paper).toHaveBeenCalledWith('1810.04805');
  });

  it('on a PDF tab (no content script) takes the id from the URL and the title from the source', async () => {
    const { all, saved } = deps({ pageContext: async () => Promise.reject(new Error('no receiver')) });
    await saveTabPaper('https://arxiv.org/pdf/1810.04805v2', all);
    expect(saved).toEqual([{ key: '1810.04805', page: { title: bert.paper.title, authors: ['Jacob Devlin', 'Ming-Wei Chang'], version: 2, primaryCategory: null } }]);
  });

  it('still saves, under the id, when the source is unreachable', async () => {
    const { all, saved } = deps({ paper: async () => Promise.reject(new Error('offline')) });
    await saveTabPaper('https://arxiv.org/pdf/hep-th/9108002', all);
    expect(saved).toEqual([{ key: 'hep-th/9108002', page: { title: 'arXiv:hep-th/9108002', authors: [], version: null, primaryCategory: null } }]);
  });

  it('saves nothing on a tab that is not about a paper', async () => {
    const { all, saved } = deps({ pageContext: async () => ({ kind: 'profile', profile: { site: 'dblp', name: 'Someone' } as never }) });
    expect(await saveTabPaper('https://dblp.org/pid/00/0000.html', all)).toEqual({ status: 'no-paper' });
    expect(await saveTabPaper(undefined, all)).toEqual({ status: 'no-paper' });
    expect(saved).toEqual([]);
  });
});
