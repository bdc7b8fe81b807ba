import type { ExchangeLink } from '../../mpf/connection/exchange-gateway';
import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';

/** MPF's codes (MPF.md §4) that steps treat as "already done". */
export const MPF_ALREADY_EXISTS = '0x80071392';
export const MPF_NO_SUCH_OBJECT = '0x80072030';

export async function existsInDirectory(link: ExchangeLink, dn: string): Promise<boolean> {
  return (await link.directory.findByDn(dn, ['cn'])) !== null;
}

/** Whether `error` is MPF refusing the call with `code`. */
function isMpfCode(error: unknown, code: string): boolean {
  return error instanceof DomainError && error.code === ErrorCode.MPF_REJECTED && error.meta.mpfCode === code;
}

/** Runs an MPF call whose "already exists" (or "no such object", for removals) means it was done before. */
export async function idempotentMpfCall(call: () => Promise<unknown>, doneCode: string): Promise<void> {
  try {
    await call();
  } catch (error) {
    if (!isMpfCode(error, doneCode)) throw error;
  }
}

type Attributes = Record<string, string[]>;

/** Whether `dn` holds an object of `objectClass` that `isOurs` accepts (`'other'` when something else holds it). */
export async function objectAt(
  link: ExchangeLink,
  dn: string,
  objectClass: 'user' | 'contact' | 'group',
  isOurs: (attributes: Attributes) => boolean = () => true,
): Promise<'none' | 'ours' | 'other'> {
  const entry = await link.directory.findByDn(dn, ['objectClass', 'userPrincipalName']);
  if (!entry) return 'none';
  const classes = (entry.attributes.objectclass ?? []).map((c) => c.toLowerCase());
  return classes.includes(objectClass) && isOurs(entry.attributes) ? 'ours' : 'other';
}

/**
 * Whether AD already has the object a create step makes (a re-run after a crash). CONFLICT (permanent: the
 * operation compensates) when something else holds the DN, so a create never takes over a foreign object.
 */
export async function alreadyCreated(
  link: ExchangeLink,
  dn: string,
  objectClass: 'user' | 'contact' | 'group',
  isOurs?: (attributes: Attributes) => boolean,
): Promise<boolean> {
  const found = await objectAt(link, dn, objectClass, isOurs);
  if (found === 'other') {
    throw new DomainError(ErrorCode.CONFLICT, `Another object already holds ${dn} in Active Directory`);
  }
  return found === 'ours';
}
