import { XMLBuilder } from 'fast-xml-parser';
import { mpfErrors } from './mpf-client.errors';

export const SOAP_ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

/** One SOAP parameter: element name and text (XML-valued parameters are text too, escaped by the builder). */
export type MpfParam = readonly [name: string, value: string];

// Characters XML 1.0 can carry; anything else (control characters, lone surrogates) cannot be sent.
const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: false,
});

/** `"<ns><Method>"`, double quotes included (SOAP 1.1; the namespace is concatenated as is). */
export function soapAction(namespace: string, method: string): string {
  return `"${namespace}${method}"`;
}

/**
 * The SOAP 1.1 document/literal request: `<Method xmlns="ns">` with one child per parameter, in order,
 * every one present (empty element for an empty value).
 */
export function buildEnvelope(namespace: string, method: string, params: readonly MpfParam[]): string {
  const call: Record<string, string> = { '@_xmlns': namespace };
  for (const [name, value] of params) {
    if (Object.hasOwn(call, name)) throw new Error(`MPF parameter ${name} given twice for ${method}`);
    if (!XML_CHAR.test(value)) {
      throw mpfErrors.invalid(name, 'xmlCharacters', 'contains a control character that XML cannot carry');
    }
    call[name] = value;
  }
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    'soap:Envelope': { '@_xmlns:soap': SOAP_ENVELOPE_NS, 'soap:Body': { [method]: call } },
  });
}
