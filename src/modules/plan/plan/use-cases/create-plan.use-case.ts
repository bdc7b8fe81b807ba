import { Authorize } from '../../../policy/authorize.decorator';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../../audit/audit-log';
import { PlatformGate } from '../../../globals/platform-gate';
import type { Actor } from '../../../shared/actor';
import { CLOCK, type Clock } from '../../../shared/clock/clock.port';
import { DomainError } from '../../../shared/errors/domain.error';
import { validateInput } from '../../../shared/validation/validate-input';
import { PlanCreateDto } from '../dto/plan-create.dto';
import type { PlanResponseDto } from '../dto/plan-response.dto';
import { buildPlan } from '../plan-builder';
import { PlanStore } from '../plan.store';

/** The Hosted Exchange Plan Wizard: one validated call that fills defaults and returns the complete plan. */
@Injectable()
export class CreatePlanUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PlanStore,
    private readonly gate: PlatformGate,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Authorize('plan.create')
  async execute(input: unknown, actor: Actor): Promise<PlanResponseDto> {
    const dto = await validateInput(PlanCreateDto, input);
    return this.dataSource.transaction(async (manager) => {
      await this.gate.requireEnabled('create Hosted Exchange plans', manager);
      const { plan, errors } = buildPlan(dto, await this.store.catalogue(manager), this.clock.now());
      if (errors.length > 0) throw DomainError.validation(errors);
      await this.store.save(plan, manager);
      const after = await this.store.toResponse(plan, manager);
      await this.audit.record(
        { actor, action: 'plan.create', targetType: 'plan', targetId: plan.id, before: null, after },
        manager,
      );
      return after;
    });
  }
}
