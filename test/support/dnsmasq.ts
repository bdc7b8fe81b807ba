import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { Resolver } from 'node:dns/promises';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript } from './run-script';

const READY_NAME = 'dnsmasq-ready.test';

async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

/**
 * A real DNS server for the tests: Debian's dnsmasq on a free loopback port, authoritative for `.test` (a name it has
 * no record for is NXDOMAIN), serving the TXT records a test publishes. dnsmasq does not reload `txt-record` lines on
 * SIGHUP, so publishing rewrites its configuration and restarts it on the same port. One per test file.
 */
export class DnsServer {
  private readonly dir = mkdtempSync(join(tmpdir(), 'exh-dnsmasq-'));
  private readonly records: [string, string][] = [];
  private child: ChildProcess | undefined;
  private stderr = '';

  private constructor(readonly port: number) {}

  /** `127.0.0.1:<port>`, as DNS_RESOLVER takes it. */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  static async start(): Promise<DnsServer> {
    await runScript('dnsmasq.sh', 'install');
    const server = new DnsServer(await freeUdpPort());
    await server.restart();
    return server;
  }

  /** Publishes a TXT record (name → text) and waits until the server answers with it. */
  async publishTxt(name: string, text: string): Promise<void> {
    this.records.push([name, text]);
    await this.restart();
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async restart(): Promise<void> {
    await this.kill();
    const conf = join(this.dir, 'dnsmasq.conf');
    const quote = (text: string) => `"${text.replace(/["\\]/g, '\\$&')}"`;
    writeFileSync(
      conf,
      [
        'local=/test/',
        `txt-record=${READY_NAME},"ready"`,
        ...this.records.map(([name, text]) => `txt-record=${name},${quote(text)}`),
        '',
      ].join('\n'),
    );
    this.stderr = '';
    const child = spawn(
      'dnsmasq',
      [
        '--keep-in-foreground',
        `--port=${this.port}`,
        '--listen-address=127.0.0.1',
        '--bind-interfaces',
        '--no-resolv',
        '--no-hosts',
        `--conf-file=${conf}`,
        `--pid-file=${join(this.dir, 'dnsmasq.pid')}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child = child;
    await this.waitUntilReady();
  }

  private async waitUntilReady(): Promise<void> {
    const resolver = new Resolver({ timeout: 200, tries: 1 });
    resolver.setServers([this.address]);
    for (let attempt = 0; attempt < 50; attempt++) {
      if (this.child?.exitCode !== null) {
        throw new Error(`dnsmasq exited (${this.child?.exitCode}): ${this.stderr.trim()}`);
      }
      try {
        const found = await resolver.resolveTxt(READY_NAME);
        if (found.length > 0) return;
      } catch {
        // not answering yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`dnsmasq did not answer on ${this.address}: ${this.stderr.trim()}`);
  }

  private async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}
