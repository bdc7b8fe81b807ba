import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { XMLParser } from 'fast-xml-parser';
import { faultEnvelope, soapResponse, successReply } from './canned-envelopes';

/**
 * A small MPF stand-in on 127.0.0.1, faithful to docs/mpf-wire-contract.md: requires the Basic credentials
 * it was started with (401 otherwise), records every request with its parameters in order, and answers
 * canned envelopes (built with fast-xml-parser) unless a test sets a reply for a method.
 */
export interface RecordedCall {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body's method element (local name) and its children in document order. */
  method: string;
  params: Array<[string, string]>;
}

export type CannedReply = { status: number; body: string; headers?: Record<string, string> } | 'hang';
export type ReplyFor = (call: RecordedCall) => CannedReply | undefined;

const requestParser = new XMLParser({
  preserveOrder: true,
  removeNSPrefix: true,
  ignoreAttributes: false,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
});

type Ordered = Array<Record<string, unknown>>;

function elements(nodes: Ordered): Array<[string, Ordered]> {
  return nodes.flatMap((node) =>
    Object.entries(node)
      .filter(([name]) => name !== ':@' && name !== '#text' && name !== '?xml')
      .map(([name, children]) => [name, children as Ordered] as [string, Ordered]),
  );
}

function textOf(children: Ordered): string {
  return children.map((child) => (typeof child['#text'] === 'string' ? child['#text'] : '')).join('');
}

/** The body's method element and its parameters, in order. */
export function readRequest(body: string): { method: string; params: Array<[string, string]> } {
  const envelope = elements(requestParser.parse(body) as Ordered).find(([name]) => name === 'Envelope');
  const soapBody = elements(envelope?.[1] ?? []).find(([name]) => name === 'Body');
  const [method, children] = elements(soapBody?.[1] ?? [])[0] ?? ['', []];
  return { method, params: elements(children).map(([name, value]) => [name, textOf(value)]) };
}

export class CannedMpfServer {
  readonly calls: RecordedCall[] = [];
  /** Per-test answers; undefined falls back to the canned success answer of the method. */
  reply: ReplyFor = () => undefined;
  private readonly hanging = new Set<ServerResponse>();

  private constructor(
    private readonly server: Server,
    readonly namespace: string,
    private readonly scheme: 'http' | 'https',
  ) {}

  /** `tls` (PEM key and certificate) serves https instead of http. */
  static async start(
    user: string,
    password: string,
    namespace: string,
    tls?: { key: string; cert: string },
  ): Promise<CannedMpfServer> {
    const expected = `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
    const server: Server = tls ? createTlsServer(tls) : createServer();
    const canned = new CannedMpfServer(server, namespace, tls ? 'https' : 'http');
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const call: RecordedCall = { path: req.url ?? '', headers: req.headers, body, ...readRequest(body) };
        canned.calls.push(call);
        if (req.headers.authorization !== expected) {
          res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="MPF"' }).end('Unauthorized');
          return;
        }
        canned.answer(call, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return canned;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  baseUrl(vdir = '/mpf'): string {
    return `${this.scheme}://127.0.0.1:${this.port}${vdir}`;
  }

  reset(): void {
    this.calls.length = 0;
    this.reply = () => undefined;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(call: RecordedCall, res: ServerResponse): void {
    const reply = this.reply(call) ?? this.cannedReply(call);
    if (reply === 'hang') {
      this.hanging.add(res);
      return;
    }
    res
      .writeHead(reply.status, { 'Content-Type': 'text/xml; charset=utf-8', ...reply.headers })
      .end(reply.body);
  }

  private cannedReply(call: RecordedCall): CannedReply {
    if (!call.method || /^"[^"]+"$/.exec(String(call.headers.soapaction)) === null) {
      return {
        status: 500,
        body: faultEnvelope('soap:Client', 'Unable to handle request without a valid action'),
      };
    }
    const success = successReply(call);
    if (!success) return { status: 500, body: faultEnvelope('soap:Client', `Unknown method ${call.method}`) };
    return {
      status: 200,
      body: soapResponse(this.namespace, call.method, success.result, success.errorReturn),
    };
  }
}
