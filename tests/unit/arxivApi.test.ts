import { describe, expect, it } from 'vitest';
import { fetchArxivEntries, fetchLatestVersions, parseAtomEntries } from '../../lib/background/sources/arxiv/client';
import { loadAbsRecord } from '../fixtures/arxivAbs';
import { arxivAtomAnswer, registerArxivOnly } from '../fixtures/seedWorld';

describe('arXiv API metadata', () => {
  const bert = loadAbsRecord('1810.04805');
  registerArxivOnly([bert]);

  it('reads title, abstract, first date and names of each entry, entities decoded and wrapping undone', () => {
    const [entry] = parseAtomEntries(arxivAtomAnswer(['1810.04805']));
    expect(entry).toMatchObject({ id: '1810.04805', version: bert.versions.length, title: bert.title.replace(/\s+/g, ' '), authors: bert.authors, published: bert.versions[0]!.date.toISOString().slice(0, 10) });
    expect(entry!.abstract).toBe(bert.abstract.replace(/\s+/g, ' ').trim());
  });

  it('decodes XML entities and CDATA, and leaves out error entries and entries without a title', () => {
    const atom = `<feed>
      <entry><id>http://arxiv.org/abs/2101.00001v2</id><published>2021-01-01T00:00:00Z</published>
        <title>Fish &amp; Chips &lt;3 &#233;t&#xE9;</title><summary><![CDATA[a <b> b]]></summary>
        <author><name>Bal&#225;zs Sz&#337;ke</name></author></entry>
      <entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id><title>Error</title></entry>
      <entry><id>http://arxiv.org/abs/2101.00002v1</id></entry>
    </feed>`;
    expect(parseAtomEntries(atom)).toEqual([
      { id: '2101.00001', version: 2, title: 'Fish & Chips <3 été', abstract: 'a <b> b', published: '2021-01-01', authors: ['Balázs Szőke'], journalRef: null, doi: null },
    ]);
    expect(parseAtomEntries('not xml at all')).toEqual([]);
  });

  it('asks for up to 100 ids a request and leaves unknown ids out', async () => {
    const asked: string[] = [];
    const fetch = async (input: string) => {
      asked.push(input);
      const ids = new URL(input).searchParams.get('id_list')!.split(',');
      return new Response(arxivAtomAnswer(ids), { status: 200 });
    };
    const ids = ['1810.04805', ...Array.from({ length: 150 }, (_, i) => `2601.${String(20000 + i)}`)];
    const found = await fetchArxivEntries(ids, { fetch });
    expect([...found.keys()]).toEqual(['1810.04805']);
    expect(asked).toHaveLength(2);
  });

  it('tells the latest version of each paper it knows, in one request, ignoring error entries and the feed id', async () => {
    const asked: string[] = [];
    const fetch = async (input: string) => (asked.push(input), new Response(arxivAtomAnswer(new URL(input).searchParams.get('id_list')!.split(',')), { status: 200 }));
    expect([...(await fetchLatestVersions(['2602.16165', '2601.18217', '9999.99999'], { fetch }))]).toEqual([
      ['2602.16165', 1],
      ['2601.18217', 1],
    ]);
    expect(asked).toHaveLength(1);
    const atom = `<feed><id>http://arxiv.org/api/abc</id><entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_x</id><title>Error</title></entry><entry><id>http://arxiv.org/abs/hep-th/9108002v2</id><title>T</title></entry></feed>`;
    expect([...(await fetchLatestVersions(['hep-th/9108002'], { fetch: async () => new Response(atom, { status: 200 }) }))]).toEqual([['hep-th/9108002', 2]]);
  });
});
