import { FilterParser, type Filter } from 'ldapts';
import { DomainError } from '../shared/errors/domain.error';
import { ErrorCode } from '../shared/errors/error-code.enum';
import { parseDn } from './ldap-dn';

/*
 * Samba (like other C-string servers) cuts DN and assertion values at NUL: `(mail=alice@x.test\00junk)` matches
 * alice@x.test and `CN=alice\00zzz,…` reads CN=alice. A NUL never belongs in a name or an address we look up,
 * so refuse it before it can make a lookup match the wrong object.
 */

function refuse(field: string, message: string): DomainError {
  return DomainError.validation([{ field, rule: 'noNul', message }]);
}

export function hasNul(value: string): boolean {
  return value.includes('\0');
}

/** Throws VALIDATION_FAILED when a DN holds a NUL, raw or escaped (`\00`). DNs we cannot parse go to the server. */
export function assertNoNulInDn(dn: string): void {
  let values: string[] = [dn];
  try {
    values = parseDn(dn).map(([, value]) => value);
  } catch {
    // e.g. <GUID=…>: the server decides.
  }
  if (values.some(hasNul)) throw refuse('dn', `must not contain NUL: "${dn.replaceAll('\0', '\\00')}"`);
}

type FilterNode = Partial<Record<'value' | 'initial' | 'final', unknown>> & {
  any?: unknown[];
  filters?: FilterNode[];
  filter?: FilterNode;
};

function stringsOf(node: FilterNode): string[] {
  const own = [node.value, node.initial, node.final, ...(node.any ?? [])].filter(
    (v): v is string => typeof v === 'string',
  );
  const children = [...(node.filters ?? []), ...(node.filter ? [node.filter] : [])];
  return [...own, ...children.flatMap(stringsOf)];
}

/** Throws VALIDATION_FAILED when a string value anywhere in the filter holds a NUL (binary values may). */
export function assertNoNulInFilter(filter: Filter): void {
  if (stringsOf(filter as unknown as FilterNode).some(hasNul)) {
    throw refuse('filter', 'values must not contain NUL');
  }
}

/** A string filter as ldapts will send it; throws VALIDATION_FAILED (not a raw parser error) when malformed. */
export function parseFilter(filter: string): Filter {
  try {
    return FilterParser.parseString(filter);
  } catch (error) {
    const message = `is not a valid LDAP filter: ${(error as Error).message}`;
    throw new DomainError(ErrorCode.VALIDATION_FAILED, `Invalid input: filter: ${message}`, {
      cause: error,
      errors: [{ field: 'filter', rule: 'ldapFilter', message }],
    });
  }
}
