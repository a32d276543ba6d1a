import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What every fault proxy exposes: where it listens, its switchable mode, a snapshot of its counts, and close. */
export interface ServedProxy<Mode, Counts> {
  readonly endpoint: string;
  mode: Mode;
  readonly counts: Counts;
  close(): Promise<void>;
}

/**
 * Starts `server` on 127.0.0.1 (any free port) with `state.mode` switchable from the test; close
 * runs `beforeClose` (clearing the proxy's timers) and ends every connection, stalled ones included.
 */
export async function serveProxy<Mode, Counts extends object>(
  server: Server,
  state: { mode: Mode },
  counts: Counts,
  beforeClose: () => void = () => undefined,
): Promise<ServedProxy<Mode, Counts>> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    get mode() {
      return state.mode;
    },
    set mode(m: Mode) {
      state.mode = m;
    },
    get counts() {
      return { ...counts };
    },
    close: () =>
      new Promise<void>((resolve) => {
        beforeClose();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
