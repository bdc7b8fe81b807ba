import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { Client, type Entry, NoSuchObjectError } from 'ldapts';
import {
  DEFAULT_MPF_NAMESPACE,
  escapeDnValue,
  MpfEmulator,
  type MpfEmulatorOptions,
} from '../../support/mpf-emulator';
import { adminLdap } from '../../support/directory-fixtures';
import { startEmulatorBed, type EmulatorBed } from '../../support/emulator-bed';
import { testbed } from '../../support/testbed-env';

/**
 * Test kit for the MPF emulator: a private reseller OU in the shared test domain, an emulator on it, an admin
 * LDAP connection to verify effects, and hand-built SOAP calls (fast-xml-parser's builder, never strings).
 */

export const MPF_CREDENTIALS = { domain: 'HOSTING', login: 'mpf-admin', password: 'Mpf-Secret-9!' };
export const PDC = 'vm.hosting.test';
export const GOOD_PASSWORD = 'Str0ng-Pass!word';

export type Service = 'HostedExchange' | 'ManagedActiveDirectory' | 'ExchangeResourceManager' | 'MPSGeneral';
export type Params = Record<string, string>;

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' });
const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) =>
    !isAttribute && ['property', 'value', 'mailbox'].includes(name),
});

export const basicAuth = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
export const GOOD_AUTH = basicAuth(
  `${MPF_CREDENTIALS.domain}\\${MPF_CREDENTIALS.login}`,
  MPF_CREDENTIALS.password,
);

export const ldapPath = (dn: string) => `LDAP://${dn}`;
export const rdn = (type: string, value: string) => `${type}=${escapeDnValue(value)}`;

/** An XML-valued parameter, built (its text is escaped again when it becomes an element's content). */
export const xml = (node: Record<string, unknown>): string => builder.build(node);
export const plansXml = (...plans: string[]) => xml({ availablePlans: { planName: plans } });
export const mailStoreXml = (megabytes: number) =>
  xml({ mailStore: { megabytes: String(megabytes), shared: '1' } });
export const publicStoreXml = (megabytes: number) => xml({ publicStore: { megabytes: String(megabytes) } });
export const propertiesXml = (properties: [string, string][]) =>
  xml({ properties: { property: properties.map(([name, value]) => ({ '@_name': name, '#text': value })) } });
export const propertyListXml = (...names: string[]) =>
  xml({ propertyList: { property: names.map((name) => ({ '@_name': name })) } });
export const dataXml = (fields: Params) => xml({ data: fields });

export function envelope(method: string, params: Params, namespace = DEFAULT_MPF_NAMESPACE): string {
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    'soap:Envelope': {
      '@_xmlns:soap': 'http://schemas.xmlsoap.org/soap/envelope/',
      'soap:Body': { [method]: { '@_xmlns': namespace, ...params } },
    },
  });
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

export async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  signal?: AbortSignal,
): Promise<RawResponse> {
  const response = await fetch(url, { method: 'POST', body, headers, ...(signal && { signal }) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

export function parseXml(text: string): unknown {
  return parser.parse(text) as unknown;
}

/** Parsed keeping prefixes and xmlns attributes. */
export function parseXmlWithNamespaces(text: string): unknown {
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false }).parse(
    text,
  ) as unknown;
}

/** Walks parsed XML: at(node, 'Envelope', 'Body', 'Fault'); undefined when a step is missing. */
export function at(node: unknown, ...path: string[]): unknown {
  let current = node;
  for (const step of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

/** The text of a parsed element (a string, or an element with attributes and #text). */
export const textOf = (node: unknown): string | undefined =>
  node === undefined
    ? undefined
    : typeof node === 'string'
      ? node
      : ((at(node, '#text') as string | undefined) ?? '');

/** GetProperties data → { name: values }. */
export function propertiesOf(data: unknown): Record<string, string[]> {
  const properties = (at(data, 'properties', 'property') ?? []) as unknown[];
  return Object.fromEntries(
    properties.map((property) => [String(at(property, '@_name')), (at(property, 'value') ?? []) as string[]]),
  );
}

/** An MPF answer: the Result text, errorReturn, the parsed response documents and the error if any. */
export interface MpfAnswer {
  status: number;
  result: string;
  errorReturn?: string;
  /** The parsed `<response>` document of the Result (document methods, SubmitMpsRequest). */
  response?: unknown;
  /** Its `<data>`. */
  data?: unknown;
  error?: { code: string; description: string; namespace: string; procedure: string; executeSeqNo: string };
}

function errorOf(document: unknown): MpfAnswer['error'] {
  const context = at(document, 'response', 'errorContext');
  if (!context) return undefined;
  const attribute = (...path: string[]) => {
    const value = at(context, ...path);
    return typeof value === 'string' ? value : '';
  };
  return {
    code: attribute('@_code'),
    description: attribute('@_description'),
    executeSeqNo: attribute('@_executeSeqNo'),
    namespace: attribute('errorSource', '@_namespace'),
    procedure: attribute('errorSource', '@_procedure'),
  };
}

export class Fixture {
  private constructor(
    private readonly bed: EmulatorBed,
    readonly ldap: Client,
  ) {}

  get emulator(): MpfEmulator {
    return this.bed.emulator;
  }

  get hostingDn(): string {
    return this.bed.hostingDn;
  }

  get resellerDn(): string {
    return this.bed.resellerDn;
  }

  static async start(
    options: Partial<Omit<MpfEmulatorOptions, 'ldap' | 'resellerDn'>> = {},
  ): Promise<Fixture> {
    const bed = await startEmulatorBed('MpfEmu', { credentials: MPF_CREDENTIALS, ...options });
    return new Fixture(bed, await adminLdap());
  }

  async stop(): Promise<void> {
    await this.ldap.unbind();
    await this.bed.stop();
  }

  orgDn(name: string): string {
    return `${rdn('OU', name)},${this.resellerDn}`;
  }

  userDn(org: string, upn: string): string {
    return `${rdn('CN', upn)},${this.orgDn(org)}`;
  }

  url(service: string): string {
    return `${this.emulator.baseUrl}/${service}.asmx`;
  }

  async raw(service: Service, method: string, params: Params, headers: Record<string, string> = {}) {
    return post(this.url(service), envelope(method, params), {
      Authorization: GOOD_AUTH,
      'Content-Type': 'text/xml; charset=utf-8',
      SOAPAction: `"${DEFAULT_MPF_NAMESPACE}${method}"`,
      ...headers,
    });
  }

  /** Calls a method; the answer must be HTTP 200 with a well-formed `<MethodResponse>`. */
  async call(service: Service, method: string, params: Params): Promise<MpfAnswer> {
    const response = await this.raw(service, method, params);
    const body = at(parseXml(response.text), 'Envelope', 'Body', `${method}Response`);
    if (response.status !== 200 || !body) throw new Error(`HTTP ${response.status}: ${response.text}`);
    const result = textOf(at(body, `${method}Result`)) ?? '';
    const errorReturn = textOf(at(body, 'errorReturn'));
    const document = result.startsWith('<response') ? parseXml(result) : undefined;
    const errorDocument = errorReturn ? parseXml(errorReturn) : undefined;
    const error = errorOf(errorDocument) ?? errorOf(document);
    return {
      status: response.status,
      result,
      ...(errorReturn !== undefined && { errorReturn }),
      ...(document !== undefined && { response: document, data: at(document, 'response', 'data') }),
      ...(error && { error }),
    };
  }

  /** Calls a method that must succeed; returns the `<data>` of its response document (if any). */
  async ok(service: Service, method: string, params: Params): Promise<unknown> {
    const answer = await this.call(service, method, params);
    if (answer.error) throw new Error(`${method} failed: ${answer.error.code} ${answer.error.description}`);
    return answer.data;
  }

  async createOrg(
    name: string,
    domain: string,
    plans = ['GoldMail', 'SilverMail'],
    mailStoreMB = 500,
  ): Promise<unknown> {
    return this.ok('HostedExchange', 'CreateBusinessOrganization', {
      container: ldapPath(this.resellerDn),
      name,
      mailStoreXml: mailStoreXml(mailStoreMB),
      publicStoreXml: publicStoreXml(100),
      SMTPDomain: domain,
      description: `Organization ${name}`,
      propertiesXml: '',
      availablePlansXml: plansXml(...plans),
      pdc: PDC,
      sendCredentials: 'false',
    });
  }

  userParams(org: string, upn: string, overrides: Params = {}): Params {
    return {
      container: ldapPath(this.orgDn(org)),
      userPrincipalName: upn,
      sAMAccountName: `${upn.split('@')[0]}_${randomBytes(3).toString('hex')}`.slice(0, 20),
      displayName: `User ${upn}`,
      givenName: 'Given',
      middleName: '',
      sn: 'Surname',
      initials: '',
      description: '',
      planName: 'GoldMail',
      newPassword: GOOD_PASSWORD,
      isAdmin: 'false',
      unused1: '',
      propertiesXml: '',
      unused2: '',
      pdc: PDC,
      ...overrides,
    };
  }

  async createUser(org: string, upn: string, overrides: Params = {}): Promise<unknown> {
    return this.ok('HostedExchange', 'CreateBusinessUser', this.userParams(org, upn, overrides));
  }

  async deleteUser(org: string, upn: string): Promise<unknown> {
    return this.ok('HostedExchange', 'DeleteBusinessUser', {
      userPath: ldapPath(this.userDn(org, upn)),
      pdc: PDC,
    });
  }

  /** The entry at dn (all user attributes plus the named operational ones), or undefined. */
  async read(dn: string, attributes: string[] = ['*']): Promise<Entry | undefined> {
    try {
      const { searchEntries } = await this.ldap.search(dn, {
        scope: 'base',
        attributes,
        explicitBufferAttributes: ['objectGUID'],
      });
      return searchEntries[0];
    } catch (error) {
      if (error instanceof NoSuchObjectError) return undefined;
      throw error;
    }
  }

  async children(dn: string, filter = '(objectClass=*)'): Promise<Entry[]> {
    const { searchEntries } = await this.ldap.search(dn, { scope: 'one', filter, attributes: ['*'] });
    return searchEntries;
  }
}

/** Binds as a user (UPN + password) over LDAPS; resolves true on success, the error otherwise. */
export async function bindAs(upn: string, password: string): Promise<true | Error> {
  const { samba } = testbed();
  const client = new Client({
    url: samba.url,
    connectTimeout: 5000,
    tlsOptions: { ca: [readFileSync(samba.caFile)], servername: samba.dcHostname },
  });
  try {
    await client.bind(upn, password);
    return true;
  } catch (error) {
    return error as Error;
  } finally {
    await client.unbind();
  }
}

/** A value ldapts returned, always as an array. */
export const list = (value: unknown): string[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as string[]) : [value as string];
