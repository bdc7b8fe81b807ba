import { DEFAULT_MPF_NAMESPACE, type MpfClient } from '../../../src/modules/mpf/client/mpf-client.port';
import { SoapMpfClientFactory } from '../../../src/modules/mpf/client/soap-mpf-client.factory';
import { CannedMpfServer } from './canned-mpf.server';
import { METHOD_CASES, PDC } from './mpf-method.cases';

const LOGIN = { domain: 'HOSTING', login: 'mpfadmin', password: 'Sécret:p@ss <word>' };
const SILENT = { debug: () => undefined };

/** Every MpfClient method over real HTTP against a canned MPF: endpoint, headers, parameters in order, result. */
describe('SoapMpfClient methods (canned MPF on loopback)', () => {
  let server: CannedMpfServer;
  let client: MpfClient;

  beforeAll(async () => {
    server = await CannedMpfServer.start(
      `${LOGIN.domain}\\${LOGIN.login}`,
      LOGIN.password,
      DEFAULT_MPF_NAMESPACE,
    );
    client = new SoapMpfClientFactory(SILENT).create({
      baseUrl: server.baseUrl('/mpf/'),
      ...LOGIN,
      pdc: PDC,
    });
  });
  afterAll(() => server.stop());
  beforeEach(() => server.reset());

  it('covers every method of the MpfClient port', () => {
    const created = Object.keys(client).sort();
    expect(METHOD_CASES.map((c) => c.name).sort()).toEqual(created);
    expect(created).toHaveLength(33);
  });

  it.each(METHOD_CASES.map((c) => [c.name, c] as const))(
    '%s sends the contract request',
    async (_name, c) => {
      const result = await c.invoke(client);

      expect(server.calls).toHaveLength(1);
      const [call] = server.calls;
      expect(call.path).toBe(`/mpf/${c.service}.asmx`);
      expect(call.headers.soapaction).toBe(`"${DEFAULT_MPF_NAMESPACE}${c.method}"`);
      expect(call.headers['content-type']).toBe('text/xml; charset=utf-8');
      const basic = Buffer.from(`HOSTING\\mpfadmin:${LOGIN.password}`, 'utf8').toString('base64');
      expect(call.headers.authorization).toBe(`Basic ${basic}`);
      expect(call.body.startsWith('<?xml version="1.0" encoding="utf-8"?><soap:Envelope')).toBe(true);
      expect(call.method).toBe(c.method);
      expect(call.params).toEqual(c.params);
      expect(result).toEqual(c.returns);
    },
  );

  it('uses a configured namespace in SOAPAction and on the method element', async () => {
    const namespace = 'urn:hosting-test/';
    const other = new SoapMpfClientFactory(SILENT).create({
      baseUrl: server.baseUrl(''),
      ...LOGIN,
      pdc: PDC,
      namespace,
    });
    await other.enableUser('CN=x,OU=acme,DC=hosting,DC=test');
    const [call] = server.calls;
    expect(call.path).toBe('/HostedExchange.asmx');
    expect(call.headers.soapaction).toBe('"urn:hosting-test/EnableUser"');
    expect(call.body).toContain('<EnableUser xmlns="urn:hosting-test/">');
  });
});
