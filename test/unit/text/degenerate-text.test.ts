import { degenerateTextProblem } from '../../../lib/text/degenerate-text';
import { tokenize } from '../../../lib/text/tokenize';
import { fixtureText } from '../../helpers/fixtures.js';

const problemOf = (text: string): string | null => degenerateTextProblem(tokenize(text));

describe('degenerateTextProblem', () => {
  it('flags one word repeated 500,000 times, naming the counts', () => {
    expect(problemOf('word '.repeat(500_000))).toBe(
      '500000 words but only 1 distinct: a text needs at least the square root of its word count (708) to be judged',
    );
  });

  it('flags a sentence repeated a thousand times', () => {
    expect(problemOf('Buy cheap watches online today and save big. '.repeat(1000))).toMatch(
      /^8000 words but only 8 distinct/,
    );
  });

  it('passes real articles, long and short', () => {
    for (const name of [
      'articles/harbour-bridge-wire.txt',
      'articles/harbour-bridge-spun.txt',
      'articles/library-fire-wire.txt',
    ])
      expect(problemOf(fixtureText(name))).toBeNull();
    expect(
      problemOf(
        'The council approved the new budget on Tuesday after a long debate over school funding and road repairs.',
      ),
    ).toBeNull();
  });

  it('passes a short text with five distinct words among twenty', () => {
    expect(problemOf('yes no maybe later never '.repeat(4))).toBeNull();
    expect(problemOf('yes no maybe later '.repeat(5))).toMatch(/^20 words but only 4 distinct/);
  });
});
