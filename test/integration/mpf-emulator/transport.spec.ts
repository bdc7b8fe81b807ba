import { DEFAULT_MPF_NAMESPACE } from '../../support/mpf-emulator';
import {
  at,
  basicAuth,
  envelope,
  Fixture,
  GOOD_AUTH,
  ldapPath,
  parseXml,
  parseXmlWithNamespaces,
  PDC,
  post,
  propertiesOf,
  propertyListXml,
} from './mpf-test-kit';

/** The emulator's transport: Basic auth, SOAP envelopes and faults, the vdir, the journal and the test knobs. */
describe('MPF emulator: transport, faults and knobs', () => {
  let f: Fixture;
  const getProperties = (path = ldapPath(f.resellerDn)) => ({
    path,
    pdc: PDC,
    propertyListXml: propertyListXml('distinguishedName', 'ou'),
  });

  beforeAll(async () => {
    f = await Fixture.start({ vdir: '/mpf' });
  });

  afterAll(async () => {
    await f?.stop();
  });

  beforeEach(() => {
    f.emulator.clearInjections();
    f.emulator.setLatency(0);
  });

  it('listens on 127.0.0.1 under the vdir and answers GetProperties on the reseller OU', async () => {
    expect(f.emulator.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mpf$/);
    const data = await f.ok('HostedExchange', 'GetProperties', getProperties());
    const properties = propertiesOf(data);
    expect(properties.distinguishedName).toEqual([f.resellerDn]);
    expect(properties.ou).toEqual([f.resellerDn.split(',')[0].slice(3)]);
  });

  it('answers the exact envelope of the contract: text/xml, <MethodResponse xmlns=ns><MethodResult>', async () => {
    const response = await f.raw('HostedExchange', 'GetProperties', getProperties());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(response.text.startsWith('<?xml version="1.0" encoding="utf-8"?><soap:Envelope')).toBe(true);
    const envelope = at(parseXmlWithNamespaces(response.text), 'soap:Envelope');
    expect(at(envelope, '@_xmlns:soap')).toBe('http://schemas.xmlsoap.org/soap/envelope/');
    const body = at(envelope, 'soap:Body', 'GetPropertiesResponse') as Record<string, string>;
    expect(body['@_xmlns']).toBe(DEFAULT_MPF_NAMESPACE);
    expect(Object.keys(body)).toEqual(['GetPropertiesResult', '@_xmlns']);
    expect(body.GetPropertiesResult.startsWith('<response><data><properties>')).toBe(true);
  });

  it('refuses missing or wrong Basic credentials with 401 and WWW-Authenticate', async () => {
    const body = envelope('GetProperties', getProperties());
    const headers = (auth?: string) => ({
      'Content-Type': 'text/xml; charset=utf-8',
      SOAPAction: `"${DEFAULT_MPF_NAMESPACE}GetProperties"`,
      ...(auth && { Authorization: auth }),
    });
    for (const auth of [
      undefined,
      basicAuth('HOSTING\\mpf-admin', 'wrong'),
      basicAuth('OTHER\\mpf-admin', 'Mpf-Secret-9!'),
      basicAuth('mpf-admin', 'Mpf-Secret-9!'),
      'Bearer xyz',
    ]) {
      const response = await post(f.url('HostedExchange'), body, headers(auth));
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic/);
    }
    const ok = await post(
      f.url('HostedExchange'),
      body,
      headers(basicAuth('hosting\\MPF-ADMIN', 'Mpf-Secret-9!')),
    );
    expect(ok.status).toBe(200);
    expect(
      f.emulator.journal.filter((call) => call.outcome === 'unauthorized').length,
    ).toBeGreaterThanOrEqual(5);
  });

  it('answers a SOAP Fault (HTTP 500) for an unknown method, service, SOAPAction or a bad envelope', async () => {
    const fault = (text: string) => at(parseXml(text), 'Envelope', 'Body', 'Fault') as Record<string, string>;
    const unknown = await f.raw('HostedExchange', 'FormatAllDisks', { pdc: PDC });
    expect(unknown.status).toBe(500);
    expect(fault(unknown.text)).toMatchObject({ faultcode: 'soap:Client' });
    expect(fault(unknown.text).faultstring).toContain('FormatAllDisks');

    const wrongService = await f.raw('ManagedActiveDirectory', 'GetProperties', getProperties());
    expect(wrongService.status).toBe(500);
    const noService = await post(
      `${f.emulator.baseUrl}/Nope.asmx`,
      envelope('GetProperties', getProperties()),
      {
        Authorization: GOOD_AUTH,
        'Content-Type': 'text/xml',
        SOAPAction: `"${DEFAULT_MPF_NAMESPACE}GetProperties"`,
      },
    );
    expect(noService.status).toBe(500);
    const noVdir = await post(
      f.url('HostedExchange').replace('/mpf/', '/'),
      envelope('GetProperties', getProperties()),
      {
        Authorization: GOOD_AUTH,
        'Content-Type': 'text/xml',
        SOAPAction: `"${DEFAULT_MPF_NAMESPACE}GetProperties"`,
      },
    );
    expect(noVdir.status).toBe(500);

    const wrongAction = await f.raw('HostedExchange', 'GetProperties', getProperties(), {
      SOAPAction: '"urn:other/GetProperties"',
    });
    expect(wrongAction.status).toBe(500);
    expect(fault(wrongAction.text).faultstring).toContain('SOAPAction');

    for (const body of ['not xml at all', '<a><b></a>', '<Envelope><Body/></Envelope>', '<x/>']) {
      const response = await post(f.url('HostedExchange'), body, {
        Authorization: GOOD_AUTH,
        'Content-Type': 'text/xml; charset=utf-8',
        SOAPAction: `"${DEFAULT_MPF_NAMESPACE}GetProperties"`,
      });
      expect(response.status).toBe(500);
      expect(fault(response.text).faultcode).toBe('soap:Client');
    }
    expect(f.emulator.journal.at(-1)).toMatchObject({ service: 'HostedExchange', outcome: 'fault' });
  });

  it('validates parameters: 0x80070057 naming the missing, empty, non-boolean or outside-the-reseller one', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ path: ldapPath(f.resellerDn), pdc: PDC }, 'propertyListXml'],
      [{ ...getProperties(), pdc: '' }, 'pdc'],
      [{ ...getProperties(), propertyListXml: '<propertyList>' }, 'propertyListXml'],
      [{ ...getProperties(), path: f.resellerDn }, 'path'],
      [{ ...getProperties(), path: 'LDAP://not a dn' }, 'path'],
    ];
    for (const [params, parameter] of cases) {
      const answer = await f.call('HostedExchange', 'GetProperties', params);
      expect(answer.error).toMatchObject({ code: '0x80070057', executeSeqNo: '1' });
      expect(answer.error?.description).toContain(`'${parameter}'`);
      expect(answer.error).toMatchObject({ namespace: 'Hosted Email 2007', procedure: 'GetProperties' });
    }
    const outside = await f.call('HostedExchange', 'GetProperties', getProperties(ldapPath(f.hostingDn)));
    expect(outside.error?.code).toBe('0x80070057');
    const bool = await f.call('ManagedActiveDirectory', 'DeleteContact', {
      path: ldapPath(`CN=x,${f.resellerDn}`),
      pdc: PDC,
      sendCredentials: 'yes',
    });
    expect(bool.result).toBe('false');
    expect(bool.error?.description).toContain("'sendCredentials'");
    expect(f.emulator.journal.at(-1)).toMatchObject({
      service: 'ManagedActiveDirectory',
      method: 'DeleteContact',
      outcome: 'mpf-error',
      code: '0x80070057',
      args: { sendCredentials: 'yes', pdc: PDC },
    });
  });

  it('says 0x80072030 for a missing object, even outside the reseller OU (GetProperties)', async () => {
    const missing = await f.call(
      'HostedExchange',
      'GetProperties',
      getProperties(ldapPath(`OU=Missing,${f.hostingDn}`)),
    );
    expect(missing.error?.code).toBe('0x80072030');
    const inside = await f.call(
      'HostedExchange',
      'GetProperties',
      getProperties(ldapPath(`OU=Nope,${f.resellerDn}`)),
    );
    expect(inside.error?.code).toBe('0x80072030');
  });

  it('injects an HTTP 500, a SOAP Fault and an errorContext, by method, nth call and times', async () => {
    f.emulator.inject({ method: 'GetProperties', kind: 'http500' });
    const http500 = await f.raw('HostedExchange', 'GetProperties', getProperties());
    expect(http500.status).toBe(500);
    expect(http500.text).not.toContain('Envelope');
    expect(f.emulator.journal.at(-1)).toMatchObject({ method: 'GetProperties', outcome: 'http-500' });
    expect((await f.raw('HostedExchange', 'GetProperties', getProperties())).status).toBe(500);
    f.emulator.clearInjections();

    f.emulator.inject({ method: 'GetProperties', kind: 'soapFault', description: 'boom & <bang>', times: 1 });
    const fault = await f.raw('HostedExchange', 'GetProperties', getProperties());
    expect(fault.status).toBe(500);
    expect(at(parseXml(fault.text), 'Envelope', 'Body', 'Fault')).toMatchObject({
      faultcode: 'soap:Server',
      faultstring: 'boom & <bang>',
    });
    expect((await f.raw('HostedExchange', 'GetProperties', getProperties())).status).toBe(200);

    f.emulator.inject({
      method: 'GetProperties',
      nth: 2,
      kind: 'errorContext',
      code: '0x80004005',
      description: 'Odd & <odd>',
    });
    expect((await f.call('HostedExchange', 'GetProperties', getProperties())).error).toBeUndefined();
    expect((await f.call('HostedExchange', 'GetProperties', getProperties())).error).toMatchObject({
      code: '0x80004005',
      description: 'Odd & <odd>',
      procedure: 'GetProperties',
    });
    expect((await f.call('HostedExchange', 'GetProperties', getProperties())).error).toBeUndefined();
    expect(f.emulator.journal.slice(-3).map((call) => call.outcome)).toEqual(['ok', 'mpf-error', 'ok']);
  });

  it('injects errorContext in the shape of each service (typed Result + errorReturn, SubmitMpsRequest)', async () => {
    f.emulator.inject({ kind: 'errorContext', code: '0x80072030', times: 2 });
    const mad = await f.call('ManagedActiveDirectory', 'GroupAdd', {
      groupPath: ldapPath(`CN=g,OU=o,${f.resellerDn}`),
      memberPath: ldapPath(`CN=u,OU=o,${f.resellerDn}`),
      pdc: PDC,
      sendCredentials: 'false',
    });
    expect(mad.result).toBe('false');
    expect(mad.error?.code).toBe('0x80072030');
    const mps = await f.call('MPSGeneral', 'SubmitMpsRequest', {
      namespace: 'WS Exchange Provider Adapter',
      procedure: 'GetMailboxUsage',
      dataXmlBlob: '<data/>',
      sendCredentials: 'false',
    });
    expect(mps.error).toMatchObject({
      code: '0x80072030',
      namespace: 'WS Exchange Provider Adapter',
      procedure: 'GetMailboxUsage',
    });
    expect(mps.errorReturn).toContain('errorContext');
  });

  it('fires by probability: never at 0, always at 1', async () => {
    f.emulator.inject({ kind: 'http500', probability: 0 });
    expect((await f.raw('HostedExchange', 'GetProperties', getProperties())).status).toBe(200);
    f.emulator.inject({ kind: 'http500', probability: 1, times: 1 });
    expect((await f.raw('HostedExchange', 'GetProperties', getProperties())).status).toBe(500);
    expect((await f.raw('HostedExchange', 'GetProperties', getProperties())).status).toBe(200);
  });

  it('delays answers by the configured latency', async () => {
    f.emulator.setLatency(300);
    const started = Date.now();
    await f.ok('HostedExchange', 'GetProperties', getProperties());
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('holds a timed-out call without answering, and stop() still closes promptly', async () => {
    const own = await Fixture.start();
    try {
      own.emulator.inject({ method: 'GetProperties', kind: 'timeout' });
      const started = Date.now();
      const pending = post(
        own.url('HostedExchange'),
        envelope('GetProperties', {
          path: ldapPath(own.resellerDn),
          pdc: PDC,
          propertyListXml: propertyListXml('ou'),
        }),
        {
          Authorization: GOOD_AUTH,
          'Content-Type': 'text/xml',
          SOAPAction: `"${DEFAULT_MPF_NAMESPACE}GetProperties"`,
        },
      );
      const outcome = await Promise.race([
        pending.then(
          () => 'answered',
          () => 'failed',
        ),
        new Promise((resolve) => setTimeout(() => resolve('pending'), 500)),
      ]);
      expect(outcome).toBe('pending');
      expect(own.emulator.journal.at(-1)).toMatchObject({ method: 'GetProperties', outcome: 'timeout' });
      await own.emulator.stop();
      await expect(pending).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await own.stop();
    }
  });

  it('records every call in the journal with its arguments and time', () => {
    const call = f.emulator.journal.find(
      (entry) => entry.method === 'GetProperties' && entry.outcome === 'ok',
    );
    expect(call).toMatchObject({
      service: 'HostedExchange',
      args: { path: ldapPath(f.resellerDn), pdc: PDC },
    });
    expect(call?.at).toBeInstanceOf(Date);
  });
});
