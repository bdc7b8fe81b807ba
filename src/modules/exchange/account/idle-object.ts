import type { EntityManager } from 'typeorm';
import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';
import { operationRuns } from './account-access';

/** 409 unless the object (a mailbox, domain, list or contact) is active and no operation of it is running. */
export async function requireIdleObject(
  manager: EntityManager,
  row: { status: string; operationId: string | null },
  what: string,
): Promise<void> {
  if (row.status !== 'active' || (await operationRuns(manager, row.operationId))) {
    const state = row.status === 'active' ? `busy with operation ${row.operationId}` : row.status;
    throw new DomainError(ErrorCode.CONFLICT, `${what} is ${state}; try again when it is active`);
  }
}
