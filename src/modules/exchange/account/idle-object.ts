import type { EntityManager } from 'typeorm';
import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';
import { operationRuns } from './account-access';

/**
 * 409 unless no operation of the object (a mailbox, domain, list or contact) is running and it is active; with
 * `anyStatus` (deletion) an object left `failed` or unsettled by an operation that ended may go too.
 */
export async function requireIdleObject(
  manager: EntityManager,
  row: { status: string; operationId: string | null },
  what: string,
  anyStatus = false,
): Promise<void> {
  if ((!anyStatus && row.status !== 'active') || (await operationRuns(manager, row.operationId))) {
    const state = row.status === 'active' ? `busy with operation ${row.operationId}` : row.status;
    throw new DomainError(ErrorCode.CONFLICT, `${what} is ${state}; try again when it is active`);
  }
}
