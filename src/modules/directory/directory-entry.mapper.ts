import { EqualityFilter, type Entry } from 'ldapts';
import type { DirectoryEntry } from './directory.port';

/** Attributes AD stores as octet strings: asked from ldapts as buffers so no UTF-8 decoding can damage them. */
export const BINARY_ATTRIBUTES = [
  'objectGUID',
  'objectSid',
  'sIDHistory',
  'tokenGroups',
  'msExchMailboxGuid',
  'msExchMasterAccountSid',
  'msExchMailboxSecurityDescriptor',
  'nTSecurityDescriptor',
  'thumbnailPhoto',
  'jpegPhoto',
  'userCertificate',
  'mS-DS-ConsistencyGuid',
];
const BINARY = new Set(BINARY_ATTRIBUTES.map((name) => name.toLowerCase()));

/** ldapts matches `explicitBufferAttributes` by exact name: list the canonical, lower-case and requested spellings. */
export function bufferAttributesFor(requested: string[] = []): string[] {
  const extra = requested.filter((name) => BINARY.has(name.toLowerCase()));
  return [...new Set([...BINARY_ATTRIBUTES, ...[...BINARY].values(), ...extra])];
}

/** AD's GUID string: the first three groups little-endian (`ae9e6e55-0590-47f7-…` for bytes `55 6e 9e ae 90 05 f7 47 …`). */
export function guidToString(bytes: Buffer): string {
  if (bytes.length !== 16) return bytes.toString('base64');
  const hex = (start: number, end: number, reverse = false): string => {
    const part = Buffer.from(bytes.subarray(start, end));
    return (reverse ? part.reverse() : part).toString('hex');
  };
  return [hex(0, 4, true), hex(4, 6, true), hex(6, 8, true), hex(8, 10), hex(10, 16)].join('-');
}

/** The 16 bytes of a GUID string, for a binary search on objectGUID. */
export function guidToBytes(guid: string): Buffer {
  const hex = guid.replace(/[{}]/g, '');
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(hex)) {
    throw new RangeError(`"${guid}" is not a GUID`);
  }
  const [a, b, c, d, e] = hex.split('-').map((part) => Buffer.from(part, 'hex'));
  return Buffer.concat([a.reverse(), b.reverse(), c.reverse(), d, e]);
}

/** A filter matching the object with this GUID (sent as bytes: string filters cannot carry them through ldapts). */
export function objectGuidFilter(guid: string): EqualityFilter {
  return new EqualityFilter({ attribute: 'objectGUID', value: guidToBytes(guid) });
}

function valueToString(name: string, value: Buffer | string): string {
  if (typeof value === 'string') {
    return BINARY.has(name) ? valueToString(name, Buffer.from(value, 'utf8')) : value;
  }
  return name === 'objectguid' ? guidToString(value) : value.toString('base64');
}

export function toDirectoryEntry(entry: Entry): DirectoryEntry {
  const attributes: Record<string, string[]> = {};
  for (const [key, raw] of Object.entries(entry)) {
    // ldapts adds every requested name; '1.1', '*' and '+' are selectors, not attributes.
    if (key === 'dn' || (['1.1', '*', '+'].includes(key) && Array.isArray(raw) && raw.length === 0)) continue;
    const name = key.toLowerCase();
    const values: (Buffer | string)[] = Array.isArray(raw) ? raw : [raw];
    attributes[name] = [...(attributes[name] ?? []), ...values.map((value) => valueToString(name, value))];
  }
  return { dn: entry.dn, attributes };
}
