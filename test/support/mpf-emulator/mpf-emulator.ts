import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Ctx } from './context';
import { Directory, type LdapOptions } from './directory';
import { Dn } from './dn';
import { fromLdapError, MpfCode, MpfError } from './errors';
import { contactMethods } from './handlers/contacts';
import { domainMethods } from './handlers/domains';
import { groupMethods } from './handlers/groups';
import { mpsMethods } from './handlers/mps';
import { organizationMethods } from './handlers/organizations';
import { propertyMethods } from './handlers/properties';
import { resourceMethods } from './handlers/resources';
import { userMethods } from './handlers/users';
import { Injections, type MpfInjection } from './injections';
import { Args } from './params';
import type { MethodSpec, ServiceName } from './spec';
import { EmulatorState, type MpfEmulatorState } from './state';
import {
  callParameters,
  EnvelopeError,
  errorDocument,
  methodResponse,
  parseEnvelope,
  soapFault,
  successDocument,
  type XmlNode,
} from './xml';

/**
 * MPF emulator: the four MPF web services (SOAP 1.1, docs/mpf-wire-contract.md) on 127.0.0.1, applied to a
 * real Active Directory (the test bed's Samba AD DC) over LDAP, so that the product's own LDAP reads see
 * the result.
 *
 * What lives where:
 * - In AD: organization OUs with CN=_Private, the groups Admins@<org> and AllUsers@<org>; users (UPN,
 *   sAMAccountName, names, description, mail, proxyAddresses, unicodePwd, userAccountControl, group
 *   membership); distribution lists (groupType 8, managedBy, member, and mail/proxyAddresses once
 *   mail-enabled); contacts (displayName, mail, proxyAddresses and other schema attributes); every
 *   propertiesXml entry whose name the directory schema defines.
 * - In the emulator's memory (see state.ts and `state()`), because Samba's base schema has no Exchange
 *   attributes: per organization the SMTP domains and their types, mail/public store quotas, available
 *   plans, address lists, public folders and its propertiesXml; per user the mailbox plan; per contact the
 *   targetAddress; mailbox usage (set with `setMailboxUsage`); propertiesXml entries the schema lacks.
 *
 * Calls run one at a time (a queue), so checks and writes of one call never interleave with another's.
 */

export interface MpfEmulatorOptions {
  ldap: LdapOptions;
  /** e.g. OU=Reseller-x,OU=Hosting,DC=hosting,DC=test (must exist); calls outside it are refused. */
  resellerDn: string;
  /** The Basic user is `DOMAIN\login` (domain and login compared case-insensitively). */
  credentials: { domain: string; login: string; password: string };
  /** Default http://provisioning.microsoft.com/webservices/ */
  namespace?: string;
  /** Optional path prefix, e.g. /mpf */
  vdir?: string;
  /** Default 0: an ephemeral port. */
  port?: number;
}

export type MpfOutcome = 'ok' | 'mpf-error' | 'fault' | 'http-500' | 'timeout' | 'unauthorized';

export interface MpfCall {
  /** HostedExchange, ManagedActiveDirectory, ExchangeResourceManager, MPSGeneral (or the unknown path asked). */
  service: string;
  method: string;
  /** The declared parameters the call carried, as text (passwords included: this is a test tool). */
  args: Record<string, string>;
  outcome: MpfOutcome;
  /** The MPF error code, for outcome 'mpf-error'. */
  code?: string;
  at: Date;
}

export type { MpfInjection } from './injections';

export const DEFAULT_MPF_NAMESPACE = 'http://provisioning.microsoft.com/webservices/';
const MAX_BODY = 16 * 1024 * 1024;
const METHODS: readonly MethodSpec[] = [
  ...organizationMethods,
  ...userMethods,
  ...domainMethods,
  ...groupMethods,
  ...contactMethods,
  ...resourceMethods,
  ...propertyMethods,
  ...mpsMethods,
];
const SERVICES: readonly ServiceName[] = [
  'HostedExchange',
  'ManagedActiveDirectory',
  'ExchangeResourceManager',
  'MPSGeneral',
];

interface Answer {
  status: number;
  body: string;
  contentType: string;
}

export class MpfEmulator {
  readonly journal: MpfCall[] = [];
  private readonly store = new EmulatorState();
  private latency = 0;
  private readonly injections = new Injections();
  private readonly held = new Set<Socket>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly namespace: string;
  private readonly vdir: string;
  private stopping?: Promise<void>;

  private constructor(
    private readonly options: MpfEmulatorOptions,
    private readonly directory: Directory,
    private readonly reseller: Dn,
    private readonly server: Server,
    readonly baseUrl: string,
  ) {
    this.namespace = options.namespace ?? DEFAULT_MPF_NAMESPACE;
    this.vdir = normalizeVdir(options.vdir);
  }

  static async start(options: MpfEmulatorOptions): Promise<MpfEmulator> {
    const reseller = Dn.parse(options.resellerDn.replace(/^LDAP:\/\//, ''));
    const directory = await Directory.open(options.ldap);
    try {
      if (!(await directory.get(reseller)))
        throw new Error(`The reseller OU ${reseller.toString()} does not exist`);
      const server = createServer();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
      });
      const { port } = server.address() as AddressInfo;
      const emulator = new MpfEmulator(
        options,
        directory,
        reseller,
        server,
        `http://127.0.0.1:${port}${normalizeVdir(options.vdir)}`,
      );
      server.on('request', (request: IncomingMessage, response: ServerResponse) => {
        emulator.serve(request, response).catch((error: unknown) => {
          if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
          response.end(error instanceof Error ? error.message : String(error));
        });
      });
      return emulator;
    } catch (error) {
      await directory.close();
      throw error;
    }
  }

  /** Delay (ms) before answering every request. */
  setLatency(ms: number): void {
    this.latency = Math.max(0, ms);
  }

  /** Adds a failure rule (see MpfInjection). */
  inject(rule: MpfInjection): void {
    this.injections.add(rule);
  }

  clearInjections(): void {
    this.injections.clear();
  }

  /** What GetMailboxUsage and the resource queries report for a mailbox (by userPrincipalName). */
  setMailboxUsage(upn: string, kilobytes: number): void {
    this.store.mailboxUsage.set(upn.toLowerCase(), kilobytes);
  }

  /** A detached copy of what the emulator keeps outside AD. */
  state(): MpfEmulatorState {
    return this.store.snapshot();
  }

  /** Closes the server (destroying held and idle sockets) and the LDAP connection. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      for (const socket of this.held) socket.destroy();
      this.held.clear();
      const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
      this.server.closeAllConnections();
      await closed;
      await this.queue.catch(() => undefined);
      await this.directory.close();
    })();
    return this.stopping;
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    if (this.latency > 0) await new Promise((resolve) => setTimeout(resolve, this.latency));
    const answer = await this.answer(request, body);
    if (answer === 'hold') {
      const socket = request.socket;
      this.held.add(socket);
      socket.once('close', () => this.held.delete(socket));
      return;
    }
    if (this.stopping) return void response.destroy();
    const headers: Record<string, string> = { 'Content-Type': answer.contentType };
    if (answer.status === 401) headers['WWW-Authenticate'] = 'Basic realm="MPF"';
    response.writeHead(answer.status, headers);
    response.end(answer.body);
  }

  private async answer(request: IncomingMessage, body: string | undefined): Promise<Answer | 'hold'> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const service = this.serviceAt(path);
    const serviceName = service ?? path;
    const action = soapActionMethod(request.headers.soapaction, this.namespace);
    const record = (method: string, outcome: MpfOutcome, args: Record<string, string> = {}, code?: string) =>
      this.journal.push({
        service: serviceName,
        method,
        args,
        outcome,
        ...(code && { code }),
        at: new Date(),
      });
    const fault = (method: string, code: 'soap:Client' | 'soap:Server', text: string): Answer => {
      record(method, 'fault');
      return { status: 500, body: soapFault(code, text), contentType: 'text/xml; charset=utf-8' };
    };

    if (!this.authorized(request.headers.authorization)) {
      record(action ?? '', 'unauthorized');
      return {
        status: 401,
        body: 'Unauthorized: Basic credentials DOMAIN\\login required',
        contentType: 'text/plain',
      };
    }
    if (request.method !== 'POST') {
      return { status: 405, body: 'Only POST is served', contentType: 'text/plain' };
    }
    if (!service) return fault(action ?? '', 'soap:Client', `No such service: ${path}`);
    if (body === undefined) return fault(action ?? '', 'soap:Client', 'The request body is too large');
    if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith('text/xml'))
      return fault(action ?? '', 'soap:Client', 'Content-Type must be text/xml (SOAP 1.1)');
    let parsed: { method: string; call: unknown };
    try {
      parsed = parseEnvelope(body);
    } catch (error) {
      if (!(error instanceof EnvelopeError)) throw error;
      return fault(action ?? '', 'soap:Client', error.message);
    }
    const spec = METHODS.find((m) => m.service === service && m.name === parsed.method);
    if (!spec) return fault(parsed.method, 'soap:Client', `${service}.asmx has no method ${parsed.method}`);
    if (action !== spec.name)
      return fault(
        spec.name,
        'soap:Client',
        `Server did not recognize the value of HTTP Header SOAPAction: ${String(request.headers.soapaction ?? '')} ` +
          `(expected "${this.namespace}${spec.name}")`,
      );

    const parameters = callParameters(parsed.call);
    const args: Record<string, string> = {};
    for (const name of spec.params) {
      const value = parameters.get(name);
      if (typeof value === 'string') args[name] = value;
    }
    const rule = this.injections.fire(spec.name, args);
    if (rule)
      return this.injected(rule, spec, args, (outcome, code) => record(spec.name, outcome, args, code));

    const { parts, error } = await this.exclusive(() => this.execute(spec, parameters));
    record(spec.name, error ? 'mpf-error' : 'ok', args, error?.code);
    return {
      status: 200,
      body: methodResponse(this.namespace, spec.name, parts),
      contentType: 'text/xml; charset=utf-8',
    };
  }

  private async execute(
    spec: MethodSpec,
    parameters: Map<string, string | null>,
  ): Promise<{ parts: Record<string, string>; error?: MpfError }> {
    let outcome: XmlNode | string | undefined;
    let failure: MpfError | undefined;
    try {
      const values = new Map<string, string>();
      for (const name of spec.params) {
        const value = parameters.get(name);
        if (value === undefined)
          throw new MpfError(MpfCode.INVALID_ARGUMENT, `Invalid parameter '${name}': missing`);
        if (value === null)
          throw new MpfError(
            MpfCode.INVALID_ARGUMENT,
            `Invalid parameter '${name}': must be one text-only element`,
          );
        values.set(name, value);
      }
      const ctx: Ctx = { dir: this.directory, state: this.store, reseller: this.reseller };
      outcome = await spec.handle(ctx, new Args(values, this.reseller));
    } catch (error) {
      failure = fromLdapError(error, spec.name);
    }
    if (!failure) return { parts: this.success(spec, outcome) };
    const source = errorSource(spec, parameters);
    return {
      parts: this.failure(
        spec,
        errorDocument({ ...source, code: failure.code, description: failure.description }),
      ),
      error: failure,
    };
  }

  private success(spec: MethodSpec, outcome: XmlNode | string | undefined): Record<string, string> {
    const result = `${spec.name}Result`;
    switch (spec.result) {
      case 'document':
        return { [result]: successDocument(outcome as XmlNode | undefined) };
      case 'mps':
        return { [result]: successDocument(outcome as XmlNode | undefined), errorReturn: '' };
      case 'bool':
        return { [result]: 'true', errorReturn: '' };
      case 'path':
        return { [result]: typeof outcome === 'string' ? outcome : '', errorReturn: '' };
    }
  }

  private failure(spec: MethodSpec, document: string): Record<string, string> {
    const result = `${spec.name}Result`;
    switch (spec.result) {
      case 'document':
        return { [result]: document };
      case 'mps':
        return { [result]: document, errorReturn: document };
      case 'bool':
        return { [result]: 'false', errorReturn: document };
      case 'path':
        return { [result]: '', errorReturn: document };
    }
  }

  private injected(
    rule: MpfInjection,
    spec: MethodSpec,
    args: Record<string, string>,
    record: (outcome: MpfOutcome, code?: string) => void,
  ): Answer | 'hold' {
    switch (rule.kind) {
      case 'timeout':
        record('timeout');
        return 'hold';
      case 'http500':
        record('http-500');
        return { status: 500, body: rule.description ?? 'Internal Server Error', contentType: 'text/html' };
      case 'soapFault':
        record('fault');
        return {
          status: 500,
          body: soapFault('soap:Server', rule.description ?? `Injected fault in ${spec.name}`),
          contentType: 'text/xml; charset=utf-8',
        };
      case 'errorContext': {
        const code = rule.code ?? MpfCode.FAILED;
        const source = errorSource(spec, new Map(Object.entries(args)));
        const document = errorDocument({
          ...source,
          code,
          description: rule.description ?? `Injected failure of ${spec.name}`,
        });
        record('mpf-error', code);
        return {
          status: 200,
          body: methodResponse(this.namespace, spec.name, this.failure(spec, document)),
          contentType: 'text/xml; charset=utf-8',
        };
      }
    }
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private serviceAt(path: string): ServiceName | undefined {
    if (!path.toLowerCase().startsWith(`${this.vdir.toLowerCase()}/`)) return undefined;
    const rest = path.slice(this.vdir.length + 1).toLowerCase();
    return SERVICES.find((service) => `${service.toLowerCase()}.asmx` === rest);
  }

  private authorized(header: string | undefined): boolean {
    const [scheme, token] = (header ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'basic' || !token) return false;
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return false;
    const { domain, login, password } = this.options.credentials;
    return (
      decoded.slice(0, colon).toLowerCase() === `${domain}\\${login}`.toLowerCase() &&
      decoded.slice(colon + 1) === password
    );
  }
}

/** errorSource: "Hosted Email 2007" and the method; for SubmitMpsRequest the request's namespace and procedure. */
function errorSource(
  spec: MethodSpec,
  parameters: Map<string, string | null>,
): { namespace: string; procedure: string } {
  const namespace = parameters.get('namespace');
  const procedure = parameters.get('procedure');
  if (spec.result === 'mps' && namespace && procedure) return { namespace, procedure };
  return { namespace: 'Hosted Email 2007', procedure: spec.name };
}

/** The method a SOAPAction header names (`"<ns><Method>"`, quotes optional), if it starts with our namespace. */
function soapActionMethod(header: string | string[] | undefined, namespace: string): string | undefined {
  if (typeof header !== 'string') return undefined;
  const value =
    header.length >= 2 && header.startsWith('"') && header.endsWith('"') ? header.slice(1, -1) : header;
  return value.startsWith(namespace) ? value.slice(namespace.length) : undefined;
}

function normalizeVdir(vdir: string | undefined): string {
  const trimmed = (vdir ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}` : '';
}

/** The body as UTF-8 text; undefined beyond MAX_BODY bytes. */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY) chunks.push(chunk);
  }
  return size > MAX_BODY ? undefined : Buffer.concat(chunks).toString('utf8');
}
