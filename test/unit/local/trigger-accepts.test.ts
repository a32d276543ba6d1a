import { triggerAccepts } from '../../../lib/local/deliver-events.js';

describe('triggerAccepts (the local stand-in for the S3 notification filter)', () => {
  const accepts = triggerAccepts('incoming/');

  it('takes the incoming prefix with a supported suffix, in lower or upper case', () => {
    for (const key of [
      'incoming/a.txt',
      'incoming/x/y.md',
      'incoming/b.markdown',
      'incoming/c.html',
      'incoming/d.htm',
      'incoming/e.json',
      'incoming/A.TXT',
      'incoming/B.HTML',
      'incoming/C.JSON',
    ])
      expect(accepts(key)).toBe(true);
  });

  it('matches suffixes case-sensitively and ignores other prefixes, as S3 filters do', () => {
    for (const key of [
      'incoming/b.Html',
      'incoming/a.Txt',
      'incoming/c.pdf',
      'reports/incoming/a.txt.json',
      'index/b1/ab/x/incoming%2Fa.txt',
      'a.txt',
    ])
      expect(accepts(key)).toBe(false);
  });
});
