import { htmlReportKey, laterCopiesPrefix } from '../../../lib/store/keys.js';
import { fixtureText } from '../../helpers/fixtures.js';
import { startLocalStack, type LocalStack } from '../../helpers/local-stack.js';

describe("a source's later copies on S3 (s3rver) with the real handler", () => {
  let stack: LocalStack;
  afterAll(async () => {
    await stack?.close();
  });

  it('lists all 10 rewrites uploaded at once on the source report, and links each from the source page', async () => {
    stack = await startLocalStack();
    const source = 'incoming/wire/bridge.txt';
    await stack.put(source, fixtureText('articles/harbour-bridge-wire.txt'));
    await stack.delivery.idle();
    const spun = fixtureText('articles/harbour-bridge-spun.txt');
    const keys = Array.from({ length: 10 }, (_, i) => `incoming/site-${i}/bridge.txt`);

    await Promise.all(keys.map((key, i) => stack.put(key, `${spun}\nSite ${i} news desk.\n`)));
    await stack.delivery.idle();

    const report = await stack.report(source);
    expect(report?.status === 'ok' && report.laterCopiesTotal).toBe(10);
    expect(report?.laterCopies.map((c) => c.key).sort()).toEqual([...keys].sort());
    expect(await stack.deps.store.list(laterCopiesPrefix(source))).toHaveLength(10);
    const page = Buffer.from((await stack.deps.store.get(htmlReportKey(source)))!).toString('utf8');
    for (let i = 0; i < 10; i++) expect(page).toContain(`href="../site-${i}/bridge.txt.html"`);
    expect(stack.delivery.failed).toEqual([]);
  }, 120_000);

  it('gets from a write the same tag a read gives, so a saved page is not rendered again for nothing', async () => {
    stack ??= await startLocalStack();
    const tag = await stack.deps.store.putIfUnchanged('reports/tag-check.json', '{}', null, 'application/json');
    expect(tag).toMatch(/\S/);
    expect((await stack.deps.store.getTagged('reports/tag-check.json'))?.tag).toBe(tag);
  });
});
