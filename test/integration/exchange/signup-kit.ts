import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DirectorySession } from '../../../src/modules/directory/directory.port';
import { buildDn } from '../../../src/modules/directory/ldap-dn';
import { LdaptsDirectoryConnector } from '../../../src/modules/directory/ldapts-directory.connector';
import { TestApp, testEnv } from '../../support/app';
import { freshDatabaseUrl, type Backend } from '../../support/backends';
import { adminDirectoryConfig } from '../../support/directory-fixtures';
import { startEmulatorBed, type EmulatorBed } from '../../support/emulator-bed';
import type { MpfEmulator } from '../../support/mpf-emulator/mpf-emulator';
import { testbed } from '../../support/testbed-env';
import { OperationsHarness, TestClock } from '../operations/operations-harness';

export const ACCOUNTS = '/plugin/v1/accounts';
export const STRONG_PASSWORD = 'Str0ng-Pass!x';

/**
 * The whole service on MariaDB with the MPF connection pointing at an emulator over the test Samba AD (a reseller
 * OU of its own), Exchange hosting on, and the app's worker stopped: tests drive a worker on a test clock.
 */
export class SignupBed {
  readonly tag = randomBytes(3).toString('hex');
  private readonly connector = new LdaptsDirectoryConnector();
  readonly directory: DirectorySession = this.connector.session(adminDirectoryConfig());
  readonly clock = new TestClock();
  ops!: OperationsHarness;

  private constructor(
    readonly app: TestApp,
    private readonly bed: EmulatorBed,
    /** The app's database, for a second process to share. */
    readonly databaseUrl: string,
  ) {
    this.ops = new OperationsHarness(app.app, this.clock);
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

  /** `env`: more configuration for the app (e.g. RESERVED_DOMAINS, DNS_RESOLVER). */
  static async start(backend: Backend, env: Record<string, string> = {}): Promise<SignupBed> {
    const { samba } = testbed();
    const caPem = readFileSync(samba.caFile, 'utf8');
    const credentials = { domain: 'HOSTING', login: 'Administrator', password: samba.password };
    const bed = await startEmulatorBed('Signup', { credentials, vdir: '/mpf' });
    const { emulator, resellerDn } = bed;
    const databaseUrl = await freshDatabaseUrl(backend);
    const app = await TestApp.start(
      testEnv({
        DATABASE_URL: databaseUrl,
        DNS_MX_HOST: 'mx.hosting.test',
        DNS_AUTODISCOVER_HOST: 'autodiscover.hosting.test',
        DNS_SPF_INCLUDE: 'spf.hosting.test',
        ...env,
      }),
    );
    await OperationsHarness.quietApp(app.app);
    const { host, pathname } = new URL(emulator.baseUrl);
    await app
      .signed('put', '/plugin/v1/admin/mpf-connection', {
        url: `http://HOSTING\\Administrator:${encodeURIComponent(samba.password)}@${host}${pathname.replace(/\/$/, '')}`,
        pdc: samba.dcHostname.toLowerCase(),
        resellerOu: resellerDn,
        directoryUrl: 'ldaps://127.0.0.1:636',
        caCertificatePem: caPem,
      })
      .expect(200);
    await app.signed('patch', '/plugin/v1/admin/globals', { exchangeHostingEnabled: true }).expect(200);
    return new SignupBed(app, bed, databaseUrl);
  }

  async stop(): Promise<void> {
    await this.app?.close();
    await this.bed?.stop();
    await this.connector.closeAll();
  }

  /** A plan over the signed API (signup open unless told otherwise). */
  async plan(overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await this.app
      .signed('post', '/plugin/v1/admin/plans', {
        name: `Plan ${randomBytes(4).toString('hex')}`,
        signupEnabled: true,
        mailboxes: [
          { mailingPlan: 'GoldMail', max: 5, freeUnits: 0, setupFee: 0, recurringFee: 5 },
          { mailingPlan: 'BaseMail', max: 10, freeUnits: 0, setupFee: 0, recurringFee: 2 },
        ],
        resources: {
          mailStoreMb: { max: 2048, freeUnits: 2048 },
          publicStoreMb: { max: 512, freeUnits: 512 },
        },
        ...overrides,
      })
      .expect(201);
    return res.body.id as string;
  }

  /** A signup body with names unique to this run. */
  signup(planId: string, org: string, overrides: Record<string, unknown> = {}) {
    return {
      accountId: `acc-${org}-${this.tag}` as string | undefined,
      planId,
      organizationName: `${org}${this.tag}`,
      primaryDomain: `${org}-${this.tag}.test`,
      admin: {
        localPart: 'admin',
        displayName: 'Ann Admin',
        givenName: 'Ann',
        sn: 'Admin',
        password: STRONG_PASSWORD,
      },
      ...overrides,
    };
  }

  /** Runs every due operation with a fresh test worker; returns how many ran. */
  drain(): Promise<number> {
    return this.ops.worker().drain();
  }

  /** Signs an account up on `planId` and provisions it: the account id, its domain, org DN and admin mailbox. */
  async activeAccount(planId: string, org: string) {
    const body = this.signup(planId, org);
    const res = await this.app.signed('post', ACCOUNTS, body).expect(202);
    await this.drain();
    const account = (await this.app.signed('get', `${ACCOUNTS}/${res.body.id}`).expect(200)).body;
    if (account.status !== 'active') throw new Error(`Signup of ${org} ended ${account.status}`);
    const id = account.id as string;
    const mailboxes = (await this.app.signed('get', `${ACCOUNTS}/${id}/mailboxes`).expect(200)).body;
    return {
      id,
      domain: account.primaryDomain as string,
      organizationName: account.organizationName as string,
      orgDn: account.orgDn as string,
      adminMailboxId: mailboxes[0].id as string,
      mailboxes: `${ACCOUNTS}/${id}/mailboxes`,
    };
  }

  orgDn(organizationName: string): string {
    return buildDn([['OU', organizationName]], this.resellerDn);
  }

  async exists(dn: string): Promise<boolean> {
    return (await this.directory.findByDn(dn, ['cn'])) !== null;
  }
}
