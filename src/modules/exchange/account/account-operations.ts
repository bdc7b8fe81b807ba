import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLog } from '../../audit/audit-log';
import type { Actor } from '../../shared/actor';
import { CLOCK, type Clock } from '../../shared/clock/clock.port';
import { OperationsService } from '../operations/operations.service';
import { Account, type AccountStatus } from './account.entity';
import { AccountResponseDto } from './dto/account-response.dto';

export interface AccountOperationRequest {
  kind: string;
  input: Record<string, unknown>;
  actor: Actor;
  /** The audit action, e.g. `account.suspend`. */
  action: string;
  /** The account's status from now on (default: unchanged). */
  status?: AccountStatus;
  /** What the audit entry records; default the account before and after. */
  audit?: { before: unknown; after: unknown };
}

/**
 * Starts an account-wide operation (suspend, terminate, plan change, public folder, drift repair) in the caller's
 * transaction, which has locked the account and found it idle: the operation, the account busy with it (and its
 * new status), the audit entry. Returns the operation id; `account` is updated in place.
 */
@Injectable()
export class AccountOperations {
  constructor(
    private readonly operations: OperationsService,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async start(manager: EntityManager, account: Account, request: AccountOperationRequest): Promise<string> {
    const before = AccountResponseDto.from(account, account.status);
    const operationId = await this.operations.enqueue(
      request.kind,
      request.input,
      { actor: request.actor, accountId: account.id, target: { type: 'account', id: account.id } },
      manager,
    );
    Object.assign(account, {
      operationId,
      status: request.status ?? account.status,
      updatedAt: this.clock.now(),
    });
    const { status, updatedAt } = account;
    await manager.update(Account, { id: account.id }, { operationId, status, updatedAt });
    await this.audit.record(
      {
        actor: request.actor,
        action: request.action,
        targetType: 'account',
        targetId: account.id,
        before: request.audit ? request.audit.before : before,
        after: request.audit ? request.audit.after : AccountResponseDto.from(account, status),
        operationId,
      },
      manager,
    );
    return operationId;
  }
}
