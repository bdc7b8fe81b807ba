import { randomBytes } from 'node:crypto';
import type { DirectoryEntry, DirectorySession } from '../../../src/modules/directory/directory.port';
import { buildDn, normalizeDn } from '../../../src/modules/directory/ldap-dn';
import { LdaptsDirectoryConnector } from '../../../src/modules/directory/ldapts-directory.connector';
import type {
  MpfBusinessUserInput,
  MpfClient,
  MpfEndpointConfig,
} from '../../../src/modules/mpf/client/mpf-client.port';
import type { MpfJournalLogger } from '../../../src/modules/mpf/client/mpf-request.journal';
import { SoapMpfClientFactory } from '../../../src/modules/mpf/client/soap-mpf-client.factory';
import { DomainError } from '../../../src/modules/shared/errors/domain.error';
import { adminDirectoryConfig } from '../../support/directory-fixtures';
import { startEmulatorBed, type EmulatorBed } from '../../support/emulator-bed';
import type { MpfEmulator } from '../../support/mpf-emulator/mpf-emulator';
import { testbed } from '../../support/testbed-env';
export { failureOf } from '../../support/domain-errors';

/**
 * End to end: the production SOAP client (over real HTTP) → the MPF emulator → the test Samba AD, and the
 * effects read back through the production directory provider (a DirectorySession), never the emulator's
 * internals (its `state()` only for what lives nowhere else: plans, quotas, SMTP domains, address lists…).
 */

export const MPF_LOGIN = { domain: 'HOSTING', login: 'mpf-e2e', password: 'Mpf-E2e-Secret9!' };
/** Meets Samba's complexity rules (length, three character classes). */
export const STRONG_PASSWORD = 'Str0ng-Pass!x';
export const SILENT: MpfJournalLogger = { debug: () => undefined };

export class EndToEnd {
  private readonly connector = new LdaptsDirectoryConnector();
  readonly directory: DirectorySession;
  /** Short, unique per file: keeps domains, UPNs and sAMAccountNames apart from every other test run. */
  readonly tag = randomBytes(3).toString('hex');

  private constructor(private readonly bed: EmulatorBed) {
    this.directory = this.connector.session(adminDirectoryConfig());
  }

  get emulator(): MpfEmulator {
    return this.bed.emulator;
  }

  get hostingDn(): string {
    return this.bed.hostingDn;
  }

  get resellerDn(): string {
    return this.bed.resellerDn;
  }

  /** A hosting OU of its own with a reseller OU inside, and an emulator bound to that reseller. */
  static async start(prefix: string): Promise<EndToEnd> {
    return new EndToEnd(await startEmulatorBed(prefix, { credentials: MPF_LOGIN, vdir: '/mpf' }));
  }

  async stop(): Promise<void> {
    await this.bed.stop();
    await this.connector.closeAll();
  }

  config(overrides: Partial<MpfEndpointConfig> = {}): MpfEndpointConfig {
    return {
      baseUrl: this.emulator.baseUrl,
      ...MPF_LOGIN,
      pdc: testbed().samba.dcHostname.toLowerCase(),
      timeoutMs: 15_000,
      ...overrides,
    };
  }

  /** The production client, made by the production factory. */
  client(overrides: Partial<MpfEndpointConfig> = {}): MpfClient {
    return new SoapMpfClientFactory(SILENT).create(this.config(overrides));
  }

  domain(label: string): string {
    return `${label}-${this.tag}.test`;
  }

  orgDn(name: string): string {
    return buildDn([['OU', name]], this.resellerDn);
  }

  /** The emulator names users `CN=<UPN>` and lists `CN=<name>` in the organization's OU. */
  childDn(orgName: string, cn: string): string {
    return buildDn([['CN', cn]], this.orgDn(orgName));
  }

  userInput(
    orgName: string,
    upn: string,
    overrides: Partial<MpfBusinessUserInput> = {},
  ): MpfBusinessUserInput {
    return {
      orgDn: this.orgDn(orgName),
      userPrincipalName: upn,
      samAccountName: `u${this.tag}${randomBytes(4).toString('hex')}`,
      displayName: `User ${upn}`,
      givenName: 'Given',
      sn: 'Surname',
      planName: 'GoldMail',
      password: STRONG_PASSWORD,
      isAdmin: false,
      ...overrides,
    };
  }

  async read(dn: string, attributes?: string[]): Promise<DirectoryEntry | null> {
    return this.directory.findByDn(dn, attributes);
  }

  /** A single-valued attribute as AD holds it (undefined when absent or the object is missing). */
  async attribute(dn: string, name: string): Promise<string | undefined> {
    const entry = await this.read(dn, [name]);
    return entry?.attributes[name.toLowerCase()]?.[0];
  }

  async values(dn: string, name: string): Promise<string[]> {
    const entry = await this.read(dn, [name]);
    return entry?.attributes[name.toLowerCase()] ?? [];
  }

  /** DNs of the direct children, canonical (upper-cased types, canonical escaping) for comparison. */
  async childDns(parentDn: string): Promise<string[]> {
    return (await this.directory.listChildren(parentDn, ['objectClass'])).map((entry) =>
      normalizeDn(entry.dn),
    );
  }
}

export const canonical = (dn: string): string => normalizeDn(dn).toLowerCase();
export const sameDns = (dns: string[]): string[] => dns.map(canonical).sort();

/** userAccountControl bit 2: the account is disabled. */
export const isDisabled = (userAccountControl: string | undefined): boolean =>
  (Number(userAccountControl ?? 'NaN') & 2) === 2;

/** Binds to the Samba AD as `upn` through the directory provider: 'ok', or the DomainError code. */
export async function bindAs(upn: string, password: string): Promise<string> {
  const connector = new LdaptsDirectoryConnector();
  try {
    await connector.session(adminDirectoryConfig({ bindUser: upn, password })).verifyBind();
    return 'ok';
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  } finally {
    await connector.closeAll();
  }
}
