/**
 * A TCP relay in front of the test PostgreSQL server that can take the database away
 * the ways a real outage does, without touching the server others use:
 * - down(): nothing listens any more and open connections are cut (a stopped server);
 * - freeze(): connections stay open but nothing passes either way, and new ones are
 *   accepted and never answered (a SIGSTOPped server, a black-holed network);
 * - up() / thaw() undo them.
 */
import net from "node:net";

export type DatabaseProxy = {
  port: number;
  /** The test database's URL with the relay's address instead of the server's. */
  urlFor(databaseUrl: string): string;
  down(): Promise<void>;
  up(): Promise<void>;
  freeze(): void;
  thaw(): void;
  close(): Promise<void>;
};

export async function startDatabaseProxy(target: { host: string; port: number }): Promise<DatabaseProxy> {
  const pairs = new Set<{ client: net.Socket; server: net.Socket }>();
  let frozen = false;
  const held: Array<{ client: net.Socket; server: net.Socket }> = [];

  const relay = (pair: { client: net.Socket; server: net.Socket }) => {
    pair.client.pipe(pair.server);
    pair.server.pipe(pair.client);
  };

  const listener = net.createServer((client) => {
    const server = net.connect(target.port, target.host);
    const pair = { client, server };
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      server.destroy();
    };
    client.on("error", drop);
    server.on("error", drop);
    client.on("close", drop);
    server.on("close", drop);
    if (frozen) held.push(pair);
    else relay(pair);
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  const port = (listener.address() as net.AddressInfo).port;
  let current: net.Server | null = listener;

  const cutAll = () => {
    for (const { client, server } of pairs) {
      client.destroy();
      server.destroy();
    }
    pairs.clear();
    held.length = 0;
  };

  return {
    port,
    urlFor(databaseUrl) {
      const u = new URL(databaseUrl);
      u.hostname = "127.0.0.1";
      u.port = String(port);
      return u.toString();
    },
    async down() {
      const closing = current;
      current = null;
      cutAll();
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    async up() {
      if (current) return;
      current = listener;
      await new Promise<void>((resolve) => listener.listen(port, "127.0.0.1", resolve));
    },
    freeze() {
      frozen = true;
      for (const { client, server } of pairs) {
        client.unpipe(server);
        server.unpipe(client);
        client.pause();
        server.pause();
      }
    },
    thaw() {
      frozen = false;
      for (const pair of pairs) {
        pair.client.resume();
        pair.server.resume();
        if (!held.includes(pair)) relay(pair);
      }
      for (const pair of held.splice(0)) relay(pair);
    },
    async close() {
      cutAll();
      const closing = current;
      current = null;
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
  };
}

/** A server that accepts connections and never says a word: PostgreSQL frozen before it answered. */
export async function startBlackHole(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port on loopback where nothing listens (taken and let go). */
export async function unusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
