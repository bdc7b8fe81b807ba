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
export function isMpfCode(error: unknown, code: string): boolean {
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
