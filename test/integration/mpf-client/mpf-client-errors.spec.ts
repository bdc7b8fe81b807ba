import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import {
  DEFAULT_MPF_NAMESPACE,
  type MpfClient,
  type MpfEndpointConfig,
} from '../../../src/modules/mpf/client/mpf-client.port';
import type { MpfJournalLogger } from '../../../src/modules/mpf/client/mpf-request.journal';
import { SoapMpfClientFactory } from '../../../src/modules/mpf/client/soap-mpf-client.factory';
import { ErrorCode } from '../../../src/modules/shared/errors/error-code.enum';
import { createPinoLogger } from '../../../src/modules/shared/logging/app-logger';
import { faultEnvelope, mpfData, mpfError, soapResponse } from './canned-envelopes';
import { CannedMpfServer } from './canned-mpf.server';
import { ORG, PDC, USER } from './mpf-method.cases';
import { failureOf } from '../../support/domain-errors';

const PASSWORD = 'Top:Secret&<Pass>1';
const LOGIN = { domain: 'HOSTING', login: 'mpfadmin', password: PASSWORD };
const SILENT: MpfJournalLogger = { debug: () => undefined };
const NS = DEFAULT_MPF_NAMESPACE;

/** Errors and transport failures over real HTTP: MPF errors, Faults, 401, timeouts, refused connections, escaping, journal. */
describe('SoapMpfClient failures and escaping (canned MPF on loopback)', () => {
  let server: CannedMpfServer;
  const config = (overrides: Partial<MpfEndpointConfig> = {}): MpfEndpointConfig => ({
    baseUrl: server.baseUrl(),
    ...LOGIN,
    pdc: PDC,
    ...overrides,
  });
  const clientFor = (overrides: Partial<MpfEndpointConfig> = {}, logger = SILENT): MpfClient =>
    new SoapMpfClientFactory(logger).create(config(overrides));

  beforeAll(async () => {
    server = await CannedMpfServer.start(`${LOGIN.domain}\\${LOGIN.login}`, PASSWORD, NS);
  });
  afterAll(() => server.stop());
  beforeEach(() => server.reset());

  it('maps an errorContext in the Result to MPF_REJECTED with code and description', async () => {
    server.reply = (call) => ({
      status: 200,
      body: soapResponse(
        NS,
        call.method,
        mpfError('0x800708c5', 'The password does not meet the password policy requirements.'),
      ),
    });
    const error = await failureOf(clientFor().setUserPassword(USER, 'short'));
    expect(error.code).toBe(ErrorCode.MPF_REJECTED);
    expect(error.detail).toBe(
      'MPF refused SetUserPassword: The password does not meet the password policy requirements. (0x800708c5)',
    );
    expect(error.meta).toEqual({
      mpfCode: '0x800708c5',
      mpfDescription: 'The password does not meet the password policy requirements.',
      mpfMethod: 'SetUserPassword',
    });
  });

  it('maps an errorContext in ManagedActiveDirectory errorReturn to MPF_REJECTED', async () => {
    server.reply = (call) => ({
      status: 200,
      body: soapResponse(NS, call.method, '', mpfError('0x80071392', 'The object already exists.')),
    });
    const error = await failureOf(clientFor().createContact(ORG, 'Bob', {}));
    expect([error.code, error.meta.mpfCode, error.meta.mpfMethod]).toEqual([
      ErrorCode.MPF_REJECTED,
      '0x80071392',
      'CreateContact',
    ]);
  });

  it('maps an errorContext in SubmitMpsRequest errorReturn to MPF_REJECTED named by the procedure', async () => {
    server.reply = (call) => ({
      status: 200,
      body: soapResponse(
        NS,
        call.method,
        '',
        mpfError('0x80072030', 'There is no such object on the server.'),
      ),
    });
    const error = await failureOf(
      clientFor().mailEnableGroup(`CN=Sales,${ORG}`, 'Sales', 'sales@acme.example'),
    );
    expect(error.detail).toBe(
      'MPF refused MailEnableGroup: There is no such object on the server. (0x80072030)',
    );
  });

  it('maps an HTTP 500 SOAP Fault to MPF_UNAVAILABLE with the faultstring', async () => {
    server.reply = () => ({
      status: 500,
      body: faultEnvelope('soap:Server', 'Server was unable to process request.'),
    });
    const error = await failureOf(clientFor().enableUser(USER));
    expect(error.code).toBe(ErrorCode.MPF_UNAVAILABLE);
    expect(error.detail).toBe('MPF answered HTTP 500: Server was unable to process request.');
    expect(error.meta).toMatchObject({
      mpfMethod: 'EnableUser',
      httpStatus: '500',
      faultCode: 'soap:Server',
    });
  });

  it('maps a wrong virtual directory (HTTP 404) to MPF_UNAVAILABLE naming the path', async () => {
    server.reply = (call) => (call.path.startsWith('/mpf/') ? undefined : { status: 404, body: 'Not Found' });
    const error = await failureOf(clientFor({ baseUrl: server.baseUrl('/wrong') }).groupAdd(ORG, USER));
    expect(error.code).toBe(ErrorCode.MPF_UNAVAILABLE);
    expect(error.detail).toBe(
      'MPF answered HTTP 404 Not Found to GroupAdd at /wrong/ManagedActiveDirectory.asmx',
    );
  });

  it('maps a Fault for an unknown method to MPF_UNAVAILABLE', async () => {
    server.reply = (call) => ({
      status: 500,
      body: faultEnvelope('soap:Client', `Unknown method ${call.method}`),
    });
    const error = await failureOf(clientFor().groupRemove(ORG, USER));
    expect(error.detail).toBe('MPF answered HTTP 500: Unknown method GroupRemove');
  });

  it('maps an HTTP 503 without a SOAP body to MPF_UNAVAILABLE naming the status', async () => {
    server.reply = () => ({ status: 503, body: 'busy', headers: { 'Content-Type': 'text/plain' } });
    const error = await failureOf(clientFor().disableUser(USER));
    expect(error.code).toBe(ErrorCode.MPF_UNAVAILABLE);
    expect(error.detail).toBe(
      'MPF answered HTTP 503 Service Unavailable to DisableUser at /mpf/HostedExchange.asmx',
    );
  });

  it.each([
    ['an HTML page', '<html><body>It works!</body></html>', 'not a SOAP envelope with EnableUserResponse'],
    [
      'a Result that is no MPF document',
      soapResponse(NS, 'EnableUser', 'done'),
      'the result is not an MPF response document',
    ],
    ['an empty Result', soapResponse(NS, 'EnableUser', ''), 'no MPF response document in the result'],
  ])('maps %s to MPF_UNAVAILABLE (unreadable)', async (_what, body, why) => {
    server.reply = () => ({ status: 200, body });
    const error = await failureOf(clientFor().enableUser(USER));
    expect(error.code).toBe(ErrorCode.MPF_UNAVAILABLE);
    expect(error.detail).toBe(`MPF sent an unreadable answer to EnableUser: ${why}`);
  });

  it.each([401, 403])('maps HTTP %i to MPF_AUTH_FAILED without the password', async (status) => {
    server.reply = () => ({ status, body: 'denied' });
    const error = await failureOf(clientFor().enableUser(USER));
    expect(error.code).toBe(ErrorCode.MPF_AUTH_FAILED);
    expect(error.detail).toBe('MPF refused the login HOSTING\\mpfadmin');
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('Secret');
  });

  it('sends Basic credentials the canned MPF refuses when the password is wrong', async () => {
    const error = await failureOf(clientFor({ password: 'wrong' }).enableUser(USER));
    expect(error.code).toBe(ErrorCode.MPF_AUTH_FAILED);
    expect(server.calls[0].headers.authorization).toBe(
      `Basic ${Buffer.from('HOSTING\\mpfadmin:wrong').toString('base64')}`,
    );
  });

  it('gives up after timeoutMs when MPF never answers', async () => {
    server.reply = () => 'hang';
    const started = Date.now();
    const error = await failureOf(clientFor({ timeoutMs: 300 }).enableUser(USER));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error.code).toBe(ErrorCode.MPF_UNAVAILABLE);
    expect(error.detail).toBe(`MPF did not answer within 0.3 s (EnableUser at 127.0.0.1:${server.port})`);
    expect(error.cause).toBeDefined();
  });

  it('reports a refused connection', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    const error = await failureOf(clientFor({ baseUrl: `http://127.0.0.1:${port}/mpf` }).enableUser(USER));
    expect(error.code).toBe(ErrorCode.MPF_UNAVAILABLE);
    expect(error.detail).toBe(`MPF at 127.0.0.1:${port} refused the connection`);
    expect((error.cause as { message?: string }).message).toBe('fetch failed');
  });

  it('round-trips XML special characters and unicode both ways', async () => {
    const tricky = `<Jane & "Joe"> O'Brien — é 😀 ]]> &amp;`;
    await clientFor().createBusinessUser({
      orgDn: ORG,
      userPrincipalName: 'jane@acme.example',
      samAccountName: 'jane_acme.example',
      displayName: tricky,
      planName: 'GoldMail',
      password: `p<&>"'1`,
      isAdmin: false,
      properties: { [`l`]: tricky },
    });
    const params = Object.fromEntries(server.calls[0].params);
    expect(params.displayName).toBe(tricky);
    expect(params.newPassword).toBe(`p<&>"'1`);
    expect(params.propertiesXml).toBe(
      `<properties><property name="l">&lt;Jane &amp; &quot;Joe&quot;&gt; O&apos;Brien — é 😀 ]]&gt; &amp;amp;</property></properties>`,
    );

    server.reply = (call) => ({
      status: 200,
      body: soapResponse(
        NS,
        call.method,
        mpfData({ properties: { property: [{ '@_name': 'displayName', value: [tricky] }] } }),
      ),
    });
    await expect(clientFor().getProperties(USER, ['displayName'])).resolves.toEqual({
      displayName: [tricky],
    });

    server.reply = (call) => ({
      status: 200,
      body: soapResponse(NS, call.method, mpfError('0x80070057', `bad ${tricky}`)),
    });
    const error = await failureOf(clientFor().enableUser(USER));
    expect(error.meta.mpfDescription).toBe(`bad ${tricky}`);
  });

  it('journals method, duration and outcome at debug level, never a password', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()),
    });
    const client = clientFor({}, createPinoLogger('debug', sink));
    const user = { orgDn: ORG, userPrincipalName: 'j@acme.example', samAccountName: 'j', displayName: 'J' };
    await client.createBusinessUser({
      ...user,
      planName: 'GoldMail',
      password: 'Mailbox-Secret-1',
      isAdmin: false,
    });
    await client.setUserPassword(USER, 'Mailbox-Secret-2');
    server.reply = (call) => ({
      status: 200,
      body: soapResponse(NS, call.method, mpfError('0x800708c5', 'policy')),
    });
    await failureOf(client.setUserPassword(USER, 'Mailbox-Secret-3'));
    server.reply = () => ({ status: 401, body: '' });
    await failureOf(client.enableUser(USER));

    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.map((e) => [e.level, e.mpfMethod, e.outcome])).toEqual([
      [20, 'CreateBusinessUser', 'ok'],
      [20, 'SetUserPassword', 'ok'],
      [20, 'SetUserPassword', 'rejected'],
      [20, 'EnableUser', 'auth_failed'],
    ]);
    expect(entries.every((e) => typeof e.durationMs === 'number')).toBe(true);
    const text = lines.join('\n');
    for (const secret of [
      'Mailbox-Secret',
      PASSWORD,
      Buffer.from(`HOSTING\\mpfadmin:${PASSWORD}`).toString('base64'),
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[redacted]');
  });
});
