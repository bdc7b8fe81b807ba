import { Authorize } from '../../../policy/authorize.decorator';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../../audit/audit-log';
import type { Actor } from '../../../shared/actor';
import { CLOCK, type Clock } from '../../../shared/clock/clock.port';
import { DomainError } from '../../../shared/errors/domain.error';
import { ErrorCode } from '../../../shared/errors/error-code.enum';
import { MailingPlanResponseDto } from '../dto/mailing-plan-response.dto';
import { MailingPlanStore } from '../mailing-plan.store';
import { MAILING_PLAN_TARGET } from './mailing-plan-audit';

/**
 * Archives a mailing plan: it stays for the mailboxes and plans that use it but is offered no more. The
 * default plan cannot be archived; archiving an archived plan changes nothing.
 */
@Injectable()
export class ArchiveMailingPlanUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: MailingPlanStore,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Authorize('mailingPlan.archive')
  execute(id: string, actor: Actor): Promise<MailingPlanResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.store.require(id, manager);
      if (plan.archived) return MailingPlanResponseDto.from(plan);
      if (plan.isDefault) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `${plan.name} is the default mailing plan: make another plan the default before archiving it`,
        );
      }
      Object.assign(plan, { archived: true, updatedAt: this.clock.now() });
      await this.store.update(plan, manager);
      await this.audit.record(
        {
          actor,
          action: 'mailing-plan.archive',
          targetType: MAILING_PLAN_TARGET,
          targetId: plan.id,
          before: { archived: false },
          after: { archived: true },
        },
        manager,
      );
      return MailingPlanResponseDto.from(plan);
    });
  }
}
