import {
  DEFAULT_MPF_NAMESPACE,
  type MpfEndpointConfig,
} from '../../../src/modules/mpf/client/mpf-client.port';
import { resolveEndpoint } from '../../../src/modules/mpf/client/mpf-endpoint.resolver';
import { DomainError } from '../../../src/modules/shared/errors/domain.error';
import { ErrorCode } from '../../../src/modules/shared/errors/error-code.enum';

const valid: MpfEndpointConfig = {
  baseUrl: 'https://mpf.hosting.example/vdir/',
  domain: 'HOSTING',
  login: 'mpfadmin',
  password: 'pa:ss',
  pdc: 'ad01.hosting.example',
};

function failedFields(config: MpfEndpointConfig): string[] {
  try {
    resolveEndpoint(config);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.VALIDATION_FAILED);
    return (error as DomainError).errors.map((e) => e.field);
  }
  throw new Error('accepted');
}

describe('MPF endpoint settings', () => {
  it('resolves defaults, service URLs and the Basic header of DOMAIN\\login', () => {
    const endpoint = resolveEndpoint(valid);
    expect(endpoint).toMatchObject({
      namespace: DEFAULT_MPF_NAMESPACE,
      timeoutMs: 30000,
      pdc: 'ad01.hosting.example',
      user: 'HOSTING\\mpfadmin',
      where: 'mpf.hosting.example:443',
      https: true,
      insecureTls: false,
    });
    expect(endpoint.serviceUrl('HostedExchange').href).toBe(
      'https://mpf.hosting.example/vdir/HostedExchange.asmx',
    );
    expect(resolveEndpoint({ ...valid, baseUrl: 'http://10.0.0.5:8080' }).serviceUrl('MPSGeneral').href).toBe(
      'http://10.0.0.5:8080/MPSGeneral.asmx',
    );
    expect(endpoint.authorization).toBe(`Basic ${Buffer.from('HOSTING\\mpfadmin:pa:ss').toString('base64')}`);
  });

  it.each([
    [{ baseUrl: 'ftp://mpf' }, ['baseUrl']],
    [{ baseUrl: 'https://HOSTING%5Cadmin:pw@mpf.example' }, ['baseUrl']],
    [{ baseUrl: 'https://mpf.example/?x=1' }, ['baseUrl']],
    [{ baseUrl: 'not a url' }, ['baseUrl']],
    [{ domain: '', login: 'a:b' }, ['domain', 'login']],
    [{ password: '' }, ['password']],
    [{ pdc: 'ad 01' }, ['pdc']],
    [{ namespace: 'urn:"x"' }, ['namespace']],
    [{ timeoutMs: 0 }, ['timeoutMs']],
    [{ caPem: 'not a pem' }, ['caPem']],
  ] as Array<[Partial<MpfEndpointConfig>, string[]]>)('refuses %p', (change, fields) => {
    expect(failedFields({ ...valid, ...change })).toEqual(fields);
  });

  it('never puts the password in a validation message', () => {
    try {
      resolveEndpoint({ ...valid, baseUrl: 'https://u:secret-pw@mpf.example', password: 'secret-pw' });
    } catch (error) {
      expect(JSON.stringify((error as DomainError).errors) + (error as Error).message).not.toContain(
        'secret-pw',
      );
    }
  });
});
