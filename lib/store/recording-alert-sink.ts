import type { FlaggedArticle } from '../alerts/flagged-article.js';
import type { AlertSink } from './ports.js';

/**
 * The bus of the local stack and the tests: keeps every alert in order and hands each to
 * `onAlert` (the local stack prints a line). Alerts of retried events appear again, as on
 * EventBridge; `distinct()` is what a consumer de-duplicating on `id` sees.
 */
export class RecordingAlertSink implements AlertSink {
  readonly published: FlaggedArticle[] = [];

  constructor(private readonly onAlert?: (alert: FlaggedArticle) => void) {}

  async publish(alert: FlaggedArticle): Promise<void> {
    this.published.push(alert);
    this.onAlert?.(alert);
  }

  /** The alerts once per id, the latest of each. */
  distinct(): FlaggedArticle[] {
    return [...new Map(this.published.map((a) => [a.id, a])).values()];
  }
}
