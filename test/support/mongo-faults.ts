// A loopback proxy in front of the MongoDB-compatible test server that answers chosen commands with the
// error the server gives a writer that lost a race, instead of passing them on: what FerretDB (PostgreSQL
// underneath) answers now and then when two instances write one key at once ("deadlock detected", code 1,
// InternalError), made to happen when a test says, to the command it names. Everything else — the
// handshake, every other command, every reply — goes through byte for byte. OP_MSG only (what the driver
// speaks once connected; it compresses nothing unless told to).
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';
import { connectMongo, openMongoStore } from '../../src/store/mongo';
import { migrateMongo } from '../../src/store/mongo-migrate';

const { BSON } = mongoose.mongo;
const OP_MSG = 2013;

/** What FerretDB answered in the two-instance test (test/service/multi-instance.test.ts) when it lost a race. */
export const FERRETDB_DEADLOCK = { ok: 0, errmsg: 'deadlock detected', code: 1, codeName: 'InternalError' } as const;

export type Command = Record<string, unknown>;

export interface Fault {
  /** Which commands to answer with `reply` (the command's own document: `{ findAndModify: 'x_inbound', … }`). */
  when: (command: Command) => boolean;
  /** How many of them (then the fault is spent). */
  times: number;
  reply?: Record<string, unknown>;
}

export interface MongoFaults {
  /** The server's URI with the proxy's address in it (database and options kept). */
  uri: string;
  /** Answer the next `times` commands that match with the error (FerretDB's deadlock by default). */
  fail(fault: Fault): void;
  /** Forget the faults not yet spent: every command goes through again. */
  clear(): void;
  /** Commands answered with an error so far (their names and collections). */
  injected: { command: string; collection: unknown }[];
  close(): Promise<void>;
}

/** The command's name and collection (`findAndModify`, `insert`, `update`…), from an OP_MSG body. */
const nameOf = (command: Command): string => Object.keys(command)[0] ?? '';

export async function startMongoFaults(serverUri: string): Promise<MongoFaults> {
  const target = new URL(serverUri);
  const upstream = { host: target.hostname, port: Number(target.port || 27017) };
  const faults: Fault[] = [];
  const injected: MongoFaults['injected'] = [];
  const sockets = new Set<net.Socket>();

  /** The command of an OP_MSG (its kind-0 section), or null for anything else. */
  const commandOf = (msg: Buffer): Command | null => {
    if (msg.readInt32LE(12) !== OP_MSG) return null;
    let at = 20; // header (16) + flagBits (4)
    while (at < msg.length) {
      const kind = msg[at]!;
      at += 1;
      const size = msg.readInt32LE(at);
      if (kind === 0) return BSON.deserialize(msg.subarray(at, at + size)) as Command;
      at += size; // kind 1: a document sequence (its size includes itself)
    }
    return null;
  };

  const answer = (requestId: number, doc: Record<string, unknown>): Buffer => {
    const body = Buffer.from(BSON.serialize(doc));
    const header = Buffer.alloc(21);
    header.writeInt32LE(16 + 4 + 1 + body.length, 0);
    header.writeInt32LE((Math.random() * 0x7fffffff) | 0, 4);
    header.writeInt32LE(requestId, 8);
    header.writeInt32LE(OP_MSG, 12);
    header.writeUInt32LE(0, 16); // flagBits
    header[20] = 0; // section kind 0
    return Buffer.concat([header, body]);
  };

  const server = net.createServer((client) => {
    const up = net.connect(upstream);
    sockets.add(client);
    sockets.add(up);
    let pending = Buffer.alloc(0);
    client.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4 && pending.length >= pending.readInt32LE(0)) {
        const len = pending.readInt32LE(0);
        const msg = pending.subarray(0, len);
        pending = pending.subarray(len);
        const command = commandOf(msg);
        const fault = command ? faults.find((f) => f.times > 0 && f.when(command)) : undefined;
        if (command && fault) {
          fault.times -= 1;
          injected.push({ command: nameOf(command), collection: command[nameOf(command)] });
          client.write(answer(msg.readInt32LE(4), fault.reply ?? FERRETDB_DEADLOCK));
        } else up.write(msg);
      }
    });
    up.on('data', (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      up.destroy();
      sockets.delete(client);
      sockets.delete(up);
    };
    client.on('close', end).on('error', end);
    up.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const proxied = new URL(serverUri);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(port);

  return {
    uri: proxied.toString(),
    fail(fault) {
      faults.push({ ...fault });
    },
    clear() {
      faults.length = 0;
    },
    injected,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A command `name` on the collection whose name ends with `collection` (the store's prefix comes first). */
export const on =
  (name: string, collection: string) =>
  (command: Command): boolean =>
    nameOf(command) === name && typeof command[name] === 'string' && (command[name] as string).endsWith(collection);

/** A store of its own (collections under `prefix`, made by the migration) reached through a fault proxy in front
 * of the test server at `serverUri`: what each fault test sets up before it breaks things. */
export async function faultyMongoStore(serverUri: string, prefix: string): Promise<{ store: MongoStoreOf; faults: MongoFaults }> {
  const conn = await connectMongo({ uri: serverUri, dbName: 'jiuyi_test' });
  await migrateMongo(conn, { prefix, retentionDays: 30 });
  await conn.close();
  const faults = await startMongoFaults(serverUri);
  const store = await openMongoStore({ uri: faults.uri, dbName: 'jiuyi_test', prefix, retentionDays: 30 });
  return { store, faults };
}

type MongoStoreOf = Awaited<ReturnType<typeof openMongoStore>>;

/** Drops what `faultyMongoStore` made under `prefix`. */
export async function dropPrefixed(serverUri: string, prefix: string): Promise<void> {
  const conn = await connectMongo({ uri: serverUri, dbName: 'jiuyi_test' });
  for (const c of await conn.db!.listCollections({}, { nameOnly: true }).toArray())
    if (c.name.startsWith(prefix)) await conn.db!.dropCollection(c.name).catch(() => undefined);
  await conn.close();
}
