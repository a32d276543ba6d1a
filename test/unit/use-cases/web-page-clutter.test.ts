import { checkArticle } from '../../../lib/use-cases/check-article.js';
import { indexArticle } from '../../../lib/use-cases/index-article.js';
import { fixtureBytes } from '../../helpers/fixtures.js';
import { memoryDeps, type MemoryDeps } from '../../helpers/memory-deps.js';

/** Indexes `first`, then checks `second` against it: the report of the second page. */
async function judgePair(deps: MemoryDeps, first: string, second: string): ReturnType<typeof checkArticle> {
  await indexArticle(deps, {
    key: first,
    bytes: fixtureBytes(`clutter/${first}`),
    order: `2026-01-01T00:00:00.000Z|${first}`,
  });
  return checkArticle(deps, { key: second, bytes: fixtureBytes(`clutter/${second}`) });
}

describe('web-page clutter', () => {
  it('two unrelated pages of one site sharing navigation, paywall and caption lines are original against each other', async () => {
    const { report } = await judgePair(memoryDeps(), 'site-page-zoning.html', 'site-page-swim.html');

    expect(report.matches).toEqual([]);
    expect(report.verdict).toBe('original');
    expect(report.article.title).toBe('High school swimmer breaks a state record that stood for 22 years');
  });

  it('Fox-style pages whose text starts with "close" are original against each other and keep the real headline as title', async () => {
    const { report } = await judgePair(memoryDeps(), 'fox-style-close.txt', 'fox-style-school.txt');

    expect(report.matches).toEqual([]);
    expect(report.verdict).toBe('original');
    expect(report.article.title).toBe('State school board delays vote on new reading curriculum');
  });

  // Hand-made pages in the templates of four kinds of site (test/fixtures/clutter/sites): teaser
  // cards as the only <article> elements, a paywall panel beside a schema.org articleBody preview,
  // a page with no <article> or <main> under a cookie banner, a post inside a wrapper whose class
  // reads as a menu; and browser copies of the paywalled pages as text.
  const SITES = [
    {
      site: 'metro',
      a: 'ferry-fares.html',
      b: 'zoo-red-pandas.html',
      title: 'Zoo welcomes first red panda cubs in its 60-year history',
    },
    {
      site: 'localpaper',
      a: 'school-closure.html',
      b: 'water-main.html',
      title: 'Water main break floods downtown streets, closes businesses',
    },
    {
      site: 'localpaper',
      a: 'school-closure.txt',
      b: 'water-main.txt',
      title: 'Water main break floods downtown streets, closes businesses',
    },
    {
      site: 'regional',
      a: 'ferry-fares.html',
      b: 'zoo-red-pandas.html',
      title: 'Zoo welcomes first red panda cubs in its 60-year history',
    },
    {
      site: 'substack',
      a: 'night-bus.html',
      b: 'wild-lawn.html',
      title: 'I let my lawn go wild for a year. Here is what moved in',
    },
  ];

  it.each(SITES)(
    'two unrelated pages of one $site site ($b) are original against each other, titled by their headline',
    async ({ site, a, b, title }) => {
      const { report } = await judgePair(memoryDeps(), `sites/${site}/${a}`, `sites/${site}/${b}`);

      expect(report.status).toBe('ok');
      expect(report.matches).toEqual([]);
      expect(report.article.title).toBe(title);
    },
  );

  it.each([
    ['regional/zoo-red-pandas.html', 'amp/zoo-red-pandas.amp.html'],
    ['metro/ferry-fares.html', 'amp/ferry-fares.amp.html'],
  ])('the same story in another template (%s) is a copy of its AMP page', async (page, amp) => {
    const { report } = await judgePair(memoryDeps(), `sites/${amp}`, `sites/${page}`);

    expect(report.verdict).toBe('copy');
  });
});
