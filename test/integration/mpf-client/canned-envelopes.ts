import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { RecordedCall } from './canned-mpf.server';

/** SOAP and MPF documents as MPF writes them (docs/mpf-wire-contract.md), built with fast-xml-parser. */
const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true });
const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => name === 'property',
});

const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';

export const SERVICE_OF: Record<string, string> = {
  ...Object.fromEntries(
    [
      'CreateBusinessOrganization',
      'CreateOrganizationAddressLists',
      'DeleteBusinessOrganization',
      'CreateBusinessUser',
      'DeleteBusinessUser',
      'DisableUser',
      'EnableUser',
      'MakeUserAdmin',
      'SetUserPassword',
      'ChangeUserMailboxPlan',
      'CreateSMTPDomain',
      'DeleteSMTPDomain',
      'CreateSMTPProxyAddress',
      'DeleteSMTPProxyAddress',
      'CreateDistributionList',
      'ModifyDistributionList',
      'DeleteDistributionList',
      'AddAvailablePlans',
      'CreatePublicFolder',
      'DeletePublicFolder',
      'GetProperties',
    ].map((method) => [method, 'HostedExchange']),
  ),
  ...Object.fromEntries(
    ['ModifyUser', 'GroupAdd', 'GroupRemove', 'CreateContact', 'DeleteContact'].map((m) => [
      m,
      'ManagedActiveDirectory',
    ]),
  ),
  QueryResourcesByOrganization: 'ExchangeResourceManager',
  QueryConsumersByOrganization: 'ExchangeResourceManager',
  ReallocateOrganizationMailNoMove: 'ExchangeResourceManager',
  ReallocateOrganizationPublic: 'ExchangeResourceManager',
  SubmitMpsRequest: 'MPSGeneral',
};

/** `<response><data>…</data></response>` (`<data/>` for ''). */
export function mpfData(data: unknown = ''): string {
  return builder.build({ response: { data } });
}

/** `<response><errorContext description code executeSeqNo><errorSource …/></errorContext></response>` */
export function mpfError(code: string, description: string, procedure = 'Procedure'): string {
  return builder.build({
    response: {
      errorContext: {
        '@_description': description,
        '@_code': code,
        '@_executeSeqNo': '1',
        errorSource: { '@_namespace': 'Hosted Exchange', '@_procedure': procedure },
      },
    },
  });
}

/** `<MethodResponse xmlns="ns"><MethodResult>…</MethodResult>[<errorReturn>…</errorReturn>]</MethodResponse>`, texts escaped. */
export function soapResponse(
  namespace: string,
  method: string,
  result: string,
  errorReturn?: string,
): string {
  const response: Record<string, unknown> = { '@_xmlns': namespace, [`${method}Result`]: result };
  if (errorReturn !== undefined) response.errorReturn = errorReturn;
  return envelope({ [`${method}Response`]: response });
}

export function faultEnvelope(faultcode: string, faultstring: string): string {
  return envelope({ 'soap:Fault': { faultcode, faultstring } });
}

function envelope(body: unknown): string {
  return new XMLBuilder({ ignoreAttributes: false }).build({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    'soap:Envelope': { '@_xmlns:soap': SOAP, 'soap:Body': body },
  });
}

const param = (call: RecordedCall, name: string): string => call.params.find(([n]) => n === name)?.[1] ?? '';

/** The canned success answer of each method; undefined for a method MPF does not have at that endpoint. */
export function successReply(call: RecordedCall): { result: string; errorReturn?: string } | undefined {
  const service = SERVICE_OF[call.method];
  if (!service || !call.path.endsWith(`/${service}.asmx`)) return undefined;
  if (service === 'ManagedActiveDirectory') {
    if (call.method !== 'CreateContact') return { result: 'true', errorReturn: '' };
    const org = param(call, 'orgPath').replace(/^LDAP:\/\//, '');
    return { result: `LDAP://CN=${param(call, 'name')},${org}`, errorReturn: '' };
  }
  if (call.method === 'SubmitMpsRequest') {
    const usage = param(call, 'procedure') === 'GetMailboxUsage';
    return { result: usage ? mpfData({ usage: '2048' }) : mpfData(), errorReturn: '' };
  }
  if (call.method === 'GetProperties')
    return { result: mpfData({ properties: { property: properties(call) } }) };
  if (call.method === 'QueryResourcesByOrganization') {
    const mailStore = { serverName: 'EXCH01', megabytes: '500', megabytesFree: '120' };
    return { result: mpfData({ orgResources: { mailStore, publicStore: { megabytes: '50' } } }) };
  }
  if (call.method === 'QueryConsumersByOrganization') {
    const org = param(call, 'orgPath');
    const mailbox = [
      { GUID: '{6F9619FF-8B86-D011-B42D-00C04FC964FF}', kilobytes: '1024', path: `CN=a@acme.example,${org}` },
      { GUID: '{7A1B2C3D-0000-0000-0000-000000000001}', kilobytes: '0', path: `CN=b@acme.example,${org}` },
    ].map((entry) => ({ ...entry, path: `LDAP://${entry.path.replace(/LDAP:\/\//, '')}` }));
    return { result: mpfData({ mailboxes: { mailbox } }) };
  }
  return { result: mpfData() };
}

/** GetProperties: one value per requested attribute (two for otherTelephone, none for unknownAttr). */
function properties(call: RecordedCall): unknown[] {
  const list = parser.parse(param(call, 'propertyListXml')) as { propertyList?: { property?: unknown[] } };
  const names = (list.propertyList?.property ?? []).map((p) => (p as Record<string, string>)['@_name']);
  return names
    .filter((name) => name !== 'unknownAttr')
    .map((name) => ({
      '@_name': name,
      value: name === 'otherTelephone' ? ['+1 555 0100', '+1 555 0101'] : [`${name} value`],
    }));
}
