import { ORGANIZATION_PROVISION } from '../provisioning/organization-provision.input';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Plan } from '../../plan/plan/plan.entity';
import { Actor } from '../../shared/actor';
import { CLOCK, type Clock } from '../../shared/clock/clock.port';
import { forUpdate } from '../../shared/database/lock-for-update';
import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';
import { ApprovalRequest } from '../approval/approval-request.entity';
import { ApprovalDecisions } from '../approval/approval-decisions';
import { Account } from './account.entity';

/**
 * A signup waiting for its primary domain's DNS proof (`pending_verification`) holds its provisioning input and
 * sealed admin password in an approval request, as a signup waiting for a manager does. Verified, it goes on to
 * `pending_approval` when the plan requires approval, else provisioning starts; expired, the account is discarded.
 * (A manager approving the request meanwhile is a manual verification by staff.)
 */
/** Who decides a signup's request when its primary domain is proven. */
const DOMAIN_PROOF = new Actor('system', 'domain-verification');

@Injectable()
export class SignupVerification {
  constructor(
    private readonly approvals: ApprovalDecisions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The primary domain is proven: the operation id when provisioning started, null when a manager must approve. */
  async verified(account: Account, plan: Plan, how: string, manager: EntityManager): Promise<string | null> {
    const request = await this.pendingRequest(manager, account.id);
    if (plan.requiresApproval) {
      await manager.update(
        Account,
        { id: account.id },
        { status: 'pending_approval', updatedAt: this.clock.now() },
      );
      return null;
    }
    // The proof decides, not whoever asked for the check (it may be the requesting customer itself).
    return this.approvals.provision(request, `primary domain verified (${how})`, DOMAIN_PROOF, manager);
  }

  /** The proof never came: the signup expires and its names are free again. */
  async expired(accountId: string, actor: Actor, manager: EntityManager): Promise<void> {
    const request = await this.pendingRequest(manager, accountId);
    await this.approvals.expire(request, 'primary domain not verified in time', actor, manager);
  }

  private async pendingRequest(manager: EntityManager, accountId: string): Promise<ApprovalRequest> {
    const request = await manager.findOne(ApprovalRequest, {
      where: { accountId, status: 'pending', kind: ORGANIZATION_PROVISION },
      ...forUpdate(manager),
    });
    if (!request) {
      throw new DomainError(ErrorCode.CONFLICT, `The signup of ${accountId} has no pending request any more`);
    }
    return request;
  }
}
