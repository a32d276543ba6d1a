import { hashLower, tokenize, CAPITALISED, NUMBER, QUOTED, STOP, type Tokens } from '../../../lib/text/tokenize.js';

function words(text: string, tokens: Tokens): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.count; i++) out.push(text.slice(tokens.start[i], tokens.end[i]));
  return out;
}

/** The term and flags of the one token whose surface form is `word`. */
function tokenOf(text: string, word: string): { term: number; flags: number } {
  const tokens = tokenize(text);
  const all = words(text, tokens);
  const i = all.indexOf(word);
  if (i < 0) throw new Error(`no token "${word}" in ${JSON.stringify(all)}`);
  return { term: tokens.term[i]!, flags: tokens.flags[i]! };
}

function termOf(word: string): number {
  return tokenOf(word, word).term;
}

describe('tokenize', () => {
  it('gives start/end offsets that point at the words', () => {
    const text = '  The court, in Leeds, heard (on Monday) that...\nit was over!';
    const tokens = tokenize(text);
    expect(words(text, tokens)).toEqual([
      'The',
      'court',
      'in',
      'Leeds',
      'heard',
      'on',
      'Monday',
      'that',
      'it',
      'was',
      'over',
    ]);
    expect(tokens.start[0]).toBe(2);
    expect(tokens.end[0]).toBe(5);
  });

  it('returns no tokens for empty or punctuation-only text', () => {
    expect(tokenize('').count).toBe(0);
    expect(tokenize(' ... -- !? "" ').count).toBe(0);
  });

  it('grows past its first guess of the token count', () => {
    // one-letter words: twice as many tokens as the initial capacity of a quarter of the length
    const text = 'a b '.repeat(300);
    const tokens = tokenize(text);
    expect(tokens.count).toBe(600);
    expect(words(text, tokens).every((w, i) => w === (i % 2 === 0 ? 'a' : 'b'))).toBe(true);
  });

  it('keeps apostrophes inside words', () => {
    const text = "Don't blame O'Neill's lawyer";
    expect(words(text, tokenize(text))).toEqual(["Don't", 'blame', "O'Neill's", 'lawyer']);
  });

  it('stems inflections: accused, accusing, accuses and accuse are one term', () => {
    const accused = termOf('accused');
    expect(termOf('accusing')).toBe(accused);
    expect(termOf('accuses')).toBe(accused);
    expect(termOf('accuse')).toBe(accused);
    expect(termOf('accusation')).not.toBe(accused);
  });

  it('stems plurals and possessives', () => {
    expect(termOf('courts')).toBe(termOf('court'));
    expect(termOf("court's")).toBe(termOf('court'));
    expect(termOf('charities')).toBe(termOf('charity'));
    expect(termOf('witnesses')).toBe(termOf('witness'));
  });

  it('ignores case in terms and flags capitalised words', () => {
    expect(termOf('Police')).toBe(termOf('police'));
    expect(tokenOf('Police came', 'Police').flags & CAPITALISED).toBe(CAPITALISED);
    expect(tokenOf('the police', 'police').flags & CAPITALISED).toBe(0);
  });

  it('makes "20,000" and "20000" one number term, different from other numbers', () => {
    const text = 'He paid 20,000 pounds, not 20000 or 2,500.';
    const a = tokenOf(text, '20,000');
    const b = tokenOf(text, '20000');
    expect(a.term).toBe(b.term);
    expect(a.flags & NUMBER).toBe(NUMBER);
    expect(tokenOf(text, '2,500').term).not.toBe(a.term);
    expect(words(text, tokenize(text))).toEqual(['He', 'paid', '20,000', 'pounds', 'not', '20000', 'or', '2,500']);
  });

  it('ends a word at a comma or full stop that no digit precedes', () => {
    const text = 'Leeds,Bradford.Then';
    expect(words(text, tokenize(text))).toEqual(['Leeds', 'Bradford', 'Then']);
  });

  it('flags stopwords, and only stopwords', () => {
    const text = 'The jury said that he was guilty';
    const tokens = tokenize(text);
    const stop = words(text, tokens).filter((_, i) => (tokens.flags[i]! & STOP) !== 0);
    expect(stop).toEqual(['The', 'said', 'that', 'he', 'was']);
  });

  it('flags words inside double quotes, straight or curly, as quoted', () => {
    const text = 'He said "we will fight" and left. She said \u201cnever again\u201d today.';
    const tokens = tokenize(text);
    const quoted = words(text, tokens).filter((_, i) => (tokens.flags[i]! & QUOTED) !== 0);
    expect(quoted).toEqual(['we', 'will', 'fight', 'never', 'again']);
  });

  it('flags words inside single quotes (British style), keeping apostrophes and possessives out', () => {
    const text = "The boys' father said 'I won't go back there,' and left. She added: \u2018It was over\u2019 today.";
    const tokens = tokenize(text);
    const quoted = words(text, tokens).filter((_, i) => (tokens.flags[i]! & QUOTED) !== 0);
    expect(quoted).toEqual(['I', "won't", 'go', 'back', 'there', 'It', 'was', 'over']);
  });

  it('keeps double quotes nested in single quotes quoted, and closes the single quote after them', () => {
    const text = `'My name in the house was "stupid fat b",' he added.`;
    const tokens = tokenize(text);
    const quoted = words(text, tokens).filter((_, i) => (tokens.flags[i]! & QUOTED) !== 0);
    expect(quoted).toEqual(['My', 'name', 'in', 'the', 'house', 'was', 'stupid', 'fat', 'b']);
  });

  it("does not open a single quote before a digit (the '90s)", () => {
    const tokens = tokenize("It was the '90s and trade was good.");
    expect(Array.from(tokens.flags.subarray(0, tokens.count)).every((f) => (f & QUOTED) === 0)).toBe(true);
  });

  it("does not open a single quote at a clitic split off by a tokenizer (Trump 's war, it ’s, they 're)", () => {
    const text = "Trump 's war in Yemen , which it \u2019s said they 're losing , went on. He said 'we stay' today.";
    const tokens = tokenize(text);
    const quoted = words(text, tokens).filter((_, i) => (tokens.flags[i]! & QUOTED) !== 0);
    expect(quoted).toEqual(['we', 'stay']);
  });

  it('does not carry an unclosed quote over a paragraph break', () => {
    const text = 'He said "we will fight\n\nThe court rose.';
    const tokens = tokenize(text);
    expect(tokenOf(text, 'fight').flags & QUOTED).toBe(QUOTED);
    expect(tokens.flags[tokens.count - 1]! & QUOTED).toBe(0);
  });

  it('tokenizes non-ASCII words whole (é, ü, ß, Cyrillic) and lower-cases them in terms', () => {
    const text = 'Café über Straße in Москва, МОСКВА naïve';
    expect(words(text, tokenize(text))).toEqual(['Café', 'über', 'Straße', 'in', 'Москва', 'МОСКВА', 'naïve']);
    expect(termOf('Москва')).toBe(termOf('москва'));
    expect(termOf('CAFÉ')).toBe(termOf('café'));
    expect(termOf('über')).not.toBe(termOf('uber'));
  });

  it('hashLower is case-insensitive and agrees on substrings', () => {
    expect(hashLower('The', 0, 3)).toBe(hashLower('xxthe', 2, 5));
    expect(hashLower('the', 0, 3)).not.toBe(hashLower('then', 0, 4));
  });
});
