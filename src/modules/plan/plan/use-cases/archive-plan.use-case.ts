import { Authorize } from '../../../policy/authorize.decorator';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../../audit/audit-log';
import type { Actor } from '../../../shared/actor';
import { CLOCK, type Clock } from '../../../shared/clock/clock.port';
import type { PlanResponseDto } from '../dto/plan-response.dto';
import { PlanStore } from '../plan.store';

/**
 * Retires a plan: signup access off, hidden from lists, kept for the accounts that use it. Plans are never
 * hard-deleted, so an account can never lose the plan it is billed on.
 */
@Injectable()
export class ArchivePlanUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PlanStore,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Authorize('plan.archive')
  execute(id: string, actor: Actor): Promise<PlanResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.store.require(id, manager);
      const before = await this.store.toResponse(plan, manager);
      if (plan.status === 'archived') return before;
      Object.assign(plan, { status: 'archived', signupEnabled: false, updatedAt: this.clock.now() });
      await this.store.save(plan, manager);
      const after = await this.store.toResponse(plan, manager);
      await this.audit.record(
        { actor, action: 'plan.archive', targetType: 'plan', targetId: id, before, after },
        manager,
      );
      return after;
    });
  }
}
