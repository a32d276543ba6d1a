/**
 * Child-process side of `forkLocalS3Server`: runs s3rver in its own process (so its synchronous
 * filesystem work is not timed as the handler's) and answers the parent over IPC.
 */
import { startLocalS3Server } from '../lib/local/local-s3-server.js';
import { mapLimit } from '../lib/util/map-limit.js';
import type { ChildReply, ChildRequest } from './forked-s3-server.js';

/** Files written at once while seeding (s3rver writes three per object, through libuv's pool). */
const PUT_CONCURRENCY = 16;

async function main(): Promise<void> {
  const [directory, bucket] = process.argv.slice(2);
  if (!directory || !bucket)
    throw new Error(`usage: s3-server-child <directory> <bucket>, got ${JSON.stringify(process.argv.slice(2))}`);
  const server = await startLocalS3Server({ directory, bucket });
  const reply = (message: ChildReply): void => void process.send!(message);
  process.on('message', (message: ChildRequest) => {
    void (async () => {
      try {
        if (message.type === 'put') {
          await mapLimit(message.objects, PUT_CONCURRENCY, ({ key, body }) => server.putDirect(key, Buffer.from(body)));
          reply({ id: message.id, type: 'done' });
        } else if (message.type === 'cpu') {
          reply({ id: message.id, type: 'cpu', usage: process.cpuUsage(), maxRssKb: process.resourceUsage().maxRSS });
        } else {
          await server.close();
          reply({ id: message.id, type: 'done' });
          process.disconnect();
        }
      } catch (err) {
        reply({
          id: message.id,
          type: 'error',
          message: err instanceof Error ? (err.stack ?? err.message) : String(err),
        });
      }
    })();
  });
  reply({ id: 0, type: 'ready', endpoint: server.endpoint });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
