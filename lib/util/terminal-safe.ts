/**
 * Control characters other than newline and tab, and the bidirectional overrides: an article's
 * title or text printed as is could move the cursor, clear the screen, retitle the window or
 * reorder what the line shows ("\x1b[2J", "\x1b]0;...\x07", U+202E).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/** Text for a terminal: every character that could act on it instead of showing shows as U+FFFD. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, '\uFFFD');
}
