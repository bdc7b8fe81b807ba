import { Authorize } from '../../../policy/authorize.decorator';
import { isUUID } from 'class-validator';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource, type EntityManager } from 'typeorm';
import { Actor } from '../../../shared/actor';
import { CLOCK, type Clock } from '../../../shared/clock/clock.port';
import { DomainError } from '../../../shared/errors/domain.error';
import { ErrorCode } from '../../../shared/errors/error-code.enum';
import { validateInput } from '../../../shared/validation/validate-input';
import { dbTime } from '../../operations/engine/db-time';
import { Account } from '../../account/account.entity';
import { ApprovalDecisions } from '../approval-decisions';
import { APPROVED_COMMAND_RUNNER, type ApprovedCommandRunner } from '../approved-command.runner';
import { ApprovalRequest, COMMAND_APPROVAL } from '../approval-request.entity';
import { ApprovalApproveDto, ApprovalRejectDto } from '../dto/approval-decision.dto';
import { ApprovalResponseDto } from '../dto/approval-response.dto';

/**
 * A manager's decision on a pending request, never the requester's. A signup: approve starts
 * `organization.provision` with the sealed password; reject and expiry discard the pending account. A held
 * command: each approval is a vote, and once the quorum is reached the command runs as its requester; reject
 * and expiry change nothing.
 */
@Injectable()
export class DecideApprovalUseCase {
  private readonly logger = new Logger('Approvals');

  constructor(
    private readonly dataSource: DataSource,
    private readonly decisions: ApprovalDecisions,
    private readonly moduleRef: ModuleRef,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Authorize('approval.decide')
  async approve(id: string, input: unknown, actor: Actor): Promise<ApprovalResponseDto> {
    const dto = await validateInput(ApprovalApproveDto, input);
    const decided = await this.dataSource.transaction(async (manager) => {
      const request = await this.pending(id, actor, manager);
      if (request.kind === COMMAND_APPROVAL) {
        return { request, ...(await this.decisions.vote(request, dto.reason ?? null, actor, manager)) };
      }
      const account = await manager.findOneBy(Account, { id: request.accountId });
      if (account?.status === 'pending_verification') {
        // Approval is not proof of the domain: Exchange would become authoritative for a name nobody proved.
        throw new DomainError(
          ErrorCode.CONFLICT,
          `The signup of ${request.accountId} waits for its primary domain's DNS proof; verify the domain first (staff may mark it verified), then decide`,
        );
      }
      const operationId = await this.decisions.provision(request, dto.reason ?? null, actor, manager);
      return { request, reached: false, secret: null, operationId };
    });
    if (!decided.reached) return ApprovalResponseDto.from(decided.request, decided.operationId ?? null);
    return this.runApproved(decided.request, decided.secret, actor);
  }

  @Authorize('approval.decide')
  async reject(id: string, input: unknown, actor: Actor): Promise<ApprovalResponseDto> {
    const dto = await validateInput(ApprovalRejectDto, input);
    return this.dataSource.transaction(async (manager) => {
      const request = await this.pending(id, actor, manager);
      await this.decisions.decide(request, 'rejected', dto.reason, actor, manager);
      return ApprovalResponseDto.from(request);
    });
  }

  /**
   * The command of a request that has just been approved (committed: exactly one decision gets here) runs as its
   * requester. If it is refused now (the account changed meanwhile, say), the request ends `failed` with why.
   */
  private async runApproved(
    request: ApprovalRequest,
    secret: string | null,
    approver: Actor,
  ): Promise<ApprovalResponseDto> {
    const runner = this.moduleRef.get<ApprovedCommandRunner>(APPROVED_COMMAND_RUNNER, { strict: false });
    try {
      const result = (await runner.run(request, secret)) as { operationId?: string | null } | undefined;
      const operationId = result?.operationId ?? null;
      // Kept with the request, so that the list shows which operation the approved command started.
      if (operationId) {
        await this.dataSource.transaction(async (manager) => {
          const row = await this.decisions.lock(request.id, manager);
          if (row)
            await manager.update(
              ApprovalRequest,
              { id: row.id },
              { payload: { ...row.payload, operationId } },
            );
        });
      }
      return ApprovalResponseDto.from(request, operationId);
    } catch (error) {
      // Refused now (the account changed meanwhile, say) or broken: either way it did not run, and says why.
      const why =
        error instanceof DomainError ? error.detail : 'it failed unexpectedly (see the service log)';
      if (!(error instanceof DomainError)) this.logger.error(error instanceof Error ? error : String(error));
      await this.dataSource.transaction((manager) =>
        this.decisions.decide(
          request,
          'failed',
          `The approved command was refused: ${why}`.slice(0, 500),
          approver,
          manager,
        ),
      );
      return ApprovalResponseDto.from(request);
    }
  }

  /** Expires every pending request whose time is up; returns how many. */
  @Authorize('approval.expireDue')
  async expireDue(actor: Actor): Promise<number> {
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
        const request = await this.decisions.lock(id, manager);
        if (request?.status !== 'pending' || request.expiresAt > this.clock.now()) return;
        await this.decisions.decide(request, 'expired', 'Not decided in time', actor, manager);
        expired += 1;
      });
    }
    return expired;
  }

  private async pending(id: string, actor: Actor, manager: EntityManager): Promise<ApprovalRequest> {
    const request = isUUID(id) ? await this.decisions.lock(id, manager) : null;
    if (!request) throw new DomainError(ErrorCode.NOT_FOUND, `No approval request has the id ${id}`);
    if (request.status === 'pending' && request.expiresAt <= this.clock.now()) {
      // Refused as expired; the expiry job records it (deciding it here would be rolled back with this refusal).
      throw new DomainError(ErrorCode.CONFLICT, `The approval request ${id} has expired`);
    }
    if (request.status !== 'pending') {
      throw new DomainError(ErrorCode.CONFLICT, `The approval request ${id} is already ${request.status}`);
    }
    // The same person in another role (support:sam requested, manager:sam decides) is still the requester.
    if (Actor.parse(request.requestedBy).principal === actor.principal) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        'A request must be decided by someone other than its requester',
      );
    }
    return request;
  }
}
