import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { invalidArgument } from './errors';

/**
 * All XML in and out of the emulator goes through fast-xml-parser: the SOAP envelopes, the MPF response
 * documents carried as escaped text inside them, and the XML-valued parameters (…Xml, dataXmlBlob).
 * Elements are matched by local name (prefixes and namespaces are ignored, as the contract says).
 */

export type XmlNode = Record<string, unknown>;

export const SOAP_ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

const PARSER_OPTIONS = {
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  // Also decodes numeric character references (&#x263A;), which fast-xml-parser leaves alone otherwise.
  htmlEntities: true,
} as const;

/** Elements that may repeat inside the XML-valued parameters. */
const REPEATED = new Set(['property', 'planName']);

const envelopeParser = new XMLParser(PARSER_OPTIONS);
const documentParser = new XMLParser({
  ...PARSER_OPTIONS,
  isArray: (name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) =>
    !isAttribute && REPEATED.has(name),
});
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
});

export function buildXml(node: XmlNode): string {
  return builder.build(node);
}

export class EnvelopeError extends Error {}

/** The names of an element node's child elements (not its attributes or text). */
export function childNames(node: unknown): string[] {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return [];
  return Object.keys(node).filter((key) => !key.startsWith('@_') && key !== '#text');
}

/** The text of a leaf element; undefined when it holds child elements or repeats. */
export function leafText(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  if (childNames(node).length > 0) return undefined;
  const text = (node as XmlNode)['#text'];
  return typeof text === 'string' ? text : '';
}

export function attributeOf(node: unknown, name: string): string | undefined {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  const value = (node as XmlNode)[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** A SOAP 1.1 request: the body's single element (the method) and its child elements. */
export function parseEnvelope(body: string): { method: string; call: unknown } {
  if (body.trim() === '' || XMLValidator.validate(body) !== true)
    throw new EnvelopeError('The request body is not well-formed XML');
  const document = envelopeParser.parse(body) as XmlNode;
  if (childNames(document).join() !== 'Envelope')
    throw new EnvelopeError('The root element must be a SOAP Envelope');
  const envelope = document.Envelope;
  const soapBody = typeof envelope === 'object' && envelope !== null ? (envelope as XmlNode).Body : undefined;
  if (typeof soapBody !== 'object' || soapBody === null || Array.isArray(soapBody))
    throw new EnvelopeError('The SOAP Envelope has no (single) Body');
  const [method, ...others] = childNames(soapBody);
  if (!method || others.length > 0) throw new EnvelopeError('The SOAP Body must hold exactly one element');
  const call = (soapBody as XmlNode)[method];
  if (Array.isArray(call)) throw new EnvelopeError('The SOAP Body must hold exactly one element');
  return { method, call };
}

/** Each child element's text; `null` marks one that is not a single text-only element. */
export function callParameters(call: unknown): Map<string, string | null> {
  const parameters = new Map<string, string | null>();
  for (const name of childNames(call)) parameters.set(name, leafText((call as XmlNode)[name]) ?? null);
  return parameters;
}

export function soapEnvelope(body: XmlNode): string {
  return buildXml({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    'soap:Envelope': {
      '@_xmlns:soap': SOAP_ENVELOPE_NS,
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xmlns:xsd': 'http://www.w3.org/2001/XMLSchema',
      'soap:Body': body,
    },
  });
}

/** `<MethodResponse xmlns="ns"><MethodResult>…</MethodResult>[<errorReturn>…</errorReturn>]</MethodResponse>`. */
export function methodResponse(namespace: string, method: string, parts: Record<string, string>): string {
  return soapEnvelope({ [`${method}Response`]: { '@_xmlns': namespace, ...parts } });
}

export function soapFault(faultcode: 'soap:Client' | 'soap:Server', faultstring: string): string {
  return soapEnvelope({ 'soap:Fault': { faultcode, faultstring: clean(faultstring), detail: '' } });
}

/** `<response><data>…</data></response>`, or `<response><data/></response>` without data. */
export function successDocument(data?: XmlNode): string {
  return buildXml({ response: { data: data ?? '' } });
}

export function errorDocument(error: {
  code: string;
  description: string;
  namespace: string;
  procedure: string;
}): string {
  return buildXml({
    response: {
      errorContext: {
        '@_description': clean(error.description),
        '@_code': error.code,
        '@_executeSeqNo': '1',
        errorSource: { '@_namespace': error.namespace, '@_procedure': error.procedure },
      },
    },
  });
}

/** Characters XML 1.0 cannot carry (directory messages may hold them) become spaces. */
function clean(text: string): string {
  return Array.from(text, (ch) => {
    const code = ch.codePointAt(0) ?? 0;
    return code < 0x20 && ch !== '\t' && ch !== '\n' && ch !== '\r' ? ' ' : ch;
  }).join('');
}

/** Parses an XML-valued parameter whose root element must be `root`; returns the root element's node. */
export function parseDocumentParameter(parameter: string, text: string, root: string): unknown {
  if (text.trim() === '' || XMLValidator.validate(text) !== true)
    throw invalidArgument(parameter, `not a well-formed <${root}> XML document`);
  const document = documentParser.parse(text) as XmlNode;
  const names = childNames(document);
  if (names.length !== 1 || names[0] !== root)
    throw invalidArgument(parameter, `the document element must be <${root}>`);
  const node = document[root];
  return Array.isArray(node) ? node[0] : node;
}
