import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { FlaggedArticle } from '../../lib/alerts/flagged-article.js';
import { StoreError } from '../../lib/errors.js';
import { EventBridgeAlertSink } from '../../lib/store/eventbridge-alert-sink.js';

const ALERT: FlaggedArticle = {
  id: 'incoming/spun.txt#sha256:' + 'a'.repeat(64),
  articleKey: 'incoming/spun.txt',
  title: 'Port workers strike',
  contentHash: 'sha256:' + 'a'.repeat(64),
  verdict: 'rewrite',
  sourceKey: 'incoming/wire.txt',
  sourceTitle: 'Port strike',
  score: 0.83,
  reportKey: 'reports/incoming/spun.txt.json',
  htmlReportKey: 'reports/incoming/spun.txt.html',
  flaggedAt: '2026-12-02T10:30:00.000Z',
};

/** A stand-in EventBridge endpoint on 127.0.0.1 speaking the PutEvents wire protocol (AWS JSON 1.1). */
function eventBridgeServer(answer: (body: { Entries: unknown[] }) => unknown): Promise<{
  server: Server;
  endpoint: string;
  requests: Array<{ target: string | undefined; body: { Entries: Array<Record<string, unknown>> } }>;
}> {
  const requests: Array<{ target: string | undefined; body: { Entries: Array<Record<string, unknown>> } }> = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const body = JSON.parse(raw) as { Entries: Array<Record<string, unknown>> };
      requests.push({ target: req.headers['x-amz-target'] as string | undefined, body });
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(answer(body)));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests }),
    ),
  );
}

function clientFor(endpoint: string): EventBridgeClient {
  return new EventBridgeClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
}

describe('EventBridgeAlertSink', () => {
  const servers: Server[] = [];
  const clients: EventBridgeClient[] = [];
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy());
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  });

  it('puts one event on the default bus: source rewrite-radar, a detail type per verdict, the alert as detail', async () => {
    const bus = await eventBridgeServer(() => ({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] }));
    servers.push(bus.server);
    const client = clientFor(bus.endpoint);
    clients.push(client);

    await new EventBridgeAlertSink(client).publish(ALERT);

    expect(bus.requests).toHaveLength(1);
    expect(bus.requests[0]!.target).toBe('AWSEvents.PutEvents');
    const [entry] = bus.requests[0]!.body.Entries;
    expect(entry).toMatchObject({ EventBusName: 'default', Source: 'rewrite-radar', DetailType: 'Rewrite Found' });
    expect(JSON.parse(entry!['Detail'] as string)).toEqual(ALERT);
  });

  it('throws when EventBridge accepts the request but rejects the entry, so the event is retried', async () => {
    const bus = await eventBridgeServer(() => ({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }],
    }));
    servers.push(bus.server);
    const client = clientFor(bus.endpoint);
    clients.push(client);

    const publishing = new EventBridgeAlertSink(client).publish(ALERT);

    await expect(publishing).rejects.toThrow(StoreError);
    await expect(publishing).rejects.toThrow(
      'EventBridge rejected the event for incoming/spun.txt: InternalFailure try again',
    );
  });

  it('throws a StoreError naming the article when the bus cannot be reached', async () => {
    const bus = await eventBridgeServer(() => ({}));
    const endpoint = bus.endpoint;
    await new Promise((r) => bus.server.close(r));
    const client = clientFor(endpoint);
    clients.push(client);

    await expect(new EventBridgeAlertSink(client).publish(ALERT)).rejects.toThrow(
      /^EventBridge PutEvents for incoming\/spun\.txt failed: /,
    );
  });
});
