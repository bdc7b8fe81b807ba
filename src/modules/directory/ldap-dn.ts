import { DomainError } from '../shared/errors/domain.error';
import { escapeDnValue } from './ldap-escape';

/** One relative distinguished name: attribute type (e.g. `CN`) and its unescaped value. */
export type Rdn = [type: string, value: string];

const ATTRIBUTE_TYPE = /^(?:[A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)+)$/;
const MUST_BE_ESCAPED = new Set(['"', '+', ';', '<', '>']);
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function invalidDn(dn: string, why: string): DomainError {
  return DomainError.validation([
    { field: 'dn', rule: 'dn', message: `"${dn}" is not a valid distinguished name: ${why}` },
  ]);
}

export function isAttributeType(type: string): boolean {
  return ATTRIBUTE_TYPE.test(type);
}

/**
 * Reads an RFC 4514 DN into its RDNs, leaf first (`\,` and `\2C` escapes, hex escapes as UTF-8 bytes).
 * Lenient where AD is: spaces around `,` and `=` are ignored. Refuses multi-valued RDNs (AD has none) and
 * `#` hex-string values. `''` (the root DSE) is `[]`. Throws VALIDATION_FAILED.
 */
export function parseDn(dn: string): Rdn[] {
  const rdns: Rdn[] = [];
  let i = 0;
  while (i < dn.length || rdns.length > 0) {
    const equals = dn.indexOf('=', i);
    if (equals < 0) throw invalidDn(dn, 'an RDN has no "="');
    const type = dn.slice(i, equals).trim();
    if (!isAttributeType(type)) throw invalidDn(dn, `"${type}" is not an attribute type`);
    i = equals + 1;
    while (dn[i] === ' ') i++;
    if (dn[i] === '#') throw invalidDn(dn, 'hex-string (#) values are not supported');
    const bytes: number[] = [];
    let keep = 0; // bytes up to here are not trailing unescaped spaces
    for (; i < dn.length && dn[i] !== ','; i++) {
      const char = dn[i];
      if (char === '\\') {
        const pair = dn.slice(i + 1, i + 3);
        if (/^[0-9A-Fa-f]{2}$/.test(pair)) {
          bytes.push(parseInt(pair, 16));
          i += 2;
        } else if (i + 1 < dn.length) {
          bytes.push(...Buffer.from(dn[++i], 'utf8'));
        } else {
          throw invalidDn(dn, 'it ends with a lone "\\"');
        }
        keep = bytes.length;
      } else if (MUST_BE_ESCAPED.has(char)) {
        throw invalidDn(dn, `"${char}" must be escaped`);
      } else {
        bytes.push(...Buffer.from(char, 'utf8'));
        if (char !== ' ') keep = bytes.length;
      }
    }
    if (keep === 0) throw invalidDn(dn, `the value of ${type} is empty`);
    try {
      rdns.push([type, utf8.decode(Uint8Array.from(bytes.slice(0, keep)))]);
    } catch {
      throw invalidDn(dn, 'an escaped value is not UTF-8');
    }
    if (i >= dn.length) break;
    i++; // the ','
    while (dn[i] === ' ') i++;
  }
  return rdns;
}

/** The DN with upper-cased attribute types and canonical escaping (AD may return `\3D` where we wrote `\=`). */
export function normalizeDn(dn: string): string {
  return buildDn(parseDn(dn).map(([type, value]) => [type.toUpperCase(), value]));
}

/**
 * Builds a DN from RDNs (leaf first) and an optional parent DN, escaping every value:
 * `buildDn([['CN', 'Doe, John']], 'OU=Sales,DC=x')` is `CN=Doe\, John,OU=Sales,DC=x`. Throws VALIDATION_FAILED
 * on a bad attribute type, an empty value or an invalid parent.
 */
export function buildDn(rdns: Rdn[], parentDn = ''): string {
  const own = rdns.map(([type, value]) => {
    if (!isAttributeType(type)) throw invalidDn(`${type}=…`, `"${type}" is not an attribute type`);
    if (value === '') throw invalidDn(`${type}=`, `the value of ${type} is empty`);
    return `${type}=${escapeDnValue(value)}`;
  });
  if (parentDn !== '') parseDn(parentDn);
  return [...own, ...(parentDn === '' ? [] : [parentDn])].join(',');
}

function sameRdn([typeA, valueA]: Rdn, [typeB, valueB]: Rdn): boolean {
  return typeA.toLowerCase() === typeB.toLowerCase() && valueA.toLowerCase() === valueB.toLowerCase();
}

/** Whether two DNs name the same object (AD compares case-insensitively, whatever the escaping). */
export function dnEquals(a: string, b: string): boolean {
  const [rdnsA, rdnsB] = [parseDn(a), parseDn(b)];
  return rdnsA.length === rdnsB.length && rdnsA.every((rdn, index) => sameRdn(rdn, rdnsB[index]));
}

/** Whether `dn` is `baseDn` or below it. */
export function isDnWithin(dn: string, baseDn: string): boolean {
  const [rdns, base] = [parseDn(dn), parseDn(baseDn)];
  const offset = rdns.length - base.length;
  return offset >= 0 && base.every((rdn, index) => sameRdn(rdns[offset + index], rdn));
}
