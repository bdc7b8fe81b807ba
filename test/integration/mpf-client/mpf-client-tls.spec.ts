import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_MPF_NAMESPACE,
  type MpfEndpointConfig,
} from '../../../src/modules/mpf/client/mpf-client.port';
import { SoapMpfClientFactory } from '../../../src/modules/mpf/client/soap-mpf-client.factory';
import { ErrorCode } from '../../../src/modules/shared/errors/error-code.enum';
import { CannedMpfServer } from './canned-mpf.server';
import { PDC, USER } from './mpf-method.cases';
import { failureOf } from '../../support/domain-errors';

const LOGIN = { domain: 'HOSTING', login: 'mpfadmin', password: 'Tls-Secret-1' };

/** A throwaway self-signed certificate for 127.0.0.1 (openssl, present wherever the test bed runs). */
function selfSigned(dir: string, name: string): { key: string; cert: string } {
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.pem`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
    ].concat([
      '-keyout',
      key,
      '-out',
      cert,
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ]),
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
}

describe('SoapMpfClient over https (canned MPF with a self-signed certificate)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mpf-client-tls-'));
  const serverTls = selfSigned(dir, 'server');
  const otherCa = selfSigned(dir, 'other').cert;
  let server: CannedMpfServer;
  const clientFor = (tls: Partial<MpfEndpointConfig>) =>
    new SoapMpfClientFactory({ debug: () => undefined }).create({
      baseUrl: server.baseUrl(),
      ...LOGIN,
      pdc: PDC,
      ...tls,
    });

  beforeAll(async () => {
    server = await CannedMpfServer.start(
      'HOSTING\\mpfadmin',
      LOGIN.password,
      DEFAULT_MPF_NAMESPACE,
      serverTls,
    );
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => server.reset());

  it('trusts a configured CA (caPem) and sends the call', async () => {
    await clientFor({ caPem: serverTls.cert }).enableUser(USER);
    expect(server.calls.map((c) => [c.path, c.method])).toEqual([['/mpf/HostedExchange.asmx', 'EnableUser']]);
    expect(server.calls[0].headers.authorization).toBe(
      `Basic ${Buffer.from('HOSTING\\mpfadmin:Tls-Secret-1').toString('base64')}`,
    );
  });

  it('skips verification with insecureTls', async () => {
    await expect(clientFor({ insecureTls: true }).getMailboxUsage('acme', 'jane@acme.example')).resolves.toBe(
      2048,
    );
  });

  it.each([
    ['no CA configured (system roots, fetch)', {}],
    ['another CA configured (node:https)', { caPem: otherCa }],
  ])('refuses an untrusted certificate with %s: MPF_UNAVAILABLE saying TLS', async (_what, tls) => {
    const error = await failureOf(clientFor(tls).enableUser(USER));
    expect(error.code).toBe(ErrorCode.MPF_UNAVAILABLE);
    expect(error.detail).toMatch(
      new RegExp(`^TLS with MPF at 127\\.0\\.0\\.1:${server.port} failed: .+ \\([A-Z_]+\\)$`),
    );
    expect(server.calls).toHaveLength(0);
  });

  it('times out on https too', async () => {
    server.reply = () => 'hang';
    const error = await failureOf(clientFor({ caPem: serverTls.cert, timeoutMs: 300 }).enableUser(USER));
    expect(error.detail).toBe(`MPF did not answer within 0.3 s (EnableUser at 127.0.0.1:${server.port})`);
  });
});
