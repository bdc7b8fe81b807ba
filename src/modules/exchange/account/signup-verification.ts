import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Plan } from '../../plan/plan/plan.entity';
import type { Actor } from '../../shared/actor';
import { CLOCK, type Clock } from '../../shared/clock/clock.port';
import { forUpdate } from '../../shared/database/lock-for-update';
import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';
import { ApprovalRequest } from '../approval/approval-request.entity';
import { DecideApprovalUseCase } from '../approval/use-cases/decide-approval.use-case';
import { Account } from './account.entity';

/**
 * A signup waiting for its primary domain's DNS proof (`pending_verification`) holds its provisioning input and
 * sealed admin password in an approval request, as a signup waiting for a manager does. Verified, it goes on to
 * `pending_approval` when the plan requires approval, else provisioning starts; expired, the account is discarded.
 * (A manager approving the request meanwhile is a manual verification by staff.)
 */
@Injectable()
export class SignupVerification {
  constructor(
    private readonly approvals: DecideApprovalUseCase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The primary domain is proven: the operation id when provisioning started, null when a manager must approve. */
  async verified(account: Account, plan: Plan, actor: Actor, manager: EntityManager): Promise<string | null> {
    const request = await this.pendingRequest(manager, account.id);
    if (plan.requiresApproval) {
      await manager.update(
        Account,
        { id: account.id },
        { status: 'pending_approval', updatedAt: this.clock.now() },
      );
      return null;
    }
    return this.approvals.provision(request, 'primary domain verified in DNS', actor, manager);
  }

  /** The proof never came: the signup expires and its names are free again. */
  async expired(accountId: string, actor: Actor, manager: EntityManager): Promise<void> {
    const request = await this.pendingRequest(manager, accountId);
    await this.approvals.expire(request, 'primary domain not verified in time', actor, manager);
  }

  private async pendingRequest(manager: EntityManager, accountId: string): Promise<ApprovalRequest> {
    const request = await manager.findOne(ApprovalRequest, {
      where: { accountId, status: 'pending' },
      ...forUpdate(manager),
    });
    if (!request) {
      throw new DomainError(ErrorCode.CONFLICT, `The signup of ${accountId} has no pending request any more`);
    }
    return request;
  }
}
