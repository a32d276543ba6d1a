import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does to the requests passing through it. */
export type FaultMode = 'pass' | 'error-503' | 'drop';

/** An HTTP proxy on 127.0.0.1 in front of the local S3 server that can fail requests on demand. */
export interface FaultProxy {
  readonly endpoint: string;
  mode: FaultMode;
  /** Requests answered with a fault so far. */
  readonly faults: number;
  close(): Promise<void>;
}

/** Starts the proxy; in `pass` mode it forwards every request unchanged to `target`. */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const to = new URL(target);
  let faults = 0;
  const state = { mode: 'pass' as FaultMode };
  const server: Server = createServer((req, res) => {
    if (state.mode !== 'pass') {
      faults++;
      req.resume();
      if (state.mode === 'drop') return void req.socket.destroy();
      res.writeHead(503, { 'content-type': 'application/xml' });
      return void res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>');
    }
    const upstream = request({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    get mode() {
      return state.mode;
    },
    set mode(m: FaultMode) {
      state.mode = m;
    },
    get faults() {
      return faults;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
