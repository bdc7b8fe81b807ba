import {
  AndFilter,
  Attribute,
  Change,
  Client,
  EqualityFilter,
  type Filter,
  NoSuchObjectError,
  NotFilter,
  OrFilter,
  PresenceFilter,
  ResultCodeError,
  SubstringFilter,
} from 'ldapts';
import { Dn } from './dn';

/**
 * The emulator's access to Active Directory over LDAP (ldapts): one bound connection, re-opened once when it
 * drops. DNs go out in the canonical escaped form of ./dn.ts; filters are ldapts Filter objects, whose values
 * travel as raw BER octet strings (RFC 4515 escaping only matters for the text form, which is never built).
 */

export interface LdapOptions {
  url: string;
  bindDn: string;
  password: string;
  caPem: string;
  servername?: string;
}

export type DirectoryKind = 'user' | 'group' | 'contact' | 'organizationalUnit' | 'container' | 'other';

/** One entry, attribute names matched case-insensitively; binary values already formatted as text. */
export class DirEntry {
  constructor(
    readonly dn: Dn,
    private readonly attributes: ReadonlyMap<string, { name: string; values: string[] }>,
  ) {}

  values(name: string): string[] {
    return this.attributes.get(name.toLowerCase())?.values ?? [];
  }

  first(name: string): string | undefined {
    return this.values(name)[0];
  }

  get kind(): DirectoryKind {
    const classes = this.values('objectClass').map((c) => c.toLowerCase());
    if (classes.includes('computer')) return 'other';
    for (const kind of ['user', 'group', 'contact', 'organizationalUnit', 'container'] as const)
      if (classes.includes(kind.toLowerCase())) return kind;
    return 'other';
  }
}

export const filter = {
  eq: (attribute: string, value: string): Filter => new EqualityFilter({ attribute, value }),
  endsWith: (attribute: string, final: string): Filter => new SubstringFilter({ attribute, final }),
  present: (attribute: string): Filter => new PresenceFilter({ attribute }),
  and: (...filters: Filter[]): Filter => new AndFilter({ filters }),
  or: (...filters: Filter[]): Filter => new OrFilter({ filters }),
  not: (inner: Filter): Filter => new NotFilter({ filter: inner }),
};

export interface SchemaAttribute {
  name: string;
  systemOnly: boolean;
  singleValued: boolean;
  rangeUpper?: number;
  /** 2.5.5.12 (Unicode string) and friends: rangeUpper counts characters. */
  syntax: string;
}

export type Modification = {
  operation: 'add' | 'delete' | 'replace';
  type: string;
  values: (string | Buffer)[];
};

const BINARY = ['objectGUID', 'objectSid'];

export class Directory {
  private client?: Client;
  private closed = false;
  private readonly schema = new Map<string, SchemaAttribute | null>();
  private namingContexts?: { defaultNamingContext: Dn; schemaNamingContext: Dn };

  private constructor(private readonly options: LdapOptions) {}

  static async open(options: LdapOptions): Promise<Directory> {
    const directory = new Directory(options);
    await directory.run(() => Promise.resolve());
    return directory;
  }

  /** The domain's root, e.g. DC=hosting,DC=test (where sAMAccountName and UPN must be unique). */
  async domainRoot(): Promise<Dn> {
    return (await this.contexts()).defaultNamingContext;
  }

  async search(
    base: Dn,
    options: { scope: 'base' | 'one' | 'sub'; filter?: Filter; attributes?: string[] },
  ): Promise<DirEntry[]> {
    const { searchEntries } = await this.run((client) =>
      client.search(base.toString(), {
        scope: options.scope,
        filter: options.filter ?? filter.present('objectClass'),
        attributes: options.attributes ?? ['objectClass'],
        explicitBufferAttributes: BINARY,
        ...(options.scope !== 'base' && { paged: { pageSize: 500 } }),
      }),
    );
    return searchEntries.map(toEntry);
  }

  /** The entry at `dn`, or undefined when there is none. */
  async get(dn: Dn, attributes: string[] = ['objectClass']): Promise<DirEntry | undefined> {
    try {
      const [entry] = await this.search(dn, { scope: 'base', attributes: ['objectClass', ...attributes] });
      return entry;
    } catch (error) {
      if (error instanceof NoSuchObjectError) return undefined;
      throw error;
    }
  }

  async add(dn: Dn, attributes: Record<string, string | string[]>): Promise<void> {
    await this.run((client) => client.add(dn.toString(), attributes));
  }

  async modify(dn: Dn, modifications: Modification[]): Promise<void> {
    const changes = modifications.map(
      ({ operation, type, values }) =>
        new Change({ operation, modification: new Attribute({ type, values: values as string[] }) }),
    );
    await this.run((client) => client.modify(dn.toString(), changes));
  }

  async replace(dn: Dn, type: string, values: string[]): Promise<void> {
    await this.modify(dn, [{ operation: 'replace', type, values }]);
  }

  /** unicodePwd: the password in double quotes, UTF-16LE. */
  async setPassword(dn: Dn, password: string): Promise<void> {
    await this.modify(dn, [
      { operation: 'replace', type: 'unicodePwd', values: [Buffer.from(`"${password}"`, 'utf16le')] },
    ]);
  }

  async del(dn: Dn): Promise<void> {
    await this.run((client) => client.del(dn.toString()));
  }

  /** Deletes `dn` and everything below it, deepest entries first. */
  async deleteTree(dn: Dn): Promise<void> {
    const entries = await this.search(dn, { scope: 'sub', attributes: ['1.1'] }).catch((error: unknown) => {
      if (error instanceof NoSuchObjectError) return [];
      throw error;
    });
    for (const entry of entries.sort((a, b) => b.dn.depth - a.dn.depth)) {
      await this.del(entry.dn).catch((error: unknown) => {
        if (!(error instanceof NoSuchObjectError)) throw error;
      });
    }
  }

  /** The schema's definition of an attribute (cached), or undefined when the schema has no such attribute. */
  async schemaAttribute(name: string): Promise<SchemaAttribute | undefined> {
    const key = name.toLowerCase();
    if (!this.schema.has(key)) {
      const { schemaNamingContext } = await this.contexts();
      const [entry] = await this.search(schemaNamingContext, {
        scope: 'one',
        filter: filter.and(filter.eq('objectClass', 'attributeSchema'), filter.eq('lDAPDisplayName', name)),
        attributes: ['lDAPDisplayName', 'systemOnly', 'isSingleValued', 'rangeUpper', 'attributeSyntax'],
      });
      this.schema.set(
        key,
        entry
          ? {
              name: entry.first('lDAPDisplayName') ?? name,
              systemOnly: entry.first('systemOnly') === 'TRUE',
              singleValued: entry.first('isSingleValued') === 'TRUE',
              rangeUpper:
                entry.first('rangeUpper') === undefined ? undefined : Number(entry.first('rangeUpper')),
              syntax: entry.first('attributeSyntax') ?? '',
            }
          : null,
      );
    }
    return this.schema.get(key) ?? undefined;
  }

  /** Unbinds; the directory cannot be used afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    await this.drop();
  }

  private async drop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.unbind().catch(() => undefined);
  }

  private async contexts(): Promise<{ defaultNamingContext: Dn; schemaNamingContext: Dn }> {
    if (!this.namingContexts) {
      const { searchEntries } = await this.run((client) =>
        client.search('', { scope: 'base', attributes: ['defaultNamingContext', 'schemaNamingContext'] }),
      );
      const root = toEntry(searchEntries[0]);
      this.namingContexts = {
        defaultNamingContext: Dn.parse(root.first('defaultNamingContext') ?? ''),
        schemaNamingContext: Dn.parse(root.first('schemaNamingContext') ?? ''),
      };
    }
    return this.namingContexts;
  }

  private async connect(): Promise<Client> {
    const { url, bindDn, password, caPem, servername } = this.options;
    const tlsOptions = { ca: [caPem], ...(servername && { servername }) };
    const secure = url.toLowerCase().startsWith('ldaps://');
    const client = new Client({ url, timeout: 15000, connectTimeout: 5000, ...(secure && { tlsOptions }) });
    try {
      if (!secure) await client.startTLS(tlsOptions);
      await client.bind(bindDn, password);
    } catch (error) {
      await client.unbind().catch(() => undefined);
      throw error;
    }
    return client;
  }

  /** Runs an operation on the bound connection; a dropped connection (not an LDAP result) is re-opened once. */
  private async run<T>(operation: (client: Client) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      if (this.closed) throw new Error('The directory connection is closed');
      this.client ??= await this.connect();
      try {
        return await operation(this.client);
      } catch (error) {
        if (error instanceof ResultCodeError || attempt > 1) throw error;
        await this.drop();
      }
    }
  }
}

function toEntry(raw: Record<string, unknown> & { dn: string }): DirEntry {
  const attributes = new Map<string, { name: string; values: string[] }>();
  for (const [name, value] of Object.entries(raw)) {
    if (name === 'dn') continue;
    const values = (Array.isArray(value) ? value : [value]).map((v) => format(name, v));
    attributes.set(name.toLowerCase(), { name, values });
  }
  return new DirEntry(raw.dn === '' ? new Dn([]) : Dn.parse(raw.dn), attributes);
}

function format(name: string, value: unknown): string {
  if (!Buffer.isBuffer(value)) return String(value);
  if (name.toLowerCase() === 'objectguid' && value.length === 16) return formatGuid(value);
  if (name.toLowerCase() === 'objectsid') return formatSid(value);
  return value.toString('base64');
}

/** objectGUID as .NET's Guid.ToString(): the first three groups little-endian. */
export function formatGuid(bytes: Buffer): string {
  const hex = (from: number, to: number, reverse: boolean) => {
    const part = [...bytes.subarray(from, to)];
    return (reverse ? part.reverse() : part).map((b) => b.toString(16).padStart(2, '0')).join('');
  };
  return `${hex(0, 4, true)}-${hex(4, 6, true)}-${hex(6, 8, true)}-${hex(8, 10, false)}-${hex(10, 16, false)}`;
}

function formatSid(bytes: Buffer): string {
  const count = bytes[1];
  const authority = bytes.readUIntBE(2, 6);
  const parts = Array.from({ length: count }, (_, i) => bytes.readUInt32LE(8 + i * 4));
  return `S-${bytes[0]}-${authority}${parts.map((p) => `-${p}`).join('')}`;
}
