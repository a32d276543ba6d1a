import { PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { DETAIL_TYPES, EVENT_SOURCE, type FlaggedArticle } from '../alerts/flagged-article.js';
import { StoreError } from '../errors.js';
import type { AlertSink } from './ports.js';

/**
 * Publishes each flagged article as one event on an EventBridge bus (the account's default bus
 * unless named). PutEvents can accept a request and still reject its entry (FailedEntryCount):
 * that is thrown like a transport failure, so the S3 event is retried and the alert sent again;
 * consumers de-duplicate on `detail.id`, the same on every retry.
 */
export class EventBridgeAlertSink implements AlertSink {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly busName = 'default',
  ) {}

  async publish(alert: FlaggedArticle): Promise<void> {
    const entry = {
      EventBusName: this.busName,
      Source: EVENT_SOURCE,
      DetailType: DETAIL_TYPES[alert.verdict],
      Resources: [],
      Detail: JSON.stringify(alert),
    };
    let failed: { ErrorCode?: string | undefined; ErrorMessage?: string | undefined } | undefined;
    try {
      const out = await this.client.send(new PutEventsCommand({ Entries: [entry] }));
      if ((out.FailedEntryCount ?? 0) > 0) failed = out.Entries?.[0] ?? {};
    } catch (err) {
      const why = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      throw new StoreError(
        `EventBridge PutEvents for ${alert.articleKey} failed: ${why}`,
        { key: alert.articleKey },
        {
          cause: err,
        },
      );
    }
    if (failed) {
      throw new StoreError(
        `EventBridge rejected the event for ${alert.articleKey}: ${failed.ErrorCode ?? 'unknown'} ${failed.ErrorMessage ?? ''}`.trim(),
        { key: alert.articleKey },
      );
    }
  }
}
