import {
  EqualityFilter,
  OrFilter,
  PresenceFilter,
  type Client,
  type Filter,
  type SearchOptions,
} from 'ldapts';
import { DomainError } from '../shared/errors/domain.error';
import { ErrorCode } from '../shared/errors/error-code.enum';
import { errorContextOf, type ResolvedDirectoryConfig } from './directory-config';
import { bufferAttributesFor, toDirectoryEntry } from './directory-entry.mapper';
import { isConnectionLoss, ldapResultCode, toDirectoryError } from './directory-error.mapper';
import { assertNoNulInDn, assertNoNulInFilter, hasNul, parseFilter } from './directory-input.guard';
import type {
  DirectoryEntry,
  DirectorySearchOptions,
  DirectorySession,
  PasswordPolicy,
} from './directory.port';
import { discardClient, isClientAlive, openBoundClient } from './ldapts-client';

const ANY_OBJECT = new PresenceFilter({ attribute: 'objectClass' });
const SMTP_HOLDER_ATTRIBUTES = [
  'objectClass',
  'objectGUID',
  'cn',
  'displayName',
  'sAMAccountName',
  'mail',
  'proxyAddresses',
];
/** Addresses per query: keeps each OR filter small. */
const SMTP_BATCH = 100;
const NO_SUCH_OBJECT = 32;
const REFERRAL = 10;

/** One bound ldapts Client for one config, shared by concurrent callers, reopened after a drop. */
export class LdaptsDirectorySession implements DirectorySession {
  private client?: Client;
  private connecting?: Promise<Client>;
  /** Bumped by close(): an operation interrupted by close() is not retried on a new connection. */
  private epoch = 0;

  constructor(private readonly config: ResolvedDirectoryConfig) {}

  async verifyBind(): Promise<void> {
    // A live connection was bound earlier: prove the credentials still work on a connection of its own.
    if (this.client && isClientAlive(this.client)) await discardClient(await this.open());
    else await this.connection();
  }

  async findByDn(dn: string, attributes?: string[]): Promise<DirectoryEntry | null> {
    assertNoNulInDn(dn);
    const entries = await this.run(`read of ${dn}`, async (client) => {
      try {
        return await this.searchWith(client, dn, { scope: 'base', filter: ANY_OBJECT, attributes });
      } catch (error) {
        const code = ldapResultCode(error);
        if (code === NO_SUCH_OBJECT || code === REFERRAL) return [];
        throw error;
      }
    });
    return entries[0] ?? null;
  }

  async listChildren(parentDn: string, attributes?: string[]): Promise<DirectoryEntry[]> {
    assertNoNulInDn(parentDn);
    return this.run(`listing of ${parentDn}`, (client) =>
      this.searchWith(client, parentDn, { scope: 'one', filter: ANY_OBJECT, attributes }),
    );
  }

  async search(
    baseDn: string,
    filter: string | Filter,
    options: DirectorySearchOptions = {},
  ): Promise<DirectoryEntry[]> {
    assertNoNulInDn(baseDn);
    const parsed = typeof filter === 'string' ? parseFilter(filter) : filter;
    assertNoNulInFilter(parsed);
    return this.run(`search under ${baseDn}`, (client) =>
      this.searchWith(client, baseDn, {
        scope: options.scope ?? 'sub',
        filter: parsed,
        attributes: options.attributes,
      }),
    );
  }

  async findSmtpAddressHolders(baseDn: string, addresses: string[]): Promise<DirectoryEntry[]> {
    // An address with a NUL is held by no one (and the server would compare only up to the NUL).
    const usable = addresses
      .map((address) => address.trim())
      .filter((address) => address && !hasNul(address));
    const unique = [...new Map(usable.map((address) => [address.toLowerCase(), address])).values()];
    const found = new Map<string, DirectoryEntry>();
    for (let i = 0; i < unique.length; i += SMTP_BATCH) {
      // mail and proxyAddresses match case-insensitively in AD (and Samba), the smtp:/SMTP: prefix included.
      const filter = new OrFilter({
        filters: unique
          .slice(i, i + SMTP_BATCH)
          .flatMap((address) => [
            new EqualityFilter({ attribute: 'mail', value: address }),
            new EqualityFilter({ attribute: 'proxyAddresses', value: `smtp:${address}` }),
          ]),
      });
      const entries = await this.search(baseDn, filter, { attributes: SMTP_HOLDER_ATTRIBUTES });
      for (const entry of entries) found.set(entry.dn.toLowerCase(), entry);
    }
    return [...found.values()];
  }

  async passwordPolicy(domainDn: string): Promise<PasswordPolicy> {
    const entry = await this.findByDn(domainDn, ['minPwdLength', 'pwdProperties', 'pwdHistoryLength']);
    const [minLength, properties, history] = ['minpwdlength', 'pwdproperties', 'pwdhistorylength'].map(
      (name) => Number(entry?.attributes[name]?.[0] ?? NaN),
    );
    if (!entry || [minLength, properties, history].some((value) => !Number.isInteger(value))) {
      throw new DomainError(
        ErrorCode.NOT_FOUND,
        `${domainDn} is not a domain root in Active Directory (no password policy)`,
      );
    }
    return { minLength, complexity: (properties & 1) === 1, historyLength: history };
  }

  async close(): Promise<void> {
    this.epoch += 1;
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = undefined;
    if (client) await discardClient(client);
  }

  private async searchWith(
    client: Client,
    baseDn: string,
    options: SearchOptions,
  ): Promise<DirectoryEntry[]> {
    const { searchEntries } = await client.search(baseDn, {
      ...options,
      paged: { pageSize: this.config.pageSize },
      explicitBufferAttributes: bufferAttributesFor(options.attributes),
    });
    return searchEntries.map(toDirectoryEntry);
  }

  /** Runs a read on the bound connection; after a dropped connection, once more on a new one. */
  private async run<T>(operation: string, read: (client: Client) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const epoch = this.epoch;
      const client = await this.connection();
      try {
        // ldapts would silently open a new, unbound connection for a disconnected client: never let it.
        if (!client.isConnected) throw new Error('Socket connection not established');
        return await read(client);
      } catch (error) {
        const lost = isConnectionLoss(error);
        if (lost || /Operation timed out/.test((error as Error).message)) this.forget(client);
        if (lost && attempt === 1 && epoch === this.epoch) continue;
        throw toDirectoryError(error, errorContextOf(this.config, 'operation', operation));
      }
    }
  }

  private connection(): Promise<Client> {
    if (this.client && isClientAlive(this.client)) return Promise.resolve(this.client);
    if (this.client) this.forget(this.client);
    this.connecting ??= this.open()
      .then((client) => (this.client = client))
      .finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private forget(client: Client): void {
    if (this.client === client) this.client = undefined;
    void discardClient(client);
  }

  private open(): Promise<Client> {
    return openBoundClient(this.config);
  }
}
