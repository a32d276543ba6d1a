import { cleanText, type CleanText } from '../../../lib/text/clean-text';

/** Kept paragraphs, read back through the offsets. */
function keptParagraphs(result: CleanText): string[] {
  return result.paragraphs.map((p) => result.text.slice(p.start, p.end));
}

const RULE = '  ' + '-'.repeat(72);

/** Wire copy in the Press Association style: header, `<` paragraph ends, hard wrapping, TeX quotes. */
const PA_WIRE = [
  RULE,
  '',
  RULE,
  '',
  '                 16:54 01/03/00: Page 1 (ZSM) COURTS Smith',
  RULE,
  'BAKER JAILED FOR #20,000 FLOUR FRAUD<',
  '\u0019By Jane Doe, PA News<',
  '\u0019A baker who sold mislabelled flour to three supermarket chains was jailed for',
  'two years today at Leeds Crown Court.<',
  '\u0019John Smith, 47, of Otley Road, Leeds, admitted 12 charges of fraud involving',
  '#20,000 worth of goods between March and October 1998. The court heard he had',
  'kept two sets of accounts.<',
  '\u0019Judge Peter Grey told him: ``You abused the trust of your customers and your',
  "staff for months on end.''<",
  "\u0019Smith's lawyer said he was ``deeply ashamed''.<",
  '\u0019mf<',
  '\u0019',
].join('\n');

/** Text of a web news page after HTML extraction: one paragraph per line, with widgets left in. */
const WEB_NEWS = [
  'Council approves new cycle lanes for city centre',
  '',
  'Also Read: Mayor unveils budget for next year',
  'Share:',
  'Join our WhatsApp group',
  'The city council voted on Tuesday to build six kilometres of protected cycle lanes through the centre, the largest such scheme in the region.',
  'Get the latest headlines delivered to your inbox every morning with our free newsletter.',
  'Councillors backed the plan by 31 votes to 12 after a debate lasting more than four hours.',
  'CLICK HERE TO GET THE APP',
  'Video: Cyclists ride along the proposed route on Tuesday morning',
  '\u201cWe have listened to residents,\u201d said councillor Maria L\u00f3pez \u2014 who chairs the transport committee \u2014 \u201cand this is what they asked for\u2026\u201d',
  'Get the latest headlines delivered to your inbox every morning with our free newsletter.',
  'Work is expected to begin in the spring.',
  'Follow us: https://twitter.com/citynews https://facebook.com/citynews #citynews',
].join('\n');

describe('cleanText', () => {
  it('keeps the story of PA wire copy and drops header, headline, byline and sign-off', () => {
    const result = cleanText(PA_WIRE);
    expect(keptParagraphs(result)).toEqual([
      'A baker who sold mislabelled flour to three supermarket chains was jailed for two years today at Leeds Crown Court.',
      'John Smith, 47, of Otley Road, Leeds, admitted 12 charges of fraud involving #20,000 worth of goods between March and October 1998. The court heard he had kept two sets of accounts.',
      'Judge Peter Grey told him: "You abused the trust of your customers and your staff for months on end."',
      'Smith\'s lawyer said he was "deeply ashamed".',
    ]);
    expect(result.removed).toEqual([
      { text: RULE.trim(), reason: 'no-prose' },
      { text: RULE.trim(), reason: 'no-prose' },
      { text: '16:54 01/03/00: Page 1 (ZSM) COURTS Smith', reason: 'no-prose' },
      { text: RULE.trim(), reason: 'no-prose' },
      { text: 'BAKER JAILED FOR #20,000 FLOUR FRAUD', reason: 'no-prose' },
      { text: 'By Jane Doe, PA News', reason: 'fragment' },
      { text: 'mf', reason: 'no-prose' },
    ]);
  });

  it('keeps the story of a web page and drops widgets, captions, link lists and repeats', () => {
    const result = cleanText(WEB_NEWS);
    expect(keptParagraphs(result)).toEqual([
      'The city council voted on Tuesday to build six kilometres of protected cycle lanes through the centre, the largest such scheme in the region.',
      'Councillors backed the plan by 31 votes to 12 after a debate lasting more than four hours.',
      '"We have listened to residents," said councillor Maria López - who chairs the transport committee - "and this is what they asked for..."',
      'Work is expected to begin in the spring.',
    ]);
    expect(result.removed).toEqual([
      { text: 'Council approves new cycle lanes for city centre', reason: 'fragment' },
      { text: 'Also Read: Mayor unveils budget for next year', reason: 'fragment' },
      { text: 'Share:', reason: 'no-prose' },
      { text: 'Join our WhatsApp group', reason: 'fragment' },
      {
        text: 'Get the latest headlines delivered to your inbox every morning with our free newsletter.',
        reason: 'reader-service',
      },
      { text: 'CLICK HERE TO GET THE APP', reason: 'no-prose' },
      { text: 'Video: Cyclists ride along the proposed route on Tuesday morning', reason: 'fragment' },
      {
        text: 'Get the latest headlines delivered to your inbox every morning with our free newsletter.',
        reason: 'reader-service',
      },
      { text: 'Follow us: https://twitter.com/citynews https://facebook.com/citynews #citynews', reason: 'link-list' },
    ]);
  });

  it('joins hard-wrapped lines without end markers and keeps blank-line paragraphs apart', () => {
    const text = [
      'Parking charges to rise',
      '',
      'The council meeting ran late into the night as members debated the proposed',
      'changes to parking charges in the town centre, which traders say will drive',
      'shoppers away to the retail park on the edge of town.',
      '',
      'Officials said the new charges would raise money for road repairs across the',
      'district. Members will vote on the plan at the full council meeting next month.',
      '',
      'A consultation closes on Friday.',
    ].join('\n');
    expect(keptParagraphs(cleanText(text))).toEqual([
      'The council meeting ran late into the night as members debated the proposed changes to parking charges in the town centre, which traders say will drive shoppers away to the retail park on the edge of town.',
      'Officials said the new charges would raise money for road repairs across the district. Members will vote on the plan at the full council meeting next month.',
      'A consultation closes on Friday.',
    ]);
  });

  it('keeps one paragraph per line when lines end sentences', () => {
    const text = 'He denies the charge.\nThe trial continues tomorrow.\nShe was remanded in custody.';
    expect(keptParagraphs(cleanText(text))).toEqual([
      'He denies the charge.',
      'The trial continues tomorrow.',
      'She was remanded in custody.',
    ]);
  });

  it('joins a line that continues an unfinished sentence in lowercase', () => {
    expect(keptParagraphs(cleanText('The jury heard that the defendant\nhad left the house before midnight.'))).toEqual(
      ['The jury heard that the defendant had left the house before midnight.'],
    );
  });

  it('keeps short lines that introduce a quote or list', () => {
    expect(
      keptParagraphs(cleanText('The allegations include:\nthat he lied to the court;\nthat he hid the money.')),
    ).toEqual(['The allegations include: that he lied to the court; that he hid the money.']);
    expect(keptParagraphs(cleanText('He told the court:\n\n"I did nothing wrong."'))).toEqual([
      'He told the court:',
      '"I did nothing wrong."',
    ]);
  });

  it('normalises typographic variants before classifying', () => {
    const result = cleanText(
      "\u2018Single\u2019 and \u201cdouble\u201d\u00a0quotes\u2009and\u2002spaces \u2013 dashes \u2014 and ``TeX'' style\u2026 `tick.",
    );
    expect(result.text).toBe('\'Single\' and "double" quotes and spaces - dashes - and "TeX" style... \'tick.');
  });

  it('removes a paragraph made mostly of links, handles and hashtags', () => {
    const result = cleanText('More: www.example.com/news, news@example.com, (@citynews) #breaking #local and more.');
    expect(result.text).toBe('');
    expect(result.removed[0]?.reason).toBe('link-list');
  });

  it('returns offsets of each kept paragraph in the joined text', () => {
    const result = cleanText('First sentence is here.\n\nSecond one follows it.');
    expect(result.text).toBe('First sentence is here.\n\nSecond one follows it.');
    expect(result.paragraphs).toEqual([
      { start: 0, end: 23 },
      { start: 25, end: 47 },
    ]);
  });

  it('judges a long one-line text that is not prose as a whole by its sentence runs', () => {
    const story = Array.from(
      { length: 8 },
      (_, i) =>
        `The court heard on day ${i + 1} that the payroll tax gave workers a claim on later benefits, which the government disputed at length in its written answer to the appeal.`,
    ).join(' ');
    const opinion = Array.from(
      { length: 40 },
      (_, i) => `THE APPELLEE WAS DEPORTED UNDER SECTION ${241 + i} OF THE ACT AND HIS BENEFITS WERE TERMINATED.`,
    ).join(' ');
    const result = cleanText(`${story} ${opinion}`);
    // kept runs become paragraphs of their own
    expect(keptParagraphs(result).join(' ')).toBe(story);
    expect(result.text).not.toContain('APPELLEE');
    expect(result.removed.every((r) => r.reason === 'no-prose' && r.text.split(' ').length <= 250)).toBe(true);
  });

  it('keeps a long one-line story that passes as a whole as one paragraph', () => {
    const story = Array.from({ length: 30 }, (_, i) => `Witness ${i + 1} told the jury what she saw that night.`).join(
      ' ',
    );
    const result = cleanText(story);
    expect(keptParagraphs(result)).toEqual([story]);
  });

  it("drops a page's list of long headlines beside the story, but not a list of the story's own", () => {
    const story = [
      'The council voted on Tuesday to close the bridge for repairs, a decision that angered local traders.',
      'Engineers found corrosion in two of the steel supports during an inspection in March, the report said.',
      'Traders on both banks said the closure, expected to last until the autumn, would cost them much of the summer trade.',
    ];
    const mostRead = [
      'Man who spent 38 years in prison for a murder he did not commit is freed after new DNA evidence emerges',
      'Households could see energy bills fall by more than a hundred pounds a year from July, say forecasts',
      'Rare white stork chicks hatch in the wild in England for the first time in more than six hundred years',
    ];
    const page = cleanText([...story, 'Most read', ...mostRead].join('\n\n'));
    expect(keptParagraphs(page)).toEqual(story);
    expect(page.removed.filter((r) => r.reason === 'headline-list').map((r) => r.text)).toEqual(mostRead);
    // marked items of a list are the text's own
    const items = mostRead.map((h) => `* ${h}`);
    expect(keptParagraphs(cleanText([...story, ...items].join('\n\n')))).toEqual([...story, ...items]);
    // a text of unpunctuated lines (a transcript) keeps them: there is no story beside them
    expect(keptParagraphs(cleanText(mostRead.join('\n\n')))).toEqual(mostRead);
  });

  it('drops notices to the reader (newsletters, paywalls, copyright) but not a story about them', () => {
    const notices = [
      'Already a subscriber? Log in or activate your account.',
      'Get the latest news delivered to your inbox every morning. Sign up for our newsletter.',
      'Follow BBC West on Facebook, X and Instagram. Send your story ideas to the newsroom.',
      '\u00a9 2025 Coast & County Media Ltd. All rights reserved.',
    ];
    const story = [
      'Meta said users in Europe could subscribe to an ad-free version of Facebook and Instagram for a monthly fee.',
      '"If you want a newsletter, you can sign up," the chief executive said of the plan at the conference.',
      'Critics said the subscription would push users to give consent to tracking by advertisers across its apps.',
    ];
    const page = cleanText([story[0], notices[0], story[1], notices[1], story[2], notices[2], notices[3]].join('\n\n'));
    expect(keptParagraphs(page)).toEqual(story);
    expect(page.removed.filter((r) => r.reason === 'reader-service').map((r) => r.text)).toEqual(notices);
  });

  it("drops a paywall's few-word notices, which every page of the site repeats, but not a short story line", () => {
    const notices = ['Subscribe to continue reading.', 'Already a subscriber? Log in.', 'Cancel anytime.'];
    const story = [
      'The Westfield High School swim team won its first state championship on Saturday, edging out rivals.',
      'Subscriptions to the city pool rose.',
      'Coach Maria Ortiz said the team had trained at five in the morning all season to prepare for the meet.',
      '"Subscribe," the coach told the parents.',
    ];
    const page = cleanText([...notices, ...story].join('\n\n'));
    expect(keptParagraphs(page)).toEqual(story);
    expect(page.removed.filter((r) => r.reason === 'reader-service').map((r) => r.text)).toEqual(notices);
  });

  it('never throws on odd input', () => {
    const inputs = [
      '',
      '\n\n\n',
      '<<<<',
      '\u0000\u0019\uFFFD',
      '\uD800',
      'a'.repeat(100_000),
      `${'['.repeat(5000)}x`,
      '\r\r\n\r',
      '`'.repeat(1001),
    ];
    for (const input of inputs) expect(() => cleanText(input)).not.toThrow();
    expect(cleanText('').text).toBe('');
  });
});
