import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { startEmulatorBed, type EmulatorBed } from '../../support/emulator-bed';
import { TestApp, testEnv } from '../../support/app';
import { testbed } from '../../support/testbed-env';

const CONNECTION = '/plugin/v1/admin/mpf-connection';

/** The admin's MPF connection form end to end: signed API → app → MPF emulator + Samba AD. */
describe('MPF connection settings and test-connection', () => {
  const { samba } = testbed();
  const password = samba.password;
  let bed: EmulatorBed;
  let app: TestApp;
  let env: Record<string, string>;

  const form = (overrides: Record<string, unknown> = {}) => {
    const { host } = new URL(bed.emulator.baseUrl);
    const vdir = new URL(bed.emulator.baseUrl).pathname.replace(/\/$/, '');
    return {
      url: `http://HOSTING\\Administrator:${encodeURIComponent(password)}@${host}${vdir}`,
      pdc: samba.dcHostname.toLowerCase(),
      resellerOu: `LDAP://${bed.resellerDn}`,
      directoryUrl: 'ldaps://127.0.0.1:636',
      caCertificatePem: readFileSync(samba.caFile, 'utf8'),
      ...overrides,
    };
  };
  const runTest = async () => (await app.signed('post', `${CONNECTION}/test`).expect(200)).body;
  const statuses = (result: { checks: { name: string; status: string }[] }) =>
    Object.fromEntries(result.checks.map((check) => [check.name, check.status]));

  beforeAll(async () => {
    bed = await startEmulatorBed('Hosting', {
      credentials: { domain: 'HOSTING', login: 'Administrator', password },
      vdir: '/mpf',
    });
    env = testEnv();
    app = await TestApp.start(env);
  });

  afterAll(async () => {
    await app?.close();
    await bed?.stop();
  });

  it('is not configured on a new installation, and test-connection says so', async () => {
    expect((await app.signed('get', CONNECTION).expect(200)).body).toEqual({ configured: false });
    const res = await app.signed('post', `${CONNECTION}/test`).expect(409);
    expect(res.body.code).toBe('MPF_NOT_CONFIGURED');
  });

  it('refuses invalid settings naming each field and rule, and stores nothing', async () => {
    const res = await app
      .signed(
        'put',
        CONNECTION,
        form({
          url: 'http://admin:pw@host',
          pdc: 'not a host',
          resellerOu: 'Reseller',
          caCertificatePem: 'junk',
        }),
      )
      .expect(400);
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['pdc']));
    const res2 = await app
      .signed(
        'put',
        CONNECTION,
        form({
          url: 'http://admin:pw@host',
          resellerOu: 'CN=Users,DC=hosting,DC=test',
          caCertificatePem: 'junk',
        }),
      )
      .expect(400);
    expect(
      (res2.body.errors as { field: string; rule: string }[]).map((e) => `${e.field}:${e.rule}`).sort(),
    ).toEqual(['caCertificatePem:x509', 'resellerOu:distinguishedName', 'url:netbiosDomain']);
    await app.signed('put', CONNECTION, form({ url: 'http://HOSTING\\Administrator@host' })).expect(400);
    expect((await app.signed('get', CONNECTION).expect(200)).body).toEqual({ configured: false });
  });

  it.each([
    ['a reseller OU with NUL', { resellerOu: 'OU=Re\u0000seller,DC=hosting,DC=test' }, 'resellerOu'],
    ['a reseller OU with ")("', { resellerOu: 'OU=a)(b,DC=hosting,DC=test' }, 'resellerOu'],
    ['a reseller OU with "*"', { resellerOu: 'OU=*,DC=hosting,DC=test' }, 'resellerOu'],
    ['an IPv6 host that does not parse', { url: 'http://HOSTING\\a:b@[::zz]/mpf' }, 'url'],
    ['a PDC that is a Cyrillic lookalike', { pdc: 'dc1.h\u043estіng.test' }, 'pdc'],
    ['a PDC with a trailing space', { pdc: 'dc1.hosting.test ' }, 'pdc'],
    ['a namespace with a .. segment', { namespace: 'http://provisioning.microsoft.com/../x' }, 'namespace'],
    ['an empty CA certificate', { caCertificatePem: '' }, 'caCertificatePem'],
    ['null for insecureTls', { insecureTls: null }, 'insecureTls'],
    ['null for timeoutSeconds', { timeoutSeconds: null }, 'timeoutSeconds'],
    ['null for the url', { url: null }, 'url'],
  ])('refuses %s, naming that field, and stores nothing', async (_label, overrides, field) => {
    const res = await app.signed('put', CONNECTION, form(overrides)).expect(400);
    expect((res.body.errors as { field: string }[]).map((e) => e.field)).toEqual([field]);
    expect((await app.signed('get', CONNECTION).expect(200)).body).toEqual({ configured: false });
  });

  it('saves the connection with the password masked, sealed at rest, and audited without it', async () => {
    const res = await app.signed('put', CONNECTION, form()).expect(200);
    expect(res.body).toMatchObject({
      configured: true,
      netbiosDomain: 'HOSTING',
      login: 'Administrator',
      passwordSet: true,
      resellerOu: bed.resellerDn,
      directoryUrl: 'ldaps://127.0.0.1:636',
      directoryUrlIsDefault: false,
      insecureTls: false,
      warnings: [expect.stringContaining('plain http')],
    });
    expect(res.body.url).toMatch(/^http:\/\/HOSTING\\Administrator:\*{8}@127\.0\.0\.1:\d+\/mpf$/);
    expect(JSON.stringify(res.body)).not.toContain(password);
    expect(JSON.stringify((await app.signed('get', CONNECTION).expect(200)).body)).not.toContain(password);

    const db = new Database(env.DATABASE_URL.slice('sqlite:'.length), { readonly: true });
    const row = db.prepare('SELECT password_sealed FROM mpf_connection').get() as { password_sealed: string };
    db.close();
    expect(row.password_sealed).toMatch(/^v1\./);
    expect(row.password_sealed).not.toContain(password);

    const audit = (await app.signed('get', '/plugin/v1/admin/audit?targetType=mpf-connection').expect(200))
      .body;
    expect(audit[0]).toMatchObject({
      action: 'mpf-connection.update',
      actor: 'admin:alice',
      after: { passwordChanged: true },
    });
    expect(JSON.stringify(audit)).not.toContain(password);
  });

  it('passes all three checks against the emulator and the Samba AD', async () => {
    const result = await runTest();
    expect(statuses(result)).toEqual({ mpf: 'passed', directory: 'passed', resellerOu: 'passed' });
    expect(result.ok).toBe(true);
    expect(
      bed.emulator.journal.some((call) => call.method === 'GetProperties' && call.outcome === 'ok'),
    ).toBe(true);
  });

  it('keeps the stored password when the URL leaves it out, but never sends it to a new place', async () => {
    const withoutPassword = form().url.replace(/:[^:@]+@/, '@');
    await app.signed('put', CONNECTION, form({ url: withoutPassword })).expect(200);
    expect((await runTest()).ok).toBe(true);

    for (const moved of [
      { url: withoutPassword.replace('127.0.0.1', 'evil.example') },
      { url: withoutPassword, directoryUrl: 'ldaps://evil.example:636' },
      { url: withoutPassword, insecureTls: true },
    ]) {
      const res = await app.signed('put', CONNECTION, form(moved)).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'url', rule: 'password' })]);
    }
    expect((await app.signed('get', CONNECTION).expect(200)).body.mpfBaseUrl).toMatch(
      /^http:\/\/127\.0\.0\.1:/,
    );
  });

  it('reports a wrong password on both MPF and the directory, with plain messages', async () => {
    await app
      .signed('put', CONNECTION, form({ url: form().url.replace(/:[^:@]+@/, ':Wrong-Pass9@') }))
      .expect(200);
    const result = await runTest();
    expect(result.ok).toBe(false);
    expect(statuses(result)).toEqual({ mpf: 'failed', directory: 'failed', resellerOu: 'skipped' });
    expect(result.checks[0]).toMatchObject({
      code: 'MPF_AUTH_FAILED',
      message: expect.stringContaining('HOSTING\\Administrator'),
    });
    expect(result.checks[1]).toMatchObject({ code: 'DIRECTORY_AUTH_FAILED' });
    expect(JSON.stringify(result)).not.toContain('Wrong-Pass9');
  });

  it('reports a missing reseller OU on its own check', async () => {
    await app.signed('put', CONNECTION, form({ resellerOu: `OU=Missing,${bed.hostingDn}` })).expect(200);
    const result = await runTest();
    expect(statuses(result)).toEqual({ mpf: 'passed', directory: 'passed', resellerOu: 'failed' });
    expect(result.checks[2].message).toContain('does not exist');
  });

  it('reports an unreachable directory and an untrusted certificate', async () => {
    await app.signed('put', CONNECTION, form({ directoryUrl: 'ldaps://127.0.0.1:1' })).expect(200);
    let result = await runTest();
    expect(result.checks[1]).toMatchObject({ status: 'failed', code: 'DIRECTORY_UNAVAILABLE' });
    expect(result.checks[0].status).toBe('passed');

    await app.signed('put', CONNECTION, form({ caCertificatePem: null })).expect(200);
    result = await runTest();
    expect(result.checks[1]).toMatchObject({ status: 'failed', code: 'DIRECTORY_TLS_FAILED' });
  });

  it('reports MPF errors with their code and description, and an MPF that is down', async () => {
    await app.signed('put', CONNECTION, form()).expect(200);
    bed.emulator.inject({
      method: 'GetProperties',
      kind: 'errorContext',
      code: '0x80004005',
      description: 'Unspecified & <odd> failure',
      times: 1,
    });
    let result = await runTest();
    expect(result.checks[0]).toMatchObject({
      status: 'failed',
      code: 'MPF_REJECTED',
      meta: { mpfCode: '0x80004005', mpfDescription: 'Unspecified & <odd> failure' },
    });

    bed.emulator.inject({ method: 'GetProperties', kind: 'http500', times: 1 });
    result = await runTest();
    expect(result.checks[0]).toMatchObject({ status: 'failed', code: 'MPF_UNAVAILABLE' });
    bed.emulator.clearInjections();
  });

  it('warns when TLS verification is switched off', async () => {
    const res = await app
      .signed('put', CONNECTION, form({ insecureTls: true, caCertificatePem: null }))
      .expect(200);
    expect(res.body.warnings).toEqual(expect.arrayContaining([expect.stringContaining('NOT verified')]));
    expect((await runTest()).ok).toBe(true);
  });

  it('shows MPF and AD state on /health/ready: degraded when MPF fails, never unready for it', async () => {
    await app.signed('put', CONNECTION, form()).expect(200);
    const fresh = await TestApp.start(env);
    try {
      bed.emulator.inject({ method: 'GetProperties', kind: 'http500', times: 1 });
      const res = await fresh.http.get('/health/ready').expect(200);
      expect(res.body.details).toMatchObject({
        database: { status: 'up' },
        mpf: { status: 'up', state: 'degraded' },
        directory: { status: 'up', state: 'ok' },
      });
      // Public route: states only, never the account, the OU or error texts.
      expect(JSON.stringify(res.body)).not.toMatch(/Administrator|Reseller|127\.0\.0\.1/);
    } finally {
      bed.emulator.clearInjections();
      await fresh.close();
    }
  });
});
