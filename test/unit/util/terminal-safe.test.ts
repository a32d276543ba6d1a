import { terminalSafe } from '../../../lib/util/terminal-safe';

describe('terminalSafe', () => {
  it('shows escape sequences, bell, carriage return and bidi overrides as U+FFFD, and keeps newlines, tabs and letters', () => {
    expect(terminalSafe('\x1b[2J\x1b]0;title\x07 a\rb\u202Ecd\tok\n')).toBe(
      '\uFFFD[2J\uFFFD]0;title\uFFFD a\uFFFDb\uFFFDcd\tok\n',
    );
    expect(terminalSafe('Zelenskyy – «Київ» 東京 café')).toBe('Zelenskyy – «Київ» 東京 café');
  });
});
