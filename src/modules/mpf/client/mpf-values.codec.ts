import { mpfErrors } from './mpf-client.errors';
import type { MpfUserNames } from './mpf-client.types';

/** How typed values become MPF parameter text. */

const LDAP_PREFIX = /^LDAP:\/\//i;

/** `LDAP://<dn>` (a DN already carrying the prefix is kept as is). */
export function ldapPath(dn: string): string {
  return LDAP_PREFIX.test(dn) ? dn : `LDAP://${dn}`;
}

/** The DN inside an `LDAP://` path MPF returned (servers may prefix `LDAP://server/`). */
export function dnOfPath(path: string): string {
  const dn = path.replace(LDAP_PREFIX, '');
  const slash = dn.indexOf('/');
  return slash >= 0 && !dn.slice(0, slash).includes('=') ? dn.slice(slash + 1) : dn;
}

export function flag(value: boolean): string {
  return value ? 'true' : 'false';
}

/** A non-negative whole number (megabytes), refused otherwise before anything is sent. */
export function quantity(field: string, value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw mpfErrors.invalid(field, 'isNonNegativeInteger', `must be a whole number ≥ 0, got ${value}`);
  }
  return String(value);
}

/** Reads a number MPF returned; undefined when it is not one. */
export function numberOf(text: string): number | undefined {
  const trimmed = text.trim();
  const value = trimmed === '' ? NaN : Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** The name parameters CreateBusinessUser and ModifyUser share, in their wire order (absent ones empty). */
export function userNameParams(user: MpfUserNames): [string, string][] {
  return [
    ['userPrincipalName', user.userPrincipalName],
    ['sAMAccountName', user.samAccountName],
    ['displayName', user.displayName],
    ['givenName', user.givenName ?? ''],
    ['middleName', user.middleName ?? ''],
    ['sn', user.sn ?? ''],
    ['initials', user.initials ?? ''],
    ['description', user.description ?? ''],
  ];
}
