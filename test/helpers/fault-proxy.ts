import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { mulberry32 } from '../../bench/synthetic-articles.js';
import { serveProxy } from './serve-proxy.js';

/**
 * What the proxy does to the requests passing through it: `stall` takes a request and never
 * answers (the socket stays open); `random` draws a fault per request at the seeded rates.
 */
export type FaultMode = 'pass' | 'error-503' | 'drop' | 'stall' | 'random';

/** Share of requests (0..1) that get each fault in `random` mode; the rest are forwarded. */
export interface FaultRates {
  readonly error503: number;
  readonly drop: number;
  readonly slow: number;
}

/** Requests seen by the proxy, and how many of them got each treatment. */
export interface FaultCounts {
  readonly requests: number;
  readonly error503: number;
  readonly drop: number;
  readonly stall: number;
  readonly slow: number;
}

/** An HTTP proxy on 127.0.0.1 in front of the local S3 server that can fail requests on demand. */
export interface FaultProxy {
  readonly endpoint: string;
  mode: FaultMode;
  /** Requests answered with a fault (503, drop or stall) so far. */
  readonly faults: number;
  /** Every request so far, by treatment. */
  readonly counts: FaultCounts;
  close(): Promise<void>;
}

/** Settings of `random` mode: one seed makes the sequence of draws repeatable. */
export interface RandomFaults {
  readonly seed: number;
  readonly rates: FaultRates;
  /** Delay of a slow response, in ms: [least, most]. */
  readonly slowMs?: readonly [number, number];
}

const SLOW_DOWN =
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>';

/**
 * Starts the proxy; in `pass` mode it forwards every request unchanged to `target`. In `random`
 * mode each request's fate is drawn from a PRNG seeded by the seed, the request (method and path)
 * and how often that request was seen: not by arrival order, so concurrent runs with one seed
 * fault mostly the same requests, and an SDK retry of a request draws afresh.
 */
export async function startFaultProxy(target: string, random?: RandomFaults): Promise<FaultProxy> {
  const to = new URL(target);
  const counts = { requests: 0, error503: 0, drop: 0, stall: 0, slow: 0 };
  const state = { mode: 'pass' as FaultMode };
  const seen = new Map<string, number>();
  const drawsFor = (req: IncomingMessage): (() => number) => {
    const id = `${req.method} ${req.url}`;
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return mulberry32((random?.seed ?? 1) ^ fnv1a(`${id}#${n}`));
  };
  const [slowLeast, slowMost] = random?.slowMs ?? [50, 300];
  const rates = random?.rates ?? { error503: 0, drop: 0, slow: 0 };
  const timers = new Set<NodeJS.Timeout>();

  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    const upstream = request(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        // a response cut off upstream is cut off here too (pipe() would leave the client waiting)
        pipeline(up, res, (err) => err && res.destroy());
      },
    );
    pipeline(req, upstream, (err) => err && res.destroy());
  };
  const fault = (req: IncomingMessage, res: ServerResponse, kind: 'error503' | 'drop' | 'stall'): void => {
    counts[kind]++;
    req.resume();
    if (kind === 'stall') return; // closeAllConnections() ends it
    // destroyed before any byte of a response: the client cannot tell whether S3 saw the request
    if (kind === 'drop') return void req.socket.destroy();
    res.writeHead(503, { 'content-type': 'application/xml' });
    res.end(SLOW_DOWN);
  };

  const server: Server = createServer((req, res) => {
    counts.requests++;
    if (state.mode === 'error-503') return fault(req, res, 'error503');
    if (state.mode === 'drop' || state.mode === 'stall') return fault(req, res, state.mode);
    if (state.mode === 'random') {
      const draw = drawsFor(req);
      const r = draw();
      if (r < rates.error503) return fault(req, res, 'error503');
      if (r < rates.error503 + rates.drop) return fault(req, res, 'drop');
      if (r < rates.error503 + rates.drop + rates.slow) {
        counts.slow++;
        // pause so the body waits in the socket until it is forwarded
        req.pause();
        const timer = setTimeout(
          () => {
            timers.delete(timer);
            forward(req, res);
          },
          slowLeast + Math.floor(draw() * (slowMost - slowLeast + 1)),
        );
        timers.add(timer);
        return;
      }
    }
    forward(req, res);
  });
  const proxy = await serveProxy(server, state, counts, () => timers.forEach(clearTimeout));
  return Object.defineProperty(proxy, 'faults', {
    get: () => counts.error503 + counts.drop + counts.stall,
    enumerable: true,
  }) as typeof proxy & Pick<FaultProxy, 'faults'>;
}

/** FNV-1a of a string: spreads request identities over PRNG seeds. */
function fnv1a(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
