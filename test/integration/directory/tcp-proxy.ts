import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of a real server, to see and cut connections: counts accepted connections and
 * client→server chunks (with TLS each LDAP request the client writes arrives as its own chunk).
 * Without a target it is a silent server: it accepts connections and never answers.
 */
export class TcpProxy {
  connections = 0;
  clientChunks = 0;
  private readonly sockets = new Set<Socket>();
  private readonly clients = new Set<Socket>();
  private readonly server: Server;

  private constructor(targetPort?: number) {
    this.server = createServer((client) => {
      this.connections += 1;
      this.clients.add(this.track(client));
      if (targetPort === undefined) return;
      const upstream = this.track(connect(targetPort, '127.0.0.1'));
      client.on('data', () => (this.clientChunks += 1));
      client.pipe(upstream);
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
  }

  static async start(targetPort?: number): Promise<TcpProxy> {
    const proxy = new TcpProxy(targetPort);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Client-side connections still open. */
  get openConnections(): number {
    return [...this.clients].filter((socket) => !socket.destroyed).length;
  }

  /** Cuts every connection, as a restarting server would. */
  dropAll(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private track(socket: Socket): Socket {
    this.sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.clients.delete(socket);
    });
    return socket;
  }
}
