import { Authorize } from '../../../policy/authorize.decorator';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../../audit/audit-log';
import { PlatformGate } from '../../../globals/platform-gate';
import type { Actor } from '../../../shared/actor';
import { CLOCK, type Clock } from '../../../shared/clock/clock.port';
import { DomainError } from '../../../shared/errors/domain.error';
import { validateInput } from '../../../shared/validation/validate-input';
import { PlanCloneDto } from '../dto/plan-clone.dto';
import type { PlanCreateDto } from '../dto/plan-create.dto';
import type { PlanResponseDto } from '../dto/plan-response.dto';
import { buildPlan } from '../plan-builder';
import { PlanStore } from '../plan.store';

/** Copies a plan under a new name (signup access off), as the wizard would have built it. */
@Injectable()
export class ClonePlanUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PlanStore,
    private readonly gate: PlatformGate,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Authorize('plan.clone')
  async execute(id: string, input: unknown, actor: Actor): Promise<PlanResponseDto> {
    const { name } = await validateInput(PlanCloneDto, input);
    return this.dataSource.transaction(async (manager) => {
      await this.gate.requireEnabled('create Hosted Exchange plans', manager);
      const source = await this.store.toResponse(await this.store.require(id, manager), manager);
      const copy: PlanCreateDto = {
        ...source,
        name,
        signupEnabled: false,
        mailboxes: source.mailboxes.map(({ mailingPlan, max, freeUnits, setupFee, recurringFee }) => ({
          mailingPlan,
          max,
          freeUnits,
          setupFee,
          recurringFee,
        })),
      };
      const { plan, errors } = buildPlan(copy, await this.store.catalogue(manager), this.clock.now());
      if (errors.length > 0) throw DomainError.validation(errors);
      await this.store.save(plan, manager);
      const after = await this.store.toResponse(plan, manager);
      await this.audit.record(
        {
          actor,
          action: 'plan.clone',
          targetType: 'plan',
          targetId: plan.id,
          before: { clonedFrom: id },
          after,
        },
        manager,
      );
      return after;
    });
  }
}
