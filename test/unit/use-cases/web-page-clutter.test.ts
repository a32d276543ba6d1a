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
});
