import { MalformedEventError } from '../../../lib/errors.js';
import { decodeS3Key, encodeS3Key, parseS3Event } from '../../../lib/lambda/parse-s3-event.js';
import { fixtureText } from '../../helpers/fixtures.js';

describe('parseS3Event', () => {
  it('decodes a real ObjectCreated record: %-escapes, + for space, %2B for plus', () => {
    const { events, problems } = parseS3Event(JSON.parse(fixtureText('events/object-created-put.json')));
    expect(problems).toEqual([]);
    expect(events).toEqual([
      {
        kind: 'created',
        bucket: 'articles',
        key: 'incoming/2024/stéphane + co% story.txt',
        eTag: 'd41d8cd98f00b204e9800998ecf8427e',
        size: 1024,
        eventTime: '2024-03-02T09:15:27.123Z',
      },
    ]);
  });

  it('reads ObjectRemoved records, which carry no ETag', () => {
    const { events } = parseS3Event(JSON.parse(fixtureText('events/object-removed-delete.json')));
    expect(events[0]).toMatchObject({ kind: 'removed', eTag: undefined });
  });

  it('throws a typed error when there is no Records array at all', () => {
    for (const bad of [null, 'x', {}, { Records: 'no' }]) expect(() => parseS3Event(bad)).toThrow(MalformedEventError);
  });

  it('names each malformed record and keeps the good ones', () => {
    const good = JSON.parse(fixtureText('events/object-created-put.json')).Records[0];
    const badKey = { ...good, s3: { ...good.s3, object: { key: 'incoming/%E0%A4%A.txt' } } };
    const { events, problems } = parseS3Event({
      Records: [
        good,
        { eventSource: 'aws:sqs' },
        7,
        badKey,
        { ...good, eventName: 'ObjectTagging:Put' },
        { ...good, eventTime: 'yesterday' },
      ],
    });
    expect(events).toHaveLength(1);
    expect(problems).toEqual([
      expect.stringMatching(/^record 1: not an S3 notification/),
      expect.stringMatching(/^record 2: expected an object/),
      expect.stringMatching(/^record 3: key .* is not valid URL encoding/),
      expect.stringMatching(/^record 4: event "ObjectTagging:Put"/),
      expect.stringMatching(/^record 5: eventTime "yesterday"/),
    ]);
  });

  it('encodes keys as S3 does and decodes them back', () => {
    for (const key of ['incoming/a b+c%d/ü ñ 東京.txt', 'incoming/plain.txt', "incoming/(1)!'*~.md"]) {
      expect(decodeS3Key(encodeS3Key(key))).toBe(key);
      expect(encodeS3Key(key)).not.toContain(' ');
    }
  });
});
