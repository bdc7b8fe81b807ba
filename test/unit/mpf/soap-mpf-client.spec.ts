import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { MpfClientModule } from '../../../src/modules/mpf/client/mpf-client.module';
import {
  DEFAULT_MPF_NAMESPACE,
  MPF_CLIENT_FACTORY,
  type MpfClientFactory,
  type MpfEndpointConfig,
} from '../../../src/modules/mpf/client/mpf-client.port';
import type {
  MpfHttpRequest,
  MpfHttpResponse,
  MpfTransport,
} from '../../../src/modules/mpf/client/mpf.transport';
import {
  createSoapMpfClient,
  SoapMpfClientFactory,
} from '../../../src/modules/mpf/client/soap-mpf-client.factory';
import { DomainError } from '../../../src/modules/shared/errors/domain.error';
import { ErrorCode } from '../../../src/modules/shared/errors/error-code.enum';
import { soapResponse } from '../../integration/mpf-client/canned-envelopes';

const CONFIG: MpfEndpointConfig = {
  baseUrl: 'http://mpf.test/mpf',
  domain: 'HOSTING',
  login: 'mpfadmin',
  password: 'Never-Logged-1',
  pdc: 'ad01.hosting.test',
};
const ORG = 'OU=acme,OU=Reseller,DC=hosting,DC=test';

/** Answers every request with `answer` and remembers what was sent; no network. */
class FakeTransport implements MpfTransport {
  readonly requests: MpfHttpRequest[] = [];
  constructor(private readonly answer: (request: MpfHttpRequest) => MpfHttpResponse) {}
  post(request: MpfHttpRequest): Promise<MpfHttpResponse> {
    this.requests.push(request);
    return Promise.resolve(this.answer(request));
  }
}

const ok = (method: string, result: string, errorReturn?: string): MpfHttpResponse => ({
  status: 200,
  statusText: 'OK',
  body: soapResponse(DEFAULT_MPF_NAMESPACE, method, result, errorReturn),
});

function setup(answer: (request: MpfHttpRequest) => MpfHttpResponse) {
  const journal: Array<Record<string, unknown>> = [];
  const transport = new FakeTransport(answer);
  const logger = { debug: (fields: Record<string, unknown>) => void journal.push(fields) };
  return { client: createSoapMpfClient(CONFIG, { logger, transport }), transport, journal };
}

describe('SoapMpfClient (fake transport)', () => {
  it('rejects (never throws synchronously) a value MPF cannot take, sends nothing and journals it as invalid', async () => {
    const { client, transport, journal } = setup(() => ok('X', ''));
    const quota = client.reallocateOrganizationMail(ORG, -5);
    expect(quota).toBeInstanceOf(Promise);
    await expect(quota).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
    await expect(client.disableUser('CN=a\u0000b')).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
    });
    expect(transport.requests).toHaveLength(0);
    expect(journal.map((entry) => [entry.mpfMethod, entry.outcome])).toEqual([
      ['ReallocateOrganizationMailNoMove', 'invalid'],
      ['DisableUser', 'invalid'],
    ]);
  });

  it('treats a ManagedActiveDirectory false without errorContext as MPF_REJECTED', async () => {
    const { client } = setup(() => ok('GroupAdd', 'false', ''));
    const error = (await client.groupAdd('CN=g', 'CN=u').then(
      () => undefined,
      (e: unknown) => e,
    )) as DomainError;
    expect([error.code, error.meta.mpfMethod]).toEqual([ErrorCode.MPF_REJECTED, 'GroupAdd']);
  });

  it('sends the headers of the contract and journals the parameters with newPassword redacted', async () => {
    const { client, transport, journal } = setup(() => ok('SetUserPassword', '<response><data/></response>'));
    await client.setUserPassword('CN=u,' + ORG, 'New-Secret-9');
    expect(transport.requests[0].url.href).toBe('http://mpf.test/mpf/HostedExchange.asmx');
    expect(transport.requests[0].headers).toEqual({
      'Content-Type': 'text/xml; charset=utf-8',
      SOAPAction: `"${DEFAULT_MPF_NAMESPACE}SetUserPassword"`,
      Authorization: `Basic ${Buffer.from('HOSTING\\mpfadmin:Never-Logged-1').toString('base64')}`,
    });
    expect(transport.requests[0].timeoutMs).toBe(30000);
    expect(journal[0]).toMatchObject({
      mpfMethod: 'SetUserPassword',
      mpfEndpoint: 'mpf.test:80',
      outcome: 'ok',
      params: { userPath: `LDAP://CN=u,${ORG}`, newPassword: '[redacted]', pdc: 'ad01.hosting.test' },
    });
    expect(JSON.stringify(journal)).not.toMatch(/New-Secret-9|Never-Logged-1/);
  });

  it('refuses invalid connection settings when the client is created', () => {
    expect(() => new SoapMpfClientFactory().create({ ...CONFIG, baseUrl: 'mpf.test' })).toThrow(DomainError);
  });
});

describe('MpfClientModule', () => {
  it('provides MPF_CLIENT_FACTORY as the SOAP factory with the default (Nest) journal', async () => {
    const context = await NestFactory.createApplicationContext(MpfClientModule, { logger: false });
    try {
      const factory = context.get<MpfClientFactory>(MPF_CLIENT_FACTORY);
      expect(factory).toBeInstanceOf(SoapMpfClientFactory);
      expect(Object.keys(factory.create(CONFIG))).toHaveLength(33);
    } finally {
      await context.close();
    }
  });
});
