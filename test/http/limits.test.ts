// Slow and greedy clients on raw sockets: headers that never end, a body that never arrives, more
// connections from one address than allowed. The server's limits are set small here (the defaults are
// 10 s for headers, 30 s for a whole request, 128 connections an address); what is checked is that the
// server closes those connections by itself, answers 408 where a request began, and keeps serving others.
import net from 'node:net';
import { buildTestApp, type TestApp } from '../support/service-app';

let t: TestApp;
let port = 0;
beforeAll(async () => {
  t = await buildTestApp({
    http: { limits: { headersTimeoutMs: 300, requestTimeoutMs: 600, idleTimeoutMs: 2_000, keepAliveMs: 300, checkIntervalMs: 50, maxConnectionsPerIp: 4 } },
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as net.AddressInfo).port;
});
afterAll(() => t.close());

interface Raw {
  socket: net.Socket;
  received: () => string;
  closed: Promise<void>;
  isClosed: () => boolean;
}

async function connect(): Promise<Raw> {
  const socket = net.connect(port, '127.0.0.1');
  let data = '';
  let done = false;
  socket.on('data', (d) => (data += d.toString()));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.on('close', () => ((done = true), resolve())));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return { socket, received: () => data, closed, isClosed: () => done };
}

/** Resolves when the server has closed the socket; fails the test if it has not within `ms` (a bound far
 * above the configured timeouts, so a slow machine cannot make it fail; without limits it never closes). */
async function closedBy(raw: Raw, ms = 10_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the server kept the connection open')), ms);
  });
  try {
    await Promise.race([raw.closed, guard]);
  } finally {
    clearTimeout(timer);
  }
}

describe('slow clients', () => {
  it('closes a connection whose headers never end, with 408', async () => {
    const c = await connect();
    c.socket.write('POST /api/v1/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n');
    await closedBy(c);
    expect(c.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes a connection whose body stops part-way, with 408', async () => {
    const c = await connect();
    c.socket.write('POST /api/v1/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"user":"slow","te');
    await closedBy(c);
    expect(c.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes a body dripping a byte at a time once the whole request has taken too long', async () => {
    const c = await connect();
    c.socket.write('POST /api/v1/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n');
    const drip = setInterval(() => c.socket.writable && c.socket.write(' '), 50);
    try {
      await closedBy(c);
    } finally {
      clearInterval(drip);
    }
    expect(c.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes a connection that sends nothing at all', async () => {
    const c = await connect();
    await closedBy(c);
  });

  it('closes an idle keep-alive connection after its request', async () => {
    const c = await connect();
    c.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    await closedBy(c);
    expect(c.received()).toMatch(/^HTTP\/1\.1 200/);
  });
});

describe('connections per client address', () => {
  it('refuses connections beyond the cap at once and takes new ones when others close', async () => {
    const held = await Promise.all([connect(), connect(), connect(), connect()]);
    const over = await connect();
    await closedBy(over);
    expect(over.received()).toBe('');
    // the four allowed ones are still open: the fifth was refused for the count, not for a timeout
    expect(held.map((h) => h.isClosed())).toEqual([false, false, false, false]);
    const refused = (await t.metrics.registry.getSingleMetric('jiuyi_http_connections_refused_total')?.get())?.values[0]?.value;
    expect(refused).toBeGreaterThanOrEqual(1);
    held[0]!.socket.destroy();
    await held[0]!.closed;
    await new Promise((r) => setTimeout(r, 20));
    const again = await connect();
    again.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    await closedBy(again);
    expect(again.received()).toMatch(/^HTTP\/1\.1 200/);
    for (const h of held) h.socket.destroy();
  });
});
