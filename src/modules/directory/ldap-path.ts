import { DomainError } from '../shared/errors/domain.error';
import { parseDn } from './ldap-dn';

const PREFIX = /^LDAP:\/\//i;

/** ADSI path of a DN, as MPF wants it: `LDAP://[server/]dn`, with `/` in the DN escaped as `\/`. */
export function ldapPath(dn: string, server?: string): string {
  return `LDAP://${server ? `${server}/` : ''}${dn.replaceAll('/', '\\/')}`;
}

function invalidPath(path: string, why: string): DomainError {
  return DomainError.validation([
    { field: 'path', rule: 'ldapPath', message: `"${path}" is not an LDAP path: ${why}` },
  ]);
}

/** The DN inside an ADSI path (`LDAP://dn` or `LDAP://server[:port]/dn`), `\/` unescaped. Throws VALIDATION_FAILED. */
export function dnOfLdapPath(path: string): string {
  if (!PREFIX.test(path)) throw invalidPath(path, 'it does not start with LDAP://');
  let rest = path.replace(PREFIX, '');
  const serverEnd = rest.search(/(?<!\\)\//);
  if (serverEnd >= 0 && !rest.slice(0, serverEnd).includes('=')) rest = rest.slice(serverEnd + 1);
  let dn = '';
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '\\' && rest[i + 1] === '/') dn += rest[++i];
    else if (rest[i] === '\\') dn += rest[i] + (rest[++i] ?? '');
    else dn += rest[i];
  }
  if (dn === '') throw invalidPath(path, 'it names no object');
  parseDn(dn);
  return dn;
}
