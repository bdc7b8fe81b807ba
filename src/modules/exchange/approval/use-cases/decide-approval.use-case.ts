import { isUUID } from 'class-validator';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLog } from '../../../audit/audit-log';
import { Actor } from '../../../shared/actor';
import { CLOCK, type Clock } from '../../../shared/clock/clock.port';
import { forUpdate } from '../../../shared/database/lock-for-update';
import { DomainError } from '../../../shared/errors/domain.error';
import { ErrorCode } from '../../../shared/errors/error-code.enum';
import { validateInput } from '../../../shared/validation/validate-input';
import { Account } from '../../account/account.entity';
import { deleteAccountRows } from '../../account/account-rows';
import { Mailbox } from '../../mailbox/mailbox.entity';
import { dbTime } from '../../operations/engine/db-time';
import { OperationsService } from '../../operations/operations.service';
import {
  ADMIN_PASSWORD_FIELD,
  type OrganizationProvisionInput,
} from '../../provisioning/organization-provision.input';
import { ApprovalRequest, type ApprovalStatus } from '../approval-request.entity';
import { ApprovalRequests } from '../approval-requests';
import { ApprovalApproveDto, ApprovalRejectDto } from '../dto/approval-decision.dto';
import { ApprovalResponseDto } from '../dto/approval-response.dto';

/**
 * A manager's decision on a pending signup. Approve starts `organization.provision` with the sealed password;
 * reject and expiry discard the pending account (its names become free). The approver must not be the requester.
 */
@Injectable()
export class DecideApprovalUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: ApprovalRequests,
    private readonly operations: OperationsService,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async approve(id: string, input: unknown, actor: Actor): Promise<ApprovalResponseDto> {
    const dto = await validateInput(ApprovalApproveDto, input);
    return this.dataSource.transaction(async (manager) => {
      const request = await this.pending(id, actor, manager);
      const operationId = await this.provision(request, dto.reason ?? null, actor, manager);
      return ApprovalResponseDto.from(request, operationId);
    });
  }

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

  async reject(id: string, input: unknown, actor: Actor): Promise<ApprovalResponseDto> {
    const dto = await validateInput(ApprovalRejectDto, input);
    return this.dataSource.transaction(async (manager) => {
      const request = await this.pending(id, actor, manager);
      await this.decide(request, 'rejected', dto.reason, actor, manager);
      return ApprovalResponseDto.from(request);
    });
  }

  /** Expires every pending request whose time is up; returns how many. */
  async expireDue(): Promise<number> {
    const actor = new Actor('system', 'approval-expiry');
    const due = await this.dataSource.manager
      .createQueryBuilder(ApprovalRequest, 'r')
      .where('r.status = :status AND r.expires_at <= :now', {
        status: 'pending',
        now: dbTime(this.dataSource, this.clock.now()),
      })
      .getMany();
    let expired = 0;
    for (const { id } of due) {
      await this.dataSource.transaction(async (manager) => {
        const request = await this.lock(id, manager);
        if (request?.status !== 'pending' || request.expiresAt > this.clock.now()) return;
        await this.decide(request, 'expired', 'Not decided in time', actor, manager);
        expired += 1;
      });
    }
    return expired;
  }

  private async pending(id: string, actor: Actor, manager: EntityManager): Promise<ApprovalRequest> {
    const request = isUUID(id) ? await this.lock(id, manager) : null;
    if (!request) throw new DomainError(ErrorCode.NOT_FOUND, `No approval request has the id ${id}`);
    if (request.status === 'pending' && request.expiresAt <= this.clock.now()) {
      await this.decide(
        request,
        'expired',
        'Not decided in time',
        new Actor('system', 'approval-expiry'),
        manager,
      );
    }
    if (request.status !== 'pending') {
      throw new DomainError(ErrorCode.CONFLICT, `The approval request ${id} is already ${request.status}`);
    }
    if (request.requestedBy === actor.toString()) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        'A request must be decided by someone other than its requester',
      );
    }
    return request;
  }

  private lock(id: string, manager: EntityManager): Promise<ApprovalRequest | null> {
    return manager.findOne(ApprovalRequest, { where: { id }, ...forUpdate(manager) });
  }

  /** Records the decision (secret wiped); a rejected or expired signup's account is discarded. */
  private async decide(
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
    if (status !== 'approved') await deleteAccountRows(manager, request.accountId);
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
