// A TCP proxy between the server and PostgreSQL for outage tests: `cut()` drops every connection and refuses new
// ones (what a PostgreSQL restart looks like to the server), `stall()` accepts new connections but never answers
// (a line that went dead without a word), `restore()` forwards again.
import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** Destroys every open connection and stops listening: new connections are refused until restore(). */
  cut(): Promise<void>;
  /** Drops every open connection; new ones are accepted and then left without an answer. */
  stall(): Promise<void>;
  /** Forwards again, listening on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let stalled = false;
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // a peer reset while the proxy tears down is expected
    socket.on('error', () => socket.destroy());
  };
  const onConnection = (client: net.Socket) => {
    if (stalled) return track(client);
    const upstream = net.connect(target.port, target.host);
    track(client);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  };
  let server = net.createServer(onConnection);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
    });
  const stopListening = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  const port = await listen(0);
  const relisten = async () => {
    server = net.createServer(onConnection);
    await listen(port);
  };
  return {
    port,
    async cut() {
      const closed = stopListening();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    async stall() {
      stalled = true;
      for (const socket of sockets) socket.destroy();
      if (!server.listening) await relisten();
    },
    async restore() {
      stalled = false;
      if (!server.listening) await relisten();
    },
    async close() {
      const closed = stopListening();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
