import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLog } from '../../audit/audit-log';
import { EventOutbox } from '../../events/event-outbox';
import { Actor } from '../../shared/actor';
import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';
import { CLOCK, type Clock } from '../../shared/clock/clock.port';
import { forUpdate } from '../../shared/database/lock-for-update';
import { Account } from '../account/account.entity';
import { deleteAccountRows } from '../account/account-rows';
import { Mailbox } from '../mailbox/mailbox.entity';
import { OperationsService } from '../operations/operations.service';
import {
  ADMIN_PASSWORD_FIELD,
  type OrganizationProvisionInput,
} from '../provisioning/organization-provision.input';
import { ApprovalRequest, COMMAND_APPROVAL, type ApprovalStatus } from './approval-request.entity';
import { ApprovalRequests } from './approval-requests';
import { ApprovalResponseDto } from './dto/approval-response.dto';

/**
 * The outcomes of an approval request, inside the caller's transaction with the request locked: a held command's
 * votes; a signup approved (provisioning starts with the sealed password); any request rejected, expired or
 * failed (a signup's pending account is discarded). Each outcome is audited and announced as an event. Used by the
 * decision use case, its expiry, and a signup whose primary domain was proven in DNS.
 */
@Injectable()
export class ApprovalDecisions {
  constructor(
    private readonly requests: ApprovalRequests,
    private readonly operations: OperationsService,
    private readonly audit: AuditLog,
    private readonly outbox: EventOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Approves a locked pending request in the caller's transaction: `organization.provision` starts with the sealed
   * password and the account is `provisioning`. Also how a signup whose primary domain was verified in DNS starts.
   */
  async provision(
    request: ApprovalRequest,
    reason: string | null,
    actor: Actor,
    manager: EntityManager,
  ): Promise<string> {
    const payload = request.payload as OrganizationProvisionInput;
    const operationId = await this.operations.enqueue(
      request.kind,
      { ...payload, [ADMIN_PASSWORD_FIELD]: this.requests.openSecret(request) },
      {
        actor,
        accountId: request.accountId,
        target: { type: 'account', id: request.accountId },
        secretFields: [ADMIN_PASSWORD_FIELD],
      },
      manager,
    );
    const updatedAt = this.clock.now();
    await manager.update(
      Account,
      { id: request.accountId },
      { status: 'provisioning', operationId, updatedAt },
    );
    await manager.update(Mailbox, { id: payload.adminMailboxId }, { operationId, updatedAt });
    await this.decide(request, 'approved', reason, actor, manager, operationId);
    return operationId;
  }

  /** Expires a locked pending request in the caller's transaction: the pending account is discarded. */
  expire(request: ApprovalRequest, reason: string, actor: Actor, manager: EntityManager): Promise<void> {
    return this.decide(request, 'expired', reason, actor, manager);
  }

  lock(id: string, manager: EntityManager): Promise<ApprovalRequest | null> {
    return manager.findOne(ApprovalRequest, { where: { id }, ...forUpdate(manager) });
  }

  /**
   * One approval of a request that holds a command, in the caller's transaction with the request locked: the
   * approver's vote is added (one per person). Once the quorum is reached the request is approved and its sealed
   * secret is returned opened, for the command to run after the commit; until then, null.
   */
  async vote(
    request: ApprovalRequest,
    reason: string | null,
    actor: Actor,
    manager: EntityManager,
  ): Promise<{ reached: boolean; secret: string | null }> {
    const votes = request.decisions ?? [];
    if (votes.some((vote) => Actor.parse(vote.by).principal === actor.principal)) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `${actor.toString()} has already approved request ${request.id}`,
      );
    }
    const decisions = [...votes, { by: actor.toString(), at: this.clock.now().toISOString(), reason }];
    if (decisions.length < request.quorum) {
      const before = ApprovalResponseDto.from(request);
      request.decisions = decisions;
      await manager.update(ApprovalRequest, { id: request.id }, { decisions, updatedAt: this.clock.now() });
      await this.audit.record(
        {
          actor,
          action: 'approval.vote',
          targetType: 'approval_request',
          targetId: request.id,
          before,
          after: ApprovalResponseDto.from(request),
        },
        manager,
      );
      return { reached: false, secret: null };
    }
    const secret = request.sealedSecret ? this.requests.openSecret(request) : null;
    request.decisions = decisions;
    await manager.update(ApprovalRequest, { id: request.id }, { decisions });
    await this.decide(request, 'approved', reason, actor, manager);
    return { reached: true, secret };
  }

  /** Records the decision (secret wiped); a rejected or expired signup's account is discarded. */
  async decide(
    request: ApprovalRequest,
    status: Exclude<ApprovalStatus, 'pending'>,
    reason: string | null,
    actor: Actor,
    manager: EntityManager,
    operationId?: string,
  ): Promise<void> {
    const before = ApprovalResponseDto.from(request);
    const now = this.clock.now();
    Object.assign(request, {
      status,
      reason,
      decidedBy: actor.toString(),
      decidedAt: now,
      sealedSecret: null,
      updatedAt: now,
    });
    await manager.update(
      ApprovalRequest,
      { id: request.id },
      { status, reason, decidedBy: request.decidedBy, decidedAt: now, sealedSecret: null, updatedAt: now },
    );
    await this.outbox.record(manager, status === 'expired' ? 'approval.expired' : 'approval.decided', {
      approvalId: request.id,
      kind: request.kind,
      accountId: request.accountId,
      status,
      requestedBy: request.requestedBy,
      decidedBy: request.decidedBy,
      reason,
      ...(operationId && { operationId }),
    });
    // Only a signup reserved anything (its pending account); a command reserves nothing until it runs.
    if (status !== 'approved' && status !== 'failed' && request.kind !== COMMAND_APPROVAL) {
      await deleteAccountRows(manager, request.accountId);
    }
    await this.audit.record(
      {
        actor,
        action: `approval.${status}`,
        targetType: 'approval_request',
        targetId: request.id,
        before,
        after: ApprovalResponseDto.from(request, operationId ?? null),
        ...(operationId && { operationId }),
      },
      manager,
    );
  }
}
