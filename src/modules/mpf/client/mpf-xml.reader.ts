import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A parsed XML element: child elements by local name, attributes as `@_name`, text as strings. */
export type XmlNode = Record<string, unknown>;

/** Paths (local names) that are lists even when they hold a single element. */
const LISTS = new Set([
  'response.data.mailboxes.mailbox',
  'response.data.properties.property',
  'response.data.properties.property.value',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  // Values come back exactly as AD holds them ("  padded  " stays padded).
  trimValues: false,
  // Also decodes numeric character references (&#xD;, &#233;), which a .NET server may write.
  htmlEntities: true,
  isArray: (_name, jPath) => typeof jPath === 'string' && LISTS.has(jPath),
});

/** Parses well-formed XML, or returns undefined (the serializer alone would accept broken markup). */
export function parseXml(text: string): XmlNode | undefined {
  if (XMLValidator.validate(text) !== true) return undefined;
  const parsed: unknown = parser.parse(text);
  return isNode(parsed) ? parsed : undefined;
}

export function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The child element `name` as a node (an empty element counts as an empty node). */
export function childOf(node: unknown, name: string): XmlNode | undefined {
  if (!isNode(node)) return undefined;
  const child = node[name];
  if (child === '') return {};
  return isNode(child) ? child : undefined;
}

/** The text of an element (or of the child `name`), '' for an empty one, undefined when absent. */
export function textOf(node: unknown, name?: string): string | undefined {
  const value = name === undefined ? node : isNode(node) ? node[name] : undefined;
  if (typeof value === 'string') return value;
  if (isNode(value)) return typeof value['#text'] === 'string' ? value['#text'] : '';
  return undefined;
}

/** The child elements `name` as a list (none → []). */
export function listOf(node: unknown, name: string): unknown[] {
  if (!isNode(node) || node[name] === undefined) return [];
  const value = node[name];
  return Array.isArray(value) ? value : [value];
}
