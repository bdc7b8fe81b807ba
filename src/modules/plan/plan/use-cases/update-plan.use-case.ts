import { Authorize } from '../../../policy/authorize.decorator';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../../audit/audit-log';
import { PlatformGate } from '../../../globals/platform-gate';
import type { Actor } from '../../../shared/actor';
import { CLOCK, type Clock } from '../../../shared/clock/clock.port';
import { DomainError } from '../../../shared/errors/domain.error';
import { ErrorCode } from '../../../shared/errors/error-code.enum';
import { validateInput } from '../../../shared/validation/validate-input';
import type { PlanResponseDto } from '../dto/plan-response.dto';
import { PlanUpdateDto } from '../dto/plan-update.dto';
import { buildPlan } from '../plan-builder';
import { PlanStore } from '../plan.store';

/** Changes a plan (any wizard field, signup access included); archived plans are read-only. */
@Injectable()
export class UpdatePlanUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PlanStore,
    private readonly gate: PlatformGate,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Authorize('plan.update')
  async execute(id: string, input: unknown, actor: Actor, action = 'plan.update'): Promise<PlanResponseDto> {
    const dto = await validateInput(PlanUpdateDto, input);
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.store.require(id, manager);
      if (plan.status === 'archived')
        throw new DomainError(ErrorCode.CONFLICT, `The plan "${plan.name}" is archived and cannot change`);
      if (dto.signupEnabled === true && !plan.signupEnabled)
        await this.gate.requireEnabled('turn signup access on', manager);
      const before = await this.store.toResponse(plan, manager);
      const { errors } = buildPlan(dto, await this.store.catalogue(manager), this.clock.now(), plan);
      if (errors.length > 0) throw DomainError.validation(errors);
      await this.store.save(plan, manager);
      const after = await this.store.toResponse(await this.store.require(id, manager), manager);
      await this.audit.record(
        { actor, action, targetType: 'plan', targetId: plan.id, before, after },
        manager,
      );
      return after;
    });
  }
}
