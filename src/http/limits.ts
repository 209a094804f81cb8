// Limits that keep slow or greedy clients from holding the server: a client must send its headers within
// `headersTimeoutMs` and its whole request (body included) within `requestTimeoutMs`, or it is answered 408
// and disconnected; a connection with no traffic either way for `idleTimeoutMs` is closed; an idle
// keep-alive connection is closed after `keepAliveMs`; at most
// `maxConnectionsPerIp` connections from one address at a time (more are closed at once) and
// `maxConnections` in all (Node refuses more), so the process keeps file descriptors for its store.
import type { Server, ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';

export interface HttpLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  idleTimeoutMs: number;
  keepAliveMs: number;
  /** 0: no limit. Past it Node answers 503 to clients that ignore its `connection: close` (autocannon
   * does; Telegram's webhook deliveries keep connections too), so it is off by default. */
  maxRequestsPerSocket: number;
  /** 0: no limit (behind a proxy every client has the proxy's address). */
  maxConnectionsPerIp: number;
  maxConnections: number;
  /** How often Node checks the header and request timeouts (they take effect up to this much late). */
  checkIntervalMs: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  idleTimeoutMs: 60_000,
  keepAliveMs: 5_000,
  maxRequestsPerSocket: 0,
  maxConnectionsPerIp: 128,
  maxConnections: 900,
  checkIntervalMs: 1_000,
};

/** fastify's server options for these limits. */
export function serverOptions(l: HttpLimits) {
  const http: ServerOptions = {
    headersTimeout: Math.min(l.headersTimeoutMs, l.requestTimeoutMs),
    requestTimeout: l.requestTimeoutMs,
    connectionsCheckingInterval: l.checkIntervalMs,
  };
  return {
    http,
    requestTimeout: l.requestTimeoutMs,
    connectionTimeout: l.idleTimeoutMs,
    keepAliveTimeout: l.keepAliveMs,
    maxRequestsPerSocket: l.maxRequestsPerSocket,
  };
}

/** Counts connections per client address and closes those beyond the limit as they arrive. */
export function capConnections(server: Server, l: HttpLimits, logger: Logger, onRefused?: () => void): void {
  server.maxConnections = l.maxConnections;
  if (l.maxConnectionsPerIp <= 0) return;
  const open = new Map<string, number>();
  let lastWarned = 0;
  server.on('connection', (socket: Socket) => {
    const ip = socket.remoteAddress ?? '';
    const n = (open.get(ip) ?? 0) + 1;
    if (n > l.maxConnectionsPerIp) {
      socket.destroy();
      onRefused?.();
      const now = Date.now();
      if (now - lastWarned > 10_000) {
        lastWarned = now;
        logger.warn({ ip, limit: l.maxConnectionsPerIp }, 'too many connections from one address: refused');
      }
      return;
    }
    open.set(ip, n);
    socket.once('close', () => {
      const left = (open.get(ip) ?? 1) - 1;
      if (left > 0) open.set(ip, left);
      else open.delete(ip);
    });
  });
}
