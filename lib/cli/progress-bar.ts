/** Shortest time between two redraws: about ten a second keeps a fast loop from flooding the terminal. */
const REDRAW_MS = 100;
const BAR_WIDTH = 24;

/** A one-line progress bar (done/total, rate, ETA) redrawn in place on an interactive stderr. */
export class ProgressBar {
  private readonly started: number;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private drawn = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly label = '',
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  /** Records progress; draws only when the last redraw is old enough, or at the end. */
  update(done: number, total: number): void {
    const t = this.now();
    if (done < total && t - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = t;
    this.drawn = true;
    // \r returns to the line start, \x1b[K erases what a longer previous line left behind
    this.write(`\r${renderProgress(this.label, done, total, (t - this.started) / 1000)}\x1b[K`);
  }

  /** Erases the bar so the next output starts on a clean line. */
  finish(): void {
    if (this.drawn) this.write('\r\x1b[K');
    this.drawn = false;
  }
}

/** The bar's text, e.g. `scan [#########---------------] 120/320  41.2/s  ETA 0:05`. */
export function renderProgress(label: string, done: number, total: number, elapsedSeconds: number): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * BAR_WIDTH);
  const rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
  const eta = rate > 0 ? formatDuration((total - done) / rate) : '-:--';
  const prefix = label === '' ? '' : `${label} `;
  return `${prefix}[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total}  ${rate.toFixed(1)}/s  ETA ${eta}`;
}

/** Seconds as m:ss or h:mm:ss. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
