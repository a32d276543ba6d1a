import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DETECTOR_PARAMS } from '../../../lib/detect/detector-params.js';
import { lambdaConfig } from '../../../lib/lambda/lambda-config.js';

const ROOT = join(__dirname, '..', '..', '..');
const README = join(ROOT, 'README.md');
/** Hard limit of issue 9: the README is a user's guide; figures and the full schema live elsewhere. */
const README_MAX_BYTES = 20_000;

/** Every environment variable lambdaConfig reads, recorded by reading a valid environment through a proxy. */
function variablesRead(): Set<string> {
  const read = new Set<string>();
  const env = new Proxy<NodeJS.ProcessEnv>(
    { ARTICLES_BUCKET: 'articles', INDEX_TABLE: 'rewrite-radar-index' },
    {
      get(target, name) {
        if (typeof name === 'string') read.add(name);
        return typeof name === 'string' ? target[name] : undefined;
      },
    },
  );
  lambdaConfig(env);
  return read;
}

describe('README.md', () => {
  const text = readFileSync(README, 'utf8');

  it(`stays under ${README_MAX_BYTES} bytes`, () => {
    expect(statSync(README).size).toBeLessThan(README_MAX_BYTES);
  });

  it('documents every environment variable the functions read', () => {
    const read = variablesRead();
    expect(read).toContain('ARTICLES_BUCKET');
    expect([...read].filter((name) => !text.includes(`\`${name}\``))).toEqual([]);
  });

  it('documents every detector parameter', () => {
    expect(Object.keys(DEFAULT_DETECTOR_PARAMS).filter((name) => !text.includes(`\`${name}\``))).toEqual([]);
  });

  it('links only to documents that exist', () => {
    const links = [...text.matchAll(/\]\(([^)#:]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((link) => !existsSync(join(ROOT, link)))).toEqual([]);
  });
});
