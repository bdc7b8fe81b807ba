import { isDomainNameProblem, parseDomainName, type DomainNameProblem } from './domain-name';

/** RFC 5322 dot-atom in ASCII: atext characters, dots only between them; at most 64 characters (RFC 5321). */
const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const MAX_LOCAL_PART = 64;
/** The longest SMTP address (RFC 5321 path limit). */
export const MAX_ADDRESS = 254;

/** An address with its domain in ASCII form (`local@ascii`), and its domain's display form. */
export interface MailAddress {
  address: string;
  localPart: string;
  domain: string;
  unicodeDomain: string;
}

/**
 * Parses `local@domain`: the local part a strict ASCII dot-atom (no quoted strings, comments or international
 * characters), the domain through the domain-name rules; the address is at most 254 characters in ASCII form.
 */
export function parseMailAddress(raw: unknown): MailAddress | DomainNameProblem {
  if (typeof raw !== 'string') return { rule: 'isString', message: 'must be a string' };
  const at = raw.lastIndexOf('@');
  if (at < 1) return { rule: 'address', message: 'must be an address local-part@domain' };
  const localPart = raw.slice(0, at);
  if (localPart.length > MAX_LOCAL_PART || !DOT_ATOM.test(localPart)) {
    return {
      rule: 'localPart',
      message: `must have a local part of 1-${MAX_LOCAL_PART} ASCII letters, digits and !#$%&'*+/=?^_\`{|}~- with single dots between them`,
    };
  }
  const domain = parseDomainName(raw.slice(at + 1));
  if (isDomainNameProblem(domain))
    return { rule: domain.rule, message: `has a domain that ${domain.message}` };
  const address = `${localPart}@${domain.ascii}`;
  if (address.length > MAX_ADDRESS) {
    return { rule: 'maxLength', message: `is longer than ${MAX_ADDRESS} characters` };
  }
  return { address, localPart, domain: domain.ascii, unicodeDomain: domain.unicode };
}
